/**
 * Messages: create, edit (a new entry; the fold keeps the earlier text), delete (a tombstone
 * entry) and reactions, all appended to the thread's room timeline (commands/timeline.ts:
 * stored before acknowledged or broadcast, idempotent by `<userId>:<clientId>`).
 *
 * The hot path (a plain message from a socket that has joined the room) is a cached thread
 * lookup and one batched insert: joining checked the policy, and the socket layer removes a
 * socket from the room the moment its access ends. Callers without a room membership
 * (`access` absent) get the full load-and-authorize. Mentions, references and forum rooms need
 * the scope document and load it.
 * Forum messages are read by the de-identification detector first; a possible identifier
 * refuses the message (`phi_suspected`, with the candidates) unless the author confirmed that
 * exact text is not one (audited).
 */
import type { Actor, AppContext } from '../context';
import type { ThreadDoc, TimelineDoc } from '../db/collections';
import { AppError, notFound } from '../errors';
import { detectPhiInText } from '../deid';
import { loadScope, type LoadedScope } from '../repositories/scopes';
import { findEntry, findThread } from '../repositories/threads';
import { findUsersByIds } from '../repositories/users';
import { authorizeComment, authorizeDelete, authorizeEdit, userMayView } from '../policies/threads';
import { permissionsFor } from '../policies/encounters';
import { checkAnchor } from './anchors';
import { appendToTimeline, entryKey, type AppendResult } from './timeline';
import type { CreateMessageInput, EditMessageInput, MessageRef, PhiCandidateDto, Reaction } from '../../src/lib/protocol/threads';

/**
 * What the socket layer knows: which rooms this socket has joined (policy checked at join), and
 * the socket's id (its ack carries the entry, so broadcasts of what it wrote skip it).
 */
export interface RoomAccess { joined(room: string): boolean; socketId?: string }

export const scopeOfThread = (t: ThreadDoc) =>
  t.postId ? { type: 'forum' as const, postId: t.postId } : { type: 'encounter' as const, encounterId: t.encounterId! };

const notJoined = () => new AppError('not_joined', 'Join this encounter or forum post first');

/** The thread, checked for the actor: by room membership when known, else by the policy. */
async function threadFor(ctx: AppContext, actor: Actor, threadId: string, access: RoomAccess | undefined, need: boolean): Promise<{ thread: ThreadDoc; scope: LoadedScope | null }> {
  const thread = await findThread(ctx.db.c, actor.orgId, threadId);
  if (!thread) throw notFound('Thread');
  if (access && !access.joined(thread.room)) throw notJoined();
  if (access && !need) return { thread, scope: null };
  const scope = await loadScope(ctx.db, actor, scopeOfThread(thread));
  authorizeComment(actor, scope);
  return { thread, scope };
}

function checkRefs(s: LoadedScope, refs: MessageRef[]): void {
  const target = s.encounter ?? s.post!;
  refs.forEach((r, i) => checkAnchor(target, r.type === 'quote' ? { ...r, type: 'text' } : r, `refs.${i}`));
}

/** Forum only: refuse text holding possible identifiers the author has not confirmed. */
export async function screenForPhi(ctx: AppContext, actor: Actor, s: LoadedScope, texts: string[], confirmed: string[] = []): Promise<void> {
  if (!s.post) return;
  const ok = new Set(confirmed);
  const found: PhiCandidateDto[] = [];
  const waived: { type: string; text: string }[] = [];
  for (const text of texts) {
    for (const c of detectPhiInText(text)) {
      if (ok.has(c.text)) waived.push({ type: c.type, text: c.text });
      else found.push({ type: c.type, text: c.text, start: c.start, end: c.end, reason: c.reason });
    }
  }
  if (found.length > 0) {
    throw new AppError('phi_suspected', `This message may hold an identifier: ${found.map((c) => c.text).join(', ')}. Remove it, or confirm it is not one.`, { candidates: found });
  }
  if (waived.length > 0) {
    await ctx.audit.record(actor, { action: 'forum.phi-confirmed', targetType: 'forum_post', targetId: s.post._id, details: { confirmed: waived } });
  }
}

async function checkMentions(ctx: AppContext, actor: Actor, s: LoadedScope, ids: string[]): Promise<{ id: string; name: string }[]> {
  const unique = [...new Set(ids)].filter((id) => id !== actor.userId);
  if (unique.length === 0) return [];
  const users = await findUsersByIds(ctx.db.c, actor.orgId, unique);
  if (users.length !== unique.length) throw new AppError('invalid_input', 'mentions: a user does not exist in your organisation', { field: 'mentions' });
  const refused = users.filter((u) => !userMayView(u, s));
  if (refused.length > 0) {
    const canShare = s.encounter ? permissionsFor(actor, s.encounter).share : false;
    throw new AppError('mention_not_permitted', `${refused.map((u) => u.name).join(', ')} may not view this encounter${canShare ? '; share it with them first' : ''}`, {
      users: refused.map((u) => ({ id: u._id, name: u.name })), canShare
    });
  }
  return users.map((u) => ({ id: u._id, name: u.name }));
}

