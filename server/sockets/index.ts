/**
 * The Socket.IO server. Every handshake request (polling or WebSocket) passes the same origin
 * rule as REST's state-changing requests (http/origin.ts), then authenticates from the same
 * session cookie; a socket without a valid session is refused before any handler runs. Each
 * socket joins `user:<id>`, `org:<id>` and `session:<session id>` so that events reach exactly
 * the right people.
 * Invariants: an event nobody handles, or one without its payload, still gets a negative ack;
 * a user whose role or teams change (`user.role-changed` on ctx.events) has the actor of every
 * open socket on this node re-read at once and is told with `session.updated`.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import type { AppContext } from '../context';
import { actorFromRequest, sessionTokenOf } from '../http/authenticate';
import { checkOrigin } from '../http/origin';
import { createProtocolOf } from '../http/client-address';
import { handle, refreshActor, splitArgs, type SocketData } from './handle';

export const MAX_SOCKET_MESSAGE_BYTES = 4 * 1024 * 1024;

export function createIo(httpServer: HttpServer, ctx: AppContext): Server {
  const protocolOf = createProtocolOf(ctx.config.trustProxy);
  const io = new Server(httpServer, {
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    serveClient: false,
    allowRequest: (req, callback) => {
      const verdict = checkOrigin(req, ctx.config.allowedOrigins, protocolOf(req));
      callback(verdict.ok ? null : `Cross-origin socket refused: ${verdict.reason}`, verdict.ok);
    }
  });
  io.use(async (socket, next) => {
    try {
      const actor = await actorFromRequest(ctx, socket.request);
      if (!actor) return next(Object.assign(new Error('unauthenticated'), { data: { code: 'unauthenticated', message: 'Sign in first' } }));
      const data: SocketData = { actor, token: sessionTokenOf(socket.request)!, checkedAt: Date.now() };
      socket.data = data;
      next();
    } catch (err) {
      ctx.log.error({ err }, 'socket handshake failed');
      next(new Error('internal'));
    }
  });

  // A signed-out session, a disabled user, a changed password: their sockets close now.
  const endSession = (sessionId: string) => io.in(`session:${sessionId}`).disconnectSockets(true);
  const endUser = (userId: string, keep: string | null) =>
    (keep ? io.in(`user:${userId}`).except(`session:${keep}`) : io.in(`user:${userId}`)).disconnectSockets(true);
  // A changed role or team list: re-read the actor of each of the user's sockets and tell them.
  const userChanged = (userId: string) => {
    for (const socket of io.sockets.sockets.values()) {
      if ((socket.data as SocketData | undefined)?.actor?.userId !== userId) continue;
      refreshActor(ctx, socket)
        .then((alive) => {
          if (!alive) return void socket.disconnect(true);
          const { actor } = socket.data as SocketData;
          socket.emit('session.updated', { userId: actor.userId, role: actor.role, name: actor.name, teamIds: actor.teamIds });
        })
        .catch((err) => ctx.log.warn({ err, userId }, 'refreshing a socket actor failed'));
    }
  };
  ctx.events.on('session.ended', endSession);
  ctx.events.on('user.sessions-ended', endUser);
  ctx.events.on('user.role-changed', userChanged);
  httpServer.once('close', () => {
    ctx.events.off('session.ended', endSession);
    ctx.events.off('user.sessions-ended', endUser);
    ctx.events.off('user.role-changed', userChanged);
  });

  io.on('connection', (socket) => {
    const { actor, token } = socket.data as SocketData;
    socket.join([`user:${actor.userId}`, `org:${actor.orgId}`, `session:${ctx.sessions.idOf(token)}`]);
    socket.on('session.whoami', handle(ctx, socket, z.object({}).strict().optional(), async (a) => ({ userId: a.userId, role: a.role, name: a.name })));
    answerUnknownEvents(socket);
  });
  return io;
}

/** An event with no handler gets `{ok:false, error:{code:'not_found'}}` instead of silence. */
function answerUnknownEvents(socket: Socket): void {
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && socket.listeners(event).length > 0) return;
    const { reply } = splitArgs(args);
    reply({ ok: false, error: { code: 'not_found', message: `Unknown event ${typeof event === 'string' ? event.slice(0, 100) : String(event)}` } });
  });
}
