/**
 * Tables put an identifier's key in the header row and its value under it ("Member ID<TAB>Group" over
 * "W88120445<TAB>77120", "Name | MRN | Acct", columns aligned by runs of spaces), so no key stands
 * before the value on its own line. This module reads such tables: a header row of two or more cells,
 * none with a digit, at least one a key (id-keys.ts) or a scale word; then the rows under it that split
 * into the same number of cells the same way (up to 1,000 rows per header).
 * Invariants: pure string functions; a column is matched by its index, never by guessing from widths;
 * a cell under a key is a value only with three digits or more and no date, unit, decimal or money
 * reading (the caller passes the date test, to keep this module free of the date rules); cells under a
 * scale header ("Pain", "Strength", "Score") are returned so that a bare "4/10" there is never a date.
 */
import { clinicalReading } from './clinical-numbers';
import { typeOfKey } from './id-keys';
import type { Hit } from './hits';
import type { PhiType } from './types';

interface Cell { start: number; end: number; text: string }
interface Row { sep: 'tab' | 'pipe' | 'spaces' | 'comma'; cells: Cell[] }

/** A comma-separated export's cell: quoted ("Lee, Byung-hoon", with "" for a quote) or up to the next comma. */
const CSV_CELL = /(?<=^|,)(?:"(?:[^"]|"")*"|[^,"]*)(?=,|$)/g;

/** Splits one line into trimmed cells by tabs, pipes, runs of 2+ spaces or (three or more) commas, in that order of preference. */
function splitRow(line: string, offset: number): Row | null {
  const sep: Row['sep'] | null = line.includes('\t') ? 'tab' : line.includes('|') ? 'pipe' : /\S {2,}\S/.test(line) ? 'spaces'
    : (line.match(/,/g)?.length ?? 0) >= 3 ? 'comma' : null;
  if (!sep) return null;
  if (sep === 'comma') return csvRow(line, offset);
  const re = sep === 'tab' ? /[^\t]+/g : sep === 'pipe' ? /[^|]+/g : /\S+(?: \S+)*/g;
  const cells: Cell[] = [];
  for (const m of line.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length, t = m[0].trim();
    if (t) cells.push({ start: offset + m.index + lead, end: offset + m.index + lead + t.length, text: t });
  }
  return cells.length >= 2 ? { sep, cells } : null;
}

/** A CSV line's cells, quotes taken off; empty cells are kept so that columns stay matched by index. */
function csvRow(line: string, offset: number): Row | null {
  const cells: Cell[] = [];
  let next = 0;
  for (const m of line.matchAll(CSV_CELL)) {
    // An unclosed quote leaves a stretch no cell matches: the cells stop being contiguous, no row.
    if (m.index !== next) return null;
    next = m.index + m[0].length + 1;
    const quoted = m[0].startsWith('"');
    const start = offset + m.index + (quoted ? 1 : 0);
    const t = quoted ? m[0].slice(1, -1) : m[0];
    cells.push({ start, end: start + t.length, text: t });
  }
  return cells.length >= 4 && next === line.length + 1 ? { sep: 'comma', cells } : null;
}

