/**
 * Health facilities (type FACILITY): they name a place below the state, so Safe Harbor removes
 * them. Three kinds of evidence:
 *  - a well-known health system or its abbreviation (lists/facilities.json): multi-word names
 *    match in any case ("johns hopkins"), abbreviations in capitals ("UCSF", "MGH"), and
 *    single ordinary words ("Mercy", "Providence") only capitalised after a place word;
 *  - capitalised words ending in a facility head word ("Cedar Valley Regional Medical Center",
 *    "Kids First Pediatrics", "Hillcrest Nursing Home"), or followed by a lower-case one
 *    ("Shady Oaks assisted living");
 *  - saints and "Our Lady of ..." ("St. Mary's Hospital", "at St. Luke's", "Our Lady of the Lake").
 * A match grows over following qualifiers (campus words, city names: "Kaiser Permanente
 * Roseville", "Sentara Norfolk General"). Invariant: generic department phrases
 * ("Internal Medicine", "the Emergency Department") are not facilities.
 */
import { esc, type Hit } from './hits';
import { CLINICAL_ABBREVIATIONS, COMMON_WORDS, FACILITY_HEADS, FACILITY_SYSTEMS, isClinicalOrCommon, nameLists, PLACE_DISEASES } from './lexicon';
import { cityPopulation } from './gazetteer';
import { isStop, MONTH_OR_WEEKDAY, TOK } from './name-words';
import { isCountry, isEnglishWord } from './tokens';
import { codeSetWords } from './vocabulary';
import { STATE_ABBR, STATE_NAMES } from './places';
import terms from './lists/clinical-terms.json';

const STATE = new RegExp(`^(?:${STATE_NAMES})$`);
import { CLINICAL_HEAD } from './people';
import { findContextFacilities } from './facility-context';
import { allServiceWords, isDenomination, isServiceName } from './facility-services';
import { findFacilityMentions } from './facility-mentions';
import { findFacilitiesBesideWords } from './facility-beside';
import { findFacilityShapes } from './facility-shapes';
import { findNamedFacilities } from './facility-names';
import { CHAIN_NAMES, englishOnly, findLowerCaseChains, lowerChainCue, storeCue, distinctChainWord } from './facility-chains';

