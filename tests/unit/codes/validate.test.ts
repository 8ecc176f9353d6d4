import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodeSets, validateCodeLines, type CodeSets, type Finding } from '../../../server/codes/index';
import type { CodeLine, Setting } from '../../../src/lib/protocol/encounters';
import { line, sharedData } from './helpers';
import { TABULAR_NOTE_RULES } from '../../../server/codes/validate-notes';

let cs: CodeSets;
beforeAll(async () => { cs = await loadCodeSets(sharedData); });

// The Tabular-note rules (Code first, Use additional code, …) have their own tests (tabular-rules.test.ts).
const noteRules = new Set<string>(TABULAR_NOTE_RULES);
const run = (lines: CodeLine[], setting: Setting = 'outpatient', dateOfService = '2026-05-04', cpt?: Map<string, string>) =>
  validateCodeLines(cs, { setting, dateOfService }, lines, { cptDescriptions: cpt }).filter((f) => !noteRules.has(f.rule));
const rules = (f: Finding[]) => f.map((x) => x.rule);
const dx1 = (code: string, extra: Partial<CodeLine> = {}) => line('ICD-10-CM', code, 'first-listed', extra);

describe('ICD-10-CM code checks', () => {
  it('unknown-code', () => {
    expect(rules(run([dx1('E11.9')]))).toEqual([]);
    const f = run([dx1('E11.99')]);
    expect(f[0]).toMatchObject({ rule: 'unknown-code', severity: 'error' });
    expect(f[0].message).toContain('E11.99');
  });
  it('header-code with billable suggestions', () => {
    const f = run([dx1('E11')]);
    expect(f[0].rule).toBe('header-code');
    expect(f[0].suggestions!.length).toBe(10);
    // The closest billable codes come first: E11.8 and E11.9 sit directly under E11.
    expect(f[0].suggestions!.slice(0, 4)).toEqual(['E11.8', 'E11.9', 'E11.A', 'E11.00']);
  });
  it('seventh-character', () => {
    expect(rules(run([dx1('S72.001A')]))).toEqual([]);
    const f = run([dx1('S72.001')]);
    expect(f[0].rule).toBe('seventh-character');
    expect(f[0].suggestions).toContain('S72.001A');
    expect(f[0].suggestions).toContain('S72.001D');
  });
  it('placeholder-x', () => {
    expect(rules(run([dx1('T36.0X1A')]))).toEqual([]);
    const f = run([dx1('T36.01A')]);
    expect(f[0].rule).toBe('placeholder-x');
    expect(f[0].suggestions).toEqual(['T36.0X1A']);
    expect(run([dx1('W19A')])[0].suggestions).toEqual(['W19.XXXA']);
  });
  it('not-valid-for-date: added, deleted, billable → header', () => {
    expect(rules(run([dx1('QA1.71')], 'outpatient', '2026-10-01'))).toEqual([]);
    const added = run([dx1('QA1.71')], 'outpatient', '2026-09-30');
    expect(added[0].rule).toBe('not-valid-for-date');
    expect(added[0].message).toMatch(/new in FY2027/);
    expect(rules(run([dx1('S23.420A')], 'outpatient', '2026-09-30'))).toEqual([]);
    expect(run([dx1('S23.420A')], 'outpatient', '2026-10-01')[0].message).toMatch(/deleted/);
    expect(rules(run([dx1('I42.0')], 'outpatient', '2026-09-30'))).toEqual([]);
    const hdr = run([dx1('I42.0')], 'outpatient', '2026-10-01');
    expect(hdr[0].rule).toBe('not-valid-for-date');
    expect(hdr[0].suggestions!.length).toBeGreaterThan(0);
  });
  it('fiscal-year-not-loaded is an info, checks run against the nearest year', () => {
    const f = run([dx1('E11.9')], 'outpatient', '2024-03-01');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'fiscal-year-not-loaded', severity: 'info' });
    expect(rules(run([dx1('E11.9')], 'outpatient', '2026-03-01'))).toEqual([]);
  });
});

