/** Without the optional files the code sets still load, and say which features are off. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeDetails, codeLineSeverity, loadCodeSets, validateCodeLines } from '../../../server/codes/index';
import { codeSetFeatures } from '../../../server/codes/features';
import { line, sharedData } from './helpers';

const tmp = mkdtempSync(path.join(tmpdir(), 'graycase-features-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const REQUIRED = ['icd10cm/icd10cm_order_2026.txt', 'icd10pcs/icd10pcs_order_2026.txt', 'hcpcs/HCPC2026_JAN_ANWEB_01122026.txt'];

function folder(name: string, extra: string[]): string {
  const dir = path.join(tmp, name);
  for (const rel of [...REQUIRED, ...extra]) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    symlinkSync(path.join(sharedData, rel), path.join(dir, rel));
  }
  return dir;
}

describe('optional files', () => {
  it('without the Tabular and MS-DRG tables: notes and severity off, validation still runs', async () => {
    const cs = await loadCodeSets(folder('none', []));
    const off = codeSetFeatures(cs).filter((f) => !f.on).map((f) => f.feature);
    expect(off).toEqual(['tabular-notes', 'fy2027', 'excludes-fy2027', 'severity', 'pcs-index']);
    expect(cs.tabular).toBeNull();
    expect(cs.severity).toBeNull();
    const f = validateCodeLines(cs, { setting: 'outpatient', dateOfService: '2026-05-01' }, [line('ICD-10-CM', 'S72.001', 'first-listed'), line('ICD-10-CM', 'E11.621', 'secondary')]);
    expect(f.map((x) => x.rule)).toEqual(['seventh-character']);
    expect(f[0].message).toMatch(/Tabular List is not installed/);
    expect(codeLineSeverity(cs, { setting: 'inpatient', dateOfService: '2026-05-01' }, []).message).toMatch(/severity is off/);
    expect(codeDetails(cs, 'ICD-10-CM', 'E11.621')!.notesSource).toMatch(/Tabular List is not installed/);
    expect(codeDetails(cs, 'ICD-10-CM', 'E11.621')!.tabular).toBeNull();
  });
  it('with the Tabular only: FY2026 notes on, severity off', async () => {
    const cs = await loadCodeSets(folder('tabular', ['icd10cm/tabular/icd10cm-tabular-April-1-2026.xml']));
    const on = codeSetFeatures(cs).filter((f) => f.on).map((f) => f.feature);
    expect(on).toEqual(['tabular-notes']);
    expect(cs.report.files.find((r) => r.path.endsWith('.xml'))).toMatchObject({ found: true, shaOk: true, rows: 46881 });
    const f = validateCodeLines(cs, { setting: 'outpatient', dateOfService: '2026-05-01' }, [line('ICD-10-CM', 'T07.XXXA', 'first-listed'), line('ICD-10-CM', 'T20.00XA', 'secondary')]);
    expect(f.map((x) => x.rule)).toContain('excludes1-conflict');
  });
  it('with 6I and 6J but no 6K: levels without exclusions, and a warning', async () => {
    const cs = await loadCodeSets(folder('msdrg', ['ms-drg/fy2026/table-6I-mcc-list.txt', 'ms-drg/fy2026/table-6J-cc-list.txt']));
    expect(cs.severity?.level.get('J9622')).toBe('MCC');
    expect(cs.report.warnings.join('\n')).toMatch(/Table 6K is missing/);
    const s = codeLineSeverity(cs, { setting: 'inpatient', dateOfService: '2026-05-01' }, [line('ICD-10-CM', 'J96.21', 'principal', { id: 'p' }), line('ICD-10-CM', 'J96.22', 'secondary', { id: 's' })]);
    expect(s.highest).toBe('MCC');
  });
});
