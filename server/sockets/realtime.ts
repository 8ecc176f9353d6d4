/**
 * Threads, presence, typing and notifications over Socket.IO (protocol: src/lib/protocol/events.ts).
 *
 * Invariants: a socket reads or writes a scope's discussion only after `encounters.join` /
 * `forum.join` admitted it to the room (policy checked and audited as a view); everything else
 * is refused with `not_joined`. Handlers only parse, check membership and rate limits, and
 * call commands; commands write, then publish on ctx.bus, and broadcast.ts turns that into
 * room events, so an ack and a broadcast always follow the write. The writing socket gets its
 * entry in its ack and is left out of that entry's room broadcast (its other tabs are not).
 */
import type { Server, Socket } from 'socket.io';
import type { Actor, AppContext } from '../context';
import { AppError, notFound } from '../errors';
import { authorizeEncounter } from '../policies/encounters';
import { encounterForJoin } from './join-loads';
import { createThread, setThreadResolved } from '../commands/threads';
import { createMessage, deleteMessage, editMessage, setReaction, type RoomAccess } from '../commands/messages';
import { knownLatestSeq, setAudienceSource, type AppendResult } from '../commands/timeline';
import { listNotifications, markAllRead, markRead, setViewersSource } from '../commands/notifications';
import { loadScope } from '../repositories/scopes';
import { findThread, recentLatestSeq, timelineAfter } from '../repositories/threads';
import { listUsers } from '../repositories/users';
import { authorizeView, userMayView } from '../policies/threads';
import { presentEntry } from '../presenters/threads';
import {
  catchUpEncounterSchema, catchUpForumSchema, createMessageSchema, createThreadSchema, deleteMessageSchema, editMessageSchema,
  focusSchema, joinEncounterSchema, joinForumSchema, mentionCandidatesSchema, reactSchema, resolveThreadSchema, roomOf,
  THREAD_LIMITS, typingSchema, type Scope, type WriteResultDto
} from '../../src/lib/protocol/threads';
import { listNotificationsSchema, markAllReadSchema, markReadSchema } from '../../src/lib/protocol/notifications';
import type { JoinedDto } from '../../src/lib/protocol/events';
import { handle, type SocketData } from './handle';
import { createPresence, DEFAULT_PRESENCE_GRACE_MS, isScopeRoom, type Presence } from './presence';
import { subscribeBroadcasts } from './broadcast';
import { takeToken } from './rate-limit';
import type { SocketFeature } from './features';

const presences = new WeakMap<Server, Presence>();
/** The ack of a write: the stored entry as every client sees it (not the database document). */
const written = (r: AppendResult): WriteResultDto => ({ entry: r.entry, duplicate: r.duplicate });
const notJoined = () => new AppError('not_joined', 'Join this encounter or forum post first');

