/**
 * `npm run bench -- coedit`: live co-editing of one code set, Graycase (Socket.IO + Yjs, every
 * update stored in the database before its ack) against @hocuspocus/server 3 with its default
 * in-memory setup, on the same workload, in the same run, on loopback only.
 *
 * Each server runs in its own child process (this file with `--serve <kind>`), so its CPU time
 * and memory are measured apart from the clients, which all run here (each server's own client
 * library: the app's CollabProvider over socket.io-client with MessagePack, HocuspocusProvider
 * over ws). Workload per case: N clients (10, 50) on one fresh document, each owning one code
 * line; an edit sets the note of the client's own line to "<client>:<seq>". burst: 2,000 edits
 * as fast as possible, round-robin over the clients; paced: 5 edits per second per client for
 * PACED_SECONDS, on one fixed schedule (client i at i/n of each 200 ms).
 * Fairness: the same edits and observers for both; every edit is one propagation sample per
 * other client (sent → first seen there, directly or carried by a later value of the same
 * field), so both are measured on exactly edits × (n - 1) samples however a server groups its
 * messages; the order of the two servers alternates per case; before each case the next
 * server must be quiet (leftover eviction or unloading never lands in a case's figures).
 * Figures: time to convergence (first edit → every client has every client's last edit),
 * propagation p50/p99, server CPU per edit (the server process; Graycase's embedded FerretDB
 * apart as db µs/edit), the client process's CPU per edit, server RSS, stored bytes, a late
 * joiner's load time. Ratios are Graycase / Hocuspocus (≤ 1.0 is as good or better). Bounded:
 * every wait has a deadline; never fails on timing. Knobs: COEDIT_CLIENTS=50, COEDIT_MODES=burst,
 * COEDIT_PROFILE=<dir> (Graycase server CPU profile), COEDIT_DEBUG=1 (send/seen timeline, and
 * server event-loop stalls in <tmpdir>/coedit-lag-<server>.txt).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import * as Y from 'yjs';

const BURST_EDITS = 2000;
const PACED_SECONDS = 5;
/** COEDIT_CLIENTS=10 runs one size (profiling); COEDIT_PROFILE=<dir> writes the Graycase server's CPU profile there. */
const CLIENTS = process.env.COEDIT_CLIENTS ? process.env.COEDIT_CLIENTS.split(',').map(Number) : [10, 50];
/** COEDIT_DEBUG=1 prints when edits were sent and seen, in tenths of the run. */
const DEBUG = !!process.env.COEDIT_DEBUG;
function debugTimeline(kind: string, t0: number, generatedMs: number, samples: [number, number][]) {
  const end = Math.max(...samples.map((x) => x[1])) - t0;
  const tenth = (t: number) => Math.min(9, Math.floor(((t - t0) / end) * 10));
  const sent = new Array(10).fill(0), seen = new Array(10).fill(0), lat: number[][] = Array.from({ length: 10 }, () => []);
  for (const [a, b] of samples) { sent[tenth(a)]++; seen[tenth(b)]++; lat[tenth(a)]!.push(b - a); }
  console.log(`  [${kind}] generated in ${generatedMs.toFixed(0)} ms, last seen at ${end.toFixed(0)} ms; per tenth: sent ${sent.join(' ')}; seen ${seen.join(' ')}; p50 by send tenth ${lat.map((l) => pct(l, 50).toFixed(0)).join(' ')}`);
}
/** COEDIT_MODES=paced runs one mode. */
const MODES = (process.env.COEDIT_MODES ? process.env.COEDIT_MODES.split(',') : ['burst', 'paced']) as ('burst' | 'paced')[];
const DEADLINE_MS = 45_000;
const PASSWORD = 'bench-password-123';
const root = path.resolve(import.meta.dirname, '..');

