/**
 * The rest of a facility's name that its detectors leave beside the placeholder (issue 8, fifteenth pass): 119 of the
 * 353 FACILITY misses on the open files were names found in part. After facility-edges.ts, a facility (or a town or
 * one-word name read in its place) grows:
 *  - by the service or kind written after it: "Oconomowoc" + " FM", "Summit" + " Rheumatology", "Dean" + " clinic",
 *    "Bayshore" + " infusion suite", "H-E-B" + " Pharmacy #621", "Whitcombe" + " Injury Law", "Hennepin Co." + " Sheriff";
 *  - by the words its detector cut off at a joint: "INSTITUTE FOR" + " TRANSPLANT & RESEARCH", "NURSING" +
 *    " AND REHABILITATION", "Home" + " for the Aged", "Minnesota Board" + " on Aging", "Clinic" + " - Northeast";
 *  - by a court's words before its county ("Circuit Court of " + "Cook County") and a system's word before a hyphen
 *    ("MERCY-" + "ALDEN"); a chain store's street ("CVS on Ponce") stays the address the street detectors make of it;
 * and two pieces of one name become one: "U.S" + ". " + "Renal Care", "Texas Health" + " and " + "Human Services
 * Commission", "Florida/South" + "South Georgia Veterans Health System", "Family Medicine" + " - " + "82nd St".
 * A person's name grows only by a practice's words ("Valley" + " Vascular"), never after an honorific ("Dr. Patel").
 * Invariant: spans grow only over the words above; a span another one now holds is dropped (detect.ts's invariant).
 */
import { withoutHeldSpans, type Hit } from './hits';
import { CLINICAL_ABBREVIATIONS, DRUGS, EPONYMS } from './lexicon';
import { isStop, MONTH_OR_WEEKDAY } from './name-words';
import { givenName } from './name-signoffs';
import { allServiceWords } from './facility-services';

