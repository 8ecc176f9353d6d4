/**
 * An in-memory index of an organisation's precedents for search and suggestions. FerretDB scans
 * a whole collection for every query, so words and codes are matched here, not in the database.
 * The index is rebuilt from the collection when this process changed the organisation's
 * precedents (forgetPrecedents) or after STALE_MS, so a precedent written by another node
 * appears within that time.
 */
import { normalizeCode } from '../../src/lib/protocol/codes';
import type { PrecedentDoc, QualityCollections } from './collections';

const STALE_MS = 5_000;
const STOP = new Set('a an and are as at be by for from has have in is it of on or the this to was were with without not no'.split(' '));

export interface IndexedPrecedent { doc: PrecedentDoc; words: Set<string>; codes: Set<string>; families: Set<string> }
interface OrgIndex { at: number; items: IndexedPrecedent[] }

const indexes = new Map<string, OrgIndex>();

export function wordsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    if (w.length < 2 || STOP.has(w)) continue;
    out.add(w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w);
  }
  return out;
}

export const codeKey = (code: string) => normalizeCode(code).toUpperCase();

export function indexPrecedent(doc: PrecedentDoc): IndexedPrecedent {
  const codes = new Set(doc.codes.map((c) => codeKey(c.code)));
  return {
    doc, codes, families: new Set([...codes].map((c) => c.slice(0, 3))),
    words: wordsOf([doc.title, doc.factPattern, doc.question, doc.answer, doc.rationale, doc.categories.join(' ')].join(' '))
  };
}

/** A normalised code (A4151) in the form the precedent stored it (A41.51), for explanations. */
export function shown(item: IndexedPrecedent, key: string): string {
  return item.doc.codes.find((c) => codeKey(c.code) === key)?.code ?? key;
}

export function forgetPrecedents(orgId: string): void { indexes.delete(orgId); }

export async function precedentIndex(q: QualityCollections, orgId: string): Promise<IndexedPrecedent[]> {
  const cached = indexes.get(orgId);
  if (cached && Date.now() - cached.at < STALE_MS) return cached.items;
  const docs = await q.precedents.find({ orgId }).sort({ at: -1 }).limit(20_000).toArray();
  const items = docs.map(indexPrecedent);
  indexes.set(orgId, { at: Date.now(), items });
  return items;
}
