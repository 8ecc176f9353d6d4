/**
 * "Is this a known ordinary word?" for the proper-noun rule (proper-nouns.ts): a word that is
 * not is suspect. Known: the whitelist of vocabulary.ts (SCOWL + code-set descriptions), the
 * exception lexicon (eponyms, drugs, common words, clinical abbreviations, names of languages,
 * peoples, faiths, holidays and organisations that identify nobody), the STOP list and the NLP
 * lexicon's English words, plus clinical word formation the lists do not spell out
 * ("tachycardic" from tachycardia, "nontender", "afebrile", "cyanotic" from cyanosis).
 * Invariants: pure apart from the lazily loaded lists; a word formed by affixes counts as
 * ordinary only when it is on no census name list ("Underwood" is not under + wood); a
 * hyphenated or apostrophised word is ordinary when each part of 2+ letters is.
 */
import { EPONYMS, isClinicalOrCommon, nameLists } from './lexicon';
import { isStop } from './name-words';
import { isEnglishWord } from './tokens';
import { inWordLists, vocabularyVersion } from './vocabulary';
import terms from './lists/clinical-terms.json';

const KNOWN = new Set([...terms.abbreviations, ...terms.notIdentifying].map((w) => w.toLowerCase()));

/** Prefixes of clinical word formation; what follows must be a known word of 4+ letters. */
const PREFIX = /^(?:non|un|ex|an|a|anti|hyper|hypo|post|pre|intra|inter|peri|sub|supra|trans|normo|tachy|brady|pseudo|semi|micro|macro|poly|multi|bi|tri|re|de|dis|mis|over|under|self|extra|infra|retro|neo|para|pan|co|eu|dys|mal|hemi|uni|auto|endo|epi|ultra|mid)-?(?=[a-z]{4,}$)/;
/** Clinical suffix swaps: adjective or participle -> the noun the lists hold. */
const SUFFIX_SWAPS: [RegExp, string][] = [
  [/ic$/, 'ia'], [/ic$/, 'y'], [/ic$/, 'a'], [/ic$/, ''], [/eic$/, 'ea'], [/otic$/, 'osis'], [/etic$/, 'esis'], [/atic$/, 'a'],
  [/atous$/, 'a'], [/ous$/, ''], [/al$/, ''], [/ial$/, 'ia'], [/al$/, 'ae'], [/ally$/, ''], [/ly$/, ''], [/ness$/, ''], [/ed$/, ''], [/ed$/, 'e'], [/ing$/, ''],
  [/ing$/, 'e'], [/s$/, ''], [/es$/, ''], [/ies$/, 'y'], [/i$/, 'us'], [/ae$/, 'a'], [/a$/, 'um'], [/'?s$/, '']
];
/** Suffixes that make a clinical word whatever its stem ("schistocytes", "thoracentesis"); 7+ letters, on no census list. */
const CLINICAL_SUFFIX = /(?:cytes?|itis|osis|oses|emia|ectomy|otomy|ostomy|plasty|scopy|graphy|grams?|pathy|algia|uria|plegia|paresis|megaly|penia|philia|centesis|trophy|lysis|rrhea|rrhage|pnea|ectasis|sclerosis|genesis|plasia|noma|omata|ocele|ostasis|bacter|coccus|cocci|bacillus|bacilli|monas|myces|plasma|bacterium|treponema|sporidium)$/;
/** Contractions: "I've", "we'll", "they're", "didn't". */
const CONTRACTION = /'(?:ve|ll|re|d|m|t|s)$/;

function listed(w: string): boolean {
  return inWordLists(w) || KNOWN.has(w) || isClinicalOrCommon(w) || isStop(w) || isEnglishWord(w);
}

function formed(w: string): boolean {
  if (w.length >= 7 && CLINICAL_SUFFIX.test(w)) return true;
  // "Waleed", "Fareed" are no "wale" + -ed: English writes "waled", so -ed never leaves a stem ending in e.
  const forms = [w, ...SUFFIX_SWAPS.filter(([re]) => re.test(w)).map(([re, to]) => w.replace(re, to)).filter((f) => !(/eed$/.test(w) && f === w.slice(0, -2)))];
  const rest = PREFIX.exec(w);
  // "extubated" is intubated undone: a removed ex- may stand for in-.
  if (rest) forms.push(w.slice(rest[0].length), ...(rest[0] === 'ex' ? ['in' + w.slice(2)] : []));
  return forms.some((f) => f.length >= 4 && f !== w && listed(f))
    || Boolean(rest && SUFFIX_SWAPS.some(([re, to]) => re.test(w) && listed(w.slice(rest[0].length).replace(re, to))));
}

/** Adjectives and nouns formed from an eponym ("Cushingoid", "Parkinsonian", "Addisonian", "Hodgkinoid", "Parkinsonism"). */
const EPONYM_FORM = /(?:oid|ian|ean|ic|ism|ismus|ist)$/;
function eponymForm(w: string): boolean {
  const m = EPONYM_FORM.exec(w);
  if (!m) return false;
  const stem = w.slice(0, m.index);
  return stem.length >= 4 && (EPONYMS.has(stem) || EPONYMS.has(stem + 'e') || EPONYMS.has(stem.replace(/i$/, 'y')));
}

function onCensus(w: string): boolean {
  const l = nameLists();
  return Boolean(l && (l.first.has(w) || l.last.has(w)));
}

const cache = new Map<string, boolean>();
let cachedVersion = -1;

/** A known ordinary (English or clinical) word, in any case; possessive "'s" ignored. */
export function isOrdinaryWord(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s$/, '').replace(/’/g, "'");
  if (cachedVersion !== vocabularyVersion()) { cache.clear(); cachedVersion = vocabularyVersion(); }
  const hit = cache.get(w);
  if (hit !== undefined) return hit;
  let ok = listed(w) || (CONTRACTION.test(w) && listed(w.replace(CONTRACTION, '')));
  if (!ok && /[-']/.test(w)) {
    const parts = w.split(/[-']/).filter((p) => p.length >= 2);
    const known = parts.filter((p) => listed(p) || (!onCensus(p) && formed(p)));
    // "Charcot-Marie-Tooth", "Wolff-Parkinson-White": a compound led by an eponym, mostly known words, is the eponymous term.
    ok = parts.length > 0 && (known.length === parts.length || (EPONYMS.has(parts[0]!) && known.length * 2 > parts.length));
  }
  if (!ok) ok = eponymForm(w) || (!onCensus(w) && formed(w));
  if (cache.size > 50_000) cache.clear();
  cache.set(w, ok);
  return ok;
}
