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

export function normalizeCode(_system: CodeSystem | string, input: string): string {
  return input.trim().toUpperCase().replace(/[.\s]/g, '');
}

export function displayCode(system: CodeSystem | string, code: string): string {
  const c = normalizeCode(system, code);
  if (system === 'ICD-10-CM' && c.length > 3) return `${c.slice(0, 3)}.${c.slice(3)}`;
  return c;
}

/** Shape checks only (existence is checked against the loaded files). */
export const CODE_FORMATS = {
  /** Letter, digit, then up to 5 alphanumerics (A00 … Z99, U07.1, C4A, S72.001A). */
  'ICD-10-CM': /^[A-Z][0-9][0-9A-Z]([0-9A-Z]{1,4})?$/,
  /** 7 characters from the PCS alphabet (digits and letters without I and O); headers have 3. */
  'ICD-10-PCS': /^[0-9A-HJ-NP-Z]{7}$/,
  /** 5 digits (Category I), or 4 digits + F (Category II), T (Category III), U (PLA). */
  CPT: /^(\d{5}|\d{4}[FTU])$/,
  /** A letter and four digits (J1100). */
  HCPCS: /^[A-Z]\d{4}$/,
  /** Two letters or digits. */
  modifier: /^[A-Z0-9]{2}$/
} as const;

/** ISO date → `Oct 1 2026` style used in messages coders read. */
export function formatDate(iso: string): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [y, m, d] = iso.split('-');
  return `${months[Number(m) - 1]} ${Number(d)} ${y}`;
}
