/**
 * Resolving a flag or a whole encounter: permissions, locking the code set, reopening, two
 * concurrent attempts of which exactly one wins, bad input that writes nothing, and the
 * baseline ("original coding") captured when a flag is raised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
let coder: Client, senior: Client, admin: Client, outsider: Client, otherAdmin: Client;

const RESOLUTION = {
  summary: 'UTI is principal; sepsis was ruled out.',
  rationale: 'Sepsis ruled out at discharge, so it is not coded; the infection is the reason for admission.',
  references: [{ kind: 'coding-clinic', year: 2019, quarter: 2, page: 8 }, { kind: 'guidelines', section: 'I.C.1.d.1' }],
  outcome: 'coded-as-proposed'
};

beforeAll(async () => {
  server = await startTestServer();
  const c = server.ctx.db.c;
  org = await createOrg(c);
  other = await createOrg(c);
  coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
  senior = await signedIn(server.url, org.senior.email, TEST_PASSWORD);
  admin = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
  outsider = await signedIn(server.url, org.otherCoder.email, TEST_PASSWORD);
  otherAdmin = await signedIn(server.url, other.admin.email, TEST_PASSWORD);
});
afterAll(() => server.close());

/** An encounter of the coder, shared with the team, with one flag raised after creation. */
async function flagged() {
  const r = await coder.post('/api/encounters', encounterInput());
  expect(r.status).toBe(201);
  const id = r.body.data.id as string;
  expect((await coder.put(`/api/encounters/${id}/sharing`, { userIds: [], teamIds: [org.teamId] })).status).toBe(200);
  const f = await coder.post(`/api/encounters/${id}/flags`, { category: 'sequencing', question: 'Is sepsis or the UTI principal?' });
  expect(f.status).toBe(201);
  return { id, flagId: f.body.data.id as string };
}

const encounter = async (id: string) => (await senior.get(`/api/encounters/${id}`)).body.data;
const resolutions = async (id: string) => (await senior.get(`/api/encounters/${id}/resolutions`)).body.data as any[];

