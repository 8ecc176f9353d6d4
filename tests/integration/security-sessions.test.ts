/**
 * Sessions and sockets after the review: a sign-in ends the browser's previous session, a
 * demoted user's open sockets act with the new role at once, unknown or payload-less socket
 * events get an error ack, and impossible dates are refused in every date field.
 */
import { io as connect, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, createUserDoc, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

let server: TestServer;
let org: TestOrg;
let admin: Client;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
  admin = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await server.close();
});

/** A promise that fails after ms, so a missing event fails the test quickly and says which. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms))]);
}

async function openSocket(cookie: string): Promise<Socket> {
  const s = connect(server.url, { parser: msgpackParser, transports: ['websocket'], reconnection: false, extraHeaders: { cookie } });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => { s.once('connect', () => resolve()); s.once('connect_error', reject); });
  return s;
}

describe('signing in ends the browser\'s previous session', () => {
  it('the old cookie stops working and its sockets close when the same browser signs in again', async () => {
    const a = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder', name: 'First Person' });
    const b = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder', name: 'Second Person' });
    const browser = await signedIn(server.url, a.email, TEST_PASSWORD);
    const oldCookie = browser.cookie;
    const socket = await openSocket(oldCookie);
    const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));

    const again = await browser.post('/api/auth/sign-in', { email: b.email, password: TEST_PASSWORD });
    expect(again.status).toBe(200);
    expect(browser.cookie).not.toBe(oldCookie);
    await within(closed, 10_000, 'disconnect of the old session\'s socket');
    const stale = new Client(server.url);
    stale.cookie = oldCookie;
    expect((await stale.get('/api/auth/me')).status).toBe(401);
    expect((await browser.get('/api/auth/me')).body.data.user.id).toBe(b._id);
    expect(await server.ctx.db.c.sessions.countDocuments({ userId: a._id })).toBe(0);
  });

  it('a failed sign-in leaves the current session alone; another browser\'s session is untouched', async () => {
    const a = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder' });
    const phone = await signedIn(server.url, a.email, TEST_PASSWORD);
    const laptop = await signedIn(server.url, a.email, TEST_PASSWORD);
    expect((await laptop.post('/api/auth/sign-in', { email: a.email, password: 'not-the-password' })).status).toBe(401);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);
    expect((await phone.get('/api/auth/me')).status).toBe(200);
  });
});

describe('a changed role reaches open sockets at once', () => {
  it('a demoted senior\'s socket is told and answers with the new role', async () => {
    const s = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'senior', teamIds: [org.teamId] });
    const client = await signedIn(server.url, s.email, TEST_PASSWORD);
    const socket = await openSocket(client.cookie);
    expect((await socket.emitWithAck('session.whoami', {})).data.role).toBe('senior');
    const told = new Promise<{ role: string; teamIds: string[] }>((resolve) => socket.once('session.updated', resolve));

    expect((await admin.patch(`/api/users/${s._id}`, { role: 'coder', teamIds: [] })).status).toBe(200);
    expect(await within(told, 10_000, 'session.updated')).toMatchObject({ role: 'coder', teamIds: [] });
    expect((await socket.emitWithAck('session.whoami', {})).data.role).toBe('coder');
    expect(socket.connected).toBe(true);
  });

  it('a change that is not about role or teams sends nothing', async () => {
    const s = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder' });
    const socket = await openSocket((await signedIn(server.url, s.email, TEST_PASSWORD)).cookie);
    let told = 0;
    socket.on('session.updated', () => told++);
    expect((await admin.patch(`/api/users/${s._id}`, { name: 'Renamed' })).status).toBe(200);
    // A round trip on the same socket: anything emitted before it has arrived.
    await socket.emitWithAck('session.whoami', {});
    expect(told).toBe(0);
  });
});

describe('socket events that are unknown or lack their payload', () => {
  it('an unknown event gets a not_found ack, with or without a payload; the socket stays up', async () => {
    const socket = await openSocket(admin.cookie);
    expect(await socket.timeout(5_000).emitWithAck('no.such-event', { a: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await socket.timeout(5_000).emitWithAck('no.such-event')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(socket.connected).toBe(true);
  });

  it('a known event sent without a payload is answered (the ack is not taken for the payload)', async () => {
    const socket = await openSocket(admin.cookie);
    expect(await socket.timeout(5_000).emitWithAck('session.whoami')).toMatchObject({ ok: true, data: { userId: org.admin._id } });
    expect(await socket.timeout(5_000).emitWithAck('session.whoami', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('impossible dates are 400 in every date field', () => {
  const bad = ['2026-99-99', '2026-02-30', '2025-02-29', '2026-13-01', '2026-04-31', '2026-00-10'];
  it('dateOfService and patient.dob on create and update', async () => {
    const enc = (await admin.post('/api/encounters', encounterInput())).body.data;
    for (const d of bad) {
      expect(errorOf(await admin.post('/api/encounters', encounterInput({ dateOfService: d }))).field, d).toBe('dateOfService');
      expect(errorOf(await admin.post('/api/encounters', encounterInput({ patient: { name: 'A B', dob: d } }))).field, d).toBe('patient.dob');
      expect((await admin.patch(`/api/encounters/${enc.id}`, { dateOfService: d })).status, d).toBe(400);
    }
    expect((await admin.post('/api/encounters', encounterInput({ dateOfService: '2024-02-29' }))).status).toBe(201);
  });

  it('the audit log\'s from and to, as dates and as timestamps', async () => {
    for (const d of bad) {
      expect(errorOf(await admin.get(`/api/audit?from=${d}`)).field, d).toBe('from');
      expect(errorOf(await admin.get(`/api/audit?to=${d}T00:00:00Z`)).field, d).toBe('to');
    }
  });

  it('an imported encounter with an impossible date is rejected, not stored', async () => {
    const before = await server.ctx.db.c.encounters.countDocuments({ orgId: org.orgId });
    const { patient: _p, ...rest } = encounterInput();
    const r = await admin.post('/api/encounters/import', { encounters: [{ ...rest, title: 'Bad date import', dateOfService: '2026-02-30' }] });
    expect(r.status).toBe(200);
    expect(r.body.data.rejected).toBe(1);
    expect(await server.ctx.db.c.encounters.countDocuments({ orgId: org.orgId })).toBe(before);
  });
});
