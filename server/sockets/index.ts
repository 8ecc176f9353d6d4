/**
 * The Socket.IO server. The handshake authenticates from the same session cookie as REST;
 * a socket without a valid session is refused before any handler runs. Each socket joins
 * `user:<id>` and `org:<id>` so that events reach exactly the right people.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { z } from 'zod';
import type { AppContext } from '../context';
import { actorFromRequest, sessionTokenOf } from '../http/authenticate';
import { handle, type SocketData } from './handle';

export const MAX_SOCKET_MESSAGE_BYTES = 4 * 1024 * 1024;

export function createIo(httpServer: HttpServer, ctx: AppContext): Server {
  const io = new Server(httpServer, { maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES, serveClient: false });
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
  ctx.events.on('session.ended', endSession);
  ctx.events.on('user.sessions-ended', endUser);
  httpServer.once('close', () => {
    ctx.events.off('session.ended', endSession);
    ctx.events.off('user.sessions-ended', endUser);
  });

  io.on('connection', (socket) => {
    const { actor, token } = socket.data as SocketData;
    socket.join([`user:${actor.userId}`, `org:${actor.orgId}`, `session:${ctx.sessions.idOf(token)}`]);
    socket.on('session.whoami', handle(ctx, socket, z.object({}).strict().optional(), async (a) => ({ userId: a.userId, role: a.role, name: a.name })));
  });
  return io;
}
