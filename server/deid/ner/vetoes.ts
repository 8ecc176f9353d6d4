/**
 * What the statistical recogniser proposes goes through the detector's clinical vetoes before it
 * becomes a hit: the model learned names from a few thousand labels, while the vetoes hold what
 * the project knows of eponyms, drugs, devices and scores ("Parkinson's", "Hoyer lift", "Bell's
 * palsy", "seroquel"), and a span never runs across punctuation ("Yoshida), Paget"). Each
 * veto names its reason (vetoReason) for whoever debugs a miss.
 */
import { CLINICAL_ABBREVIATIONS, EPONYMS, DRUGS, NOT_IDENTIFYING, isClinicalOrCommon, nameLists } from '../lexicon';
import { isDenomination } from '../facility-services';
import { isListedDrug } from '../drug-names';
import { afterDeterminer, personEvidence } from '../person-evidence';
import { stageAfter } from '../people';
import { isMakerName } from '../product-context';
import { clinicalAfterRun, clinicalHere, productCompound } from '../proper-nouns';
import { lexiconTag, type Token } from '../tokens';
import { isOrdinaryWord } from '../ordinary';
import { hasFacilityHead, wordInfo } from './word-features';

/** Regions of a country, which a Safe Harbor copy may keep ("the Midwest", "Pacific Northwest", "Deep South"). */
const REGION = /^(?:Midwest|Midwestern|Northeast|Northwest|Southeast|Southwest|Northeastern|Northwestern|Southeastern|Southwestern|Pacific|Atlantic|Gulf|Coast|Deep|South|North|East|West|Central|Upper|Lower|Plains|Appalachia|Appalachian|New|England)$/;