/** Specialties, kinds and business words after a place's name that make it a practice's or a site's name. */
const SERVICE = String.raw`(?:Rheumatology|Cardiology|Nephrology|Oncology|Neurology|Urology|Dermatology|Gastroenterology|Pulmonology|Endocrinology|Orthopa?edics|Ortho|Pediatrics|Podiatry|Ophthalmology|Optometry|Audiology|Psychiatry|Radiology|Imaging|Open MRI|Behavioral(?: Health)?|Vascular|Respiratory|Mobility|Dialysis|Pharmacy|Specialty Rx|Rx|Drug|Medical Supply|Home Health|Hospice|Family Medicine|Internal Medicine|Family Practice|Urgent Care|Surgical|Eye|Dental|Physical Therapy|Rehab|Nephrology Associates|Transplant(?: Center| Program)?|HealthSystem|Health System|Healthcare|HealthCare|Associates|Specialists|Physicians|Partners|(?:\p{Lu}\p{Ll}+ )?Law(?: Firm| Group| Offices?)?|LLP|PLLC)`;
/** Unit abbreviations a place's name takes as a site ("Athens Regional ED", "Jacksonville OPC"): never after a person. */
const SITE_ABBR = String.raw`(?:FM|IM|ED|ER|OPC|CBOC|HCS|PSC|ENT|ASC)`;
/** Lower-case kinds after a name: "Dean clinic", "LSU neuromuscular clinic", "Bayshore infusion suite". */
const LOWER_KIND = String.raw`(?:(?:[a-z]{3,16}[ \t])?(?:clinic|center)|infusion suite|hospice|campus|lab|laboratory)`;
const TAIL_FOR_PLACE = new RegExp(String.raw`^[ \t](?:${SERVICE}|${SITE_ABBR}|${LOWER_KIND})(?:[ \t](?:${SERVICE}|${SITE_ABBR}))?(?![\p{L}\p{N}])`, 'u');
const TAIL_FOR_PERSON = new RegExp(String.raw`^[ \t]${SERVICE}(?![\p{L}\p{N}])`, 'u');
/** A chain's store number without "#" after its kind: "Walmart Pharmacy 10-5491", "Hometown Rx Store 04". */
const BARE_STORE_NUMBER = /^[ \t]\d{1,5}(?:-\d{3,5})?(?![\p{L}\p{N}])/u;
const STORE_KIND = /(?:Pharmacy|Rx|Store|Drug)$/;
const STORE_NUMBER = /^[ \t]*#[ \t]?(?:[A-Z]-?)?\d{1,6}(?![\p{L}\p{N}])/u;
/** A county's offices after its name: "Hennepin Co." + " Sheriff", "Hillsborough County" + " clerk's office". */
const COUNTY_OFFICE = /^[ \t](?:Sheriff(?:['’]s Office| Dept\.?| Department)?|Jail|Detention Center|911|Dispatch|[Cc]lerk['’]s [Oo]ffice|Health Department|Public Health|EMS|Coroner|Medical Examiner|Probation|Social Services|Human Services)(?![\p{L}\p{N}])/u;
const COUNTY = /(?:County|COUNTY|Co\.|Parish)$/;
/** "Circuit Court of " before a county: the court is named by it. */
const COURT_BEFORE = /(?:(?:Circuit|District|Superior|Probate|Family|Juvenile|Municipal|Supreme|Chancery|County)[ \t]+Court[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?)$/i;
/** Connectors after which a name goes on: "Home" + " for the Aged", "Board" + " on Aging", "Bank" + " of North Texas". */
const CONNECTOR_AFTER = /^[ \t]+(?:of|on|for|OF|ON|FOR)(?:[ \t]+(?:the|THE))?(?=[ \t])/;
const CONNECTOR_AT_END = /(?:^|[ \t])(?:of|for|and|OF|FOR|AND|&)$/;
/** Where a name's words stop: punctuation, a line's end, two spaces, a lower-case word, a number. */
const NAME_STOP = /^(?:$|[ \t]*[\n,.;:()|!?]|[ \t]{2}|[ \t]+[-–—][ \t]|[ \t]+(?:\p{Ll}|\d))/u;
/** Head words that may close a name continued in capitals ("DRUG" + " INFORMATION CENTER"). */
const CAPS_HEAD = /^(?:COMMISSION|BOARD|OFFICE|AUTHORITY|ADMINISTRATION|DIVISION|BUREAU|CENTER|CENTRE|CLINIC|CLINICS|HOSPITAL|INSTITUTE|REHABILITATION|REHAB|RESEARCH|HOME|CARE|HEALTH|HEALTHCARE|SERVICES|CEMETERY|CHURCH|SCHOOL|UNIVERSITY|COLLEGE|ASSOCIATES|GROUP|PHARMACY|LABORATORY|LAB|DIALYSIS|MEDICINE|AGED|AGING|SYSTEM|NETWORK|FOUNDATION|AGENCY|DEPARTMENT|PROGRAM)$/;
const WEAK_END = /^(?:NURSING|POISON|DRUG|EYE|HEART|CANCER|SLEEP|PAIN|SPINE|EAR|SKILLED|WELLNESS|RETIREMENT|LIVING|BEHAVIORAL|MENTAL)$/i;
/** Words after "for the" that a home's name takes though they are clinical words ("Home for the Aged"). */
const CARED_FOR = /^(?:Aged|Elderly|Blind|Deaf|Aging|Poor|Sick|Incurables)$/i;
/** A site or campus after a dash: "Clinic - Northeast", "— HUMAN RIGHTS CLINIC". */
const DASH_SITE = /^[ \t]+[-–—][ \t]+((?:\p{Lu}[\p{L}'’]*)(?:[ \t]+(?:\p{Lu}[\p{L}'’]*|of|and|&)){0,3})(?=$|[ \t]*[\n,.;:()|]|[ \t]{2}|[ \t]+\p{Ll})/u;
const COMPASS = /^(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|Downtown|Central|Midtown|Uptown)$/i;
const SITE_HEAD = /(?:^|[ \t])(?:Clinic|CLINIC|Center|CENTER|Campus|CAMPUS|Unit|Program|Dialysis|DIALYSIS|Hospital|HOSPITAL)$/;
/** A system's or a parent's word joined to the name by a hyphen: "MERCY-" + "ALDEN", "Mercy-" + "St. Ansgar". */
const HYPHEN_LEAD = /(?<![\p{L}\p{N}-])(\p{Lu}[\p{L}]{2,})-$/u;
const NOT_A_LEAD = /^(?:Pre|Post|Non|Anti|Mid|Ex|Self|Co|Re|Sub|Inter|Trans|Multi)$/i;
const HONORIFIC_BEFORE = /(?:^|[^\p{L}])(?:Dr|Drs|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Nurse|Rev|Judge|Officer|Pastor|Father|Rabbi|Sgt|Capt)\.?[ \t]+$/u;
const SAINT_BEFORE = /(?<![\p{L}\p{N}])(?:St\.?|ST\.?|Saint|SAINT)[ \t]$/u;

const SLASH_PHARMACY = /^\/[Pp]harmacy(?![\p{L}\p{N}])/u;
/** "VA" + " Black Hills HCS": the VA's system named by its region. */
const VA_SYSTEM = /^[ \t](?:\p{Lu}\p{Ll}+[ \t]){1,3}(?:HCS|Health Care System|Healthcare System|Medical Center|VAMC|CBOC|CLC)(?![\p{L}\p{N}])/u;
/** A facility's last word that closes its name: what follows " and " is another one. */
const OWN_HEAD = /(?:^|[ \t])(?:Hospital|Center|Centre|Clinic|Aid|Bank|Pharmacy|School|Church|Home|Society|Department|Associates|Group|Institute|Foundation|Agency|Office|Court|Shelter|Library|University|College|Lab|Laboratory|Commission|Board|Authority|Hospice|Ministries|Pantry)$/i;
const SITE_END = /[ \t](?:PSC|Dialysis|Campus|Branch|Site)$/;
/** Where words before a facility may open its name: a line or a cell's start, a label's colon, a bracket, a lower-case word. */
const LEAD_START = String.raw`(?:^|(?<=\n|[:|(]|[:|(][ \t]|[.;,][ \t]|[ \t]{2}|\p{Ll}[ \t]))`;
const LEAD_OF = new RegExp(String.raw`${LEAD_START}((?:\p{Lu}[\p{L}'’]+[ \t]){0,2}\p{Lu}[\p{L}'’]+)[ \t]+(?:of[ \t]+the|of|&)[ \t]+$`, 'u');
const LEAD_AT = new RegExp(String.raw`${LEAD_START}((?:\p{Lu}[\p{L}'’]+[ \t]){0,3}(?:Center|Centre|Pavilion|Institute|Clinic|Program|Unit))[ \t]+at[ \t]+$`, 'u');
const HONORIFIC_WORD = /^(?:Dr|Drs|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Nurse|Rev|Judge|Officer|Pastor|Father|Rabbi|Sgt|Capt|Department|Dept|History|Review|Copy|Letter|Records?|Results?)$/;

const isPlaceType = (h: Hit) => h.type === 'FACILITY' || h.type === 'CITY';
/** One or two capitalised words: "Valley", "Lonestar Specialty". */
const shortName = (s: string) => /^\p{Lu}[\p{L}'’-]+(?:[ \t]\p{Lu}[\p{L}'’-]+)?$/u.test(s);

