/**
 * Identifiers found by inverting the usual rule: a digit-bearing token is suspect unless it has
 * a clinical or harmless reading (clinical-numbers.ts). Three sources:
 *  - any key word (known or not) before '#', 'no.', 'number' or 'ID', then a value ("Enc # 5512",
 *    "booking no. B-2291"); counting words ("problem #2", "bed #4") are no keys;
 *  - a known key a few words before its value ("FIN for this admission is 88120044");
 *  - a long shape with no clinical reading, with or without a key: >= 6 digits, or letters mixed
 *    with >= 4 digits that are not a code of a code set, a unit or a formula ("A8831902", "X4K-22913").
 * Each value is typed by the nearest key before it (id-keys.ts), OTHER_ID otherwise.
 * Invariants: every hit contains a digit; a value that reads as a date is left to the date rules
 * (an OTHER_ID on the same span would win over DATE and lose the date's shift); shape-only hits
 * with no key are weak (the reviewer may drop them), keyed ones are not.
 */
import { before, type Hit } from './hits';
import { clinicalReading } from './clinical-numbers';
import { parseDate } from './dates';
import { ANY_KEY, COUNTER_WORDS, typeOfKey } from './id-keys';
import type { PhiType } from './types';

/** A value: letters/digits with inner '-', '/', '.', or spaced digit groups ("W228 491 337"). */
const VALUE = '([A-Za-z0-9](?:[A-Za-z0-9]|[-/.](?=[A-Za-z0-9])| (?=\\d{3,}(?![\\w]|\\.\\d))){2,29})(?![\\w-]|\\.\\d)';
const KEY_WORD = "[A-Za-z][A-Za-z'’.]*";
/** "<word> [word] #|no.|number|ID [:] value": the key may be any word; the table only types it. */
const HASH_KEYED = new RegExp(`(?<![\\w])(${KEY_WORD}(?:[ \\t]${KEY_WORD})?)[ \\t]*(?:#|\\bno\\.|\\bnum\\.?(?=[ \\t:#])|\\bnumber\\b|\\bID\\b)[ \\t]*(?:is[ \\t]+|[:=#-][ \\t]*)?${VALUE}`, 'gd');
/** A known key, a few words, then a connector and a value with >= 4 digits. */
const DISTANT_KEYED = new RegExp(`(?<![\\w-])(${ANY_KEY})(?![\\w])[^\\d\\n.;]{1,32}?(?:\\b(?:is|was|of|reads|ending(?: in)?|ends in|last (?:4|four)(?: digits)?)\\b|[:=#])\\s*#?\\s*([A-Za-z]{0,4}-?\\d{4,}(?:[-/]?[A-Za-z0-9]+)*)(?![\\w-]|\\.\\d)`, 'gid');
const TOKEN = /(?<![\w-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\w])/g;
/** The nearest known key within a short stretch of the same line before a value. */
const KEY_BEFORE = new RegExp(`(?<![\\w-])(${ANY_KEY})(?![\\w])(?=[^\\d\\n;]{0,40}$)`, 'gi');

const digits = (s: string) => (s.match(/\d/g) ?? []).length;
const letters = (s: string) => (s.match(/[A-Za-z]/g) ?? []).length;
const isYear = (s: string) => /^(?:19|20)\d{2}$/.test(s);

/** Long digit runs and letter+digit mixes have no clinical reading by their shape alone. */
export function hasIdShape(token: string): boolean {
  const d = digits(token), l = letters(token);
  if (!d) return false;
  if (!l) return d >= 6;
  return d >= 4 || (d === 3 && token.length >= 7 && l >= 3);
}

const GENERIC_KEY = /^(?:ID|identifier|reference|ref\.?|file|report|request|barcode)$/i;
/** The type of the nearest key before a value; a generic last key ("identifier", "ID") defers to a
 *  specific one before it ("Medicare Beneficiary Identifier is ..." is a health plan id). */
export function keyTypeBefore(text: string, start: number): PhiType | null {
  const pre = before(text, start, 64);
  let specific: PhiType | null = null, generic = false;
  for (const m of pre.matchAll(KEY_BEFORE)) {
    if (GENERIC_KEY.test(m[1]!)) { generic = true; continue; }
    specific = typeOfKey(m[1]!); generic = false;
  }
  return specific ?? (generic ? 'OTHER_ID' : null);
}

function readsAsDate(v: string): boolean {
  // "2024-03-14T10" is the date of an ISO timestamp ("2024-03-14T10:22"), split at its colon.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}$/.test(v)) return true;
  return parseDate(v, 2100) !== null && !isYear(v);
}

function hashKeyed(text: string): Hit[] {
  const out: Hit[] = [];
  // Cheap gate: the pattern tries every word as a key, so skip texts without a marker at all.
  if (!/#|\bno\.|\bnum|\bID\b/i.test(text)) return out;
  for (const m of text.matchAll(HASH_KEYED)) {
    const key = m[1]!, v = m[2]!, [s, e] = m.indices![2]!;
    const lastWord = key.split(/[ \t]/).pop()!.replace(/[.'’]+$/, '');
    if (COUNTER_WORDS.test(lastWord) || !/\d/.test(v) || isYear(v) || readsAsDate(v)) continue;
    // A pure number needs three digits ("visit #3" counts visits); a mixed value needs two characters besides.
    if (!/[A-Za-z]/.test(v) ? digits(v) < 3 : v.length < 3) continue;
    if (clinicalReading(text, s, e) === 'number with a unit') continue;
    const type = typeOfKey(`${key} #`) ?? typeOfKey(key) ?? 'OTHER_ID';
    out.push({ start: s, end: e, type, reason: `number after "${key.trim()}"` });
  }
  return out;
}

function distantKeyed(text: string): Hit[] {
  const out: Hit[] = [];
  if (!/\d{4}/.test(text)) return out;
  for (const m of text.matchAll(DISTANT_KEYED)) {
    const v = m[2]!, [s, e] = m.indices![2]!;
    if (isYear(v) || readsAsDate(v) || clinicalReading(text, s, e)) continue;
    out.push({ start: s, end: e, type: typeOfKey(m[1]!) ?? 'OTHER_ID', reason: `number a few words after "${m[1]}"` });
  }
  return out;
}

function shaped(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const tok = m[0], s = m.index, e = s + tok.length;
    if (!hasIdShape(tok) || readsAsDate(tok) || clinicalReading(text, s, e)) continue;
    const keyed = keyTypeBefore(text, s);
    if (/^\d{5}-\d{4}$/.test(tok)) { out.push({ start: s, end: e, type: 'ZIP', reason: 'ZIP+4 shape' }); continue; }
    out.push(keyed
      ? { start: s, end: e, type: keyed, reason: 'identifier shape after a key' }
      : { start: s, end: e, type: 'OTHER_ID', reason: 'identifier shape (long number or letters with digits)', weak: true });
  }
  return out;
}

export function findSuspectIds(text: string): Hit[] {
  return [...hashKeyed(text), ...distantKeyed(text), ...shaped(text)];
}
