/** The real entry point as `npm start` runs it (`node --import tsx server/index.ts`): config errors, start, graceful stop. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'graycase-proc-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(env: Record<string, string>) {
  // tsx as a loader, as `npm start` runs it: signals reach the server itself (the tsx CLI relays them
  // to a child, and a SIGTERM sometimes killed it before its handler ran: exit 143 instead of 0).
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', GRAYCASE_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

describe('starting the server', () => {
  it('stops with a message naming a bad variable', async () => {
    const p = run({ PORT: 'abc', MONGODB_URI: 'http://nope' });
    expect(await p.exited).toBe(2);
    expect(p.output()).toMatch(/PORT/);
    expect(p.output()).toMatch(/MONGODB_URI: must start with mongodb:\/\//);
  });

  it('says what is missing when no database can be had', async () => {
    const p = run({ PORT: '0', FERRETDB_BIN: '/nonexistent/ferretdb' });
    expect(await p.exited).toBe(3);
    expect(p.output()).toMatch(/FERRETDB_BIN points at \/nonexistent\/ferretdb/);
  });

  it('serves, then shuts down gracefully on SIGTERM', async () => {
    const p = run({ PORT: '0', HOST: '127.0.0.1', MONGODB_URI: inject('mongoUri'), GRAYCASE_DB_NAME: 'proc_' + Date.now(), GRAYCASE_SEED_DEMO: 'false' });
    let url = '';
    await expect.poll(() => (url = /running at (http:\/\/[^ ]+) /.exec(p.output())?.[1] ?? ''), { timeout: 20_000 }).not.toBe('');
    const health = await fetch(url + '/api/health');
    expect(health.status).toBe(200);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output()).toMatch(/shutting down/);
    await expect(fetch(url + '/api/health')).rejects.toThrow();
  });
});
