/**
 * The patient's own identifier values as patterns that find them in any written form: MRN
 * with or without its prefix or leading zeros, phone and SSN with any separators, the date of
 * birth and the date of service in every common date layout, email/account/plan ids in any case,
 * and the address pieces. Used twice: by detection (these hits are mandatory) and by the
 * re-check before a forum copy is written (verify.ts).
 * Invariant: every pattern is anchored on both sides (no digit/letter run continues it), so a
 * value never matches inside a longer number or word.
 */
import { esc } from './hits';
import type { PatientContext } from './context';
import type { DeidEncounterInput, PhiType } from './types';

export interface ValuePattern { re: RegExp; type: PhiType; reason: string; field: string }

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEP = '[\\s.\\-\\/]?';
const digitsOf = (s: string) => s.replace(/\D/g, '');

/** "6125550148" -> 612-555-0148, (612) 555 0148, 612.555.0148, +1 612 555 0148 ... */
function phonePattern(digits: string): string | null {
  const d = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (d.length !== 10) return null;
  return `(?<!\\d)(?:\\+?1[\\s.-]?)?\\(?${d.slice(0, 3)}\\)?[\\s.-]?${d.slice(3, 6)}[\\s.-]?${d.slice(6)}(?!\\d)`;
}

/** Every usual layout of one calendar date (y-m-d), with or without its year when `yearOptional`. */
export function datePatterns(iso: string, yearOptional: boolean): string[] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (!y || !m || !d) return [];
  const mm = `0?${m}`, dd = `0?${d}`, yy = String(y % 100).padStart(2, '0');
  const month = MONTHS[m - 1]!;
  const mon = `(?:${month}|${month.slice(0, 3)}${m === 9 ? '|Sept' : ''})\\.?`;
  const ord = '(?:st|nd|rd|th)?';
  const year = `(?:${y}|['’]${yy})`;
  const out = [
    `(?<![\\d/.-])${mm}[/.-]${dd}[/.-](?:${y}|${yy})(?![\\d/-]|\\.\\d)`,
    `(?<![\\d/.-])${y}[/.-]${mm}[/.-]${dd}(?![\\d/-]|\\.\\d)`,
    `(?<!\\d)(?:${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${y}|${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')})(?!\\d)`,
    `\\b${mon}\\s+${dd}${ord},?\\s+${year}(?!\\d)`,
    `\\b${dd}${ord}(?:\\s+of)?[\\s-]+${mon},?[\\s-]+${year}(?!\\d)`
  ];
  if (yearOptional) out.push(`(?<![\\d/.-])${mm}/${dd}(?![\\d/]|\\.\\d)`, `\\b${mon}\\s+${dd}${ord}(?![\\d:])`);
  return out;
}

export function patientValuePatterns(enc: DeidEncounterInput, ctx: PatientContext): ValuePattern[] {
  const out: ValuePattern[] = [];
  const add = (src: string | null, type: PhiType, reason: string, field: string, flags = 'giu') => {
    if (src) out.push({ re: new RegExp(src, flags), type, reason, field });
  };
  for (const v of ctx.values) {
    if (v.type === 'DATE') continue; // every layout below
    add(`(?<![\\p{L}\\p{N}])${esc(v.text)}(?![\\p{L}\\p{N}])`, v.type, v.reason, v.type.toLowerCase());
  }
  const p = enc.patient;
  if (p.phone) add(phonePattern(digitsOf(p.phone)), 'PHONE', "matches patient's phone", 'phone');
  const ssn = p.ssn ? digitsOf(p.ssn) : '';
  if (ssn.length === 9) add(`(?<!\\d)${ssn.slice(0, 3)}${SEP}${ssn.slice(3, 5)}${SEP}${ssn.slice(5)}(?!\\d)`, 'SSN', "matches patient's SSN", 'ssn');
  // Identifier numbers: the digit run alone, leading zeros optional ("MRN-004417302" -> "4417302").
  for (const [key, type] of [['mrn', 'MRN'], ['accountNumber', 'ACCOUNT'], ['insuranceId', 'HEALTH_PLAN']] as const) {
    const digits = p[key] ? digitsOf(p[key]!).replace(/^0+/, '') : '';
    if (digits.length >= 5) add(`(?<!\\d)0*${digits}(?!\\d)`, type, `matches patient's ${key === 'mrn' ? 'MRN' : key === 'accountNumber' ? 'account number' : 'insurance ID'} number`, key);
  }
  if (p.dob) for (const src of datePatterns(p.dob, false)) add(src, 'DATE', "matches patient's date of birth", 'dob');
  if (/^\d{4}-\d{2}-\d{2}$/.test(enc.dateOfService)) for (const src of datePatterns(enc.dateOfService, true)) add(src, 'DATE', 'matches patient\'s date of service', 'dateOfService');
  return out;
}
