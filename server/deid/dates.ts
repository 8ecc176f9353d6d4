/**
 * Date detection, parsing and re-rendering. One table of patterns serves both finding dates in
 * prose and re-reading a (possibly manual) DATE redaction, so shift mode can write the shifted
 * date back in the exact format it was found in (zero padding, separator, month spelling,
 * two-digit years, ordinal suffix).
 * Invariants: detection only returns spans that parseDate() can parse, except the bare other day of
 * a day range ("March 3-5") and dates in words (word-dates.ts), which redaction writes as [DATE]; rendering never changes
 * the characters outside the date's own groups (commas, "of", spaces are kept).
 */
import { before, type Hit } from './hits';
import { findWordDates } from './word-dates';
import { clinicalReading } from './clinical-numbers';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthAlts = MONTHS.flatMap((m) => {
  const a = m.slice(0, 3);
  // Lower case too ("march 3rd" in dictation), except the forms that are words ("may", "mar").
  const forms = [m, m.toUpperCase(), a, a.toUpperCase(), ...(m === 'May' ? [] : [m.toLowerCase()]), ...(['May', 'Mar'].includes(m) ? [] : [a.toLowerCase()])];
  if (m === 'September') forms.push('Sept', 'SEPT', 'sept');
  return forms;
}).sort((x, y) => y.length - x.length).join('|');
const MON = `(?<mon>${monthAlts})`;

interface Pattern { name: string; src: string; /** extra check on a match found in prose: false, or how sure */ cue?: (text: string, start: number, g: Groups, end: number) => false | 'strong' | 'weak' }
type Groups = Partial<Record<'y' | 'm' | 'd' | 'mon' | 'sfx', string>>;

/** Day/month pairs without a year collide with fractions and scores; accept them only when
 *  written like a date (zero padded / two digits each) or introduced by a date word. */
