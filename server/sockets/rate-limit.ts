/**
 * Per-socket rate limits (sliding window, in memory: a socket lives on one node). Over the
 * limit, the event is refused with `rate_limited` and `details.retryAfterMs`; nothing is written.
 */
import type { Socket } from 'socket.io';
import { AppError } from '../errors';

const windows = new WeakMap<Socket, Map<string, number[]>>();

export function takeToken(socket: Socket, key: string, limit: number, windowMs: number, what: string): void {
  let perSocket = windows.get(socket);
  if (!perSocket) windows.set(socket, (perSocket = new Map()));
  const now = Date.now();
  const recent = (perSocket.get(key) ?? []).filter((t) => now - t < windowMs);
  if (recent.length >= limit) {
    const retryAfterMs = windowMs - (now - recent[0]!);
    perSocket.set(key, recent);
    throw new AppError('rate_limited', `Too many ${what}; wait ${Math.ceil(retryAfterMs / 1000)} s`, { retryAfterMs });
  }
  recent.push(now);
  perSocket.set(key, recent);
}