describe('resolving', () => {
  it('a senior resolves a flag: the flag is resolved, the code set locked, references cited', async () => {
    const { id, flagId } = await flagged();
    const r = await senior.post(`/api/encounters/${id}/resolutions`, { ...RESOLUTION, flagId });
    expect(r.status).toBe(201);
    expect(r.body.data.references.map((x: any) => x.cite)).toEqual(['Coding Clinic 2Q 2019 p. 8', 'ICD-10-CM Official Guidelines I.C.1.d.1']);
    expect(r.body.data.finalCodeLines.map((l: any) => l.code)).toEqual(['N39.0', 'B96.20']);
    expect(r.body.data.codeSet.encounterRevision).toBeGreaterThan(0);
    expect(r.body.data.coder.id).toBe(org.coder._id);
    const enc = await encounter(id);
    expect(enc.flags[0].status).toBe('resolved');
    // Locked: nobody can change the codes, not even an admin.
    const edit = await admin.put(`/api/encounters/${id}/code-lines`, { codeLines: [{ system: 'ICD-10-CM', code: 'A41.51', role: 'principal', poa: 'Y' }] });
    expect(edit.status).toBe(409);
    expect(errorOf(edit).message).toMatch(/locked/);
    expect((await encounter(id)).codeLines.map((l: any) => l.code)).toEqual(['N39.0', 'B96.20']);
  });

  it('the outcome "changed" compares with the code lines when the flag was raised; tags are kept', async () => {
    const { id, flagId } = await flagged();
    const put = await senior.put(`/api/encounters/${id}/code-lines`, { codeLines: [
      { system: 'ICD-10-CM', code: 'N39.0', role: 'principal', poa: 'Y' }, { system: 'ICD-10-CM', code: 'B96.20', role: 'secondary', poa: 'Y' },
      { system: 'ICD-10-CM', code: 'R65.10', role: 'secondary', poa: 'Y' }
    ] });
    expect(put.status).toBe(200);
    const asProposed = await senior.post(`/api/encounters/${id}/resolutions`, { ...RESOLUTION, flagId });
    expect(asProposed.status).toBe(400);
    expect(errorOf(asProposed).field).toBe('outcome');
    const noTags = await senior.post(`/api/encounters/${id}/resolutions`, { ...RESOLUTION, flagId, outcome: 'changed' });
    expect(errorOf(noTags).field).toBe('errorTags');
    const r = await senior.post(`/api/encounters/${id}/resolutions`, { ...RESOLUTION, flagId, outcome: 'changed', errorTags: [{ tag: 'missed-secondary', code: 'R65.10', material: false }] });
    expect(r.status).toBe(201);
    expect(r.body.data.proposedCodeLines.map((l: any) => l.code)).toEqual(['N39.0', 'B96.20']);
    expect(r.body.data.finalCodeLines.map((l: any) => l.code)).toEqual(['N39.0', 'B96.20', 'R65.10']);
    // Without the MS-DRG tables loaded in this server, the resolver's judgement stands.
    expect(r.body.data.errorTags).toEqual([{ tag: 'missed-secondary', code: 'R65.10', material: false, materialSource: 'resolver', note: null }]);
  });

  it('reopening unlocks the code set, is audited, and allows a new resolution', async () => {
    const { id, flagId } = await flagged();
    const first = await senior.post(`/api/encounters/${id}/resolutions`, { ...RESOLUTION, flagId });
    expect(first.status).toBe(201);
    expect((await senior.post(`/api/encounters/${id}/resolutions`, { ...RESOLUTION, flagId })).status).toBe(409);
    const byCoder = await coder.post(`/api/resolutions/${first.body.data.id}/reopen`, { reason: 'new documentation' });
    expect(byCoder.status).toBe(403);
    const noReason = await senior.post(`/api/resolutions/${first.body.data.id}/reopen`, { reason: '  ' });
    expect(errorOf(noReason).field).toBe('reason');
    const reopen = await senior.post(`/api/resolutions/${first.body.data.id}/reopen`, { reason: 'An addendum documents sepsis' });
    expect(reopen.status).toBe(200);
    expect(reopen.body.data.reopened.reason).toBe('An addendum documents sepsis');
    expect((await senior.post(`/api/resolutions/${first.body.data.id}/reopen`, { reason: 'again' })).status).toBe(409);
    const enc = await encounter(id);
    expect(enc.flags[0].status).toBe('in-discussion');
    const edit = await senior.put(`/api/encounters/${id}/code-lines`, { codeLines: [{ system: 'ICD-10-CM', code: 'A41.51', role: 'principal', poa: 'Y' }, { system: 'ICD-10-CM', code: 'N39.0', role: 'secondary', poa: 'Y' }] });
    expect(edit.status).toBe(200);
    const second = await senior.post(`/api/encounters/${id}/resolutions`, { ...RESOLUTION, flagId, outcome: 'changed', errorTags: [{ tag: 'principal-diagnosis', code: 'A41.51' }] });
    expect(second.status).toBe(201);
    const list = await resolutions(id);
    expect(list.map((x) => !!x.reopened)).toEqual([true, false]);
    await server.ctx.audit.flush();
    const audit = await server.ctx.db.c.audit.find({ targetId: id, action: { $in: ['resolutions.create', 'resolutions.reopen'] } }).toArray();
    expect(audit.map((a) => a.action).sort()).toEqual(['resolutions.create', 'resolutions.create', 'resolutions.reopen']);
  });

  it('the whole encounter: every open flag is resolved', async () => {
    const { id } = await flagged();
    expect((await coder.post(`/api/encounters/${id}/flags`, { category: 'present on admission', question: 'POA for B96.20?' })).status).toBe(201);
    const r = await admin.post(`/api/encounters/${id}/resolutions`, RESOLUTION);
    expect(r.status).toBe(201);
    expect(r.body.data.target).toEqual({ type: 'encounter' });
    expect(r.body.data.flagIds).toHaveLength(2);
    expect((await encounter(id)).flags.map((f: any) => f.status)).toEqual(['resolved', 'resolved']);
  });

  it('an encounter created with its flag compares with what the coder submitted for review', async () => {
    const r = await coder.post('/api/encounters', encounterInput({ flags: [{ category: 'sequencing', question: 'Principal?' }] }));
    const id = r.body.data.id as string;
    await coder.put(`/api/encounters/${id}/sharing`, { userIds: [], teamIds: [org.teamId] });
    expect((await coder.post(`/api/encounters/${id}/reviews`, { reviewerId: org.senior._id })).status).toBe(201);
    await senior.put(`/api/encounters/${id}/code-lines`, { codeLines: [{ system: 'ICD-10-CM', code: 'N39.0', role: 'principal', poa: 'Y' }] });
    const res = await senior.post(`/api/encounters/${id}/resolutions`, { ...RESOLUTION, flagId: r.body.data.flags[0].id, outcome: 'changed', errorTags: [{ tag: 'unsupported-code', code: 'B96.20' }] });
    expect(res.status).toBe(201);
    expect(res.body.data.proposedCodeLines.map((l: any) => l.code)).toEqual(['N39.0', 'B96.20']);
    expect(res.body.data.finalCodeLines.map((l: any) => l.code)).toEqual(['N39.0']);
  });

  it('ten concurrent attempts: exactly one wins, the others get 409, one resolution stored', async () => {
    const { id, flagId } = await flagged();
    const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? admin : senior).post(`/api/encounters/${id}/resolutions`, { ...RESOLUTION, flagId })));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(9);
    expect(await resolutions(id)).toHaveLength(1);
    expect(await server.ctx.db.db.collection('precedents').countDocuments({ encounterId: id })).toBe(1);
  });
});

