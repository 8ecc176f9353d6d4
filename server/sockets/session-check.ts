/**
 * Who a socket is, read in batches: the handshake's session + user, and the periodic re-check
 * of every open socket.
 *
 * Why batches: FerretDB/SQLite scans the whole collection for any query, so one read for 1000
 * sockets costs about what one read for one socket does. Handshakes that arrive together share
 * one read of `sessions` and one of `users`; the re-check is one sweep per SWEEP_MS that reads,
 * in one pair of queries, every socket of this node whose last check is older than
 * RECHECK_MS - SWEEP_MS (instead of each socket reading its own session and user once a minute
 * from inside its next event).
 *
 * Invariants:
 * - The rules are REST's (http/authenticate.ts + auth/sessions.ts): the session exists and has
 *   not expired, the user exists in the session's organisation and is not disabled. Otherwise
 *   the actor is null: the handshake is refused, an open socket is disconnected.
 * - Every open socket is re-checked at least every RECHECK_MS + SWEEP_MS (even when idle), so a
 *   session ended or a user disabled on another node loses its sockets here within that time;
 *   changes made on this node close sockets at once (index.ts listens to ctx.events).
 * - A re-check replaces the socket's actor (role, teams, name) with the fresh one; a failed read
 *   keeps the old actor and leaves the socket due, so it is retried on the next sweep (and
 *   `handle` refreshes a socket that is overdue before running its event).
 */
import type { IncomingMessage } from 'node:http';
import type { Server, Socket } from 'socket.io';
import type { Actor, AppContext } from '../context';
import { sessionTokenOf } from '../http/authenticate';
import { KeyedBatches } from '../db/storage/keyed-batches';

export const RECHECK_MS = 60_000;
/** A quarter of the re-check period: each sweep reads about a quarter of the sockets. */
export const SWEEP_MS = RECHECK_MS / 4;

interface Job { token: string | undefined; req: IncomingMessage; resolve(a: Actor | null): void; reject(e: unknown): void }

const batchers = new WeakMap<AppContext, KeyedBatches<Job>>();

async function readActors(ctx: AppContext, jobs: Job[]): Promise<void> {
  try {
    const idOf = new Map<Job, string>();
    for (const j of jobs) if (j.token) idOf.set(j, ctx.sessions.idOf(j.token));
    const ids = [...new Set(idOf.values())];
    const sessions = ids.length === 0 ? [] : await ctx.db.c.sessions.find({ _id: { $in: ids } }).toArray();
    const now = Date.now();
    const live = new Map(sessions.filter((s) => s.expiresAt.getTime() > now).map((s) => [s._id, s]));
    const userIds = [...new Set([...live.values()].map((s) => s.userId))];
    const users = userIds.length === 0 ? [] : await ctx.db.c.users.find({ _id: { $in: userIds } }).toArray();
    const byId = new Map(users.map((u) => [u._id, u]));
    for (const j of jobs) {
      const id = idOf.get(j);
      const session = id ? live.get(id) : undefined;
      const user = session ? byId.get(session.userId) : undefined;
      if (!session || !user || user.orgId !== session.orgId || user.disabled) { j.resolve(null); continue; }
      j.resolve({ userId: user._id, orgId: user.orgId, role: user.role, name: user.name, teamIds: user.teamIds, address: ctx.addressOf(j.req) });
    }
  } catch (err) {
    for (const j of jobs) j.reject(err);
  }
}

/** The actor of a socket request (its session cookie), read together with every other one asked for now. */
export function actorOfSocketRequest(ctx: AppContext, req: IncomingMessage): Promise<Actor | null> {
  let b = batchers.get(ctx);
  if (!b) batchers.set(ctx, (b = new KeyedBatches<Job>((_k, jobs) => readActors(ctx, jobs), (err) => ctx.log.warn({ err }, 'socket session read failed'))));
  const batches = b;
  return new Promise((resolve, reject) => batches.push('actors', { token: sessionTokenOf(req), req, resolve, reject }));
}

export interface SocketData {
  actor: Actor;
  token: string;
  checkedAt: number;
  /** Which thread this socket has open, per joined room (presence; read across nodes by fetchSockets). */
  focus?: Record<string, string | null>;
}

/** Re-reads the session and the user of one socket (batched with any others now); false when it must close. */
export async function refreshActor(ctx: AppContext, socket: Socket): Promise<boolean> {
  const data = socket.data as SocketData;
  const actor = await actorOfSocketRequest(ctx, socket.request);
  if (!actor || actor.userId !== data.actor.userId) return false;
  data.actor = actor;
  data.checkedAt = Date.now();
  return true;
}

/** Starts the periodic re-check of this node's sockets; returns the stop function. */
export function startSessionSweep(ctx: AppContext, io: Server, recheckMs = RECHECK_MS): () => void {
  const sweepMs = recheckMs / 4;
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const dueBefore = Date.now() - (recheckMs - sweepMs);
      const due = [...io.sockets.sockets.values()].filter((s) => {
        const data = s.data as SocketData | undefined;
        return data?.actor && data.checkedAt < dueBefore;
      });
      await Promise.all(due.map((s) => refreshActor(ctx, s).then(
        (alive) => { if (!alive) s.disconnect(true); },
        (err) => ctx.log.warn({ err }, 'socket session re-check failed')
      )));
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), sweepMs);
  timer.unref();
  return () => clearInterval(timer);
}
