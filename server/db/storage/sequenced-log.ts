/**
 * Append-only logs whose entries carry a per-scope sequence number (an encounter's events):
 * the entry itself is the claim on its number. The collection has a unique index on
 * (scope field, seq), and the writer appends at newest + 1; of two writers that want one number
 * exactly one insert lands, the other re-reads the newest and tries after it.
 *
 * Because an entry is only written at newest + 1 (or after an entry this process just wrote),
 * whenever entry n is visible every entry below n that will ever exist is visible too: a reader
 * that has everything up to n and asks for "after n" misses nothing, on any server. Numbers
 * are only skipped when a write fails, never reused.
 *
 * The _id of an entry is the caller's idempotency key (for example author and client id): a
 * retried append whose _id already exists resolves with the stored entry and `duplicate: true`.
 * Appends to one scope in one tick go out as one ordered insertMany and resolve after it lands.
 */
import type { Collection, Document, Filter, OptionalUnlessRequiredId } from 'mongodb';
import { conflict } from '../../errors';
import { insertedBefore, isDuplicateKey, jitter } from './errors';
import { KeyedBatches } from './keyed-batches';
import { CACHE_MS } from './sequences';

/** The most documents one ordered insertMany may carry (see write()). */
export const MAX_ORDERED_INSERT = 100;

export interface SequencedEntry extends Document { _id: string; seq: number }
export interface Appended<T> { entry: T; duplicate: boolean }

interface Job<T> { entry: Omit<T, 'seq'>; resolve(v: Appended<T>): void; reject(e: unknown): void }

export interface SequencedLog<T extends SequencedEntry> {
  append(scope: string, entry: Omit<T, 'seq'>): Promise<Appended<T>>;
}

export function createSequencedLog<T extends SequencedEntry>(
  collection: Collection<T>,
  scopeField: keyof T & string,
  onBackgroundError: (err: unknown) => void
): SequencedLog<T> {
  const nextOf = new Map<string, { next: number; at: number }>();

  const newest = async (scope: string) => {
    const [last] = await collection.find({ [scopeField]: scope } as Filter<T>).sort({ seq: -1 }).limit(1).toArray();
    return (last?.seq as number | undefined) ?? 0;
  };

  async function write(scope: string, jobs: Job<T>[]): Promise<void> {
    const cached = nextOf.get(scope);
    let next = cached && Date.now() - cached.at < CACHE_MS ? cached.next : (await newest(scope)) + 1;
    let pending = jobs;
    let collisions = 0;
    while (pending.length > 0 && collisions < 200) {
      // FerretDB 1.24 inserts in chunks of 100 and goes on past a refused document in the next
      // chunk, which would leave a gap below stored entries: never send more than one chunk.
      const batch = pending.slice(0, MAX_ORDERED_INSERT);
      const entries = batch.map((j, i) => ({ ...j.entry, [scopeField]: scope, seq: next + i }) as unknown as T);
      try {
        await collection.insertMany(entries as OptionalUnlessRequiredId<T>[], { ordered: true });
        batch.forEach((j, i) => j.resolve({ entry: entries[i]!, duplicate: false }));
        next += entries.length;
        nextOf.set(scope, { next, at: Date.now() });
        pending = pending.slice(batch.length);
        continue;
      } catch (err) {
        if (!isDuplicateKey(err)) { nextOf.delete(scope); pending.forEach((j) => j.reject(err)); return; }
        collisions++;
        const landed = insertedBefore(err);
        batch.slice(0, landed).forEach((j, i) => j.resolve({ entry: entries[i]!, duplicate: false }));
        const refused = pending[landed]!;
        const existing = await collection.findOne({ _id: refused.entry._id } as Filter<T>);
        if (existing) {
          refused.resolve({ entry: existing as T, duplicate: true });
          next += landed;
          pending = pending.slice(landed + 1);
        } else {
          next = (await newest(scope)) + 1;
          pending = pending.slice(landed);
          await jitter(collisions);
        }
      }
    }
    if (pending.length === 0) return;
    const err = conflict('Could not append at the same moment as other writers; try again');
    pending.forEach((j) => j.reject(err));
    nextOf.delete(scope);
  }

  const batches = new KeyedBatches<Job<T>>(write, onBackgroundError);
  return {
    append(scope, entry) {
      return new Promise<Appended<T>>((resolve, reject) => batches.push(scope, { entry, resolve, reject }));
    }
  };
}