describe('who may resolve, and bad input', () => {
  it('unauthenticated 401, another organisation 404, a coder 403, an outsider 404', async () => {
    const { id, flagId } = await flagged();
    expect((await new Client(server.url).post(`/api/encounters/${id}/resolutions`, { ...RESOLUTION, flagId })).status).toBe(401);
    expect((await otherAdmin.post(`/api/encounters/${id}/resolutions`, { ...RESOLUTION, flagId })).status).toBe(404);
    expect((await otherAdmin.get(`/api/encounters/${id}/resolutions`)).status).toBe(404);
    const own = await coder.post(`/api/encounters/${id}/resolutions`, { ...RESOLUTION, flagId });
    expect(own.status).toBe(403);
    expect(errorOf(own).code).toBe('forbidden');
    expect((await outsider.post(`/api/encounters/${id}/resolutions`, { ...RESOLUTION, flagId })).status).toBe(404);
    expect((await otherAdmin.post(`/api/resolutions/${crypto.randomUUID()}/reopen`, { reason: 'x' })).status).toBe(404);
    expect((await encounter(id)).flags[0].status).toBe('open');
  });

  it('empty rationale, references in the wrong shape, unknown fields, an orgId: 400 naming the field, nothing written', async () => {
    const { id, flagId } = await flagged();
    const cases: [unknown, string][] = [
      [{ ...RESOLUTION, flagId, rationale: '   ' }, 'rationale'],
      [{ ...RESOLUTION, flagId, summary: '' }, 'summary'],
      [{ ...RESOLUTION, flagId, references: [{ kind: 'coding-clinic', year: 2019, quarter: 5, page: 8 }] }, 'references.0.quarter'],
      [{ ...RESOLUTION, flagId, references: [{ kind: 'guidelines', section: 'chapter 1' }] }, 'references.0.section'],
      [{ ...RESOLUTION, flagId, references: [{ kind: 'coding-clinic', year: 2019, quarter: 2, page: 8, text: 'copied text' }] }, 'references.0'],
      [{ ...RESOLUTION, flagId, references: [{ kind: 'url', url: 'javascript:alert(1)' }] }, 'references.0.url'],
      [{ ...RESOLUTION, flagId, references: 'CC 2Q 2019' }, 'references'],
      [{ ...RESOLUTION, flagId, outcome: 'maybe' }, 'outcome'],
      [{ ...RESOLUTION, flagId, orgId: other.orgId }, 'body'],
      [{ ...RESOLUTION, flagId: 'nope' }, 'flagId']
    ];
    for (const [body, field] of cases) {
      const r = await senior.post(`/api/encounters/${id}/resolutions`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(errorOf(r).field).toBe(field);
    }
    expect((await senior.post(`/api/encounters/${id}/resolutions`, { ...RESOLUTION, flagId: crypto.randomUUID() })).status).toBe(404);
    const enc = await encounter(id);
    expect(enc.flags[0].status).toBe('open');
    expect(await resolutions(id)).toEqual([]);
    expect(await server.ctx.db.db.collection('resolution_claims').countDocuments({ encounterId: id })).toBe(0);
    // Still resolvable afterwards.
    expect((await senior.post(`/api/encounters/${id}/resolutions`, { ...RESOLUTION, flagId })).status).toBe(201);
  });
});
