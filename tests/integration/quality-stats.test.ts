/**
 * Statistics from a history seeded through the API with known answers: two resolutions (one
 * as proposed, one with a missed secondary), a mentor review with one agreed and one disputed
 * change (overturned), two double-coding sessions (one agreeing). Plus who may see what, CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, createUserDoc, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
let coder: Client, senior: Client, lead: Client, admin: Client, outsider: Client, otherAdmin: Client;
const dx = (code: string, role: string, poa = 'Y') => ({ system: 'ICD-10-CM', code, role, poa });
const RES = { summary: 's', rationale: 'r', references: [{ kind: 'guidelines', section: 'III' }] };

async function shared() {
  const r = await coder.post('/api/encounters', encounterInput());
  const id = r.body.data.id as string;
  await coder.put(`/api/encounters/${id}/sharing`, { userIds: [], teamIds: [org.teamId] });
  return { id, lines: r.body.data.codeLines as any[] };
}
async function flag(id: string) { return (await coder.post(`/api/encounters/${id}/flags`, { category: 'sequencing', question: 'q?' })).body.data.id as string; }

beforeAll(async () => {
  server = await startTestServer();
  const c = server.ctx.db.c;
  org = await createOrg(c);
  other = await createOrg(c);
  const leadDoc = await createUserDoc(c, org.orgId, { role: 'senior', name: 'Lena Lead', teamIds: [org.teamId] });
  coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
  senior = await signedIn(server.url, org.senior.email, TEST_PASSWORD);
  lead = await signedIn(server.url, leadDoc.email, TEST_PASSWORD);
  admin = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
  outsider = await signedIn(server.url, org.otherCoder.email, TEST_PASSWORD);
  otherAdmin = await signedIn(server.url, other.admin.email, TEST_PASSWORD);

  // 1. Coded as proposed: 2 codes reviewed, 2 unchanged.
  const e1 = await shared();
  expect((await senior.post(`/api/encounters/${e1.id}/resolutions`, { ...RES, flagId: await flag(e1.id), outcome: 'coded-as-proposed' })).status).toBe(201);
  // 2. A missed secondary added by the senior: 3 reviewed, 2 unchanged, one non-material error.
  const e2 = await shared();
  const f2 = await flag(e2.id);
  await senior.put(`/api/encounters/${e2.id}/code-lines`, { codeLines: [...e2.lines, dx('R65.10', 'secondary')] });
  expect((await senior.post(`/api/encounters/${e2.id}/resolutions`, { ...RES, flagId: f2, outcome: 'changed', errorTags: [{ tag: 'missed-secondary', code: 'R65.10', material: false }] })).status).toBe(201);
  // 3. A review: POA change agreed (stands), E87.1 added but disputed and overturned: 2 reviewed, 1 unchanged, one POA error.
  const e3 = await shared();
  const rv = (await coder.post(`/api/encounters/${e3.id}/reviews`, { reviewerId: org.senior._id })).body.data;
  const sub = (await senior.post(`/api/reviews/${rv.id}/review`, {
    decision: 'request-changes', codeLines: [e3.lines[0], { ...e3.lines[1], poa: 'N' }, dx('E87.1', 'secondary')],
    errorTags: [{ tag: 'poa', code: 'B96.20', material: false }, { tag: 'missed-secondary', code: 'E87.1', material: true }]
  })).body.data;
  const [poa, added] = sub.changes;
  await coder.post(`/api/reviews/${rv.id}/changes/${poa.id}/response`, { response: 'agree' });
  await coder.post(`/api/reviews/${rv.id}/changes/${added.id}/response`, { response: 'dispute', reason: 'not documented' });
  expect((await lead.post(`/api/reviews/${rv.id}/changes/${added.id}/decision`, { decision: 'overturn', reason: 'coder is right' })).body.data.state).toBe('completed');
  // Double coding: one session agrees, one does not.
  for (const agree of [true, false]) {
    const s = (await senior.post(`/api/encounters/${e1.id}/double-coding`, {})).body.data;
    await coder.put(`/api/double-coding/${s.id}/submission`, { codeLines: e1.lines });
    await senior.put(`/api/double-coding/${s.id}/submission`, { codeLines: agree ? e1.lines : [dx('A41.51', 'principal'), ...e1.lines.slice(1)] });
  }
});
afterAll(() => server.close());

describe('quality statistics', () => {
  it('a coder: the known answers', async () => {
    const r = await coder.get(`/api/stats/coders/${org.coder._id}`);
    expect(r.status).toBe(200);
    const s = r.body.data;
    expect(s).toMatchObject({
      encountersReviewed: 3, records: 3, codesReviewed: 7, codesUnchanged: 5, recordsUnchanged: 1,
      errors: { material: 0, nonMaterial: 2, byTag: { 'missed-secondary': { material: 0, nonMaterial: 1 }, poa: { material: 0, nonMaterial: 1 } } },
      disputes: { upheld: 0, overturned: 1, pending: 0 },
      doubleCoding: { sessions: 2, agreed: 1, agreement: 0.5 }, target: 0.95
    });
    expect(s.codeAccuracy).toBeCloseTo(5 / 7, 10);
    expect(s.recordAccuracy).toBeCloseTo(1 / 3, 10);
    expect(s.trend).toHaveLength(1);
    expect(s.trend[0]).toMatchObject({ records: 3, meetsTarget: false });
  });

  it('a period outside the history is empty; a reopened resolution no longer counts', async () => {
    const empty = (await senior.get(`/api/stats/coders/${org.coder._id}?from=2001-01-01&to=2001-12-31&period=month`)).body.data;
    expect(empty).toMatchObject({ records: 0, codeAccuracy: null, recordAccuracy: null, trend: [] });
    const team = (await senior.get('/api/stats/team')).body.data;
    expect(team.coders.map((c: any) => c.coder.name).sort()).toEqual(['Cody Coder', 'Otto Outsider']);
    expect(team.coders.find((c: any) => c.coder.id === org.otherCoder._id)).toMatchObject({ records: 0, codeAccuracy: null });
    expect(team.total).toMatchObject({ records: 3, codesReviewed: 7 });
  });

  it('CSV: one row per coder and the total', async () => {
    const r = await admin.request('GET', '/api/stats/team.csv');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = (r.body as string).trim().split('\r\n');
    expect(rows[0]).toMatch(/^coder,from,to,encounters_reviewed/);
    expect(rows).toHaveLength(4);
    expect(rows.find((x) => x.startsWith('Cody Coder'))).toContain(',3,3,7,5,71.4,33.3,0,2,0,1,0,2,50.0,no');
    const own = await coder.request('GET', `/api/stats/coders/${org.coder._id}.csv`);
    expect(own.status).toBe(200);
    expect((own.body as string).trim().split('\r\n')).toHaveLength(2);
  });

  it('who may: coders see only themselves, team view for seniors and admins, other organisation 404, bad periods 400', async () => {
    expect((await outsider.get(`/api/stats/coders/${org.coder._id}`)).status).toBe(403);
    expect((await coder.get('/api/stats/team')).status).toBe(403);
    expect((await coder.get('/api/stats/team.csv')).status).toBe(403);
    expect((await otherAdmin.get(`/api/stats/coders/${org.coder._id}`)).status).toBe(404);
    expect((await otherAdmin.get('/api/stats/team')).body.data.total.records).toBe(0);
    expect((await new Client(server.url).get('/api/stats/team')).status).toBe(401);
    expect(errorOf(await senior.get('/api/stats/team?period=day')).field).toBe('period');
    expect(errorOf(await senior.get('/api/stats/team?from=2026-02-01&to=2026-01-01')).field).toBe('to');
    expect(errorOf(await senior.get('/api/stats/team?from=soon')).field).toBe('from');
    expect((await senior.get('/api/stats/coders/nope')).status).toBe(404);
  });
});
