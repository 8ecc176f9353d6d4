/**
 * The storage module's own promises, against the real test database: roll-forward after a
 * writer died between its claim and its projection write, refusal after repeated collisions,
 * per-caller errors inside one grouped revision, idempotent appends, exact slot counts.
 * (The 409 after repeated collisions is reached only under contention; the cross-process
 * tests in storage-processes.test.ts exercise the collisions themselves.)
 */
import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStorage, ensureStorageIndexes, STORAGE_COLLECTIONS, type ClaimDoc, type Storage } from '../../server/db/storage';
import { CLAIM_TTL_MS, claimId } from '../../server/db/storage/versioned';

interface Counter { _id: string; value: number; revision?: number }

let client: MongoClient;
let db: Db;
let storage: Storage;
const warnings: unknown[] = [];

beforeAll(async () => {
  client = new MongoClient(inject('mongoUri'));
  await client.connect();
  db = client.db(`t_storage_${randomBytes(5).toString('hex')}`);
  await ensureStorageIndexes(db);
  storage = createStorage(db, { warn: (o: unknown) => warnings.push(o) });
});
afterAll(async () => { await db.dropDatabase().catch(() => {}); await client.close(); });

const inc = (cur: Counter | null) => ({ next: { _id: cur?._id ?? 'x', value: (cur?.value ?? 0) + 1 }, result: (cur?.value ?? 0) + 1 });

describe('versioned documents', () => {
  it('creates, then changes by revision, each caller getting its own result', async () => {
    const store = storage.versioned<Counter>('counters-a', db.collection('counters_a'));
    const results = await Promise.all(Array.from({ length: 25 }, () => store.update('k', inc)));
    expect(results.map((r) => r.result).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect((await db.collection<Counter>('counters_a').findOne({ _id: 'k' }))!.value).toBe(25);
  });

  it('rejects only the caller whose change throws, and applies the others of the same group', async () => {
    const store = storage.versioned<Counter>('counters-b', db.collection('counters_b'));
    await store.update('k', inc);
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => store.update('k', (cur) => {
      if (i === 3) throw new Error('not allowed');
      return inc(cur);
    })));
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
    expect((await store.load('k'))!.value).toBe(10);
  });

  it('rolls forward past a projection that a crashed writer left behind, and the sweep repairs it', async () => {
    const col = db.collection<Counter>('counters_c');
    const store = storage.versioned<Counter>('counters-c', col);
    await store.update('k', inc);
    await store.update('k', inc);
    // A writer claimed revision 3 and died before writing the projection.
    const claims = db.collection<ClaimDoc>(STORAGE_COLLECTIONS.claims);
    await claims.insertOne({ _id: claimId('counters-c', 'k', 3), ns: 'counters-c', key: 'k', rev: 3, at: new Date(Date.now() - CLAIM_TTL_MS - 1000), state: { _id: 'k', value: 42, revision: 3 } });
    expect((await col.findOne({ _id: 'k' }))!.value).toBe(2);
    expect((await store.load('k'))!.value).toBe(42);
    // A change builds on the rolled-forward state, never on the stale projection.
    expect((await store.update('k', inc)).result).toBe(43);
    await storage.sweep(new Date(0));
    expect(await claims.countDocuments({ key: 'k', ns: 'counters-c', rev: 3 })).toBe(0);
    expect((await col.findOne({ _id: 'k' }))!.value).toBe(43);
  });
});

describe('sequenced logs and slots', () => {
  it('stores a retried append once and answers it with the stored entry', async () => {
    const col = db.collection<{ _id: string; scope: string; seq: number; body: string }>('entries_a');
    await col.createIndex({ scope: 1, seq: 1 }, { unique: true });
    const log = storage.sequencedLog(col, 'scope');
    const first = await log.append('enc-1', { _id: 'author:client-1', body: 'hello' } as never);
    const again = await Promise.all([log.append('enc-1', { _id: 'author:client-1', body: 'hello' } as never), log.append('enc-1', { _id: 'author:client-2', body: 'next' } as never)]);
    expect(first.duplicate).toBe(false);
    expect(again[0]).toMatchObject({ duplicate: true, entry: { seq: first.entry.seq } });
    expect(again[1].entry.seq).toBe(first.entry.seq + 1);
    expect(await col.countDocuments({ scope: 'enc-1' })).toBe(2);
  });

  it('gives exactly `limit` of many concurrent callers a slot, and a released slot again', async () => {
    const got = await Promise.all(Array.from({ length: 60 }, () => storage.slots.take('key-a', 7, true)));
    expect(got.filter((n) => n !== null).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    await storage.slots.release('key-a', 4);
    expect(await storage.slots.take('key-a', 7, true)).toBe(4);
    expect(await storage.slots.take('key-a', 7, true)).toBeNull();
  });
});

describe('sequenced logs under large bursts', () => {
  it('numbers a burst larger than one insert chunk without gaps, beside a writer that collides', async () => {
    const col = db.collection<{ _id: string; scope: string; seq: number }>('entries_burst');
    await col.createIndex({ scope: 1, seq: 1 }, { unique: true });
    // Another writer (here: by hand) already holds seq 50 when a burst of 250 arrives.
    await col.insertOne({ _id: 'other', scope: 'burst', seq: 50 });
    const log = storage.sequencedLog(col, 'scope');
    const results = await Promise.all(Array.from({ length: 250 }, (_, i) => log.append('burst', { _id: `e${i}` } as never)));
    const seqs = results.map((r) => r.entry.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(250);
    const stored = new Map((await col.find({ scope: 'burst' }).toArray()).map((d) => [d._id, d.seq]));
    // Every entry is answered with the number it is stored under, and nothing else was stored:
    // numbers may be skipped after a collision, but never answered twice or stored unanswered.
    expect(stored.size).toBe(251);
    results.forEach((r, i) => expect(stored.get(`e${i}`)).toBe(r.entry.seq));
  });
});
