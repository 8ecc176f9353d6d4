/**
 * The organisation's licensed CPT descriptions (CPT is AMA-copyrighted and never shipped). An
 * admin uploads a CSV of code,description; we keep it per organisation in the database and
 * cache it in memory for a minute (other nodes see an upload within that minute).
 */
import type { Collection, Db } from 'mongodb';
import type { CptListDoc } from '../db/collections';
import type { VersionedStore } from '../db/storage';
import { AppError } from '../errors';
import { parseCsvRows } from './csv';
import { CODE_FORMATS, normalizeCode } from '../../src/lib/protocol/codes';

interface CptDoc { _id: string; orgId: string; code: string; description: string }

const CACHE_MS = 60_000;

export interface CptDescriptions {
  forOrg(orgId: string): Promise<Map<string, string>>;
  replace(orgId: string, csv: string): Promise<{ loaded: number }>;
}

const CODE_COLUMNS = new Set(['code', 'cpt code', 'cpt']);
const DESCRIPTION_COLUMNS = new Set(['description', 'long description', 'descriptor', 'long descriptor', 'full description']);

/** Bad rows named in one upload's error; the total is always given. */
export const MAX_REPORTED_CPT_ROWS = 100;

/**
 * Checks every row and either returns the whole list or refuses the whole file, naming each bad
 * row by its line in the file (quoted descriptions may span lines) so the admin fixes them all in
 * one pass. The message lists one bad row per line after a summary line.
 */
export function parseCptCsv(csv: string): Map<string, string> {
  const lines: number[] = [];
  const rows = parseCsvRows(csv.replace(/^\uFEFF/, ''), lines);
  if (rows.length === 0) throw new AppError('invalid_input', 'csv: the file is empty', { field: 'csv' });
  // Licensed lists name their columns in several ways ("CPT Code", "Long_Descriptor").
  const header = rows[0]!.map((h) => h.trim().toLowerCase().replace(/[_\s]+/g, ' '));
  const codeAt = header.findIndex((h) => CODE_COLUMNS.has(h));
  const descAt = header.findIndex((h) => DESCRIPTION_COLUMNS.has(h));
  if (codeAt < 0 || descAt < 0) throw new AppError('invalid_input', 'csv: the first row must name the columns code and description', { field: 'csv' });
  const map = new Map<string, string>();
  const firstLine = new Map<string, number>();
  const bad: string[] = [];
  let badRows = 0;
  const reject = (line: number, why: string) => { if (++badRows <= MAX_REPORTED_CPT_ROWS) bad.push(`line ${line}: ${why}`); };
  for (const [i, row] of rows.entries()) {
    if (i === 0 || row.every((c) => c.trim() === '')) continue;
    const line = lines[i]!;
    const rawCode = (row[codeAt] ?? '').trim();
    const code = normalizeCode(rawCode);
    const description = (row[descAt] ?? '').trim();
    if (row.length > header.length) reject(line, `${row.length} fields but the header names ${header.length} (put a description that contains commas in double quotes)`);
    else if (!CODE_FORMATS.CPT.test(code)) reject(line, rawCode ? `"${rawCode.slice(0, 40)}" is not a CPT code (five digits, or four digits and F, T or U)` : 'the code is missing');
    else if (!description || description.length > 1000) reject(line, `${code}: the description must be 1 to 1000 characters`);
    else if (firstLine.has(code) && map.get(code) !== description) reject(line, `${code} is already on line ${firstLine.get(code)} with another description`);
    else if (firstLine.has(code)) continue; // the same row twice says nothing new
    else { map.set(code, description); firstLine.set(code, line); }
  }
  if (badRows > 0) {
    const more = badRows > bad.length ? [`… and ${badRows - bad.length} more (the first ${bad.length} are listed)`] : [];
    const summary = `csv: ${badRows} row${badRows === 1 ? ' is' : 's are'} not valid, so nothing was loaded and the current list is kept:`;
    throw new AppError('invalid_input', [summary, ...bad, ...more].join('\n'), { field: 'csv' });
  }
  if (map.size === 0) throw new AppError('invalid_input', 'csv: no CPT codes in the file', { field: 'csv' });
  return map;
}

/**
 * One document per organisation holds the whole list (server/db/storage, versioned), so an
 * upload replaces it in one step: readers see the old list or the new one, never a mix, and of
 * two uploads at once both land in turn (the later one is the list).
 */
export function createCptDescriptions(db: Db, store: VersionedStore<CptListDoc>): CptDescriptions {
  // Lists uploaded before the versioned document existed, read until the next upload.
  const legacy: Collection<CptDoc> = db.collection<CptDoc>('cpt_descriptions');
  const cache = new Map<string, { at: number; map: Promise<Map<string, string>> }>();
  const load = async (orgId: string) => {
    const list = await store.load(orgId);
    if (list) return new Map(list.entries.map((e) => [e.code, e.description]));
    return new Map((await legacy.find({ orgId }).toArray()).map((d) => [d.code, d.description]));
  };
  return {
    forOrg(orgId) {
      const hit = cache.get(orgId);
      if (hit && Date.now() - hit.at < CACHE_MS) return hit.map;
      const map = load(orgId);
      cache.set(orgId, { at: Date.now(), map });
      map.catch(() => cache.delete(orgId));
      return map;
    },
    async replace(orgId, csv) {
      const parsed = parseCptCsv(csv);
      const entries = [...parsed].map(([code, description]) => ({ code, description }));
      await store.update(orgId, () => ({ next: { _id: orgId, entries, uploadedAt: new Date() }, result: undefined }));
      cache.delete(orgId);
      return { loaded: entries.length };
    }
  };
}
