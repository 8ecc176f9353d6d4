/** Publishing a de-identified copy to the forum, the audit log, and the queue views. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';
import { encounterInput, NOTE } from '../support/encounters';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
let owner: Client;
let admin: Client;
let reader: Client;
let stranger: Client;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
  other = await createOrg(server.ctx.db.c);
  owner = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
  admin = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
  reader = await signedIn(server.url, org.otherCoder.email, TEST_PASSWORD);
  stranger = await signedIn(server.url, other.admin.email, TEST_PASSWORD);
});
afterAll(() => server.close());

const auditFor = async (targetId: string) => {
  await server.ctx.audit.flush();
  return (await server.ctx.db.c.audit.find({ targetId }).toArray()).map((a) => a.action);
};

describe('publishing to the forum', () => {
  it('previews redactions, publishes only the de-identified copy, and forum readers never get the original', async () => {
    const enc = (await owner.post('/api/encounters', encounterInput({ flags: [{ category: 'sequencing', question: 'Mrs. Quill: UTI principal?' }] }))).body.data;
    const preview = await owner.post(`/api/encounters/${enc.id}/forum/preview`);
    expect(preview.status).toBe(200);
    const types = new Set(preview.body.data.candidates.map((c: { type: string }) => c.type));
    for (const t of ['NAME', 'DATE', 'MRN', 'PHONE']) expect(types).toContain(t);
    expect(preview.body.data.highlights[enc.documents[0].id].length).toBeGreaterThan(0);

    const ids = preview.body.data.candidates.map((c: { id: string }) => c.id);
    const start = NOTE.indexOf('dysuria');
    const published = await owner.post(`/api/encounters/${enc.id}/forum`, {
      acceptedIds: ids, dateMode: 'year-only',
      added: [{ documentId: enc.documents[0].id, start, end: start + 7, type: 'OTHER_ID', text: 'dysuria' }]
    });
    expect(published.status).toBe(201);
    const postId = published.body.data.id;

    const seen = await reader.get(`/api/forum/${postId}`);
    expect(seen.status).toBe(200);
    const text = JSON.stringify(seen.body.data);
    for (const phi of ['Ada Quill', 'Quill', '04/12/1950', 'MRN-8812345', '555-0199', '14 Elm Street', 'Duluth', 'dysuria']) expect(text).not.toContain(phi);
    expect(seen.body.data.documents[0].text).toContain('[NAME]');
    expect(seen.body.data.patient.name).toBeUndefined();
    expect(seen.body.data.flags[0].question).not.toContain('Quill');

    const queue = await reader.get('/api/encounters?queue=forum');
    expect(queue.body.data.items.map((i: { id: string }) => i.id)).toContain(postId);
    expect(queue.body.data.items[0].href).toBe(`/forum/${postId}`);
    // The forum reader still cannot open the original.
    expect((await reader.get(`/api/encounters/${enc.id}`)).status).toBe(404);
    expect((await stranger.get(`/api/forum/${postId}`)).status).toBe(404);
    expect(await auditFor(enc.id)).toEqual(expect.arrayContaining(['encounters.create', 'encounters.deid-preview', 'encounters.publish']));

    const un = await owner.delete(`/api/encounters/${enc.id}/forum`);
    expect(un.body.data.published).toBe(false);
    expect((await reader.get(`/api/forum/${postId}`)).status).toBe(404);
  });

  it('finishes an unpublish that stopped after clearing the pointer: the copy left on the forum goes at the next try', async () => {
    const enc = (await owner.post('/api/encounters', encounterInput())).body.data;
    const { candidates } = (await owner.post(`/api/encounters/${enc.id}/forum/preview`)).body.data;
    const postId = (await owner.post(`/api/encounters/${enc.id}/forum`, { acceptedIds: candidates.map((c: { id: string }) => c.id), dateMode: 'shift' })).body.data.id;
    // The first of unpublish's two writes, through the same store, as a crash before the second would leave it.
    await server.ctx.db.stores.encounters.update(enc.id, (e) => ({ next: { ...e!, forumPostId: null }, result: undefined }));
    expect((await reader.get(`/api/forum/${postId}`)).status).toBe(200);
    // Only the owner's side may finish it: a reader and a stranger are refused as before.
    expect((await reader.delete(`/api/encounters/${enc.id}/forum`)).status).toBe(404);
    expect((await stranger.delete(`/api/encounters/${enc.id}/forum`)).status).toBe(404);
    const un = await owner.delete(`/api/encounters/${enc.id}/forum`);
    expect(un.status).toBe(200);
    expect(un.body.data.published).toBe(false);
    expect((await reader.get(`/api/forum/${postId}`)).status).toBe(404);
    expect(errorOf(await owner.delete(`/api/encounters/${enc.id}/forum`)).code).toBe('not_found');
  });

  it('republishing after an interrupted unpublish replaces the copy left on the forum, never adds a second', async () => {
    const enc = (await owner.post('/api/encounters', encounterInput())).body.data;
    const publish = async () => {
      const { candidates } = (await owner.post(`/api/encounters/${enc.id}/forum/preview`)).body.data;
      return (await owner.post(`/api/encounters/${enc.id}/forum`, { acceptedIds: candidates.map((c: { id: string }) => c.id), dateMode: 'shift' })).body.data.id;
    };
    const first = await publish();
    await server.ctx.db.stores.encounters.update(enc.id, (e) => ({ next: { ...e!, forumPostId: null }, result: undefined }));
    expect(await publish()).toBe(first);
    expect(await server.ctx.db.c.forumPosts.countDocuments({ encounterId: enc.id })).toBe(1);
    expect((await owner.get(`/api/encounters/${enc.id}`)).body.data.forumPostId).toBe(first);
  });

  it('keeps what the coder un-ticks (never the patient\'s own identifiers), shifts dates by one offset in shift mode', async () => {
    const enc = (await owner.post('/api/encounters', encounterInput({ documents: [{ kind: 'discharge-summary', title: 'DC', text: 'Admitted 09/14/2026, discharged 09/17/2026. Patient Ada Quill, seen with Dr. Harlan.' }] }))).body.data;
    const { candidates } = (await owner.post(`/api/encounters/${enc.id}/forum/preview`)).body.data;
    const keepName = candidates.filter((c: { type: string }) => c.type !== 'NAME').map((c: { id: string }) => c.id);
    const post = (await owner.post(`/api/encounters/${enc.id}/forum`, { acceptedIds: keepName, dateMode: 'shift' })).body.data;
    const text: string = post.documents[0].text;
    // Issue 8: the patient's name is mandatory (required: true) and goes whatever the coder un-ticks.
    expect(text).toContain('Harlan');
    expect(text).not.toContain('Quill');
    expect(post.dates).toEqual({ mode: 'shift', fiscalYear: 2026 });
    const [a, b] = [...text.matchAll(/(\d{2})\/(\d{2})\/(\d{4})/g)].map((m) => Date.UTC(+m[3]!, +m[1]! - 1, +m[2]!));
    expect((b! - a!) / 86_400_000).toBe(3);
    expect(text).not.toContain('09/14/2026');
  });

  it('refuses stale or forged redaction decisions, strangers and coders without publish rights', async () => {
    const enc = (await owner.post('/api/encounters', encounterInput())).body.data;
    expect((await owner.post(`/api/encounters/${enc.id}/forum`, { acceptedIds: ['made-up'], dateMode: 'shift' })).status).toBe(409);
    const forged = await owner.post(`/api/encounters/${enc.id}/forum`, { acceptedIds: [], added: [{ documentId: enc.documents[0].id, start: 0, end: 4, type: 'NAME', text: 'XXXX' }] });
    expect(errorOf(forged).field).toBe('added.0.text');
    expect(errorOf(await owner.post(`/api/encounters/${enc.id}/forum`, { acceptedIds: [], added: [{ documentId: enc.documents[0].id, start: 0, end: 4, type: 'NAME', text: 'Mrs.', extra: 1 }] })).field).toBe('added.0');
    expect((await stranger.post(`/api/encounters/${enc.id}/forum/preview`)).status).toBe(404);
    expect((await reader.post(`/api/encounters/${enc.id}/forum`, { acceptedIds: [] })).status).toBe(404);
    await owner.put(`/api/encounters/${enc.id}/sharing`, { userIds: [org.otherCoder._id], teamIds: [] });
    expect((await reader.post(`/api/encounters/${enc.id}/forum/preview`)).status).toBe(403);
  });
});

describe('audit log', () => {
  it('records views, changes, shares and exports with actor, time and address; no API edits it', async () => {
    const enc = (await owner.post('/api/encounters', encounterInput())).body.data;
    await owner.get(`/api/encounters/${enc.id}`);
    await owner.put(`/api/encounters/${enc.id}/code-lines`, { codeLines: [] });
    await owner.put(`/api/encounters/${enc.id}/sharing`, { userIds: [org.senior._id], teamIds: [] });
    await owner.get(`/api/encounters/${enc.id}/export`);
    await owner.post(`/api/encounters/${enc.id}/flags`, { category: 'query needed', question: 'Query?' });
    const r = await admin.get(`/api/audit?targetId=${enc.id}&pageSize=50`);
    expect(r.status).toBe(200);
    const actions = r.body.data.items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['encounters.create', 'encounters.view', 'encounters.update-codes', 'encounters.share', 'encounters.export', 'flags.create']));
    const view = r.body.data.items.find((i: { action: string }) => i.action === 'encounters.view');
    expect(view).toMatchObject({ actor: { id: org.coder._id, name: org.coder.name }, target: { type: 'encounter', id: enc.id }, address: expect.stringMatching(/127\.0\.0\.1/) });
    expect(Date.parse(view.at)).toBeGreaterThan(Date.now() - 60_000);

    const filtered = await admin.get(`/api/audit?action=encounters.share&actorId=${org.coder._id}`);
    expect(filtered.body.data.items.every((i: { action: string }) => i.action === 'encounters.share')).toBe(true);
    expect((await admin.get(`/api/audit?from=2000-01-01&to=2000-01-02`)).body.data.total).toBe(0);

    expect((await owner.get('/api/audit')).status).toBe(403);
    expect((await new Client(server.url).get('/api/audit')).status).toBe(401);
    expect((await stranger.get(`/api/audit?targetId=${enc.id}`)).body.data.total).toBe(0);
    expect(errorOf(await admin.get('/api/audit?action=DROP TABLE')).field).toBe('action');
    for (const method of ['delete', 'patch', 'put', 'post'] as const) {
      const res = await admin.request(method.toUpperCase(), `/api/audit/${r.body.data.items[0].id}`, {});
      expect(res.status).toBe(404);
    }
  });
});

describe('queues', () => {
  it('filters by status, category, setting and code; sorts; paginates; counts', async () => {
    const q = await signedIn(server.url, org.senior.email, TEST_PASSWORD);
    const mk = (over: Parameters<typeof encounterInput>[0]) => q.post('/api/encounters', encounterInput(over));
    await mk({ title: 'Q-A', setting: 'outpatient', dateOfService: '2026-01-02', codeLines: [{ system: 'ICD-10-CM', code: 'E11.65', role: 'first-listed' }], flags: [{ category: 'specificity', question: '?' }] });
    await mk({ title: 'Q-B', setting: 'inpatient', dateOfService: '2026-03-04', codeLines: [{ system: 'ICD-10-CM', code: 'I10', role: 'principal', poa: 'Y' }], flags: [{ category: 'sequencing', question: '?' }] });
    await mk({ title: 'Q-C', setting: 'emergency', dateOfService: '2026-02-03', codeLines: [{ system: 'ICD-10-CM', code: 'E11.9', role: 'first-listed' }] });

    const get = async (qs: string) => (await q.get('/api/encounters?queue=mine&' + qs)).body.data;
    expect((await get('')).total).toBe(3);
    expect((await get('code=E11')).items.map((i: { title: string }) => i.title).sort()).toEqual(['Q-A', 'Q-C']);
    expect((await get('code=E11.6')).items.map((i: { title: string }) => i.title)).toEqual(['Q-A']);
    expect((await get('category=sequencing')).items.map((i: { title: string }) => i.title)).toEqual(['Q-B']);
    expect((await get('setting=emergency')).total).toBe(1);
    expect((await get('status=open')).total).toBe(3);
    expect((await get('sort=dateOfService&order=asc')).items.map((i: { title: string }) => i.title)).toEqual(['Q-A', 'Q-C', 'Q-B']);
    const page2 = await get('sort=title&order=asc&pageSize=2&page=2');
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((i: { title: string }) => i.title)).toEqual(['Q-C']);
    expect(page2.counts.mine).toBe(3);
    expect(JSON.stringify(page2)).not.toContain('Ada Quill');
    for (const bad of ['queue=all', 'status=done', 'pageSize=1000', 'page=0', 'code=%24where', 'sort=patient', 'evil=1']) {
      expect((await q.get('/api/encounters?' + bad)).status, bad).toBe(400);
    }
  });
});
