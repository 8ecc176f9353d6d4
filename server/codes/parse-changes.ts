/**
 * Parser of the FY2027 ICD-10-CM change lists (added / deleted / revised /
 * billable-status-changes CSVs, a third-party derivative described in the data README).
 *
 * Invariants:
 * - Codes are taken from the `code` column (no dot) and normalized; `codeDotted` is ignored.
 * - Each file yields CodeChange records tagged with the fiscal year the change takes effect.
 * - Booleans are the literal strings `true` / `false`; anything else throws.
 */
import { parseCsv } from './csv';
import type { CodeChange } from './types';

function bool(v: string, where: string): boolean {
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new Error(`${where}: expected true/false, got '${v}'`);
}

export function parseAddedCsv(text: string, fy: number): CodeChange[] {
  return parseCsv(text, 'added.csv').map((r) => ({
    kind: 'added', code: r.code.toUpperCase(), fy,
    billable: bool(r.billable, 'added.csv'), short: r.shortTitle, long: r.longTitle
  }));
}

export function parseDeletedCsv(text: string, fy: number): CodeChange[] {
  return parseCsv(text, 'deleted.csv').map((r) => ({
    kind: 'deleted', code: r.code.toUpperCase(), fy,
    previousBillable: bool(r.wasBillable, 'deleted.csv'), previousShort: r.shortTitle, previousLong: r.longTitle
  }));
}

export function parseRevisedCsv(text: string, fy: number): CodeChange[] {
  return parseCsv(text, 'revised.csv').map((r) => ({
    kind: 'revised', code: r.code.toUpperCase(), fy, billable: bool(r.billable, 'revised.csv'),
    long: r.newLongTitle, previousLong: r.previousLongTitle,
    short: r.newShortTitle, previousShort: r.previousShortTitle
  }));
}

export function parseBillableChangesCsv(text: string, fy: number): CodeChange[] {
  return parseCsv(text, 'billable-status-changes.csv').map((r) => {
    const billable = bool(r.newBillable, 'billable-status-changes.csv');
    return {
      kind: billable ? 'header-to-billable' : 'billable-to-header', code: r.code.toUpperCase(), fy,
      billable, previousBillable: bool(r.previousBillable, 'billable-status-changes.csv'), long: r.longTitle
    } satisfies CodeChange;
  });
}
