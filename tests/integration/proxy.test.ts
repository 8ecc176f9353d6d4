/** Client addresses behind a proxy: trusted only when TRUST_PROXY says so (rate limits and audit depend on it). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';

// Windows are aligned to the clock; a day-long one keeps a test's attempts inside one window.
const DAY_MS = 24 * 3600_000;

let plain: TestServer;
let proxied: TestServer;
let orgPlain: TestOrg;
let orgProxied: TestOrg;

beforeAll(async () => {
  [plain, proxied] = await Promise.all([
    startTestServer(),
    startTestServer({ trustProxy: 'loopback', rateLimits: { perAccount: 100, perAddress: 2, windowMs: DAY_MS } })
  ]);
  orgPlain = await createOrg(plain.ctx.db.c);
  orgProxied = await createOrg(proxied.ctx.db.c);
});
afterAll(async () => { await plain.close(); await proxied.close(); });

const signIn = (url: string, email: string, password: string, forwardedFor: string) =>
  fetch(url + '/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: JSON.stringify({ email, password }) });

async function lastSignInAddress(server: TestServer, userId: string) {
  await server.ctx.audit.flush();
  return (await server.ctx.db.c.audit.find({ action: 'auth.sign-in', actorId: userId }).sort({ at: -1 }).limit(1).toArray())[0]?.address;
}

describe('client address', () => {
  it('ignores X-Forwarded-For by default, so a client cannot pick its own address', async () => {
    expect((await signIn(plain.url, orgPlain.coder.email, TEST_PASSWORD, '203.0.113.7')).status).toBe(200);
    expect(await lastSignInAddress(plain, orgPlain.coder._id)).toMatch(/127\.0\.0\.1/);
  });

  it('uses the forwarded address from a trusted proxy, for the audit log and the per-address limit', async () => {
    expect((await signIn(proxied.url, orgProxied.coder.email, TEST_PASSWORD, '203.0.113.7')).status).toBe(200);
    expect(await lastSignInAddress(proxied, orgProxied.coder._id)).toBe('203.0.113.7');
    // Two attempts from one client exhaust its limit; another client behind the same proxy is unaffected.
    await signIn(proxied.url, 'x@y.example', 'wrong-password', '198.51.100.1');
    await signIn(proxied.url, 'x@y.example', 'wrong-password', '198.51.100.1');
    expect((await signIn(proxied.url, 'x@y.example', 'wrong-password', '198.51.100.1')).status).toBe(429);
    expect((await signIn(proxied.url, orgProxied.senior.email, TEST_PASSWORD, '198.51.100.2')).status).toBe(200);
  });
});
