/**
 * The embedded FerretDB as `npm start` runs it (real processes, real files): private files, a
 * Unix socket and no TCP listener, one FerretDB per data folder, a SIGKILLed server leaves no
 * FerretDB behind, a stale one is stopped on the next start, data survives.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FERRETDB_BIN } from '../../server/db/embedded-ferretdb';
import { isAlive, PID_FILE } from '../../server/db/ferretdb-guard';

const root = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const children: { pid?: number; kill(s?: NodeJS.Signals): boolean }[] = [];
afterAll(async () => {
  // SIGTERM: tsx passes it on to the server, which stops its FerretDB (SIGKILL would orphan the server).
  for (const c of children) { try { c.kill('SIGTERM'); } catch { /* gone */ } }
  const deadline = Date.now() + 15_000;
  while (dirs.some((d) => ferretdbsOf(d).length > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
// Each test starts one to three real servers with their own FerretDB; the machine is shared.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

function tempDir(prefix = 'graycase-edb-'): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

function startServer(dataDir: string) {
  const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/index.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', GRAYCASE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', GRAYCASE_SEED_DEMO: 'false', GRAYCASE_CODESETS_DIR: 'off' },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = async () => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const url = /running at (http:\/\/[^ ]+) /.exec(out)?.[1];
      if (url) return url;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start (exit ${child.exitCode}):\n${out.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { child, exited, ready, output: () => out };
}

/** FerretDB binaries (not their watchdog shells) whose state folder is this data folder's. */
function ferretdbsOf(dataDir: string): number[] {
  const arg = `--state-dir=${path.join(dataDir, 'ferretdb')}`;
  return readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number).filter((pid) => {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return argv[0]!.includes('ferretdb-v') && argv.includes(arg) && isAlive(pid);
    } catch { return false; }
  });
}

/** TCP sockets in LISTEN state that a process holds (matched by inode through /proc). */
function tcpListenersOf(pid: number): number {
  const listening = new Set<string>();
  for (const f of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(f)) continue;
    for (const line of readFileSync(f, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === '0A') listening.add(cols[9]!);
    }
  }
  let n = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try { const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`)); if (m && listening.has(m[1]!)) n++; } catch { /* closed */ }
  }
  return n;
}

const mode = (p: string) => statSync(p).mode & 0o777;
function walk(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [path.join(d, e.name), ...walk(path.join(d, e.name))] : [path.join(d, e.name)]));
}

async function withDb<T>(dataDir: string, fn: (client: MongoClient) => Promise<T>): Promise<T> {
  const sock = JSON.parse(readFileSync(path.join(dataDir, 'ferretdb', PID_FILE), 'utf8')).socketPath as string;
  const client = new MongoClient(`mongodb://${encodeURIComponent(sock)}/`, { serverSelectionTimeoutMS: 5_000 });
  try { await client.connect(); return await fn(client); } finally { await client.close(); }
}

describe('the embedded database is private', () => {
  it('0700 folders, 0600 files (existing ones tightened), a Unix socket inside the folder, no TCP listener', async () => {
    const dataDir = tempDir();
    const sqlite = path.join(dataDir, 'ferretdb', 'sqlite');
    mkdirSync(sqlite, { recursive: true });
    chmodSync(dataDir, 0o755); chmodSync(path.join(dataDir, 'ferretdb'), 0o755); chmodSync(sqlite, 0o755);
    writeFileSync(path.join(sqlite, 'left-by-an-old-version.txt'), 'x', { mode: 0o644 });
    const s = startServer(dataDir);
    const url = await s.ready();
    expect((await fetch(url + '/api/health')).status).toBe(200);

    const state = path.join(dataDir, 'ferretdb');
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(state)).toBe(0o700);
    const files = walk(state);
    expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
    for (const f of files) {
      const st = statSync(f);
      if (st.isDirectory()) expect(mode(f), f).toBe(0o700);
      else if (st.isSocket()) expect(mode(f) & 0o077, f).toBe(0);
      else expect(mode(f), f).toBe(0o600);
    }
    expect(existsSync(path.join(state, 'ferretdb.sock'))).toBe(true);
    const [pid] = ferretdbsOf(dataDir);
    expect(pid).toBeDefined();
    expect(tcpListenersOf(pid!)).toBe(0);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(ferretdbsOf(dataDir)).toEqual([]);
  });

  it('a data folder whose socket path would be too long gets its socket in a private folder in tmp', async () => {
    const dataDir = path.join(tempDir(), 'a-rather-long-folder-name-for-the-data'.repeat(3));
    const s = startServer(dataDir);
    const url = await s.ready();
    expect((await fetch(url + '/api/health')).status).toBe(200);
    const sock = JSON.parse(readFileSync(path.join(dataDir, 'ferretdb', PID_FILE), 'utf8')).socketPath as string;
    expect(Buffer.byteLength(sock)).toBeLessThanOrEqual(100);
    expect(mode(path.dirname(sock))).toBe(0o700);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(existsSync(path.dirname(sock))).toBe(false);
  });
});

