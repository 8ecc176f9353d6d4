/**
 * The one place where domain events become Socket.IO broadcasts (and where access changes
 * remove sockets from rooms).
 *
 * Invariants: an event reaches this subscriber only after its write landed (commands publish
 * after writing), so nothing is broadcast that is not stored. Room payloads carry no
 * per-viewer data; permissions go to each socket alone. Through the Redis adapter, `io.to()`
 * and `fetchSockets()` span every node, so a change made on one node removes sockets and
 * updates pages on all of them. Re-checks use the policy (policies/encounters.ts) on the new
 * state: a socket that may no longer view leaves the room at once and is told why.
 */
import type { RemoteSocket, Server } from 'socket.io';
import type { AppContext } from '../context';
import type { EncounterDoc } from '../db/collections';
import type { DomainEvent, DomainEventOf } from '../events/bus';
import { permissionsFor } from '../policies/encounters';
import { actorOfUser } from '../policies/threads';
import { presentLiveEncounter, partsOf } from '../presenters/live-encounter';
import { unreadCount } from '../commands/notifications';
import { roomOf } from '../../src/lib/protocol/threads';
import type { LeftReason } from '../../src/lib/protocol/events';
import type { SocketData } from './handle';
import type { Presence } from './presence';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Remote = RemoteSocket<any, SocketData>;
const PEER_ROLE_CHANGED = 'graycase:user.role-changed';

