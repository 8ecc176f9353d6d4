/**
 * Creating a user never reveals whether another organisation has that email: emails are unique
 * within an organisation, and sign-in finds the account whose password matches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
let admin: Client;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
  other = await createOrg(server.ctx.db.c);
  admin = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
});
afterAll(() => server.close());

const input = (email: string, password = 'a-long-new-password') => ({ email, name: 'Shared Person', role: 'coder', password, teamIds: [] });
const shape = (body: unknown) => JSON.stringify(body, (k, v) => (['id', 'email', 'createdAt'].includes(k) ? '·' : v));

describe('an email that exists in another organisation', () => {
  it('is answered exactly like a fresh email, and the new account is this organisation\'s own', async () => {
    const fresh = await admin.post('/api/users', input(`fresh-${Date.now()}@test.example`));
    const taken = await admin.post('/api/users', input(other.coder.email, 'its-own-password-1'));
    expect(fresh.status).toBe(201);
    expect(taken.status).toBe(201);
    expect(shape(taken.body)).toBe(shape(fresh.body));
    expect(taken.body.data).toMatchObject({ email: other.coder.email, role: 'coder' });
    const stored = await server.ctx.db.c.users.find({ email: other.coder.email }).toArray();
    expect(stored.map((u) => u.orgId).sort()).toEqual([org.orgId, other.orgId].sort());

    // Each password reaches its own organisation's account.
    const mine = await signedIn(server.url, other.coder.email, 'its-own-password-1');
    expect((await mine.get('/api/auth/me')).body.data.org.id).toBe(org.orgId);
    const theirs = await signedIn(server.url, other.coder.email, TEST_PASSWORD);
    expect((await theirs.get('/api/auth/me')).body.data.org.id).toBe(other.orgId);
    // Another organisation's user list and data stay out of reach.
    expect(JSON.stringify((await mine.get('/api/users')).body)).not.toContain(other.coder._id);
    expect((await new Client(server.url).post('/api/auth/sign-in', { email: other.coder.email, password: 'neither-password' })).status).toBe(401);
  });

  it('an email already in this organisation is still 409, naming this organisation only', async () => {
    const r = await admin.post('/api/users', input(org.coder.email));
    expect(r.status).toBe(409);
    expect(errorOf(r).message).toMatch(/in your organisation/);
  });

  it('two admins adding the same email at once to one organisation create one account', async () => {
    const email = `race-${Date.now()}@test.example`;
    const results = await Promise.all([admin.post('/api/users', input(email)), admin.post('/api/users', input(email))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await server.ctx.db.c.users.countDocuments({ orgId: org.orgId, email })).toBe(1);
  });
});
