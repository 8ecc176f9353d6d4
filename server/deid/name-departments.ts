/**
 * Names with no census entry and no title, made a person by the words around them, two shapes
 * frequent in coding and care-team chat everywhere (issue 8, round 4):
 *  - "<Name> from <department>": "Ngozi from CDI is out", "Oluwaseun from billing says" (a staff
 *    member named by where they work); "Transfer from ICU", "Query from CDI" are English words;
 *  - "the <Name> twins / family / kids": "the Fonoti twins", "the Przybylski family";
 *  - a role, its id or extension, then the name in brackets: "phone interpreter ID #31187 (Faadumo)".
 * Never: a word of the English or code-set lists (unless a census surname in the family shape), a
 * drug, an eponym, a clinical abbreviation, a word after a verb of getting things ("Got Mounjaro
 * from pharmacy": a product is fetched from a department, a person is not).
 * Invariants: hits are one capitalised word typed NAME; spans index the text.
 */
import { type Hit } from './hits';
import { DRUGS, EPONYMS, NOT_IDENTIFYING, nameLists } from './lexicon';
import { inWordLists } from './vocabulary';
import terms from './lists/clinical-terms.json';

const ABBREVIATIONS = new Set(terms.abbreviations.map((w) => w.toLowerCase()));
const DEPARTMENT = String.raw`(?:the[ \t]+)?(?:billing|coding|cdi|him|pfs|registration|scheduling|admitting|admissions|pharmacy|radiology|lab|it|ur|um|utilization review|case management|social work|quality|compliance|audit|revenue cycle|rev cycle|patient access|finance|records|medical records|front desk|nursing|hr|legal|denials|appeals|prior auth|the office|our office|payer relations|customer service)`;
const FROM_DEPT = /(?<![\p{L}'’-])(\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?)[ \t]+from[ \t]+/gu;
/** The department in any case ("from CDI", "from Billing"). */
const DEPARTMENT_AT = new RegExp(String.raw`^${DEPARTMENT}\b`, 'i');
const FAMILY = /\b[Tt]he[ \t]+(\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?)[ \t]+(?:twins|triplets|family|kids|children|boys|girls|household|siblings)\b/gu;
const GETTING_BEFORE = /\b(?:got|get|gets|getting|picked up|pick up|picks up|received|receive|ordered|order|sent|send|obtained|obtain|filled|dispensed|refilled|bought|buy|requested|request|need|needs)[ \t]+$/i;

/** "phone interpreter ID #31187 (Faadumo)", "Case manager ext 4412 (Renske)": a role, its id or extension, the name in brackets. */
const ROLE_ID_BRACKET = /\b(?:interpreter|case manager|social worker|navigator|chaplain|scheduler|coordinator|liaison)\b[^\n()]{0,32}?(?:\b(?:id|ext|extension|badge)\b|#)[^\n()]{0,12}?\((\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?)\)/giu;

const clinical = (w: string) => DRUGS.has(w) || EPONYMS.has(w) || ABBREVIATIONS.has(w);

export function findDepartmentAndFamilyNames(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(FROM_DEPT)) {
    const w = m[1]!.toLowerCase();
    if (!DEPARTMENT_AT.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 30))) continue;
    if (inWordLists(w) || clinical(w) || GETTING_BEFORE.test(text.slice(Math.max(0, m.index! - 16), m.index!))) continue;
    out.push({ start: m.index!, end: m.index! + m[1]!.length, type: 'NAME', reason: 'name before from <department>' });
  }
  for (const m of text.matchAll(ROLE_ID_BRACKET)) {
    const w = m[1]!.toLowerCase();
    // A language in brackets is the interpreter's language ("(Spanish)", "(Somali)").
    if (!/^\p{Lu}/u.test(m[1]!) || clinical(w) || NOT_IDENTIFYING.has(w) || (inWordLists(w) && (nameLists()?.first.get(w) ?? 0) < 0.01)) continue;
    const start = m.index! + m[0].lastIndexOf('(') + 1;
    out.push({ start, end: start + m[1]!.length, type: 'NAME', reason: 'name in brackets after a role and its id' });
  }
  for (const m of text.matchAll(FAMILY)) {
    const w = m[1]!.toLowerCase();
    const surname = (nameLists()?.last.get(w) ?? Infinity) <= 20000;
    if ((inWordLists(w) && !surname) || clinical(w)) continue;
    const start = m.index! + m[0].indexOf(m[1]!, 3);
    out.push({ start, end: start + m[1]!.length, type: 'NAME', reason: 'the <surname> family' });
  }
  return out;
}
