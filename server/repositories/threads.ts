/**
 * Thread and timeline queries. Threads never change once written, so a process keeps the ones
 * it has read (point lookups by _id are the hot path of every message). Every function that
 * takes an orgId filters by it: another organisation's thread is "not found".
 */
import type { Collections, ThreadDoc, TimelineDoc } from '../db/collections';

const THREAD_CACHE_MAX = 20_000;
const cache = new WeakMap<Collections, Map<string, ThreadDoc>>();

function cacheOf(c: Collections): Map<string, ThreadDoc> {
  let m = cache.get(c);
  if (!m) cache.set(c, (m = new Map()));
  return m;
}

export function rememberThread(c: Collections, thread: ThreadDoc): void {
  const m = cacheOf(c);
  if (m.size >= THREAD_CACHE_MAX) m.delete(m.keys().next().value!);
  m.set(thread._id, thread);
}

export async function findThread(c: Collections, orgId: string, id: string): Promise<ThreadDoc | null> {
  let thread = cacheOf(c).get(id) ?? null;
  if (!thread) {
    thread = await c.threads.findOne({ _id: id });
    if (thread) rememberThread(c, thread);
  }
  return thread && thread.orgId === orgId ? thread : null;
}

/** Entries of a room after `afterSeq`, in order; one more than `limit` is read to know if more remain. */
export async function timelineAfter(c: Collections, room: string, afterSeq: number, limit: number): Promise<{ entries: TimelineDoc[]; hasMore: boolean }> {
  const docs = await c.timeline.find({ room, seq: { $gt: afterSeq } }).sort({ seq: 1 }).limit(limit + 1).toArray();
  return { entries: docs.slice(0, limit), hasMore: docs.length > limit };
}

export async function latestSeq(c: Collections, room: string): Promise<number> {
  const [last] = await c.timeline.find({ room }).sort({ seq: -1 }).limit(1).project<{ seq: number }>({ seq: 1 }).toArray();
  return last?.seq ?? 0;
}

// Long enough that a wave of joins (a reconnect storm, a team opening its cases) reads each room
// once: FerretDB's sorted read scans the whole timeline (seconds at 20 000 entries on a busy machine).
const LATEST_TTL_MS = 30_000;
const latestCache = new WeakMap<Collections, Map<string, { at: number; seq: Promise<number> }>>();

/**
 * latestSeq shared by the joins of one room within LATEST_TTL_MS (a reconnect storm after a
 * restart costs one scan per room, not one per client), kept current with this process's own
 * appends (noteAppended). Entries written by other nodes may be missing from it for up to
 * LATEST_TTL_MS: harmless, because a client pages catch-up until hasMore is false and never
 * stops at this number.
 */
/** Keeps a cached latest seq current with this process's own appends. */
export function noteAppended(c: Collections, room: string, seq: number): void {
  const hit = latestCache.get(c)?.get(room);
  if (hit) hit.seq = hit.seq.then((known) => Math.max(known, seq), () => seq);
}

export function recentLatestSeq(c: Collections, room: string): Promise<number> {
  let m = latestCache.get(c);
  if (!m) latestCache.set(c, (m = new Map()));
  const cache = m;
  const hit = cache.get(room);
  if (hit && Date.now() - hit.at < LATEST_TTL_MS) return hit.seq;
  const read = latestSeq(c, room);
  if (hit) {
    // Older than the TTL: answer with what is known and refresh behind it (joins never wait
    // for a scan once a room is known). The refresh never lowers the number.
    hit.at = Date.now();
    void read.then((n) => { hit.seq = hit.seq.then((known) => Math.max(known, n), () => n); }, () => {});
    return hit.seq;
  }
  cache.set(room, { at: Date.now(), seq: read });
  read.catch(() => cache.delete(room));
  if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
  return read;
}

/** One entry by its id (a message id is the id of its `message.created` entry), within a room of the org. */
export async function findEntry(c: Collections, orgId: string, id: string): Promise<TimelineDoc | null> {
  const doc = await c.timeline.findOne({ _id: id });
  return doc && doc.orgId === orgId ? doc : null;
}

/** Everyone who opened or wrote in each of these threads (one read for all of them). */
export async function threadsParticipants(c: Collections, threadIds: string[]): Promise<Map<string, Set<string>>> {
  const docs = await c.timeline.find({ threadId: { $in: threadIds }, kind: { $in: ['thread.opened', 'message.created'] } })
    .project<{ byId: string; threadId: string }>({ byId: 1, threadId: 1 }).toArray();
  const out = new Map<string, Set<string>>();
  for (const d of docs) {
    let set = out.get(d.threadId);
    if (!set) out.set(d.threadId, (set = new Set()));
    set.add(d.byId);
  }
  return out;
}
