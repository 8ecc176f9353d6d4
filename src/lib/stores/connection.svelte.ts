/**
 * The browser's connection to the server as the UI sees it, and the outbox of writes.
 *
 * Invariants:
 * - `state` is honest: `connected` only while the socket is connected and every room has been
 *   rejoined and caught up; `reconnecting` while Socket.IO retries; `offline` when the browser
 *   says it has no network or several attempts in a row failed.
 * - A write (`send`) resolves only with the server's definitive answer: an ok ack, or an error
 *   the user must act on. While offline, after a timeout or a dropped connection it stays in the
 *   outbox and is resent, in order, with the SAME payload (so the same clientId: the server
 *   stores it once) after the rooms are rejoined. Nothing is ever reported as sent before its
 *   acknowledgement.
 */
import { getSocket, call, type GraycaseSocket } from '$lib/socket/client';
import { api, ApiClientError } from '$lib/api/client';
import type { Ack } from '$lib/protocol/errors';
import type { ClientToServerEvents } from '$lib/protocol/events';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';
type Event = keyof ClientToServerEvents;
type PayloadOf<E extends Event> = Parameters<ClientToServerEvents[E]>[0];
type DataOf<E extends Event> = Parameters<ClientToServerEvents[E]>[1] extends (r: Ack<infer T>) => void ? T : never;

interface Queued { event: Event; payload: unknown; resolve: (a: Ack<unknown>) => void }

/** Errors that mean "not answered yet": the write stays queued. */
const TRANSIENT = new Set(['offline', 'timeout', 'not_joined', 'unavailable']);
const OFFLINE_AFTER_ATTEMPTS = 3;
/** Waits before asking again after the server refused a handshake (ms, the last one repeats). */
const REFUSED_RETRY_MS = [1000, 2000, 5000, 10_000, 15_000];

class Connection {
  state = $state<ConnectionState>('connecting');
  queued = $state(0);
  /** Why the last connection attempt failed (shown as the status's tooltip), '' once connected. */
  lastError = $state('');
  private socket: GraycaseSocket | null = null;
  private outbox: Queued[] = [];
  private flushing = false;
  private ready = false;
  private rejoiners = new Set<() => Promise<void>>();
  /** True while someone is signed in in this tab (the shell is mounted): the socket should be up. */
  private wanted = false;
  private refusals = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** What the shell does when the server no longer knows this tab's session (signed out elsewhere, expired). */
  private sessionEnded: (() => void) | null = null;

  /** The shared socket, wired up on first use. */
  get io(): GraycaseSocket {
    if (this.socket) return this.socket;
    const s = (this.socket = getSocket());
    s.on('connect', () => { this.refusals = 0; this.lastError = ''; void this.onConnect(); });
    s.on('connect_error', (err) => this.onConnectError(err));
    s.on('disconnect', (reason) => {
      this.ready = false;
      this.state = navigator.onLine ? 'reconnecting' : 'offline';
      // The server closed it (a session ended, a role changed): Socket.IO does not retry that by itself.
      if (reason === 'io server disconnect' && this.wanted) void this.checkSession(() => { if (this.wanted && !s.connected && !s.active) s.connect(); });
    });
    s.io.on('reconnect_attempt', (n) => { if (n >= OFFLINE_AFTER_ATTEMPTS && this.state !== 'connected') this.state = 'offline'; });
    window.addEventListener('offline', () => { if (this.state !== 'connected' || !s.connected) this.state = 'offline'; });
    window.addEventListener('online', () => { if (!s.connected) { this.state = 'reconnecting'; s.connect(); } });
    if (s.connected) void this.onConnect();
    return s;
  }

  /** After a sign-in in this tab: a socket the server closed (sign-out) connects again with the new cookie. */
  ensureConnected(): void {
    this.wanted = true;
    if (!this.io.connected && !this.io.active) this.io.connect();
  }

