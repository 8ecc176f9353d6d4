/**
 * Requests from where they should not come: cross-origin state-changing requests and socket
 * handshakes (a page on another port of the same host is same-site, so the Lax cookie is sent),
 * non-JSON bodies on JSON endpoints, security headers, and malformed URLs.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';
import { inlineScriptHashes } from '../../server/http/security-headers';
import { WEB_BUILD_DIR } from '../../server/app';

let server: TestServer;
let proxied: TestServer;
let org: TestOrg;
let coder: Client;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({}, { serveWeb: true });
  proxied = await startTestServer({ allowedOrigins: ['https://coding.example.org'] });
  org = await createOrg(server.ctx.db.c);
  coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await proxied.close();
  await server.close();
});

const own = () => new URL(server.url).origin;
/** The same host on another port: same site, another origin. */
const sibling = () => { const u = new URL(server.url); u.port = String(Number(u.port) + 1); return u.origin; };

async function raw(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) {
  const res = await fetch(url, { redirect: 'manual', ...init });
  const text = await res.text();
  let body: any = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, body, headers: res.headers };
}

const auditCount = async (filter: Record<string, unknown>) => {
  await server.ctx.audit.flush();
  return server.ctx.db.c.audit.countDocuments({ orgId: org.orgId, ...filter });
};

