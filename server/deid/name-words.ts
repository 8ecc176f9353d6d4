/**
 * Vocabulary for person-name detection: name-shaped token regexes, honorifics, credentials and
 * the capitalised words that follow cues but are not names ("Dr. Visit", "Signed by Radiology").
 * Invariant: STOP holds lower-cased words; callers compare with toLowerCase().
 */
/** One capitalised name token: Olsen, McDonald, O'Brien, Ti'Anna, DeLuca, Ferreira-Campos, Zoë, Young-soon (a short lower-case Korean syllable). */
// "al-Haddad", "el-Khoury", "d'Angelo": a lower-case particle joined to the surname by a hyphen or apostrophe is part of the token.
export const TOK = "(?:(?<![A-Za-z])(?:al|el|ul|ad|ar|as|ash|at|az|bin|bint|ibn|abu|ben|d)[-'’])?[A-Z](?:[a-zà-ÿ]*['’][A-Z][a-zà-ÿ]+|[a-zà-ÿ]+)(?:[A-Z][a-zà-ÿ]+)*(?:-[A-Z][a-zà-ÿ]+|-[a-z]{2,4}(?![a-zà-ÿ-]))*";
// "No LOC. Charge RN", "L&D. Penicillin": a capital right after a letter or '&' closes an abbreviation, it is no initial.
export const INITIAL = '(?<![A-Za-z&])[A-Z]\\.';
const PARTICLE = '(?:(?:van|von|de|der|den|del|della|da|di|du|le|la|bin|ibn|al)[ \\t]+)';
/** A name after a cue: optional initials, then 1-3 tokens (lower-case particles allowed). */
// Names never span a line break: a label line ("Attending: Okafor") ends where the line ends.
// One tab or up to two spaces between its words: a wider gap is a table's next column ("Patient: Ann Roe    Medicare #").
export const NAME_AFTER = `(?:${INITIAL} ?){0,2}${TOK}(?:(?: {1,2}|\\t)(?:${INITIAL}|${PARTICLE}*${TOK})){0,2}`;
/** A name before a credential: "R. Patel", "Sarah J. Kim", "Kim". */
export const NAME_BEFORE = `(?:(?:${INITIAL} ?){1,2}${TOK}|${TOK}(?:[ \\t]+${INITIAL})?(?:[ \\t]+${PARTICLE}*${TOK}){0,2})`;

export const HONORIFIC = '(?:Dr|Drs|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Nurse|Sister|Rev|Reverend|Judge|Officer|Pastor|Father|Rabbi|Imam|Deacon|Bishop|Capt|Sgt)';
/** Credentials after a name. The short ones that are also common words or abbreviations
 *  (DO, PA, MA, PT, OT, RD, LD) are accepted only after a comma or a two-part name. */
export const CREDS = ['M\\.D\\.', 'D\\.O\\.', 'MD', 'DO', 'NP', 'PA-C', 'PA', 'RN', 'LPN', 'LVN', 'CNM', 'CRNA', 'CNS', 'DPM', 'DDS', 'DMD', 'PharmD',
  'RDN', 'RD', 'LD', 'LCSW', 'LICSW', 'MSW', 'PhD', 'APRN', 'FNP-BC', 'FNP-C', 'FNP', 'ANP', 'DNP', 'ACNP', 'AGACNP', 'DPT', 'PT', 'OTR', 'OT',
  'CCC-SLP', 'SLP', 'RRT', 'CNA', 'MA', 'BSN', 'MSN', 'MPH', 'FACS', 'FACP', 'FACC', 'MBBS', 'EMT-P', 'EMT', 'RPh', 'CPhT', 'CCRN', 'CMA'];
export const AMBIGUOUS_CREDS = new Set(['DO', 'PA', 'MA', 'PT', 'OT', 'RD', 'LD', 'EMT', 'MPH']);

export const STOP = new Set(`patient pt patients plan assessment impression history hx exam examination note notes signed attending resident fellow
intern radiology laboratory lab labs microbiology pathology nursing nurse dietitian nutrition pharmacy pharmacist physician provider doctor surgeon
surgery medicine cardiology neurology oncology orthopedics orthopedic urology nephrology pulmonology gastroenterology dermatology psychiatry pediatrics
emergency department ed er icu ward clinic hospital center medical health care team service unit floor room office visit visits appointment
follow followup follow-up return returned discharge discharged admit admitted admission consult consultation consulted referral referred refer
left right bilateral lateral chest abdomen pelvis head neck hip knee spine view views portable upright supine xr ct mri us x-ray
the a an and or of in on at to for with by from per via as is was were be been this that these those his her their our my your its no not yes
he she they we i it today tomorrow yesterday daily bid tid qid prn po iv im sq am pm
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
reviewed verified dictated transcribed electronically cosigned co-signed authenticated performed interpreted read seen examined evaluated called
paged notified discussed spoke agreed agrees recommends recommended states stated reports reported denies denied presents presented started continued
continue stop stopped hold held start increase decrease given gave received family spouse wife husband son daughter mother father sister brother
friend caregiver guardian proxy contact emergency primary secondary principal final preliminary addendum attestation summary report results result
procedure operative operation anesthesia anesthesiologist post pre op preop postop chief complaint cc hpi ros pmh psh fh sh meds medications allergies
vitals vital signs labs imaging diagnosis diagnoses problem problems list social work worker case manager management chaplain interpreter therapy
physical occupational speech respiratory therapist technician tech aide staff on-call covering hospitalist intensivist team group associates
md do np pa rn mr mrs ms dr e coli escherichia staphylococcus streptococcus aureus klebsiella pseudomonas candida influenza covid sars
type class stage grade level unknown none other new old general internal family urgent care primary`.split(/\s+/).filter(Boolean));

/** A month or weekday, written out or abbreviated: never a name on its own ("June", "Sat"). */
export const MONTH_OR_WEEKDAY = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$/i;
export const isStop = (tok: string): boolean => STOP.has(tok.toLowerCase().replace(/[.'’]+$/, ''));

/** Trims leading/trailing non-name words from a candidate name span; null when nothing remains. */
export function trimName(text: string, start: number): { start: number; end: number } | null {
  const parts = [...text.matchAll(/\S+/g)].map((m) => ({ s: m.index, e: m.index + m[0].length, w: m[0] }));
  let i = 0, j = parts.length - 1;
  const bad = (w: string) => isStop(w.replace(/[,;:]+$/, '')) && !/^[A-Z]\.$/.test(w);
  // "Dr. June Etxeberria", "DR MAY QUIROGA": a month that is also a given name, before another name word, is the given name.
  const givenMonth = (k: number) => /^(?:april|may|june|august)$/i.test(parts[k]!.w) && k < j && !bad(parts[k + 1]!.w);
  while (i <= j && bad(parts[i]!.w) && !givenMonth(i)) i++;
  while (j >= i && (bad(parts[j]!.w) || /^(?:van|von|de|der|den|del|della|da|di|du|le|la|bin|ibn|al)$/.test(parts[j]!.w))) j--;
  if (i > j) return null;
  // A name made only of initials ("J.") is not enough to point at a person.
  if (parts.slice(i, j + 1).every((p) => /^[A-Z]\.$/.test(p.w))) return null;
  return { start: start + parts[i]!.s, end: start + parts[j]!.e };
}