  /**
   * Socket.IO retries transport failures by itself, but not a handshake the server's middleware
   * refused (`active` is false then): one refused handshake (a session read that failed for a
   * moment, a handshake sent just before the sign-in's cookie existed) would leave the tab
   * offline for good. While signed in, ask again with a backoff. The refusal closed the
   * manager's transport (no socket of it is active), so the next attempt is a fresh HTTP
   * handshake that sends the current cookie.
   */
  private onConnectError(err: Error) {
    this.lastError = err.message;
    const s = this.socket;
    if (!s || s.active || !this.wanted || this.retryTimer) return;
    const wait = REFUSED_RETRY_MS[Math.min(this.refusals, REFUSED_RETRY_MS.length - 1)]!;
    this.refusals++;
    if (this.refusals >= OFFLINE_AFTER_ATTEMPTS) this.state = 'offline';
    else if (this.state === 'connected') this.state = 'reconnecting';
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.wanted && !s.connected && !s.active) s.connect();
    }, wait);
    if (err.message === 'unauthenticated') void this.checkSession();
  }

  /** Registers the shell's reaction to a session the server ended; returns the unregistering function. */
  whenSessionEnds(fn: () => void): () => void {
    this.sessionEnded = fn;
    return () => { if (this.sessionEnded === fn) this.sessionEnded = null; };
  }

  /**
   * A handshake refused as unauthenticated may be a race with a sign-in's cookie, or a session that ended: ask the
   * server. Ended, the tab stops asking (it retried every 15 s for good before) and the shell sends the user to sign in.
   */
  private async checkSession(stillSignedIn?: () => void) {
    try {
      await api.get('/api/auth/me');
      stillSignedIn?.();
    } catch (err) {
      // No answer (the network, the server restarting): not known to have ended, so the socket tries again.
      if (!(err instanceof ApiClientError) || err.status !== 401) return void stillSignedIn?.();
      if (!this.wanted) return;
      const ended = this.sessionEnded;
      this.signedOut();
      ended?.();
    }
  }

  /** Sign-out: drop what was queued for the previous user and close the socket. */
  signedOut(): void {
    for (const q of this.outbox.splice(0)) q.resolve({ ok: false, error: { code: 'unauthenticated', message: 'Signed out' } });
    this.queued = 0;
    this.ready = false;
    this.wanted = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.refusals = 0;
    this.socket?.disconnect();
    this.state = 'connecting';
  }

  /** Registers a room's rejoin + catch-up; it runs on every (re)connect before queued writes go out. */
  onReconnect(fn: () => Promise<void>): () => void {
    this.rejoiners.add(fn);
    return () => this.rejoiners.delete(fn);
  }

  private async onConnect() {
    this.state = 'reconnecting';
    await Promise.all([...this.rejoiners].map((fn) => fn().catch(() => undefined)));
    if (!this.socket?.connected) return;
    this.ready = true;
    this.state = 'connected';
    void this.flush();
  }

  /** A one-off request (reads, presence): no queueing. */
  request<E extends Event>(event: E, payload: PayloadOf<E>, timeoutMs?: number): Promise<Ack<DataOf<E>>> {
    return call(this.io, event, payload, timeoutMs);
  }

  /** A write: queued while offline and resent with the same payload until answered. */
  send<E extends Event>(event: E, payload: PayloadOf<E>): Promise<Ack<DataOf<E>>> {
    return new Promise((resolve) => {
      this.outbox.push({ event, payload, resolve: resolve as (a: Ack<unknown>) => void });
      this.queued = this.outbox.length;
      void this.flush();
    });
  }

  /** Sends the outbox in order, one at a time (the server numbers them in the order they arrive). */
  private async flush() {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.outbox.length > 0 && this.ready && this.socket?.connected) {
        const item = this.outbox[0]!;
        const ack = await call(this.io, item.event, item.payload as never);
        if (!ack.ok && TRANSIENT.has(ack.error.code)) {
          // Stays first. Disconnected: retried after the next rejoin; still connected (a slow
          // answer, a rejoin in flight): retried shortly, with the same clientId.
          if (!this.socket?.connected) break;
          await new Promise((r) => setTimeout(r, 1500));
          continue;
        }
        if (!ack.ok && ack.error.code === 'rate_limited') {
          const wait = Number((ack.error.details as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 1000);
          await new Promise((r) => setTimeout(r, Math.min(Math.max(wait, 200), 15_000)));
          continue;
        }
        this.outbox.shift();
        this.queued = this.outbox.length;
        item.resolve(ack);
      }
    } finally {
      this.flushing = false;
    }
  }
}

export const connection = new Connection();
