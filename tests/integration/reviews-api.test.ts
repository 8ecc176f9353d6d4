/**
 * Mentor review: request, approve or request changes with line comments, the coder agrees with
 * or disputes each change, a neutral senior or admin decides; states and history; who may do
 * what; bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, createUserDoc, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
let coder: Client, senior: Client, lead: Client, admin: Client, teammate: Client, otherAdmin: Client;

beforeAll(async () => {
  server = await startTestServer();
  const c = server.ctx.db.c;
  org = await createOrg(c);
  other = await createOrg(c);
  const leadDoc = await createUserDoc(c, org.orgId, { role: 'senior', name: 'Lena Lead', teamIds: [org.teamId] });
  const mate = await createUserDoc(c, org.orgId, { role: 'coder', name: 'Tim Teammate', teamIds: [org.teamId] });
  coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
  senior = await signedIn(server.url, org.senior.email, TEST_PASSWORD);
  lead = await signedIn(server.url, leadDoc.email, TEST_PASSWORD);
  admin = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
  teammate = await signedIn(server.url, mate.email, TEST_PASSWORD);
  otherAdmin = await signedIn(server.url, other.admin.email, TEST_PASSWORD);
});
afterAll(() => server.close());

async function shared() {
  const r = await coder.post('/api/encounters', encounterInput());
  const id = r.body.data.id as string;
  expect((await coder.put(`/api/encounters/${id}/sharing`, { userIds: [], teamIds: [org.teamId] })).status).toBe(200);
  return { id, lines: r.body.data.codeLines as any[] };
}

describe('review states and disputes', () => {
  it('request → changes requested → one agreed, one disputed → decided → completed, with history', async () => {
    const { id, lines } = await shared();
    const req = await coder.post(`/api/encounters/${id}/reviews`, { reviewerId: org.senior._id, note: 'please check POA' });
    expect(req.status).toBe(201);
    expect(req.body.data.state).toBe('requested');
    const reviewId = req.body.data.id;
    expect((await coder.post(`/api/encounters/${id}/reviews`, { reviewerId: org.senior._id })).status).toBe(409);
    // The reviewer: B96.20's POA changed, R65.10 added; a comment on the first line.
    const reviewerLines = [lines[0], { ...lines[1], poa: 'N' }, { system: 'ICD-10-CM', code: 'R65.10', role: 'secondary', poa: 'Y' }];
    const sub = await senior.post(`/api/reviews/${reviewId}/review`, {
      decision: 'request-changes', codeLines: reviewerLines, comments: [{ lineId: lines[0].id, body: 'Principal is right.' }],
      errorTags: [{ tag: 'poa', code: 'B96.20' }, { tag: 'missed-secondary', code: 'R65.10' }]
    });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    const review = sub.body.data;
    expect(review.state).toBe('changes-requested');
    expect(review.changes.map((c: any) => [c.kind, c.before?.code ?? null, c.after?.code ?? null, c.fields])).toEqual([
      ['changed', 'B96.20', 'B96.20', ['poa']], ['added', null, 'R65.10', []]
    ]);
    expect(review.comments[0]).toMatchObject({ lineId: lines[0].id, body: 'Principal is right.' });
    const [poa, added] = review.changes;
    // Only the coder answers; a dispute needs a reason.
    expect((await senior.post(`/api/reviews/${reviewId}/changes/${poa.id}/response`, { response: 'agree' })).status).toBe(403);
    const noReason = await coder.post(`/api/reviews/${reviewId}/changes/${added.id}/response`, { response: 'dispute' });
    expect(errorOf(noReason).field).toBe('reason');
    expect((await coder.post(`/api/reviews/${reviewId}/changes/${poa.id}/response`, { response: 'agree' })).body.data.state).toBe('changes-requested');
    const disputed = await coder.post(`/api/reviews/${reviewId}/changes/${added.id}/response`, { response: 'dispute', reason: 'SIRS was not documented by the provider' });
    expect(disputed.body.data.state).toBe('disputed');
    expect((await coder.post(`/api/reviews/${reviewId}/changes/${added.id}/response`, { response: 'agree' })).status).toBe(409);
    // Neither the coder nor the reviewer decides; a coder cannot either.
    expect((await senior.post(`/api/reviews/${reviewId}/changes/${added.id}/decision`, { decision: 'uphold', reason: 'x' })).status).toBe(403);
    expect((await coder.post(`/api/reviews/${reviewId}/changes/${added.id}/decision`, { decision: 'overturn', reason: 'x' })).status).toBe(403);
    expect((await teammate.post(`/api/reviews/${reviewId}/changes/${added.id}/decision`, { decision: 'overturn', reason: 'x' })).status).toBe(403);
    expect((await lead.post(`/api/reviews/${reviewId}/changes/${poa.id}/decision`, { decision: 'uphold', reason: 'x' })).status).toBe(409);
    const decided = await lead.post(`/api/reviews/${reviewId}/changes/${added.id}/decision`, { decision: 'overturn', reason: 'No provider documentation of SIRS' });
    expect(decided.status).toBe(200);
    expect(decided.body.data.state).toBe('completed');
    expect(decided.body.data.changes[1].decision).toMatchObject({ value: 'overturn', by: { name: 'Lena Lead' } });
    expect((await admin.post(`/api/reviews/${reviewId}/changes/${added.id}/decision`, { decision: 'uphold', reason: 'no' })).status).toBe(409);
    const seen = await coder.get(`/api/reviews/${reviewId}`);
    expect(seen.body.data.history.map((h: any) => h.state)).toEqual(['requested', 'changes-requested', 'disputed', 'completed']);
    expect(seen.body.data.history[0].note).toBe('please check POA');
  });

  it('opens exactly one review when the coder asks twice at the same moment', async () => {
    const { id } = await shared();
    const rs = await Promise.all(Array.from({ length: 6 }, () => coder.post(`/api/encounters/${id}/reviews`, { reviewerId: org.senior._id })));
    expect(rs.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('approve without changes; an approval that changes codes is refused; a team review is taken by a senior of the team', async () => {
    const { id, lines } = await shared();
    const req = await coder.post(`/api/encounters/${id}/reviews`, { teamId: org.teamId });
    const reviewId = req.body.data.id;
    const bad = await lead.post(`/api/reviews/${reviewId}/review`, { decision: 'approve', codeLines: [lines[0]] });
    expect(errorOf(bad).field).toBe('decision');
    expect((await teammate.post(`/api/reviews/${reviewId}/review`, { decision: 'approve' })).status).toBe(403);
    const ok = await lead.post(`/api/reviews/${reviewId}/review`, { decision: 'approve' });
    expect(ok.body.data.state).toBe('approved');
    expect(ok.body.data.reviewer.name).toBe('Lena Lead');
    expect((await senior.post(`/api/reviews/${reviewId}/review`, { decision: 'approve' })).status).toBe(409);
    expect((await coder.get(`/api/encounters/${id}/reviews`)).body.data.map((r: any) => r.state)).toEqual(['approved']);
  });
});

describe('who may, and bad input', () => {
  it('unauthenticated 401, another organisation 404, only the owner requests, reviewers must be seniors who can see it', async () => {
    const { id } = await shared();
    expect((await new Client(server.url).post(`/api/encounters/${id}/reviews`, { reviewerId: org.senior._id })).status).toBe(401);
    expect((await otherAdmin.post(`/api/encounters/${id}/reviews`, { reviewerId: org.senior._id })).status).toBe(404);
    expect((await teammate.post(`/api/encounters/${id}/reviews`, { reviewerId: org.senior._id })).status).toBe(403);
    expect(errorOf(await coder.post(`/api/encounters/${id}/reviews`, { reviewerId: org.otherCoder._id })).field).toBe('reviewerId');
    expect(errorOf(await coder.post(`/api/encounters/${id}/reviews`, { reviewerId: other.admin._id })).field).toBe('reviewerId');
    expect(errorOf(await coder.post(`/api/encounters/${id}/reviews`, {})).field).toBe('reviewerId');
    expect(errorOf(await coder.post(`/api/encounters/${id}/reviews`, { teamId: org.teamId, reviewerId: org.senior._id })).field).toBe('reviewerId');
    expect(errorOf(await coder.post(`/api/encounters/${id}/reviews`, { teamId: crypto.randomUUID() })).field).toBe('teamId');
    expect((await coder.get(`/api/encounters/${id}/reviews`)).body.data).toEqual([]);
    const req = await coder.post(`/api/encounters/${id}/reviews`, { reviewerId: org.senior._id });
    const reviewId = req.body.data.id;
    expect((await otherAdmin.get(`/api/reviews/${reviewId}`)).status).toBe(404);
    expect((await new Client(server.url).get(`/api/reviews/${reviewId}`)).status).toBe(401);
    expect(errorOf(await senior.post(`/api/reviews/${reviewId}/review`, { decision: 'maybe' })).field).toBe('decision');
    expect(errorOf(await senior.post(`/api/reviews/${reviewId}/review`, { decision: 'request-changes', comments: [{ lineId: 'nope', body: 'x' }] })).field).toBe('comments.0.lineId');
    expect(errorOf(await senior.post(`/api/reviews/${reviewId}/review`, { decision: 'request-changes' })).field).toBe('codeLines');
    expect((await coder.get(`/api/reviews/${reviewId}`)).body.data.state).toBe('requested');
    expect((await coder.post(`/api/reviews/${reviewId}/review`, { decision: 'approve' })).status).toBe(403);
    expect((await coder.post(`/api/reviews/${reviewId}/changes/${crypto.randomUUID()}/response`, { response: 'agree' })).status).toBe(404);
  });
});
