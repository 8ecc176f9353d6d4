import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { signedIn } from '../support/http';
import { closeAllSockets, openSocket, outcome } from '../support/sockets';

let server: TestServer;
let org: TestOrg;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
});
afterAll(async () => {
  closeAllSockets();
  await server.close();
});

const open = (cookie?: string) => openSocket(server.url, cookie) as unknown as Socket;

describe('socket handshake', () => {
  it('refuses a socket without a session', async () => {
    const r = await outcome(open());
    expect(r.connected).toBe(false);
    expect(r.error?.message).toBe('unauthenticated');
    expect(r.error?.data).toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses a socket with a signed-out session', async () => {
    const client = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    const cookie = client.cookie;
    await client.post('/api/auth/sign-out');
    const r = await outcome(open(cookie));
    expect(r.connected).toBe(false);
  });

  it('accepts a signed-in socket and knows who it is from the session', async () => {
    const client = await signedIn(server.url, org.senior.email, TEST_PASSWORD);
    const s = open(client.cookie);
    expect((await outcome(s)).connected).toBe(true);
    const ack = await s.timeout(5000).emitWithAck('session.whoami', {});
    expect(ack).toEqual({ ok: true, data: { userId: org.senior._id, role: 'senior', name: org.senior.name } });
  });

  it('answers a malformed payload with an error ack and keeps the socket', async () => {
    const client = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    const s = open(client.cookie);
    await outcome(s);
    const ack = await s.timeout(5000).emitWithAck('session.whoami', { orgId: 'someone-else' });
    expect(ack.ok).toBe(false);
    expect(ack.error.code).toBe('invalid_input');
    expect(s.connected).toBe(true);
    const ok = await s.timeout(5000).emitWithAck('session.whoami', {});
    expect(ok.ok).toBe(true);
  });
});

describe('ending sessions closes their sockets at once', () => {
  const closed = (s: Socket) => new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)));

  it('sign-out closes the sockets of that session only', async () => {
    const a = await signedIn(server.url, org.senior.email, TEST_PASSWORD);
    const b = await signedIn(server.url, org.senior.email, TEST_PASSWORD);
    const sa = open(a.cookie);
    const sb = open(b.cookie);
    await Promise.all([outcome(sa), outcome(sb)]);
    const gone = closed(sa);
    await a.post('/api/auth/sign-out');
    expect(await gone).toBe('io server disconnect');
    expect(sb.connected).toBe(true);
  });

  it('disabling a user closes all their sockets', async () => {
    const { createUserDoc } = await import('../support/factories');
    const u = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder' });
    const s = open((await signedIn(server.url, u.email, TEST_PASSWORD)).cookie);
    await outcome(s);
    const gone = closed(s);
    const admin = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
    expect((await admin.patch('/api/users/' + u._id, { disabled: true })).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
  });

  it('changing the password keeps this session\'s sockets and closes the others', async () => {
    const { createUserDoc } = await import('../support/factories');
    const u = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder' });
    const here = await signedIn(server.url, u.email, TEST_PASSWORD);
    const there = await signedIn(server.url, u.email, TEST_PASSWORD);
    const sHere = open(here.cookie);
    const sThere = open(there.cookie);
    await Promise.all([outcome(sHere), outcome(sThere)]);
    const gone = closed(sThere);
    expect((await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'another-long-password' })).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    expect(sHere.connected).toBe(true);
  });
});

describe('changes made elsewhere (another node, the database) reach open sockets through the sweep', () => {
  // A server of its own with a short re-check period; changes are written to the database
  // directly, so no event of this process tells the socket layer: only the sweep can notice.
  let quick: TestServer;
  beforeAll(async () => { quick = await startTestServer({ socketRecheckMs: 400 }); });
  afterAll(async () => { await quick.close(); });
  const closed = (s: Socket) => new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)));

  it('closes a socket whose session was deleted, keeps the others', async () => {
    const qOrg = await createOrg(quick.ctx.db.c);
    const { sessionCookieFor } = await import('../support/sockets');
    const [gone, kept] = await Promise.all([sessionCookieFor(quick.ctx, qOrg.coder), sessionCookieFor(quick.ctx, qOrg.coder)]);
    const sGone = openSocket(quick.url, gone) as unknown as Socket;
    const sKept = openSocket(quick.url, kept) as unknown as Socket;
    await Promise.all([outcome(sGone), outcome(sKept)]);
    const wentAway = closed(sGone);
    const id = quick.ctx.sessions.idOf(decodeURIComponent(gone.split('=')[1]!));
    expect((await quick.ctx.db.c.sessions.deleteOne({ _id: id })).deletedCount).toBe(1);
    expect(await wentAway).toBe('io server disconnect');
    // Several sweeps later the other session's socket is still up and still answers.
    await new Promise((r) => setTimeout(r, 600));
    expect(sKept.connected).toBe(true);
    expect((await sKept.timeout(5000).emitWithAck('session.whoami', {})).ok).toBe(true);
  });

  it('closes the sockets of a user disabled in the database, and picks up a new role', async () => {
    const qOrg = await createOrg(quick.ctx.db.c);
    const { sessionCookieFor } = await import('../support/sockets');
    const s = openSocket(quick.url, await sessionCookieFor(quick.ctx, qOrg.coder)) as unknown as Socket;
    const other = openSocket(quick.url, await sessionCookieFor(quick.ctx, qOrg.senior)) as unknown as Socket;
    await Promise.all([outcome(s), outcome(other)]);
    await quick.ctx.db.c.users.updateOne({ _id: qOrg.coder._id }, { $set: { role: 'senior' } });
    await expect.poll(async () => (await s.timeout(5000).emitWithAck('session.whoami', {})).data?.role, { timeout: 5000 }).toBe('senior');
    const wentAway = closed(s);
    await quick.ctx.db.c.users.updateOne({ _id: qOrg.coder._id }, { $set: { disabled: true } });
    expect(await wentAway).toBe('io server disconnect');
    expect(other.connected).toBe(true);
  });

  it('admits many handshakes arriving at once, each as its own user, and refuses the bad ones among them', async () => {
    const qOrg = await createOrg(quick.ctx.db.c);
    const { sessionCookieFor } = await import('../support/sockets');
    const users = [qOrg.coder, qOrg.senior, qOrg.admin];
    const cookies = await Promise.all(Array.from({ length: 30 }, (_, i) => sessionCookieFor(quick.ctx, users[i % 3]!)));
    const sockets = [...cookies, 'gc_session=not-a-token', undefined].map((c) => openSocket(quick.url, c) as unknown as Socket);
    const results = await Promise.all(sockets.map((s) => outcome(s)));
    expect(results.slice(0, 30).every((r) => r.connected)).toBe(true);
    expect(results.slice(30).map((r) => r.connected)).toEqual([false, false]);
    const who = await Promise.all(sockets.slice(0, 30).map((s) => s.timeout(5000).emitWithAck('session.whoami', {})));
    expect(who.map((w) => w.data.userId)).toEqual(cookies.map((_, i) => users[i % 3]!._id));
  });
});
