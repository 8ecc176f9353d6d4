/**
 * Parser of the CMS HCPCS Level II alpha-numeric file (320-character fixed-width records).
 *
 * Layout (1-based, HCPC2026_recordlayout.txt): 1–5 code (a modifier is right-justified in 4–5),
 * 6–10 sequence, 11 record id (3 procedure, 4 its continuation, 7 modifier, 8 its continuation),
 * 12–91 long description part, 92–119 short description, 230 coverage code,
 * 269–276 date added, 277–284 action effective date, 285–292 termination date, 293 action code.
 *
 * Invariants:
 * - Continuation lines (4/8) belong to the preceding 3/7 record of the same code; their
 *   description parts are trimmed and joined with one space (line breaks fall between words).
 * - Fields are read by position, so over-long records (G9871 is 546 characters) parse as usual.
 * - Lines without a record id (the blank trailer) are skipped; an unknown record id throws.
 */
import type { HcpcsRecord, HcpcsSet } from './types';

function isoOrNull(yyyymmdd: string): string | null {
  const s = yyyymmdd.trim();
  if (!/^\d{8}$/.test(s)) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

export function parseHcpcsFile(text: string, release = '2026-01'): HcpcsSet {
  const procedures = new Map<string, HcpcsRecord>();
  const modifiers = new Map<string, HcpcsRecord>();
  let current: HcpcsRecord | null = null;
  let parts: string[] = [];
  let order = 0;
  const finish = () => {
    if (current) current.long = parts.join(' ');
    current = null;
    parts = [];
  };
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k].endsWith('\r') ? lines[k].slice(0, -1) : lines[k];
    const rid = line[10];
    if (line.trim() === '' || rid === undefined || rid === ' ') continue; // trailer
    const code = line.slice(0, 5).trim();
    const desc = line.slice(11, 91).trim();
    if (rid === '4' || rid === '8') {
      if (!current || current.code !== code) throw new Error(`HCPCS line ${k + 1}: continuation of ${code} without a first line`);
      if (desc) parts.push(desc);
      continue;
    }
    if (rid !== '3' && rid !== '7') throw new Error(`HCPCS line ${k + 1}: unknown record id '${rid}'`);
    finish();
    current = {
      code,
      kind: rid === '3' ? 'procedure' : 'modifier',
      long: '',
      short: line.slice(91, 119).trim(),
      dateAdded: isoOrNull(line.slice(268, 276)),
      actionEffectiveDate: isoOrNull(line.slice(276, 284)),
      terminationDate: isoOrNull(line.slice(284, 292)),
      actionCode: line.slice(292, 293).trim(),
      coverageCode: line.slice(229, 230).trim(),
      order: order++
    };
    parts = desc ? [desc] : [];
    (rid === '3' ? procedures : modifiers).set(code, current);
  }
  finish();
  return { release, procedures, modifiers };
}

/** Valid on a date of service: added on or before it (when known) and not terminated before it. */
export function hcpcsValidOn(rec: HcpcsRecord, dateOfService: string): boolean {
  if (rec.terminationDate && rec.terminationDate < dateOfService) return false;
  if (rec.dateAdded && rec.dateAdded > dateOfService) return false;
  return true;
}
