/** Creating, validating, importing, editing and flagging encounters. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATA, startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { errorOf, signedIn, type Client } from '../support/http';
import { encounterInput, NOTE } from '../support/encounters';

const demoFile = () => JSON.parse(readFileSync(path.join(SHARED_DATA, 'demo/encounters.json'), 'utf8'));

let server: TestServer;
let org: TestOrg;
let coder: Client;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
  coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
});
afterAll(() => server.close());

describe('creating an encounter', () => {
  it('stores every part and gives ids to sections, lines and flags', async () => {
    const r = await coder.post('/api/encounters', encounterInput({
      flags: [{ category: 'clinical validity', question: 'UTI only?', anchor: { type: 'text', documentId: '0', start: NOTE.indexOf('urinary'), end: NOTE.indexOf('urinary') + 23, quote: 'urinary tract infection' } }]
    }));
    expect(r.status).toBe(201);
    const e = r.body.data;
    expect(e).toMatchObject({ title: 'UTI or sepsis?', setting: 'inpatient', status: 'open', owner: { id: org.coder._id } });
    expect(e.patient).toMatchObject({ name: 'Ada Quill', mrn: 'MRN-8812345' });
    expect(e.documents[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.codeLines.map((l: { code: string }) => l.code)).toEqual(['N39.0', 'B96.20']);
    expect(e.flags[0].anchor).toEqual({ type: 'text', documentId: e.documents[0].id, start: NOTE.indexOf('urinary'), end: NOTE.indexOf('urinary') + 23, quote: 'urinary tract infection' });
  });

  it('stores codes in display form whatever the coder typed', async () => {
    const r = await coder.post('/api/encounters', encounterInput({ codeLines: [{ system: 'ICD-10-CM', code: ' s72001a ', role: 'principal', poa: 'Y' }, { system: 'ICD-10-PCS', code: '0qs734z', role: 'procedure' }] }));
    expect(r.body.data.codeLines.map((l: { code: string }) => l.code)).toEqual(['S72.001A', '0QS734Z']);
  });

  it.each([
    [{ title: '' }, 'title'],
    [{ setting: 'spa' }, 'setting'],
    [{ dateOfService: '2026-02-30' }, 'dateOfService'],
    [{ documents: [] }, 'documents'],
    [{ documents: [{ kind: 'progress-note', title: 'x', text: 'y'.repeat(100_001) }] }, 'documents.0.text'],
    [{ codeLines: [{ system: 'ICD-10-CM', code: '99213', role: 'principal' }] }, 'codeLines.0.code'],
    [{ codeLines: [{ system: 'CPT', code: '9921', role: 'procedure' }] }, 'codeLines.0.code'],
    [{ codeLines: [{ system: 'HCPCS', code: 'JJ100', role: 'procedure' }] }, 'codeLines.0.code'],
    [{ codeLines: [{ system: 'ICD-10-PCS', code: '0DTJ4Z', role: 'procedure' }] }, 'codeLines.0.code'],
    [{ codeLines: [{ system: 'SNOMED', code: '123', role: 'procedure' }] }, 'codeLines.0.system'],
    [{ codeLines: [{ system: 'CPT', code: '99213', role: 'procedure', modifiers: ['255'] }] }, 'codeLines.0.modifiers.0'],
    [{ patient: { name: 'X', favouriteColour: 'red' } }, 'patient'],
    [{ flags: [{ category: 'vibes', question: '?' }] }, 'flags.0.category'],
    [{ flags: [{ category: 'sequencing', question: 'q', anchor: { type: 'text', documentId: '0', start: 0, end: 4, quote: 'Nope' } }] }, 'flags.0.anchor.quote'],
    [{ flags: [{ category: 'sequencing', question: 'q', anchor: { type: 'text', documentId: '0', start: 0, end: 9999, quote: 'x' } }] }, 'flags.0.anchor.end'],
    [{ flags: [{ category: 'sequencing', question: 'q', anchor: { type: 'text', documentId: '7', start: 0, end: 1, quote: 'M' } }] }, 'flags.0.anchor.documentId']
  ])('rejects %j naming %s, and writes nothing', async (over, field) => {
    const before = await server.ctx.db.c.encounters.countDocuments({ orgId: org.orgId });
    const r = await coder.post('/api/encounters', { ...encounterInput(), ...over });
    expect(r.status).toBe(400);
    expect(errorOf(r).field).toBe(field);
    expect(await server.ctx.db.c.encounters.countDocuments({ orgId: org.orgId })).toBe(before);
  });
});

describe('importing', () => {
  it('imports the demo file: every item created, PHI in its own fields', async () => {
    const file = demoFile();
    const r = await coder.post('/api/encounters/import', file);
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ created: file.encounters.length, rejected: 0 });
    const first = await coder.get(`/api/encounters/${r.body.data.items[0].id}`);
    expect(first.body.data.patient.name).toBe(file.encounters[0].patient.name);
    expect(first.body.data.flags[0].category).toBe(file.encounters[0].flag.category);
    // The demo file spells diagnosis pointers "dxPointers".
    const idx = file.encounters.findIndex((e: { key: string }) => e.key === 'modifier-25-skin-tag');
    const pro = await coder.get(`/api/encounters/${r.body.data.items[idx].id}`);
    expect(pro.body.data.codeLines[0]).toMatchObject({ code: '99214', modifiers: ['25'], pointers: [1] });
  });

  it('reports per item what was rejected and why; a bad item never half-imports', async () => {
    const [good, bad] = demoFile().encounters;
    const broken = { ...bad, key: 'broken', setting: 'spa', proposedCodes: [{ system: 'CPT', code: 'x', role: 'procedure' }] };
    const before = await server.ctx.db.c.encounters.countDocuments({ orgId: org.orgId });
    // A new key: the demo file's own keys were imported by the test above (and would be skipped).
    const r = await coder.post('/api/encounters/import', { encounters: [{ ...good, key: 'good-again' }, broken, 'not an object'] });
    expect(r.body.data.created).toBe(1);
    expect(r.body.data.rejected).toBe(2);
    const rejected = r.body.data.items[1];
    expect(rejected).toMatchObject({ index: 1, key: 'broken', status: 'rejected' });
    expect(rejected.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['setting', 'proposedCodes.0.code']));
    expect(await server.ctx.db.c.encounters.countDocuments({ orgId: org.orgId })).toBe(before + 1);
  });

  it('refuses a file without encounters', async () => {
    expect(errorOf(await coder.post('/api/encounters/import', { encounters: [] })).field).toBe('encounters');
    expect(errorOf(await coder.post('/api/encounters/import', { nope: 1 })).field).toBe('encounters');
  });
});

describe('editing and flagging', () => {
  it('edits metadata, adds a section, replaces code lines keeping ids', async () => {
    const id = (await coder.post('/api/encounters', encounterInput())).body.data.id;
    const patched = await coder.patch(`/api/encounters/${id}`, { title: 'Renamed', payerClass: 'medicare' });
    expect(patched.body.data).toMatchObject({ title: 'Renamed', payerClass: 'medicare' });
    const added = await coder.post(`/api/encounters/${id}/documents`, { kind: 'lab', title: 'Urine culture', text: 'E. coli > 100,000 CFU/mL' });
    expect(added.status).toBe(201);
    expect(added.body.data.documents).toHaveLength(2);
    const lines = added.body.data.codeLines;
    const replaced = await coder.put(`/api/encounters/${id}/code-lines`, { codeLines: [lines[0], { system: 'ICD-10-CM', code: 'A41.51', role: 'secondary', poa: 'N' }] });
    expect(replaced.body.data.codeLines[0].id).toBe(lines[0].id);
    expect(replaced.body.data.codeLines[1].code).toBe('A41.51');
    expect((await coder.patch(`/api/encounters/${id}`, {})).status).toBe(400);
    expect(errorOf(await coder.patch(`/api/encounters/${id}`, { orgId: 'x' })).message).toMatch(/orgId/);
  });

  it('raises flags on a passage or a code line and moves them through their states', async () => {
    const enc = (await coder.post('/api/encounters', encounterInput())).body.data;
    const start = NOTE.indexOf('dysuria');
    const onText = await coder.post(`/api/encounters/${enc.id}/flags`, { category: 'specificity', question: 'Organism?', anchor: { type: 'text', documentId: enc.documents[0].id, start, end: start + 7, quote: 'dysuria' } });
    expect(onText.status).toBe(201);
    const onLine = await coder.post(`/api/encounters/${enc.id}/flags`, { category: 'sequencing', question: 'Principal?', anchor: { type: 'code-line', codeLineId: enc.codeLines[1].id } });
    expect(onLine.status).toBe(201);
    expect(errorOf(await coder.post(`/api/encounters/${enc.id}/flags`, { category: 'sequencing', question: 'q', anchor: { type: 'code-line', codeLineId: 'nope' } })).field).toBe('anchor.codeLineId');
    expect(errorOf(await coder.post(`/api/encounters/${enc.id}/flags`, { category: 'sequencing', question: '' })).field).toBe('question');

    const moved = await coder.patch(`/api/encounters/${enc.id}/flags/${onText.body.data.id}`, { status: 'in-discussion' });
    expect(moved.body.data.status).toBe('in-discussion');
    // The owner is a coder: resolving needs a senior or admin.
    expect((await coder.patch(`/api/encounters/${enc.id}/flags/${onText.body.data.id}`, { status: 'resolved' })).status).toBe(403);
    const admin = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
    for (const f of [onText.body.data.id, onLine.body.data.id]) {
      expect((await admin.patch(`/api/encounters/${enc.id}/flags/${f}`, { status: 'resolved' })).status).toBe(200);
    }
    const after = await coder.get(`/api/encounters/${enc.id}`);
    expect(after.body.data.status).toBe('resolved');
    expect((await coder.patch(`/api/encounters/${enc.id}/flags/00000000-0000-0000-0000-000000000000`, { status: 'open' })).status).toBe(404);
    expect((await coder.patch(`/api/encounters/${enc.id}/flags/${onLine.body.data.id}`, { status: 'closed' })).status).toBe(400);
  });

  it('exports in the import shape and audits it', async () => {
    const id = (await coder.post('/api/encounters', encounterInput())).body.data.id;
    const r = await coder.get(`/api/encounters/${id}/export`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toMatch(/attachment/);
    expect(r.body.encounters[0]).toMatchObject({ title: 'UTI or sepsis?', proposedCodes: [{ code: 'N39.0' }, { code: 'B96.20' }] });
    const again = await coder.post('/api/encounters/import', r.body);
    // Imported back into the same organisation, the export is the encounter it came from.
    expect(again.body.data.items[0]).toMatchObject({ status: 'skipped', id, matchedBy: 'id' });
  });
});
