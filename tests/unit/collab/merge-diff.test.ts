/**
 * The pure helpers behind REST code-line changes and history: the three-way merge of a PUT into
 * the live document (server/collab/rest.ts) and the diff of two versions in coder terms
 * (server/collab/history.ts).
 */
import { describe, expect, it } from 'vitest';
import { merge } from '../../../server/collab/rest';
import { diffVersions } from '../../../server/collab/history';
import type { CollabVersionDoc } from '../../../server/db/collections';
import type { LiveLine } from '../../../src/lib/collab/shape';

const line = (id: string, code: string, over: Partial<LiveLine> = {}): LiveLine => ({
  id, system: 'ICD-10-CM', code, role: 'secondary', poa: null, modifiers: [], units: null, pointers: [], note: '', addedBy: null, ...over
});
const ids = (ls: LiveLine[]) => ls.map((l) => l.id);

describe('merge (PUT code-lines applied to the live document)', () => {
  const base = [line('a', 'N39.0', { role: 'principal' }), line('b', 'E11.9'), line('c', 'I10')];

  it('keeps a live edit of another field of the same line', () => {
    const current = [base[0]!, { ...base[1]!, note: 'live note' }, base[2]!];
    const wanted = [base[0]!, { ...base[1]!, code: 'E11.65' }, base[2]!];
    const out = merge(current, base, wanted);
    expect(out[1]).toMatchObject({ id: 'b', code: 'E11.65', note: 'live note' });
  });

  it('keeps a line added live, after the line it follows, when the request resequences', () => {
    const current = [base[0]!, base[1]!, line('live', 'R69'), base[2]!];
    const wanted = [base[2]!, base[0]!, base[1]!];
    expect(ids(merge(current, base, wanted))).toEqual(['c', 'a', 'b', 'live']);
  });

  it('removes what the request removed and adds what it added, nothing else', () => {
    const current = [...base, line('live', 'R69')];
    const wanted = [base[0]!, base[2]!, line('api', 'Z00.00')];
    const out = merge(current, base, wanted);
    expect(ids(out)).toEqual(['a', 'c', 'live', 'api']);
  });

  it('a line removed live stays removed even if the request still lists it unchanged', () => {
    const current = [base[0]!, base[2]!];
    expect(ids(merge(current, base, base))).toEqual(['a', 'c']);
  });

  it('an unchanged request changes nothing', () => {
    const current = [base[0]!, { ...base[1]!, note: 'x' }, base[2]!, line('live', 'R69')];
    expect(merge(current, base, base)).toEqual(current);
  });
});

const version = (id: string, lines: LiveLine[], rationale = ''): CollabVersionDoc =>
  ({ _id: id, docId: 'd', orgId: 'o', at: new Date(0), authors: [], label: 'Edited', lines, rationale });

describe('diffVersions', () => {
  it('names added, removed and changed lines with the changed fields', () => {
    const from = version('v1', [line('a', 'N39.0', { role: 'principal' }), line('b', 'E11.9'), line('c', 'I10')]);
    const to = version('v2', [line('a', 'N39.0', { role: 'principal', poa: 'Y' }), line('c', 'I10', { modifiers: [] , units: null, note: 'n' }), line('d', 'R69')], 'why');
    const d = diffVersions(from, to);
    expect(d.added.map((x) => x.code)).toEqual(['R69']);
    expect(d.removed.map((x) => x.code)).toEqual(['E11.9']);
    expect(d.changed).toEqual([
      { lineId: 'a', code: 'N39.0', field: 'poa', before: null, after: 'Y' },
      { lineId: 'c', code: 'I10', field: 'note', before: '', after: 'n' }
    ]);
    expect(d.resequenced).toEqual([]);
    expect(d.principal).toBeNull();
    expect(d.rationaleChanged).toBe(true);
  });

  it('a line moved up reads as that line resequenced, not every line it passed', () => {
    const ls = ['a', 'b', 'c', 'd', 'e'].map((x, i) => line(x, `R${10 + i}`));
    const to = [ls[4]!, ...ls.slice(0, 4)];
    const d = diffVersions(version('v1', ls), version('v2', to));
    expect(d.resequenced).toEqual([{ lineId: 'e', code: 'R14', from: 5, to: 1 }]);
  });

  it('reports a new principal diagnosis', () => {
    const from = version('v1', [line('a', 'N39.0', { role: 'principal' }), line('b', 'A41.9')]);
    const to = version('v2', [line('b', 'A41.9', { role: 'principal' }), line('a', 'N39.0')]);
    const d = diffVersions(from, to);
    expect(d.principal).toEqual({ before: 'N39.0', after: 'A41.9' });
    expect(d.changed.map((c) => [c.lineId, c.field])).toEqual([['b', 'role'], ['a', 'role']]);
  });
});
