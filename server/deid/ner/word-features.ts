/**
 * What the statistical recogniser knows about one word on its own: its shape, its affixes and
 * which well-kept lists hold it (census first names and surnames, SSA baby names, GeoNames cities, the code-set
 * and English word lists, compromise's lexicon, our clinical and facility lists). These are the
 * evidence that carries over to text nobody here wrote: a word the model never saw still has a
 * shape and a census frequency. Cached per word; the lists load on first use.
 */
import { EPONYMS, DRUGS, FACILITY_HEADS, PLACE_DISEASES, isClinicalOrCommon, nameLists } from '../lexicon';
import { cityPopulation } from '../gazetteer';
import { isListedDrug } from '../drug-names';
import { firstNameBirths } from '../baby-names';
import { codeSetWords, englishWords } from '../vocabulary';
import { isEnglishWord, lexiconTag } from '../tokens';
import { STATE_ABBR, STATE_NAMES } from '../places';
import { wordCluster } from './word-clusters';

const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'sr', 'sister', 'father', 'rev', 'pastor']);
const CREDENTIALS = new Set(['md', 'do', 'rn', 'np', 'pa', 'pa-c', 'lpn', 'lvn', 'crna', 'aprn', 'fnp', 'dnp', 'pharmd', 'phd', 'lcsw', 'msw', 'otr', 'slp',
  'rrt', 'cna', 'dds', 'dpm', 'pt', 'dpt', 'ot', 'ccs', 'cpc', 'rhia', 'rhit', 'cdip', 'ccds', 'bsn', 'msn', 'mba', 'mph', 'cnm', 'emt', 'paramedic']);
const RELATIONS = new Set(['wife', 'husband', 'son', 'daughter', 'mother', 'father', 'brother', 'sister', 'mom', 'dad', 'aunt', 'uncle', 'niece', 'nephew',
  'grandson', 'granddaughter', 'grandmother', 'grandfather', 'grandma', 'grandpa', 'friend', 'neighbor', 'neighbour', 'partner', 'caregiver', 'boyfriend',
  'girlfriend', 'spouse', 'fiance', 'fiancee', 'cousin', 'stepson', 'stepdaughter', 'guardian', 'poa', 'sibling', 'child', 'roommate']);
const STATES = new Set([...STATE_NAMES.toLowerCase().split('|'), ...STATE_ABBR.split('|')]);

let heads: Set<string> | null = null;
/** Single words of the facility head words ("Hospital", "Medical Center" -> hospital, medical, center). */
function headWords(): Set<string> {
  heads ??= new Set(FACILITY_HEADS.flatMap((h) => h.toLowerCase().split(/\s+/)).filter((w) => w.length > 2 && !['the', 'and', 'for'].includes(w)));
  return heads;
}
/** Whether a span holds a facility head word ("Institute", "Clinic", "Hospital"). */
export const hasFacilityHead = (span: string): boolean => span.toLowerCase().split(/[^\p{L}]+/u).some((w) => headWords().has(w));

let diseaseWords: Set<string> | null = null;
function placeDiseaseWords(): Set<string> {
  diseaseWords ??= new Set(PLACE_DISEASES.flatMap((d) => d.toLowerCase().split(/\s+/)));
  return diseaseWords;
}

/** Word shape: X upper, x lower, d digit, runs collapsed ("McAllister" XxXx, "O'Brien" X'Xx, "3/14" d/d). */
export function shape(word: string): string {
  return word.replace(/\p{Lu}/gu, 'X').replace(/\p{Ll}/gu, 'x').replace(/\p{N}/gu, 'd').replace(/(.)\1+/gu, '$1');
}

const firstBucket = (f: number | undefined) => (f === undefined ? '-' : f >= 0.5 ? 'A' : f >= 0.05 ? 'B' : f >= 0.01 ? 'C' : 'D');
const lastBucket = (r: number | undefined) => (r === undefined ? '-' : r <= 200 ? 'A' : r <= 2000 ? 'B' : r <= 15000 ? 'C' : 'D');
/** US births with the name since 1880 (SSA): Brayden 136,031 A, Priya 6,461 C, Tamsin 413 D, Zuzana 29 E. */
const birthsBucket = (n: number) => (n === 0 ? '-' : n >= 100_000 ? 'A' : n >= 10_000 ? 'B' : n >= 1_000 ? 'C' : n >= 100 ? 'D' : 'E');
const cityBucket = (p: number) => (p === 0 ? '-' : p >= 100_000 ? 'A' : p >= 10_000 ? 'B' : 'C');

/** The list memberships shared by a word and its neighbours' features. */
export interface WordInfo { lower: string; shape: string; fn: string; ssa: string; ln: string; city: string; lex: string; cl: string; cg: string; flags: string[] }

const cache = new Map<string, WordInfo>();

export function wordInfo(word: string): WordInfo {
  const hit = cache.get(word);
  if (hit) return hit;
  const lower = word.toLowerCase();
  const names = nameLists();
  const flags: string[] = [];
  if (englishWords().has(lower) || isEnglishWord(word)) flags.push('eng');
  if (codeSetWords().has(lower)) flags.push('code');
  if (isClinicalOrCommon(word)) flags.push('clin');
  if (EPONYMS.has(lower)) flags.push('epo');
  if (DRUGS.has(lower) || isListedDrug(word)) flags.push('drug');
  if (placeDiseaseWords().has(lower)) flags.push('pdis');
  if (headWords().has(lower)) flags.push('head');
  if (STATES.has(lower) || STATES.has(word)) flags.push('state');
  if (HONORIFICS.has(lower.replace(/\.$/, ''))) flags.push('hon');
  if (CREDENTIALS.has(lower.replace(/\./g, ''))) flags.push('cred');
  if (RELATIONS.has(lower)) flags.push('rel');
  const cluster = wordCluster(lower);
  const info: WordInfo = {
    lower, shape: shape(word), fn: firstBucket(names?.first.get(lower)), ssa: birthsBucket(firstNameBirths(lower)), ln: lastBucket(names?.last.get(lower)),
    city: cityBucket(cityPopulation(lower)), lex: lexiconTag(word) ?? '-', cl: cluster.fine, cg: cluster.coarse, flags
  };
  if (cache.size > 50_000) cache.clear();
  cache.set(word, info);
  return info;
}
