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
import { DRUGS, EPONYMS, FACILITY_HEADS } from './lexicon';
import { isEnglishWord } from './tokens';
import { STATE_NAMES } from './places';
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

/** Upper-case heads, longest first ("IMAGING CENTER" before "CENTER"). */
const UPPER_HEADS = FACILITY_HEADS.filter((h) => /^[A-Za-z][A-Za-z ]+$/.test(h)).map((h) => h.toUpperCase());
const UPPER_HEADED = new RegExp(`(?<![\\p{L}\\p{N}])((?:[A-Z][A-Z'’&-]+ ){1,4})(${UPPER_HEADS.join('|')})(?![\\p{L}])`, 'gu');
const STATE_RE = new RegExp(`^(?:${STATE_NAMES})$`, 'i');
const UPPER_STOP = /^(?:OT|ST|SLP|RN|NP|AT|THE|A|AN|TO|FROM|IN|OF|WITH|BY|FOR|AND|OR|DR|MD|DO|PCP|PT|PATIENT|SEEN|REFERRED|ACCEPTED|TRANSFERRED|DISCHARGED|ADMITTED|FOLLOWS|FOLLOW|UP|SEE|VISIT|NEW|OLD|LOCAL|OUTSIDE|HER|HIS|THEIR|OUR)$/;

export function findFacilityShapes(text: string): Hit[] {
  const out: Hit[] = [];
  // "NORTHGATE IMAGING CENTER - 4410 W. Magnolia", "PCP: DR JUNE KING, FORREST GENERAL FAMILY MEDICINE": letterheads and
  // upper-case lines name the facility in capitals; one word of the name must be no English, clinical or service word (or a town).
  if (/[A-Z]{4,} [A-Z]{4,}/.test(text)) for (const m of text.matchAll(UPPER_HEADED)) {
    const words = m[1]!.trim().split(' ');
    let k = 0;
    while (k < words.length && UPPER_STOP.test(words[k]!)) k++;
    const name = words.slice(k);
    const title = (w: string) => w[0] + w.slice(1).toLowerCase();
    const distinct = (w: string) => w.split('-').every((p) => p.length > 1 && placeWord(title(p)) && !isEnglishWord(p.toLowerCase()) && !LAB_SERVICE.test(p) && !STATE_RE.test(p));
    if (!name.length || name.some((w) => UPPER_STOP.test(w) || LAB_SERVICE.test(w)) || !name.some(distinct)) continue;
    const start = m.index + m[1]!.indexOf(name[0]!, words.slice(0, k).join(' ').length);
    out.push({ start, end: m.index + m[0].length, type: 'FACILITY', reason: 'facility name in capitals' });
  }
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
    out.push({ start, end: m.index + m[0].length, type: 'FACILITY', reason: `store before "${m[2]}"` });
  }
  return out;
}