const MD_CUE = /(?:\b(?:on|since|from|until|till|through|thru|dated?|by|seen|visit|appt|appointment|f\/u|follow[- ]?up|fu|rtc|returns?|seen|sees|surgery|admission|clinic|DOS|DOB|of|dtd|admit(?:ted)?|discharged?|collected|drawn|started|stopped|due|between|last|next|as of|DOS|returned|presented|performed|scheduled|effective|expire[sd]?|exp|today|tomorrow|yesterday|tonight|interrogated|checked|obtained|done|placed|removed|inserted|repeated|rechecked|before|after|prior to|around|approx\.?|circa|week of|night of|morning of|evening of|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?|CT|CTA|MRI|MRA|echo|TTE|TEE|EKG|ECG|CXR|XR|x-?ray|US|u\/s|ultrasound|scan|EGD|colonoscopy|biopsy|cath|culture|cx|UA|labs?|PFTs?|EEG|EMG|mammo(?:gram)?|DEXA|PET|stress test|Holter)\s*:?\s*|@\s*|\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*(?:to|-|–|through|thru|and|until)\s*)$/i;
const MD_NEG = /\b(?:bipap|cpap|ipap|epap|peep|vent(?:ilator)?|settings|fio2|apgars?|gcs|pain|score|strength|scale|GCS|MoCA|MMSE|reflex(?:es)?|power|vision|acuity|BP|blood pressure|ratio|grade|graded|motor|sensation|VAS|NRS|SLUMS|DTRs?|rated|rates|rating|bottles|cultures?|cx|nodes|murmur)\s*(?:is|of|at|was)?\s*:?\s*$/i;
/** MD_NEG's scale words alone (its source up to the connectors). */
const MD_NEG_WORDS = MD_NEG.source.slice(0, MD_NEG.source.indexOf('\\s*(?:is|of|at|was)'));
const mdCue = (text: string, start: number, g: Groups): false | 'strong' | 'weak' => {
  const pre = before(text, start, 32);
  if (MD_NEG.test(pre)) return false;
  // "Pain 7/10, improved to 3/10": the same denominator after a score a few words back is that score again.
  if (!/\b(?:on|since|until|dated?|DOS)\s*:?\s*$/i.test(pre) && new RegExp(`${MD_NEG_WORDS}[^\\n]{0,40}?\\b\\d{1,2}\\/${Number(g.d)}(?!\\d)[^\\n]{0,60}$`, 'i').test(before(text, start, 100))) return false;
  // The words after the day itself (not after its punctuation: "3/18. Pain ..." starts a new sentence).
  const after = text.slice(start, start + 40).replace(/^\d{1,2}\/\d{1,2}\s*/, '');
  // "cultures 2/4 bottles", "labs 4/5 positive": a counting word after wins over a date word before.
  if (FRACTION_AFTER.test(after) && !/^\s*(?:of|in)\b/i.test(after)) return false;
  const padded = (g.m?.length === 2 && g.d?.length === 2) || g.m?.startsWith('0') || g.d?.startsWith('0');
  // "CT (3/4) negative", "[3/4] called": a bracket between the date word and the day.
  // ... and the plural or past form of a date word ("visits 3/4, 3/11", "labs rechecked 3/4").
  if (padded || MD_CUE.test(pre) || MD_CUE.test(pre.replace(/[(\[][ \t]*$/, '')) || MD_CUE.test(pre.replace(/(?:s|ed|d)([ \t]*:?[ \t]*)$/, '$1'))) return 'strong';
  if (MD_AFTER.test(after)) return 'strong';
  // A log line led by its day: "3/4: called pt", "1/2 - labs back".
  if (/(?:^|\n)[ \t]*$/.test(pre) && /^[ \t]*(?::(?![ \t]*\d)|[-–—][ \t]+(?!\d))/.test(text.slice(start).replace(/^\d{1,2}\/\d{1,2}/, ''))) return 'strong';
  // "3/4 and 3/5", "3/4 to 3/6": the first of two days joined like dates is a date when the second reads as one.
  const next = /^\s*(?:and|to|through|thru|-|–|&)\s*(\d{1,2})\/(\d{1,2})(?![\d/])/.exec(after);
  if (next && (Number(next[1]) > Number(next[2]) || !FRACTION_DENOMINATORS.has(Number(next[2]))) && !FRACTION_AFTER.test(after.slice(next[0].length))) return 'strong';
  // A title line that ends with the day: "Hospitalist Progress Note  HD#3  3/4", "ICU update - 5/6".
  if (NOTE_LINE.test(lineBefore(text, start)) && /^[ \t]*(?:\n|$|[-–—|:])/.test(text.slice(start).replace(/^\S+/, ''))) return 'strong';
  // Fractions are written small-over-large; a month over a smaller day, or over a day that is no
  // bare fraction's denominator (3/14, 10/23, 1/30), is a date.
  const m = Number(g.m), d = Number(g.d);
  // "Seen twice in March: 3/4 and 3/18." A month named earlier in the sentence makes even a fraction shape a day,
  // when nothing that counts follows it.
  if (SENTENCE_MONTH.test(sentenceBefore(text, start)) && !new RegExp(MD_NEG_WORDS, 'i').test(sentenceBefore(text, start)) && /^[ \t]*(?:[.,;)\]]|$|\n|and\b|to\b|[-–])/.test(after)) return 'strong';
  if (!(m > d || !FRACTION_DENOMINATORS.has(d))) return false;
  // "Fell 3/14 in the yard": "in"/"of" after a day that is no fraction's denominator leave it a (weak) date.
  return FRACTION_AFTER.test(after) && !/^\s*(?:of|in)\b/i.test(after) ? false : 'weak';
};
// "May" counts only before a day ("May 3"): "May need 1/2" is the verb.
const SENTENCE_MONTH = new RegExp(`\\b(?:${MONTHS.filter((x) => x !== 'May').join('|')}|May(?=[ \\t]+\\d))\\b`);
const sentenceBefore = (text: string, start: number) => { const b = before(text, start, 120); return b.slice(Math.max(b.lastIndexOf('. '), b.lastIndexOf('\n')) + 1); };
const NOTE_LINE = /\b(?:note|progress|update|summary|consult(?:ation)?|addendum|H&P|HD\s*#?\s*\d+|POD\s*#?\s*\d+|hospital day\s*#?\s*\d+)\b/i;
const lineBefore = (text: string, start: number) => text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
/** Bare halves, thirds and quarters are fractions (1/2 tab, 2/3, 3/4); the scales (strength /5,
 *  murmur /6, pain /10, GCS /15, MMSE /30) are told by their word before or after (MD_NEG, FRACTION_AFTER),
 *  and without one "3/15" or "1/30" is a date. */
const FRACTION_DENOMINATORS = new Set([2, 3, 4]);
const FRACTION_AFTER = /^\s*(?:of|ratio|in|murmur|SEM|HSM|systolic|diastolic|holosystolic|nodes?|lymph|cores?|positive|pos|points?|criteria|tabs?|tablets?|doses?|days?|wks?|weeks?|sessions?|bottles?|sets?|strength|power|reflex(?:es)?|pain|on (?:the )?pain|scale)\b/i;
const MD_AFTER = /^(?:admission|admit|visit|encounter|appt|appointment|note|surgery|discharge|procedure|labs?|op|ED|clinic|CT|MRI|echo|cath|by|at|with|per|@|-\s*\d(?![^\n]{0,6}\b(?:tabs?|tablets?|caps?|capsules?|mg|mcg|puffs?|drops?|units?|ml|pills?)\b))/i;

/** "the 14th" is a date after a date preposition or a weekday, unless a noun follows ("on the 3rd attempt"). */
const ORD_BEFORE = /(?:\b(?:on|since|from|until|till|by|before|after|through|thru|of|around|about|approx\.?|approximately|starting|due|as of|between|and|to|was|is|were|for|scheduled for|set for|booked for|week of|night of|morning of|evening of)\s+|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)$/i;
// What may follow a day ordinal: punctuation or a closing quote ("around the 14th"), a time, a clause ("the 3rd with dr X").
const ORD_AFTER = /^(?:\s*$|\s*[.,;:!?)\]"'”’]|\s+@|\s+(?:of\s+(?:this|last|next|the)\s+month|at|and|or|but|so|when|then|which|because|she|he|they|we|I|i|my|pt|patient|in the|to|through|until|with|w\/|after|before|morning|afternoon|evening|night)\b|\s+[-–\d])|\s*[-–]\s*\d/;
const ordCue = (text: string, start: number, g: Groups, end: number): false | 'strong' => {
  if (!g.sfx) return false;
  const pre = before(text, start, 24);
  if (!ORD_BEFORE.test(pre) || !ORD_AFTER.test(text.slice(end, end + 30))) return false;
  // "on the 2nd and 3rd attempts": a second ordinal with a noun after it counts things.
  const pair = /^\s*(?:and|or|&|-|–|to)\s*\d{1,2}(?:st|nd|rd|th)\s+([a-z]+)/.exec(text.slice(end, end + 30));
  if (pair && !/^(?:of|at|in|when|she|he|they|we|i|my|and|or|with|after|before)$/.test(pair[1]!)) return false;
  // After a verb or "for" only "the 14th" is a day ("was 2nd to trauma" ranks).
  return /\b(?:was|is|were|for)\s+$/i.test(pre) && !/^the\s/i.test(text.slice(start, end)) ? false : 'strong';
};
/** "12.03.24": dotted with a two-digit year only when written padded or after a date word (versions share the shape). */
const dotCue = (text: string, start: number, g: Groups): false | 'strong' => {
  const pre = before(text, start, 32);
  if (MD_NEG.test(pre) || /\b(?:v|version|ver)\.?\s*$/i.test(pre)) return false;
  return (g.m?.length === 2 && g.d?.length === 2) || MD_CUE.test(pre) ? 'strong' : false;
};

/** Spaced dates stand alone: no digit group, decimal or unit next to them ("0 0 4 5 8" is a spelled-out number). */
const SPACED_BEFORE = '(?<![\\w.,/:-]|(?:^|\\D)\\d{1,2}[ \\t])';
const SPACED_AFTER = '(?![\\w/-]|[.,]\\d|[ \\t]\\d|[ \\t]*(?:mg|mcg|g|kg|ml|mL|units?|%|x)\\b)';
const BIRTH_CUE = /\b(?:dob|d\.o\.b\.?|birth|birthday|birthdate|born|bday)\b[^\n\d]{0,12}$/i;
const spacedCue = (text: string, start: number, g: Groups, end: number): false | 'strong' => {
  const pre = before(text, start, 32);
  if (BIRTH_CUE.test(pre)) return 'strong';
  if (MD_NEG.test(pre) || clinicalReading(text, end - g.y!.length, end)) return false;
  return g.y!.length === 4 || MD_CUE.test(pre) ? 'strong' : false;
};

const PATTERNS: Pattern[] = [
  { name: 'iso', src: `(?:(?<![\\d/.-])|(?<=\\d[-–]))(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})(?![\\d/]|[-–](?!\\d{1,2}\\/)|\\.\\d)` },
  { name: 'ymd-slash', src: `(?:(?<![\\d/.-])|(?<=\\d[-–]))(?<y>\\d{4})\\/(?<m>\\d{1,2})\\/(?<d>\\d{1,2})(?![\\d/]|[-–](?!\\d{1,2}\\/)|\\.\\d)` },
  { name: 'mdy', src: `(?:(?<![\\d/.-])|(?<=\\d[-–]))(?<m>\\d{1,2})\\/(?<d>\\d{1,2})\\/(?<y>\\d{4}|\\d{2})(?![\\d/]|[-–](?!\\d{1,2}\\/)|\\.\\d)` },
  { name: 'mdy-dash', src: `(?:(?<![\\d/.-])|(?<=\\d[-–]))(?<m>\\d{1,2})-(?<d>\\d{1,2})-(?<y>\\d{4}|\\d{2})(?![\\d/]|[-–](?!\\d{1,2}\\/)|\\.\\d)` },
  { name: 'mdy-dot', src: `(?:(?<![\\d/.-])|(?<=\\d[-–]))(?<m>\\d{1,2})\\.(?<d>\\d{1,2})\\.(?<y>\\d{4})(?![\\d/]|[-–](?!\\d{1,2}\\/)|\\.\\d)` },
  { name: 'md', src: `(?:(?<![\\d/.\\w-])|(?<=\\d[-–]))(?<m>\\d{1,2})\\/(?<d>\\d{1,2})(?![\\d/]|\\.\\d|\\s*(?:mm|pain|strength|score))`, cue: mdCue },
  // "Aug 10, '23": a two-digit year needs its apostrophe, or "Aug 10 23" would eat a count.
  // After a comma a two-digit year needs no apostrophe ("Aug 10, 23"), unless a unit or a noun follows it.
  { name: 'mon-d-y', src: `\\b${MON}\\.?\\s+(?<d>\\d{1,2})(?<sfx>st|nd|rd|th)?(?:,?\\s+['’]?(?<y>\\d{4}|(?<=['’])\\d{2}|(?<=,[ \\t]+)\\d{2}(?=[ \\t]*(?:[.,;:)\\]]|$|\\n)(?!\\d)|[ \\t]+(?:at|in|on|for|to|and|when|with|she|he|pt|was|the|@|\\d{1,2}:\\d\\d|\\d{4}\\b))))?(?!\\d|:\\d)` },
  { name: 'd-mon-y', src: `\\b(?<d>\\d{1,2})(?<sfx>st|nd|rd|th)?(?:\\s+of)?\\s+${MON}\\.?(?:,?\\s+['’]?(?<y>\\d{4}|(?<=['’])\\d{2}))?(?![\\p{L}\\d])` },
  { name: 'd-mon-y-dash', src: `\\b(?<d>\\d{1,2})[-/]${MON}(?:[-/](?<y>\\d{4}|\\d{2}))?(?![\\w/-])` },
  // Day first (European notes): reached only when the month-first reading is impossible (14/03/2024).
  { name: 'dmy', src: `(?:(?<![\\d/.-])|(?<=\\d[-–]))(?<d>\\d{1,2})\\/(?<m>\\d{1,2})\\/(?<y>\\d{4}|\\d{2})(?![\\d/]|[-–](?!\\d{1,2}\\/)|\\.\\d)` },
  { name: 'dmy-dot', src: `(?:(?<![\\d/.-])|(?<=\\d[-–]))(?<d>\\d{1,2})\\.(?<m>\\d{1,2})\\.(?<y>\\d{4})(?![\\d/]|[-–](?!\\d{1,2}\\/)|\\.\\d)` },
  { name: 'dmy-dash', src: `(?:(?<![\\d/.-])|(?<=\\d[-–]))(?<d>\\d{1,2})-(?<m>\\d{1,2})-(?<y>\\d{4})(?![\\d/]|[-–](?!\\d{1,2}\\/)|\\.\\d)` },
  { name: 'ymd-dot', src: `(?:(?<![\\d/.-])|(?<=\\d[-–]))(?<y>(?:19|20)\\d{2})\\.(?<m>\\d{1,2})\\.(?<d>\\d{1,2})(?![\\d/]|[-–](?!\\d{1,2}\\/)|\\.\\d)` },
  { name: 'mdy-dot2', src: `(?<![\\w/.-])(?<m>\\d{1,2})\\.(?<d>\\d{1,2})\\.(?<y>\\d{2})(?![\\w/-]|\\.\\d)`, cue: dotCue },
  // Military and compact forms: "12Jan2024", "03MAR24", "Jan-12-2024", "2024-Jan-12", "20240112", "01011950".
  { name: 'd-mon-y-compact', src: `(?<![\\w])(?<d>\\d{1,2})${MON}(?<y>\\d{4}|\\d{2})(?![\\w])` },
  { name: 'mon-d-y-dash', src: `\\b${MON}[-/](?<d>\\d{1,2})(?:[-/](?<y>\\d{4}|\\d{2}))?(?![\\w/-])` },
  { name: 'y-mon-d', src: `(?<![\\w])(?<y>\\d{4})[- /]${MON}[- /](?<d>\\d{1,2})(?![\\w])` },
  { name: 'ymd-compact', src: `(?<![\\w.-])(?<y>(?:19|20)\\d{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\\d|3[01])(?![\\w-]|\\.\\d)` },
  { name: 'mdy-compact', src: `(?<![\\w.-])(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\\d|3[01])(?<y>(?:19|20)\\d{2})(?![\\w-]|\\.\\d)` },
  // Spaced, as dictated or typed without separators: "dob 11 22 1985", "06 12 2023"; a two-digit year needs a date word.
  { name: 'mdy-space', src: `${SPACED_BEFORE}(?<m>\\d{1,2})[ \\t](?<d>\\d{1,2})[ \\t](?<y>(?:19|20)\\d{2}|\\d{2})${SPACED_AFTER}`, cue: spacedCue },
  { name: 'dmy-space', src: `${SPACED_BEFORE}(?<d>\\d{1,2})[ \\t](?<m>\\d{1,2})[ \\t](?<y>(?:19|20)\\d{2})${SPACED_AFTER}`, cue: spacedCue },
  // "dob: 010250", "DOS 031524": six digits read as mmddyy only after a birth or date-of-service word.
  { name: 'mdy-compact6', src: `(?<![\\w.-])(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\\d|3[01])(?<y>\\d{2})(?![\\w-]|\\.\\d)`, cue: (text, start) => (BIRTH_CUE.test(before(text, start, 32)) || /\b(?:DOS|date of service|dated?|dt)\b[^\n\d]{0,6}$/i.test(before(text, start, 32)) ? 'strong' : false) },
  // "2019-03": ISO year and month; "2011-12" is a range of years when the second part is the next year.
  { name: 'ym-iso', src: `(?<![\\w./-])(?<y>(?:19|20)\\d{2})-(?<m>0[1-9]|1[0-2])(?![\\w/-]|\\.\\d)`, cue: (_t, _s, g) => (Number(g.m) === (Number(g.y!.slice(2)) + 1) % 100 ? false : 'strong') },
  // "Aug '23", "March of '23": a month with a two-digit year needs its apostrophe.
  { name: 'mon-y2', src: `\\b${MON}\\.?,?\\s+(?:of\\s+)?['’](?<y>\\d{2})(?![\\w])` },
  { name: 'ord-day', src: `(?:\\b[Tt]he\\s+)?\\b(?<d>\\d{1,2})(?<sfx>st|nd|rd|th)\\b`, cue: ordCue },
  { name: 'my', src: `(?:(?<![\\d/.-])|(?<=\\d[-–]))(?<m>\\d{1,2})\\/(?<y>(?:19|20)\\d{2})(?![\\d/]|[-–](?!\\d{1,2}\\/)|\\.\\d)` },
  { name: 'mon-y', src: `\\b${MON}\\.?,?\\s+(?:of\\s+)?(?<y>\\d{4})(?!\\d)` },
  { name: 'year', src: `(?<y>\\d{4})` }
];
const ANCHORED = PATTERNS.map((p) => ({ ...p, re: new RegExp(`^(?:${p.src})$`, 'du') }));
const GLOBAL = PATTERNS.filter((p) => p.name !== 'year').map((p) => ({ ...p, re: new RegExp(p.src, 'gdu') }));

export interface ParsedDate {
  text: string;
  y?: number; m?: number; d?: number;
  groups: Groups;
  indices: Partial<Record<keyof Groups, [number, number]>>;
}

function monthNumber(mon: string): number {
  const i = MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === mon.slice(0, 3).toLowerCase());
  return i + 1;
}

