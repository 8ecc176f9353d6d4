/**
 * The embedded database: FerretDB 1.24 (MongoDB wire protocol over SQLite), started as a child
 * process with data under <dataDir>/ferretdb. The binary is built once from the Go module proxy
 * (scripts/install-ferretdb.sh) into .tools/.
 * Invariants:
 *   - no TCP listener: FerretDB has no authentication here, so it listens only on a Unix socket
 *     in its 0700 state folder (or a private 0700 folder in tmp when that path is too long for a
 *     socket), and every file it writes is 0600 (umask 077); see ferretdb-guard.ts;
 *   - one FerretDB per folder: a start stops a stale one (its Graycase died) and refuses while
 *     another live Graycase owns the folder (`ferretdb.pid`);
 *   - the child dies with its parent: a watchdog shell holds the read end of a pipe from this
 *     process; when this process dies, even by SIGKILL, the pipe closes and the watchdog stops
 *     FerretDB. A clean stop closes the pipe too, then waits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import type { Logger } from '../log';
import { claimFolder, clearPidRecord, FolderInUseError, makePrivate, ownCmdline, socketPathFor, stopStale, writePidRecord } from './ferretdb-guard';
export const FERRETDB_VERSION = 'v1.24.2';
export const DEFAULT_FERRETDB_BIN = path.join(PROJECT_ROOT, '.tools', `ferretdb-${FERRETDB_VERSION}`);

export class DatabaseUnavailableError extends Error {}

export interface EmbeddedFerretDb { uri: string; socketPath: string; pid: number; stop(): Promise<void> }

/** Finds the FerretDB binary, building it with Go when it is missing. */
export function ensureFerretDbBinary(bin: string | undefined, log?: Pick<Logger, 'info'>): string {
  if (bin) {
    if (!existsSync(bin)) throw new DatabaseUnavailableError(`FERRETDB_BIN points at ${bin}, which does not exist.`);
    return bin;
  }
  if (existsSync(DEFAULT_FERRETDB_BIN)) return DEFAULT_FERRETDB_BIN;
  if (spawnSync('go', ['version']).status !== 0) {
    throw new DatabaseUnavailableError(
      'No database: MONGODB_URI is not set, and the embedded FerretDB is not installed and cannot be built because Go is not on the PATH.\n' +
      'Fix one of these:\n' +
      '  - point Graycase at MongoDB 6+: MONGODB_URI=mongodb://localhost:27017 npm start\n' +
      '  - install Go 1.22 or newer (https://go.dev/dl) and run npm start again (it builds FerretDB once, a few minutes)\n' +
      `  - or set FERRETDB_BIN to a FerretDB ${FERRETDB_VERSION} binary`
    );
  }
  log?.info(`Building the embedded database (FerretDB ${FERRETDB_VERSION}) with Go; the first run takes a few minutes`);
  const script = path.join(PROJECT_ROOT, 'scripts', 'install-ferretdb.sh');
  const built = spawnSync('bash', [script, DEFAULT_FERRETDB_BIN, FERRETDB_VERSION], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (built.status !== 0 || !existsSync(DEFAULT_FERRETDB_BIN)) {
    const tail = (built.stderr ?? '').trim().split('\n').slice(-15).join('\n');
    throw new DatabaseUnavailableError(`Building FerretDB ${FERRETDB_VERSION} failed; set MONGODB_URI to use MongoDB instead.\n${tail}`);
  }
  return DEFAULT_FERRETDB_BIN;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ path: socketPath });
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

/**
 * The watchdog: runs FerretDB ("$@") in the background with umask 077, prints its pid, and
 * stops it when stdin (a pipe from the Graycase process) reaches EOF or on SIGTERM/SIGINT.
 * Background jobs of a non-interactive shell get /dev/null as stdin, hence the copy on fd 3.
 */
const WATCHDOG = [
  'umask 077',
  'exec 3<&0',
  '"$@" & child=$!',
  'echo "$child"',
  'trap \'kill -TERM "$child" 2>/dev/null\' TERM INT HUP',
  '{ cat <&3 >/dev/null; kill -TERM "$child" 2>/dev/null; } &',
  'wait "$child"; status=$?',
  'kill -0 "$child" 2>/dev/null && wait "$child"',
  'exit $status'
].join('\n');

