/** The code-set API against the real official files: search, details, validation, CPT lists, and running without code sets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, WITH_CODE_SETS, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
let coder: Client;
let admin: Client;

beforeAll(async () => {
  server = await startTestServer(WITH_CODE_SETS);
  org = await createOrg(server.ctx.db.c);
  other = await createOrg(server.ctx.db.c);
  coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
  admin = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
  await server.ctx.codeSets.get();
}, 60_000);
afterAll(() => server.close());

const codes = (r: { body: { data: { code: string }[] } }) => r.body.data.map((x) => x.code);

describe('code search', () => {
  it('finds an exact code first, with or without the dot', async () => {
    for (const q of ['E11.9', 'e119']) {
      const r = await coder.get(`/api/codes/search?q=${q}&system=ICD-10-CM`);
      expect(r.status).toBe(200);
      expect(r.body.data[0]).toMatchObject({ system: 'ICD-10-CM', code: 'E11.9', billable: true, kind: 'code', chapter: 4 });
    }
  });

  it('finds by prefix, words and coder abbreviations', async () => {
    expect(codes(await coder.get('/api/codes/search?q=S72.00&system=ICD-10-CM')).every((c) => c.startsWith('S72.00'))).toBe(true);
    expect(codes(await coder.get('/api/codes/search?q=UTI&system=ICD-10-CM'))[0]).toBe('N39.0');
    expect(codes(await coder.get('/api/codes/search?q=essential%20hypertension&system=ICD-10-CM'))[0]).toBe('I10');
    expect(codes(await coder.get('/api/codes/search?q=J1100'))[0]).toBe('J1100');
  });

  it('rejects malformed queries with a clear 400', async () => {
    for (const [qs, field] of [['q=', 'q'], ['q=' + 'x'.repeat(101), 'q'], ['q=E11&system=SNOMED', 'system'], ['q=E11&limit=0', 'limit'], ['q=E11&date=tomorrow', 'date'], ['q=E11&x=1', 'query']] as const) {
      const r = await coder.get('/api/codes/search?' + qs);
      expect(r.status, qs).toBe(400);
      expect(errorOf(r).field, qs).toBe(field);
    }
  });

  it('needs a session', async () => {
    const anon = new Client(server.url);
    for (const r of await Promise.all([
      anon.get('/api/codes/search?q=E11'), anon.get('/api/codes/ICD-10-CM/E11.9'), anon.get('/api/codes/status'),
      anon.post('/api/codes/validate', {}), anon.put('/api/codes/cpt', { csv: 'code,description\n99213,x' })
    ])) expect(r.status).toBe(401);
  });
});

describe('code details', () => {
  it('gives the parent chain, children and chapter', async () => {
    const r = await coder.get('/api/codes/ICD-10-CM/E11.65');
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ code: 'E11.65', billable: true, chapter: { number: 4 } });
    expect(r.body.data.parents.map((p: { code: string }) => p.code)).toEqual(['E11', 'E11.6']);
    const header = await coder.get('/api/codes/ICD-10-CM/E11');
    expect(header.body.data.billable).toBe(false);
    expect(header.body.data.children.length).toBeGreaterThan(5);
  });

  it('answers 404 for unknown codes and systems', async () => {
    expect((await coder.get('/api/codes/ICD-10-CM/Q99.99')).status).toBe(404);
    expect((await coder.get('/api/codes/LOINC/1234-5')).status).toBe(404);
    expect((await coder.get('/api/codes/ICD-10-CM/' + 'A'.repeat(50))).status).toBe(404);
  });
});

describe('validation', () => {
  it('validates ad-hoc code lines with findings a coder understands', async () => {
    const r = await coder.post('/api/codes/validate', {
      setting: 'inpatient', dateOfService: '2026-09-14',
      codeLines: [{ id: 'l1', system: 'ICD-10-CM', code: 'E11', role: 'principal', poa: 'Y' }, { id: 'l2', system: 'ICD-10-CM', code: 'I10', role: 'secondary' }]
    });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ state: 'ready', fiscalYear: 2026 });
    const header = r.body.data.findings.find((f: { rule: string }) => f.rule === 'header-code');
    expect(header).toMatchObject({ severity: 'error', lineIds: ['l1'] });
    expect(header.suggestions).toContain('E11.9');
    expect(r.body.data.findings.find((f: { rule: string }) => f.rule === 'poa-missing').lineIds).toEqual(['l2']);
    expect(errorOf(await coder.post('/api/codes/validate', { setting: 'inpatient', dateOfService: 'x', codeLines: [] })).field).toBe('dateOfService');
  });

  it('shows findings with the encounter, recomputed when code lines change', async () => {
    const enc = (await coder.post('/api/encounters', encounterInput({ codeLines: [{ system: 'ICD-10-CM', code: 'S72.001', role: 'principal', poa: 'Y' }] }))).body.data;
    expect(enc.validation.findings.map((f: { rule: string }) => f.rule)).toContain('seventh-character');
    expect(enc.validation.findings[0].lineIds).toEqual([enc.codeLines[0].id]);
    const fixed = await coder.put(`/api/encounters/${enc.id}/code-lines`, { codeLines: [{ ...enc.codeLines[0], code: 'S72.001A' }] });
    expect(fixed.body.data.validation.findings).toEqual([]);
  });
});

describe('CPT descriptions', () => {
  it('an admin uploads the licensed list; it shows in search for that organisation only', async () => {
    const csv = 'code,description\n99213,"Office visit, established patient, low MDM"\n3074F,Most recent systolic blood pressure < 130\n';
    expect((await coder.put('/api/codes/cpt', { csv })).status).toBe(403);
    const up = await admin.put('/api/codes/cpt', { csv });
    expect(up.body.data).toEqual({ loaded: 2 });
    const found = await coder.get('/api/codes/search?q=99213&system=CPT');
    expect(found.body.data[0]).toMatchObject({ code: '99213', description: 'Office visit, established patient, low MDM' });
    const details = await coder.get('/api/codes/CPT/99213');
    expect(details.body.data).toMatchObject({ system: 'CPT', code: '99213', description: 'Office visit, established patient, low MDM', billable: true });
    const otherCoder = await signedIn(server.url, other.coder.email, TEST_PASSWORD);
    const theirs = await otherCoder.get('/api/codes/search?q=99213&system=CPT');
    expect(theirs.body.data[0]?.description ?? '').not.toContain('Office visit');
    expect((await otherCoder.get('/api/codes/status')).body.data.cptCodes).toBe(0);
    expect((await otherCoder.get('/api/codes/CPT/99213')).status).toBe(404);
  });

  it('rejects a malformed CSV and keeps the old list', async () => {
    for (const csv of ['', 'foo,bar\n1,2', 'code,description\nABCDE,x', 'code,description\n']) {
      const r = await admin.put('/api/codes/cpt', { csv });
      expect(r.status, csv).toBe(400);
      expect(errorOf(r).field).toBe('csv');
    }
    expect((await admin.get('/api/codes/status')).body.data.cptCodes).toBe(2);
  });
});

describe('without code sets', () => {
  it('still runs and says clearly that lookup and validation are off', async () => {
    const bare = await startTestServer({ codeSetsDir: null });
    try {
      const o = await createOrg(bare.ctx.db.c);
      const c = await signedIn(bare.url, o.coder.email, TEST_PASSWORD);
      const r = await c.get('/api/codes/search?q=E11');
      expect(r.status).toBe(503);
      expect(errorOf(r)).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/npm run codesets/) });
      const enc = await c.post('/api/encounters', encounterInput());
      expect(enc.status).toBe(201);
      expect(enc.body.data.validation).toMatchObject({ state: 'off', findings: [] });
      expect((await c.get('/api/health')).body.data.codeSets.state).toBe('off');
    } finally {
      await bare.close();
    }
  });
});