type Kind = 'graycase' | 'hocuspocus';
interface Client { doc: Y.Doc; synced: Promise<void>; destroy(): void }
interface Result {
  kind: Kind; n: number; mode: string; edits: number; samples: number; convergeMs: number | null; p50: number; p99: number;
  cpuUsPerEdit: number; dbUsPerEdit: number | null; clientUsPerEdit: number; rssMb: number; storedBytes: number | null; lateJoinMs: number
}

// ---------------------------------------------------------------------------------------------
// Child: one server.

async function serve(kind: Kind) {
  if (DEBUG) {
    // Event-loop stalls of the server, to tell server stalls from client ones.
    const { appendFileSync } = await import('node:fs');
    const file = path.join(tmpdir(), `coedit-lag-${kind}.txt`);
    let prev = performance.now();
    setInterval(() => { const now = performance.now(); if (now - prev > 120) appendFileSync(file, `${new Date().toISOString()} stall ${(now - prev - 50).toFixed(0)} ms\n`); prev = now; }, 50).unref();
  }
  if (kind === 'hocuspocus') {
    const { Server } = await import('@hocuspocus/server');
    const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: true });
    await server.listen(0);
    console.log('READY ' + JSON.stringify({ url: `ws://127.0.0.1:${server.address.port}` }));
    return;
  }
  const { loadConfig } = await import('../server/config');
  const { startGraycase } = await import('../server/boot');
  const { hashPassword } = await import('../server/auth/passwords');
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', GRAYCASE_SEED_DEMO: 'false', SESSION_SECRET: randomBytes(32).toString('hex') });
  const running = await startGraycase({ ...config, codeSetsDir: null }, { serveWeb: false });
  const orgId = randomUUID();
  const now = new Date();
  await running.ctx.db.c.orgs.insertOne({ _id: orgId, name: 'Bench', createdAt: now });
  const email = `bench-${randomBytes(3).toString('hex')}@bench.example`;
  await running.ctx.db.c.users.insertOne({ _id: randomUUID(), orgId, email, name: 'Bench Coder', role: 'coder', teamIds: [], passwordHash: await hashPassword(PASSWORD), disabled: false, createdAt: now, passwordChangedAt: now });
  console.log('READY ' + JSON.stringify({ url: running.url, email }));
  process.once('SIGTERM', () => void running.stop().then(() => process.exit(0)));
}

// ---------------------------------------------------------------------------------------------
// Parent: processes, clients, workload.

function spawnServer(kind: Kind, env: Record<string, string>): Promise<{ child: ChildProcess; info: { url: string; email?: string } }> {
  const profile = kind === 'graycase' && process.env.COEDIT_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.COEDIT_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(root, 'bench/coedit.ts'), '--serve', kind], {
    cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe']
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start: ${out}`)), 60_000);
    const on = (d: Buffer) => {
      out += d;
      const m = /READY (.*)\n/.exec(out);
      if (m) { clearTimeout(timer); resolve({ child, info: JSON.parse(m[1]!) }); }
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${kind} exited ${code}: ${out}`)); });
  });
}

const cpuUs = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * (1_000_000 / 100); // utime + stime in clock ticks (100 Hz)
};
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const pct = (xs: number[], p: number) => { if (!xs.length) return NaN; const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!; };
/** Waits (at most 20 s) until a server process is quiet, so one case's leftovers (eviction,
 * compaction, unloading) never land in the next case's figures, whichever server it measures. */
async function settle(pid: number) {
  const end = Date.now() + 20_000;
  for (let before = cpuUs(pid); Date.now() < end; ) {
    await new Promise((r) => setTimeout(r, 250));
    const now = cpuUs(pid);
    if (now - before < 12_500) return; // under 5 % of a core
    before = now;
  }
}
const until = async (ok: () => boolean, ms = DEADLINE_MS) => { const end = Date.now() + ms; while (!ok()) { if (Date.now() > end) return false; await new Promise((r) => setTimeout(r, 5)); } return true; };

