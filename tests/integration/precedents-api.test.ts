/**
 * The precedent library over the demo cases (shared/data/demo, read in place): every demo
 * encounter is resolved with its whole first document as the fact pattern, so redaction has real
 * identifiers to remove. Search by words and codes, filters, similar precedents beside a flag and
 * a code line, and the rule that a precedent never holds a patient identifier of its encounter.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, SHARED_DATA, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

const demo = JSON.parse(readFileSync(path.join(SHARED_DATA, 'demo/encounters.json'), 'utf8')).encounters as any[];

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
let coder: Client, senior: Client, outsider: Client, otherAdmin: Client;
const byKey = new Map<string, { id: string; precedentId: string; item: any }>();

beforeAll(async () => {
  server = await startTestServer();
  const c = server.ctx.db.c;
  org = await createOrg(c);
  other = await createOrg(c);
  coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
  senior = await signedIn(server.url, org.senior.email, TEST_PASSWORD);
  outsider = await signedIn(server.url, org.otherCoder.email, TEST_PASSWORD);
  otherAdmin = await signedIn(server.url, other.admin.email, TEST_PASSWORD);
  const imported = await coder.post('/api/encounters/import', { encounters: demo });
  expect(imported.status).toBe(200);
  for (const [i, item] of demo.entries()) {
    const id = imported.body.data.items[i].id as string;
    expect((await coder.put(`/api/encounters/${id}/sharing`, { userIds: [], teamIds: [org.teamId] })).status).toBe(200);
    const references = item.key === 'sepsis-vs-uti'
      ? [{ kind: 'coding-clinic', year: 2019, quarter: 2, page: 8 }, { kind: 'guidelines', section: 'I.C.1.d.1' }]
      : [{ kind: 'guidelines', section: 'III' }];
    const r = await senior.post(`/api/encounters/${id}/resolutions`, {
      summary: `Decision for ${item.title}`, rationale: `Reasoning about ${item.flag.question.slice(0, 200)}`,
      references, outcome: 'coded-as-proposed', factPattern: item.documents[0].text.slice(0, 3_900)
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    byKey.set(item.key, { id, precedentId: r.body.data.precedentId, item });
  }
});
afterAll(() => server.close());

/** Every identifier of the patient record, in the forms the notes use. */
function identifiersOf(patient: any): string[] {
  const out = [patient.name, ...patient.name.split(' ').filter((w: string) => w.length >= 3), patient.mrn, patient.phone, patient.address, patient.mrn.replace(/\D/g, '')];
  const [y, m, d] = patient.dob.split('-');
  out.push(patient.dob, `${m}/${d}/${y}`, patient.address.split(',')[0]);
  return out.filter(Boolean);
}

describe('precedents never hold a patient identifier', () => {
  it('for every demo case: not in any field, through the API or in the stored document', async () => {
    for (const { precedentId, item } of byKey.values()) {
      const dto = await coder.get(`/api/precedents/${precedentId}`);
      expect(dto.status).toBe(200);
      const stored = await server.ctx.db.db.collection('precedents').findOne({ _id: precedentId as any });
      const { encounterId: _hidden, ...storedWithoutLink } = stored as any;
      for (const text of [JSON.stringify(dto.body.data), JSON.stringify(storedWithoutLink)]) {
        for (const v of identifiersOf(item.patient)) expect(text.toLowerCase(), `${item.key}: ${v}`).not.toContain(v.toLowerCase());
      }
      expect(dto.body.data).not.toHaveProperty('encounterId');
      expect(dto.body.data.factPattern.length).toBeGreaterThan(20);
    }
  });

  it('the clinical content survives redaction', async () => {
    const p = (await coder.get(`/api/precedents/${byKey.get('sepsis-vs-uti')!.precedentId}`)).body.data;
    expect(p.factPattern).toMatch(/sepsis secondary to urinary tract infection/);
    expect(p.factPattern).toMatch(/\[NAME\]|\[REDACTED\]/);
  });
});

