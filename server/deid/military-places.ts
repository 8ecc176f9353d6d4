/**
 * Military posts, bases and ships, which reveal where a service member lives or served (issue 8, sixteenth pass; the
 * writers of the military and veterans' file label them FACILITY): "Fort Sill", "Ft. Hood", "Camp Foster", "Joint Base
 * Lewis-McChord", "FOB Pasab", "NAS Whidbey Island", "Ramstein AB", "Incirlik Air Base", "USS Kearsarge (LHD 3)".
 * Never: a clinical or English word as the name ("Camp counselor", "Fort" alone), a unit designation, the "Le Fort"
 * fractures.
 * Invariants: hits are FACILITY and cover the kind word, the name and a ship's hull number in brackets.
 */
import type { Hit } from './hits';
import { isClinicalOrCommon } from './lexicon';
import { englishWords } from './vocabulary';

const NAME_WORD = String.raw`\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)?`;
const NAME = `${NAME_WORD}(?:[ \\t]${NAME_WORD}){0,2}`;
/** The kind before the name: "Fort Sill", "Camp Lejeune", "JB Pearl Harbor-Hickam", "FOB Pasab". */
const KIND_FIRST = new RegExp(`\\b(?:Fort|Ft\\.?|Camp|Joint[ \\t]Base|JB|JBSA|NAS|NAF|NSA|MCAS|MCB|MCRD|FOB|COP|Naval[ \\t](?:Station|Air[ \\t]Station|Base))[ \\t]+(${NAME})`, 'gu');
/** The kind after the name: "Ramstein AB", "Incirlik Air Base", "Fairchild AFB". */
const KIND_AFTER = new RegExp(`(?<![\\p{L}])(${NAME})[ \\t]+(?:AB|AFB|AAF|ANGB|ARB|SFB|Air[ \\t](?:Force[ \\t])?Base|Army[ \\t]Airfield)\\b`, 'gu');
/** A ship with its prefix and perhaps its hull number: "USS Bon Homme Richard (CVA-31)", "USNS Mercy". */
const SHIP = new RegExp(`\\b(?:USS|USNS|USCGC|HMS|HMCS)[ \\t]+${NAME}(?:[ \\t]*\\([A-Z]{1,5}[- ]?\\d{1,4}\\))?`, 'gu');

/** A word of the lists; after "Fort" or "Camp" the first name word may be one ("Camp Foster", "Fort Hood"), after "AB" not. */
const plainWord = (w: string) => englishWords().has(w.toLowerCase()) || isClinicalOrCommon(w.toLowerCase());
/** Roles and things after "Camp" that no base is named ("Camp Counselor", "Camp Nurse", "Camp Fire"). */
const NOT_A_BASE = /^(?:Counselors?|Directors?|Nurses?|Staff|Physicals?|Forms?|Fire|Week|Season|Sessions?|Health|Medical|Medicine|Clinic|Program|Programs|The|This|That)$/;

export function findMilitaryPlaces(text: string): Hit[] {
  if (!/\b(?:Fort|Ft|Camp|Joint|JB|JBSA|NAS|NAF|NSA|MCAS|MCB|MCRD|FOB|COP|Naval|AB|AFB|AAF|ANGB|ARB|SFB|Air|Army|USS|USNS|USCGC|HMS|HMCS)\b/.test(text)) return [];
  const out: Hit[] = [];
  for (const m of text.matchAll(KIND_FIRST)) {
    const words = m[1]!.split(/[ \t]/);
    // Trailing words of the lists belong to the sentence, not the name ("Fort Sill Medical" stays for the facility rules).
    while (words.length > 1 && plainWord(words[words.length - 1]!)) words.pop();
    // "Le Fort II" is a fracture's class, not a post.
    if (NOT_A_BASE.test(words[0]!) || isClinicalOrCommon(words[0]!.toLowerCase()) || /^[IVX]+$/.test(words[0]!) || /\bLe[ \t]+$/.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    const nameAt = m.index + m[0].indexOf(m[1]!);
    out.push({ start: m.index, end: nameAt + words.join(' ').length, type: 'FACILITY', reason: 'military post, base or ship' });
  }
  for (const m of text.matchAll(KIND_AFTER)) {
    const words = m[1]!.split(/[ \t]/);
    // Only the words next to the kind are its name: "Flew out of Ramstein AB" -> "Ramstein AB".
    let first = words.length - 1;
    while (first > 0 && !plainWord(words[first - 1]!)) first--;
    const name = words.slice(first);
    if (name.every(plainWord)) continue;
    const start = m.index + m[1]!.length - name.join(' ').length;
    out.push({ start, end: m.index + m[0].length, type: 'FACILITY', reason: 'military post, base or ship' });
  }
  for (const m of text.matchAll(SHIP)) out.push({ start: m.index, end: m.index + m[0].length, type: 'FACILITY', reason: 'military post, base or ship' });
  return out;
}