async function graycaseClient(url: string, cookie: string, encounterId: string): Promise<Client> {
  const { io } = await import('socket.io-client');
  const msgpackParser = await import('socket.io-msgpack-parser');
  const { CollabProvider } = await import('../src/lib/collab/provider');
  const socket = io(url, { parser: msgpackParser, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
  const doc = new Y.Doc();
  const provider = new CollabProvider(socket as never, encounterId, doc, 60_000);
  return { doc, synced: provider.whenSynced, destroy: () => { provider.destroy(); doc.destroy(); socket.disconnect(); } };
}

async function hocuspocusClient(url: string, name: string): Promise<Client> {
  const { HocuspocusProvider } = await import('@hocuspocus/provider');
  const { WebSocket } = await import('ws');
  const doc = new Y.Doc();
  let done!: () => void;
  const synced = new Promise<void>((r) => (done = r));
  const provider = new HocuspocusProvider({ url, name, document: doc, WebSocketPolyfill: WebSocket, onSynced: () => done() } as never);
  return { doc, synced, destroy: () => { provider.destroy(); doc.destroy(); } };
}

async function phase(kind: Kind, n: number, mode: 'burst' | 'paced', ctx: { pid: number; dbPid?: number; connect: (doc: string) => Promise<Client>; newDoc: () => Promise<string>; stored?: (doc: string) => Promise<number> }): Promise<Result> {
  const { insertLine, linesOf, readLines, setField } = await import('../src/lib/collab/shape');
  const { LOCAL_ORIGIN } = await import('../src/lib/collab/provider');
  const docName = await ctx.newDoc();
  const clients = await Promise.all(Array.from({ length: n }, () => ctx.connect(docName)));
  await Promise.all(clients.map((c) => c.synced));
  clients.forEach((c, i) => c.doc.transact(() => insertLine(c.doc, { id: `c${i}`, system: 'ICD-10-CM', code: 'R69', role: 'secondary', poa: null, modifiers: [], units: null, pointers: [], note: '', addedBy: null }, 0), LOCAL_ORIGIN));
  await until(() => clients.every((c) => linesOf(c.doc).length === n));

  // Every edit is one sample per other client: sent → first seen there, directly or as part of
  // a later value of the same field (which carries it). Both servers are measured on exactly
  // these edits × (n - 1) samples, however they group their messages.
  const sentAt: number[][] = clients.map(() => []);
  const latencies: number[] = [];
  const debugSamples: [number, number][] = [];
  const seen = clients.map(() => new Int32Array(n).fill(-1));
  clients.forEach((c, j) => linesOf(c.doc).observeDeep((events, tr) => {
    if (tr.local) return;
    const now = performance.now();
    for (const e of events) {
      if (!(e.target instanceof Y.Map) || !(e as Y.YMapEvent<unknown>).keysChanged.has('note')) continue;
      const [who, seq] = String(e.target.get('note')).split(':').map(Number);
      if (who === undefined || seq === undefined || Number.isNaN(who) || who === j) continue;
      for (let k = seen[j]![who]! + 1; k <= seq; k++) { latencies.push(now - sentAt[who]![k]!); if (DEBUG) debugSamples.push([sentAt[who]![k]!, now]); }
      if (seq > seen[j]![who]!) seen[j]![who] = seq;
    }
  }));

  const last = new Int32Array(n).fill(-1);
  const edit = (i: number) => {
    const c = clients[i]!;
    last[i]!++;
    sentAt[i]!.push(performance.now());
    c.doc.transact(() => setField(c.doc, `c${i}`, 'note', `${i}:${last[i]}`), LOCAL_ORIGIN);
  };
  await settle(ctx.pid);
  const cpu0 = cpuUs(ctx.pid);
  const db0 = ctx.dbPid ? cpuUs(ctx.dbPid) : 0;
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  let edits = 0;
  if (mode === 'burst') {
    for (let k = 0; k < BURST_EDITS; k++) {
      edit(k % n); edits++;
      if (k % 25 === 24) await new Promise((r) => setImmediate(r));
    }
  } else {
    // One fixed schedule for both servers: client i edits at i/n of the period, then every
    // period; an edit the loaded client process reaches late is sent late (and measured from
    // when it was sent), never dropped, so both servers get the same edits.
    const due: [number, number][] = [];
    for (let i = 0; i < n; i++) for (let k = 0; k < PACED_SECONDS * 5; k++) due.push([(i / n) * 200 + k * 200, i]);
    due.sort((x, y) => x[0] - y[0]);
    let next = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        while (next < due.length && due[next]![0] <= performance.now() - t0) { edit(due[next]![1]); edits++; next++; }
        if (next >= due.length) return resolve();
        setTimeout(tick, Math.max(0, due[next]![0] - (performance.now() - t0)));
      };
      tick();
    });
  }
  const generatedMs = performance.now() - t0;
  const ok = await until(() => clients.every((_, j) => seen[j]!.every((s, i) => i === j || s === last[i])));
  if (DEBUG) debugTimeline(kind, t0, generatedMs, debugSamples);
  const convergeMs = ok ? performance.now() - t0 : null;
  const cpuUsPerEdit = (cpuUs(ctx.pid) - cpu0) / Math.max(1, edits);
  const clientCpu = process.cpuUsage(client0);
  const clientUsPerEdit = (clientCpu.user + clientCpu.system) / Math.max(1, edits);
  const dbUsPerEdit = ctx.dbPid ? (cpuUs(ctx.dbPid) - db0) / Math.max(1, edits) : null;
  const samples = latencies.length;
  const rss = rssMb(ctx.pid);
  const storedBytes = ctx.stored ? await ctx.stored(docName) : null;
  const lt0 = performance.now();
  const late = await ctx.connect(docName);
  await late.synced;
  const lateJoinMs = performance.now() - lt0;
  if (readLines(late.doc).length !== n) console.log(`  ! ${kind} late joiner saw ${readLines(late.doc).length} of ${n} lines`);
  late.destroy();
  clients.forEach((c) => c.destroy());
  return { kind, n, mode, edits, samples, convergeMs, p50: pct(latencies, 50), p99: pct(latencies, 99), cpuUsPerEdit, dbUsPerEdit, clientUsPerEdit, rssMb: rss, storedBytes, lateJoinMs };
}