/** Two-digit years: the century that does not put the date in the future of refYear. */
function fullYear(y: string, refYear: number): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return 2000 + n > refYear + 1 ? 1900 + n : 2000 + n;
}

function build(text: string, m: RegExpExecArray, refYear: number): ParsedDate | null {
  const g = (m.groups ?? {}) as Groups;
  const ind = (m.indices?.groups ?? {}) as ParsedDate['indices'];
  const base = m.index;
  const indices: ParsedDate['indices'] = {};
  for (const k of Object.keys(ind) as (keyof Groups)[]) {
    const v = ind[k];
    if (v) indices[k] = [v[0] - base, v[1] - base];
  }
  const month = g.mon ? monthNumber(g.mon) : g.m ? Number(g.m) : undefined;
  const y = g.y ? fullYear(g.y, refYear) : undefined;
  const d = g.d ? Number(g.d) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (d !== undefined && (d < 1 || d > 31)) return null;
  if (y !== undefined && (y < 1880 || y > refYear + 20)) return null;
  if (y !== undefined && month && d) {
    const dt = new Date(Date.UTC(y, month - 1, d));
    if (dt.getUTCMonth() !== month - 1) return null; // 02/30, 04/31 are not dates
  }
  return { text: m[0], y, m: month, d, groups: g, indices };
}

