/**
 * Two server processes' worth of Graycase (two servers, one database, one real redis-server):
 * clients on different servers see each other's messages in the same order, each other's
 * presence, notifications, and access changes made on the other server.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { startRedis, type TestRedis } from '../support/redis';
import { createOrg, createUserDoc, type TestOrg } from '../support/factories';
import { call, closeAllSockets, collect, connectUser, next, ok } from '../support/sockets';
import { restAs, sharedEncounter, uuid } from '../support/threads';
import type { TimelineEntryDto } from '../../src/lib/protocol/threads';

let redis: TestRedis;
let a: TestServer;
let b: TestServer;
let org: TestOrg;

beforeAll(async () => {
  redis = await startRedis();
  const shared = { dbName: `t_redis_${randomBytes(4).toString('hex')}`, sessionSecret: randomBytes(32).toString('hex'), redisUrl: redis.url, presenceGraceMs: 300 };
  a = await startTestServer(shared, { keepDatabase: true });
  b = await startTestServer(shared);
  org = await createOrg(a.ctx.db.c);
});
afterAll(async () => {
  closeAllSockets();
  await a.close();
  await b.close();
  await redis.stop();
});

describe('two servers sharing Redis', () => {
  it('deliver messages across servers in the same order for everyone', async () => {
    const enc = await sharedEncounter(a, org.coder, [org.senior]);
    const onA = await connectUser(a, org.coder);
    const onB = await connectUser(b, org.senior);
    const alsoB = await connectUser(b, org.coder);
    for (const s of [onA, onB, alsoB]) await ok(s, 'encounters.join', { encounterId: enc.id });
    const { threadId } = await ok(onA, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' } });
    const seen = [onA, onB, alsoB].map((s) => collect(s, 'timeline.appended'));
    const sends: Promise<{ entry: TimelineEntryDto }>[][] = [[], []];
    for (let i = 0; i < 10; i++) {
      sends[0]!.push(ok(onA, 'messages.create', { threadId, clientId: uuid(), body: `from A ${i}` }));
      sends[1]!.push(ok(onB, 'messages.create', { threadId, clientId: uuid(), body: `from B ${i}` }));
    }
    const acked = await Promise.all(sends.map((list) => Promise.all(list)));
    expect(new Set(acked.flat().map((x) => x.entry.seq)).size).toBe(20);
    const burst = (got: { entry: TimelineEntryDto }[]) => got.filter((e) => e.entry.kind === 'message.created').map((e) => `${e.entry.seq}:${e.entry.id}`);
    // A writer has its own entries from its acks (the broadcast skips the writing socket, on every server).
    const own = [acked[0]!, acked[1]!, []].map((list) => list.map((x) => `${x.entry.seq}:${x.entry.id}`));
    for (const [i, got] of seen.entries()) await expect.poll(() => burst(got).length, { timeout: 10_000 }).toBe(20 - own[i]!.length);
    // Arrival order may differ across servers; the seq order is what every client shows, and it is one order.
    const sorted = seen.map((got, i) => [...burst(got), ...own[i]!].sort((x, y) => Number(x.split(':')[0]) - Number(y.split(':')[0])));
    expect(sorted[1]).toEqual(sorted[0]);
    expect(sorted[2]).toEqual(sorted[0]);
    const catchUpB = await ok(onB, 'encounters.catchUp', { encounterId: enc.id, afterSeq: 0 });
    expect(catchUpB.entries.map((e) => e.seq)).toEqual(catchUpB.entries.map((_, i) => i + 1));
  });

  it('show presence across servers and drop it when the last tab on either server closes', async () => {
    const enc = await sharedEncounter(a, org.coder, [org.senior]);
    const onA = await connectUser(a, org.coder);
    await ok(onA, 'encounters.join', { encounterId: enc.id });
    const joined = next(onA, 'presence.joined', (e) => e.user.userId === org.senior._id);
    const onB = await connectUser(b, org.senior);
    const answer = await ok(onB, 'encounters.join', { encounterId: enc.id });
    expect(answer.presence.map((p) => p.userId).sort()).toEqual([org.coder._id, org.senior._id].sort());
    await joined;
    const { threadId } = await ok(onA, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' } });
    const focus = next(onA, 'presence.focus');
    await ok(onB, 'presence.focus', { scope: enc.scope, threadId });
    expect((await focus).threadId).toBe(threadId);
    const typing = next(onA, 'typing.started');
    await ok(onB, 'typing.start', { scope: enc.scope, threadId });
    expect((await typing).user.id).toBe(org.senior._id);
    // A second tab of the senior on server A keeps them present when the tab on B closes.
    const secondTab = await connectUser(a, org.senior);
    await ok(secondTab, 'encounters.join', { encounterId: enc.id });
    const left = collect(onA, 'presence.left');
    onB.disconnect();
    await new Promise((r) => setTimeout(r, 900));
    expect(left).toHaveLength(0);
    const gone = next(onA, 'presence.left');
    secondTab.disconnect();
    expect(await gone).toEqual({ scope: enc.scope, userId: org.senior._id });
  });

  it('deliver notifications and access changes made on the other server', async () => {
    const enc = await sharedEncounter(a, org.coder, [org.senior]);
    const coderOnA = await connectUser(a, org.coder);
    await ok(coderOnA, 'encounters.join', { encounterId: enc.id });
    const seniorOnB = await connectUser(b, org.senior);
    await ok(seniorOnB, 'encounters.join', { encounterId: enc.id });
    const mention = next(seniorOnB, 'notifications.created', (e) => e.notification.kind === 'mention');
    const { threadId } = await ok(coderOnA, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' }, message: { clientId: uuid(), body: 'Sage?', mentions: [org.senior._id] } });
    expect((await mention).notification.threadId).toBe(threadId);
    const left = next(seniorOnB, 'encounters.left');
    const gone = next(coderOnA, 'presence.left', (e) => e.userId === org.senior._id);
    expect((await enc.rest.put(`/api/encounters/${enc.id}/sharing`, { userIds: [], teamIds: [] })).status).toBe(200); // on A
    expect(await left).toEqual({ encounterId: enc.id, reason: 'access-revoked' });
    expect((await gone).scope).toEqual(enc.scope);
    await ok(coderOnA, 'messages.create', { threadId, clientId: uuid(), body: 'after' });
    const refused = await call(seniorOnB, 'messages.create', { threadId, clientId: uuid(), body: 'me too' });
    expect(refused.ok ? null : refused.error.code).toBe('not_joined');
  });

  it('apply a team change made on one server to sockets on the other at once', async () => {
    const member = await createUserDoc(a.ctx.db.c, org.orgId, { role: 'coder', name: 'Mara Member', teamIds: [org.teamId] });
    const first = await sharedEncounter(a, org.coder, [], [org.teamId]);
    const second = await sharedEncounter(a, org.coder, [], [org.teamId]);
    const onB = await connectUser(b, member);
    await ok(onB, 'encounters.join', { encounterId: first.id });
    const left = next(onB, 'encounters.left');
    const admin = await restAs(a, org.admin);
    expect((await admin.patch(`/api/users/${member._id}`, { teamIds: [] })).status).toBe(200); // on A
    expect(await left).toEqual({ encounterId: first.id, reason: 'role-changed' });
    // Server B re-read the member's actor too: a join there uses the new teams.
    await expect.poll(async () => {
      const r = await call(onB, 'encounters.join', { encounterId: second.id });
      return r.ok ? 'admitted' : r.error.code;
    }, { timeout: 5_000 }).toBe('not_found');
  });
});
