/**
 * Facility shapes that name a place without a head word after them (facilities/places pass 4):
 *  - a children's hospital by its short name, either order: "Rady Children's", "CHOC Children's",
 *    "Children's Mercy", "Children's Minnesota" (most US children's hospitals are written so);
 *  - a store or chain before a lower-case "pharmacy" or "lab": "Meijer pharmacy", "Hy-Vee pharmacy",
 *    "at Fry's pharmacy", "drawn at Hartwell lab" (medication lists and messages name the store so).
 * Invariants: an over-the-counter product stays ("Children's Motrin", "Equate Children's Allergy"),
 * and so do services and units before the same words ("specialty pharmacy", "Cath lab", "Inpatient
 * Pharmacy", "Central lab"): a word of the code-set descriptions, a drug, a department or a stop word
 * is no store's name unless it is a town.
 */
import type { Hit } from './hits';
import { DRUGS, EPONYMS } from './lexicon';
import { isStop } from './name-words';
import { cityPopulation } from './gazetteer';
import { codeSetWords } from './vocabulary';

/** Words that follow "Children's" on a product or a service, not a hospital. */
const PRODUCT = /^(?:allergy|chewables?|chewable|cough|cold|strength|formula|liquid|suspension|dose|dosing|vitamins?|multivitamins?|gummies|drops|syrup|tablets?|services?|protective|division|bureau|advocacy|books?|museum|theatre|theater|choir|ministry|church|program)$/i;
const DETERMINER = /^(?:The|A|An|My|Your|His|Her|Their|Our|Both|Two|Three|Four|Several|Many|Some|Any|No|Other|These|Those|Whose|Each|Every|Give|Gave|Given|Use|Used|Take|Took|Try|Tried|Buy|Bought|OTC)$/;

/** A capitalised word that can name a place or a chain: no drug, eponym, clinical or service word, unless it is a town. */
function placeWord(w: string): boolean {
  const l = w.toLowerCase().replace(/['’]s$/, '');
  if (cityPopulation(w) > 0) return true;
  return !isStop(w) && !DRUGS.has(l) && !EPONYMS.has(l) && !codeSetWords().has(l) && !DETERMINER.test(w);
}

const CHILDRENS_AFTER = /(?<![\p{L}\p{N}])((?:[A-Z][a-z]+|[A-Z]{2,5})(?:[ \t]+(?:[A-Z][a-z]+))?)[ \t]+Children['’]s(?![\p{L}])/gu;
const CHILDRENS_BEFORE = /(?<![\p{L}])Children['’]s[ \t]+([A-Z][a-z]+(?:[ \t]+of[ \t]+[A-Z][a-z]+)?)(?![\p{L}])/gu;
const STORE_BEFORE = /(?<![\p{L}\p{N}])((?:[A-Z][\p{L}'’&-]* ){0,1}[A-Z][\p{L}'’&-]*) (pharmacy|lab)(?![\p{L}])/gu;
/** Units and kinds of pharmacy or lab inside a hospital or a practice, not stores. */
const LAB_SERVICE = /^(?:preferred|usual|local|regular|default|primary|new|old|previous|prior|current|nearest|outside|cath|ep|echo|cardiac|sleep|stat|core|main|central|micro|path|blood|gi|pft|cysto|gait|motility|vascular|noninvasive|hospital|clinic|office|outpatient|inpatient|retail|mail|mail-order|compounding|specialty|satellite|research|reference|state|county|city|home|hospital's|clinic's|skills|sim|simulation|language|computer|crime|wet|dry|cath-lab|ir|nuclear|pathology|genetics|transplant|hla)$/i;
const CUE = /\b(?:at|to|from|via|with|by|her|his|their|the|my|our|your|called|filled|fills|picked up|drawn|sent)[ \t]+$/i;

export function findFacilityShapes(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(CHILDRENS_AFTER)) {
    let words = m[1]!.split(/[ \t]+/), skip = 0;
    while (words.length && (DETERMINER.test(words[0]!) || isStop(words[0]!))) { skip = m[0].indexOf(words[1] ?? '', skip + words[0]!.length); words = words.slice(1); }
    if (!words.length || !words.every((w) => placeWord(w) || /^[A-Z]{2,5}$/.test(w) || /^(?:Le|La|El|San|Santa|St)$/.test(w))) continue;
    const next = /^[ \t]+([A-Za-z]+)/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 30))?.[1];
    if (next && (PRODUCT.test(next) || DRUGS.has(next.toLowerCase()))) continue;
    out.push({ start: m.index + skip, end: m.index + m[0].length, type: 'FACILITY', reason: "children's hospital by its short name" });
  }
  for (const m of text.matchAll(CHILDRENS_BEFORE)) {
    const first = m[1]!.split(/[ \t]+/)[0]!;
    if (PRODUCT.test(first) || !placeWord(first) && !/^(?:National|Healthcare|Health)$/.test(first)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, type: 'FACILITY', reason: "children's hospital by its short name" });
  }
  for (const m of text.matchAll(STORE_BEFORE)) {
    // "Her Costco pharmacy", "Called Fry's pharmacy": the store is the last place words before the head.
    let words = m[1]!.split(/[ \t]+/), start = m.index;
    if (words.length > 1 && !placeWord(words[0]!)) { start = m.index + m[1]!.lastIndexOf(words[1]!); words = words.slice(1); }
    if (words.some((w) => LAB_SERVICE.test(w))) continue;
    const pre = text.slice(Math.max(0, start - 20), start);
    // At a sentence start a capitalised word may be a service ("Sleep lab"); mid-sentence or after a place word it names the store.
    const sentenceStart = /(?:^|[.!?:\n]\s*)$/.test(pre);
    if (!words.every(placeWord) || (sentenceStart && !CUE.test(pre))) continue;
    out.push({ start, end: m.index + m[1]!.length, type: 'FACILITY', reason: `store before "${m[2]}"` });
  }
  return out;
}
