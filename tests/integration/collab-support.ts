/**
 * Real Yjs clients for the collab tests: a signed-in socket.io-client (MessagePack, like the
 * browser), a Y.Doc and the app's own provider. Every client made here is destroyed by
 * `destroyClients()` (docs, awareness, sockets).
 */
import * as Y from 'yjs';
import { expect } from 'vitest';
import { openSocket, outcome, type TestSocket } from '../support/sockets';
import { signedIn, type Client } from '../support/http';
import { TEST_PASSWORD } from '../support/factories';
import { encounterInput } from '../support/encounters';
import { CollabProvider } from '../../src/lib/collab/provider';
import { readLines } from '../../src/lib/collab/shape';

export interface YClient { socket: TestSocket; doc: Y.Doc; provider: CollabProvider; cookie: string }
const made = new Set<YClient>();
const cookies = new Map<string, Promise<string>>();

/** One sign-in per user and server (sign-in is rate limited). */
export async function cookieFor(url: string, email: string): Promise<string> {
  const key = `${url} ${email}`;
  if (!cookies.has(key)) cookies.set(key, signedIn(url, email, TEST_PASSWORD).then((c) => c.cookie));
  return cookies.get(key)!;
}

export async function yClient(url: string, email: string, encounterId: string, opts: { cookie?: string; reconnection?: boolean } = {}): Promise<YClient> {
  const cookie = opts.cookie ?? (await cookieFor(url, email));
  const socket = openSocket(url, cookie, { reconnection: opts.reconnection ?? false });
  const r = await outcome(socket);
  if (!r.connected) throw new Error(`socket did not connect: ${r.error?.message}`);
  const doc = new Y.Doc();
  const provider = new CollabProvider(socket, encounterId, doc);
  const c = { socket, doc, provider, cookie };
  made.add(c);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync: ${provider.state.error}`)), 10_000);
    void provider.whenSynced.then(() => { clearTimeout(timer); resolve(); });
    const off = provider.subscribe((s) => { if (s.status === 'failed') { clearTimeout(timer); off(); reject(new Error(`no sync: ${s.error}`)); } });
  });
  return c;
}

export function destroyClient(c: YClient) {
  c.provider.destroy();
  c.doc.destroy();
  c.socket.disconnect();
  made.delete(c);
}
export function destroyClients() { for (const c of [...made]) destroyClient(c); }

export async function createEncounter(client: Client, over: Parameters<typeof encounterInput>[0] = {}): Promise<any> {
  const r = await client.post('/api/encounters', encounterInput(over));
  if (r.status !== 201) throw new Error(`create failed ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data;
}

export const snapshot = (doc: Y.Doc) => JSON.stringify({ lines: readLines(doc), rationale: doc.getText('rationale').toString() });

/** Waits until every client holds the same document and has no ack outstanding. */
export async function converged(clients: YClient[], timeout = 20_000): Promise<string> {
  await expect.poll(() => clients.every((c) => c.provider.inFlight === 0) && new Set(clients.map((c) => snapshot(c.doc))).size === 1, { timeout, interval: 50 }).toBe(true);
  return snapshot(clients[0]!.doc);
}

/** Raw emit with ack, for bad input. */
export async function raw(s: TestSocket, event: string, payload: unknown): Promise<any> {
  return (s.timeout(10_000) as any).emitWithAck(event, payload);
}
