/**
 * Person names that the capitalisation-driven detectors (people.ts, names.ts) miss:
 *  - the value of a person label line in any case ("RN: kelly t", "ORDERING: SHAH, PRIYA",
 *    "Patient: KIM, JI-HOON   MRN: ...", "Submitting physician: Park, Soo-Min MD");
 *  - lower-case or unlisted words right after a relation or role word ("friend jaylen",
 *    "mom is tanisha", "doctor ramirez", "Pharmacist Anjali", "patient guadalupe ochoa");
 * Two adjacent capitalised words that are no ordinary words ("Zbigniew Wisniewski") are the
 * proper-noun rule's (proper-nouns.ts).
 * Invariants: a word on the STOP list, an eponym, a drug or a common word is never a name here,
 * and nothing followed by a clinical head word ("Barrett esophagus") is one.
 */
import { type Hit } from './hits';
import { FACILITY_HEADS, isClinicalOrCommon, nameLists } from './lexicon';
import { isStop } from './name-words';
import { CLINICAL_HEAD } from './people';
import { isEnglishWord } from './tokens';
import { isOrdinaryWord } from './ordinary';
import { findFormNames } from './name-forms';

const WORD = "[A-Za-zÀ-ÿ](?:[A-Za-zÀ-ÿ]*(?:['’][A-Za-zÀ-ÿ]+)?)(?:-[A-Za-zÀ-ÿ]+(?:['’][A-Za-zÀ-ÿ]+)?)*";
const LABELS = [
  'patient(?: name)?', 'pt name', 'name', 'ordering(?: physician| provider| md)?', 'referring(?: physician| provider| md)?',
  '(?:reading )?radiologist', 'pathologist', 'submitting physician', 'attending(?: physician)?', 'resident', 'fellow', 'intern',
  'rn', 'lpn', 'np', 'pa', 'pt', 'ot', 'slp', 'cna', 'case (?:mgr|manager)', 'cm', 'sw', 'social worker', 'caller', 'accepting(?: physician)?',
  'charge (?:rn|nurse)', 'nurse', 'surgeon', 'assistant', 'anesthesia', 'anesthesiologist', 'pcp', 'contact', 'emergency contact', 'poa',
  'guardian', 'interpreter', 'chaplain', 'scribe', 'dictated by', 'transcribed by', 'signed by', 'cosigner', 'provider', 'physician',
  // Who a record is about or from, outside the clinic's own vocabulary (jail, payer, school, portal forms).
  'inmate', 'client', 'member(?: name)?', 'subscriber', 'insured', 'guarantor', 'beneficiary', 'claimant', 'employee', 'student', 'resident name',
  // A letter's or fax's subject line names its patient ("Re: DEL VALLE ARRIZABALAGA, Lucia"); its words must pass the same checks.
  're', 'regarding',
  'child', 'parent', 'requestor', 'requester', 'recipient', 'sender', 'reviewer', 'auditor', 'coder', 'author', 'technologist', 'sonographer', 'therapist'
];
/** Surname particles, in any case ("de los Santos", "DEL VALLE", "bin Salim"): a labelled value may hold up to two of them. */
const PARTICLE_WORD = '(?:[Dd]e|DE|[Dd]el|DEL|[Dd]ella|[Ll]a|LA|[Ll]os|LOS|[Ll]as|[Dd]os|[Dd]a|[Vv]an|VAN|[Vv]on|VON|[Dd]er|DER|[Dd]en|[Tt]er|bin|BIN|bint|ibn|IBN|al|AL|el|EL|ben)';
const PARTICLE_ONLY = new RegExp(`^${PARTICLE_WORD}$`);
const CRED = '(?:M\\.?D\\.?|D\\.?O\\.?|RN|NP|PA(?:-C)?|LPN|LCSW|MSW|DPT|PharmD|PhD|APRN|FNP)';
const LABEL_LINE = new RegExp(
  `(?:^|\\n|;)[ \\t]*(?:${LABELS.join('|')})[ \\t]*:[ \\t]*(?:(?:dr|doctor|mr|mrs|ms)\\.?[ \\t]+)?(${WORD}(?:,?[ \\t]${WORD}\\.?){0,2}(?:,?[ \\t]${PARTICLE_WORD}(?:[ \\t]${PARTICLE_WORD})?)?(?:,?[ \\t]${WORD}\\.?){0,2})(?=(?:,?[ \\t]*${CRED}\\b)?[ \\t]*(?:$|\\n|[ \\t]{2,}|\\t|\\())`,
  'gid'
);
const RELATION = '(?:goes by|nickname(?: is)?|known as|aka|name is|ex|ex-husband|ex-wife|therapist|counselor|sponsor|wife|husband|spouse|partner|son|daughter|dtr|mother|mom|father|dad|sister|brother|friend|niece|nephew|aunt|uncle|cousin|grandson|granddaughter|grandmother|grandfather|roommate|boyfriend|girlfriend|fianc[ée]e?|caregiver|doctor|dr|pharmacist|chaplain|interpreter|paramedic|emt|nurse|caller)';
const CUED = new RegExp(`\\b(?:${RELATION}|dr\\.)(?:[ \\t]+(?:name is|name:|is named|is called|is|named|called))?,?[ \\t]+["“(]?(${WORD})(?:[ \\t]+(${WORD}))?`, 'gid');
const PATIENT_CUED = new RegExp(`\\b(?:patient|pt)[ \\t]+(${WORD})[ \\t]+(${WORD})`, 'gid');

