/** `npm run codesets -- <dir>` as an admin runs it: verify checksums, install, report what was loaded. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../support/server';

const root = path.resolve(import.meta.dirname, '../..');
const shared = SHARED_DATA;
const work = mkdtempSync(path.join(tmpdir(), 'graycase-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(args: string[], target: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/codes/cli.ts', ...args], {
      cwd: root, env: { PATH: process.env.PATH!, GRAYCASE_CODESETS_DIR: target }, stdio: ['ignore', 'pipe', 'pipe']
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('npm run codesets', () => {
  it('verifies, installs and reports the official files', async () => {
    const target = path.join(work, 'installed');
    const r = await cli([shared], target);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/ok\s+icd10cm\/icd10cm_order_2026\.txt/);
    expect(r.out).toMatch(/ICD-10-CM FY2026: 98186 entries, 74719 billable/);
    expect(r.out).toMatch(/ICD-10-CM FY2027: 98403 entries, 74879 billable/);
    expect(r.out).toMatch(/HCPCS .*: 8623 codes, 383 modifiers/);
    expect(existsSync(path.join(target, 'icd10cm/icd10cm_order_2026.txt'))).toBe(true);
    // The Tabular XML, PCS Index and MS-DRG tables are known by checksum and installed too.
    expect(r.out).toMatch(/ok\s+icd10cm\/tabular\/icd10cm-tabular-April-1-2026\.xml/);
    expect(r.out).toMatch(/ok\s+ms-drg\/fy2026\/table-6K-cc-exclusions\.txt/);
    expect(r.out).toMatch(/Tabular List FY2026: 22 chapters, 297 sections, 46881 entries/);
    expect(r.out).toMatch(/MS-DRG v43: 18432 CC\/MCC codes, 1994 PDX collections/);
    expect(existsSync(path.join(target, 'ms-drg/fy2026/table-6I-mcc-list.txt'))).toBe(true);
  }, 120_000);

  it('refuses a file whose checksum does not match and copies nothing', async () => {
    const source = path.join(work, 'tampered');
    mkdirSync(path.join(source, 'icd10cm'), { recursive: true });
    writeFileSync(path.join(source, 'icd10cm/icd10cm_order_2026.txt'), '00001 A00     0 Cholera\r\n');
    const target = path.join(work, 'not-installed');
    const r = await cli([source], target);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/MISMATCH icd10cm\/icd10cm_order_2026\.txt/);
    expect(r.out).toMatch(/nothing was copied/);
    expect(existsSync(target)).toBe(false);
  });

  it('explains its usage and a missing folder', async () => {
    expect((await cli([], path.join(work, 'x'))).out).toMatch(/usage: npm run codesets/);
    const missing = await cli([path.join(work, 'nope')], path.join(work, 'x'));
    expect(missing.code).toBe(2);
    expect(missing.out).toMatch(/no such folder or file/);
  });
});
