/**
 * The organisation's licensed CPT descriptions (CPT is AMA-copyrighted and never shipped). An
 * admin uploads a CSV of code,description; we keep it per organisation in the database and
 * cache it in memory for a minute (other nodes see an upload within that minute).
 */
import type { Collection, Db } from 'mongodb';
import { AppError } from '../errors';
import { parseCsvRows } from './csv';
import { CODE_FORMATS, normalizeCode } from '../../src/lib/protocol/codes';

interface CptDoc { _id: string; orgId: string; code: string; description: string }

const CACHE_MS = 60_000;

export interface CptDescriptions {
  forOrg(orgId: string): Promise<Map<string, string>>;
  replace(orgId: string, csv: string): Promise<{ loaded: number }>;
}

export function parseCptCsv(csv: string): Map<string, string> {
  const rows = parseCsvRows(csv.replace(/^\uFEFF/, ''));
  if (rows.length === 0) throw new AppError('invalid_input', 'csv: the file is empty', { field: 'csv' });
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const codeAt = header.indexOf('code');
  const descAt = header.findIndex((h) => h === 'description' || h === 'long description' || h === 'descriptor');
  if (codeAt < 0 || descAt < 0) throw new AppError('invalid_input', 'csv: the first row must name the columns code and description', { field: 'csv' });
  const map = new Map<string, string>();
  for (const [i, row] of rows.slice(1).entries()) {
    if (row.every((c) => c.trim() === '')) continue;
    const code = normalizeCode(row[codeAt] ?? '');
    const description = (row[descAt] ?? '').trim();
    if (!CODE_FORMATS.CPT.test(code)) throw new AppError('invalid_input', `csv: line ${i + 2}: "${row[codeAt]}" is not a CPT code`, { field: 'csv' });
    if (!description || description.length > 1000) throw new AppError('invalid_input', `csv: line ${i + 2}: the description must be 1 to 1000 characters`, { field: 'csv' });
    map.set(code, description);
  }
  if (map.size === 0) throw new AppError('invalid_input', 'csv: no CPT codes in the file', { field: 'csv' });
  return map;
}

export function createCptDescriptions(db: Db): CptDescriptions {
  const col: Collection<CptDoc> = db.collection<CptDoc>('cpt_descriptions');
  const cache = new Map<string, { at: number; map: Promise<Map<string, string>> }>();
  const load = async (orgId: string) => new Map((await col.find({ orgId }).toArray()).map((d) => [d.code, d.description]));
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
      // Replace the organisation's list: delete then insert in batches. Without transactions a
      // crash in between leaves a partial list, which the admin fixes by uploading again.
      await col.deleteMany({ orgId });
      const docs = [...parsed].map(([code, description]) => ({ _id: `${orgId}:${code}`, orgId, code, description }));
      for (let i = 0; i < docs.length; i += 1000) await col.insertMany(docs.slice(i, i + 1000), { ordered: false });
      cache.delete(orgId);
      return { loaded: docs.length };
    }
  };
}
