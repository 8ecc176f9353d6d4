/**
 * Code normalization and display forms.
 *
 * Invariants:
 * - `normalizeCode` is idempotent and never throws: trim, uppercase, remove every dot and
 *   inner whitespace. Lookups always use the normalized form.
 * - `displayCode` is the inverse for ICD-10-CM (dot after the 3rd character when longer than 3);
 *   every other system is displayed as normalized (PCS, CPT and HCPCS never take a dot).
 */
import type { CodeSystem } from '../../src/lib/protocol/encounters';

// One definition for browser and server: the protocol module owns code shapes.
import { CODE_FORMATS, displayCode as display, normalizeCode as normalize } from '../../src/lib/protocol/codes';
export { CODE_FORMATS };

export function normalizeCode(_system: CodeSystem | string, input: string): string {
  return normalize(input);
}

export function displayCode(system: CodeSystem | string, code: string): string {
  return display(system, code);
}

/** ISO date → `Oct 1 2026` style used in messages coders read. */
export function formatDate(iso: string): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [y, m, d] = iso.split('-');
  return `${months[Number(m) - 1]} ${Number(d)} ${y}`;
}
