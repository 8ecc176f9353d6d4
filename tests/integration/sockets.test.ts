import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { signedIn } from '../support/http';

let server: TestServer;
let org: TestOrg;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await server.close();
});

function open(cookie?: string): Socket {
  const s = connect(server.url, { transports: ['websocket'], reconnection: false, extraHeaders: cookie ? { cookie } : {} });
  sockets.push(s);
  return s;
}

const outcome = (s: Socket) => new Promise<{ connected: boolean; error?: Error & { data?: unknown } }>((resolve) => {
  s.once('connect', () => resolve({ connected: true }));
  s.once('connect_error', (error) => resolve({ connected: false, error }));
});

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
