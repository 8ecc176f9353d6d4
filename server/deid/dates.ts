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
import { scoreCells } from './table-keys';
import { findForeignDates } from './foreign-dates';
import { BIRTH_CUE, MONTHS, SPACED_AFTER, SPACED_BEFORE, dotCue, lowerMonthCue, mdCue, mdDotCue, myDashCue, notACount, ordCue, spacedCue, type Groups } from './date-cues';

const monthAlts = MONTHS.flatMap((m) => {
  const a = m.slice(0, 3);
  // Lower case too ("march 3rd" in dictation), except the forms that are words ("may", "mar").
  const forms = [m, m.toUpperCase(), a, a.toUpperCase(), ...(m === 'May' ? [] : [m.toLowerCase()]), ...(['May', 'Mar'].includes(m) ? [] : [a.toLowerCase()])];
  if (m === 'September') forms.push('Sept', 'SEPT', 'sept');
  return forms;
}).sort((x, y) => y.length - x.length).join('|');
const MON = `(?<mon>${monthAlts})`;

/** One date layout: its regex source (named groups y/m/d/mon/sfx) and, for shapes that collide with numbers, a cue (date-cues.ts). */
interface Pattern { name: string; src: string; /** extra check on a match found in prose: false, or how sure */ cue?: (text: string, start: number, g: Groups, end: number) => false | 'strong' | 'weak' }
const PATTERNS: Pattern[] = [
  { name: 'iso', src: `(?:(?<![\\d/.-])|(?<=\\d[-–]))(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})(?![\\d/]|[-–](?!\\d{1,2}\\/)|\\.\\d)` },
  { name: 'ymd-slash', src: `(?:(?<![\\d/.-])|(?<=\\d[-–]))(?<y>\\d{4})\\/(?<m>\\d{1,2})\\/(?<d>\\d{1,2})(?![\\d/]|[-–](?!\\d{1,2}\\/)|\\.\\d)` },
  { name: 'mdy', src: `(?:(?<![\\d/.-])|(?<=\\d[-–]))(?<m>\\d{1,2})\\/(?<d>\\d{1,2})\\/(?<y>\\d{4}|\\d{2})(?![\\d/]|[-–](?!\\d{1,2}\\/)|\\.\\d)` },
  { name: 'mdy-dash', src: `(?:(?<![\\d/.-])|(?<=\\d[-–]))(?<m>\\d{1,2})-(?<d>\\d{1,2})-(?<y>\\d{4}|\\d{2})(?![\\d/]|[-–](?!\\d{1,2}\\/)|\\.\\d)` },
  { name: 'mdy-dot', src: `(?:(?<![\\d/.-])|(?<=\\d[-–]))(?<m>\\d{1,2})\\.(?<d>\\d{1,2})\\.(?<y>\\d{4})(?![\\d/]|[-–](?!\\d{1,2}\\/)|\\.\\d)` },
  { name: 'md', src: `(?:(?<![\\d/.\\w-])|(?<=\\d[-–]))(?<m>\\d{1,2})\\/(?<d>\\d{1,2})(?![\\d/]|\\.\\d|\\s*(?:mm|pain|strength|score))`, cue: mdCue },
  // "Aug 10, '23": a two-digit year needs its apostrophe, or "Aug 10 23" would eat a count.
  // After a comma a two-digit year needs no apostrophe ("Aug 10, 23"), unless a unit or a noun follows it.
  { name: 'mon-d-y', cue: notACount, src: `\\b${MON}\\.?\\s+(?<d>\\d{1,2})(?<sfx>st|nd|rd|th|ST|ND|RD|TH)?(?:,?\\s+['’]?(?<y>\\d{4}|(?<=['’])\\d{2}|(?<=,[ \\t]+)\\d{2}(?=[ \\t]*(?:[.,;:)\\]]|$|\\n)(?!\\d)|[ \\t]+(?:at|in|on|for|to|and|when|with|she|he|pt|was|the|@|\\d{1,2}:\\d\\d|\\d{4}\\b))))?(?!\\d|:\\d)` },
  { name: 'd-mon-y', src: `\\b(?<d>\\d{1,2})(?<sfx>st|nd|rd|th|ST|ND|RD|TH)?(?:\\s+(?:of|OF))?\\s+${MON}\\.?(?:,?\\s+['’]?(?<y>\\d{4}|(?<=['’])\\d{2}))?(?![\\p{L}\\d])` },
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
  // "scan_2023_08_14.pdf", "visit_20230814.csv": file names join a date's parts, and the date to its name, by underscores.
  { name: 'ymd-underscore', src: `(?<![A-Za-z0-9.-])(?<y>(?:19|20)\\d{2})_(?<m>\\d{1,2})_(?<d>\\d{1,2})(?![A-Za-z0-9-]|\\.\\d)` },
  { name: 'ymd-compact', src: `(?<![A-Za-z0-9.-])(?<y>(?:19|20)\\d{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\\d|3[01])(?![A-Za-z0-9-]|\\.\\d)` },
  { name: 'mdy-compact', src: `(?<![\\w.-])(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\\d|3[01])(?<y>(?:19|20)\\d{2})(?![\\w-]|\\.\\d)` },
  // Spaced, as dictated or typed without separators: "dob 11 22 1985", "06 12 2023"; a two-digit year needs a date word.
  { name: 'mdy-space', src: `${SPACED_BEFORE}(?<m>\\d{1,2})[ \\t](?<d>\\d{1,2})[ \\t](?<y>(?:19|20)\\d{2}|\\d{2})${SPACED_AFTER}`, cue: spacedCue },
  { name: 'dmy-space', src: `${SPACED_BEFORE}(?<d>\\d{1,2})[ \\t](?<m>\\d{1,2})[ \\t](?<y>(?:19|20)\\d{2})${SPACED_AFTER}`, cue: spacedCue },
  // "dob: 010250", "DOS 031524": six digits read as mmddyy only after a birth or date-of-service word.
  { name: 'mdy-compact6', src: `(?<![\\w.-])(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\\d|3[01])(?<y>\\d{2})(?![\\w-]|\\.\\d)`, cue: (text, start) => (BIRTH_CUE.test(before(text, start, 32)) || COMPACT6_CUE.test(before(text, start, 32)) ? 'strong' : false) },
  // "2019-03": ISO year and month; "2011-12" is a range of years when the second part is the next year.
  { name: 'ym-iso', src: `(?<![\\w./-])(?<y>(?:19|20)\\d{2})-(?<m>0[1-9]|1[0-2])(?![\\w/-]|\\.\\d)`, cue: (_t, _s, g) => (Number(g.m) === (Number(g.y!.slice(2)) + 1) % 100 ? false : 'strong') },
  // "09-2021", "(03-2019)": a month and year joined by a dash; unpadded ("4-2022") only after a date word; never a range of a unit.
  { name: 'my-dash', src: `(?<![\\w./-])(?<m>0?[1-9]|1[0-2])-(?<y>(?:19|20)\\d{2})(?![\\w/-]|\\.\\d)`, cue: myDashCue },
  // "may 9", "on mar 3rd": lower-case "may" and "mar" are words too; as months they take a day and nothing that counts after it.
  { name: 'mon-lower-d', src: `\\b(?<mon>may|mar)[ \\t]+(?<d>\\d{1,2})(?<sfx>st|nd|rd|th)?(?:,?[ \\t]+(?<y>(?:19|20)\\d{2}))?(?![\\d:\\/.,-]\\d|[-–x×\\/\\d])`, cue: lowerMonthCue },
  // "Surgery 4.17", "seen 11.3": a dotted day/month with no year, only right after a visit word (decimals share the shape).
  { name: 'md-dot', src: `(?<![\\w./-])(?<m>1[0-2]|0?[1-9])\\.(?<d>[12]\\d|3[01]|0?[1-9])(?![\\w%/]|\\.\\d)`, cue: mdDotCue },
  // "Aug '23", "March of '23": a month with a two-digit year needs its apostrophe.
  { name: 'mon-y2', src: `\\b${MON}\\.?,?\\s+(?:of\\s+)?['’](?<y>\\d{2})(?![\\w])` },
  { name: 'ord-day', src: `(?:\\b(?:[Tt]he|THE)\\s+)?\\b(?<d>\\d{1,2})(?<sfx>st|nd|rd|th|ST|ND|RD|TH)\\b`, cue: ordCue },
  { name: 'my', src: `(?:(?<![\\d/.-])|(?<=\\d[-–]))(?<m>\\d{1,2})\\/(?<y>(?:19|20)\\d{2})(?![\\d/]|[-–](?!\\d{1,2}\\/)|\\.\\d)` },
  { name: 'mon-y', src: `\\b${MON}\\.?,?\\s+(?:of\\s+)?(?<y>\\d{4})(?!\\d)` },
  { name: 'year', src: `(?<y>\\d{4})` }
];
/** The words a six-digit mmddyy follows in legacy records: "DOS 031524", "ADM: 030424", "DISCH 030824", "DT OF SVC: 110424". */
const COMPACT6_CUE = /\b(?:DOS|date of service|dated?|dt|svc|service|adm(?:it|itted|ission)?|disch(?:arge[ds]?)?|dc|d\/c)\b[^\n\d]{0,6}$/i;
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

