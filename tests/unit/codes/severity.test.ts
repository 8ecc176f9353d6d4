/** MS-DRG v43 CC/MCC and exclusion by the principal diagnosis, on real codes from tables 6I/6J/6K. */
import { beforeAll, describe, expect, it } from 'vitest';
import { codeLineSeverity, excludedByPrincipal, loadCodeSets, severityOf, withCodeFacts, type CodeSets } from '../../../server/codes/index';
import { parseCcExclusions, parseSeverityList, emptySeverityTables } from '../../../server/codes/parse-msdrg';
import type { CodeLine } from '../../../src/lib/protocol/encounters';
import { line, sharedData } from './helpers';

let cs: CodeSets;
beforeAll(async () => { cs = await loadCodeSets(sharedData); });
const dx = (code: string, role: CodeLine['role'], id: string) => line('ICD-10-CM', code, role, { id, poa: 'Y' });

describe('tables', () => {
  it('6I and 6J rows, and 6K Part 1 agrees with them on every level', () => {
    const t = cs.severity!;
    expect([...t.level.values()].filter((l) => l === 'MCC')).toHaveLength(3354);
    expect([...t.level.values()].filter((l) => l === 'CC')).toHaveLength(15078);
    expect(t.partOneLevel.size).toBe(t.level.size);
    for (const [code, level] of t.partOneLevel) if (t.level.get(code) !== level) throw new Error(`${code}: 6K ${level}, 6I/6J ${t.level.get(code)}`);
    expect(t.collections.size).toBe(1994);
  });
  it('levels of real codes', () => {
    expect(severityOf(cs, 'J96.22')).toBe('MCC');
    expect(severityOf(cs, 'R65.20')).toBe('MCC');
    expect(severityOf(cs, 'E87.1')).toBe('CC');
    expect(severityOf(cs, 'N39.0')).toBe('CC');
    expect(severityOf(cs, 'E11.9')).toBeNull();
    expect(severityOf(cs, 'I10')).toBeNull();
  });
  it('PDX exclusions (Table 6K)', () => {
    const t = cs.severity!;
    expect(excludedByPrincipal(t, 'R6520', 'A4151')).toBe(true); // severe sepsis under a sepsis principal
    expect(excludedByPrincipal(t, 'N390', 'A4151')).toBe(false);
    expect(excludedByPrincipal(t, 'J9622', 'J9621')).toBe(true);
    expect(excludedByPrincipal(t, 'J9622', 'J441')).toBe(false);
    expect(excludedByPrincipal(t, 'D89833', 'A4151')).toBe(false); // "No Excl"
  });
  it('parsers refuse a file without rows', () => {
    expect(() => parseSeverityList('TABLE 6I\r\nDiagnosis Code\tDescription\r\n', 'MCC', new Map(), '6I')).toThrow(/6I: no MCC rows/);
    expect(() => parseCcExclusions('nothing here', emptySeverityTables(), '6K')).toThrow(/6K/);
  });
});

describe('codeLineSeverity', () => {
  const facts = { setting: 'inpatient' as const, dateOfService: '2026-03-10' };
  it('sepsis with UTI and severe sepsis: N39.0 counts as a CC, R65.20 is excluded by A41.51', () => {
    const s = codeLineSeverity(cs, facts, [dx('A41.51', 'principal', 'p'), dx('N39.0', 'secondary', 'u'), dx('R65.20', 'secondary', 'r')]);
    expect(s.state).toBe('ready');
    expect(s.lines.find((l) => l.lineId === 'u')).toMatchObject({ level: 'CC', excluded: false });
    expect(s.lines.find((l) => l.lineId === 'r')).toMatchObject({ level: 'MCC', excluded: true, excludedBy: 'A41.51' });
    expect(s.highest).toBe('CC');
    expect(s.message).toMatch(/a CC/);
  });
  it('an MCC that is not excluded makes the highest MCC; the principal never counts', () => {
    const s = codeLineSeverity(cs, facts, [dx('J96.22', 'principal', 'p'), dx('J44.1', 'secondary', 'c')]);
    expect(s.lines.map((l) => l.lineId)).toEqual(['c']);
    const m = codeLineSeverity(cs, facts, [dx('J44.1', 'principal', 'p'), dx('J96.22', 'secondary', 'r')]);
    expect(m.highest).toBe('MCC');
    expect(codeLineSeverity(cs, facts, [dx('J96.21', 'principal', 'p'), dx('J96.22', 'secondary', 'r')]).highest).toBe('none');
  });
  it('not for outpatient encounters; FY2027 dates say v44 is not loaded; off without the tables', () => {
    expect(codeLineSeverity(cs, { ...facts, setting: 'outpatient' }, [dx('J44.1', 'first-listed', 'p')]).state).toBe('not-inpatient');
    const fy27 = codeLineSeverity(cs, { ...facts, dateOfService: '2026-10-05' }, [dx('J44.1', 'principal', 'p'), dx('E87.1', 'secondary', 's')]);
    expect(fy27.message).toMatch(/v44 \(FY2027\) tables are not loaded/);
    expect(fy27.versionNote).toMatch(/^The MS-DRG v44 \(FY2027\) tables are not loaded: levels are those of v43/);
    expect(codeLineSeverity(cs, facts, [dx('J44.1', 'principal', 'p')]).versionNote).toBeUndefined();
    expect(codeLineSeverity({ severity: null }, facts, []).state).toBe('off');
  });
});

describe('search result facts', () => {
  it('CC/MCC on ICD-10-CM results, termination date on HCPCS results', () => {
    const term = [...cs.hcpcs!.procedures.values()].find((r) => r.terminationDate === '2025-12-31')!;
    const out = withCodeFacts(cs, [
      { system: 'ICD-10-CM' as const, code: 'J96.22' }, { system: 'ICD-10-CM' as const, code: 'E11.9' },
      { system: 'HCPCS' as const, code: term.code }, { system: 'HCPCS' as const, code: 'J1100' }
    ]);
    expect(out.map((r) => (r.system === 'HCPCS' ? r.terminatedOn : r.severity))).toEqual(['MCC', null, '2025-12-31', null]);
  });
});
