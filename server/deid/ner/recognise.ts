/**
 * Names, facilities and towns found by the statistical recogniser (tagger.ts) with the shipped
 * weights (model.json, left to right, and model-reverse.json, right to left, see reverse.ts; built
 * by scripts/train-deid-model.ts). Its hits are weak: the reviewer may
 * drop them, like every name or place found without a cue. The weights load on first use.
 */
import { readFileSync } from 'node:fs';
import type { Hit } from '../hits';
import { cityPopulation } from '../gazetteer';
import { distinctiveWord } from '../facility-context';
import { allServiceWords } from '../facility-services';
import { hasFacilityHead } from './word-features';
import type { Token } from '../tokens';
import type { PhiType } from '../types';
import { Perceptron, type PerceptronModel } from './perceptron';
import { TAGS } from './tagger';
import { tagBothWays } from './reverse';
import { tagSpans, toSequence, type TagSpan } from './sequence';
import { ordinaryWord, properWord, trimEdges } from './span-words';
import { splitAtPunctuation, vetoed } from './vetoes';

/** The left-to-right tagger and, when its weights are there, the right-to-left one (reverse.ts). */
interface Taggers { forward: Perceptron; reverse: Perceptron | null }
let models: Taggers | null | undefined;

const weights = (file: string) => new Perceptron(TAGS, JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as PerceptronModel);

function shipped(): Taggers | null {
  if (models !== undefined) return models;
  try {
    const forward = weights('./model.json');
    let reverse: Perceptron | null = null;
    try { reverse = weights('./model-reverse.json'); } catch {
      // Forward only, as before the twelfth pass: it still works, but a deployment should know it reads less.
      process.emitWarning('server/deid/ner/model-reverse.json is missing or unreadable: the recogniser reads left to right only (about a point less recall on names and places)', { code: 'GRAYCASE_DEID_REVERSE_MISSING' });
    }
    return (models = { forward, reverse });
  } catch {
    return (models = null);
  }
}

/** For training and evaluation: use these weights (forward, and right-to-left if given), none ('off'), or the shipped ones again (null). */
export function useRecogniserModel(m: PerceptronModel | 'off' | null, reverse?: PerceptronModel): void {
  models = m === 'off' ? null : m ? { forward: new Perceptron(TAGS, m), reverse: reverse ? new Perceptron(TAGS, reverse) : null } : undefined;
}

/** A single ordinary word ("rose", "June", "Central") must be claimed with this margin at least: chosen on held-out files 17-20 (0, 40, 60 and 80 cost 0 to 0.4 points there), 60 since "Faith and Joy are important to her" scored 53 and true names 150 and more. */
const RISKY_MARGIN = 60;
/** A lower-case ordinary word alone: on files 17-20 held out, true names scored 62-252 and "foster", "sunny", "jo" 6-43. */
const LOWER_MARGIN = 100;

export function findRecognisedEntities(text: string, toks: Token[]): Hit[] {
  const m = shipped();
  if (!m || !toks.length) return [];
  const { tags, margins } = tagBothWays(m.forward, m.reverse, toSequence(text, toks));
  return tagSpans(tags).flatMap((s) => splitAtPunctuation(text, toks, s.type, s.first, s.last).map(([first, last]) => ({ ...s, first, last })))
    .map((s) => trimEdges(toks, s))
    .filter((s): s is TagSpan => s !== null)
    .map((s) => roleLed(text, toks, s))
    .filter((s) => !vetoed(text, toks, s.type, s.first, s.last))
    .filter((s) => confident(text, toks, s, margins))
    .map((s) => ({ start: toks[s.first]!.start, end: finish(text, s.type, toks[s.last]!), type: s.type as PhiType, reason: REASON[s.type]!, weak: true }));
}

/** Words for a person's role that lead a name, never a place's name ("Interpreter Nhial", "Officer Reyes"). */
const ROLE = /^(?:Interpreter|Nurse|Dr|Doctor|Chaplain|Aide|Tech|Therapist|Coordinator|Caseworker|Advocate|Officer|Deputy|Trooper|Sgt|Pastor|Coach|Counselor|Counsellor)$/;

/** "Interpreter Nhial" read as a facility: a role word and a name without a facility word is the person. */
function roleLed(text: string, toks: Token[], s: TagSpan): TagSpan {
  if (s.type !== 'FACILITY' || s.last === s.first || !ROLE.test(toks[s.first]!.word)) return s;
  const rest = text.slice(toks[s.first + 1]!.start, toks[s.last]!.end);
  return hasFacilityHead(rest) ? s : { ...s, first: s.first + 1, type: 'NAME' };
}

