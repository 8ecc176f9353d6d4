/**
 * Real socket.io-client connections for tests, speaking MessagePack like the browser, signed in
 * with a real session cookie. `call` resolves with the Ack (never rejects on a negative ack);
 * `next` waits for the next server event of a name that matches a predicate.
 */
import { io as connect, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import type { Ack } from '../../src/lib/protocol/errors';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/protocol/events';
import { signedIn } from './http';
import { TEST_PASSWORD } from './factories';
import type { AppContext } from '../../server/context';
import type { UserDoc } from '../../server/db/collections';
import { SESSION_COOKIE } from '../../server/auth/sessions';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const open = new Set<Socket>();

export interface ConnectOptions { reconnection?: boolean; autoConnect?: boolean }

/** A socket with the given cookie (or none); waits for connect unless autoConnect is false. */
export function openSocket(url: string, cookie?: string, opts: ConnectOptions = {}): TestSocket {
  const s = connect(url, {
    parser: msgpackParser, transports: ['websocket'], reconnection: opts.reconnection ?? false,
    reconnectionDelay: 50, reconnectionDelayMax: 200, autoConnect: opts.autoConnect ?? true, forceNew: true,
    extraHeaders: cookie ? { cookie } : {}
  }) as TestSocket;
  open.add(s);
  return s;
}

/** Resolves with whether the socket connected, or the handshake error. */
export function outcome(s: Socket): Promise<{ connected: boolean; error?: Error & { data?: unknown } }> {
  if (s.connected) return Promise.resolve({ connected: true });
  return new Promise((resolve) => {
    s.once('connect', () => resolve({ connected: true }));
    s.once('connect_error', (error) => resolve({ connected: false, error }));
  });
}

/** Signs in over REST and opens a connected socket with that session. */
export async function connectAs(url: string, email: string, opts: ConnectOptions = {}): Promise<{ socket: TestSocket; cookie: string }> {
  const client = await signedIn(url, email, TEST_PASSWORD);
  const socket = openSocket(url, client.cookie, opts);
  const r = await outcome(socket);
  if (!r.connected) throw new Error(`socket did not connect: ${r.error?.message}`);
  return { socket, cookie: client.cookie };
}

/**
 * A session cookie made directly in the session store: no password hashing and no sign-in
 * rate limit, so tests and benchmarks can open hundreds of authenticated sockets quickly.
 */
export async function sessionCookieFor(ctx: Pick<AppContext, 'sessions'>, user: Pick<UserDoc, '_id' | 'orgId'>): Promise<string> {
  const { token } = await ctx.sessions.create(user._id, user.orgId, '127.0.0.1');
  return `${SESSION_COOKIE}=${token}`;
}

/** A connected socket for this user (a fresh session each call, like another tab or device). */
export async function connectUser(server: { url: string; ctx: Pick<AppContext, 'sessions'> }, user: Pick<UserDoc, '_id' | 'orgId'>, opts: ConnectOptions = {}): Promise<TestSocket> {
  const socket = openSocket(server.url, await sessionCookieFor(server.ctx, user), opts);
  const r = await outcome(socket);
  if (!r.connected) throw new Error(`socket did not connect: ${r.error?.message}`);
  return socket;
}

type PayloadOf<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
type DataOf<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1] extends (r: Ack<infer T>) => void ? T : never;

/** Emits an event and resolves with its ack. `payload` is unknown on purpose: tests send bad ones. */
export async function call<E extends keyof ClientToServerEvents>(s: TestSocket, event: E, payload: PayloadOf<E> | unknown, timeoutMs = 10_000): Promise<Ack<DataOf<E>>> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (s.timeout(timeoutMs) as any).emitWithAck(event, payload);
}

/** The data of a positive ack, or a thrown error naming the negative one. */
export async function ok<E extends keyof ClientToServerEvents>(s: TestSocket, event: E, payload: PayloadOf<E>): Promise<DataOf<E>> {
  const r = await call(s, event, payload);
  if (!r.ok) throw new Error(`${event} refused: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** Every event of one name that this socket receives, from now on. */
export function collect<E extends keyof ServerToClientEvents>(s: TestSocket, event: E): Parameters<ServerToClientEvents[E]>[0][] {
  const got: Parameters<ServerToClientEvents[E]>[0][] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (s as any).on(event, (e: Parameters<ServerToClientEvents[E]>[0]) => got.push(e));
  return got;
}

/** The next event of this name that satisfies `match`. */
export function next<E extends keyof ServerToClientEvents>(
  s: TestSocket, event: E, match: (e: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true, timeoutMs = 10_000
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(`no ${event} within ${timeoutMs} ms`)); }, timeoutMs);
    const on = (e: Parameters<ServerToClientEvents[E]>[0]) => { if (match(e)) { off(); resolve(e); } };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const off = () => { clearTimeout(timer); (s as any).off(event, on); };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (s as any).on(event, on);
  });
}

/** Disconnects every socket opened here (afterAll). */
export function closeAllSockets(): void {
  for (const s of open) s.disconnect();
  open.clear();
}
