/** Small pure helpers of the live code set: awareness decoding and cleaning, group commit grouping, wire lists. */
import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { decodeAwareness, encodeAwareness, sanitizeState } from '../../../server/collab/awareness';
import { groupByAuthor } from '../../../server/collab/writer';
import { bytesList } from '../../../src/lib/collab/wire';
import type { Actor } from '../../../server/context';

const actor: Actor = { userId: 'u1', orgId: 'o1', role: 'coder', name: 'Ada Coder', teamIds: [], address: '127.0.0.1' };

describe('awareness', () => {
  it('round-trips entries and refuses malformed bytes', () => {
    const entries = [{ clientId: 7, clock: 3, state: { lineId: 'a' } }, { clientId: 9, clock: 1, state: null }];
    expect(decodeAwareness(encodeAwareness(entries))).toEqual(entries);
    expect(decodeAwareness(new Uint8Array([1, 2, 3]))).toBeNull();
    const trailing = encodeAwareness(entries);
    expect(decodeAwareness(new Uint8Array([...trailing, 0]))).toBeNull();
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1); encoding.writeVarUint(e, 1); encoding.writeVarUint(e, 1); encoding.writeVarString(e, '[1,2]');
    expect(decodeAwareness(encoding.toUint8Array(e))).toBeNull(); // a state must be an object or null
  });

  it('replaces the user with the session and keeps only bounded editor fields', () => {
    const clean = sanitizeState({ user: { id: 'someone-else', name: 'Mallory' }, lineId: 'a', field: 'code', cursor: { anchor: 'x', head: 'y' }, editing: true, script: '<b>' }, actor);
    expect(clean).toEqual({ user: { id: 'u1', name: 'Ada Coder', color: expect.stringMatching(/^#[0-9a-f]{6}$/) }, lineId: 'a', field: 'code', cursor: { anchor: 'x', head: 'y' }, editing: true });
    expect(sanitizeState({ lineId: 'x'.repeat(65), cursor: { anchor: 1, head: 2 } }, actor)).toEqual({ user: expect.any(Object) });
    expect(sanitizeState(null, actor)).toBeNull();
  });
});

describe('groupByAuthor (one stored entry per author and round)', () => {
  it('groups in order of each author first update, keeping order within a group', () => {
    const j = (by: string, n: number) => ({ by: { id: by, name: by }, n });
    const groups = groupByAuthor([j('a', 1), j('b', 2), j('a', 3), j('c', 4), j('b', 5)]);
    expect(groups.map((g) => g.map((x) => x.n))).toEqual([[1, 3], [2, 5], [4]]);
  });
});

describe('bytesList', () => {
  it('reads Buffers, ArrayBuffers and typed arrays, skipping anything else', () => {
    const out = bytesList([Buffer.from([1]), new Uint8Array([2]).buffer, new Uint16Array([3]), 'x', null, new Uint8Array(0)]);
    expect(out.map((b) => [...b])).toEqual([[1], [2], [3, 0]]);
    expect(bytesList('nope')).toEqual([]);
  });
});