/** A facility of three ordinary words or more ("Desert Palms Internal Medicine"; "Call Center" is a service) needs this margin: chosen on files 21-28 held out. */
const FACILITY_MARGIN = 150;
const PARTICLE = /^(?:of|the|and|&|at|on|de|del|la)$/;
const SUBJECT_BEFORE = /\b(?:pt|patient|she|he|they|we|i)[ \t]+$/i;

/** "Cardiac Rehab Phase II", "Unit 4": a phase or number after a service names no place. */
const PHASE = /(?:[ \t]+(?:phase|level|unit|stage|step|tier))?[ \t]+(?:[IVX]{1,4}|\d{1,2}[A-Z]?)$/i;

/** Facility words that name a building: one ordinary word before them is enough ("Mercy Hospital"). */
const BUILDING = /^(?:Hospital|Clinic|Manor|Shelter|Hospice|Pharmacy|Infirmary|Institute|Sanitarium|Lodge|House|Home|Villa|Village|Residence|Apartments)$/i;

/**
 * A facility or town of ordinary words only ("Call Center", "Intensive Care Unit", "Catholic
 * Church") is a department or a common noun unless the gazetteer knows the town; a single
 * ordinary word ("rose", "June", "will") needs a clear margin.
 */
function confident(text: string, toks: Token[], s: TagSpan, margins: number[]): boolean {
  const words = toks.slice(s.first, s.last + 1);
  const span = text.slice(words[0]!.start, words[words.length - 1]!.end);
  // "Call Center", "Cath lab", "Intensive Care Unit": a facility is no service of clinical and department words (facility-services.ts),
  // and has a facility word ("Alder Creek Hospital") or a word that can carry a name (facility-context.ts) or is on no word list.
  if (s.type === 'FACILITY') {
    if (allServiceWords(span.replace(PHASE, ''))) return false;
    if (words.some((t) => distinctiveWord(t.word, true) || !ordinaryWord(t.word))) return true;
    // Ordinary words before a facility word: two of them ("Alder Creek Hospital"), or one before a word for a building ("Mercy Hospital"); "Call Center" is a service.
    if (hasFacilityHead(span) && (words.length > 2 || BUILDING.test(words[words.length - 1]!.word))) return true;
    // "Desert Palms Internal Medicine", "Maple Court Residential": capitalised ordinary words the model reads as one place with a clear margin.
    return words.length > 2 && words.every((t) => /^\p{Lu}/u.test(t.word) || PARTICLE.test(t.word)) && Math.min(...margins.slice(s.first, s.last + 1)) >= FACILITY_MARGIN;
  }
  // "ADLs", "UTIs": a plural acronym.
  if (words.length === 1 && /^\p{Lu}{2,}s$/u.test(words[0]!.word)) return false;
  if (s.type === 'CITY' && !words.some((t) => properWord(t.word)) && cityPopulation(span) === 0) return false;
  const margin = Math.min(...margins.slice(s.first, s.last + 1));
  // A lower-case ordinary word alone needs a margin higher still ("daughter dawn called" clears it), and after a subject
  // it is the subject's verb ("pt rose from the chair").
  if (words.length === 1 && /^\p{Ll}/u.test(words[0]!.word) && ordinaryWord(words[0]!.word)) return margin >= LOWER_MARGIN && !SUBJECT_BEFORE.test(text.slice(Math.max(0, words[0]!.start - 12), words[0]!.start));
  return words.length > 1 || !ordinaryWord(words[0]!.word) || margin >= RISKY_MARGIN;
}

/** What the reviewer reads next to the highlight. */
const REASON: Record<string, string> = {
  NAME: "likely a person's name (trained recogniser)", FACILITY: 'likely a place of care or business (trained recogniser)', CITY: 'likely a town or area (trained recogniser)'
};

/** Abbreviations a name or facility may end in with their full stop ("Endocrine Assoc.", "Anna S."). */
const DOTTED_END = /^(?:\p{Lu}|Assoc|Assocs|Inc|Ctr|Cntr|Hosp|Med|Svcs|Svc|Co|Corp|Ltd|Jr|Sr|Bros|Dept|Intl)$/u;
/** A store's number after a chain's name ("Kroger Pharmacy #C-512", "CVS #4471"). */
const STORE_NUMBER = /^[ \t]*#[ \t]?[A-Z0-9][\w-]*/;

function finish(text: string, type: string, last: Token): number {
  if (text[last.end] === '.' && DOTTED_END.test(last.word)) return last.end + 1;
  const store = type === 'FACILITY' ? STORE_NUMBER.exec(text.slice(last.end, last.end + 16)) : null;
  return store ? last.end + store[0].length : last.end;
}
