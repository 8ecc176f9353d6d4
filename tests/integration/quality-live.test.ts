/**
 * Resolutions, mentor reviews and blind double coding are live: after the write lands, everyone
 * with the encounter open (real socket.io clients in the encounter room) is told, without
 * per-viewer data; a double-coding session's progress reaches only its parties and admins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { signedIn, type Client } from '../support/http';
import { encounterInput } from '../support/encounters';
import { closeAllSockets, collect, connectUser, next, ok, type TestSocket } from '../support/sockets';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
let coder: Client, senior: Client;

const RESOLUTION = {
  summary: 'UTI is principal; sepsis was ruled out.',
  rationale: 'Sepsis ruled out at discharge, so it is not coded.',
  references: [{ kind: 'coding-clinic', year: 2019, quarter: 2, page: 8 }],
  outcome: 'coded-as-proposed'
};

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
  other = await createOrg(server.ctx.db.c);
  coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
  senior = await signedIn(server.url, org.senior.email, TEST_PASSWORD);
});
afterAll(async () => { closeAllSockets(); await server?.close(); });

/** The coder's encounter shared with the team and with Otto by name, one flag, and four sockets in its room. */
async function openRoom() {
  const r = await coder.post('/api/encounters', encounterInput());
  const id = r.body.data.id as string;
  expect((await coder.put(`/api/encounters/${id}/sharing`, { userIds: [org.otherCoder._id], teamIds: [org.teamId] })).status).toBe(200);
  const f = await coder.post(`/api/encounters/${id}/flags`, { category: 'sequencing', question: 'Is sepsis or the UTI principal?' });
  const sockets = {} as Record<'coder' | 'senior' | 'otto' | 'admin', TestSocket>;
  for (const [k, u] of [['coder', org.coder], ['senior', org.senior], ['otto', org.otherCoder], ['admin', org.admin]] as const) {
    sockets[k] = await connectUser(server, u);
    await ok(sockets[k], 'encounters.join', { encounterId: id });
  }
  return { id, flagId: f.body.data.id as string, sockets, lines: r.body.data.codeLines as { id: string }[] };
}

describe('quality events reach the encounter room live', () => {
  it("a resolution and its reopening: everyone in the room is told, with the flag's new state", async () => {
    const { id, flagId, sockets } = await openRoom();
    const outsider = await connectUser(server, other.admin);
    const outsiderGot = collect(outsider, 'resolutions.changed');
    const created = next(sockets.otto, 'resolutions.changed', (e) => e.encounterId === id);
    const locked = next(sockets.coder, 'encounters.changed', (e) => e.encounterId === id && e.encounter.flags.some((f) => f.id === flagId && f.status === 'resolved'));
    const res = await senior.post(`/api/encounters/${id}/resolutions`, { ...RESOLUTION, flagId });
    expect(res.status).toBe(201);
    const e = await created;
    expect(e).toEqual({ encounterId: id, resolutionId: res.body.data.id, change: 'created', by: { id: org.senior._id, name: org.senior.name } });
    const changed = await locked;
    expect('permissions' in changed.encounter).toBe(false);

    const reopened = next(sockets.coder, 'resolutions.changed', (x) => x.change === 'reopened');
    const unlocked = next(sockets.otto, 'encounters.changed', (x) => x.encounterId === id && x.encounter.flags.some((f) => f.id === flagId && f.status === 'in-discussion'));
    expect((await senior.post(`/api/resolutions/${res.body.data.id}/reopen`, { reason: 'An addendum documents sepsis' })).status).toBe(200);
    expect(await reopened).toMatchObject({ encounterId: id, resolutionId: res.body.data.id, change: 'reopened' });
    await unlocked;
    expect(outsiderGot).toEqual([]);
  });

  it("a mentor review's state reaches everyone in the room", async () => {
    const { id, sockets, lines } = await openRoom();
    const requested = next(sockets.otto, 'reviews.changed', (e) => e.encounterId === id);
    const req = await coder.post(`/api/encounters/${id}/reviews`, { reviewerId: org.senior._id });
    expect(req.status).toBe(201);
    expect(await requested).toEqual({ encounterId: id, reviewId: req.body.data.id, state: req.body.data.state, by: { id: org.coder._id, name: org.coder.name } });
    const approved = next(sockets.coder, 'reviews.changed', (e) => e.state === 'approved');
    const sub = await senior.post(`/api/reviews/${req.body.data.id}/review`, { decision: 'approve', codeLines: req.body.data.submittedCodeLines, comments: [], errorTags: [] });
    expect(sub.status).toBe(200);
    expect(await approved).toMatchObject({ reviewId: req.body.data.id, state: 'approved', by: { id: org.senior._id } });
    expect(lines.length).toBeGreaterThan(0);
  });

  it('double-coding progress goes to its two parties and admins, never its lines, and not to other viewers', async () => {
    const { id, sockets, lines } = await openRoom();
    const ottoGot = collect(sockets.otto, 'double-coding.changed');
    const coderStarted = next(sockets.coder, 'double-coding.changed', (e) => e.encounterId === id);
    const adminStarted = next(sockets.admin, 'double-coding.changed', (e) => e.encounterId === id);
    const s = await senior.post(`/api/encounters/${id}/double-coding`, {});
    expect(s.status).toBe(201);
    const started = await coderStarted;
    expect(started).toEqual({ encounterId: id, sessionId: s.body.data.id, coderSubmitted: false, seniorSubmitted: false, by: { id: org.senior._id, name: org.senior.name } });
    await adminStarted;
    const submitted = next(sockets.senior, 'double-coding.changed', (e) => e.coderSubmitted);
    expect((await coder.put(`/api/double-coding/${s.body.data.id}/submission`, { codeLines: lines })).status).toBe(200);
    const progress = await submitted;
    expect(progress).toMatchObject({ sessionId: s.body.data.id, coderSubmitted: true, seniorSubmitted: false });
    expect(Object.keys(progress).sort()).toEqual(['by', 'coderSubmitted', 'encounterId', 'seniorSubmitted', 'sessionId']);
    // Otto views the encounter but is no party: a later room event reaches him, the session's never did.
    const later = next(sockets.otto, 'reviews.changed', (e) => e.encounterId === id);
    expect((await coder.post(`/api/encounters/${id}/reviews`, { reviewerId: org.senior._id })).status).toBe(201);
    await later;
    expect(ottoGot).toEqual([]);
  });
});
