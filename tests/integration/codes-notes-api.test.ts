/**
 * The code API's Tabular notes, CC/MCC severity and the review defects, against the official
 * files; and a server whose code-set folder lacks the optional files.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATA, startTestServer, WITH_CODE_SETS, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

let server: TestServer;
let org: TestOrg;
let coder: Client;

beforeAll(async () => {
  server = await startTestServer(WITH_CODE_SETS);
  org = await createOrg(server.ctx.db.c);
  coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
  await server.ctx.codeSets.get();
}, 60_000);
afterAll(() => server.close());

type Group = { kind: string; from: string; printedAt: string; texts: string[] };
const dx = (id: string, code: string, role: string) => ({ id, system: 'ICD-10-CM', code, role, poa: 'Y' });

describe('code details: the Tabular', () => {
  it('E11.621 for an FY2026 date: section, notes by kind with their level, FY2026 source', async () => {
    const r = await coder.get('/api/codes/ICD-10-CM/E11.621?date=2026-05-01');
    expect(r.status).toBe(200);
    const t = r.body.data.tabular;
    expect(t.section).toMatchObject({ id: 'E08-E13', title: 'Diabetes mellitus' });
    const groups = t.notes as Group[];
    expect(groups.find((g) => g.kind === 'useAdditionalCode' && g.from === 'code')?.texts).toEqual(['code to identify site of ulcer (L97.4-, L97.5-)']);
    expect(groups.find((g) => g.kind === 'includes')).toMatchObject({ from: 'category', printedAt: 'E11' });
    expect(r.body.data.notesSource).toMatch(/FY2026 Tabular/);
  });
  it('FY2027 dates say the other notes come from FY2026; 7th characters; CC/MCC level', async () => {
    expect((await coder.get('/api/codes/ICD-10-CM/E11.621?date=2026-11-01')).body.data.notesSource).toMatch(/FY2027 Excludes extract.*FY2026 Tabular/);
    const s = (await coder.get('/api/codes/ICD-10-CM/S72.001A?date=2026-05-01')).body.data;
    expect(s.tabular.sevenChr.chars[0]).toEqual({ char: 'A', meaning: 'initial encounter for closed fracture' });
    expect((await coder.get('/api/codes/ICD-10-CM/J96.22')).body.data.severity).toBe('MCC');
    expect((await coder.get('/api/codes/ICD-10-CM/F02.80')).body.data.tabular.manifestation).toBe(true);
  });
  it('the status lists every optional feature as on', async () => {
    const st = (await coder.get('/api/codes/status')).body.data;
    expect(st.features.map((f: { feature: string; on: boolean }) => `${f.feature}:${f.on}`)).toEqual(['tabular-notes:true', 'fy2027:true', 'excludes-fy2027:true', 'severity:true', 'pcs-index:true']);
  });
});

describe('search results', () => {
  it('carry the CC/MCC level and, for terminated HCPCS codes, the termination date', async () => {
    const j = (await coder.get('/api/codes/search?q=J96.22&system=ICD-10-CM')).body.data[0];
    expect(j).toMatchObject({ code: 'J96.22', severity: 'MCC' });
    expect((await coder.get('/api/codes/search?q=E11.9&system=ICD-10-CM')).body.data[0].severity).toBeNull();
    const term = [...(await server.ctx.codeSets.get()).hcpcs!.procedures.values()].find((r) => r.terminationDate === '2025-12-31')!;
    const h = (await coder.get(`/api/codes/search?q=${term.code}&system=HCPCS`)).body.data[0];
    expect(h).toMatchObject({ code: term.code, terminatedOn: '2025-12-31' });
  });
});

describe('validation: rules from the notes, severity, line facts', () => {
  it('inpatient: per secondary line CC, MCC or excluded by the principal, and the highest', async () => {
    const r = await coder.post('/api/codes/validate', {
      setting: 'inpatient', dateOfService: '2026-03-10',
      codeLines: [dx('p', 'A41.51', 'principal'), dx('u', 'N39.0', 'secondary'), dx('r', 'R65.20', 'secondary')]
    });
    expect(r.status).toBe(200);
    const sev = r.body.data.severity;
    expect(sev).toMatchObject({ state: 'ready', tables: 'MS-DRG v43', highest: 'CC' });
    expect(sev.lines).toEqual([
      expect.objectContaining({ lineId: 'u', level: 'CC', excluded: false }),
      expect.objectContaining({ lineId: 'r', level: 'MCC', excluded: true, excludedBy: 'A41.51' })
    ]);
    expect(r.body.data.lines.find((l: { lineId: string }) => l.lineId === 'p')).toMatchObject({ status: 'billable', description: expect.stringMatching(/Escherichia coli/i) });
  });
  it('FY2027 inpatient dates say the v44 tables are not loaded', async () => {
    const r = await coder.post('/api/codes/validate', { setting: 'inpatient', dateOfService: '2026-12-01', codeLines: [dx('p', 'J44.1', 'principal'), dx('s', 'J96.22', 'secondary')] });
    expect(r.body.data.severity.message).toMatch(/v44 \(FY2027\) tables are not loaded/);
    expect(r.body.data.severity.highest).toBe('MCC');
  });
  it('a manifestation code first is an error; a diabetic foot ulcer without its site code a suggestion', async () => {
    const r = await coder.post('/api/codes/validate', {
      setting: 'outpatient', dateOfService: '2026-03-10',
      codeLines: [dx('m', 'F02.80', 'first-listed'), dx('e', 'E11.621', 'secondary'), dx('z', 'Z79.4', 'secondary')]
    });
    const f = r.body.data.findings as { rule: string; severity: string; lineIds: string[]; message: string }[];
    expect(f.find((x) => x.rule === 'manifestation-first')).toMatchObject({ severity: 'error', lineIds: ['m'] });
    expect(f.find((x) => x.rule === 'use-additional-code' && x.lineIds[0] === 'e')).toMatchObject({ severity: 'suggestion', message: expect.stringContaining('L97.4-, L97.5-') });
  });
  it('QA codes pass the shape check in the validation API and the encounter API', async () => {
    const r = await coder.post('/api/codes/validate', { setting: 'outpatient', dateOfService: '2026-03-10', codeLines: [dx('q', 'QA0.0101', 'first-listed')] });
    expect(r.status).toBe(200);
    expect(r.body.data.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    const enc = await coder.post('/api/encounters', encounterInput({ setting: 'outpatient', codeLines: [{ system: 'ICD-10-CM', code: 'QA1.71', role: 'first-listed' }] }));
    expect(enc.status).toBe(201);
    expect(enc.body.data.codeLines[0].code).toBe('QA1.71');
    const bad = await coder.post('/api/codes/validate', { setting: 'outpatient', dateOfService: '2026-03-10', codeLines: [dx('q', 'QZ0.1', 'first-listed')] });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).field).toBe('codeLines.0.code');
  });
  it('an encounter carries severity with its validation', async () => {
    const enc = await coder.post('/api/encounters', encounterInput({
      codeLines: [{ system: 'ICD-10-CM', code: 'J44.1', role: 'principal', poa: 'Y' }, { system: 'ICD-10-CM', code: 'J96.22', role: 'secondary', poa: 'Y' }]
    }));
    expect(enc.body.data.validation.severity).toMatchObject({ highest: 'MCC' });
    expect(enc.body.data.validation.severity.lines[0].lineId).toBe(enc.body.data.codeLines[1].id);
  });
});

describe('a code-set folder without the optional files', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'graycase-min-codes-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  it('still serves codes and says which features are off', async () => {
    for (const rel of ['icd10cm/icd10cm_order_2026.txt', 'icd10pcs/icd10pcs_order_2026.txt', 'hcpcs/HCPC2026_JAN_ANWEB_01122026.txt']) {
      mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
      symlinkSync(path.join(SHARED_DATA, rel), path.join(tmp, rel));
    }
    const bare = await startTestServer({ codeSetsDir: tmp });
    try {
      await bare.ctx.codeSets.get();
      const o = await createOrg(bare.ctx.db.c);
      const c = await signedIn(bare.url, o.coder.email, TEST_PASSWORD);
      const st = (await c.get('/api/codes/status')).body.data;
      expect(st.state).toBe('ready');
      expect(st.message).toMatch(/off: tabular-notes, fy2027, excludes-fy2027, severity, pcs-index/);
      expect(st.features.find((f: { feature: string }) => f.feature === 'severity').message).toMatch(/not installed/);
      const d = await c.get('/api/codes/ICD-10-CM/E11.621');
      expect(d.status).toBe(200);
      expect(d.body.data).toMatchObject({ tabular: null, severity: null, notesSource: expect.stringMatching(/Tabular List is not installed/) });
      const v = await c.post('/api/codes/validate', { setting: 'inpatient', dateOfService: '2026-03-10', codeLines: [dx('p', 'J44.1', 'principal'), dx('s', 'J96.22', 'secondary')] });
      expect(v.body.data.severity).toMatchObject({ state: 'off', message: expect.stringMatching(/severity is off/) });
    } finally {
      await bare.close();
    }
  }, 60_000);
});
