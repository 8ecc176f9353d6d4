/**
 * Appending to a room's timeline: the one writer of thread_timeline.
 *
 * Invariants (server/db/storage sequencedLog's, applied by ./timeline-writer.ts): an entry's seq
 * is claimed by its own insert (unique (room, seq)), appends of every room within the writer's linger (100 ms, or until they
 * bring 200 deliveries) are one ordered insert, and the promise resolves only after the batch has landed; so a caller acknowledges and publishes
 * only what is stored. The entry's _id is its idempotency key (`<userId>:<clientId>`): a
 * retry resolves with the stored entry and `duplicate: true` and publishes nothing new.
 * A duplicate key that belongs to another room, thread or kind is refused (a client reused
 * an id), so a retry can never leak or alter another entry.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../context';
import type { Database } from '../db/client';
import type { TimelineDoc } from '../db/collections';
import { createTimelineWriter, type AudienceOf, type TimelineWriter } from './timeline-writer';
import { conflict } from '../errors';
import { presentEntry, scopeOfRoom } from '../presenters/threads';
import { noteAppended } from '../repositories/threads';
import type { TimelineEntryDto } from '../../src/lib/protocol/threads';

const writers = new WeakMap<Database, TimelineWriter>();
const audiences = new WeakMap<AppContext, AudienceOf>();

/** The socket layer says how many of this node's sockets a room has (the writer fills an insert by deliveries). */
export function setAudienceSource(ctx: AppContext, audienceOf: AudienceOf): void {
  audiences.set(ctx, audienceOf);
}

function writerOf(ctx: AppContext): TimelineWriter {
  let w = writers.get(ctx.db);
  if (!w) {
    const audienceOf: AudienceOf = (room) => audiences.get(ctx)?.(room) ?? 0;
    writers.set(ctx.db, (w = createTimelineWriter(ctx.db.db, ctx.db.c.timeline, (err) => ctx.log.warn({ err }, 'timeline: background write failed'), audienceOf)));
  }
  return w;
}

/** A stable UUID-shaped id from a key (flag threads, idempotent notifications). */
export function derivedId(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const entryKey = (userId: string, clientId: string) => `${userId}:${clientId}`;

export interface AppendResult { entry: TimelineEntryDto; doc: TimelineDoc; duplicate: boolean }

/** A room's newest seq as this process's writer knows it (no read; a hint for joins), or undefined. */
export const knownLatestSeq = (ctx: AppContext, room: string): number | undefined => writers.get(ctx.db)?.knownLatest(room);

/** `originSocketId`: the socket that asked (it is answered with the entry; the broadcast skips it). */
export async function appendToTimeline(ctx: AppContext, entry: Omit<TimelineDoc, 'seq'>, mentionIds: string[] = [], originSocketId?: string): Promise<AppendResult> {
  const { entry: stored, duplicate } = await writerOf(ctx).append(entry);
  if (duplicate && (stored.room !== entry.room || stored.threadId !== entry.threadId || stored.kind !== entry.kind || stored.byId !== entry.byId)) {
    throw conflict('This clientId was already used for another change; make a new one for each action');
  }
  noteAppended(ctx.db.c, stored.room, stored.seq);
  const dto = presentEntry(stored);
  if (!duplicate) ctx.bus.publish({ type: 'timeline.appended', orgId: stored.orgId, scope: scopeOfRoom(stored.room), entry: dto, mentionIds, ...(originSocketId ? { originSocketId } : {}) });
  return { entry: dto, doc: stored, duplicate };
}
