/**
 * Facility names the head-word rule misses (facilities pass 5):
 *  - prisons by their system's abbreviation and town: "SCI Albion", "FCI Marianna", "FMC Devens",
 *    "USP Hazelton" (state and federal prisons are written so on every transfer and records request),
 *    and "<Town> State Prison";
 *  - practices named by a pair of specialties: a place or name word before it ("Chesapeake Ear, Nose
 *    & Throat", "Piedmont Foot & Ankle"), or a practice word and "of <Place>" after it ("Skin & Cancer
 *    Associates of Birchwood"): the pair alone is an exam heading or a service ("Ear, nose & throat:
 *    normal", "Allergy & Asthma: rhinitis"), so it needs one of the two;
 *  - an institute or centre named for a person whose surname is also an eponym or an English word
 *    ("Levine Cancer Institute", "Knight Cancer Institute"): before these specific heads a census
 *    surname names the place.
 */
import type { Hit } from './hits';
import { DRUGS, nameLists } from './lexicon';
import { cityPopulation } from './gazetteer';
import { isStop } from './name-words';
import { codeSetWords } from './vocabulary';
import { STATE_NAMES } from './places';

/** Federal and state prison systems' abbreviations before the town: State Correctional Institution, Federal Correctional Institution / Medical Center / Detention Center, US Penitentiary... */
const PRISON = /(?<![\p{L}\p{N}])(?:SCI|FCI|FMC|USP|FDC|MDC|FPC|FCC)[ \t]+((?:[A-Z][a-z]+)(?:[ \t][A-Z][a-z]+)?)(?![\p{L}])/gu;
/** "Coventry State Prison", "Riverbend State Penitentiary" (not a head word: "State" would become one for every rule). */
const STATE_PRISON = /(?<![\p{L}\p{N}])(?:[A-Z][a-z]+[ \t]){1,2}State[ \t]+(?:Prison|Penitentiary)(?![\p{L}])/gu;

const AND = String.raw`[ \t]*(?:&|and)[ \t]*`;
/** Pairs of specialties that practices are named by. */
const PAIR = String.raw`(?:Ear,?[ \t]+Nose,?${AND}Throat|Foot${AND}Ankle|Bone${AND}Joint|Eye${AND}Ear|Skin${AND}Cancer|Spine${AND}Pain|Allergy${AND}Asthma|Vein${AND}Vascular|Kidney${AND}Hypertension|Sleep${AND}Lung|Digestive${AND}Liver|Hand${AND}Wrist|Brain${AND}Spine|Asthma${AND}Allergy|Arthritis${AND}Rheumatology|Spine${AND}Sports|Orthopedics${AND}Sports Medicine)`;
const PRACTICE = String.raw`(?:Associates|Specialists|Group|Partners|Consultants|Center|Centre|Clinic|Institute|Physicians|Care)`;
const NAMED_PAIR = new RegExp(String.raw`(?<![\p{L}\p{N}])((?:[A-Z][\p{L}'’-]+[ \t]+){1,2})(${PAIR})(?:[ \t]+${PRACTICE})?(?![\p{L}])`, 'gu');
const PAIR_OF_PLACE = new RegExp(String.raw`(?<![\p{L}\p{N}])(${PAIR})[ \t]+${PRACTICE}[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?(?![\p{L}])`, 'gu');
/** Words that open a sentence or a list, not a practice's name ("Normal Ear, Nose & Throat", "The Foot & Ankle"). */
const OPENER = /^(?:The|A|An|Our|Your|His|Her|Their|My|Normal|Abnormal|Exam|Review|History|Systems|ROS|PE|General|See|Per|No|Left|Right|Bilateral)$/;

const STATE_RE = new RegExp(`^(?:${STATE_NAMES})$`);

/** A word that can name a practice: a town, or no drug, clinical or function word. */
function practiceWord(w: string): boolean {
  const l = w.toLowerCase().replace(/['’]s$/, '');
  if (cityPopulation(w) > 0) return true;
  return !OPENER.test(w) && !isStop(w) && !DRUGS.has(l) && !codeSetWords().has(l) && !STATE_RE.test(w);
}

/** Before these heads a person's surname names the place, even an eponym's or an English word's ("Levine", "Knight"). */
const NAMED_INSTITUTE = /(?<![\p{L}\p{N}])([A-Z][a-z]+)[ \t]+(?:Cancer Institute|Cancer Center|Heart Institute|Eye Institute|Neuroscience Institute|Neurological Institute|Children['’]s Hospital|Medical Center)(?![\p{L}])/gu;

export function findNamedFacilities(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(PRISON)) out.push({ start: m.index, end: m.index + m[0].length, type: 'FACILITY', reason: 'prison by its abbreviation and town' });
  for (const m of text.matchAll(STATE_PRISON)) {
    const lead = /^(?:The|A|At|In|From|To)[ \t]+/.exec(m[0])?.[0].length ?? 0;
    out.push({ start: m.index + lead, end: m.index + m[0].length, type: 'FACILITY', reason: 'state prison' });
  }
  for (const m of text.matchAll(NAMED_PAIR)) {
    const words = m[1]!.trim().split(/[ \t]+/);
    while (words.length && !practiceWord(words[0]!)) words.shift();
    if (!words.length) continue;
    const start = m.index + m[0].indexOf(words[0]!);
    out.push({ start, end: m.index + m[0].length, type: 'FACILITY', reason: 'practice named by a pair of specialties' });
  }
  for (const m of text.matchAll(PAIR_OF_PLACE)) out.push({ start: m.index, end: m.index + m[0].length, type: 'FACILITY', reason: 'practice of a named place' });
  for (const m of text.matchAll(NAMED_INSTITUTE)) {
    const rank = nameLists()?.last.get(m[1]!.toLowerCase());
    if (rank !== undefined && rank <= 20000 && !isStop(m[1]!) && !OPENER.test(m[1]!)) out.push({ start: m.index, end: m.index + m[0].length, type: 'FACILITY', reason: 'institute named for a person' });
  }
  return out;
}
