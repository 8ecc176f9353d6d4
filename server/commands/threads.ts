/**
 * Opening, resolving and reopening threads. A thread document is written once (insertOne on
 * a unique _id derived from the author's clientId, or from the flag for a flag's thread) and
 * never changed; its opening, resolution and reopening are timeline entries, so every client
 * sees them in the same order as the messages. A retried create finds the same _id and the
 * same `thread:<id>` entry: nothing is written twice. If a crash fell between the thread insert
 * and its entry, the retry (or the next "Start discussion" of a flag) writes the entry.
 */
import type { Actor, AppContext } from '../context';
import type { ThreadDoc } from '../db/collections';
import { AppError, conflict, notFound } from '../errors';
import { isDuplicateKey } from '../db/storage';
import { loadScope, type LoadedScope } from '../repositories/scopes';
import { findThread, rememberThread } from '../repositories/threads';
import { authorizeComment, authorizeResolve } from '../policies/threads';
import { checkAnchor } from './anchors';
import { appendToTimeline, derivedId, entryKey, type AppendResult } from './timeline';
import { appendMessage, prepareMessage, scopeOfThread, screenForPhi, type RoomAccess } from './messages';
import type { CreateThreadInput, ThreadAnchor } from '../../src/lib/protocol/threads';

function checkThreadAnchor(s: LoadedScope, anchor: ThreadAnchor): void {
  const target = s.encounter ?? s.post!;
  if (anchor.type === 'whole') return;
  if (anchor.type === 'flag') {
    if (!target.flags.some((f) => f.id === anchor.flagId)) throw new AppError('invalid_input', 'anchor.flagId: no such flag here', { field: 'anchor.flagId' });
    return;
  }
  if (anchor.type === 'code-line') return checkAnchor(target, anchor);
  checkAnchor(target, { ...anchor, type: 'text' });
}

export interface CreatedThread extends AppendResult { threadId: string; message: AppendResult | null }

/** clientId prefix of the resolution entries that follow a flag's resolution (flags.ts): the
 * flag's author is told "resolved your flag", not also "resolved your thread". */
export const FLAG_CHANGE_PREFIX = 'flag-change:';

const notJoined = () => new AppError('not_joined', 'Join this encounter or forum post first');

export async function createThread(ctx: AppContext, actor: Actor, input: CreateThreadInput, access?: RoomAccess): Promise<CreatedThread> {
  const s = await loadScope(ctx.db, actor, input.scope);
  authorizeComment(actor, s);
  if (access && !access.joined(s.room)) throw notJoined();
  checkThreadAnchor(s, input.anchor);
  // Everything is checked before anything is written: a refused first message leaves no thread.
  // A forum thread's title is read by the detector like its messages.
  if (input.title) await screenForPhi(ctx, actor, s, [input.title], input.message?.confirmedNotPhi);
  const prepared = input.message ? await prepareMessage(ctx, actor, s, input.message) : null;
  const id = input.anchor.type === 'flag' ? derivedId(`flag:${s.room}:${input.anchor.flagId}`) : derivedId(`thread:${entryKey(actor.userId, input.clientId)}`);
  const thread: ThreadDoc = {
    _id: id, orgId: actor.orgId, room: s.room,
    encounterId: s.encounter?._id ?? null, postId: s.post?._id ?? null,
    anchor: input.anchor, title: input.title || null,
    createdById: actor.userId, createdByName: actor.name, createdAt: new Date()
  };
  let stored = thread;
  try {
    await ctx.db.c.threads.insertOne(thread);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const existing = await ctx.db.c.threads.findOne({ _id: id });
    if (!existing || existing.room !== s.room) throw conflict('This clientId was already used for another thread');
    stored = existing;
  }
  rememberThread(ctx.db.c, stored);
  const opened = await appendToTimeline(ctx, {
    _id: `thread:${id}`, room: s.room, orgId: actor.orgId, kind: 'thread.opened', threadId: id, at: stored.createdAt,
    byId: stored.createdById, byName: stored.createdByName, anchor: stored.anchor, title: stored.title
  }, [], access?.socketId);
  if (opened.duplicate || stored !== thread) {
    await ctx.audit.record(actor, { action: 'threads.open', targetType: 'thread', targetId: id, details: { room: s.room } });
  } else {
    await ctx.audit.record(actor, { action: 'threads.create', targetType: 'thread', targetId: id, details: { room: s.room, anchor: input.anchor.type } });
  }
  const message = input.message && prepared ? await appendMessage(ctx, actor, stored, input.message, prepared, access?.socketId) : null;
  return { ...opened, duplicate: opened.duplicate || stored !== thread, threadId: id, message };
}

export async function setThreadResolved(ctx: AppContext, actor: Actor, threadId: string, clientId: string, resolved: boolean, access?: RoomAccess): Promise<AppendResult> {
  const thread = await findThread(ctx.db.c, actor.orgId, threadId);
  if (!thread) throw notFound('Thread');
  if (access && !access.joined(thread.room)) throw notJoined();
  const s = await loadScope(ctx.db, actor, scopeOfThread(thread));
  authorizeResolve(actor, s, thread);
  const result = await appendToTimeline(ctx, {
    _id: entryKey(actor.userId, clientId), room: thread.room, orgId: actor.orgId, kind: resolved ? 'thread.resolved' : 'thread.reopened',
    threadId, at: new Date(), byId: actor.userId, byName: actor.name
  }, [], access?.socketId);
  if (!result.duplicate) await ctx.audit.record(actor, { action: resolved ? 'threads.resolve' : 'threads.reopen', targetType: 'thread', targetId: threadId, details: { room: thread.room } });
  return result;
}
