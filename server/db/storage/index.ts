/**
 * The storage discipline. Every read-modify-write in Graycase goes through this module.
 *
 * Why: FerretDB 1.24 (the embedded database) does not make single-document updates atomic:
 * concurrent `$inc`, `$set` with a filter, findOneAndUpdate and upserts lose writes silently,
 * on SQLite and PostgreSQL alike. What it does hold, like MongoDB, is that an insert is never
 * lost and that a unique index refuses a second document with the same key, also under
 * concurrency and across processes. Everything here is built on that alone.
 *
 * Guarantee (MongoDB 6+ and FerretDB 1.24, any number of processes sharing one database):
 * - versioned documents (`versioned`): a change is applied to the state it was computed from
 *   as exactly one new revision, or refused with 409 after repeated collisions; never
 *   acknowledged and lost. A crash between the claim and the projection write is rolled
 *   forward by the next reader. Queries that read the collection directly (queues, lists) see
 *   the projection, which lags only in that crash case until the next read or sweep.
 * - sequence numbers (`sequences`): unique and increasing per scope, never duplicated,
 *   allocated in blocks (one insert per scope per tick under load).
 * - sequenced logs (`sequencedLog`): append-only entries numbered per scope by the entry's own
 *   insert; idempotent by _id; a reader that has 1..n and asks for "after n" misses nothing.
 * - slots (`slots`): at most `limit` callers per key get a slot, decided by unique inserts.
 * - plain inserts, deletes and whole-document inserts of new ids need nothing from here; a
 *   replaceOne or update of an existing document outside this module is a bug.
 *
 * Assumption: a database write lands or fails within ROUND_DEADLINE_MS (30 s, the driver's
 * socket timeout is 25 s), so claims may be swept CLAIM_TTL_MS (90 s) after they were made, once
 * their state has reached the projection. FerretDB scans a whole collection for every query, so
 * the claims collection is kept to the last minute or two of writes.
 * On MongoDB the same claims run (about 3 round trips per change); its atomic operators would be
 * cheaper, but one path that is tested on both is worth more than the difference here.
 */
import type { Collection, Db } from 'mongodb';
import type { Logger } from '../../log';
import { CLAIM_TTL_MS, createVersionedStore, revisionOf, type ClaimDoc, type Versioned, type VersionedStore } from './versioned';
import { createSequenceAllocator, type SequenceAllocator, type SequenceBlockDoc } from './sequences';
import { createSequencedLog, type SequencedEntry, type SequencedLog } from './sequenced-log';
import { createSlots, type SlotDoc, type Slots } from './slots';

export type { Change, ClaimDoc, Versioned, VersionedStore } from './versioned';
export type { SequenceAllocator, SequenceBlockDoc } from './sequences';
export type { Appended, SequencedEntry, SequencedLog } from './sequenced-log';
export type { SlotDoc, Slots } from './slots';
export { isDuplicateKey } from './errors';
export { revisionOf };

export interface Storage {
  versioned<T extends Versioned>(ns: string, collection: Collection<T>): VersionedStore<T>;
  sequencedLog<T extends SequencedEntry>(collection: Collection<T>, scopeField: keyof T & string): SequencedLog<T>;
  sequences: SequenceAllocator;
  slots: Slots;
  /** Housekeeping, safe to run on every node at once: old claims, old blocks, old slots. */
  sweep(slotsBefore: Date): Promise<void>;
}

export const STORAGE_COLLECTIONS = { claims: 'revision_claims', blocks: 'sequence_blocks', slots: 'rate_slots' } as const;

export async function ensureStorageIndexes(db: Db): Promise<void> {
  await Promise.all([
    db.collection<ClaimDoc>(STORAGE_COLLECTIONS.claims).createIndex({ at: 1 }, { name: 'at' }),
    db.collection<SequenceBlockDoc>(STORAGE_COLLECTIONS.blocks).createIndex({ scope: 1, start: 1 }, { name: 'scope_start', unique: true }),
    db.collection<SlotDoc>(STORAGE_COLLECTIONS.slots).createIndex({ key: 1 }, { name: 'key' })
  ]);
}

export function createStorage(db: Db, log: Pick<Logger, 'warn'>): Storage {
  const claims = db.collection<ClaimDoc>(STORAGE_COLLECTIONS.claims);
  const onBackgroundError = (err: unknown) => log.warn({ err }, 'storage: background write failed (the next read repairs it)');
  const stores = new Map<string, VersionedStore<Versioned>>();
  const sequences = createSequenceAllocator(db.collection<SequenceBlockDoc>(STORAGE_COLLECTIONS.blocks), onBackgroundError);
  const slots = createSlots(db.collection<SlotDoc>(STORAGE_COLLECTIONS.slots));

  async function sweepClaims(): Promise<void> {
    const old = await claims.find({ at: { $lt: new Date(Date.now() - CLAIM_TTL_MS) } }).toArray();
    // A claim that still holds its state may be ahead of its projection: catch it up first.
    for (const claim of old) {
      if (claim.state) await stores.get(claim.ns)?.repair(claim.state as Versioned);
    }
    if (old.length > 0) await claims.deleteMany({ _id: { $in: old.map((c) => c._id) } });
  }

  return {
    versioned<T extends Versioned>(ns: string, collection: Collection<T>) {
      if (stores.has(ns)) throw new Error(`storage: ${ns} is already registered`);
      const store = createVersionedStore<T>(ns, collection, claims, onBackgroundError);
      stores.set(ns, store as unknown as VersionedStore<Versioned>);
      return store;
    },
    sequencedLog: (collection, scopeField) => createSequencedLog(collection, scopeField, onBackgroundError),
    sequences,
    slots,
    async sweep(slotsBefore) {
      await sweepClaims();
      await sequences.sweep();
      await slots.sweep(slotsBefore);
    }
  };
}