const CUE_BEFORE = /\b(?:at|to|from|in|via|with|transferred|transfer|admitted|admission|records|seen|outside|followed|treated|patient|pt|discharged|sent|send|refer(?:red)?|the)\s+(?:the\s+)?$/i;
const QUALIFIER = /^[ \t]+((?:St\.|Saint) [A-Z][a-z]+(?:['’]s)?|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)/;
/** Department and generic words: a facility name needs a distinctive word besides these. */
const GENERIC = new Set(('internal family emergency sports nuclear physical preventive occupational pediatric pediatrics general urgent primary adult behavioral ' +
  'mental women\'s children\'s senior community university regional medical health care the our a an this that his her their outside local county state ' +
  'memorial county city surgical surgery cardiology oncology radiology orthopedic orthopedics rehabilitation rehab skilled nursing dialysis imaging cancer ' +
  'heart eye diabetes ambulatory outpatient inpatient main new old north south east west central downtown veterans ed er icu coding surgeon attorney inspector brigadier lieutenant postmaster adjutant secretary consul').split(' '));

const HEAD_ALT = FACILITY_HEADS.map((h) => esc(h).replace(/'/g, "['’]")).join('|');
const NAME_WORD = `(?:${TOK}|[A-Z]{2,5}|(?:St\\.?|Saint|Mt\\.?|Mount)(?=\\s))`;
const HEADED = new RegExp(`(?<![\\p{L}\\p{N}])((?:${NAME_WORD}(?:['’]s)?[ \\t]+(?:(?:of|and|&|the|for)[ \\t]+)?){1,5})(${HEAD_ALT})(?![\\p{L}])`, 'gu');
const LOWER_HEAD = new RegExp(`(?<![\\p{L}\\p{N}])((?:${TOK}[ \\t]+){0,2}${TOK})[ \\t]+(assisted living|nursing home|nursing facility|rehab|rehabilitation|hospital|medical center|senior living|skilled nursing|hospice|care center|memory care|clinic|health center|urgent care|surgery center|dialysis)\\b`, 'gu');
const SAINT = /(?<![\p{L}])(?:St\.?|Saint|Sainte?)[ \t]+[A-Z][a-z]+(?:['’]s)?(?:[ \t]+(?:of[ \t]+)?[A-Z][a-z]+)?/gu;
const SAINT_LOWER = /(?<=\b(?:at|to|from|in)\s+)(?:st\.?|saint)[ \t]+[a-z]{3,}(?:['’]s)?/gu;
const OUR_LADY = /\bOur Lady of(?: the)? [A-Z][a-z]+(?: [A-Z][a-z]+)?/g;
const SCHOOL = new RegExp(`\\b((?:${TOK}[ \\t]+){1,3})(Elementary|Middle School|High School|School|Academy|College|University|Daycare|Day Care|Preschool|Montessori|Learning Center|K-8|K-12|PreK-8)(?![\\w-])`, 'g');
/** "Memorial Hospital", "Children's Hospital", "Regional Medical Center": a capitalised institution name made of generic words still names one place. */
const GENERIC_INSTITUTION = /(?<![\p{L}\p{N}])((?:(?:[A-Z][a-z]+|[A-Z]{2,4})(?:['’]s)?[ \t]+){0,3})(Children['’]s Hospital|Women['’]s Hospital|Hospitals?|Medical Cent(?:er|re)|Health System|Infirmary|Nursing Home|Hospice|Rehabilitation Hospital|Health Cent(?:er|re))(?![\p{L}])/gu;
/** Qualifiers that make it any hospital, not a named one ("Outside Hospital", "the Receiving Hospital"). */
const NOT_A_NAME = /^(?:Day|Partial|Night|Psychiatric|Outside|Local|Other|Previous|Prior|Receiving|Sending|Referring|Transferring|Accepting|Admitting|Any|This|That|Our|Your|Their|His|Her|The|A|An|Nearest|Nearby|Same|New|Another|Different|Area|Home|Patient|Pt|Each|Every|Which|What|No|Main|Teaching|Acute|Private|Public|Rural|Urban|Small|Large|Tertiary|Community-based)$/;

/** "seen at fairview hospital", "transferred to regions hospital": a lower-case name before an institution word, after a place word. */
const LOWER_INSTITUTION = /(?<=\b(?:at|from|to|in|transferred|admitted|seen|treated|followed|records)[ \t]+(?:the[ \t]+)?)((?:[a-z][a-z'’]+[ \t]+){1,2})(hospital|medical center|med center|clinic|nursing home|hospice|rehab|health|imaging|radiology|lab|labs|laboratory|pharmacy|urgent care|surgery center|dialysis|family medicine|family practice|primary care|pediatrics|medical group|cancer center|health center|orthopedics|senior living|assisted living)\b/gu;
const ANY_HOSPITAL = new Set(('psych psychiatric mental state day animal field teaching specialty trauma long-term surgical pediatric children\'s childrens women\'s womens ' +
  'veterans va walk-in free rehab rehabilitation acute private public rural urban small large tertiary big same different another any each every my your ' +
  'outside local nearby nearest other previous prior receiving sending referring transferring accepting home area new old main').split(' '));

/** "transferred to Cedar Ridge", "discharged to Sunrise of Edina": capitalised words right after a transfer or discharge verb name a place. */
const AFTER_TRANSFER = /\b(?:[Tt]ransferred|[Tt]ransfer|[Dd]ischarged|[Aa]dmitted|[Mm]oved|[Tt]ransported|[Bb]rought|[Rr]eturned|[Rr]eadmitted)[ \t]+(?:back[ \t]+)?(?:to|from|at)[ \t]+(?:the[ \t]+)?((?:St\.[ \t]|[A-Z][a-z]+(?:['’]s)?[ \t]?){1,3})(?![\p{L}])/gu;
/** Units, services and departments a patient is sent to inside one hospital: never a facility's name. */
export const DEPARTMENTS = new Set(('labor delivery memory care step down stepdown med surg medsurg hospice palliative psych psychiatry behavioral wound pain management infusion dialysis ' +
  'interventional radiology cath lab endoscopy observation telemetry floor ward unit bay pod room bed holding recovery triage fast track pediatrics peds ' +
  'oncology cardiology surgery medicine neurology nephrology orthopedics rehab rehabilitation physical therapy occupational speech home hospital clinic ' +
  'intensive critical nursing skilled long term acute subacute transitional assisted living residential foster shelter jail prison court school work').split(' '));

/** "Hospital of the University of Pennsylvania", "Children's Hospital of Philadelphia", "Hospital for Special Surgery". */
const HEAD_FIRST = new RegExp(`\\b(?:(?:Children['’]s|Women['’]s|General|Memorial|Community)[ \\t]+)?(?:Hospital|Medical Center|Clinic|Infirmary|Health System)[ \\t]+(?:of|for)[ \\t]+(?:the[ \\t]+)?${TOK}(?:[ \\t]+(?:of[ \\t]+)?${TOK}){0,3}`, 'g');

/** One-word system names ("Mercy", "Providence"): distinctive in a headed name even though they are also words ("Mercy Heart & Vascular"). */
const SYSTEM_WORDS = new Set(FACILITY_SYSTEMS.filter((n) => !/[\s-]/.test(n)).map((n) => n.toLowerCase()));

/** "Pain Clinic", "Memory Clinic", "Heart Failure Clinic": a word of the code-set descriptions names a service, unless it is also a town or a frequent surname. */
function serviceWord(w: string): boolean {
  const l = w.toLowerCase().replace(/['’]s$/, '');
  return codeSetWords().has(l) && !cityPopulation(w) && (nameLists()?.last.get(l) ?? Infinity) > 1500;
}

function distinctive(words: string, service = false): boolean {
  return words.split(/[\s&]+/).filter(Boolean).some((w) => !GENERIC.has(w.toLowerCase()) && !isStop(w) && !isClinicalOrCommon(w) && !(service && serviceWord(w)) || /^[A-Z]{2,5}$/.test(w) || SYSTEM_WORDS.has(w.toLowerCase()));
}

/** "referral to Lake Health", "at Rose Clinic": after a place word, a capitalised word that is also a name (the exception list's common words) is distinctive enough. */
function nameLike(words: string): boolean {
  return words.split(/[\s&]+/).some((w) => /^[A-Z]/.test(w) && (COMMON_WORDS.has(w.toLowerCase()) || surname(w)) && !GENERIC.has(w.toLowerCase()) && !DEPARTMENTS.has(w.toLowerCase()));
}
/** A census surname that is no English word ("at Harris Center", not "Call Center"). */
function surname(w: string): boolean {
  return /^[A-Z][a-z]+$/.test(w) && (nameLists()?.last.get(w.toLowerCase()) ?? Infinity) <= 20000 && !isEnglishWord(w.toLowerCase()) && !GENERIC.has(w.toLowerCase()) && !DEPARTMENTS.has(w.toLowerCase());
}

/** "at The Willows", "from: The Pines", "The Arbors at Fox Run": a capitalised "The" mid-sentence before capitalised words after a place word names a place. */
const AT_THE = /(?<=\b(?:at|to|from|in|into):?[ \t]+)The[ \t]+((?:[A-Z][a-z]+(?:['’]s)?)(?:[ \t]+[A-Z][a-z]+){0,2})(?:[ \t]+at[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})?(?![\p{L}])/gu;

/** "Pine Knoll Care" + "Center" -> "Pine Knoll " + "Care Center": the longest head that the name's last words and its head form. */
function longerHeadSplit(words: string, head: string): [string, string] | null {
  for (const re of LAST_WORDS) {
    const m = re.exec(words);
    if (!m) continue;
    const longer = `${m[2]!}${head}`;
    const key = longer.replace(/[ \t]+/g, ' ').replace(/’/g, "'").toLowerCase();
    if (HEAD_SET.has(key)) return [m[1]!, longer];
  }
  return null;
}
const HEAD_SET = new Set(FACILITY_HEADS.map((h) => h.toLowerCase()));
/** The name's last three, two, one words (with the words before them). */
const LAST_WORDS = [3, 2, 1].map((k) => new RegExp(`^(.*?\\S[ \\t]+)((?:\\S+[ \\t]+){${k}})$`));

/** Grows a facility span over qualifiers and city names that follow it. */
function grow(text: string, end: number): number {
  // "Compassus Hospice of the Ozarks", "Mercy Hospital of Springfield": a capitalised place after "of".
  const of = /^[ \t]+(?:of[ \t]+(?:the[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?|for[ \t]+(?:Children|Women|Kids))(?![\p{L}])/u.exec(text.slice(end));
  if (of && !CLINICAL_HEAD.test(text.slice(end + of[0].length).trimStart())) end += of[0].length;
  // "CVS #4471", "Walgreens store 1123": a chain's store number.
  const store = /^[ \t]*(?:#|store[ \t]*#?|no\.)[ \t]*\d{2,6}\b/i.exec(text.slice(end));
  if (store) return end + store[0].length;
  // "Essentia–Deer River", "Good Samaritan Society - Waconia": a dash and the campus's town.
  const dash = /^[ \t]*[-–—][ \t]*((?:St\.[ \t])?[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2})(?![\p{L}])/u.exec(text.slice(end));
  if (dash && (cityPopulation(dash[1]!) > 0 || dash[1]!.split(/[ \t]/).some((w) => !isEnglishWord(w) && !isClinicalOrCommon(w)))) return end + dash[0].length;
  // "VA Puget Sound Health Care System - American Lake Division", "... - Hot Springs Campus": a system's campus after a dash.
  const campus = /^[ \t]*[-–—][ \t]*((?:[A-Z][a-z]+[ \t]){1,3}(?:Division|Campus))(?![\p{L}])/u.exec(text.slice(end));
  if (campus) return end + campus[0].length;
  // "Banner UMC", "Sentara RMH": an upper-case campus abbreviation that is no clinical abbreviation or state.
  const abbr = /^[ \t]+([A-Z]{2,5})(?![\p{L}\p{N}])/u.exec(text.slice(end));
  if (abbr && !CLINICAL_ABBREVIATIONS.has(abbr[1]!.toLowerCase()) && !STATE_ABBR_RE.test(abbr[1]!)) end += abbr[0].length;
  // "Greater Mount Zion Baptist" + " Church": a head word after the name's last head belongs to it.
  const head = /^[ \t]+(Church|Hospital|Clinic|Home|Manor|Center|Chapel|Temple|Cathedral|Mission|Shelter|Academy|School)(?![\p{L}])/u.exec(text.slice(end));
  if (head) end += head[0].length;
  for (let k = 0; k < 3; k++) {
    const m = QUALIFIER.exec(text.slice(end));
    if (!m) break;
    // Two-word city names first ("Palo Alto"), then one word ("Norfolk", "General").
    let w = m[1]!;
    if (!/^(?:St\.|Saint) /.test(w) && !cityPopulation(w) && w.includes(' ')) w = w.split(/[ \t]/)[0]!;
    const skip = m[0].length - m[1]!.length;
    const isCity = cityPopulation(w) > 0;
    if (!isCity && !/^(?:General|Memorial|Regional|Presbyterian|Lutheran|Methodist|Baptist|Medical|University|Hospital|Midtown|Downtown|Campus|Central|Main|Children['’]s|Women['’]s|Health|HealthCare|Healthcare|Center|Clinic)$|^(?:St\.|Saint) /.test(w)) break;
    end += skip + w.length;
  }
  // "Spaulding Rehabilitation Hospital Cape Cod", "Sutter Health Sacramento Valley": after a head, a region of two capitalised
  // words that closes the name (line end, punctuation, a dash); never a unit or a department ("Hospital Intensive Care").
  if (/(?:Hospital|Medical Center|Health|Healthcare|HealthCare|Mercy)$/.test(text.slice(0, end))) {
    const region = /^[ \t]+([A-Z][a-z]+)[ \t]([A-Z][a-z]+)(?=[ \t]*(?:$|[\n,.;:)]|[ \t][-–—][ \t]|[ \t]and[ \t]))/.exec(text.slice(end, end + 40));
    const unit = (w: string) => isStop(w) || DEPARTMENTS.has(w.toLowerCase()) || GENERIC.has(w.toLowerCase()) || STATE.test(w) || MONTH_OR_WEEKDAY.test(w.toLowerCase());
    if (region && ![region[1]!, region[2]!].some(unit) && [region[1]!, region[2]!].some((w) => !codeSetWords().has(w.toLowerCase()) && !isClinicalOrCommon(w))) end += region[0].length;
  }
  return end;
}

const STATE_ABBR_RE = new RegExp(`^(?:${STATE_ABBR})$`);

/** The known systems as three alternations (one scan each instead of one per name). */
interface KnownKind { abbr: boolean; multi: boolean; re: RegExp; names: Map<string, string> }
/** What the Veterans Affairs agency does, not its hospitals ("VA disability claim", "VA eligible"). */
const VA_AGENCY = /^[ \t]+(?:claims?|benefits?|eligib\w*|disability|pension|loans?|rating|compensation|C&P|service[- ]connect\w*|caregiver program|ID card|card|form)\b/i;
/** A model number after a maker's name ("5008S", "2008T"). */
const MODEL_AFTER = /^[ \t]+\d{3,5}[A-Z]{1,2}(?![\p{L}\p{N}])/u;
const MACHINE_BEFORE = /\b(?:machine|device|model|pump|monitor|analy[sz]er|ventilator|concentrator|generator)[ \t]*:?[ \t]*$/i;

/** Health systems and national chains (facility-chains.ts), longest first so the longest name wins. */
const KNOWN_NAMES = [...new Set([...FACILITY_SYSTEMS, ...CHAIN_NAMES])].sort((a, b) => b.length - a.length);
const KNOWN: KnownKind[] = (() => {
  const groups = { abbr: [] as string[], multi: [] as string[], single: [] as string[] };
  for (const name of KNOWN_NAMES) {
    if (/^[A-Z&.]{2,6}$/.test(name)) groups.abbr.push(name);
    else if (/[\s-]/.test(name) || name.length >= 7) groups.multi.push(name);
    else groups.single.push(name);
  }
  const body = (name: string) => esc(name).replace(/'/g, "['’]").replace(/\\\./g, '\\.?');
  const build = (names: string[], flags: string, abbr: boolean, multi: boolean): KnownKind => ({
    abbr, multi, names: new Map(names.map((n) => [n.toLowerCase().replace(/[’.]/g, (c) => (c === '’' ? "'" : '')), n])),
    re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(body).join('|')})(?![\\p{L}\\p{N}])`, flags)
  });
  return [build(groups.abbr, 'gu', true, false), build(groups.multi, 'giu', false, true), build(groups.single, 'gu', false, false)];
})();
const nameKey = (s: string) => s.toLowerCase().replace(/[’.]/g, (c) => (c === '’' ? "'" : ''));

export function findFacilities(text: string): Hit[] {
  const out: Hit[] = [];
  const push = (start: number, end: number, reason: string) => {
    if (PLACE_DISEASES.some((d) => text.slice(start, start + d.length).toLowerCase() === d.toLowerCase() && !/^\s*(?:hospital|medical|clinic|health)/i.test(text.slice(start + d.length)))) return;
    const grown = grow(text, end);
    out.push({ start, end: grown, type: 'FACILITY', reason });
    // "Providence Holy Cross (Mission Hills)", "UMass Memorial, Worcester": the facility's town.
    const town = /^(\s*[,(]\s*)((?:[A-Z][a-z]+\.?)(?:[ \t][A-Z][a-z]+){0,2})/.exec(text.slice(grown, grown + 40));
    if (town && cityPopulation(town[2]!) > 0) out.push({ start: grown + town[1]!.length, end: grown + town[0].length, type: 'CITY', reason: 'town of a facility' });
    // "Stephens Memorial in Norway", "CHOC Children's ED in Orange": after a facility (and its unit) "in" and a town name the
    // campus's town, even when the town is also a word or a country; never a month, a unit or a clinical word.
    const inTown = /^((?:[ \t]+(?:ED|ER|ICU|campus|location|office|site))?[ \t]+in[ \t]+)((?:St\.[ \t])?[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)/.exec(text.slice(grown, grown + 50));
    if (inTown) {
      const two = inTown[2]!, one = two.split(/[ \t]/)[0]!;
      const town = cityPopulation(two) > 0 ? two : cityPopulation(one) > 0 ? one : '';
      if (town && !MONTH_OR_WEEKDAY.test(town.toLowerCase()) && !DEPARTMENTS.has(town.toLowerCase()) && !isClinicalOrCommon(town)) out.push({ start: grown + inTown[1]!.length, end: grown + inTown[1]!.length + town.length, type: 'CITY', reason: 'town of a facility after "in"' });
    }
  };
  for (const k of KNOWN) {
    for (const m of text.matchAll(k.re)) {
      const name = k.names.get(nameKey(m[0])) ?? m[0];
      const pre = text.slice(Math.max(0, m.index - 30), m.index);
      const next = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
      // A one-word name that is also an English word ("Giant", "Quest", "Northwestern") is treated like a short one.
      // A faith's name too ("She is Methodist", "Religion: Baptist").
      const wordLike = !k.abbr && !/[\s-]/.test(name) && (isEnglishWord(name.toLowerCase()) || isDenomination(name));
      if ((!k.abbr && !k.multi) || wordLike) {
        // A single ordinary word ("Mercy", "Rush") only as a name after a place word or before a campus word.
        if (!/^[A-Z]/.test(m[0]) || !(CUE_BEFORE.test(pre) || storeCue(pre, next) || distinctChainWord(name) || /^[ \t]+(?:Hospital|Medical|Health|Clinic|General|Memorial|[A-Z][a-z]+)/.test(next))) continue;
      }
      if (k.multi && /^[a-z]/.test(m[0]) && !/[\s-]/.test(name) && isEnglishWord(name.toLowerCase())) continue; // "providence" in lower case is a word; "walmart" is not
      // "Abingdon, VA 24210" is the state; "VA pension", "VA claim #" the benefits agency, not a place the patient was.
      if (name === 'VA' && (/^[ \t]+\d{5}(?:-\d{4})?(?!\d)/.test(next) || VA_AGENCY.test(next))) continue;
      // "Machine: Fresenius 5008S": a maker before its model number is the machine.
      if (MODEL_AFTER.test(next) || (MACHINE_BEFORE.test(pre) && /^[ \t]+\S*\d/.test(next))) continue;
      // "the patient first noticed", "eats whole foods": a name of English words in lower case is a phrase unless a place or work cue stands before it.
      // Written otherwise than the name's own case or capitals ("Home depot injection") it is a phrase too.
      if (k.multi && englishOnly(name) && m[0] !== name && m[0] !== name.toUpperCase() && !lowerChainCue(pre, next)) continue;
      // "Ochsner St. Anne": a saint's campus is grow()'s, not one more word.
      const more = /^[ \t]+(?!(?:Saint|Sainte|St)\b)([A-Z][a-z]+)\b(?!\.)/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 30));
      const extra = more && !isStop(more[1]!) && !isClinicalOrCommon(more[1]!) && !CLINICAL_HEAD.test(text.slice(m.index + m[0].length + more[0].length).trimStart()) ? more[0].length : 0;
      push(m.index, m.index + m[0].length + extra, 'known health system');
    }
  }
  for (const m of text.matchAll(HEADED)) {
    // "Pine Knoll Care" + "Center": the greedy words may have taken the first word of a longer head; give it back (only
    // to a bare head, whose own rules would reject the name: "Bright Star Home" + "Health" stays as it is).
    const split = /^(?:Center|Centre|Care|Clinic|Home)$/.test(m[2]!) ? longerHeadSplit(m[1]!, m[2]!) : null;
    if (split) m[1] = split[0], m[2] = split[1];
    // "... Health Care" + " System": a head the next word makes longer.
    const ahead = /^[ \t]+([A-Z][a-z]+)/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 20));
    if (ahead && HEAD_SET.has(`${m[2]} ${ahead[1]}`.toLowerCase())) m[2] += ahead[0], m[0] += ahead[0];
    const words = m[1]!.trim();
    const cued = CUE_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index + m[1]!.search(/\S/)));
    // Before a bare "Clinic" or "Center" a clinical word names a service ("Pain Clinic"); before "Medical Center" it may name a place ("Mountain View").
    // "(AHA) Coding Clinic" is the coding guidance publication coders cite, never a place.
    if (m[2] === 'Clinic' && /(?:^|\s)Coding$/.test(words)) continue;
    // "Sleep Medicine", "Cardiac Rehab", "EP Lab": a service or unit inside a hospital, not a place.
    if (isServiceName(words, m[2]!)) continue;
    const service = /^(?:Clinic|Clinics|Center)$/.test(m[2]!) && !words.split(/\s+/).some((w) => GENERIC.has(w.toLowerCase()));
    if (!distinctive(words, service) && !(cued && nameLike(words))) continue;
    // A bare "Center" needs two words before it ("Riverbend Kidney Center", not "Call Center").
    if (m[2] === 'Center' && words.split(/\s+/).length < 2 && !words.split(/\s+/).some((w) => (!isEnglishWord(w.toLowerCase()) && !isClinicalOrCommon(w)) || (cued && surname(w)))) continue;
    // A bare "Care" ("Comfort Care", "Wound Care") names a service unless a word of the name is no English word ("Augustana Care").
    const longerHead = m[2] === 'Care' && FACILITY_HEADS.some((h) => h !== 'Care' && `${words} Care`.toLowerCase().endsWith(` ${h.toLowerCase()}`));
    if (m[2] === 'Care' && !longerHead && !words.split(/\s+/).some((w) => !isEnglishWord(w.toLowerCase().replace(/['’]s$/, '')) && !isClinicalOrCommon(w) && !GENERIC.has(w.toLowerCase()))) continue;
    const lead = m[1]!.search(/\S/);
    // Drop leading generic words ("The", "Patient") so the span starts at the name.
    let s = m.index + lead;
    // "From Thornbury Creek Manor. ...": a capitalised preposition at a sentence start is no part of the name.
    const first = /^(?:The|A|An|Our|Patient|Pt|Outside|From|At|To|In|Via|Per|With|By|For)\s+/.exec(text.slice(s));
    if (first && !/^Our Lady/.test(text.slice(s))) s += first[0].length;
    // "Pastor Odom of New Zoar Baptist Church": a person with a title, then "of", then the facility;
    // "Member of Saint Anne Catholic Church": a role before "of" is the person's, not the place's.
    const titled = /^(?:(?:Pastor|Reverend|Rev\.?|Father|Fr\.|Bishop|Elder|Deacon|Sister|Brother|Rabbi|Imam|Chaplain|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)[ \t]+[A-Z][a-z]+|Members?|Residents?|Parishioners?|Patients?|Employees?|Staff|Volunteers?|Clients?|Students?|Graduates?|Directors?|Friends?)[ \t]+of[ \t]+/.exec(text.slice(s));
    if (titled) s += titled[0].length;
    // "Ridgeview Medical Center and Cardiology Clinic": two names joined; a service after "and" is no part of the place.
    const joined = /^(.*?[ \t](?:Hospital|Medical Center|Health System|Clinic|Center|Hospice))[ \t]+(?:and|&)[ \t]+(.+)$/.exec(text.slice(s, m.index + m[0].length));
    const second = joined?.[2]!.replace(new RegExp(`[ \\t]*(?:${HEAD_ALT})$`), '').trim();
    if (joined && (!second || isServiceName(second, m[2]!) || allServiceWords(second))) { push(s, s + joined[1]!.length, 'facility name'); continue; }
    push(s, m.index + m[0].length, 'facility name');
  }
  for (const m of text.matchAll(LOWER_HEAD)) {
    const words = m[1]!.split(/\s+/);
    // "Anticoagulation clinic" is a service; after a named place it is that place's ("St. Joseph's Endocrine clinic").
    const afterName = /\p{Lu}[\p{L}'’.]*[ \t]+$/u.test(text.slice(Math.max(0, m.index - 30), m.index));
    if (!distinctive(m[1]!) || words.some((w) => isStop(w) || isClinicalOrCommon(w)) || (allServiceWords(m[1]!) && !afterName)) continue;
    // "Device clinic", "Wound clinic": one ordinary word names a service, not a place.
    if (words.length === 1 && isEnglishWord(words[0]!)) continue;
    push(m.index, m.index + m[0].length, 'facility name before a facility word');
  }
  for (const m of text.matchAll(SAINT)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const pre = text.slice(Math.max(0, m.index - 30), m.index);
    if (/^\s*(?:wort|encephalitis|virus|Ave|Avenue|St|Street|Rd|Road|Blvd)\b/i.test(after)) continue;
    if (cityPopulation(m[0]) > 0 && !/^\s*(?:Hospital|Medical|Health|Clinic)/.test(after)) continue; // St. Louis, St. Paul: the city
    // "St. Joseph Mercy Ann Arbor": a saint's name ending in a system's word, or followed by a town, is the hospital.
    const systemOrTown = SYSTEM_WORDS.has(m[0].split(/[ \t]+/).pop()!.toLowerCase()) || cityPopulation(/^[ \t]+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)/.exec(after)?.[1] ?? '') >= 20_000;
    if (/^\s*(?:Hospital|Medical|Health|Clinic|Regional|Memorial|Children|Rehab|Nursing|Mercy|Infirmary)/.test(after) || CUE_BEFORE.test(pre) || systemOrTown) {
      push(m.index, m.index + m[0].length, 'saint-named facility');
    }
  }
  for (const m of text.matchAll(SAINT_LOWER)) push(m.index, m.index + m[0].length, 'saint-named facility');
  for (const m of text.matchAll(OUR_LADY)) push(m.index, m.index + m[0].length, 'facility name');
  for (const m of text.matchAll(HEAD_FIRST)) {
    // "Clinic for Addison's disease" is a clinic's purpose, not its name.
    const tail = m[0].split(/[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?/).slice(1).join(' ');
    if (tail.split(/[ \t]+/).some((w) => isClinicalOrCommon(w) || isStop(w)) || CLINICAL_HEAD.test(text.slice(m.index + m[0].length).trimStart())) continue;
    push(m.index, m.index + m[0].length, 'facility name');
  }
  for (const m of text.matchAll(GENERIC_INSTITUTION)) {
    const words = [...m[1]!.matchAll(/\S+/g)];
    while (words.length && NOT_A_NAME.test(words[0]![0].replace(/['’]s$/, ''))) words.shift();
    if (!words.length && !/^(?:Children|Women)/.test(m[2]!)) continue;
    if (words.some((w) => isStop(w[0]) && !GENERIC.has(w[0].toLowerCase()))) continue;
    const start = m.index + (words.length ? words[0]!.index : m[1]!.length), end = m.index + m[0].length;
    if (!out.some((h) => h.start <= start && end <= h.end)) push(start, end, 'facility name');
  }
  for (const m of text.matchAll(LOWER_INSTITUTION)) {
    // "seen at fairview hospital" matches from "at": the name starts after the place words.
    const words = [...m[1]!.matchAll(/\S+/g)];
    while (words.length && isStop(words[0]![0])) words.shift();
    // "at wound clinic", "at the pain clinic": a clinical word names a service; a town or an unknown word names a place.
    if (!words.length || words.some((w) => ANY_HOSPITAL.has(w[0]) || GENERIC.has(w[0]) || isStop(w[0]) || DEPARTMENTS.has(w[0]) || (codeSetWords().has(w[0]) && !cityPopulation(w[0])))) continue;
    const start = m.index + words[0]!.index, end = m.index + m[0].length;
    if (!out.some((h) => h.start <= start && end <= h.end)) push(start, end, 'facility name before a facility word');
  }
  for (const m of text.matchAll(AFTER_TRANSFER)) {
    const words = m[1]!.trim().split(/[ \t]+/).map((w) => w.replace(/['’]s$/, ''));
    // A town ("moved from Miami") is the gazetteer's; agencies a referral is sent to are not places.
    if (words.some((w) => isStop(w) || DEPARTMENTS.has(w.toLowerCase()) || GENERIC.has(w.toLowerCase()) || /^(?:Dr|Mr|Mrs|Ms)$/.test(w) || STATE.test(w) || isCountry(w))
      || cityPopulation(m[1]!.trim()) >= 100_000 || (/^[Mm]oved/.test(m[0]) && cityPopulation(m[1]!.trim()) > 0)) continue;
    const start = m.index + m[0].length - m[1]!.length, end = start + m[1]!.trimEnd().length;
    if (!out.some((h) => h.start <= start && end <= h.end)) push(start, end, 'place after a transfer verb');
  }
  for (const m of text.matchAll(AT_THE)) {
    const words = m[1]!.split(/[ \t]+/).map((w) => w.replace(/['’]s$/, ''));
    if (words.some((w) => isStop(w) || DEPARTMENTS.has(w.toLowerCase()) || GENERIC.has(w.toLowerCase()) || STATE.test(w) || isCountry(w)) || CLINICAL_HEAD.test(text.slice(m.index + m[0].length).trimStart())) continue;
    if (!out.some((h) => h.start <= m.index && m.index + m[0].length <= h.end)) push(m.index, m.index + m[0].length, 'place named "The ..." after a place word');
  }
  for (const m of text.matchAll(SCHOOL)) if (distinctive(m[1]!)) out.push({ start: m.index, end: m.index + m[0].length, type: 'FACILITY', reason: 'school name' });
  // The other finders' names grow like this file's ("Visiting Nurse Service" + " of the Hudson Valley").
  const grownElsewhere = [...findContextFacilities(text), ...findFacilitiesBesideWords(text), ...findFacilityShapes(text), ...findLowerCaseChains(text, KNOWN_NAMES), ...findNamedFacilities(text)]
    .map((h) => (h.type === 'FACILITY' ? { ...h, end: Math.max(h.end, grow(text, h.end)) } : h));
  const found = [...out, ...grownElsewhere];
  return [...found, ...findFacilityMentions(text, found.filter((h) => h.type === 'FACILITY'))];
}