export async function startEmbeddedFerretDb(opts: { dataDir: string; bin?: string; log: Logger }): Promise<EmbeddedFerretDb> {
  const bin = ensureFerretDbBinary(opts.bin, opts.log);
  const stateDir = path.join(path.resolve(opts.dataDir), 'ferretdb');
  const sqliteDir = path.join(stateDir, 'sqlite');
  // The data folder itself (not what else lives in it, such as code sets) and all of FerretDB's tree.
  makePrivate(opts.dataDir, { recursive: false });
  mkdirSync(sqliteDir, { recursive: true, mode: 0o700 });
  makePrivate(stateDir);
  let stopped: number[];
  try {
    stopped = await stopStale(stateDir);
    claimFolder(stateDir);
  } catch (err) {
    if (err instanceof FolderInUseError) throw new DatabaseUnavailableError(err.message);
    throw err;
  }
  if (stopped.length > 0) opts.log.warn({ pids: stopped, dataDir: stateDir }, 'stopped a stale embedded FerretDB left by a server that did not shut down');
  const socketPath = socketPathFor(stateDir);
  rmSync(socketPath, { force: true });

  const child = spawn('/bin/sh', ['-c', WATCHDOG, 'ferretdb-watchdog', bin,
    '--handler=sqlite', `--sqlite-url=file:${sqliteDir}/`, `--state-dir=${stateDir}`,
    '--listen-addr=', `--listen-unix=${socketPath}`, '--debug-addr=-', '--telemetry=disable',
    '--log-level=WARN', '--log-format=json'
  ], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr.push(d); if (stderr.length > 50) stderr.shift(); });
  // The pipe must not keep this process alive, nor its EPIPE crash it.
  child.stdin!.on('error', () => {});
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  let ferretdbPid = 0;
  const pidLine = new Promise<number>((resolve) => {
    let buf = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      buf += d;
      const m = /^(\d+)\n/.exec(buf);
      if (m && !ferretdbPid) { ferretdbPid = Number(m[1]); resolve(ferretdbPid); }
    });
    child.once('exit', () => resolve(0));
  });
  const killOnExit = () => { if (ferretdbPid) try { process.kill(ferretdbPid, 'SIGKILL'); } catch { /* gone */ } child.kill('SIGKILL'); };
  process.once('exit', killOnExit);
  const fail = (why: string) => {
    killOnExit();
    process.off('exit', killOnExit);
    clearPidRecord(stateDir);
    return new DatabaseUnavailableError(`The embedded FerretDB did not start${why}:\n${stderr.join('').slice(-2000)}`);
  };

  const pid = await pidLine;
  if (!pid) throw fail('');
  writePidRecord(stateDir, { ownerPid: process.pid, ownerCmd: ownCmdline(), wrapperPid: child.pid ?? 0, ferretdbPid: pid, socketPath });
  const deadline = Date.now() + 20_000;
  while (!(await canConnect(socketPath))) {
    if (child.exitCode !== null || Date.now() > deadline) throw fail(child.exitCode !== null ? '' : ' within 20 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  opts.log.info({ socketPath, ferretdbPid: pid, dataDir: stateDir }, 'embedded FerretDB started');
  return {
    uri: `mongodb://${encodeURIComponent(socketPath)}/`,
    socketPath,
    pid,
    stop: async () => {
      await stopChild(child, pid, killOnExit, stateDir);
      // A socket in a private tmp folder (long data paths) leaves nothing behind in tmp.
      if (path.dirname(socketPath) !== stateDir) rmSync(path.dirname(socketPath), { recursive: true, force: true });
    }
  };
}

async function stopChild(child: ChildProcess, ferretdbPid: number, killOnExit: () => void, stateDir: string): Promise<void> {
  process.off('exit', killOnExit);
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // Closing the pipe is the watchdog's signal; SIGTERM to FerretDB makes it quicker.
    child.stdin?.end();
    try { process.kill(ferretdbPid, 'SIGTERM'); } catch { /* already gone */ }
    const timer = setTimeout(killOnExit, 5_000);
    await exited;
    clearTimeout(timer);
  }
  clearPidRecord(stateDir);
}