describe('cross-origin state-changing requests', () => {
  it('refuses a POST whose Origin is another port of the same host, and writes nothing', async () => {
    const before = await server.ctx.db.c.encounters.countDocuments({ orgId: org.orgId });
    const r = await raw(server.url + '/api/encounters', {
      method: 'POST', body: JSON.stringify(encounterInput()),
      headers: { cookie: coder.cookie, 'content-type': 'application/json', origin: sibling() }
    });
    expect(r.status).toBe(403);
    expect(errorOf(r as never).message).toMatch(/cross-origin/i);
    expect(await server.ctx.db.c.encounters.countDocuments({ orgId: org.orgId })).toBe(before);
  });

  it('refuses sign-in from another origin (no cookie, no audit record) and accepts its own origin', async () => {
    const failedBefore = await auditCount({ action: 'auth.sign-in-failed', targetId: org.coder._id });
    const body = JSON.stringify({ email: org.coder.email, password: 'wrong-password-here' });
    const foreign = await raw(server.url + '/api/auth/sign-in', { method: 'POST', body, headers: { 'content-type': 'application/json', origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(await auditCount({ action: 'auth.sign-in-failed', targetId: org.coder._id })).toBe(failedBefore);
    const ok = await raw(server.url + '/api/auth/sign-in', {
      method: 'POST', body: JSON.stringify({ email: org.coder.email, password: TEST_PASSWORD }), headers: { 'content-type': 'application/json', origin: own() }
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.getSetCookie().join()).toMatch(/gc_session=/);
  });

  it('without Origin, Sec-Fetch-Site decides: same-origin and none pass, same-site and cross-site are refused', async () => {
    const send = (site: string) => raw(server.url + '/api/auth/sign-out', { method: 'POST', headers: { 'sec-fetch-site': site } });
    expect((await send('same-site')).status).toBe(403);
    expect((await send('cross-site')).status).toBe(403);
    expect((await send('same-origin')).status).toBe(200);
    expect((await send('none')).status).toBe(200);
  });

  it('refuses Origin: null, and the Origin of a different scheme on the same host and port', async () => {
    const headers = { cookie: coder.cookie, 'content-type': 'application/json' };
    expect((await raw(server.url + '/api/encounters', { method: 'POST', body: '{}', headers: { ...headers, origin: 'null' } })).status).toBe(403);
    expect((await raw(server.url + '/api/encounters', { method: 'POST', body: '{}', headers: { ...headers, origin: own().replace('http:', 'https:') } })).status).toBe(403);
  });

  it('reads are not refused for their Origin (without CORS headers a foreign page cannot read them)', async () => {
    const r = await raw(server.url + '/api/auth/me', { headers: { cookie: coder.cookie, origin: sibling() } });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('GRAYCASE_ALLOWED_ORIGINS replaces the default: the listed origin passes, the server\'s own address does not', async () => {
    const body = JSON.stringify({ email: 'nobody@test.example', password: 'whatever-it-is' });
    const listed = await raw(proxied.url + '/api/auth/sign-in', { method: 'POST', body, headers: { 'content-type': 'application/json', origin: 'https://coding.example.org' } });
    expect(listed.status).toBe(401);
    const direct = await raw(proxied.url + '/api/auth/sign-in', { method: 'POST', body, headers: { 'content-type': 'application/json', origin: new URL(proxied.url).origin } });
    expect(direct.status).toBe(403);
  });
});

describe('JSON endpoints take JSON only', () => {
  it('a text/plain or form body is 415 and changes nothing', async () => {
    const before = await server.ctx.db.c.encounters.countDocuments({ orgId: org.orgId });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await coder.request('POST', '/api/encounters', undefined, { body: JSON.stringify(encounterInput()), contentType: type });
      expect(r.status, type).toBe(415);
      expect(errorOf(r).code).toBe('unsupported_media_type');
    }
    const failedBefore = await auditCount({ action: 'auth.sign-in-failed', targetId: org.coder._id });
    const forged = await new Client(server.url).request('POST', '/api/auth/sign-in', undefined, { body: JSON.stringify({ email: org.coder.email, password: 'x-wrong-password' }), contentType: 'text/plain' });
    expect(forged.status).toBe(415);
    expect(await auditCount({ action: 'auth.sign-in-failed', targetId: org.coder._id })).toBe(failedBefore);
    expect(await server.ctx.db.c.encounters.countDocuments({ orgId: org.orgId })).toBe(before);
  });

  it('application/json with a charset and bodiless POSTs still work', async () => {
    const r = await coder.request('POST', '/api/encounters', undefined, { body: JSON.stringify(encounterInput()), contentType: 'application/json; charset=utf-8' });
    expect(r.status).toBe(201);
    const signOut = await raw(server.url + '/api/auth/sign-out', { method: 'POST' });
    expect(signOut.status).toBe(200);
  });
});

describe('socket handshakes', () => {
  const open = (headers: Record<string, string>, transports: ('websocket' | 'polling')[] = ['websocket']) => {
    const s = connect(server.url, { parser: msgpackParser, transports, reconnection: false, extraHeaders: { cookie: coder.cookie, ...headers } });
    sockets.push(s);
    return new Promise<boolean>((resolve) => {
      s.once('connect', () => resolve(true));
      s.once('connect_error', () => resolve(false));
    });
  };

  it('refuses a socket from another origin (websocket and polling), accepts its own and one without Origin', async () => {
    expect(await open({ origin: sibling() })).toBe(false);
    expect(await open({ origin: sibling() }, ['polling'])).toBe(false);
    expect(await open({ 'sec-fetch-site': 'same-site' }, ['polling'])).toBe(false);
    expect(await open({ origin: own() })).toBe(true);
    expect(await open({})).toBe(true);
  });
});

describe('security headers', () => {
  it('API answers carry nosniff, no framing, no referrer and a CSP that loads nothing', async () => {
    const r = await raw(server.url + '/api/health', {});
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers.get('x-powered-by')).toBeNull();
  });

  it.skipIf(!existsSync(path.join(WEB_BUILD_DIR, 'index.html')))('the web app\'s CSP allows exactly its own inline bootstrap script', async () => {
    const r = await raw(server.url + '/encounters', {});
    expect(r.status).toBe(200);
    const csp = r.headers.get('content-security-policy') ?? '';
    const hashes = inlineScriptHashes(readFileSync(path.join(WEB_BUILD_DIR, 'index.html'), 'utf8'));
    expect(hashes.length).toBeGreaterThan(0);
    const scriptSrc = /script-src ([^;]*)/.exec(csp)![1]!.trim().split(/\s+/);
    expect(scriptSrc.sort()).toEqual(["'self'", ...hashes].sort());
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('computes the sha256 source of inline scripts only', () => {
    const hashes = inlineScriptHashes('<script src="/a.js"></script><script>alert(1)</script>');
    // sha256("alert(1)"), as a browser reports it in a CSP violation.
    expect(hashes).toEqual(["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]);
  });
});

describe('malformed URLs', () => {
  for (const p of ['/%ZZ', '/api/encounters/%ZZ', '/api/%E0%A4%A', '/_app/%ZZ.js']) {
    it(`${p} is 400 in the error shape, and nothing is logged as a server error`, async () => {
      const logged = vi.spyOn(server.ctx.log, 'error');
      try {
        const r = await raw(server.url + p, { headers: { cookie: coder.cookie } });
        expect(r.status).toBe(400);
        expect(errorOf(r as never).code).toBe('invalid_input');
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
      }
    });
  }
});