export function widenFacilityTails(text: string, hits: Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    if (saintsHerb(text, hit)) continue;
    const h = { ...hit };
    grow(text, h, out[out.length - 1]?.end ?? 0);
    const last = out[out.length - 1];
    if (last && piecesOfOne(text, last, h)) {
      out[out.length - 1] = { ...last, type: 'FACILITY', end: Math.max(last.end, h.end) };
      grow(text, out[out.length - 1]!, out[out.length - 2]?.end ?? 0);
      continue;
    }
    out.push(h);
  }
  return withoutHeldSpans(out);
}

/** Two spans that are pieces of one facility's name. */
function piecesOfOne(text: string, last: Hit, h: Hit): boolean {
  // "Kwarteng & Lowe", "Greer & Haldane": two surnames joined by "&" name a firm.
  if ((last.type === 'NAME' || last.type === 'CITY') && h.type === 'NAME' && /^[ \t]&[ \t]$/.test(text.slice(last.end, h.start))) return firmNames(text, last, h);
  if (last.type !== 'FACILITY') return false;
  if (h.start < last.end) return h.type === 'FACILITY';
  const gap = text.slice(last.end, h.start);
  const first = text.slice(last.start, last.end);
  // "U.S" + ". " + "Renal Care", "MT. ZION A.M.E" + ". " + "CHURCH CEMETERY": an abbreviation's last stop.
  if (/^\.?[ \t]$/.test(gap) && /(?:^|[.\s])\p{Lu}\.\p{Lu}\.?$/u.test(first) && (gap.length === 2) !== first.endsWith('.')) return isPlaceType(h);
  // "Texas Health" + " and " + "Human Services Commission"; "Tidewater Legal Aid" has its head, so " and " joins two.
  if (/^[ \t](?:and|AND|&)[ \t]$/.test(gap)) return h.type === 'FACILITY' && !OWN_HEAD.test(first);
  // "Covenant Family Medicine" + " - " + "82nd St", "Midland Children's Endocrinology - Lee's" + " " + "Summit": a site.
  if (/^[ \t]+[-–—][ \t]+$/.test(gap)) return isPlaceType(h) || h.type === 'ADDRESS';
  // "Quest Diagnostics" + ", " + "Lakeview PSC": a site of the one before.
  if (/^,[ \t]$/.test(gap) && h.type === 'FACILITY' && SITE_END.test(text.slice(h.start, h.end))) return true;
  if (!/^[ \t]$/.test(gap)) return false;
  // "Mercy" + " " + "South" (read as a person's name): a campus.
  return isPlaceType(h) && /['’]s$/.test(first) || COMPASS.test(text.slice(h.start, h.end));
}

/** Both words surnames of a firm, not two given names ("Bob & Mary" stays two people's names). */
function firmNames(text: string, last: Hit, h: Hit): boolean {
  const words = [text.slice(last.start, last.end), text.slice(h.start, h.end)];
  return words.every((w) => /^\p{Lu}[\p{L}'’-]+(?:[ \t]\p{Lu}[\p{L}'’-]+)?$/u.test(w)) && !words.some((w) => givenName(w.split(/[ \t]/).pop()!));
}

