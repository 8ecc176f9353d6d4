/**
 * Two servers on one database writing into the same rooms at once (no Redis: each only knows
 * its own sockets): every acknowledged message gets its own number, the numbers have no gaps,
 * catch-up on either server gives the same list, and a message retried on both servers at once
 * is stored once.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, type TestOrg } from '../support/factories';
import { call, closeAllSockets, connectUser, ok, type TestSocket } from '../support/sockets';
import { sharedEncounter, uuid } from '../support/threads';
import type { TimelineEntryDto } from '../../src/lib/protocol/threads';

let a: TestServer;
let b: TestServer;
let org: TestOrg;

beforeAll(async () => {
  const shared = { dbName: `t_conc_${randomBytes(4).toString('hex')}`, sessionSecret: randomBytes(32).toString('hex') };
  a = await startTestServer(shared, { keepDatabase: true });
  b = await startTestServer(shared);
  org = await createOrg(a.ctx.db.c);
});
afterAll(async () => {
  closeAllSockets();
  await a.close();
  await b.close();
});

async function all(s: TestSocket, encounterId: string): Promise<TimelineEntryDto[]> {
  const out: TimelineEntryDto[] = [];
  for (let after = 0; ;) {
    const page = await ok(s, 'encounters.catchUp', { encounterId, afterSeq: after });
    out.push(...page.entries);
    if (!page.hasMore) return out;
    after = page.entries.at(-1)!.seq;
  }
}

describe('concurrent writers on two servers', () => {
  it('number every message once, without gaps, in several rooms at once', async () => {
    const encs = await Promise.all([0, 1, 2].map(() => sharedEncounter(a, org.coder, [org.senior])));
    const sockets: { s: TestSocket; threadId: string; encounterId: string }[] = [];
    for (const enc of encs) {
      const first = await connectUser(a, org.coder);
      await ok(first, 'encounters.join', { encounterId: enc.id });
      const { threadId } = await ok(first, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' } });
      sockets.push({ s: first, threadId, encounterId: enc.id });
      for (const server of [a, b, b]) {
        const s = await connectUser(server, org.senior);
        await ok(s, 'encounters.join', { encounterId: enc.id });
        sockets.push({ s, threadId, encounterId: enc.id });
      }
    }
    const acks = await Promise.all(sockets.flatMap(({ s, threadId }) =>
      Array.from({ length: 20 }, (_, i) => ok(s, 'messages.create', { threadId, clientId: uuid(), body: `n ${i}` }))));
    expect(acks.every((x) => !x.duplicate)).toBe(true);
    for (const enc of encs) {
      const mine = acks.filter((x) => sockets.find((k) => k.threadId === x.entry.threadId)!.encounterId === enc.id);
      expect(new Set(mine.map((x) => x.entry.seq)).size).toBe(80);
      const viaA = await all(sockets.find((k) => k.encounterId === enc.id)!.s, enc.id);
      const viaB = await all(sockets.filter((k) => k.encounterId === enc.id)[2]!.s, enc.id);
      expect(viaB).toEqual(viaA);
      expect(viaA.map((e) => e.seq)).toEqual(viaA.map((_, i) => i + 1)); // thread.opened + 80 messages, no gaps
      expect(viaA).toHaveLength(81);
    }
  });

  it('store a message retried on both servers at once only once', async () => {
    const enc = await sharedEncounter(a, org.coder, [org.senior]);
    const onA = await connectUser(a, org.coder);
    const onB = await connectUser(b, org.coder);
    for (const s of [onA, onB]) await ok(s, 'encounters.join', { encounterId: enc.id });
    const { threadId } = await ok(onA, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' } });
    const payloads = Array.from({ length: 10 }, (_, i) => ({ threadId, clientId: uuid(), body: `twice ${i}` }));
    const results = await Promise.all(payloads.flatMap((p) => [call(onA, 'messages.create', p), call(onB, 'messages.create', p)]));
    expect(results.every((r) => r.ok)).toBe(true);
    for (let i = 0; i < payloads.length; i++) {
      const [x, y] = [results[2 * i]!, results[2 * i + 1]!];
      if (!x.ok || !y.ok) continue;
      expect(x.data.entry).toEqual(y.data.entry);
      expect([x.data.duplicate, y.data.duplicate].sort()).toEqual([false, true]);
    }
    const stored = (await all(onB, enc.id)).filter((e) => e.kind === 'message.created');
    expect(stored).toHaveLength(10);
  });
});
