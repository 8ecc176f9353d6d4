/**
 * Wraps a socket event handler: parses the payload with zod, re-checks the session at most
 * once a minute (so a signed-out or disabled user loses access on a long-lived socket), and
 * turns any thrown error into a negative ack. The socket always stays up.
 */
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Ack } from '../../src/lib/protocol/errors';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors';
import { parseInput } from '../http/validate';

export interface SocketData { actor: Actor; token: string; checkedAt: number }

const RECHECK_MS = 60_000;

export function handle<S extends z.ZodType, T>(
  ctx: AppContext,
  socket: Socket,
  schema: S,
  fn: (actor: Actor, input: z.infer<S>) => Promise<T>
) {
  return async (payload: unknown, ack?: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (r: Ack<T>) => void) : () => {};
    try {
      const data = socket.data as SocketData;
      if (Date.now() - data.checkedAt > RECHECK_MS) {
        if (!(await ctx.sessions.lookup(data.token))) {
          reply({ ok: false, error: { code: 'unauthenticated', message: 'Your session has ended; sign in again' } });
          socket.disconnect(true);
          return;
        }
        data.checkedAt = Date.now();
      }
      const input = parseInput(schema, payload, 'payload');
      reply({ ok: true, data: await fn(data.actor, input) });
    } catch (err) {
      if (err instanceof AppError) reply({ ok: false, error: { code: err.code, message: err.message } });
      else {
        ctx.log.error({ err }, 'socket handler failed');
        reply({ ok: false, error: { code: 'internal', message: 'Something went wrong on our side; the error has been logged' } });
      }
    }
  };
}