export function subscribeBroadcasts(ctx: AppContext, io: Server, presence: Presence): () => void {
  const removeFrom = (s: Remote, room: string, encounterId: string, reason: LeftReason) => {
    s.leave(room);
    s.emit('encounters.left', { encounterId, reason });
    presence.removed(s.data.actor.userId, room);
  };

  async function recheckRoom(enc: EncounterDoc, reason: LeftReason): Promise<void> {
    const room = roomOf({ type: 'encounter', encounterId: enc._id });
    for (const s of (await io.in(room).fetchSockets()) as Remote[]) {
      const actor = s.data.actor;
      if (!actor) continue;
      const permissions = permissionsFor(actor, enc);
      if (!permissions.view) removeFrom(s, room, enc._id, reason);
      else s.emit('encounters.access', { encounterId: enc._id, permissions });
    }
  }

  async function encounterChanged(e: DomainEventOf<'encounter.changed'>): Promise<void> {
    const { before, after } = e;
    const room = roomOf({ type: 'encounter', encounterId: after._id });
    // Those who lost access leave first, so the new state never reaches them.
    const sharingChanged = String(before.sharedUserIds) !== String(after.sharedUserIds) || String(before.sharedTeamIds) !== String(after.sharedTeamIds);
    if (sharingChanged) await recheckRoom(after, 'access-revoked');
    io.to(room).emit('encounters.changed', {
      encounterId: after._id, parts: partsOf(e.fields, before, after), by: { id: e.actor.userId, name: e.actor.name },
      encounter: await presentLiveEncounter(ctx, after, e.actor)
    });
    if (before.forumPostId && before.forumPostId !== after.forumPostId) {
      const forumRoom = roomOf({ type: 'forum', postId: before.forumPostId });
      io.to(forumRoom).emit('forum.left', { postId: before.forumPostId, reason: 'unpublished' });
      io.in(forumRoom).socketsLeave(forumRoom);
    }
  }

  const encounterRoom = (encounterId: string) => roomOf({ type: 'encounter', encounterId });
  /** A session is seen only by its parties and admins: to the parties' user rooms and the admins in the encounter room. */
  async function doubleCodingChanged(e: DomainEventOf<'double-coding.changed'>): Promise<void> {
    const payload = { encounterId: e.encounterId, sessionId: e.sessionId, coderSubmitted: e.coderSubmitted, seniorSubmitted: e.seniorSubmitted, by: e.by };
    const admins = ((await io.in(encounterRoom(e.encounterId)).fetchSockets()) as Remote[])
      .filter((s) => s.data.actor?.role === 'admin' && s.data.actor.orgId === e.orgId && s.data.actor.userId !== e.coderId && s.data.actor.userId !== e.seniorId);
    io.to([`user:${e.coderId}`, `user:${e.seniorId}`]).emit('double-coding.changed', payload);
    for (const s of admins) s.emit('double-coding.changed', payload);
  }

  /** A role or team change: every socket of the user, on every node, re-checked with the new state. */
  async function userChanged(userId: string): Promise<void> {
    const user = await ctx.db.c.users.findOne({ _id: userId });
    if (!user) return;
    const actor = actorOfUser(user);
    const encounters = new Map<string, EncounterDoc | null>();
    for (const s of (await io.in(`user:${userId}`).fetchSockets()) as Remote[]) {
      for (const room of s.rooms) {
        if (!room.startsWith('encounter:')) continue;
        const id = room.slice('encounter:'.length);
        if (!encounters.has(id)) encounters.set(id, await ctx.db.stores.encounters.load(id));
        const enc = encounters.get(id);
        const permissions = enc ? permissionsFor(actor, enc) : null;
        if (!permissions?.view || user.disabled) removeFrom(s, room, id, 'role-changed');
        else s.emit('encounters.access', { encounterId: id, permissions });
      }
    }
  }

  const onEvent = async (e: DomainEvent) => {
    switch (e.type) {
      case 'timeline.appended': {
        // One room broadcast (encoded once); the writing socket has the entry in its ack.
        const room = io.to(roomOf(e.scope));
        (e.originSocketId ? room.except(e.originSocketId) : room).emit('timeline.appended', { scope: e.scope, entry: e.entry });
        return;
      }
      case 'encounter.changed':
        return encounterChanged(e);
      case 'notification.created':
        io.to(`user:${e.userId}`).emit('notifications.created', { notification: e.notification, unread: await unreadCount(ctx, e.userId) });
        return;
      case 'resolution.changed':
        io.to(encounterRoom(e.encounterId)).emit('resolutions.changed', { encounterId: e.encounterId, resolutionId: e.resolutionId, change: e.change, by: e.by });
        return;
      case 'review.changed':
        io.to(encounterRoom(e.encounterId)).emit('reviews.changed', { encounterId: e.encounterId, reviewId: e.reviewId, state: e.state, by: e.by });
        return;
      case 'double-coding.changed':
        return doubleCodingChanged(e);
      case 'notifications.read':
        io.to(`user:${e.userId}`).emit('notifications.read', { ids: e.ids, unread: await unreadCount(ctx, e.userId) });
        return;
    }
  };
  const unsubscribe = ctx.bus.subscribe(onEvent);

  const warn = (err: unknown) => ctx.log.warn({ err }, 'socket access re-check failed');
  // A role change announced by another node: every node re-reads the actor of its own sockets
  // (index.ts listens to ctx.events), so a join there cannot use the old role. The node where the
  // change happened has already re-checked the rooms of every node, so relayed ones skip that.
  let relayed = false;
  const scaledOut = Boolean(ctx.config.redisUrl);
  const fromPeer = (userId: unknown) => {
    if (typeof userId !== 'string') return;
    relayed = true;
    try { ctx.events.emit('user.role-changed', userId); } finally { relayed = false; }
  };
  if (scaledOut) io.on(PEER_ROLE_CHANGED, fromPeer);
  const onRoleChanged = (userId: string) => {
    if (relayed) return;
    if (scaledOut) io.serverSideEmit(PEER_ROLE_CHANGED, userId);
    void userChanged(userId).catch(warn);
  };
  // Told before the session's sockets are closed (listeners that close them run after this one).
  const onSessionEnded = (sessionId: string) => io.in(`session:${sessionId}`).emit('session.ended', { reason: 'signed-out' });
  const onUserSessionsEnded = (userId: string, keep: string | null) =>
    (keep ? io.in(`user:${userId}`).except(`session:${keep}`) : io.in(`user:${userId}`)).emit('session.ended', { reason: keep ? 'password-changed' : 'disabled' });
  ctx.events.on('user.role-changed', onRoleChanged);
  ctx.events.prependListener('session.ended', onSessionEnded);
  ctx.events.prependListener('user.sessions-ended', onUserSessionsEnded);
  return () => {
    unsubscribe();
    io.off(PEER_ROLE_CHANGED, fromPeer);
    ctx.events.off('user.role-changed', onRoleChanged);
    ctx.events.off('session.ended', onSessionEnded);
    ctx.events.off('user.sessions-ended', onUserSessionsEnded);
  };
}
