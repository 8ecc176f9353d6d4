/**
 * The writer of thread_timeline: server/db/storage/sequenced-log.ts's discipline, grouped
 * across rooms. Why: FerretDB/SQLite has one writer, so 20 rooms' separate insertMany calls in
 * one tick queue behind each other (measured here: 20 parallel one-document inserts ≈ 100-380
 * ms, one insert of 20 ≈ 5 ms). Everything queued within LINGER_MS of the oldest waiting
 * entry, or until the queue brings FULL_DELIVERIES deliveries (or while the previous insert ran),
 * for every room, goes out as ONE ordered insert, and each caller resolves only after it has landed.
 *
 * Invariants (the sequenced log's, unchanged):
 * - An entry's seq is claimed by its own insert under the unique (room, seq) index; within one
 *   batch a room's entries keep their arrival order and take consecutive numbers.
 * - An entry is written only at the newest number of its room + 1, or right after an entry of
 *   its room that this batch has just landed: because the insert is ordered, nothing after the
 *   first refused document is attempted, so no batch ever leaves a hole below a landed entry.
 *   Hence whenever entry n is visible, every entry below n that will ever exist is visible.
 * - _id is the idempotency key: a refused _id that exists resolves with the stored entry and
 *   `duplicate: true`; a refused seq (another process wrote it) re-reads that room's newest and
 *   the rest retry. Each caller resolves only after its own entry has landed.
 * - At most ORDERED_CHUNK documents per insert: FerretDB 1.24 runs a larger insert in chunks
 *   of 100 and, after a refused document, goes on with the next chunk (measured: a duplicate at
 *   index 50 of 150 reported index 50 yet landed 100-149), which would leave holes below
 *   landed entries. Up to 100, ordered inserts stop at the first refusal.
 */
import { WriteConcern, type Collection, type Db, type Document, type Filter } from 'mongodb';
import type { TimelineDoc } from '../db/collections';
import { conflict } from '../errors';
import { jitter } from '../db/storage/errors';
import { KeyedBatches } from '../db/storage/keyed-batches';

/**
 * How long a room's next number is trusted without a read. It is only a guess: a seq another
 * process took meanwhile is refused by the unique index and that room's newest is re-read
 * (entries are never deleted, so a remembered number is never above the true next one). Long,
 * because the read is a scan of the whole timeline on FerretDB (seconds at 20 000 entries), and
 * after a quiet minute every room's first message would wait for one.
 */
const KNOWN_MS = 10 * 60_000;

export interface Appended { entry: TimelineDoc; duplicate: boolean }
interface Job { entry: Omit<TimelineDoc, 'seq'>; resolve(v: Appended): void; reject(e: unknown): void }

export interface TimelineWriter {
  append(entry: Omit<TimelineDoc, 'seq'>): Promise<Appended>;
  /** The newest seq of a room as this writer last saw it (a hint; undefined when not known lately). */
  knownLatest(room: string): number | undefined;
}

const MAX_ATTEMPTS = 200;
export const ORDERED_CHUNK = 100;
/**
 * When an insert goes: as soon as its entries bring FULL_DELIVERIES deliveries (each entry
 * weighs 1 + the sockets of its room on this node), else when the oldest has waited LINGER_MS.
 * Why both: each insert costs this process about half a millisecond of CPU whatever it
 * carries (driver, BSON, the database socket, waking up for the answer; measured hot: 0.4-0.6 ms
 * for 6 entries), and FerretDB more. What that is worth depends on the audience: shared by 9
 * deliveries a message (200 clients in 20 rooms) it is most of Graycase's excess over a bare
 * relay, shared by 49 (1000 clients) it is noise, and there waiting only adds latency.
 * Measured on the threads bench (2 December 2026, quiet machine, Graycase / relay): a plain
 * 50 ms linger gave 1.63x the relay's Node CPU per delivery at 200 clients and 0.5 msg/s
 * (median of 3 rounds of 20 s) and, at 1000 clients, a delivery p99 of 77 ms against the
 * relay's 12 (6.7x). With the linger at 100 ms and a full insert at 200 deliveries: 1.47x and
 * 1.59x (two runs) at 200 clients; at 1000 clients p99 21 ms against 11 (1.91x), CPU 1.18x.
 * A quiet room's message waits at most LINGER_MS (a chat reply; typing notices are not
 * batched); a busy node's entries fill an insert in a few milliseconds. Under load the entries queued behind
 * a running insert are older than the linger or full already and go at once
 * (db/storage/keyed-batches.ts).
 */
export const LINGER_MS = 100;
export const FULL_DELIVERIES = 200;

/** How many sockets of this node are in a room now (0 when nobody said: then only the linger and the chunk size decide). */
export type AudienceOf = (room: string) => number;

/** The answer of one ordered insert: how many documents landed, and the write error it stopped at. */
interface Inserted { landed: number; error: { code?: number; errmsg?: string } | null }

/**
 * One ordered insert as the database's own `insert` command. Why not insertMany: the driver
 * runs that through its bulk-write machinery (operation lists, batch splitting, merging the
 * results into a BulkWriteResult, then an error to throw), a fifth of its CPU per insert here,
 * for what is one command and one round trip anyway. The answer says the same as insertMany's
 * error: an ordered insert stops at its first refused document, reported as the write error
 * with the lowest index; everything before it landed, nothing after it was attempted.
 */
