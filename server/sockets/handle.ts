/**
 * Wraps a socket event handler: parses the payload with zod, re-checks the session and re-reads
 * the user at most once a minute (so a signed-out, disabled or demoted user loses access on a
 * long-lived socket even when the change happened on another node), and turns any thrown
 * error into a negative ack. The socket always stays up.
 * An event sent without a payload (`emit('x', ack)`) still gets its ack: the function is taken
 * as the ack and the payload is missing, which the schema judges.
 */
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Ack, ApiError } from '../../src/lib/protocol/errors';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors';
import { parseInput } from '../http/validate';
import { actorFromRequest } from '../http/authenticate';

export interface SocketData {
  actor: Actor;
  token: string;
  checkedAt: number;
  /** Which thread this socket has open, per joined room (presence; read across nodes by fetchSockets). */
  focus?: Record<string, string | null>;
}

const RECHECK_MS = 60_000;

type Reply<T> = (r: Ack<T>) => void;

/** The ack of an event, wherever the client put it (last argument), or a no-op. */
export function splitArgs<T>(args: unknown[]): { payload: unknown; reply: Reply<T> } {
  const last = args[args.length - 1];
  if (typeof last === 'function') return { payload: args.length > 1 ? args[0] : undefined, reply: last as Reply<T> };
  return { payload: args[0], reply: () => {} };
}

/** Re-reads the session and the user; false when the socket must close. */
export async function refreshActor(ctx: AppContext, socket: Socket): Promise<boolean> {
  const data = socket.data as SocketData;
  const actor = await actorFromRequest(ctx, socket.request);
  if (!actor || actor.userId !== data.actor.userId) return false;
  data.actor = actor;
  data.checkedAt = Date.now();
  return true;
}

/** The ack error of an AppError: `field` where REST puts it, other details under `details`. */
export function errorOf(err: AppError): ApiError {
  const { field, ...rest } = (err.details ?? {}) as { field?: string } & Record<string, unknown>;
  return { code: err.code, message: err.message, ...(field ? { field } : {}), ...(Object.keys(rest).length > 0 ? { details: rest } : {}) };
}

export function handle<S extends z.ZodType, T>(
  ctx: AppContext,
  socket: Socket,
  schema: S,
  fn: (actor: Actor, input: z.infer<S>) => Promise<T>
) {
  return async (...args: unknown[]) => {
    const { payload, reply } = splitArgs<T>(args);
    try {
      const data = socket.data as SocketData;
      if (Date.now() - data.checkedAt > RECHECK_MS && !(await refreshActor(ctx, socket))) {
        reply({ ok: false, error: { code: 'unauthenticated', message: 'Your session has ended; sign in again' } });
        socket.disconnect(true);
        return;
      }
      const input = parseInput(schema, payload, 'payload');
      reply({ ok: true, data: await fn(data.actor, input) });
    } catch (err) {
      if (err instanceof AppError) reply({ ok: false, error: errorOf(err) });
      else {
        ctx.log.error({ err }, 'socket handler failed');
        reply({ ok: false, error: { code: 'internal', message: 'Something went wrong on our side; the error has been logged' } });
      }
    }
  };
}
