/**
 * An identifier found once is the same identifier wherever its value stands again: a pager number
 * given once ("pager 4127") and then heading every line of a page log ("[01:12] 4127 <- 5W RN"), an
 * MRN in a header repeated bare in a table (issue 8, round 9). Like facility initials
 * (facility-acronyms.ts), the values found in any field are searched in every field.
 * Invariants: only values of four digits or more and no spaces, of the number types, never a date,
 * a year, a clinical reading or a code; an echo is a whole token (no letter, digit or hyphen touches it).
 */
import type { Hit } from './hits';
import { parseDate } from './dates';
import { clinicalReading } from './clinical-numbers';
import type { PhiType } from './types';

const NUMBER_TYPES = new Set<PhiType>(['PHONE', 'FAX', 'MRN', 'ACCOUNT', 'HEALTH_PLAN', 'SSN', 'OTHER_ID', 'LICENSE', 'DEVICE', 'VEHICLE']);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The values of number identifiers among `hits` worth searching again, with their types. */
export function identifierValues(text: string, hits: Hit[]): [string, PhiType][] {
  const out = new Map<string, PhiType>();
  for (const h of hits) {
    const v = text.slice(h.start, h.end);
    if (!NUMBER_TYPES.has(h.type) || /\s/.test(v) || (v.match(/\d/g) ?? []).length < 4) continue;
    if (/^(?:19|20)\d{2}$/.test(v) || parseDate(v, 2100)) continue;
    // The specific type wins over OTHER_ID (the same span is often found by a labelled rule and a suspect-id rule).
    if (!out.has(v) || out.get(v) === 'OTHER_ID') out.set(v, h.type);
  }
  return [...out];
}

/** Occurrences of `values` in `text` that no hit of `known` (the text's own hits) covers already. */
export function findIdentifierEchoes(text: string, values: [string, PhiType][], known: Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const [v, type] of values) {
    if (!text.includes(v)) continue;
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}-])${escape(v)}(?![\\p{L}\\p{N}]|-\\d)`, 'gu'))) {
      if (known.some((h) => h.start < m.index + v.length && m.index < h.end) || clinicalReading(text, m.index, m.index + v.length)) continue;
      out.push({ start: m.index, end: m.index + v.length, type, reason: 'identifier seen elsewhere in the text' });
    }
  }
  return out;
}