export interface PreparedMessage { refs: MessageRef[]; mentions: { id: string; name: string }[] }
type MessageInput = Pick<CreateMessageInput, 'body' | 'refs' | 'mentions' | 'confirmedNotPhi'>;

/** Checks a message against its scope before anything is written: references, identifiers (forum), mentions. */
export async function prepareMessage(ctx: AppContext, actor: Actor, scope: LoadedScope, input: MessageInput): Promise<PreparedMessage> {
  const refs = input.refs ?? [];
  checkRefs(scope, refs);
  await screenForPhi(ctx, actor, scope, [input.body, ...refs.flatMap((r) => (r.type === 'quote' ? [r.quote] : []))], input.confirmedNotPhi);
  return { refs, mentions: await checkMentions(ctx, actor, scope, input.mentions ?? []) };
}

/** Appends a prepared message to its thread's room timeline. */
export function appendMessage(ctx: AppContext, actor: Actor, thread: Pick<ThreadDoc, '_id' | 'room'>, input: { clientId: string; body: string }, prepared: PreparedMessage, origin?: string): Promise<AppendResult> {
  return appendToTimeline(ctx, {
    _id: entryKey(actor.userId, input.clientId), room: thread.room, orgId: actor.orgId, kind: 'message.created', threadId: thread._id,
    at: new Date(), byId: actor.userId, byName: actor.name, body: input.body, refs: prepared.refs, mentions: prepared.mentions
  }, prepared.mentions.map((m) => m.id), origin);
}

export async function createMessage(ctx: AppContext, actor: Actor, input: CreateMessageInput, access?: RoomAccess): Promise<AppendResult> {
  const needScope = (input.mentions?.length ?? 0) > 0 || (input.refs?.length ?? 0) > 0;
  const found = await threadFor(ctx, actor, input.threadId, access, needScope);
  const { thread } = found;
  const scope = found.scope ?? (thread.postId ? await loadScope(ctx.db, actor, scopeOfThread(thread)) : null);
  // Without a loaded scope there are no references or mentions to check (needScope above).
  const prepared = scope ? await prepareMessage(ctx, actor, scope, input) : { refs: [], mentions: [] };
  return appendMessage(ctx, actor, thread, input, prepared, access?.socketId);
}

async function messageFor(ctx: AppContext, actor: Actor, messageId: string, access: RoomAccess | undefined): Promise<{ message: TimelineDoc; thread: ThreadDoc; scope: LoadedScope | null }> {
  const message = await findEntry(ctx.db.c, actor.orgId, messageId);
  if (!message || message.kind !== 'message.created') throw notFound('Message');
  const { thread, scope } = await threadFor(ctx, actor, message.threadId, access, false);
  return { message, thread, scope };
}

export async function editMessage(ctx: AppContext, actor: Actor, input: EditMessageInput, access?: RoomAccess): Promise<AppendResult> {
  const { message, thread } = await messageFor(ctx, actor, input.messageId, access);
  authorizeEdit(actor, message);
  const refs = input.refs ?? [];
  const scope = await loadScope(ctx.db, actor, scopeOfThread(thread));
  checkRefs(scope, refs);
  await screenForPhi(ctx, actor, scope, [input.body, ...refs.flatMap((r) => (r.type === 'quote' ? [r.quote] : []))], input.confirmedNotPhi);
  const result = await appendToTimeline(ctx, {
    _id: entryKey(actor.userId, input.clientId), room: thread.room, orgId: actor.orgId, kind: 'message.edited', threadId: thread._id,
    messageId: message._id, at: new Date(), byId: actor.userId, byName: actor.name, body: input.body, refs
  }, [], access?.socketId);
  if (!result.duplicate) await ctx.audit.record(actor, { action: 'messages.edit', targetType: 'message', targetId: message._id, details: { room: thread.room } });
  return result;
}

export async function deleteMessage(ctx: AppContext, actor: Actor, input: { messageId: string; clientId: string }, access?: RoomAccess): Promise<AppendResult> {
  const { message, thread } = await messageFor(ctx, actor, input.messageId, access);
  authorizeDelete(actor, message);
  const result = await appendToTimeline(ctx, {
    _id: entryKey(actor.userId, input.clientId), room: thread.room, orgId: actor.orgId, kind: 'message.deleted', threadId: thread._id,
    messageId: message._id, at: new Date(), byId: actor.userId, byName: actor.name
  }, [], access?.socketId);
  if (!result.duplicate) await ctx.audit.record(actor, { action: 'messages.delete', targetType: 'message', targetId: message._id, details: { room: thread.room, authorId: message.byId } });
  return result;
}

export async function setReaction(ctx: AppContext, actor: Actor, input: { messageId: string; clientId: string; reaction: Reaction; on: boolean }, access?: RoomAccess): Promise<AppendResult> {
  const { message, thread } = await messageFor(ctx, actor, input.messageId, access);
  return appendToTimeline(ctx, {
    _id: entryKey(actor.userId, input.clientId), room: thread.room, orgId: actor.orgId, kind: 'reaction.set', threadId: thread._id,
    messageId: message._id, at: new Date(), byId: actor.userId, byName: actor.name, reaction: input.reaction, on: input.on
  }, [], access?.socketId);
}
