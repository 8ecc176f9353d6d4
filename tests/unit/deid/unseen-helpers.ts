/**
 * Shared by the unseen-* tests: which detections cover a value, and the number-type hits of a text.
 */
import { expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';

const NUMBER_TYPES = new Set(['DATE', 'AGE', 'MRN', 'ACCOUNT', 'HEALTH_PLAN', 'OTHER_ID', 'LICENSE', 'DEVICE', 'VEHICLE', 'PHONE', 'FAX', 'SSN', 'IP', 'URL', 'EMAIL', 'ZIP', 'ADDRESS']);

/** The detections covering every character of `value` (its first occurrence, or its last), or null when some character is left. */
export function cover(text: string, value: string, occurrence: 'first' | 'last' = 'first'): string[] | null {
  const at = occurrence === 'first' ? text.indexOf(value) : text.lastIndexOf(value);
  if (at < 0) throw new Error(`"${value}" is not in "${text}"`);
  const found = detectPhiInText(text, 2026);
  const types = new Set<string>();
  for (let i = at; i < at + value.length; i++) {
    const f = found.find((x) => x.start <= i && i < x.end);
    if (!f) return null;
    types.add(f.type);
  }
  return [...types];
}
export const numberHits = (text: string) => detectPhiInText(text, 2026).filter((f) => NUMBER_TYPES.has(f.type)).map((f) => `${f.type} "${f.text}"`);

/** Each value is covered by exactly the one expected type. */
export function positives(cases: [string, string, string][]) {
  it.each(cases)('%s -> %s (%s)', (text, value, type) => {
    expect(cover(text, value)).toEqual([type]);
  });
}
/** No number-type detection at all. */
export function negatives(cases: string[]) {
  it.each(cases)('leaves clinical numbers alone: %s', (text) => {
    expect(numberHits(text)).toEqual([]);
  });
}

/** The texts of the NAME detections. */
export const nameTexts = (text: string) => detectPhiInText(text, 2026).filter((h) => h.type === 'NAME').map((h) => h.text);

/** Whether every character of `value` (first occurrence) is covered by a NAME detection. */
export function coveredAsName(text: string, value: string): boolean {
  const at = text.indexOf(value);
  if (at < 0) throw new Error(`"${value}" not in "${text}"`);
  const found = detectPhiInText(text, 2026).filter((h) => h.type === 'NAME');
  for (let i = at; i < at + value.length; i++) if (!found.some((f) => f.start <= i && i < f.end)) return false;
  return true;
}
