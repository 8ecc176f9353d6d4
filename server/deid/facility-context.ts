/**
 * Facility names made of ordinary words, found by their shape and context rather than a list
 * (the list-driven and head-word rules are facilities.ts; this file adds, issue 8 class 3):
 *  - a facility head word then "of" and a place the gazetteer knows ("Urology Associates of
 *    Reading", "Heart Institute of Southwest Florida", "Sunrise of Edina" after a place word);
 *  - a town or a frequent surname before a facility head word ("Reading Hospital Laboratory",
 *    "Walker Methodist", "Cooper Family Medicine"), the head words after it and an unknown
 *    campus word joining ("Duke Primary Care Croasdaile");
 *  - the value of a facility label line ("Daycare: Little Sprouts", "Pharmacy: Reyes Drug");
 *  - capitalised words right after a strong place verb ("seen at Northwestern", "admitted to
 *    Swedish Covenant"), or "X Children's" after a place word;
 *  - "Star of Hope men's shelter": a capitalised name with "of" before a lower-case facility word.
 * Never a facility here: department and service words ("Wound Clinic", "Hand Clinic": a clinical
 * word of the code sets), stop words, eponyms with a clinical head after them, states, countries.
 * Invariants: hits are typed FACILITY and cover whole words; spans index the original text.
 */
import { type Hit } from './hits';
import { EPONYMS, DRUGS, FACILITY_HEADS, nameLists, PLACE_DISEASES } from './lexicon';
import { cityPopulation } from './gazetteer';
import { DEPARTMENTS } from './facilities';
import { isStop } from './name-words';
import { isOrdinaryWord } from './ordinary';
import { CLINICAL_HEAD } from './people';
import { STATE_NAMES } from './places';
import { isCountry, isEnglishWord } from './tokens';
import { codeSetWords } from './vocabulary';
import { allServiceWords } from './facility-services';