describe('encounter-level rules', () => {
  it('excludes1-conflict (warning, names the note and the exception)', () => {
    expect(rules(run([dx1('E11.9'), line('ICD-10-CM', 'I10', 'secondary')]))).toEqual([]);
    const f = run([dx1('E11.9'), line('ICD-10-CM', 'E08.9', 'secondary')]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'excludes1-conflict', severity: 'warning' });
    expect(f[0].message).toContain('diabetes mellitus due to underlying condition (E08.-)');
    expect(f[0].message).toContain('E11');
    expect(f[0].message).toMatch(/unrelated/);
  });
  it('excludes2 is not a conflict', () => {
    // K35 (acute appendicitis) has Excludes2 notes only for these; both may be coded.
    expect(rules(run([dx1('K35.80'), line('ICD-10-CM', 'K38.8', 'secondary')])).filter((r) => r === 'excludes1-conflict')).toEqual([]);
  });
  it('duplicate-code', () => {
    expect(rules(run([dx1('E11.9'), line('ICD-10-CM', 'I10', 'secondary')]))).toEqual([]);
    const f = run([dx1('E11.9', { id: 'a' }), line('ICD-10-CM', 'E119', 'secondary', { id: 'b' })]);
    expect(f.find((x) => x.rule === 'duplicate-code')?.lineIds).toEqual(['a', 'b']);
    expect(rules(run([dx1('E11.9'), line('HCPCS', 'J1100', 'procedure', { modifiers: ['RT'] }), line('HCPCS', 'J1100', 'procedure', { modifiers: ['LT'] })]))).toEqual([]);
  });
  it('primary-diagnosis-count and role-setting-mismatch', () => {
    expect(rules(run([line('ICD-10-CM', 'E11.9', 'principal', { poa: 'Y' })], 'inpatient'))).toEqual([]);
    expect(rules(run([line('ICD-10-CM', 'E11.9', 'secondary', { poa: 'Y' })], 'inpatient'))).toEqual(['primary-diagnosis-count']);
    expect(rules(run([dx1('E11.9'), dx1('I10')]))).toEqual(['primary-diagnosis-count']);
    expect(rules(run([line('ICD-10-CM', 'E11.9', 'principal')], 'outpatient'))).toEqual(['role-setting-mismatch']);
    expect(rules(run([line('ICD-10-CM', 'E11.9', 'first-listed', { poa: 'Y' })], 'inpatient'))).toEqual(['role-setting-mismatch']);
  });
  it('primary-not-first: the principal or first-listed diagnosis below another diagnosis', () => {
    expect(rules(run([dx1('E11.9'), line('ICD-10-CM', 'I10', 'secondary')]))).toEqual([]);
    // Procedures above the diagnoses do not count; only the diagnosis order does.
    expect(rules(run([line('CPT', '99213', 'procedure'), dx1('E11.9'), line('ICD-10-CM', 'I10', 'secondary')]))).toEqual([]);
    const f = run([line('ICD-10-CM', 'I10', 'secondary'), dx1('E11.9', { id: 'p' })]);
    expect(f).toEqual([expect.objectContaining({ rule: 'primary-not-first', severity: 'warning', lineIds: ['p'] })]);
    expect(f[0].message).toContain('E11.9 is the first listed diagnosis but is diagnosis 2 of 2');
    const inpatient = run([line('ICD-10-CM', 'I10', 'secondary', { poa: 'Y' }), line('ICD-10-CM', 'A41.9', 'principal', { poa: 'Y' })], 'inpatient');
    expect(rules(inpatient)).toEqual(['primary-not-first']);
  });
  it('poa-missing for inpatient diagnoses; exempt is accepted', () => {
    const ok = run([line('ICD-10-CM', 'E11.9', 'principal', { poa: 'Y' }), line('ICD-10-CM', 'Z79.4', 'secondary', { poa: 'exempt' })], 'inpatient');
    expect(rules(ok)).toEqual([]);
    const f = run([line('ICD-10-CM', 'E11.9', 'principal', { poa: 'Y' }), line('ICD-10-CM', 'I10', 'secondary', { id: 'x' })], 'inpatient');
    expect(f).toEqual([expect.objectContaining({ rule: 'poa-missing', lineIds: ['x'] })]);
    expect(rules(run([dx1('I10')]))).toEqual([]); // no POA outside inpatient
  });
  it('pcs-outside-inpatient', () => {
    const pcs = line('ICD-10-PCS', '0DTJ4ZZ', 'procedure');
    expect(rules(run([line('ICD-10-CM', 'K35.80', 'principal', { poa: 'Y' }), pcs], 'inpatient'))).toEqual([]);
    expect(rules(run([dx1('K35.80'), pcs], 'outpatient'))).toEqual(['pcs-outside-inpatient']);
  });
  it('role-system-mismatch', () => {
    expect(rules(run([dx1('E11.9'), line('ICD-10-CM', 'I10', 'procedure')]))).toContain('role-system-mismatch');
    expect(rules(run([dx1('E11.9'), line('CPT', '99213', 'secondary')]))).toContain('role-system-mismatch');
    expect(rules(run([dx1('E11.9'), line('CPT', '99213', 'procedure')]))).toEqual([]);
  });
});