/** Reads a whole string as one date; null when it is not one. */
export function parseDate(text: string, refYear: number): ParsedDate | null {
  for (const p of ANCHORED) {
    const m = p.re.exec(text);
    if (m) { const r = build(text, m, refYear); if (r) return r; }
  }
  return null;
}

/** All dates in prose. Overlaps are resolved by the caller (longest wins). */
export function findDates(text: string, refYear: number): Hit[] {
  const out: Hit[] = [];
  for (const p of GLOBAL) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const parsed = build(text, m, refYear);
      if (!parsed) continue;
      const sure = p.cue ? p.cue(text, m.index, parsed.groups, m.index + m[0].length) : 'strong';
      if (!sure) continue;
      out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', reason: sure === 'weak' ? 'day/month without year' : 'date', ...(sure === 'weak' ? { weak: true } : {}) });
    }
  }
  out.push(...rangeEnds(text, out));
  out.push(...findWordDates(text));
  // A bare year is allowed by Safe Harbor, except when it reveals an age over 89.
  for (const m of text.matchAll(/\bborn\s+(?:in\s+)?(\d{4})\b/gi)) {
    if (Number(m[1]) <= refYear - 90) {
      const s = m.index + m[0].length - 4;
      out.push({ start: s, end: s + 4, type: 'DATE', reason: 'birth year of someone over 89' });
    }
  }
  return out;
}