const listed = (w: string): boolean => {
  const l = nameLists();
  return w.toLowerCase().split(/[-'’]/).some((p) => p.length >= 2 && (Boolean(l?.first.has(p)) || Boolean(l?.last.has(p))));
};
/** A census given name of some frequency or a surname among the 30,000 most frequent ("brochure" is rank 87,334). */
const commonName = (w: string): boolean => {
  const l = nameLists(), k = w.toLowerCase();
  // Without the lists (cues alone) any word may be the name, as before.
  if (!l) return true;
  return (l?.first.get(k) ?? 0) >= 0.001 || (l?.last.get(k) ?? Infinity) <= 30000;
};
/** Never a name: stop words, clinical and common words, verbs after the cue ("son visiting"). */
const HEADS = new Set(FACILITY_HEADS.map((h) => h.toLowerCase()));
const HONORIFIC = /^(?:dr|drs|doctor|mr|mrs|ms|mx|miss|prof|rev|fr|sr|jr|st|sgt|capt|pastor|father|sister)\.?$/i;
// "interpreter ID #31187", "navigator ext 4412": an id or extension word after a role is no name.
const barred = (w: string): boolean => isStop(w) || isClinicalOrCommon(w) || HONORIFIC.test(w) || HEADS.has(w.toLowerCase()) || /^\d/.test(w) || /^(?:id|ext|badge)$/i.test(w);
const CRED_WORD = new RegExp(`^${CRED}$`);
// "nurse navigator", "mother unsure", "son is translate", "wife, handout left": the compromise lexicon misses many ordinary
// words; one that the census lists do not know as a name at all is the role, state or thing, not the relative. A capitalised
// hyphenated word of known parts is a given name ("his wife, Mi-young"), a lower-case one a thing ("dual-chamber").
const plainEnglish = (w: string): boolean => isEnglishWord(w) || /(?:ed|ing|ly)$/i.test(w) || (isOrdinaryWord(w) && !commonName(w) && !/^[A-Z][a-z]*-/.test(w));
const clinicalAfter = (text: string, end: number) => CLINICAL_HEAD.test(text.slice(end, end + 40).replace(/^['’]s/, '').trimStart());
const hit = (start: number, end: number, reason: string): Hit => ({ start, end, type: 'NAME', reason });

export function findLabelledPeople(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(LABEL_LINE)) {
    // "Park, Soo-Min MD": the regex may take the credential as a name word; drop it.
    let value = m[1]!;
    for (let w = /[,\s]+(\S+)$/.exec(value); w && CRED_WORD.test(w[1]!.replace(/[.,]+$/, '')); w = /[,\s]+(\S+)$/.exec(value)) value = value.slice(0, w.index);
    value = value.replace(/[.,]+$/, '');
    const words = value.split(/[,\s]+/).filter(Boolean);
    // Particles are parts of a surname, not words to judge ("Haddad, Omar bin Salim").
    const full = words.filter((w) => w.replace(/\.$/, '').length > 1 && !PARTICLE_ONLY.test(w));
    // "Park, Soo-Min" / "White, Grace": in a labelled "Last, First" a common word is a surname.
    const lastFirst = /^[^,\s]+,[ \t]/.test(value);
    if (!full.length || full.some((w) => (lastFirst ? isStop(w) || HONORIFIC.test(w) : barred(w.replace(/\.$/, ''))))) continue;
    // Each word a census name, or (in a value not all lower case) no English word: "please recheck BP" is not a name.
    const lowerOnly = !/[A-Z]/.test(value);
    if (!full.every((w) => listed(w.replace(/\.$/, '')) || (!lowerOnly && !plainEnglish(w)))) continue;
    const start = m.indices![1]![0];
    out.push(hit(start, start + value.length, 'name after a person label'));
  }
  for (const m of text.matchAll(CUED)) {
    const a = m[1]!, b = m[2];
    if (barred(a) || plainEnglish(a) || (/^[a-z]/.test(a) && a.length < 3)) continue;
    const s = m.indices![1]![0];
    // "therapist jen w": a one-letter initial after the name belongs to it.
    const initial = b && /^[A-Za-z]$/.test(b) && /^(?:[ \t]*(?:$|[,.;:)]|\n|in\b|at\b))/.test(text.slice(m.indices![2]![1]));
    const takeB = b && (initial || (!barred(b) && !plainEnglish(b) && (listed(b) || /^[A-Z]/.test(b) === /^[A-Z]/.test(a))));
    const end = takeB ? m.indices![2]![1] : m.indices![1]![1];
    if (!clinicalAfter(text, end)) out.push(hit(s, end, 'name after a relation or role word'));
  }
  for (const m of text.matchAll(PATIENT_CUED)) {
    const [a, b] = [m[1]!, m[2]!];
    if ([a, b].some((w) => barred(w) || plainEnglish(w)) || !(listed(a) && listed(b))) continue;
    const end = m.index + m[0].length;
    if (!clinicalAfter(text, end)) out.push(hit(m.indices![1]![0], end, 'name after patient'));
  }
  // Signature marks and spelled-out names (name-forms.ts).
  out.push(...findFormNames(text));
  // "J.M.E.'s partner": dotted initials owning something stand for a person.
  for (const m of text.matchAll(/(?<![\p{L}.])(?:[A-Z]\.){2,3}(?=['’]s\b)/gu)) out.push(hit(m.index, m.index + m[0].length, 'initials of a person'));
  return out;
}
