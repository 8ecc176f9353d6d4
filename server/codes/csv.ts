/**
 * Minimal RFC 4180 CSV reader (the change lists and the Excludes tables).
 *
 * Invariants:
 * - Fields may be quoted; inside quotes a doubled quote is one quote and commas/newlines are
 *   literal. CRLF and LF line endings are both accepted; a final newline does not make a row.
 * - The first row is the header; rows are returned as objects keyed by the header names.
 *   A row whose field count differs from the header throws (the staged files are regular, so a
 *   mismatch means a damaged file and must not be loaded silently).
 */
/** `lines`, when given, receives the 1-based line on which each returned row starts (quoted fields may span lines). */
export function parseCsvRows(text: string, lines?: number[]): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // byte-order mark
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
      field += ch; i++; continue;
    }
    if (ch === '"' && field === '') { quoted = true; i++; continue; }
    if (ch === ',') { row.push(field); field = ''; i++; continue; }
    if (ch === '\r' || ch === '\n') {
      row.push(field); field = '';
      rows.push(row); row = [];
      lines?.push(rowLine);
      rowLine = ++line;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch; i++;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); lines?.push(rowLine); }
  return rows;
}

export function parseCsv(text: string, what = 'CSV'): Record<string, string>[] {
  const rows = parseCsvRows(text);
  const header = rows.shift();
  if (!header) return [];
  return rows.map((r, k) => {
    if (r.length !== header.length) {
      throw new Error(`${what}: row ${k + 2} has ${r.length} fields, expected ${header.length}`);
    }
    const o: Record<string, string> = {};
    header.forEach((h, j) => { o[h] = r[j]; });
    return o;
  });
}