/**
 * "Heart of the " + "Rockies Regional Medical Center", "Pulmonary & " + "Sleep Associates", "Cancer Care Pavilion at " +
 * "Sorrel Bay Medical Center": capitalised words before "of (the)" or "&", or a centre's name before "at", open the name.
 */
function leadWords(text: string, h: Hit, floor: number): void {
  const before = text.slice(Math.max(floor, h.start - 50), h.start);
  const of = LEAD_OF.exec(before);
  const m = of ?? LEAD_AT.exec(before);
  if (!m) return;
  const words = m[1]!.split(/[ \t]+/);
  // Before "at" the words close on a centre's head ("Care", "Center" are stop words of a note's prose elsewhere).
  if (words.some((w) => (of && isStop(w)) || MONTH_OR_WEEKDAY.test(w) || HONORIFIC_WORD.test(w) || DRUGS.has(w.toLowerCase()) || EPONYMS.has(w.toLowerCase()))) return;
  h.start -= m[0].length;
}

/** Grows `h` over its name's words, never back over `floor` (the end of the span before). */
function grow(text: string, h: Hit, floor: number): void {
  const name = text.slice(h.start, h.end);
  const person = h.type === 'NAME';
  if (!isPlaceType(h) && !person) return;
  if (person && (!shortName(name) || HONORIFIC_BEFORE.test(text.slice(Math.max(0, h.start - 12), h.start)))) return;
  const tail = (person ? TAIL_FOR_PERSON : TAIL_FOR_PLACE).exec(text.slice(h.end, h.end + 40));
  // "Athens Regional" + " ED" names a site; "Mercy Hospital ED" is the hospital's department, and the hospital is the name.
  if (tail && !(/^[ \t]E[DR]$/.test(tail[0]) && OWN_HEAD.test(name))) { h.end += tail[0].length; h.type = 'FACILITY'; }
  if (person) { saintsName(text, h); return; }
  const office = COUNTY.test(text.slice(h.start, h.end)) ? COUNTY_OFFICE.exec(text.slice(h.end, h.end + 30)) : null;
  if (office) { h.end += office[0].length; h.type = 'FACILITY'; }
  const court = COURT_BEFORE.exec(text.slice(Math.max(floor, h.start - 40), h.start));
  if (court) { h.start -= court[0].length; h.type = 'FACILITY'; }
  if (h.type !== 'FACILITY') return;
  const lead = HYPHEN_LEAD.exec(text.slice(Math.max(floor, h.start - 20), h.start));
  if (lead && !NOT_A_LEAD.test(lead[1]!) && sameCase(lead[1]!, text.slice(h.start, h.end))) h.start -= lead[0].length;
  leadWords(text, h, floor);
  const rest = text.slice(h.end, h.end + 60);
  const more = SLASH_PHARMACY.exec(rest) ?? (/^VA$/.test(text.slice(h.start, h.end)) ? VA_SYSTEM.exec(rest) : null) ?? (/\p{Lu}\.\p{Lu}$/u.test(text.slice(h.start, h.end)) ? /^\.(?![\p{L}\p{N}])/u.exec(rest) : null);
  if (more) h.end += more[0].length;
  storeNumber(text, h);
  continued(text, h);
  dashSite(text, h);
}

