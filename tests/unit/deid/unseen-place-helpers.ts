/**
 * How the unseen-facilities and unseen-places tests check their probes: a positive's value (its
 * last occurrence) is covered by exactly the expected type; a kept term is touched by no facility,
 * place, address or ZIP detection.
 */
import { expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import type { Keep, Probe } from './unseen-facilities-probes';
import { cover } from './unseen-helpers';

/** The types of the detections covering every character of the value's LAST occurrence, or null when one is left. */
export const coverLast = (text: string, value: string): string[] | null => cover(text, value, 'last');
/** Facility, place and address detections touching the term (the pass's own types). */
export function placeHitsOn(text: string, term: string): string[] {
  const at = text.indexOf(term);
  if (at < 0) throw new Error(`"${term}" is not in "${text}"`);
  return detectPhiInText(text, 2026).filter((f) => ['FACILITY', 'CITY', 'ADDRESS', 'ZIP'].includes(f.type) && f.start < at + term.length && at < f.end).map((f) => `${f.type} "${f.text}"`);
}
export const probes = (cases: Probe[]) => it.each(cases)('%s -> %s (%s)', (text, value, type) => {
  const types = coverLast(text, value);
  expect(types?.length === 1 && type.split('|').includes(types[0]!) ? type : types).toEqual(type);
});
export const keeps = (cases: Keep[]) => it.each(cases)('keeps %s: %s', (text, term) => expect(placeHitsOn(text, term)).toEqual([]));
