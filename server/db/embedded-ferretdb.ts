/**
 * The embedded database: FerretDB 1.24 (MongoDB wire protocol over SQLite), started as a child
 * process bound to 127.0.0.1 on a free port, data under <dataDir>/ferretdb. The binary is built
 * once from the Go module proxy (scripts/install-ferretdb.sh) into .tools/. The child is
 * stopped with the server, and killed if the server process exits without a clean stop.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import type { Logger } from '../log';

export const FERRETDB_VERSION = 'v1.24.2';
export const DEFAULT_FERRETDB_BIN = path.join(PROJECT_ROOT, '.tools', `ferretdb-${FERRETDB_VERSION}`);

export class DatabaseUnavailableError extends Error {}

export interface EmbeddedFerretDb { uri: string; port: number; stop(): Promise<void> }

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

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1' });
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

export async function startEmbeddedFerretDb(opts: { dataDir: string; bin?: string; log: Logger }): Promise<EmbeddedFerretDb> {
  const bin = ensureFerretDbBinary(opts.bin, opts.log);
  const stateDir = path.join(opts.dataDir, 'ferretdb');
  const sqliteDir = path.join(stateDir, 'sqlite');
  mkdirSync(sqliteDir, { recursive: true });
  const port = await freePort();
  const child = spawn(bin, [
    '--handler=sqlite', `--sqlite-url=file:${sqliteDir}/`, `--state-dir=${stateDir}`,
    `--listen-addr=127.0.0.1:${port}`, '--debug-addr=-', '--telemetry=disable',
    '--log-level=WARN', '--log-format=json'
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr.push(d); if (stderr.length > 50) stderr.shift(); });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const deadline = Date.now() + 20_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      process.off('exit', killOnExit);
      throw new DatabaseUnavailableError(`The embedded FerretDB did not start:\n${stderr.join('').slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  opts.log.info({ port, dataDir: stateDir }, 'embedded FerretDB started');
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    port,
    stop: () => stopChild(child, killOnExit)
  };
}

async function stopChild(child: ChildProcess, killOnExit: () => void): Promise<void> {
  process.off('exit', killOnExit);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
