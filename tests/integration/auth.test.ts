import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';

// Windows are aligned to the clock; a day-long one keeps a test's attempts inside one window.
const DAY_MS = 24 * 3600_000;

let server: TestServer;
let org: TestOrg;

beforeAll(async () => {
  server = await startTestServer({ rateLimits: { perAccount: 3, perAddress: 1000, windowMs: DAY_MS } });
  org = await createOrg(server.ctx.db.c);
});
afterAll(() => server.close());

describe('sign in', () => {
  it('sets an httpOnly SameSite session cookie and returns the user', async () => {
    const client = new Client(server.url);
    const r = await client.post('/api/auth/sign-in', { email: org.coder.email.toUpperCase(), password: TEST_PASSWORD });
    expect(r.status).toBe(200);
    expect(r.body.data.user).toMatchObject({ id: org.coder._id, role: 'coder' });
    expect(r.body.data.user.passwordHash).toBeUndefined();
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith('gc_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.data.user.email).toBe(org.coder.email);
    expect(me.body.data.teams.map((t: { id: string }) => t.id)).toEqual([org.teamId]);
  });

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    const wrong = await new Client(server.url).post('/api/auth/sign-in', { email: org.senior.email, password: 'not-the-password' });
    const unknown = await new Client(server.url).post('/api/auth/sign-in', { email: 'nobody@nowhere.example', password: 'whatever-it-is' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(errorOf(wrong)).toEqual(errorOf(unknown));
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it('names the bad field of a malformed sign-in', async () => {
    const r = await new Client(server.url).post('/api/auth/sign-in', { email: 'a@b.c' });
    expect(r.status).toBe(400);
    expect(errorOf(r)).toMatchObject({ code: 'invalid_input', field: 'password' });
    const extra = await new Client(server.url).post('/api/auth/sign-in', { email: 'a@b.c', password: 'x', orgId: 'evil' });
    expect(errorOf(extra).message).toMatch(/unknown field.*orgId/);
  });

  it('rate limits failed attempts per account, even with the right password afterwards', async () => {
    const { createUserDoc } = await import('../support/factories');
    const victim = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder' });
    for (let i = 0; i < 3; i++) {
      expect((await new Client(server.url).post('/api/auth/sign-in', { email: victim.email, password: 'bad-password-' + i })).status).toBe(401);
    }
    const blocked = await new Client(server.url).post('/api/auth/sign-in', { email: victim.email, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(errorOf(blocked).code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same address is unaffected.
    expect((await new Client(server.url).post('/api/auth/sign-in', { email: org.admin.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('signs out: the session stops working', async () => {
    const client = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    const stolen = client.cookie;
    expect((await client.post('/api/auth/sign-out')).status).toBe(200);
    const replay = new Client(server.url);
    replay.cookie = stolen;
    const r = await replay.get('/api/auth/me');
    expect(r.status).toBe(401);
    expect(errorOf(r).code).toBe('unauthenticated');
  });

  it('rejects an expired session', async () => {
    const client = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    await server.ctx.db.c.sessions.updateMany({ userId: org.coder._id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('rejects a forged or garbage cookie', async () => {
    const client = new Client(server.url);
    client.cookie = 'gc_session=' + 'A'.repeat(43);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    client.cookie = 'gc_session=%%%';
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });
});

describe('rate limit per address', () => {
  it('throttles one address that tries many accounts', async () => {
    const s = await startTestServer({ rateLimits: { perAccount: 100, perAddress: 4, windowMs: DAY_MS } });
    try {
      for (let i = 0; i < 4; i++) await new Client(s.url).post('/api/auth/sign-in', { email: `u${i}@x.example`, password: 'wrong-password' });
      const r = await new Client(s.url).post('/api/auth/sign-in', { email: 'fresh@x.example', password: 'wrong-password' });
      expect(r.status).toBe(429);
    } finally {
      await s.close();
    }
  });
});

describe('change own password', () => {
  it('needs the current password, keeps this session, ends the others', async () => {
    const { createUserDoc } = await import('../support/factories');
    const user = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder' });
    const here = await signedIn(server.url, user.email, TEST_PASSWORD);
    const elsewhere = await signedIn(server.url, user.email, TEST_PASSWORD);

    const wrong = await here.post('/api/auth/password', { currentPassword: 'nope-nope-nope', newPassword: 'a-brand-new-password' });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong).field).toBe('currentPassword');
    const short = await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(errorOf(short).field).toBe('newPassword');

    expect((await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' })).status).toBe(200);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    await expect(signedIn(server.url, user.email, TEST_PASSWORD)).rejects.toThrow(/401/);
    await signedIn(server.url, user.email, 'a-brand-new-password');
  });

  it('requires a session', async () => {
    const r = await new Client(server.url).post('/api/auth/password', { currentPassword: 'x', newPassword: 'yyyyyyyyyyyy' });
    expect(r.status).toBe(401);
  });
});
