/** Findings of a new admin: the audit filter takes the start of an action, and a CPT upload names every bad row. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
let admin: Client;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
  other = await createOrg(server.ctx.db.c);
  admin = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
  // A sign-in, a failed sign-in, and encounter work, in both organisations.
  const coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
  await new Client(server.url).post('/api/auth/sign-in', { email: org.coder.email, password: 'wrong-password-here' });
  const id = (await coder.post('/api/encounters', encounterInput())).body.data.id;
  await coder.get(`/api/encounters/${id}`);
  await coder.put(`/api/encounters/${id}/code-lines`, { codeLines: [{ system: 'ICD-10-CM', code: 'N39.0', role: 'principal', poa: 'Y' }] });
  await coder.patch(`/api/encounters/${id}`, { title: 'Renamed' });
  await signedIn(server.url, other.coder.email, TEST_PASSWORD);
  // A record whose action differs from "encounters.view" only where the filter has a dot: an
  // unescaped "." would match it.
  await server.ctx.audit.record({ userId: org.admin._id, orgId: org.orgId, role: 'admin', name: 'Ada Admin', teamIds: [], address: '127.0.0.1' },
    { action: 'encountersxview', targetType: 'encounter', targetId: id });
});
afterAll(() => server.close());

const actionsFor = async (filter: string, as = admin) => {
  const r = await as.get(`/api/audit?action=${encodeURIComponent(filter)}&pageSize=200`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return [...new Set<string>(r.body.data.items.map((i: { action: string }) => i.action))].sort();
};

describe('audit filter by the start of an action', () => {
  it('"auth" finds every sign-in record and nothing else', async () => {
    expect(await actionsFor('auth')).toEqual(['auth.sign-in', 'auth.sign-in-failed']);
    expect(await actionsFor('AUTH ')).toEqual(['auth.sign-in', 'auth.sign-in-failed']);
    expect(await actionsFor('au')).toEqual(['audit.list', 'auth.sign-in', 'auth.sign-in-failed']);
  });

  it('a partial verb after the dot, or a verb alone, matches its prefix', async () => {
    expect(await actionsFor('encounters.upd')).toEqual(['encounters.update', 'encounters.update-codes']);
    expect(await actionsFor('encounters.update-codes')).toEqual(['encounters.update-codes']);
    expect(await actionsFor('sign-in')).toEqual(['auth.sign-in', 'auth.sign-in-failed']);
    expect(await actionsFor('encounters.')).toEqual(['encounters.create', 'encounters.update', 'encounters.update-codes', 'encounters.view']);
  });

  it('a blank filter is no filter', async () => {
    const all = (await admin.get('/api/audit?pageSize=200')).body.data.total;
    expect((await admin.get('/api/audit?action=%20%20&pageSize=200')).body.data.total).toBeGreaterThanOrEqual(all);
    expect((await admin.get('/api/audit?action=&pageSize=200')).status).toBe(200);
  });

  it('the dot is literal: "encounters.view" does not match "encountersxview"', async () => {
    expect(await actionsFor('encounters.view')).toEqual(['encounters.view']);
    expect(await actionsFor('encountersx')).toEqual(['encountersxview']);
  });

  it("never shows another organisation's records", async () => {
    const r = await admin.get('/api/audit?action=auth&pageSize=200');
    const actorIds = new Set(r.body.data.items.map((i: { actor: { id: string } }) => i.actor.id));
    expect(actorIds.has(other.coder._id)).toBe(false);
    expect(actorIds.has(org.coder._id)).toBe(true);
  });

  it.each(['a.*', '.', '^auth', 'auth.sign-in|users', 'a'.repeat(61), 'auth..x', '(a)'])('refuses %j as 400 naming action', async (bad) => {
    const r = await admin.get(`/api/audit?action=${encodeURIComponent(bad)}`);
    expect(r.status).toBe(400);
    expect(errorOf(r).field).toBe('action');
  });

  it('is for admins of the organisation only', async () => {
    expect((await new Client(server.url).get('/api/audit?action=auth')).status).toBe(401);
    const coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    expect((await coder.get('/api/audit?action=auth')).status).toBe(403);
  });
});

describe('CPT upload with bad rows', () => {
  const upload = (csv: string) => admin.put('/api/codes/cpt', { csv });
  const status = async () => (await admin.get('/api/codes/status')).body.data.cptCodes;

  it('names every bad row by its line in the file and loads nothing', async () => {
    expect((await upload('code,description\n99213,Office visit\n99214,Office visit, moderate\n')).status).toBe(400); // unquoted comma
    const first = await upload('code,description\n99213,Office visit\n');
    expect(first.body.data, JSON.stringify(first.body)).toEqual({ loaded: 1 });
    const csv = [
      'code,description', // line 1
      '99214,"Office visit,', // line 2: a quoted description over two lines
      'moderate MDM"',
      '9921,Too short', // line 4
      '99215,', // line 5
      '',
      'ABCDE,Letters', // line 7
      '99202,New patient, straightforward', // line 8: unquoted comma
      '99214,Another description', // line 9: 99214 again, differently
      '99203,New patient low MDM' // line 10: fine
    ].join('\r\n');
    const r = await upload(csv);
    expect(r.status).toBe(400);
    const e = errorOf(r);
    expect(e.field).toBe('csv');
    const [summary, ...rows] = e.message.split('\n');
    expect(summary).toMatch(/5 rows are not valid/);
    expect(rows.map((l) => Number(/^line (\d+):/.exec(l)?.[1]))).toEqual([4, 5, 7, 8, 9]);
    expect(rows[0]).toMatch(/"9921" is not a CPT code/);
    expect(rows[1]).toMatch(/99215: the description/);
    expect(rows[3]).toMatch(/3 fields/);
    expect(rows[4]).toMatch(/already on line 2/);
    expect(await status()).toBe(1); // the previous list is kept
  });

  it('lists the first 100 bad rows and gives the total', async () => {
    const bad = Array.from({ length: 250 }, (_, i) => `X${i},bad`);
    const r = await upload(['code,description', '99213,Fine', ...bad].join('\n'));
    expect(r.status).toBe(400);
    const [summary, ...rows] = errorOf(r).message.split('\n');
    expect(summary).toMatch(/250 rows are not valid/);
    expect(rows).toHaveLength(101);
    expect(rows[0]).toMatch(/^line 3:/);
    expect(rows[99]).toMatch(/^line 102:/);
    expect(rows[100]).toMatch(/150 more/);
  });

  it('reads the column names licensed lists use', async () => {
    const r = await upload('"CPT Code",Short_Descriptor,Long_Descriptor\r\n99213,Office visit,"Office or other outpatient visit, established patient"\r\n');
    expect(r.body.data).toEqual({ loaded: 1 });
    const found = await admin.get('/api/codes/CPT/99213');
    expect(found.body.data.description).toBe('Office or other outpatient visit, established patient');
  });

  it('one bad row is reported as one, and a good file still loads', async () => {
    const one = await upload('code,description\n99213,Fine\n1234,Short\n');
    expect(errorOf(one).message).toMatch(/^csv: 1 row is not valid.*\nline 3: "1234" is not a CPT code/s);
    const good = await upload('code,description\n99213,Office visit\n99213,Office visit\n3074F,Systolic BP < 130\n');
    expect(good.body.data).toEqual({ loaded: 2 });
  });
});
