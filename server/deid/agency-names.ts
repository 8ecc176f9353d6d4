/**
 * Local public agencies named by their place ("Tri-Valley Area Agency on Aging", "Llano County
 * Health District", "Fort Collins Housing Authority", "Region 4 Office of Public Health", "Oak Haven
 * R-IV School District", "Delmont County Department of Job and Family Services", "Salt Lake County
 * Jail"): below the state they narrow a patient down as a clinic does, and the blind files label them
 * FACILITY (issue 8, round 9).
 * The name is one to four capitalised words (or a number, a district's roman numerals) and an
 * agency's head; "Office/Department/Board ... of X" takes the capitalised words after "of".
 * Never: a head alone or after generic words only ("the County Jail", "State Department of Health"),
 * or after a state's name alone ("Ohio Department of Health": a state may stay in a Safe Harbor copy).
 * Invariants: hits are FACILITY; pure.
 */
import type { Hit } from './hits';
import { STATE_NAMES } from './places';
import { isOrdinaryWord } from './ordinary';
import { cityPopulation } from './gazetteer';
import { CLINICAL_ABBREVIATIONS } from './lexicon';

const LEAD = "(?:\\p{Lu}[\\p{L}'’.-]*|\\d{1,3}|[IVX]{1,4}(?:-[IVX]{1,4})?|R-[IVX]{1,4})";
const OF_WORDS = "(?:the[ \\t]+)?\\p{Lu}[\\p{L}'’-]*(?:[ \\t]+(?:(?:and|&|of|for|the)[ \\t]+)?\\p{Lu}[\\p{L}'’-]*){0,5}";
const HEAD = `(?:Area[ \\t]+Agency[ \\t]+on[ \\t]+Aging|Agency[ \\t]+on[ \\t]+Aging|Council[ \\t]+on[ \\t]+Aging|Housing[ \\t]+Authority|(?:Public[ \\t]+)?Health[ \\t]+(?:District|Department|Dept\\.?)|(?:Unified[ \\t]+|Independent[ \\t]+)?School[ \\t]+District|Sheriff['’]?s[ \\t]+(?:Office|Department|Dept\\.?)|Police[ \\t]+(?:Department|Dept\\.?)|Fire[ \\t]+(?:Department|Dept\\.?|District|Rescue)|Jail|Detention[ \\t]+(?:Center|Centre|Facility)|Correctional[ \\t]+(?:Facility|Center|Centre|Institution)|(?:Office|Department|Dept\\.?|Division|Bureau|Board|Commission)[ \\t]+of[ \\t]+${OF_WORDS})`;
/** Emergency services named by their town ("Kanawha Gap EMS", "Port Avery Fire & EMS", "Tri-County Dispatch", "Yuma PD"): a head that also ends a sentence's verb phrase ("Called EMS"), so the name needs two capitalised words or one no word list holds. */
const SERVICE_HEAD = `(?:Fire[ \\t]*(?:&|and)[ \\t]*(?:EMS|Rescue)|Fire[- ]Rescue|EMS|Ambulance(?:[ \\t]+(?:Service|Corps))?|(?:Volunteer[ \\t]+)?Rescue[ \\t]+(?:Squad|Sqd)|Dispatch|PD|FD|EMA|OEM|Emergency[ \\t]+Management(?:[ \\t]+Agency)?|Parks[ \\t]*(?:&|and)[ \\t]*Rec(?:reation)?)`;
const SERVICE_LEAD = "(?:St\\.|\\p{Lu}[\\p{L}'’-]*)";
const SERVICE = new RegExp(`(?<![\\p{L}\\p{N}])((?:${SERVICE_LEAD}[ \\t]+){1,3})${SERVICE_HEAD}(?![\\p{L}])`, 'gu');
/** Words that lead a call for a service, not its name ("Called EMS", "Per EMS", "Early PD"). */
const NOT_A_NAME = /^(?:Sent|Send|Called|Call|Calling|Per|Notify|Notified|Contact|Contacted|Activate|Activated|Alert|Alerted|Page|Paged|Via|By|And|Or|Then|Early|Late|Advanced|Mild|Severe|Known|Hx|Dx|No|On)$/i;
/** "KCPD", "NYPD": a police department's initials, two letters and PD (never COPD, RAPD or another clinical abbreviation). */
const PD_INITIALS = /(?<![\p{L}\p{N}])(?!COPD|RAPD|ADPD|IGPD)\p{Lu}{2}PD(?![\p{L}\p{N}])/gu;
const AGENCY = new RegExp(`(?<![\\p{L}\\p{N}])((?:${LEAD}[ \\t]+){1,4})${HEAD}(?![\\p{L}])`, 'gu');
const GENERIC = /^(?:The|A|An|Our|Your|Their|His|Her|This|That|Local|County|City|State|Regional|Region|Public|Area|District|Municipal|Federal|National|US|U\.S\.|New|Old|Main|Central)$/;
const STATE_ONLY = new RegExp(`^(?:${STATE_NAMES})$`);
const SERVICE_GATE = /EMS|Ambulance|Rescue|Dispatch|PD\b|FD\b|EMA\b|OEM\b|Emergency Management|Parks/;
const GATE = /Aging|Authority|District|Sheriff|Police|Fire|Jail|Detention|Correctional|Office of|Department of|Dept\.? of|Division of|Bureau of|Board of|Commission of|Health Dep/;