describe('CPT, HCPCS, modifiers and pointers', () => {
  it('cpt-format', () => {
    for (const c of ['99213', '3074F', '0042T', '0001U']) expect(rules(run([dx1('E11.9'), line('CPT', c, 'procedure')])), c).toEqual([]);
    for (const c of ['9921', '99213A', 'J1100']) expect(rules(run([dx1('E11.9'), line('CPT', c, 'procedure')])), c).toEqual(['cpt-format']);
  });
  it('cpt-not-in-org-list (info, only with org descriptions)', () => {
    const cpt = new Map([['99213', 'Office visit']]);
    expect(rules(run([dx1('E11.9'), line('CPT', '99213', 'procedure')], 'outpatient', '2026-05-04', cpt))).toEqual([]);
    expect(rules(run([dx1('E11.9'), line('CPT', '99214', 'procedure')], 'outpatient', '2026-05-04', cpt))).toEqual(['cpt-not-in-org-list']);
  });
  it('hcpcs-format, hcpcs-unknown, hcpcs-not-valid-for-date', () => {
    expect(rules(run([dx1('E11.9'), line('HCPCS', 'J1100', 'procedure')]))).toEqual([]);
    expect(rules(run([dx1('E11.9'), line('HCPCS', 'J110', 'procedure')]))).toEqual(['hcpcs-format']);
    expect(rules(run([dx1('E11.9'), line('HCPCS', 'D0120', 'procedure')]))).toEqual(['hcpcs-unknown']);
    const term = [...cs.hcpcs!.procedures.values()].find((r) => r.terminationDate === '2025-12-31')!;
    expect(rules(run([dx1('E11.9'), line('HCPCS', term.code, 'procedure')], 'outpatient', '2025-12-31'))).toEqual([]);
    const f = run([dx1('E11.9'), line('HCPCS', term.code, 'procedure')], 'outpatient', '2026-01-01');
    expect(f[0].rule).toBe('hcpcs-not-valid-for-date');
    expect(f[0].message).toContain('terminated on Dec 31 2025');
  });
  it('modifier-format and modifier-unknown', () => {
    expect(rules(run([dx1('E11.9'), line('CPT', '99214', 'procedure', { modifiers: ['25', 'RT', 'XS'] })]))).toEqual([]);
    expect(rules(run([dx1('E11.9'), line('CPT', '99214', 'procedure', { modifiers: ['2'] })]))).toEqual(['modifier-format']);
    const f = run([dx1('E11.9'), line('CPT', '99214', 'procedure', { modifiers: ['ZZ'] })]);
    expect(f).toEqual([expect.objectContaining({ rule: 'modifier-unknown', severity: 'warning' })]);
  });
  it('pointer-invalid', () => {
    expect(rules(run([dx1('E11.9'), line('ICD-10-CM', 'I10', 'secondary'), line('CPT', '99214', 'procedure', { pointers: [1, 2] })], 'professional'))).toEqual([]);
    const f = run([dx1('E11.9'), line('CPT', '99214', 'procedure', { pointers: [1, 3] })], 'professional');
    expect(f).toEqual([expect.objectContaining({ rule: 'pointer-invalid' })]);
    expect(f[0].message).toContain('3');
  });
});