function parseBare(text: string, refYear: number): ParsedDate | null {
  for (const p of ANCHORED) {
    const m = p.re.exec(text);
    if (m) { const r = build(text, m, refYear); if (r) return r; }
  }
  return null;
}

/** Weekday names as records write them ("Tuesday", "Tue", "Tues.", "THURS"); the day is a part of the date it names. */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY = '(?:[Ss]un|[Mm]on|[Tt]ue(?:s)?|[Ww]ed(?:nes)?|[Tt]hu(?:rs?)?|[Ff]ri|[Ss]at(?:ur)?)(?:day)?|(?:SUN|MON|TUES?|WED(?:NES)?|THU(?:RS?)?|FRI|SAT(?:UR)?)(?:DAY)?';
/** "Tuesday, March 12", "Tue 3/12", "Thurs., Jan. 9", "Sunday the 22nd" (group 1: the weekday; the rest: the date). */
const WEEKDAY_LEAD = new RegExp(`^(${WEEKDAY}|Mo|Tu|We|Th|Fr|Sa|Su)(\\.?,?[ \\t]+|\\.,?[ \\t]*)(?=\\S)`);
/** "the 9th (Tuesday)", "3/12 (Tue)". */
const WEEKDAY_TAIL = new RegExp(`[ \\t]*\\((${WEEKDAY})\\.?\\)$`);
// Before a found date, two-letter forms too ("Th 3/14", "Sa 3/16"), capitalised only.
const WEEKDAY_BEFORE = new RegExp(`(?<![\\p{L}])(?:${WEEKDAY}|Mo|Tu|We|Th|Fr|Sa|Su)(?:\\.?,?[ \\t]+|\\.,?[ \\t]*)$`, 'u');
const WEEKDAY_AFTER = new RegExp(`^[ \\t]*\\((?:${WEEKDAY})\\.?\\)`);