export async function run(): Promise<void> {
  const { startEmbeddedFerretDb } = await import('../server/db/embedded-ferretdb');
  const { MongoClient, Binary } = await import('mongodb');
  const pino = (await import('pino')).default;
  const dir = mkdtempSync(path.join(tmpdir(), 'graycase-bench-coedit-'));
  const fdb = process.env.MONGODB_URI ? null : await startEmbeddedFerretDb({ dataDir: dir, log: pino({ level: 'warn' }) });
  const mongoUri = process.env.MONGODB_URI ?? fdb!.uri;
  const dbName = 'bench_coedit_' + Date.now();
  const children: ChildProcess[] = [];
  const mongo = new MongoClient(mongoUri);
  try {
    await mongo.connect();
    const [g, h] = await Promise.all([spawnServer('graycase', { MONGODB_URI: mongoUri, GRAYCASE_DB_NAME: dbName }), spawnServer('hocuspocus', {})]);
    children.push(g.child, h.child);
    const signIn = await fetch(g.info.url + '/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: g.info.email, password: PASSWORD }) });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c!.startsWith('gc_session='))!;
    const db = mongo.db(dbName);
    const bytes = (b: unknown) => (b instanceof Binary ? b.buffer.byteLength : 0);
    const graycase = {
      pid: g.child.pid!,
      dbPid: fdb?.pid,
      connect: (doc: string) => graycaseClient(g.info.url, cookie, doc),
      newDoc: async () => {
        const r = await fetch(g.info.url + '/api/encounters', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({
          title: 'Bench', setting: 'inpatient', dateOfService: '2026-01-10', specialty: 'bench', patient: { name: 'Bench Patient' },
          documents: [{ kind: 'progress-note', title: 'Note', text: 'Bench note.' }], codeLines: []
        }) });
        return ((await r.json()) as { data: { id: string } }).data.id;
      },
      stored: async (docId: string) => {
        const [u, s] = await Promise.all([db.collection('collab_updates').find({ docId }).toArray(), db.collection('collab_snapshots').find({ docId }).toArray()]);
        return u.reduce((a, e) => a + bytes(e.update), 0) + s.reduce((a, e) => a + bytes(e.state), 0);
      }
    };
    const hocus = { pid: h.child.pid!, connect: (doc: string) => hocuspocusClient(h.info.url, doc), newDoc: async () => 'bench-' + randomUUID() };
    const results: Result[] = [];
    const fmt = (x: number | null, d = 1) => (x === null || Number.isNaN(x) ? 'n/a' : x.toFixed(d));
    console.log(`  load before: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (1/5/15 min, ${cpus().length} CPUs)`);
    console.log('  server      clients mode   edits samples converge ms  p50 ms  p99 ms  cpu µs/edit  db µs/edit  client µs/edit  rss MB  stored kB  late join ms');
    let caseNo = 0;
    for (const n of CLIENTS) for (const mode of MODES) {
      // Alternate which server goes first, so neither always runs on a machine warmed or
      // loaded by the other.
      const order = [['graycase', graycase], ['hocuspocus', hocus]] as const;
      for (const [kind, target] of caseNo++ % 2 === 0 ? order : [...order].reverse()) {
        const r = await phase(kind, n, mode, target);
        results.push(r);
        console.log(`  ${kind.padEnd(11)} ${String(n).padStart(7)} ${mode.padEnd(6)} ${String(r.edits).padStart(5)} ${String(r.samples).padStart(7)} ${fmt(r.convergeMs, 0).padStart(11)} ${fmt(r.p50).padStart(7)} ${fmt(r.p99).padStart(7)} ${fmt(r.cpuUsPerEdit, 0).padStart(12)} ${fmt(r.dbUsPerEdit, 0).padStart(11)} ${fmt(r.clientUsPerEdit, 0).padStart(15)} ${fmt(r.rssMb, 0).padStart(7)} ${(r.storedBytes === null ? 'memory' : (r.storedBytes / 1024).toFixed(1)).padStart(10)} ${fmt(r.lateJoinMs).padStart(13)}`);
      }
    }
    console.log('  ratios Graycase / Hocuspocus (≤ 1.0: as good or better; Graycase stores every update; cpu/edit is the server process alone):');
    for (const n of CLIENTS) for (const mode of MODES) {
      const a = results.find((r) => r.kind === 'graycase' && r.n === n && r.mode === mode)!;
      const b = results.find((r) => r.kind === 'hocuspocus' && r.n === n && r.mode === mode)!;
      const ratio = (x: number | null, y: number | null) => (x === null || y === null ? 'n/a' : (x / y).toFixed(2));
      console.log(`  ${String(n).padStart(3)} clients ${mode.padEnd(6)} convergence ${ratio(a.convergeMs, b.convergeMs)}  p50 ${ratio(a.p50, b.p50)}  p99 ${ratio(a.p99, b.p99)}  cpu/edit ${ratio(a.cpuUsPerEdit, b.cpuUsPerEdit)}  client cpu/edit ${ratio(a.clientUsPerEdit, b.clientUsPerEdit)}  late join ${ratio(a.lateJoinMs, b.lateJoinMs)}`);
    }
    console.log(`  load after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await mongo.db(dbName).dropDatabase().catch(() => {});
    await mongo.close();
    await fdb?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt > 0) await serve(process.argv[serveAt + 1] as Kind);
