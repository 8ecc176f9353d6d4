/**
 * Presence per room (`encounter:<id>`, `forum:<postId>`), per user, across nodes.
 *
 * Invariants: a user is present while any of their sockets, on any node, is in the room; the
 * truth is the room itself (io.in(room).fetchSockets(), which the Redis adapter answers from
 * every node), so nothing is stored and nothing can drift. `presence.joined` is sent on every
 * join (clients treat it as idempotent); `presence.left` only after a check finds none of the
 * user's sockets left. A socket that drops (disconnect) is checked only after the grace period,
 * so a reconnect that rejoins in time shows no flicker; an explicit leave or a removal is
 * checked at once. Users lingering in their grace period on this node still appear in join
 * answers given here.
 */
import type { RemoteSocket, Server, Socket } from 'socket.io';
import type { SocketData } from './handle';
import { scopeOfRoom } from '../presenters/threads';
import type { PresenceDto } from '../../src/lib/protocol/presence';

export const DEFAULT_PRESENCE_GRACE_MS = 5_000;
export const isScopeRoom = (room: string) => room.startsWith('encounter:') || room.startsWith('forum:');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySocket = Socket | RemoteSocket<any, SocketData>;
const dataOf = (s: AnySocket) => s.data as SocketData;

export interface Presence {
  list(room: string): Promise<PresenceDto[]>;
  joined(socket: Socket, room: string): void;
  focused(socket: Socket, room: string, threadId: string | null): void;
  /** After the socket left the room (or is about to disconnect); graceful for drops. */
  left(userId: string, name: string, room: string, graceful: boolean): void;
  /** The user lost access: all their sockets are leaving, so they are gone without a check. */
  removed(userId: string, room: string): void;
  close(): void;
}

export function createPresence(io: Server, graceMs: number, onError: (err: unknown) => void): Presence {
  const lingering = new Map<string, Map<string, { name: string; timer: NodeJS.Timeout }>>();

  const stillThere = async (room: string, userId: string) =>
    (await io.in(room).fetchSockets()).some((s) => dataOf(s).actor?.userId === userId);

  const check = (room: string, userId: string) => {
    stillThere(room, userId)
      .then((there) => { if (!there) io.to(room).emit('presence.left', { scope: scopeOfRoom(room), userId }); })
      .catch(onError);
  };

  const stopLingering = (room: string, userId: string) => {
    const m = lingering.get(room);
    const l = m?.get(userId);
    if (!l) return;
    clearTimeout(l.timer);
    m!.delete(userId);
    if (m!.size === 0) lingering.delete(room);
  };

  return {
    async list(room) {
      const byUser = new Map<string, PresenceDto>();
      // Another node not answering (Redis down, a node dying) must not fail a join: this node's view then.
      const sockets = await io.in(room).fetchSockets().catch(() => io.local.in(room).fetchSockets());
      for (const s of sockets) {
        const { actor, focus } = dataOf(s);
        if (!actor) continue;
        const threadId = focus?.[room] ?? null;
        const seen = byUser.get(actor.userId);
        if (!seen || (!seen.threadId && threadId)) byUser.set(actor.userId, { userId: actor.userId, name: actor.name, threadId });
      }
      for (const [userId, l] of lingering.get(room) ?? []) {
        if (!byUser.has(userId)) byUser.set(userId, { userId, name: l.name, threadId: null });
      }
      return [...byUser.values()];
    },
    joined(socket, room) {
      const { actor, focus } = dataOf(socket);
      stopLingering(room, actor.userId);
      socket.to(room).emit('presence.joined', { scope: scopeOfRoom(room), user: { userId: actor.userId, name: actor.name, threadId: focus?.[room] ?? null } });
    },
    focused(socket, room, threadId) {
      const data = dataOf(socket);
      data.focus = { ...data.focus, [room]: threadId };
      socket.to(room).emit('presence.focus', { scope: scopeOfRoom(room), userId: data.actor.userId, threadId });
    },
    left(userId, name, room, graceful) {
      if (!graceful) return check(room, userId);
      stopLingering(room, userId);
      const timer = setTimeout(() => { stopLingering(room, userId); check(room, userId); }, graceMs);
      timer.unref();
      let m = lingering.get(room);
      if (!m) lingering.set(room, (m = new Map()));
      m.set(userId, { name, timer });
    },
    removed(userId, room) {
      stopLingering(room, userId);
      io.to(room).emit('presence.left', { scope: scopeOfRoom(room), userId });
    },
    close() {
      for (const m of lingering.values()) for (const l of m.values()) clearTimeout(l.timer);
      lingering.clear();
    }
  };
}
