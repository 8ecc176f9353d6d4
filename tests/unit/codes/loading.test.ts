import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCodeSets, resolveCodeSetsDir, verifyCodeSetFolder } from '../../../server/codes/index';
import { sharedData } from './helpers';

const tmp = mkdtempSync(path.join(tmpdir(), 'graycase-codes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('verifyCodeSetFolder', () => {
  it('reports every known file with checksum and rows', async () => {
    const r = await verifyCodeSetFolder(sharedData);
    expect(r.every((f) => f.found && f.shaOk)).toBe(true);
    expect(r.find((f) => f.path.endsWith('icd10cm_order_2026.txt'))?.rows).toBe(98186);
    expect(r.find((f) => f.path.endsWith('added.csv'))?.rows).toBe(238);
    expect(r.find((f) => f.path.endsWith('HCPC2026_JAN_ANWEB_01122026.txt'))?.rows).toBe(16614);
  });
  it('reports missing files', async () => {
    const r = await verifyCodeSetFolder(tmp);
    expect(r.every((f) => !f.found && f.shaOk === null)).toBe(true);
  });
});

describe('loadCodeSets with optional files missing', () => {
  it('loads FY2026 only, without Excludes, and says so', async () => {
    const dir = path.join(tmp, 'min');
    for (const rel of ['icd10cm/icd10cm_order_2026.txt', 'icd10pcs/icd10pcs_order_2026.txt', 'hcpcs/HCPC2026_JAN_ANWEB_01122026.txt']) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      symlinkSync(path.join(sharedData, rel), path.join(dir, rel));
    }
    const cs = await loadCodeSets(dir);
    expect([...cs.cm.keys()]).toEqual([2026]);
    expect(cs.excludes).toBeNull();
    expect(cs.report.warnings.join('\n')).toMatch(/FY2027 change lists/);
    expect(cs.report.warnings.join('\n')).toMatch(/excludes1/);
  });
  it('fails without a required file', async () => {
    await expect(loadCodeSets(path.join(tmp, 'nothing'))).rejects.toThrow(/required file/);
  });
});

describe('resolveCodeSetsDir', () => {
  it('prefers the env setting, then ./data/codesets with files, then ../shared/data', () => {
    expect(resolveCodeSetsDir({ GRAYCASE_CODESETS_DIR: '/x/y' }, tmp)).toBe('/x/y');
    const cwd = path.join(tmp, 'proj');
    mkdirSync(cwd, { recursive: true });
    expect(resolveCodeSetsDir({}, cwd)).toBeNull();
    mkdirSync(path.join(tmp, 'shared/data'), { recursive: true });
    expect(resolveCodeSetsDir({}, cwd)).toBe(path.join(tmp, 'shared/data'));
    mkdirSync(path.join(cwd, 'data/codesets/icd10cm'), { recursive: true });
    expect(resolveCodeSetsDir({}, cwd)).toBe(path.join(cwd, 'data/codesets'));
  });
});