const RANGE_TO = '\\s*(?:-|–|to|through|thru|and|&)\\s*';
/**
 * The other day of a day range written once with its month ("March 3-5, 2024", "3-5 March"):
 * a bare day number, redacted as [DATE] (it cannot be parsed alone, so shift mode never writes
 * the original day back next to a shifted one).
 */
function rangeEnds(text: string, dates: Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const h of dates) {
    // "3/14-16": a day range on a numeric day/month, one [DATE] span (it does not parse back, so it is never shifted).
    const md = /^\d{1,2}\/(\d{1,2})$/.exec(text.slice(h.start, h.end));
    const mdEnd = md ? /^[-–](\d{1,2})(?![\d\/:]|\.\d|\s*(?:mg|mcg|g|kg|ml|mL|mm|cm|am|pm|hours?|hrs?|days?|x)\b)/.exec(text.slice(h.end, h.end + 8)) : null;
    if (mdEnd && Number(mdEnd[1]) > Number(md![1]) && Number(mdEnd[1]) <= 31) out.push({ start: h.start, end: h.end + 1 + mdEnd[1]!.length, type: 'DATE', reason: 'day range' });
    if (h.weak || !/[A-Za-z]/.test(text.slice(h.start, h.end))) continue;
    const after = new RegExp(`^${RANGE_TO}(\\d{1,2}(?:st|nd|rd|th)?(?:,?[ \\t]+(?:19|20)\\d{2}(?!\\d))?)(?![\\d/:]|\\.\\d|\\s*(?:mg|mcg|g|kg|ml|mL|am|pm|AM|PM|hours?|hrs?|days?|weeks?|times|x)\\b)`, 'd').exec(text.slice(h.end, h.end + 16));
    const first = /(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+['’]?\d{2,4})?$/.exec(text.slice(h.start, h.end));
    if (after && first && !/\d{4}$|['’]\d{2}$/.test(text.slice(h.start, h.end)) && parseInt(after[1]!, 10) > Number(first[1]) && parseInt(after[1]!, 10) <= 31) {
      const [s, e] = after.indices![1]!;
      out.push({ start: h.end + s, end: h.end + e, type: 'DATE', reason: 'other end of a day range' });
    }
    const lead = new RegExp(`(?<![\\d/.:-])(\\d{1,2})(?:st|nd|rd|th)?${RANGE_TO}$`, 'd').exec(before(text, h.start, 16));
    const day = /^(\d{1,2})(?:st|nd|rd|th)?\s/.exec(text.slice(h.start, h.end));
    if (lead && day && Number(lead[1]) < Number(day[1])) {
      const base = Math.max(0, h.start - 16), [s, e] = lead.indices![1]!;
      out.push({ start: base + s, end: base + e, type: 'DATE', reason: 'other end of a day range' });
    }
  }
  return out;
}

const ordinal = (d: number): string => (d % 100 >= 11 && d % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][d % 10] ?? 'th');

function monthLike(orig: string, month: number): string {
  const full = MONTHS[month - 1]!;
  const isFull = MONTHS.some((m) => m.toLowerCase() === orig.toLowerCase());
  let out = isFull ? full : orig.length === 4 && month === 9 ? 'Sept' : full.slice(0, 3);
  if (orig === orig.toUpperCase()) out = out.toUpperCase();
  return out;
}

/** Re-renders the date shifted by `days`, keeping the original layout. */
export function renderShifted(p: ParsedDate, days: number, refYear: number): string {
  const y = p.y ?? refYear;
  const dt = new Date(Date.UTC(y, (p.m ?? 7) - 1, p.d ?? (p.m ? 15 : 1)));
  dt.setUTCDate(dt.getUTCDate() + days);
  const ny = dt.getUTCFullYear(), nm = dt.getUTCMonth() + 1, nd = dt.getUTCDate();
  // Zero padding is a property of the whole date ("06/19" vs "6/19"), not of one component.
  const g = p.groups;
  const padded = Boolean(g.m?.startsWith('0') || g.d?.startsWith('0') || (g.m?.length === 2 && (g.d?.length ?? 2) === 2));
  const pad = (n: number) => (padded ? String(n).padStart(2, '0') : String(n));
  const repl: Partial<Record<keyof Groups, string>> = {};
  if (p.groups.y) repl.y = p.groups.y.length === 2 ? String(ny % 100).padStart(2, '0') : String(ny);
  if (p.groups.m) repl.m = pad(nm);
  if (p.groups.mon) repl.mon = monthLike(p.groups.mon, nm);
  if (p.groups.d) repl.d = g.mon ? String(nd) : pad(nd);
  if (p.groups.sfx) repl.sfx = ordinal(nd);
  const spans = (Object.keys(repl) as (keyof Groups)[])
    .map((k) => ({ k, at: p.indices[k]! }))
    .filter((s) => s.at)
    .sort((a, b) => b.at[0] - a.at[0]);
  let out = p.text;
  for (const s of spans) out = out.slice(0, s.at[0]) + repl[s.k]! + out.slice(s.at[1]);
  return out;
}

/** Shifts an ISO date (YYYY-MM-DD) by whole days. */
export function shiftIso(iso: string, days: number): string {
  const dt = new Date(iso + 'T00:00:00Z');
  dt.setUTCDate(dt.getUTCDate() + days);
  return dt.toISOString().slice(0, 10);
}