describe('search', () => {
  it('by codes: every code must be there; a category matches its family', async () => {
    const both = (await coder.get('/api/precedents?codes=A41.51,N39.0')).body.data;
    expect(both.map((p: any) => p.title)).toEqual([byKey.get('sepsis-vs-uti')!.item.title]);
    const j18 = (await coder.get('/api/precedents?codes=J18.9')).body.data;
    expect(j18.map((p: any) => p.title).sort()).toEqual([byKey.get('probable-pneumonia-clinic')!.item.title, byKey.get('hyponatremia-labs-only')!.item.title].sort());
    expect((await coder.get('/api/precedents?codes=E11')).body.data.map((p: any) => p.title).sort())
      .toEqual([byKey.get('modifier-25-skin-tag')!.item.title, byKey.get('diabetes-ckd-htn')!.item.title].sort());
    expect((await coder.get('/api/precedents?codes=A41.51,E11.9')).body.data).toEqual([]);
  });

  it('by words, and with filters (category, setting, reference, date)', async () => {
    const sepsis = (await coder.get('/api/precedents?q=sepsis%20ruled')).body.data;
    expect(sepsis[0].title).toBe(byKey.get('sepsis-vs-uti')!.item.title);
    expect((await coder.get('/api/precedents?q=modifier&category=modifier%20use')).body.data).toHaveLength(1);
    expect((await coder.get('/api/precedents?setting=professional')).body.data).toHaveLength(2);
    expect((await coder.get('/api/precedents?reference=coding-clinic')).body.data.map((p: any) => p.references[0].cite)).toEqual(['Coding Clinic 2Q 2019 p. 8']);
    expect((await coder.get('/api/precedents?to=2000-01-01')).body.data).toEqual([]);
    expect((await coder.get('/api/precedents?from=2000-01-01')).body.data).toHaveLength(demo.length);
  });

  it('another organisation sees none of them; bad queries are 400; unauthenticated 401', async () => {
    expect((await otherAdmin.get('/api/precedents')).body.data).toEqual([]);
    expect((await otherAdmin.get(`/api/precedents/${byKey.get('sepsis-vs-uti')!.precedentId}`)).status).toBe(404);
    expect((await outsider.get('/api/precedents?codes=A41.51')).body.data).toHaveLength(1);
    expect(errorOf(await coder.get('/api/precedents?from=yesterday')).field).toBe('from');
    expect(errorOf(await coder.get('/api/precedents?setting=moon')).field).toBe('setting');
    expect(errorOf(await coder.get('/api/precedents?orgId=x')).code).toBe('invalid_input');
    expect((await new Client(server.url).get('/api/precedents')).status).toBe(401);
    expect((await coder.get('/api/precedents/not-an-id')).status).toBe(404);
  });
});

describe('similar precedents', () => {
  it('beside a new flag with the same codes, the sepsis precedent comes first; beside its code lines too', async () => {
    const r = await coder.post('/api/encounters', encounterInput({
      codeLines: [{ system: 'ICD-10-CM', code: 'A41.51', role: 'principal', poa: 'Y' }, { system: 'ICD-10-CM', code: 'N39.0', role: 'secondary', poa: 'Y' }],
      flags: [{ category: 'conflicting documentation', question: 'ED says sepsis, the discharge summary says ruled out: which do we code?' }]
    }));
    expect(r.status).toBe(201);
    const enc = r.body.data;
    const s = await coder.get(`/api/encounters/${enc.id}/precedents`);
    expect(s.status).toBe(200);
    const hits = s.body.data.byFlag[enc.flags[0].id];
    expect(hits[0].title).toBe(byKey.get('sepsis-vs-uti')!.item.title);
    expect(hits[0].why.join(' ')).toMatch(/shared codes: A41\.51, N39\.0/);
    const lineHits = s.body.data.byLine[enc.codeLines[0].id];
    expect(lineHits.map((h: any) => h.title)).toEqual([byKey.get('sepsis-vs-uti')!.item.title]);
    expect((await outsider.get(`/api/encounters/${enc.id}/precedents`)).status).toBe(404);
    expect((await otherAdmin.get(`/api/encounters/${enc.id}/precedents`)).status).toBe(404);
  });

  it('a reopened resolution is no longer a precedent', async () => {
    const { precedentId } = byKey.get('hip-fracture-laterality')!;
    expect((await senior.post(`/api/resolutions/${precedentId}/reopen`, { reason: 'laterality documented later' })).status).toBe(200);
    expect((await coder.get(`/api/precedents/${precedentId}`)).status).toBe(404);
    expect((await coder.get('/api/precedents?codes=S72.009A')).body.data).toEqual([]);
  });
});