/** "St. John's wort" is a herb: the saint's name in it is no person (the keep lists of 39, 46 and 57 hold it). */
const saintsHerb = (text: string, h: Hit) =>
  h.type === 'NAME' && SAINT_BEFORE.test(text.slice(Math.max(0, h.start - 7), h.start)) && /^['’]s[ \t]+wort(?![\p{L}])/iu.test(text.slice(h.end, h.end + 10));

/** "St. " + "Anselm", "St. " + "Elowen" + "'s": a saint's name read as a person's takes its "St."; with "'s" it is a hospital. */
function saintsName(text: string, h: Hit): void {
  const lead = SAINT_BEFORE.exec(text.slice(Math.max(0, h.start - 7), h.start));
  if (!lead) return;
  h.start -= lead[0].length;
  const possessive = /^['’]s(?![\p{L}\p{N}])/u.exec(text.slice(h.end));
  if (possessive) { h.end += possessive[0].length; h.type = 'FACILITY'; }
}

function storeNumber(text: string, h: Hit): void {
  const rest = text.slice(h.end, h.end + 16);
  const m = STORE_NUMBER.exec(rest) ?? (STORE_KIND.test(text.slice(h.start, h.end)) ? BARE_STORE_NUMBER.exec(rest) : null);
  if (m) h.end += m[0].length;
}

/** "INSTITUTE FOR" + " TRANSPLANT & RESEARCH", "NURSING" + " AND REHABILITATION", "Home" + " for the Aged". */
function continued(text: string, h: Hit): void {
  const name = text.slice(h.start, h.end);
  const caps = name === name.toUpperCase() && /\p{Lu}{3}/u.test(name);
  const lastWord = name.split(/[ \t]+/).pop()!;
  const rest = text.slice(h.end, h.end + 60);
  const word = caps ? String.raw`(?:\p{Lu}[\p{Lu}'’.-]*|&|AND|OF|FOR|THE)` : String.raw`(?:\p{Lu}[\p{L}'’.-]*|&|and|of|the)`;
  const words = new RegExp(String.raw`^(?:[ \t]+${word}){1,4}`, 'u');
  const cut = CONNECTOR_AT_END.test(name);
  const joint = cut ? null : CONNECTOR_AFTER.exec(rest) ?? (WEAK_END.test(lastWord) ? /^[ \t]+(?:and|AND|&)(?=[ \t])|^(?=[ \t])/.exec(rest) : caps ? /^(?=[ \t])/.exec(rest) : null);
  if (!cut && !joint) return;
  const after = rest.slice(joint?.[0].length ?? 0);
  const m = words.exec(after);
  if (!m) return;
  // Take the longest run of the words that ends where a name stops.
  const parts = m[0].match(new RegExp(String.raw`[ \t]+${word}`, 'gu'))!;
  for (let n = parts.length; n > 0; n--) {
    const run = parts.slice(0, n).join('');
    const last = run.trim().split(/[ \t]+/).pop()!;
    if (/^(?:&|and|AND|of|OF|for|FOR|the|THE)$/.test(last) || !NAME_STOP.test(after.slice(run.length))) continue;
    if (!runFits(run.trim(), last.replace(/\.$/, ''), caps, cut, joint?.[0] ?? '')) return;
    // "… for the Aged." ends a sentence: its full stop is no abbreviation's ("Co.", "A.M.E." keep theirs).
    const sentenceStop = /[ \t]\p{Lu}\p{Ll}{2,}\.$/u.test(run) && !/(?:Inc|Corp|Assn|Dept|Bros)\.$/.test(run) ? 1 : 0;
    h.end += (joint?.[0].length ?? 0) + run.length - sentenceStop;
    return;
  }
}

/** Whether the words after a joint go on the name: not a month, drug or clinical service ("Clinic for Cardiac Rehab"). */
function runFits(run: string, last: string, caps: boolean, cut: boolean, joint: string): boolean {
  const ws = run.split(/[ \t]+/);
  // "Rush" + " for " + "Guillain-Barre": an eponym after the joint is the reason for the visit.
  if (ws.some((w) => MONTH_OR_WEEKDAY.test(w) || DRUGS.has(w.toLowerCase()) || termWord(w).split('-').some((p) => EPONYMS.has(p)) || (w.length <= 4 && CLINICAL_ABBREVIATIONS.has(w.toLowerCase()) && !/^(?:&|AND|OF|FOR|THE)$/.test(w)))) return false;
  if (cut) return true;
  // A bare continuation in capitals ("DRUG" + " INFORMATION CENTER") must close on a head word.
  if (!joint.trim()) return caps && CAPS_HEAD.test(last) && ws.length <= 3;
  if (CARED_FOR.test(last) || CAPS_HEAD.test(last.toUpperCase())) return true;
  if (/^[ \t]+(?:on|ON)/.test(joint)) return false;
  return !allServiceWords(run);
}

/** "NOW Care Occupational Clinic" + " - Northeast", "SCHOOL OF MEDICINE" + " — HUMAN RIGHTS CLINIC". */
function dashSite(text: string, h: Hit): void {
  const m = DASH_SITE.exec(text.slice(h.end, h.end + 50));
  if (!m) return;
  const site = m[1]!;
  if (COMPASS.test(site) || SITE_HEAD.test(site) && !MONTH_OR_WEEKDAY.test(site.split(/[ \t]/)[0]!)) h.end += m[0].length;
}

/** A word as the term lists hold it: lower case, without its possessive ("Addison's" -> "addison"). */
const termWord = (w: string) => w.toLowerCase().replace(/['’]s$/, '');
const sameCase = (a: string, b: string) => (a === a.toUpperCase()) === (b.replace(/[^\p{L}]/gu, '') === b.replace(/[^\p{L}]/gu, '').toUpperCase());