/** Gaps a name, facility or town may hold: spaces, "Mary's ", " - ", " & "; a full stop only after an initial or "St." ("Anna S. Ruiz"). */
const INNER_GAP = /^(?:['’]s)?[ \t]+$|^[ \t]*[-–&][ \t]*$/;
const DOTTED = /^(?:\p{L}|St|Ste|Sts|Mt|Ft|Jr|Sr|Dr)$/iu;
/** Lower-case words a capitalised name or facility holds ("Lake of the Woods", "de la Cruz"). */
const PARTICLE = /^(?:of|the|and|at|for|de|del|della|la|le|los|las|da|das|do|dos|di|du|van|von|der|den|y|e|bin|ibn|al|el|st)$/;

/** Splits a token range at punctuation other than an inner gap, and at a lower-case word in a capitalised run ("UWH said MoCA"). */
export function splitAtPunctuation(text: string, toks: Token[], type: string, first: number, last: number): [number, number][] {
  const out: [number, number][] = [];
  const capitalised = toks.slice(first, last + 1).some((t) => /^\p{Lu}/u.test(t.word));
  // "a Bookwalter and Harrington": two names or towns in a list are two spans; "and" joins only a facility's words ("Eye and Ear").
  // A facility's "and" after its facility word starts another thing ("Tilden Hospital and Lyme titers").
  const stray = (t: Token, k: number) => (capitalised && /^\p{Ll}/u.test(t.word) && !PARTICLE.test(t.word))
    || (/^(?:and|&)$/i.test(t.word) && (type !== 'FACILITY' || (k > first && hasFacilityHead(toks[k - 1]!.word))));
  let a = first;
  for (let k = first; k <= last; k++) {
    const t = toks[k]!;
    if (stray(t, k)) { if (k > a) out.push([a, k - 1]); a = k + 1; continue; }
    if (k === a) continue;
    const gap = text.slice(toks[k - 1]!.end, t.start);
    const ok = INNER_GAP.test(gap) || (/^\.[ \t]+$/.test(gap) && DOTTED.test(toks[k - 1]!.word));
    if (!ok) { out.push([a, k - 1]); a = k; }
  }
  if (a <= last) out.push([a, last]);
  return out;
}

const VIETNAMESE_ONLY = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u;

/** Eponyms and drugs; not the common words of the exception list ("Hope", "Dawn", "Grant" are names the model reads from context). */
const FUNCTION_WORD = /^(?:so|and|or|but|if|the|to|of|in|on|at|is|was|are|be|i|we|you|it|that|this|for|with|as|not|no|yes|my|our|your|me|us)$/;
const clinicalWord = (w: string): boolean => EPONYMS.has(w.toLowerCase().replace(/['’]s$/, '')) || DRUGS.has(w.toLowerCase()) || isListedDrug(w)
  // "Henoch-Schonlein", "Wolff-Parkinson-White": every part an eponym.
  || (w.includes('-') && w.split('-').every((p) => EPONYMS.has(p.toLowerCase().replace(/['’]s$/, ''))));

export function vetoed(text: string, toks: Token[], type: string, first: number, last: number): boolean {
  return vetoReason(text, toks, type, first, last) !== '';
}

const CHAT_CLOSING = /^(?:ok|okay|k|kk|ty|tyvm|thx|thnx|pls|plz|lmk|np|nvm|btw|ttyl|lol|idk|yep|yup|nope|sure|cool)$/i;

function lowerPlural(word: string): boolean {
  if (!/^\p{Ll}{3,}s$/u.test(word) || nameLists()?.first.has(word)) return false;
  return isOrdinaryWord(word.slice(0, -1)) || (/es$/.test(word) && isOrdinaryWord(word.slice(0, -2)));
}

function vetoReason(text: string, toks: Token[], type: string, first: number, last: number): string {
  const words = toks.slice(first, last + 1);
  // "ASA", "CHF", "FPIES": a short upper-case word alone is an acronym (a facility's initials come back by rule, facility-acronyms.ts).
  if (first === last && /^\p{Lu}{1,5}$/u.test(words[0]!.word)) return 'acronym';
  if (words.every((t) => clinicalWord(t.word))) return 'clinical words';
  // "Children's Motrin", "Women's Rogaine": a run that ends in a drug is the product's name, not a place or a person.
  if (words.length > 1 && DRUGS.has(words[words.length - 1]!.word.toLowerCase())) return 'ends in a drug';
  // "Жалобы на кашель", "bị sốt hai ngày": a lower-case word of a script other than Latin, or with a letter only Vietnamese writes, is no name (names there are capitalised; foreign-scripts.ts).
  if (first === last && /^\p{Ll}/u.test(words[0]!.word) && (/[^\p{Script=Latin}\p{M}'’-]/u.test(words[0]!.word)
    || VIETNAMESE_ONLY.test(text.slice(Math.max(0, toks[first]!.start - 40), toks[first]!.end + 40)))) return 'lower-case word of another language';
  // "Breasts Tanner 3,": a known word with a single-digit stage closing the phrase is a scale's eponym (a wing has a room after it: "Ruan 2 rm 214").
  if (isOrdinaryWord(words[words.length - 1]!.word) && stageAfter(text.slice(toks[last]!.end, toks[last]!.end + 20))) return 'scale and stage';
  // "hope so", "and i": no name holds a lower-case function word (particles such as "de" or "van" are no function words).
  if (type === 'NAME' && words.some((t) => FUNCTION_WORD.test(t.word))) return 'function word';
  // "thanks\nok", "ty", "k": chat's closing words stand where a signing name stands, and name nobody.
  if (type === 'NAME' && first === last && CHAT_CLOSING.test(words[0]!.word)) return 'chat shorthand';
  // "no sale at the pharmacy": a lower-case English word alone is a person only when it is also a given name ("dawn",
  // "rose"); a surname that is a word ("mr. baker") comes with a cue the rules take.
  if (type === 'NAME' && first === last && /^\p{Ll}{3,}$/u.test(words[0]!.word) && isOrdinaryWord(words[0]!.word) && !nameLists()?.first.has(words[0]!.word)) return 'lower-case word';
  // "ST. JUDE (ABBOTT)", "Baxter cycler": a device or car maker alone is a product; a person of that name comes with a cue the rules take.
  if (isMakerName(text.slice(toks[first]!.start, toks[last]!.end))) return 'maker';
  // "Catholic Church", "the Midwest", "Monday", "auth", "PA": faiths, regions, states, days and abbreviations identify nobody.
  if (words.every((t) => isDenomination(t.word) || wordInfo(t.word).flags.includes('state') || CLINICAL_ABBREVIATIONS.has(t.word.toLowerCase()) || REGION.test(t.word) || /^(?:Church|Temple|Mosque|Synagogue)$/.test(t.word)
    || /^(?:WeekDay|Month|Date|Holiday)$/.test(lexiconTag(t.word) ?? ''))) return 'not identifying';
  // "Welsh", "Spanish", "Navajo": peoples, languages and faiths of the exception list are no person or town (its chains stay facilities).
  if (type !== 'FACILITY' && words.every((t) => NOT_IDENTIFYING.has(t.word.toLowerCase()))) return 'not identifying';
  // "Navajo Nation", "Hopi Tribe": a people and its nation name a territory the size of a state, no facility ("... Nation Health Center" has more words).
  if (words.length > 1 && words.every((t) => NOT_IDENTIFYING.has(t.word.toLowerCase()) || /^(?:Nation|Nations|Tribe|Tribes|Reservation|People|Peoples)$/.test(t.word))
    && words.some((t) => NOT_IDENTIFYING.has(t.word.toLowerCase()))) return 'not identifying';
  // "with a Bookwalter and Harrington": a word in a list after an article names a thing, as the first one does.
  if (first === last && /\b(?:a|an|the|her|his|their)[ \t]+\p{Lu}[\p{L}-]+[ \t]+(?:and|&|or)[ \t]+$/u.test(text.slice(Math.max(0, toks[first]!.start - 40), toks[first]!.start))) return 'listed thing';
  // A run of words the model read together ("Kingsford Community Hospital") is judged on its words; one word also on its context.
  if (first === last && clinicalHere(text, toks, first)) return 'clinical here';
  if (clinicalAfterRun(text, toks[first]!.start, toks[last]!.end) || words.some((t) => productCompound(t.word))) return 'clinical run';
  // "Faith and Joy are important to her": a common word opening a sentence is a name only with evidence of a person around it.
  if (type === 'NAME' && first === last && words[0]!.sentenceStart && isClinicalOrCommon(words[0]!.word) && !personEvidence(text, toks[first]!.start, toks[first]!.end)) return 'common word opening a sentence';
  // "in the nares": a lower-case word right after an article is a thing, never a person (place prepositions do not excuse it).
  if (type === 'NAME' && first === last && /^\p{Ll}/u.test(words[0]!.word) && /\b(?:the|an?)[ \t]+$/i.test(text.slice(Math.max(0, toks[first]!.start - 6), toks[first]!.start))) return 'lower-case word after an article';
  // "with stairs and hills": a lower-case plural of an English word, no given name, is things, never a person.
  if (type === 'NAME' && first === last && lowerPlural(words[0]!.word)) return 'lower-case plural';
  // "a Hoyer", "her Libre": no person takes an article or a possessive pronoun.
  if (type === 'NAME' && first === last && afterDeterminer(text, toks[first]!.start, toks[last]!.end)) return 'determiner';
  // "his mother's Corolla", "the patient's Libre": one word right after a possessive noun is a thing owned.
  return first === last && /\b\p{Ll}{3,}['’]s[ \t]+$/u.test(text.slice(Math.max(0, toks[first]!.start - 30), toks[first]!.start)) ? 'possessed' : '';
}