/** An export's column names join words with underscores ("member_id", "ship_zip"). */
const keyWords = (header: string) => header.replace(/_/g, ' ');
/** A ZIP code's column ("zip", "ship_zip", "postal code"): five digits, or nine with a hyphen, under it are ZIP codes. */
const ZIP_HEADER = /^(?:(?:ship|mail|home|billing|pt|patient)[ _])?(?:zip|zip[ _]?code|postal[ _]code|zip5)$/i;
const ZIP_VALUE = /^\d{5}(?:-\d{4})?$/;
/** A person's-name column ("pt_name", "Patient Name"; never a bare "Name", which lab and drug tables use too). */
const PERSON_HEADER = /^(?:pt|patient|resident|client|member|subscriber|guarantor)[ _]?name$/i;
/** A name as a record writes it: "Lee, Byung-hoon", "Hughes, Margaret 'Peg'", "Ana Mendez". */
const PERSON_VALUE = /^\p{Lu}[\p{L}'’.-]+(?:,?[ \t]\p{Lu}[\p{L}'’.-]*){1,3}(?:[ \t]['"“‘]{1,2}\p{Lu}\p{Ll}+['"”’]{1,2})?$/u;

const SCALE_HEADER = /^(?:pain(?: score)?|strength|power|score|gcs|mmse|moca|apgar|murmur|grade|ratio|nodes?|phq-?\d*|gad-?\d*|pain \(\d+-10\))$/i;
/** Readings that make a cell a value, whatever its header says. */
const VALUE_READINGS = new Set(['number with a unit', 'part of a decimal or grouped number', 'money', 'range of values', 'range with a unit', 'year range']);
const ID_CELL = /^[A-Za-z0-9][A-Za-z0-9 .\/-]{1,30}$/;

interface Table { header: Row; rows: Row[] }

/** The dates and the id rules both read the tables of the same text, one after the other: the last answer is kept. */
let last: { text: string; tables: Table[] } | null = null;

function tables(text: string): Table[] {
  if (last?.text === text) return last.tables;
  const found = readTables(text);
  last = { text, tables: found };
  return found;
}

function readTables(text: string): Table[] {
  // Cheap gate: a table needs a line break and a cell separator.
  if (!text.includes('\n') || !/\t|\||\S {2,}\S|,[^,\n]*,[^,\n]*,/.test(text)) return [];
  const lines: { text: string; start: number }[] = [];
  let at = 0;
  for (const l of text.split('\n')) { lines.push({ text: l, start: at }); at += l.length + 1; }
  const out: Table[] = [];
  for (let i = 0; i < lines.length - 1; i++) {
    const header = splitRow(lines[i]!.text, lines[i]!.start);
    if (!header || header.cells.some((c) => /\d/.test(c.text) || c.text.length > 30)) continue;
    if (!header.cells.some((c) => typeOfKey(keyWords(c.text)) || SCALE_HEADER.test(c.text) || ZIP_HEADER.test(c.text) || PERSON_HEADER.test(c.text))) continue;
    const rows: Row[] = [];
    for (let j = i + 1; j < lines.length && rows.length < 1000; j++) {
      const r = splitRow(lines[j]!.text, lines[j]!.start);
      if (!r || r.sep !== header.sep || r.cells.length !== header.cells.length) break;
      rows.push(r);
    }
    if (rows.length) { out.push({ header, rows }); i += rows.length; }
  }
  return out;
}

/** Values under a key in a table header, typed by that key. */
export function findTableIds(text: string, readsAsDate: (value: string) => boolean): Hit[] {
  const out: Hit[] = [];
  for (const t of tables(text)) {
    t.header.cells.forEach((h, col) => {
      const zip = ZIP_HEADER.test(h.text);
      if (PERSON_HEADER.test(h.text)) {
        for (const c of t.rows.map((r) => r.cells[col]!)) if (PERSON_VALUE.test(c.text)) out.push({ start: c.start, end: c.end, type: 'NAME', reason: `name under "${h.text}" in a table` });
        return;
      }
      const type: PhiType | null = SCALE_HEADER.test(h.text) ? null : zip ? 'ZIP' : typeOfKey(keyWords(h.text));
      if (!type) return;
      for (const r of t.rows) {
        const c = r.cells[col]!;
        if (zip && !ZIP_VALUE.test(c.text)) continue;
        if (!ID_CELL.test(c.text) || (c.text.match(/\d/g) ?? []).length < 3 || readsAsDate(c.text)) continue;
        // A CSV cell's neighbours touch it through commas ("O-552310,2024"): read it alone, not as a grouped number.
        const reading = r.sep === 'comma' ? clinicalReading(c.text, 0, c.text.length) : clinicalReading(text, c.start, c.end);
        if (reading && VALUE_READINGS.has(reading)) continue;
        out.push({ start: c.start, end: c.end, type, reason: `value under "${h.text}" in a table` });
      }
    });
  }
  return out;
}

/** Cells under a scale header ("Pain", "Strength 0-5", "Score"): their day/month shapes are scores. */
export function scoreCells(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const t of tables(text)) {
    t.header.cells.forEach((h, col) => {
      if (SCALE_HEADER.test(h.text)) for (const r of t.rows) out.push([r.cells[col]!.start, r.cells[col]!.end]);
    });
  }
  return out;
}
