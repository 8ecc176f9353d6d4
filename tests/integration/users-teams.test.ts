import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
let admin: Client;
let coder: Client;
let otherAdmin: Client;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
  other = await createOrg(server.ctx.db.c);
  admin = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
  coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
  otherAdmin = await signedIn(server.url, other.admin.email, TEST_PASSWORD);
});
afterAll(() => server.close());

const newUser = (over: Record<string, unknown> = {}) => ({ email: `n${Math.random().toString(36).slice(2)}@test.example`, name: 'New Person', role: 'coder', password: 'long-enough-pw', ...over });

describe('users', () => {
  it('lists only the own organisation', async () => {
    const r = await coder.get('/api/users');
    expect(r.status).toBe(200);
    const ids = r.body.data.map((u: { id: string }) => u.id);
    expect(ids).toContain(org.senior._id);
    expect(ids).not.toContain(other.admin._id);
    expect(JSON.stringify(r.body)).not.toMatch(/passwordHash|scrypt/);
  });

  it('needs a session', async () => {
    expect((await new Client(server.url).get('/api/users')).status).toBe(401);
    expect((await new Client(server.url).post('/api/users', newUser())).status).toBe(401);
    expect((await new Client(server.url).patch('/api/users/' + org.coder._id, { role: 'admin' })).status).toBe(401);
  });

  it('lets an admin create a user who can then sign in, and audits it', async () => {
    const input = newUser({ teamIds: [org.teamId] });
    const r = await admin.post('/api/users', input);
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ email: input.email, role: 'coder', teamIds: [org.teamId] });
    await signedIn(server.url, input.email, input.password);
    await server.ctx.audit.flush();
    const audit = await server.ctx.db.c.audit.findOne({ action: 'users.create', targetId: r.body.data.id });
    expect(audit).toMatchObject({ orgId: org.orgId, actorId: org.admin._id });
  });

  it('creates the user in the session organisation even if the payload names another', async () => {
    const r = await admin.post('/api/users', newUser({ orgId: other.orgId }));
    expect(r.status).toBe(400);
    expect(errorOf(r).message).toMatch(/orgId/);
  });

  it('refuses coders and seniors', async () => {
    const senior = await signedIn(server.url, org.senior.email, TEST_PASSWORD);
    for (const client of [coder, senior]) {
      const r = await client.post('/api/users', newUser());
      expect(r.status).toBe(403);
      expect(errorOf(r).code).toBe('forbidden');
      expect((await client.patch('/api/users/' + org.otherCoder._id, { role: 'admin' })).status).toBe(403);
    }
  });

  it('validates input and names the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [newUser({ email: 'not-an-email' }), 'email'],
      [newUser({ role: 'superuser' }), 'role'],
      [newUser({ password: 'short' }), 'password'],
      [newUser({ name: '' }), 'name'],
      [newUser({ name: 'x'.repeat(500) }), 'name'],
      [newUser({ teamIds: ['nope'] }), 'teamIds.0']
    ];
    for (const [body, field] of cases) {
      const r = await admin.post('/api/users', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(errorOf(r).field).toBe(field);
    }
  });

  it('refuses a team of another organisation', async () => {
    const r = await admin.post('/api/users', newUser({ teamIds: [other.teamId] }));
    expect(r.status).toBe(400);
    expect(errorOf(r).field).toBe('teamIds');
  });

  it('answers 409 for a duplicate email', async () => {
    const r = await admin.post('/api/users', newUser({ email: org.coder.email }));
    expect(r.status).toBe(409);
    expect(errorOf(r).code).toBe('conflict');
  });

  it('changes roles and teams; another organisation sees 404', async () => {
    const r = await admin.patch('/api/users/' + org.otherCoder._id, { role: 'senior', teamIds: [org.teamId] });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ role: 'senior', teamIds: [org.teamId] });
    const cross = await otherAdmin.patch('/api/users/' + org.otherCoder._id, { role: 'admin' });
    expect(cross.status).toBe(404);
    expect((await otherAdmin.patch('/api/users/not-a-uuid', { role: 'admin' })).status).toBe(404);
    expect((await admin.patch('/api/users/' + org.otherCoder._id, {})).status).toBe(400);
  });

  it('takes a role change into effect on the next request', async () => {
    const { createUserDoc } = await import('../support/factories');
    const u = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'admin' });
    const client = await signedIn(server.url, u.email, TEST_PASSWORD);
    expect((await client.post('/api/teams', { name: 'Made by soon-demoted admin' })).status).toBe(201);
    await admin.patch('/api/users/' + u._id, { role: 'coder' });
    expect((await client.post('/api/teams', { name: 'Another one' })).status).toBe(403);
  });

  it('keeps at least one admin', async () => {
    const solo = await createOrg(server.ctx.db.c);
    const soloAdmin = await signedIn(server.url, solo.admin.email, TEST_PASSWORD);
    const r = await soloAdmin.patch('/api/users/' + solo.admin._id, { role: 'coder' });
    expect(r.status).toBe(409);
  });

  it('disabling a user ends their sessions and blocks sign-in', async () => {
    const { createUserDoc } = await import('../support/factories');
    const u = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder' });
    const client = await signedIn(server.url, u.email, TEST_PASSWORD);
    expect((await admin.patch('/api/users/' + u._id, { disabled: true })).status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    await expect(signedIn(server.url, u.email, TEST_PASSWORD)).rejects.toThrow(/401/);
  });
});

describe('teams', () => {
  it('lets an admin create and rename teams, with member counts', async () => {
    const r = await admin.post('/api/teams', { name: 'Pro fee' });
    expect(r.status).toBe(201);
    expect((await admin.post('/api/teams', { name: 'Pro fee' })).status).toBe(409);
    const renamed = await admin.patch('/api/teams/' + r.body.data.id, { name: 'Professional fee' });
    expect(renamed.body.data.name).toBe('Professional fee');
    const list = await coder.get('/api/teams');
    const teamA = list.body.data.find((t: { id: string }) => t.id === org.teamId);
    expect(teamA.memberCount).toBeGreaterThanOrEqual(2);
  });

  it('refuses coders, strangers and bad input', async () => {
    expect((await coder.post('/api/teams', { name: 'Nope' })).status).toBe(403);
    expect((await new Client(server.url).get('/api/teams')).status).toBe(401);
    expect((await otherAdmin.patch('/api/teams/' + org.teamId, { name: 'Hijacked' })).status).toBe(404);
    const bad = await admin.post('/api/teams', { name: '' });
    expect(errorOf(bad).field).toBe('name');
    const list = await otherAdmin.get('/api/teams');
    expect(list.body.data.map((t: { id: string }) => t.id)).not.toContain(org.teamId);
  });
});
