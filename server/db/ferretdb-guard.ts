/**
 * What keeps the embedded FerretDB private and single:
 *   - the state folder is 0700 and everything in it 0600/0700 (files left by older versions
 *     are tightened on every start; the child runs with umask 077 so new files are born 0600);
 *   - `<state>/ferretdb.pid` names the Graycase process that owns the folder, the watchdog
 *     shell and FerretDB itself. A start that finds the owner alive refuses (two servers on one
 *     folder would corrupt it); a dead owner means its FerretDB is stale and is stopped first.
 *     On Linux, /proc is also searched for FerretDB processes of this folder that no pid file
 *     names (left by a version without one), so there are never two on one folder.
 *   - Unix socket paths are limited to ~107 bytes; when `<state>/ferretdb.sock` would be longer,
 *     the socket lives in a private 0700 folder `<tmpdir>/graycase-<hash of the state path>`.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const PID_FILE = 'ferretdb.pid';
const MAX_SOCKET_PATH = 100;

export interface PidRecord { ownerPid: number; ownerCmd: string; wrapperPid: number; ferretdbPid: number; socketPath: string }

/** Creates or tightens a folder to 0700 and everything below it to 0600 (files) / 0700 (folders). */
export function makePrivate(dir: string, opts: { recursive?: boolean } = {}): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (opts.recursive === false) return void chmodSync(dir, 0o700);
  const walk = (d: string) => {
    chmodSync(d, 0o700);
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) chmodSync(p, 0o600);
    }
  };
  walk(dir);
}

/** The socket path for a state folder: inside it when short enough, else a private folder in tmp. */
export function socketPathFor(stateDir: string): string {
  const inside = path.join(stateDir, 'ferretdb.sock');
  if (Buffer.byteLength(inside) <= MAX_SOCKET_PATH) return inside;
  const short = path.join(tmpdir(), `graycase-${createHash('sha256').update(stateDir).digest('hex').slice(0, 16)}`);
  mkdirSync(short, { recursive: true, mode: 0o700 });
  const st = lstatSync(short);
  if (!st.isDirectory() || (process.getuid && st.uid !== process.getuid())) throw new Error(`${short} is not a folder of this user; remove it`);
  chmodSync(short, 0o700);
  return path.join(short, 'ferretdb.sock');
}

function cmdlineOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return null;
  }
}

/** Alive and not a zombie (a zombie answers kill(0) but holds no files). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return !existsSync('/proc/self/stat');
  }
}

export const ownCmdline = () => cmdlineOf(process.pid) ?? process.argv.join(' ');

/** Alive and (where /proc tells) still the same program: a reused pid is not the owner. */
function ownerAlive(rec: PidRecord): boolean {
  if (rec.ownerPid === process.pid || !isAlive(rec.ownerPid)) return false;
  const cmd = cmdlineOf(rec.ownerPid);
  return cmd === null || cmd === rec.ownerCmd;
}

export function readPidRecord(stateDir: string): PidRecord | null {
  try {
    return JSON.parse(readFileSync(path.join(stateDir, PID_FILE), 'utf8')) as PidRecord;
  } catch {
    return null;
  }
}

/**
 * Claims the folder: the pid file is created exclusively, so of two servers starting at once on
 * one folder only one gets it. Later writes (the child pids) overwrite this process's own file.
 */
export function claimFolder(stateDir: string): void {
  const rec: PidRecord = { ownerPid: process.pid, ownerCmd: ownCmdline(), wrapperPid: 0, ferretdbPid: 0, socketPath: '' };
  try {
    writeFileSync(path.join(stateDir, PID_FILE), JSON.stringify(rec) + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const other = readPidRecord(stateDir);
    throw new FolderInUseError(`The data folder ${path.dirname(stateDir)} is being started by another Graycase (process ${other?.ownerPid ?? 'unknown'}); stop it or set GRAYCASE_DATA_DIR to another folder.`);
  }
}

export function writePidRecord(stateDir: string, rec: PidRecord): void {
  writeFileSync(path.join(stateDir, PID_FILE), JSON.stringify(rec) + '\n', { mode: 0o600 });
}

/** Removes the pid file only if it still names this process (a later owner keeps theirs). */
export function clearPidRecord(stateDir: string): void {
  if (readPidRecord(stateDir)?.ownerPid === process.pid) rmSync(path.join(stateDir, PID_FILE), { force: true });
}

/** FerretDB processes (and their watchdog shells) started on this state folder, found in /proc. */
export function processesOnFolder(stateDir: string): number[] {
  if (!existsSync('/proc/self/cmdline')) return [];
  const arg = `--state-dir=${stateDir}`;
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    const parts = (() => { try { return readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0'); } catch { return []; } })();
    if (parts.includes(arg)) found.push(Number(name));
  }
  return found;
}

export class FolderInUseError extends Error {}

/**
 * Stops a stale embedded database of this folder (owner dead), or refuses when a live Graycase
 * still owns it. Returns the pids it stopped.
 */
export async function stopStale(stateDir: string): Promise<number[]> {
  const rec = readPidRecord(stateDir);
  if (rec && ownerAlive(rec)) {
    throw new FolderInUseError(`The data folder ${path.dirname(stateDir)} is in use by another Graycase (process ${rec.ownerPid}); stop it or set GRAYCASE_DATA_DIR to another folder.`);
  }
  const pids = new Set(processesOnFolder(stateDir));
  if (rec) for (const p of [rec.ferretdbPid, rec.wrapperPid]) if (isAlive(p) && (cmdlineOf(p) ?? '').includes(`--state-dir=${stateDir}`)) pids.add(p);
  const stale = [...pids].filter(isAlive);
  for (const p of stale) { try { process.kill(p, 'SIGTERM'); } catch { /* already gone */ } }
  const deadline = Date.now() + 5_000;
  while (stale.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const p of stale) if (isAlive(p)) { try { process.kill(p, 'SIGKILL'); } catch { /* already gone */ } }
  const killDeadline = Date.now() + 5_000;
  while (stale.some(isAlive) && Date.now() < killDeadline) await new Promise((r) => setTimeout(r, 20));
  if (stale.some(isAlive)) throw new FolderInUseError(`A stale embedded database of ${path.dirname(stateDir)} (process ${stale.filter(isAlive).join(', ')}) does not stop; stop it by hand.`);
  if (rec) rmSync(path.join(stateDir, PID_FILE), { force: true });
  return stale;
}
