/**
 * National chains and vendors as places (facilities pass 5; lists/chains.json): home medical
 * equipment suppliers, reference labs, urgent-care chains and retail employers. Why: a note names
 * the supplier or the store bare ("O2 concentrator from Rotech", "Employer: Lowe's #1187",
 * "germline panel sent to Invitae"), with no head word or cue a shape rule could use, and the
 * writer's convention types them FACILITY; the names are few and kept by kind, so a list is the
 * general evidence here, not a word of a miss.
 * Names made only of English words are phrases too ("the patient first noticed", "eats whole
 * foods", "target INR"): written in lower case they count only after a place or work cue
 * or before their location or a speaker's verb (`lowerChainCue`), and a one-word one only after a work
 * verb or before its street or town (`findLowerCaseChains`).
 */
import type { Hit } from './hits';
import { esc } from './hits';
import { isEnglishWord } from './tokens';
import { englishWords } from './vocabulary';
import { nameLists } from './lexicon';
import { cityPopulation } from './gazetteer';
import chains from './lists/chains.json';

export const CHAIN_NAMES: string[] = [...chains.medicalEquipment, ...chains.laboratories, ...chains.urgentCare, ...chains.retail];
const CHAIN_SET = new Set(CHAIN_NAMES);

/** Every word of the name is an English or function word ("Patient First", "Home Depot", "Target"). */
export function englishOnly(name: string): boolean {
  return name.split(/[\s-]+/).every((w) => {
    const l = w.toLowerCase().replace(/['’]s?$/, '');
    return /^(?:the|of|and|&|at|in)$/.test(l) || isEnglishWord(l) || englishWords().has(l);
  });
}

/** Before a lower-case name: a place preposition or a work verb ("went to the minute clinic", "works at home depot"). */
const STRONG_CUE = /\b(?:at|from|to|into|near|across from|work(?:s|ed|ing)?[ \t]+(?:at|for)|employed[ \t]+(?:at|by)|job[ \t]+at|shop(?:s|ped)?[ \t]+at)[ \t]+(?:the[ \t]+|a[ \t]+)?$/i;
/** After the name, where the store is ("the rite aid by her house", "on linden st") or what it says as a speaker ("rite aid says"). */
const BY_HOME = /^[ \t]+(?:by|near|next to|across from|behind)[ \t]+(?:her|his|my|our|their|your|the)[ \t]+(?:house|home|work|job|apt|apartment|place|school|office)\b/i;
const SPEAKS = /^[ \t]+(?:says|said|called|faxed|texted|told|denied|refilled|filled|wants|needs|won['’]?t|will not)\b/i;
/** A person of the place after its name ("the minute clinic guy said", "the home depot manager"). */
const STAFF_AFTER = /^[ \t]+(?:guy|guys|lady|girl|nurse|doctor|doc|np|pa|pharmacist|tech|people|staff|folks|receptionist|manager|cashier|person)\b/i;
/**
 * Whether a lower-case name of English words is the chain: a place or work cue before it, its location after "the"
 * ("the rite aid on linden st"), or a speaker's verb with no article before ("rite aid says"; "the patient first called" is a phrase).
 */
export function lowerChainCue(before: string, after: string): boolean {
  if (STRONG_CUE.test(before)) return true;
  if (/\bthe[ \t]+$/i.test(before)) return STREET_AFTER.test(after) || BY_HOME.test(after) || STAFF_AFTER.test(after) || townAfter(after);
  return SPEAKS.test(after) && !/\b(?:a|an|this|that|his|her|their)[ \t]+$/i.test(before);
}
const townAfter = (after: string) => {
  const town = TOWN_AFTER.exec(after)?.[1];
  return Boolean(town && (cityPopulation(town) > 0 || cityPopulation(town.split(/[ \t]/)[0]!) > 0));
};
/** A short one-word chain needs a cue: an employer label before it or a store number after it ("Employer: Lowe's #1187"). */
export const storeCue = (before: string, after: string) => /\b(?:employer|employed|place of employment|works?|store|supplier|vendor|company|provider|DME|lab|pharmacy)[ \t]*[:,(-]?[ \t]*$/i.test(before) || /^[ \t]*(?:#|store[ \t]*#?|no\.)[ \t]*\d{2,6}\b/i.test(after);
/** A chain's one-word name that is no English word and no census name ("Apria", "Viemed") names the chain wherever it stands. */
export const distinctChainWord = (name: string) => /^[A-Z][a-z]+[A-Za-z]*$/.test(name) && !isEnglishWord(name.toLowerCase()) && !englishWords().has(name.toLowerCase())
  && !nameLists()?.first.has(name.toLowerCase()) && !nameLists()?.last.has(name.toLowerCase()) && CHAIN_SET.has(name);

/** A street after "on" ("on eldorado pkwy", "on Hwy 70") or a known town after "in": the store's location. */
const STREET_AFTER = /^[ \t]+(?:on|off|by|near)[ \t]+(?:[a-z0-9]+[ \t]+){0,2}(?:st|street|ave|avenue|rd|road|blvd|boulevard|pkwy|parkway|hwy|highway|dr|drive|ln|lane|way|pike|route|rte|plaza|mall)\b|^[ \t]+(?:on|off)[ \t]+(?:hwy|highway|route|rte|us|i-?)[ \t]*\d/i;
const TOWN_AFTER = /^[ \t]+in[ \t]+([a-z]+(?:[ \t][a-z]+)?)/i;
const WORK_BEFORE = /\b(?:work(?:s|ed|ing)?[ \t]+(?:at|for)|employed[ \t]+(?:at|by)|job[ \t]+at|shift[ \t]+at|manager[ \t]+at|cashier[ \t]+at)[ \t]+(?:the[ \t]+)?$/i;
const AT_THE = /\b(?:at|from|to)[ \t]+the[ \t]+$/i;

const oneWordRes = new WeakMap<string[], RegExp>();
/** One-word chains and systems that are English words ("target", "giant", "regions"), in lower case (built once per list). */
function oneWordRe(names: string[]): RegExp {
  let re = oneWordRes.get(names);
  if (re) return re;
  const words = [...new Set(names.filter((n) => /^[A-Za-z'’]+$/.test(n) && englishOnly(n)).map((n) => n.toLowerCase()))];
  oneWordRes.set(names, (re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(esc).join('|')})(?![\\p{L}\\p{N}])`, 'gu')));
  return re;
}

/**
 * "i work at the target on eldorado pkwy", "works at giant": a one-word chain in lower case after a work verb, or after
 * "at the" and before its street or town. Never a bare "the target" ("hit the target", "target INR").
 */
export function findLowerCaseChains(text: string, knownNames: string[]): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(oneWordRe(knownNames))) {
    const pre = text.slice(Math.max(0, m.index - 30), m.index), post = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const located = STREET_AFTER.test(post) || BY_HOME.test(post) || townAfter(post);
    if (WORK_BEFORE.test(pre) || (AT_THE.test(pre) && located)) out.push({ start: m.index, end: m.index + m[0].length, type: 'FACILITY', reason: 'chain in lower case at its place' });
  }
  return out;
}