function weekdayIndex(name: string): number {
  // "Th", "Tu", "Sa", "Su": the first two letters already tell the day apart.
  return WEEKDAYS.findIndex((w) => w.toLowerCase().startsWith(name.slice(0, 3).toLowerCase()));
}

/** Reads a whole string as one date, with or without its weekday; null when it is not one. */
export function parseDate(text: string, refYear: number): ParsedDate | null {
  const bare = parseBare(text, refYear);
  if (bare) return bare;
  const lead = WEEKDAY_LEAD.exec(text), tail = lead ? null : WEEKDAY_TAIL.exec(text);
  if (!lead && !tail) return null;
  const from = lead ? lead[0].length : 0, to = tail ? tail.index : text.length;
  const inner = parseBare(text.slice(from, to), refYear);
  if (!inner || weekdayIndex((lead ?? tail)![1]!) < 0) return null;
  const indices: ParsedDate['indices'] = {};
  for (const k of Object.keys(inner.indices) as (keyof Groups)[]) indices[k] = [inner.indices[k]![0] + from, inner.indices[k]![1] + from];
  const wd = lead ? [0, lead[1]!.length] as [number, number] : [tail!.index + tail![0].indexOf('(') + 1, tail!.index + tail![0].indexOf('(') + 1 + tail![1]!.length] as [number, number];
  return { ...inner, text, groups: { ...inner.groups, wd: (lead ?? tail)![1]! }, indices: { ...indices, wd } };
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
  out.push(...findWordDates(text), ...findForeignDates(text));
  joinWeekdays(text, out);
  // A bare day/month in a table column headed "Pain" or "Strength" is a score.
  const scores = scoreCells(text);
  if (scores.length) return out.filter((h) => !(/^\d{1,2}\/\d{1,2}$/.test(text.slice(h.start, h.end)) && scores.some(([s, e]) => s <= h.start && h.end <= e)));
  // A bare year is allowed by Safe Harbor, except when it reveals an age over 89.
  for (const m of text.matchAll(/\bborn\s+(?:in\s+)?(\d{4})\b/gi)) {
    if (Number(m[1]) <= refYear - 90) {
      const s = m.index + m[0].length - 4;
      out.push({ start: s, end: s + 4, type: 'DATE', reason: 'birth year of someone over 89' });
    }
  }
  return out;
}