const CAP = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}\p{Ll}+)?`;
const STATE = new RegExp(`^(?:${STATE_NAMES})$`);
const REGION = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Greater|Upper|Lower|Metro|Northeast|Northwest|Southeast|Southwest|Mid|Inland|Coastal)$/;
const head = (h: string) => h.replace(/'/g, "['’]").replace(/&/g, '&').replace(/\//g, '\\/').replace(/\./g, '\\.');
const HEAD_ALT = [...FACILITY_HEADS].sort((a, b) => b.length - a.length).map(head).join('|');
/** Heads specific enough that a town or a surname before them names a place ("Cooper Family Medicine"; not a bare "Care" or "Center"). */
const SPECIFIC = /^(?:Hospital|Hospitals|Medical Center|Med Center|Medical Group|Medical Associates|Clinic|Clinics|Family Medicine|Family Practice|Primary Care|Pediatrics|Methodist|Baptist|Presbyterian|Lutheran|Memorial|Regional|General|Health System|Healthcare|HealthCare|Health Care|Rehabilitation Hospital|Rehabilitation Center|Nursing Home|Nursing Center|Surgery Center|Surgical Center|Urgent Care|Imaging|Imaging Center|Laboratories|Pharmacy|Dialysis Center|Hospice|Senior Living|Assisted Living|Cancer Center|Heart Institute|Children['’]s Hospital|Infirmary|Physicians|Orthopedics|Cardiology Associates)$/;
const BIG_HEAD = /^(?:Hospital|Hospitals|Medical Center|Health System|Regional|Memorial|General|Infirmary)$/;
const TAIL_HEAD = /^[ \t]+(?:Laboratory|Laboratories|Lab|Clinic|Pharmacy|Imaging|Campus|Hospital)\b/;

const GENERIC = new Set(('the a an our your their his her this that outside local county state city town university community regional general memorial medical ' +
  'health care family internal primary urgent emergency new old north south east west central main pediatric adult senior women women\'s children children\'s ' +
  'behavioral mental physical sports surgical specialty teaching veterans private public rural home day night walk-in mobile virtual first').split(' '));
const DEPARTMENT = /^(?:Wound|Pain|Memory|Sleep|Spine|Hand|Foot|Eye|Heart|Cancer|Breast|Diabetes|Lipid|Anticoagulation|Coumadin|Infusion|Dialysis|Transplant|Fertility|Allergy|Headache|Epilepsy|Stroke|Trauma|Burn|Weight|Bariatric|Vein|Vascular|Kidney|Liver|Lung|Skin|Travel|Device|Pacemaker|Ostomy|Lactation|Prenatal|Well|Child|Teen|Employee|Student|Occupational|Procedure|Pre-op|Preop|Resident|Faculty|Nurse|Same|Next|Express|After|Hours|Sick|Flu|Covid|Vaccine|Immunization|Refugee|Free|Charity|Student|Outpatient|Inpatient|Ambulatory)$/;

const lists = () => nameLists();
const surnameRank = (w: string) => lists()?.last.get(w.toLowerCase()) ?? Infinity;
const clinicalWord = (w: string) => { const l = w.toLowerCase().replace(/['’]s$/, ''); return EPONYMS.has(l) || DRUGS.has(l); };
/** A word that can carry a facility's name: a town, a frequent surname, or no English word at all; never a department or stop word. */
export function distinctiveWord(w: string, bigHead: boolean): boolean {
  const base = w.replace(/['’]s$/, '');
  const l = base.toLowerCase();
  if (GENERIC.has(l) || isStop(base) || DEPARTMENT.test(base) || STATE.test(base) || isCountry(base) || REGION.test(base)) return false;
  if (!isOrdinaryWord(base)) return true;
  const clinical = codeSetWords().has(l);
  // A frequent surname that is also an eponym ("Cooper", "Walker") names a practice before a facility head, never a sign.
  if (surnameRank(base) <= (clinical ? 150 : 1500)) return true;
  return cityPopulation(base) >= (bigHead ? 50_000 : 200_000);
}

const PLACE_CUE = /\b(?:at|to|from|in|of|via|with|and|transferred|admitted|seen|treated|followed|records|referred|sent|discharged)[ \t,]+(?:the[ \t]+)?$/i;
const STRONG_CUE = /\b(?:seen at|treated at|evaluated at|followed at|managed at|hospitali[sz]ed at|admitted (?:to|at)|transferred (?:to|from)|transfer (?:to|from)|records from|discharged (?:to|from)|delivered at|born at|stayed at|staying at|resides at|works at|employed at|works for|imaging at|surgery at|visits at|care at|appointment at|appt at|follows? at|f\/u at|established at|went to|came from|goes to)[ \t]+(?:the[ \t]+)?$/i;
const LABEL = /(?:^|\n|[.;|][ \t]+)[ \t]*(?:daycare|day care|preschool|school|pharmacy|preferred pharmacy|employer|shelter|church|snf|nursing home|facility|sending facility|receiving facility|outside hospital|osh|practice|agency|home health agency|hh agency|dialysis(?: center| unit)?|pcp office|group home|place of employment|place of service|admitted from|admit from|admission from|discharged? to|transferred (?:from|to)|transfer (?:from|to)|dispo(?:sition)? to)[ \t]*:[ \t]*/gi;

const inDisease = (text: string, start: number) => PLACE_DISEASES.some((d) => text.slice(start, start + d.length).toLowerCase() === d.toLowerCase());
const clinicalAfter = (text: string, end: number) => CLINICAL_HEAD.test(text.slice(end, end + 40).replace(/^['’]s/, '').trimStart());

/** The place after "of": a gazetteer town, a state, or region words with a state ("Southwest Florida"). */
function placeWords(words: string): boolean {
  const ws = words.split(/[ \t]+/);
  if (cityPopulation(words) > 0 || STATE.test(words)) return true;
  return ws.length >= 2 && REGION.test(ws[0]!) && (STATE.test(ws.slice(1).join(' ')) || cityPopulation(ws.slice(1).join(' ')) > 0);
}

/** Extends a facility over the head words and one unknown campus word after it ("... Laboratory", "... Croasdaile"). */
function extend(text: string, end: number): number {
  for (let k = 0; k < 2; k++) {
    const t = TAIL_HEAD.exec(text.slice(end));
    if (t) { end += t[0].length; continue; }
    const campus = /^[ \t]+(\p{Lu}\p{Ll}{3,})(?![\p{L}'’-])/u.exec(text.slice(end));
    if (campus && !isOrdinaryWord(campus[1]!) && !clinicalWord(campus[1]!) && !clinicalAfter(text, end + campus[0].length)) { end += campus[0].length; continue; }
    break;
  }
  return end;
}

export function findContextFacilities(text: string): Hit[] {
  const out: Hit[] = [];
  const push = (start: number, end: number, reason: string) => {
    if (end > start && !inDisease(text, start) && !clinicalAfter(text, end)) out.push({ start, end, type: 'FACILITY', reason });
  };
  // Head + "of" + place, with any words before the head ("Urology Associates of Reading").
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])((?:${CAP}[ \t]+){0,3})(${HEAD_ALT})[ \t]+of[ \t]+(?:the[ \t]+)?(${CAP}(?:[ \t]+${CAP}){0,2})(?![\p{L}])`, 'gu'))) {
    let place = m[3]!;
    while (!placeWords(place) && place.includes(' ')) place = place.slice(0, place.lastIndexOf(' '));
    if (!placeWords(place)) continue;
    const start = m.index + (m[1]!.match(/^(?:(?:The|A|An|Our|Outside|Patient|Pt)[ \t]+)*/)?.[0].length ?? 0);
    push(start, m.index + m[0].indexOf(m[3]!) + place.length, 'facility of a named place');
  }
  // "Sunrise of Edina": a name of one word and a town after a place word.
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(${CAP})[ \t]+of[ \t]+(${CAP}(?:[ \t]+${CAP})?)(?![\p{L}])`, 'gu'))) {
    const [, name, town] = m as unknown as [string, string, string];
    if (!PLACE_CUE.test(text.slice(Math.max(0, m.index - 30), m.index)) || !placeWords(town) || STATE.test(town)) continue;
    if (GENERIC.has(name.toLowerCase()) || isStop(name) || DEPARTMENT.test(name) || clinicalWord(name) || /^(?:City|County|State|Town|Village|Mayor|Governor|Bank|Port|Lake|Mount|Isle|Gulf|Bay|Coast|People|Republic|Kingdom)$/.test(name)) continue;
    push(m.index, m.index + m[0].length, 'facility of a named place');
  }
  // A town or frequent surname before a specific head ("Walker Methodist", "Reading Hospital Laboratory").
  // Lazy: the shortest name before the longest head ("Duke" + "Primary Care", not "Duke Primary" + "Care").
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])((?:${CAP}[ \t]+){1,2}?)(${HEAD_ALT})(?![\p{L}])`, 'gu'))) {
    if (!SPECIFIC.test(m[2]!)) continue;
    const words = m[1]!.trim().split(/[ \t]+/);
    // "Seen Cooper Family Medicine": leading words that carry no name are dropped.
    let k = 0;
    while (k < words.length - 1 && !distinctiveWord(words[k]!, BIG_HEAD.test(m[2]!))) k++;
    if (!words.slice(k).every((w) => distinctiveWord(w, BIG_HEAD.test(m[2]!)))) continue;
    const start = m.index + (k ? m[1]!.indexOf(words[k]!, words.slice(0, k).join(' ').length) : 0);
    push(start, extend(text, m.index + m[0].length), 'town or surname before a facility word');
  }
  // Facility label lines.
  for (const m of text.matchAll(LABEL)) {
    const s = m.index + m[0].length;
    const v = new RegExp(String.raw`^((?:St\.[ \t]+)?${CAP}(?:[ \t]+(?:of|and|&|the|de|for)?[ \t]*(?:${CAP}|[A-Z]{2,5}|\d{1,5}))*)`, 'u').exec(text.slice(s, s + 80));
    if (!v) continue;
    const words = v[1]!.split(/[ \t]+/).filter((w) => /^\p{Lu}/u.test(w));
    // "Pharmacy: Vancomycin per level": a drug or a medical word is the label's subject, not a place. After a placement label
    // ("Admitted from: Quarry Ridge") a place is expected: only a drug or a name made of clinical words alone is vetoed.
    const placement = /(?:admit|admitted|admission|discharged?|transfer|transferred|dispo|disposition)/i.test(m[0]);
    if (words.some((w) => DRUGS.has(w.toLowerCase())) || (placement ? allServiceWords(v[1]!) : words.some((w) => codeSetWords().has(w.toLowerCase()) && !isEnglishWord(w)))) continue;
    if (words.every((w) => GENERIC.has(w.toLowerCase()) || isStop(w) || /^(?:None|Unknown|Same|Home|Self|Retired|Disabled|Unemployed|Yes|No|N\/A|Pending)$/i.test(w))) continue;
    push(s, s + v[1]!.length, 'facility label');
  }
  // After a strong place verb: 1-3 capitalised words that are no department, person or town.
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])((?:St\.[ \t]+)?${CAP}(?:[ \t]+(?:${CAP}|[A-Z]{2,5})){0,2})(?![\p{L}])`, 'gu'))) {
    const pre = text.slice(Math.max(0, m.index - 30), m.index);
    if (!STRONG_CUE.test(pre) || /[.!?:][ \t]*$/.test(pre.replace(/\b(?:the)[ \t]+$/i, ''))) continue;
    const words = m[1]!.split(/[ \t]+/).map((w) => w.replace(/['’]s$/, ''));
    // "admitted to Labor and Delivery", "transferred to Step Down": a clinical or department word names a unit, not a place.
    // Units and services inside one hospital (facilities.ts keeps the list; read lazily, the modules import each other).
    const unitWord = (w: string) => DEPARTMENTS.has(w.toLowerCase());
    if (words.some((w) => isStop(w) || DEPARTMENT.test(w) || unitWord(w) || STATE.test(w) || isCountry(w) || clinicalWord(w) || /^(?:Dr|Mr|Mrs|Ms|Home|Rehab|Hospice|Work|School|Church|Jail|Prison|Court|Labor|Delivery|Step|Observation|Telemetry|Floor|Unit|Pod|Bay|Room|Bed|Triage|Recovery|Holding|Palliative|Psych)$/.test(w))) continue;
    // A town is the gazetteer's; a person's first name ("went to Maria's") is no facility.
    if (cityPopulation(m[1]!) > 0 || (lists()?.first.get(words[0]!.toLowerCase()) ?? 0) >= 0.05) continue;
    if (words.length === 1 && words[0]!.length < 4) continue;
    push(m.index, m.index + m[1]!.length, 'place after a place verb');
  }
  // "from Lakeshore Children's": a children's hospital named by its first word.
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(${CAP})[ \t]+Children['’]s(?![ \t]+(?:Hospital|Medical|Health|Clinic|Center))(?![\p{L}])`, 'gu'))) {
    if (PLACE_CUE.test(text.slice(Math.max(0, m.index - 30), m.index)) && distinctiveWord(m[1]!, true)) push(m.index, m.index + m[0].length, "children's hospital");
  }
  // "Star of Hope men's shelter", "House of Mercy clinic": a capitalised name with "of" before a lower-case facility word.
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(${CAP}[ \t]+of[ \t]+(?:the[ \t]+)?${CAP})(?:[ \t]+[\p{Ll}'’]+)?[ \t]+(?:shelter|clinic|hospital|center|house|home|mission|ministry|pantry|church|school|daycare|rehab|hospice)\b`, 'gu'))) {
    const first = m[1]!.split(/[ \t]+/)[0]!;
    if (!GENERIC.has(first.toLowerCase()) && !isStop(first) && !clinicalWord(first)) push(m.index, m.index + m[1]!.length, 'facility name before a facility word');
  }
  // "resident of Sunny Brook Commons", "at Hope Springs Recovery": 1-3 capitalised words and an organisation or residence
  // word, after a place word; heads too generic for facilities.ts ("Society", "Commons") need that cue.
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])((?:${CAP}[ \t]+(?:of[ \t]+|&[ \t]+|and[ \t]+)?){1,3})(Society|Foundation|Ministries|Ministry|Commons|Gardens|Estates|Terrace|Villa|Village|Living|Place|House|Residences?|Network|Alliance|Services|Group|Collaborative|Cooperative|Outreach|Haven|Retreat|Manor|Homes|Towers|Apartments|Recovery|Wellness|Counseling|Behavioral|Hospice|Respite|Academy|Charter)(?![\p{L}])`, 'gu'))) {
    const pre = text.slice(Math.max(0, m.index - 30), m.index);
    if (!PLACE_CUE.test(pre) && !/\b(?:resident of|lives at|living at|staying at|stays at|moved into|placed at|placement at|enrolled (?:at|in))[ \t]+(?:the[ \t]+)?$/i.test(pre)) continue;
    const words = m[1]!.trim().split(/[ \t]+/).filter((w) => /^\p{Lu}/u.test(w));
    if (words.every((w) => GENERIC.has(w.toLowerCase()) || isStop(w) || DEPARTMENT.test(w)) || words.some((w) => clinicalWord(w) || DRUGS.has(w.toLowerCase()) || STATE.test(w))) continue;
    // "Social Services", "Protective Services", "Support Group": a service, not a place, when every word is a clinical or service word.
    if (words.every((w) => (codeSetWords().has(w.toLowerCase()) && !isEnglishWord(w)) || /^(?:Social|Protective|Support|Family|Child|Adult|Senior|Human|Legal|Community|Public|Patient|Guest|Financial|Environmental|Food|Nutrition|Spiritual|Pastoral|Care|Case)$/.test(w))) continue;
    push(m.index, m.index + m[0].length, 'named residence or organisation after a place word');
  }
  // "St. Casimir's Home", "Saint Anne's Villa": a saint's name before a residence word is a facility.
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(?:St\.?|Saint)[ \t]+${CAP}(?:['’]s)?[ \t]+(?:Home|House|Villa|Manor|Place|Residence|Terrace|Gardens|Commons|Court|Village|Center|Care|Hall)(?![\p{L}])`, 'gu'))) {
    push(m.index, m.index + m[0].length, 'saint-named residence');
  }
  return out;
}