function registerHandlers(ctx: AppContext, socket: Socket, presence: Presence): void {
  const on = <S extends Parameters<typeof handle>[2], T>(event: string, schema: S, fn: (actor: Actor, input: import('zod').infer<S>) => Promise<T>) =>
    socket.on(event, handle(ctx, socket, schema, fn));
  const access: RoomAccess = { joined: (room) => socket.rooms.has(room), socketId: socket.id };
  const mustHaveJoined = (scope: Scope) => {
    const room = roomOf(scope);
    if (!socket.rooms.has(room)) throw notJoined();
    return room;
  };

  async function join(scope: Scope, encounterRevision: number | null): Promise<JoinedDto> {
    const room = roomOf(scope);
    await socket.join(room);
    presence.joined(socket, room);
    // The writer's own knowledge first: reading the newest seq is a scan of the whole timeline on FerretDB.
    const known = knownLatestSeq(ctx, room);
    const [seq, present] = await Promise.all([known ?? recentLatestSeq(ctx.db.c, room), presence.list(room)]);
    return { scope, latestSeq: seq, presence: present, encounterRevision };
  }
  async function leave(scope: Scope): Promise<Record<string, never>> {
    const room = roomOf(scope);
    if (socket.rooms.has(room)) {
      await socket.leave(room);
      const { actor } = socket.data as SocketData;
      presence.left(actor.userId, actor.name, room, false);
    }
    return {};
  }
  async function catchUp(scope: Scope, afterSeq: number, limit: number = THREAD_LIMITS.catchUpPage) {
    const page = await timelineAfter(ctx.db.c, mustHaveJoined(scope), afterSeq, limit);
    return { entries: page.entries.map(presentEntry), hasMore: page.hasMore };
  }

  on('encounters.join', joinEncounterSchema, async (actor, { encounterId }) => {
    // openEncounter's steps (authorize, audit the view), with the read shared by concurrent joins.
    const loaded = await encounterForJoin(ctx, encounterId);
    const enc = loaded && loaded.orgId === actor.orgId ? loaded : null;
    authorizeEncounter(actor, enc, 'view');
    await ctx.audit.record(actor, { action: 'encounters.view', targetType: 'encounter', targetId: encounterId });
    return join({ type: 'encounter', encounterId }, enc.revision ?? 0);
  });
  on('encounters.leave', joinEncounterSchema, async (_a, { encounterId }) => leave({ type: 'encounter', encounterId }));
  on('encounters.catchUp', catchUpEncounterSchema, async (_a, i) => catchUp({ type: 'encounter', encounterId: i.encounterId }, i.afterSeq, i.limit));
  on('forum.join', joinForumSchema, async (actor, { postId }) => {
    const s = await loadScope(ctx.db, actor, { type: 'forum', postId });
    await ctx.audit.record(actor, { action: 'forum.view', targetType: 'forum-post', targetId: postId, details: { via: 'threads' } });
    return join(s.scope, null);
  });
  on('forum.leave', joinForumSchema, async (_a, { postId }) => leave({ type: 'forum', postId }));
  on('forum.catchUp', catchUpForumSchema, async (_a, i) => catchUp({ type: 'forum', postId: i.postId }, i.afterSeq, i.limit));

  const writeLimit = () => takeToken(socket, 'write', THREAD_LIMITS.messagesPerWindow, THREAD_LIMITS.messageWindowMs, 'messages');
  on('threads.create', createThreadSchema, async (actor, input) => {
    mustHaveJoined(input.scope);
    writeLimit();
    const t = await createThread(ctx, actor, input, access);
    return { ...written(t), threadId: t.threadId, message: t.message && written(t.message) };
  });
  on('threads.resolve', resolveThreadSchema, async (actor, i) => { writeLimit(); return written(await setThreadResolved(ctx, actor, i.threadId, i.clientId, true, access)); });
  on('threads.reopen', resolveThreadSchema, async (actor, i) => { writeLimit(); return written(await setThreadResolved(ctx, actor, i.threadId, i.clientId, false, access)); });
  on('messages.create', createMessageSchema, async (actor, input) => { writeLimit(); return written(await createMessage(ctx, actor, input, access)); });
  on('messages.edit', editMessageSchema, async (actor, input) => { writeLimit(); return written(await editMessage(ctx, actor, input, access)); });
  on('messages.delete', deleteMessageSchema, async (actor, input) => { writeLimit(); return written(await deleteMessage(ctx, actor, input, access)); });
  on('reactions.set', reactSchema, async (actor, input) => { writeLimit(); return written(await setReaction(ctx, actor, input, access)); });

  on('typing.start', typingSchema, async (actor, { scope, threadId }) => {
    const room = mustHaveJoined(scope);
    takeToken(socket, 'typing', THREAD_LIMITS.typingPerWindow, THREAD_LIMITS.typingWindowMs, 'typing notices');
    const thread = await findThread(ctx.db.c, actor.orgId, threadId);
    if (!thread || thread.room !== room) throw notFound('Thread');
    socket.to(room).volatile.emit('typing.started', { scope, threadId, user: { id: actor.userId, name: actor.name } });
    return {};
  });
  on('presence.focus', focusSchema, async (actor, { scope, threadId }) => {
    const room = mustHaveJoined(scope);
    if (threadId) {
      const thread = await findThread(ctx.db.c, actor.orgId, threadId);
      if (!thread || thread.room !== room) throw notFound('Thread');
    }
    presence.focused(socket, room, threadId);
    return {};
  });
  on('mentions.candidates', mentionCandidatesSchema, async (actor, { scope, q }) => {
    const s = await loadScope(ctx.db, actor, scope);
    authorizeView(actor, s);
    const needle = q?.toLowerCase() ?? '';
    return (await listUsers(ctx.db.c, actor.orgId))
      .filter((u) => u._id !== actor.userId && userMayView(u, s) && u.name.toLowerCase().includes(needle))
      .slice(0, 20)
      .map((u) => ({ id: u._id, name: u.name, role: u.role }));
  });

  on('notifications.list', listNotificationsSchema, async (actor, input) => listNotifications(ctx, actor, input));
  on('notifications.read', markReadSchema, async (actor, { ids }) => markRead(ctx, actor, ids));
  on('notifications.readAll', markAllReadSchema, async (actor) => markAllRead(ctx, actor));

  // A dropped socket stays present for the grace period (a reconnect that rejoins shows no flicker).
  socket.on('disconnecting', () => {
    const { actor } = socket.data as SocketData;
    if (!actor) return;
    for (const room of socket.rooms) if (isScopeRoom(room)) presence.left(actor.userId, actor.name, room, true);
  });
}

export const realtimeFeature: SocketFeature = {
  name: 'realtime',
  setup(ctx, io) {
    const presence = createPresence(io, ctx.config.presenceGraceMs ?? DEFAULT_PRESENCE_GRACE_MS, (err) => ctx.log.warn({ err }, 'presence check failed'));
    presences.set(io, presence);
    setViewersSource(ctx, async (room) => new Set((await presence.list(room)).map((p) => p.userId)));
    // This node's sockets in a room: what one of its timeline entries costs to deliver here.
    setAudienceSource(ctx, (room) => io.sockets.adapter.rooms.get(room)?.size ?? 0);
    const unsubscribe = subscribeBroadcasts(ctx, io, presence);
    return () => { unsubscribe(); presence.close(); };
  },
  connection(ctx, io, socket) {
    registerHandlers(ctx, socket, presences.get(io)!);
  }
};
