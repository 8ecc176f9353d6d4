/**
 * The browser's one Socket.IO connection: same origin, the session cookie, MessagePack on the
 * wire (the server uses the same parser; the default JSON parser cannot talk to it).
 * `call` sends an event and resolves with its Ack; a timeout or a dropped connection resolves
 * as `{ok:false, error:{code:'timeout'|'offline'}}` so callers keep their message queued and
 * resend it later with the same clientId (the server stores it once).
 */
import { io, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import type { Ack } from '$lib/protocol/errors';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/protocol/events';

export type GraycaseSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let shared: GraycaseSocket | null = null;

/** The shared connection (created on first use; reconnects by itself with backoff). */
export function getSocket(): GraycaseSocket {
  shared ??= io({ parser: msgpackParser, withCredentials: true, transports: ['websocket', 'polling'] });
  return shared;
}

/** Closes the shared connection (sign-out). */
export function closeSocket(): void {
  shared?.disconnect();
  shared = null;
}

type PayloadOf<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
type DataOf<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1] extends (r: Ack<infer T>) => void ? T : never;

/** Emits `event` and resolves with its acknowledgement (never rejects). */
export function call<E extends keyof ClientToServerEvents>(
  socket: GraycaseSocket, event: E, payload: PayloadOf<E>, timeoutMs = 10_000
): Promise<Ack<DataOf<E>>> {
  if (!socket.connected) return Promise.resolve({ ok: false, error: { code: 'offline', message: 'Not connected; will retry when the connection is back' } });
  return new Promise((resolve) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (socket.timeout(timeoutMs) as any).emit(event, payload, (err: Error | null, ack: Ack<DataOf<E>>) => {
      resolve(err ? { ok: false, error: { code: 'timeout', message: 'The server did not answer in time; will retry' } } : ack);
    });
  });
}
