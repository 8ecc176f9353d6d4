/**
 * Wraps a socket event handler: parses the payload with zod, and turns any thrown error into a
 * negative ack. The socket always stays up. Sessions and users are re-read for every open
 * socket by the batched sweep of ./session-check.ts (so a signed-out, disabled or demoted user
 * loses access on a long-lived socket even when the change happened on another node); should
 * that sweep fall behind, an overdue socket is refreshed here before its event runs.
 * An event sent without a payload (`emit('x', ack)`) still gets its ack: the function is taken
 * as the ack and the payload is missing, which the schema judges.
 */
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Ack, ApiError } from '../../src/lib/protocol/errors';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors';
import { parseInput } from '../http/validate';
import { RECHECK_MS, SWEEP_MS, refreshActor, type SocketData } from './session-check';

export { refreshActor, type SocketData };

/** Older than this, the sweep has fallen behind: the event waits for a fresh read. */
const OVERDUE_MS = RECHECK_MS + SWEEP_MS;

type Reply<T> = (r: Ack<T>) => void;

/** The ack of an event, wherever the client put it (last argument), or a no-op. */
export function splitArgs<T>(args: unknown[]): { payload: unknown; reply: Reply<T> } {
  const last = args[args.length - 1];
  if (typeof last === 'function') return { payload: args.length > 1 ? args[0] : undefined, reply: last as Reply<T> };
  return { payload: args[0], reply: () => {} };
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
      if (Date.now() - data.checkedAt > OVERDUE_MS && !(await refreshActor(ctx, socket))) {
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