async function insertOrdered(db: Db, collection: Collection<TimelineDoc>, docs: TimelineDoc[]): Promise<Inserted> {
  const command: Document = { insert: collection.collectionName, documents: docs, ordered: true };
  // A raw command does not inherit the write concern of the connection string, as insertMany does.
  if (collection.writeConcern) WriteConcern.apply(command, collection.writeConcern);
  const res = await db.command(command);
  if (res.writeConcernError) throw Object.assign(new Error(`timeline insert: ${res.writeConcernError.errmsg ?? 'write concern failed'}`), { writeConcernError: res.writeConcernError });
  const errors = (res.writeErrors ?? []) as { index: number; code?: number; errmsg?: string }[];
  if (errors.length === 0) return { landed: docs.length, error: null };
  const first = errors.reduce((a, b) => (b.index < a.index ? b : a));
  return { landed: first.index, error: first };
}

export function createTimelineWriter(db: Db, collection: Collection<TimelineDoc>, onBackgroundError: (err: unknown) => void, audienceOf: AudienceOf = () => 0): TimelineWriter {
  const nextOf = new Map<string, { next: number; at: number }>();

  const newest = async (room: string) => {
    const [last] = await collection.find({ room }).sort({ seq: -1 }).limit(1).project<{ seq: number }>({ seq: 1 }).toArray();
    return last?.seq ?? 0;
  };

  /** Each room's next number: from memory when known lately (no await then), else read. */
  function nextNumbers(rooms: Set<string>): Map<string, number> | Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const unknown: string[] = [];
    const now = Date.now();
    for (const room of rooms) {
      const cached = nextOf.get(room);
      if (cached && now - cached.at < KNOWN_MS) out.set(room, cached.next);
      else unknown.push(room);
    }
    if (unknown.length === 0) return out;
    return Promise.all(unknown.map(async (room) => { out.set(room, (await newest(room)) + 1); })).then(() => out);
  }

  async function write(jobs: Job[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += ORDERED_CHUNK) await writeChunk(jobs.slice(i, i + ORDERED_CHUNK));
  }

  async function writeChunk(jobs: Job[]): Promise<void> {
    let pending = jobs;
    const rooms = new Set<string>();
    for (const j of pending) rooms.add(j.entry.room);
    const known = nextNumbers(rooms);
    const next = known instanceof Map ? known : await known;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && pending.length > 0; attempt++) {
      const counters = new Map(next);
      const entries = pending.map((j) => {
        const seq = counters.get(j.entry.room)!;
        counters.set(j.entry.room, seq + 1);
        return { ...j.entry, seq } as TimelineDoc;
      });
      const landed = (n: number) => {
        for (let i = 0; i < n; i++) {
          pending[i]!.resolve({ entry: entries[i]!, duplicate: false });
          next.set(entries[i]!.room, entries[i]!.seq + 1);
        }
      };
      let answer: Inserted;
      try {
        answer = await insertOrdered(db, collection, entries);
      } catch (err) {
        pending.forEach((j) => j.reject(err));
        for (const room of new Set(pending.map((j) => j.entry.room))) nextOf.delete(room);
        return;
      }
      landed(answer.landed);
      if (!answer.error) {
        const at = Date.now();
        for (const [room, n] of next) nextOf.set(room, { next: n, at });
        return;
      }
      const refused = pending[answer.landed]!;
      if (answer.error.code !== 11000) {
        // Not a unique index: the landed ones are stored and answered, the rest fail with the database's reason.
        const err = Object.assign(new Error(`timeline insert refused: ${answer.error.errmsg ?? answer.error.code}`), { code: answer.error.code });
        pending.slice(answer.landed).forEach((j) => j.reject(err));
        for (const j of pending) nextOf.delete(j.entry.room);
        return;
      }
      const existing = await collection.findOne({ _id: refused.entry._id } as Filter<TimelineDoc>);
      if (existing) {
        refused.resolve({ entry: existing, duplicate: true });
        pending = pending.slice(answer.landed + 1);
      } else {
        next.set(refused.entry.room, (await newest(refused.entry.room)) + 1);
        pending = pending.slice(answer.landed);
        await jitter(attempt);
      }
    }
    for (const [room, n] of next) nextOf.set(room, { next: n, at: Date.now() });
    if (pending.length > 0) {
      const err = conflict('Could not append at the same moment as other writers; try again');
      pending.forEach((j) => j.reject(err));
      for (const j of pending) nextOf.delete(j.entry.room);
    }
  }

  // One key: every room's entries of a linger share one batch (and one runner at a time).
  const batches = new KeyedBatches<Job>((_key, jobs) => write(jobs), onBackgroundError, {
    lingerMs: LINGER_MS, maxJobs: ORDERED_CHUNK, weigh: (j) => 1 + audienceOf(j.entry.room), maxWeight: FULL_DELIVERIES
  });
  return {
    append(entry) {
      return new Promise<Appended>((resolve, reject) => batches.push('timeline', { entry, resolve, reject }));
    },
    knownLatest(room) {
      const known = nextOf.get(room);
      return known && Date.now() - known.at < KNOWN_MS ? known.next - 1 : undefined;
    }
  };
}