/**
 * "Monday, November 13, 2023", "Sat 02/24/2024", "the 9th (Tuesday)": a weekday written with a date
 * joins its span (it narrows the date down, and shift mode rewrites it with the shifted day). A
 * weekday before a weak day/month makes it a date.
 */
function joinWeekdays(text: string, dates: Hit[]): void {
  for (const h of dates) {
    const lead = WEEKDAY_BEFORE.exec(before(text, h.start, 16));
    if (lead) { h.start -= lead[0].length; if (h.weak) { delete h.weak; h.reason = 'date'; } }
    const tail = WEEKDAY_AFTER.exec(text.slice(h.end, h.end + 16));
    if (tail) h.end += tail[0].length;
  }
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
    const lead = new RegExp(`(?<![\\d/.:-])(\\d{1,2}(?:st|nd|rd|th)?)${RANGE_TO}$`, 'd').exec(before(text, h.start, 16));
    const day = /^(\d{1,2})(?:st|nd|rd|th)?\s/.exec(text.slice(h.start, h.end));
    if (lead && day && parseInt(lead[1]!, 10) < Number(day[1])) {
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
  else if (orig === orig.toLowerCase()) out = out.toLowerCase();
  return out;
}

/** The weekday of the shifted date, written like the original ("Tues" -> "Thurs" keeps 4 letters where it can; "MON" -> "WED"). */
function weekdayLike(orig: string, day: number): string {
  const full = WEEKDAYS[day]!;
  const isFull = /day$/i.test(orig);
  let out = isFull ? full : orig.length === 2 ? full.slice(0, 2) : orig.length >= 4 && ['Tuesday', 'Thursday'].includes(full) ? full.slice(0, 4) + (orig.length >= 5 && full === 'Thursday' ? 's' : '') : full.slice(0, 3);
  if (orig === orig.toUpperCase()) out = out.toUpperCase();
  else if (orig === orig.toLowerCase()) out = out.toLowerCase();
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
  if (p.groups.sfx) repl.sfx = p.groups.sfx === p.groups.sfx.toUpperCase() ? ordinal(nd).toUpperCase() : ordinal(nd);
  if (p.groups.wd) repl.wd = weekdayLike(p.groups.wd, dt.getUTCDay());
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
