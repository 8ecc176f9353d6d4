/**
 * Facility names without a head word, found by the facility word written beside them (issue 8,
 * facilities/places pass 3):
 *  - in apposition after a lower-case facility word: "her group home, Maple Hollow House,", "his
 *    SNF, Cedar Bluff,", "her assisted living, Orchard View";
 *  - before the kind of place in brackets: "Fairhaven (SNF)", "Rosewood Court (assisted living)",
 *    "The Arbors at Fox Run (memory care)", or in brackets after it: "SNF (Sunnyside)";
 *  - before a placement purpose after "to"/"at": "go to Linden Grove for short-term rehab",
 *    "Corbin Place for respite";
 *  - an institution word alone after a place word: "down at Memorial", "taken to County by EMS".
 * Never a facility here: weekdays and months, a person after an honorific, departments and
 * services ("Cardiac Rehab Phase II"), clinical words and abbreviations, payers, states, countries.
 * Invariants: hits are typed FACILITY and cover whole capitalised words; spans index the original text.
 */
import { type Hit } from './hits';
import { CLINICAL_ABBREVIATIONS, DRUGS, EPONYMS, PLACE_DISEASES } from './lexicon';
import { isStop, MONTH_OR_WEEKDAY } from './name-words';
import { STATE_NAMES } from './places';
import { isCountry } from './tokens';
import { codeSetWords } from './vocabulary';
import { cityPopulation } from './gazetteer';
import { isServiceName } from './facility-services';
import terms from './lists/clinical-terms.json';

const CAP = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}\p{Ll}+)?`;
/** 1-4 capitalised words, "of"/"at"/"and"/"on the" between them ("The Arbors at Fox Run"). */
const NAME = String.raw`${CAP}(?:[ \t]+(?:(?:of|at|on|and|&)[ \t]+(?:the[ \t]+)?)?${CAP}){0,3}`;
const KIND = String.raw`(?:group home|nursing home|assisted living(?: facility)?|independent living|memory care(?: unit| facility)?|senior living|SNF|snf|ALF|ILF|LTACH|LTAC|skilled nursing(?: facility)?|rehab(?: facility| center)?|inpatient rehab|hospice(?: house)?|shelter|halfway house|sober living(?: house)?|board and care|adult family home|adult foster home|foster home|care home|personal care home|residential facility|treatment center|adult day(?: care| program)?|day program|dialysis (?:center|unit|clinic))`;
const APPOSITION = new RegExp(String.raw`\b${KIND}[ \t]*,[ \t]+(${NAME})(?=[ \t]*(?:[,.;:)]|$|\n|[ \t]+\())`, 'gu');
/** "SNF (Sunnyside)", "assisted living (Briar Glen)": the kind, then the name in brackets. */
const KIND_FIRST = new RegExp(String.raw`\b${KIND}[ \t]*\([ \t]*(${NAME})[ \t]*\)`, 'gu');
const BRACKETED = new RegExp(String.raw`(?<![\p{L}])(${NAME})[ \t]*\([ \t]*${KIND}[ \t]*\)`, 'gu');
const PLACEMENT = new RegExp(String.raw`\b(?:to|at|into)[ \t]+(?:the[ \t]+)?(${NAME})[ \t]+for[ \t]+(?:a[ \t]+)?(?:(?:short|long)[- ]term[ \t]+|skilled[ \t]+|subacute[ \t]+|inpatient[ \t]+|acute[ \t]+)?(?:rehab|rehabilitation|placement|respite|skilled nursing|SNF|hospice|memory care|assisted living|a bed)\b`, 'gu');
const STATE = new RegExp(`^(?:${STATE_NAMES})$`);
/** An institution word as a hospital's short name, after a place word, before punctuation or a lower-case word ("at County by EMS"; not "to General Surgery", "Memorial Day"). */
const INFORMAL = /(?<=\b(?:at|to|from|into)[ \t]+)(?:Memorial|Regional|General|County|Methodist|Baptist|Presbyterian|Lutheran|Adventist|Episcopal|Deaconess|Children['’]s|Samaritan|University)(?=[ \t]*(?:[,.;:)!?]|$)|[ \t]+[a-z])/gmu;
const HONORIFIC = /^(?:Dr|Mr|Mrs|Ms|Miss|Mx|Pastor|Father|Sister|Nurse)$/;
const LEAD = /^(?:The|A|An|Our|Her|His|Their)[ \t]+/;

/** Whether capitalised words beside a facility word can be a place's name (no person, month, service, clinical word, payer). */
export function placeName(name: string, strong = true): boolean {
  const words = name.split(/[ \t]+/).filter((w) => /^\p{Lu}/u.test(w));
  if (!words.length || HONORIFIC.test(words[0]!) || isServiceName(name, 'Care')) return false;
  return !words.some((w) => {
    const l = w.toLowerCase().replace(/['’]s$/, '');
    return MONTH_OR_WEEKDAY.test(w) || PLACE_DISEASES.some((d) => d.toLowerCase() === l) || STATE.test(w) || isCountry(w) || EPONYMS.has(l) || DRUGS.has(l) || CLINICAL_ABBREVIATIONS.has(l)
      || /^(?:Medicare|Medicaid|Home|Rehab|Hospice|Per|Phase|Unit|Floor|Room|Bed|Staff|Family|Patient|Pt)$/.test(w);
  }) && (words.some((w) => !isStop(w) && !codeSetWords().has(w.toLowerCase()) || /\p{Lu}\p{Ll}+\p{Lu}/u.test(w))
    // Two or more words: beside a facility word (strong) any; in a list, not all clinical ones ("and Atrial Fibrillation").
    || (words.length >= 2 && (strong || !words.every((w) => codeSetWords().has(w.toLowerCase()) && !cityPopulation(w)))));
}

export function findFacilitiesBesideWords(text: string): Hit[] {
  const out: Hit[] = [];
  // "down at Memorial", "taken to County", "born at Presbyterian": an institution word alone after a place word is the hospital.
  for (const m of text.matchAll(INFORMAL)) out.push({ start: m.index, end: m.index + m[0].length, type: 'FACILITY', reason: 'institution word alone after a place word' });
  const add = (m: RegExpMatchArray, reason: string) => {
    let name = m[1]!;
    let start = m.index! + m[0].indexOf(name);
    const lead = LEAD.exec(name);
    if (lead) { start += lead[0].length; name = name.slice(lead[0].length); }
    if (placeName(name)) out.push({ start, end: start + name.length, type: 'FACILITY', reason });
  };
  for (const m of text.matchAll(APPOSITION)) add(m, 'facility name after its kind');
  for (const m of text.matchAll(BRACKETED)) add(m, 'facility name before its kind in brackets');
  for (const m of text.matchAll(KIND_FIRST)) add(m, 'facility name in brackets after its kind');
  for (const m of text.matchAll(PLACEMENT)) add(m, 'facility name before a placement');
  return out;
}
