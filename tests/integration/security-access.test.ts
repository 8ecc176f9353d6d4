/**
 * Access that the outside review found too wide or unaudited: a forum post never opens the
 * original encounter, and every answer carrying PHI or an encounter's identity (queue pages,
 * searches, forum reads, audit-log reads) leaves one audit record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { type Client, signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

let server: TestServer;
let org: TestOrg;
let owner: Client;
let senior: Client;
let admin: Client;
let reader: Client;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
  // owner = a coder of Team A; senior = the senior of the same team.
  owner = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
  senior = await signedIn(server.url, org.senior.email, TEST_PASSWORD);
  admin = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
  reader = await signedIn(server.url, org.otherCoder.email, TEST_PASSWORD);
});
afterAll(() => server.close());

async function publish(id: string): Promise<string> {
  const preview = await owner.post(`/api/encounters/${id}/forum/preview`);
  expect(preview.status).toBe(200);
  const acceptedIds = preview.body.data.candidates.map((c: { id: string }) => c.id);
  const r = await owner.post(`/api/encounters/${id}/forum`, { acceptedIds, dateMode: 'shift' });
  expect(r.status).toBe(201);
  return r.body.data.id as string;
}

const auditWhere = async (filter: Record<string, unknown>) => {
  await server.ctx.audit.flush();
  return server.ctx.db.c.audit.find({ orgId: org.orgId, ...filter }).toArray();
};

describe('publishing is not sharing', () => {
  it('a senior of the owner\'s team cannot open, list or act on a published encounter that is not shared', async () => {
    const enc = (await owner.post('/api/encounters', encounterInput({ title: 'Published only' }))).body.data;
    expect((await senior.get(`/api/encounters/${enc.id}`)).status).toBe(404);
    const postId = await publish(enc.id);

    const opened = await senior.get(`/api/encounters/${enc.id}`);
    expect(opened.status).toBe(404);
    expect(JSON.stringify(opened.body)).not.toContain('Ada Quill');
    expect((await senior.patch(`/api/encounters/${enc.id}`, { title: 'x' })).status).toBe(404);
    expect((await senior.get(`/api/encounters/${enc.id}/export`)).status).toBe(404);
    const team = (await senior.get('/api/encounters?queue=team')).body.data;
    expect(team.items.map((i: { id: string }) => i.id)).not.toContain(enc.id);
    // The de-identified copy is what the forum offers.
    expect((await senior.get(`/api/forum/${postId}`)).status).toBe(200);

    // Sharing (not publishing) is what opens it to the team's senior.
    expect((await owner.put(`/api/encounters/${enc.id}/sharing`, { userIds: [org.otherCoder._id], teamIds: [] })).status).toBe(200);
    const afterShare = await senior.get(`/api/encounters/${enc.id}`);
    expect(afterShare.status).toBe(200);
    expect(afterShare.body.data.patient.name).toBe('Ada Quill');
    // ... and taking the share back closes it again, though the post stays on the forum.
    expect((await owner.put(`/api/encounters/${enc.id}/sharing`, { userIds: [], teamIds: [] })).status).toBe(200);
    expect((await senior.get(`/api/encounters/${enc.id}`)).status).toBe(404);
  });

  it('an admin without a team does not see a published-only encounter in the team queue', async () => {
    const enc = (await owner.post('/api/encounters', encounterInput({ title: 'Published for admins' }))).body.data;
    await publish(enc.id);
    const team = (await admin.get('/api/encounters?queue=team')).body.data;
    expect(team.items.map((i: { id: string }) => i.id)).not.toContain(enc.id);
  });
});

describe('audit of lists, searches, forum reads and audit reads', () => {
  it('a queue page is one record naming the encounters returned', async () => {
    const a = (await owner.post('/api/encounters', encounterInput({ title: 'Audit list A' }))).body.data;
    const b = (await owner.post('/api/encounters', encounterInput({ title: 'Audit list B' }))).body.data;
    const before = (await auditWhere({ actorId: org.coder._id, action: 'encounters.list' })).length;
    const r = await owner.get('/api/encounters?queue=mine&q=Audit%20list&pageSize=50');
    expect(r.status).toBe(200);
    const records = await auditWhere({ actorId: org.coder._id, action: 'encounters.list' });
    expect(records.length).toBe(before + 1);
    const rec = records.find((x) => (x.details as { filters?: { q?: string } })?.filters?.q === 'Audit list')!;
    expect(rec).toMatchObject({ targetType: 'queue', targetId: 'mine', address: expect.stringMatching(/127\.0\.0\.1/) });
    expect((rec.details as { encounterIds: string[] }).encounterIds.sort()).toEqual([a.id, b.id].sort());
  });

  it('a code search and the forum queue are audited too', async () => {
    const enc = (await owner.post('/api/encounters', encounterInput({ title: 'Audit code search', codeLines: [{ system: 'ICD-10-CM', code: 'K35.80', role: 'principal', poa: 'Y' }] }))).body.data;
    const postId = await publish(enc.id);
    expect((await reader.get('/api/encounters?queue=mine&code=K35')).status).toBe(200);
    await senior.get('/api/encounters?queue=mine&code=K35.8');
    const mine = await auditWhere({ actorId: org.senior._id, action: 'encounters.list' });
    expect(mine.some((x) => (x.details as { filters: { code?: string } }).filters.code === 'K35.8')).toBe(true);
    const forum = await reader.get('/api/encounters?queue=forum&code=K35');
    expect(forum.body.data.items.map((i: { id: string }) => i.id)).toContain(postId);
    const list = await auditWhere({ actorId: org.otherCoder._id, action: 'forum.list' });
    expect(list.some((x) => (x.details as { postIds: string[] }).postIds.includes(postId))).toBe(true);
  });

  it('reading a forum post records forum.view naming the post and its encounter', async () => {
    const enc = (await owner.post('/api/encounters', encounterInput({ title: 'Audit forum read' }))).body.data;
    const postId = await publish(enc.id);
    expect((await reader.get(`/api/forum/${postId}`)).status).toBe(200);
    const recs = await auditWhere({ actorId: org.otherCoder._id, action: 'forum.view', targetId: postId });
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ targetType: 'forum-post', details: { encounterId: enc.id } });
    // An unknown post is a 404 and names nothing, so it leaves no record.
    expect((await reader.get('/api/forum/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(await auditWhere({ action: 'forum.view', targetId: '00000000-0000-4000-8000-000000000000' })).toHaveLength(0);
  });

  it('reading the audit log is itself audited, with the filters and the records returned', async () => {
    const r = await admin.get(`/api/audit?actorId=${org.coder._id}&pageSize=5`);
    expect(r.status).toBe(200);
    const recs = await auditWhere({ actorId: org.admin._id, action: 'audit.list' });
    const rec = recs.find((x) => (x.details as { filters: { actorId?: string } }).filters.actorId === org.coder._id)!;
    expect(rec).toBeDefined();
    expect((rec.details as { recordIds: string[] }).recordIds).toEqual(r.body.data.items.map((i: { id: string }) => i.id));
    // A refused read (not an admin) returns nothing and records nothing.
    const before = (await auditWhere({ actorId: org.coder._id, action: 'audit.list' })).length;
    expect((await owner.get('/api/audit')).status).toBe(403);
    expect((await auditWhere({ actorId: org.coder._id, action: 'audit.list' })).length).toBe(before);
  });
});