export function findAgencyNames(text: string): Hit[] {
  const out: Hit[] = SERVICE_GATE.test(text) ? emergencyServices(text) : [];
  if (!GATE.test(text)) return out;
  for (const m of text.matchAll(AGENCY)) {
    const lead = m[1]!.trim().split(/[ \t]+/);
    const specific = lead.filter((w) => !GENERIC.test(w));
    // "Ohio Department of Health", "Washington State Office of the Insurance Commissioner": a state's agency is named whole; a state alone before a generic head is none.
    if (!specific.length || (STATE_ONLY.test(specific.join(' ')) && !/\bof\b/.test(m[0]))) continue;
    // "The Llano County Health District": the article stays outside.
    const skip = /^(?:The|A|An|Our|Your|Their|This|That)[ \t]+/.exec(m[0])?.[0].length ?? 0;
    out.push({ start: m.index + skip, end: m.index + m[0].length, type: 'FACILITY', reason: 'local public agency' });
  }
  return out;
}

function emergencyServices(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(SERVICE)) {
    const lead = m[1]!.trim().split(/[ \t]+/).filter((w) => !GENERIC.test(w));
    if (!lead.length || lead.some((w) => NOT_A_NAME.test(w) || CLINICAL_ABBREVIATIONS.has(w.toLowerCase())) || STATE_ONLY.test(lead.join(' '))) continue;
    // "Yuma PD", "Kanawha Gap EMS", "Tri-County Dispatch": a town or a word no list holds, or a compound; "Coastal Plain EMS": two words.
    const specific = lead.some((w) => !isOrdinaryWord(w) || cityPopulation(w) > 0 || w.includes('-'));
    if (!specific && (lead.length < 2 || /PD|FD/.test(m[0].slice(m[1]!.length)))) continue;
    const start = m.index + m[0].indexOf(lead[0]!);
    // "Tucson PD", "Pasco County EMS": the agency is the whole name, as blind files 45-48 label it; its span covers the town.
    out.push({ start, end: m.index + m[0].length, type: 'FACILITY', reason: 'local emergency service' });
  }
  for (const m of text.matchAll(PD_INITIALS)) {
    if (!CLINICAL_ABBREVIATIONS.has(m[0].toLowerCase())) out.push({ start: m.index, end: m.index + m[0].length, type: 'FACILITY', reason: "a police department's initials" });
  }
  return out;
}

