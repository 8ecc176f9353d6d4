/**
 * Every endpoint of resolutions, precedents, reviews, double coding and statistics: without a
 * session 401, from another organisation 404 (never 403: it must not learn the id exists), an id
 * that is not an id 404, the preview and the per-encounter lists audited, and the preview only for
 * those who may resolve.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
let coder: Client, senior: Client, otherAdmin: Client, teamless: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
  other = await createOrg(server.ctx.db.c);
  coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
  senior = await signedIn(server.url, org.senior.email, TEST_PASSWORD);
  teamless = await signedIn(server.url, org.otherCoder.email, TEST_PASSWORD);
  otherAdmin = await signedIn(server.url, other.admin.email, TEST_PASSWORD);
  const enc = (await coder.post('/api/encounters', encounterInput())).body.data;
  ids.enc = enc.id;
  await coder.put(`/api/encounters/${enc.id}/sharing`, { userIds: [], teamIds: [org.teamId] });
  ids.flag = (await coder.post(`/api/encounters/${enc.id}/flags`, { category: 'sequencing', question: 'Which first?' })).body.data.id;
  ids.review = (await coder.post(`/api/encounters/${enc.id}/reviews`, { reviewerId: org.senior._id })).body.data.id;
  ids.session = (await senior.post(`/api/encounters/${enc.id}/double-coding`, {})).body.data.id;
  const res = await senior.post(`/api/encounters/${enc.id}/resolutions`, { flagId: ids.flag, summary: 's', rationale: 'r', references: [], outcome: 'coded-as-proposed' });
  ids.resolution = res.body.data.id;
  ids.change = crypto.randomUUID();
});
afterAll(() => server.close());

const endpoints = (): [string, string, unknown?][] => [
  ['POST', `/api/encounters/${ids.enc}/resolutions`, { summary: 's', rationale: 'r', references: [], outcome: 'coded-as-proposed' }],
  ['POST', `/api/encounters/${ids.enc}/resolutions/preview`, {}],
  ['GET', `/api/encounters/${ids.enc}/resolutions`],
  ['POST', `/api/resolutions/${ids.resolution}/reopen`, { reason: 'x' }],
  ['GET', `/api/encounters/${ids.enc}/precedents`],
  ['GET', `/api/precedents/${ids.resolution}`],
  ['POST', `/api/encounters/${ids.enc}/reviews`, { reviewerId: org.senior._id }],
  ['GET', `/api/encounters/${ids.enc}/reviews`],
  ['GET', `/api/reviews/${ids.review}`],
  ['POST', `/api/reviews/${ids.review}/review`, { decision: 'approve' }],
  ['POST', `/api/reviews/${ids.review}/changes/${ids.change}/response`, { response: 'agree' }],
  ['POST', `/api/reviews/${ids.review}/changes/${ids.change}/decision`, { decision: 'uphold', reason: 'x' }],
  ['POST', `/api/encounters/${ids.enc}/double-coding`, {}],
  ['GET', `/api/encounters/${ids.enc}/double-coding`],
  ['GET', `/api/double-coding/${ids.session}`],
  ['PUT', `/api/double-coding/${ids.session}/submission`, { codeLines: [] }],
  ['GET', `/api/double-coding/${ids.session}/diff`],
  ['POST', `/api/double-coding/${ids.session}/threads`, { key: 'principal', clientId: crypto.randomUUID() }],
  ['GET', `/api/stats/coders/${org.coder._id}`],
  ['GET', `/api/stats/coders/${org.coder._id}.csv`]
];

describe('security of every endpoint', () => {
  it('no session: 401', async () => {
    const anon = new Client(server.url);
    for (const [m, p, b] of [...endpoints(), ['GET', '/api/precedents'], ['GET', '/api/reviewers'], ['GET', '/api/stats/team'], ['GET', '/api/stats/team.csv']] as [string, string, unknown?][]) {
      const r = await anon.request(m, p, b);
      expect(r.status, `${m} ${p}`).toBe(401);
      expect(errorOf(r).code).toBe('unauthenticated');
    }
  });

  it('another organisation: 404 everywhere, and nothing of ours in its lists', async () => {
    for (const [m, p, b] of endpoints()) {
      const r = await otherAdmin.request(m, p, b);
      expect(r.status, `${m} ${p}`).toBe(404);
      expect(errorOf(r).code).toBe('not_found');
    }
    expect((await otherAdmin.get('/api/precedents')).body.data).toEqual([]);
    expect((await otherAdmin.get('/api/reviewers')).body.data.map((u: any) => u.id)).not.toContain(org.senior._id);
  });

  it('ids that are not ids: 404', async () => {
    for (const p of ['/api/encounters/x/resolutions', '/api/resolutions/x/reopen', '/api/reviews/x', '/api/double-coding/x', '/api/precedents/x', '/api/stats/coders/x']) {
      const r = p.endsWith('reopen') ? await senior.post(p, { reason: 'x' }) : await senior.get(p);
      expect(r.status, p).toBe(404);
    }
  });

  it('the precedent preview is for those who may resolve, and is audited as a PHI read', async () => {
    expect((await coder.post(`/api/encounters/${ids.enc}/resolutions/preview`, {})).status).toBe(403);
    expect((await teamless.post(`/api/encounters/${ids.enc}/resolutions/preview`, {})).status).toBe(404);
    const r = await senior.post(`/api/encounters/${ids.enc}/resolutions/preview`, { factPattern: 'Mrs. Ada Quill, MRN-8812345, called (612) 555-0199.' });
    expect(r.status).toBe(200);
    expect(r.body.data.candidates.map((c: any) => c.type)).toEqual(expect.arrayContaining(['NAME', 'MRN', 'PHONE']));
    expect(r.body.data.candidates.every((c: any) => c.required)).toBe(true);
    expect(errorOf(await senior.post(`/api/encounters/${ids.enc}/resolutions/preview`, { factPattern: 1 })).field).toBe('factPattern');
    await server.ctx.audit.flush();
    expect(await server.ctx.db.c.audit.countDocuments({ targetId: ids.enc, action: 'encounters.deid-preview', actorId: org.senior._id })).toBe(1);
  });
});