describe('one embedded database per data folder', () => {
  it('a SIGKILLed server leaves no FerretDB running; the next start has exactly one, and the data', async () => {
    const dataDir = tempDir();
    const first = startServer(dataDir);
    await first.ready();
    await withDb(dataDir, (c) => c.db('graycase').collection('durability_marker').insertOne({ _id: 'before-kill' as never, at: new Date() }));
    expect(ferretdbsOf(dataDir)).toHaveLength(1);
    // The server process itself (tsx runs it as a child of its own CLI process), as an OOM kill would.
    const serverPid = JSON.parse(readFileSync(path.join(dataDir, 'ferretdb', PID_FILE), 'utf8')).ownerPid as number;
    expect(serverPid).not.toBe(first.child.pid);
    process.kill(serverPid, 'SIGKILL');
    await first.exited;
    expect(isAlive(serverPid)).toBe(false);
    // The watchdog stops FerretDB when its parent dies.
    await expect.poll(() => ferretdbsOf(dataDir), { timeout: 10_000 }).toEqual([]);

    const second = startServer(dataDir);
    const url = await second.ready();
    expect(ferretdbsOf(dataDir)).toHaveLength(1);
    expect((await fetch(url + '/api/health')).status).toBe(200);
    expect(await withDb(dataDir, (c) => c.db('graycase').collection('durability_marker').findOne({ _id: 'before-kill' as never }))).not.toBeNull();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('a stale FerretDB that outlived its server (no watchdog) is stopped before the next start', async () => {
    const dataDir = tempDir();
    const state = path.join(dataDir, 'ferretdb');
    mkdirSync(path.join(state, 'sqlite'), { recursive: true, mode: 0o700 });
    // As a server without the watchdog left it: FerretDB on the folder, its owner gone.
    const stale = spawn(DEFAULT_FERRETDB_BIN, ['--handler=sqlite', `--sqlite-url=file:${state}/sqlite/`, `--state-dir=${state}`,
      '--listen-addr=', `--listen-unix=${path.join(state, 'old.sock')}`, '--debug-addr=-', '--telemetry=disable', '--log-level=ERROR'], { stdio: 'ignore', detached: true });
    children.push(stale);
    stale.unref();
    await expect.poll(() => existsSync(path.join(state, 'old.sock')), { timeout: 10_000 }).toBe(true);
    writeFileSync(path.join(state, PID_FILE), JSON.stringify({ ownerPid: 2 ** 22 + 12345, ownerCmd: 'gone', wrapperPid: 0, ferretdbPid: stale.pid, socketPath: '' }));
    expect(ferretdbsOf(dataDir)).toEqual([stale.pid]);

    const s = startServer(dataDir);
    await s.ready();
    const running = ferretdbsOf(dataDir);
    expect(running).toHaveLength(1);
    expect(running).not.toContain(stale.pid);
    expect(s.output()).toMatch(/stopped a stale embedded FerretDB/);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('a second server on a folder that a live server owns refuses to start, and the first keeps serving', async () => {
    const dataDir = tempDir();
    const first = startServer(dataDir);
    const url = await first.ready();
    const second = startServer(dataDir);
    expect(await second.exited).toBe(3);
    expect(second.output()).toMatch(/in use by another Graycase/);
    expect(ferretdbsOf(dataDir)).toHaveLength(1);
    expect((await fetch(url + '/api/health')).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });
});
