import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';

let server: TestServer;
let org: TestOrg;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
});
afterAll(() => server.close());

describe('server basics', () => {
  it('reports health with the database reachable and the version', async () => {
    const r = await new Client(server.url).get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/), database: { reachable: true } });
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const r = await new Client(server.url).get('/api/no-such-thing');
    expect(r.status).toBe(404);
    expect(errorOf(r).code).toBe('not_found');
  });

  it('answers malformed JSON with a 400', async () => {
    const client = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
    const r = await client.request('POST', '/api/teams', undefined, { body: '{"name": "x",' });
    expect(r.status).toBe(400);
    expect(errorOf(r).code).toBe('malformed_json');
  });

  it('answers an oversized body with a 413 and stays up', async () => {
    const client = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
    const r = await client.request('POST', '/api/teams', undefined, { body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(r.status).toBe(413);
    expect(errorOf(r).code).toBe('payload_too_large');
    expect((await client.get('/api/health')).status).toBe(200);
  });

  it('rejects query operators smuggled into ids without leaking internals', async () => {
    const client = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
    const r = await client.patch('/api/users/' + org.coder._id, { teamIds: [{ $gt: '' }] as unknown as string[] });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).not.toMatch(/stack|Mongo/i);
  });
});

describe('a bug on the server', () => {
  it('answers 500 with the error shape and no internals, and keeps serving', async () => {
    // A document the code cannot present (written around the API, as a bad migration might).
    const id = '11111111-2222-4333-8444-555555555555';
    await server.ctx.db.c.encounters.insertOne({ _id: id, orgId: org.orgId, ownerId: org.admin._id, flags: 'not-a-list' } as never);
    const client = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
    const r = await client.get(`/api/encounters/${id}`);
    expect(r.status).toBe(500);
    expect(errorOf(r)).toEqual({ code: 'internal', message: 'Something went wrong on our side; the error has been logged' });
    expect(JSON.stringify(r.body)).not.toMatch(/TypeError|at |\.ts/);
    expect((await client.get('/api/health')).status).toBe(200);
  });
});
