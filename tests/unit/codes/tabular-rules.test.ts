/** The rules from the Tabular's notes, each passing and failing on real codes. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodeSets, validateCodeLines, type CodeSets, type Finding } from '../../../server/codes/index';
import type { CodeLine, Setting } from '../../../src/lib/protocol/encounters';
import { line, sharedData } from './helpers';

let cs: CodeSets;
beforeAll(async () => { cs = await loadCodeSets(sharedData); });

const run = (lines: CodeLine[], setting: Setting = 'outpatient', dos = '2026-05-04') => validateCodeLines(cs, { setting, dateOfService: dos }, lines);
const of = (f: Finding[], rule: string) => f.filter((x) => x.rule === rule);
const dx = (code: string, role: CodeLine['role'] = 'secondary', id?: string) => line('ICD-10-CM', code, role, id ? { id } : {});

describe('manifestation codes', () => {
  it('F02.80 (dementia in other diseases classified elsewhere) listed first is an error', () => {
    const f = of(run([dx('F02.80', 'first-listed', 'm')]), 'manifestation-first');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', lineIds: ['m'], suggestions: ['secondary'] });
    expect(f[0].message).toMatch(/never the first-listed diagnosis/);
    expect(f[0].message).toContain('G30.-');
    expect(of(run([dx('G63', 'principal'), dx('E11.42')], 'inpatient'), 'manifestation-first')).toHaveLength(1);
  });
  it('after its underlying condition it passes', () => {
    const f = run([dx('G30.9', 'first-listed'), dx('F02.80')]);
    expect(of(f, 'manifestation-first')).toEqual([]);
    expect(of(f, 'code-first-missing')).toEqual([]);
  });
  it('a manifestation code listed before its underlying condition is a sequencing warning', () => {
    const f = of(run([dx('I10', 'first-listed'), dx('F02.80', 'secondary', 'm'), dx('G30.9', 'secondary', 'g')]), 'code-first-sequence');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', lineIds: ['m', 'g'] });
    expect(f[0].message).toMatch(/Move G30\.9 above F02\.80/);
    expect(of(run([dx('I10', 'first-listed'), dx('G30.9'), dx('F02.80')]), 'code-first-sequence')).toEqual([]);
    // Listed first, it is the manifestation-first error only (not also a sequencing warning).
    const first = run([dx('F02.80', 'first-listed'), dx('G30.9')]);
    expect(of(first, 'manifestation-first')).toHaveLength(1);
    expect(of(first, 'code-first-sequence')).toEqual([]);
  });
  it('a Code first condition missing from the list is a warning for a manifestation code', () => {
    const f = of(run([dx('I10', 'first-listed'), dx('F02.80', 'secondary', 'm')]), 'code-first-missing');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', lineIds: ['m'] });
    expect(f[0].message).toMatch(/G30\.-/);
  });
});

describe('Code first on other codes', () => {
  it('is a suggestion naming what to add (N18.32 without diabetic or hypertensive CKD)', () => {
    const f = of(run([dx('N18.32', 'first-listed', 'k')]), 'code-first-missing');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'suggestion', lineIds: ['k'] });
    expect(f[0].message).toContain('E11.22');
    expect(f[0].message).toContain('I12.-');
  });
  it('is satisfied by a code of the named range', () => {
    expect(of(run([dx('E11.22', 'first-listed'), dx('N18.32')]), 'code-first-missing')).toEqual([]);
    expect(of(run([dx('I12.9', 'first-listed'), dx('N18.32')]), 'code-first-missing')).toEqual([]);
  });
});

describe('Use additional code', () => {
  it('a diabetic foot ulcer (E11.621) without its ulcer site code gets a suggestion for L97.4-/L97.5-', () => {
    const f = of(run([dx('E11.621', 'first-listed', 'u'), dx('Z79.4')]), 'use-additional-code');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'suggestion', lineIds: ['u'] });
    expect(f[0].message).toContain('L97.4-, L97.5-');
  });
  it('with L97.512 (and Z79.4 for the category note) there is none', () => {
    expect(of(run([dx('E11.621', 'first-listed'), dx('L97.512'), dx('Z79.4')]), 'use-additional-code')).toEqual([]);
  });
  it('a pressure-ulcer code elsewhere on the body does not satisfy it', () => {
    const f = of(run([dx('E11.621', 'first-listed'), dx('L89.154'), dx('Z79.4')]), 'use-additional-code');
    expect(f.map((x) => x.message).join()).toContain('L97.4-');
  });
});

describe('Code also', () => {
  it('is an informational note (J44.1: type of asthma J45.-)', () => {
    const f = of(run([dx('J44.1', 'first-listed')]), 'code-also');
    expect(f[0]).toMatchObject({ severity: 'info' });
    expect(f[0].message).toContain('J45.-');
  });
  it('is dropped when a code it names is on the list', () => {
    expect(of(run([dx('J44.1', 'first-listed'), dx('J45.909')]), 'code-also').filter((x) => x.message.includes('J45'))).toEqual([]);
  });
});

describe('7th characters', () => {
  it("a fracture lists its category's own 7th characters", () => {
    const f = of(run([dx('S72.001', 'first-listed')]), 'seventh-character');
    expect(f[0].message).toContain('A initial encounter for closed fracture');
    expect(f[0].message).toContain('B initial encounter for open fracture type I or II');
    expect(f[0].message).not.toMatch(/for example/);
  });
  it('an injury outside fractures lists its own (S06: A, D, S only)', () => {
    const f = of(run([dx('S06.0X1', 'first-listed')]), 'seventh-character');
    expect(f[0].message).toMatch(/A initial encounter; D subsequent encounter; S sequela/);
  });
  it('the full code passes', () => {
    expect(of(run([dx('S72.001A', 'first-listed')]), 'seventh-character')).toEqual([]);
  });
});
