/**
 * Benchmark: thread fan-out. 200 and 1000 authenticated clients in 20 encounter rooms, each
 * posting at 0.5 and 1 message per second, every message persisted by Graycase; and, in the same
 * run, the same workload against a bare Socket.IO relay (bench/threads-relay.ts: same wire format,
 * no session, no database). Both servers run as child processes, so their CPU is measured apart
 * from the clients (and Graycase's database process apart from Graycase).
 *
 * Reports per scenario: acknowledgement and delivery latency p50/p95/p99, deliveries per second,
 * lost and duplicated deliveries, server CPU per delivery (Node and database), and memory per
 * idle connection; then the ratios Graycase / relay. Never fails on timing.
 * Fair by construction: the same clients, send schedule and warm-up (THREADS_WARMUP seconds of the
 * scenario's workload, default 3, never measured) for both servers; CPU counted over the same
 * window (first send to last delivery); the relay sends packets of Graycase's shape and size (the
 * packets and bytes the clients receive per delivery are printed for both).
 * `npm run bench -- threads` (THREADS_SECONDS=… sets the sending time of each run, default 10;
 * THREADS_QUICK=1 runs one small scenario to check the benchmark itself; THREADS_REPEAT=n runs each
 * scenario n rounds, alternating which server goes first, and prints the median CPU ratio; THREADS_PROFILE=<dir>
 * writes the Graycase server's CPU profile there, and the relay's in <dir>/relay with THREADS_PROFILE_RELAY=1; THREADS_MON=<module> preloads a module into both servers,
 * e.g. one that times database calls); THREADS_SERVER_LOG=<prefix> writes each server's output to <prefix>.<pid>.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import pino from 'pino';
import { openBenchSocket, packetsReceived, type BenchSocket } from './threads-client';
import { startEmbeddedFerretDb } from '../server/db/embedded-ferretdb';
import { collections } from '../server/db/collections';
import { createSessionStore, SESSION_COOKIE } from '../server/auth/sessions';
import { hashPassword } from '../server/auth/passwords';

const ROOT = path.resolve(import.meta.dirname, '..');
const ROOMS = 20;
const SECONDS = Number(process.env.THREADS_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.THREADS_WARMUP ?? 3);
const IDLE_SECONDS = 6;
/** THREADS_REPEAT=n: each scenario n rounds (the servers' order alternating), with the median CPU ratio. */
const REPEAT = Math.max(1, Number(process.env.THREADS_REPEAT ?? 1));
const ALL_SCENARIOS = [{ clients: 200, rate: 0.5 }, { clients: 200, rate: 1 }, { clients: 1000, rate: 0.5 }, { clients: 1000, rate: 1 }];
const SCENARIOS = process.env.THREADS_QUICK
  ? [{ clients: 40, rate: 1 }] // a smoke run: does the benchmark itself work
  : process.env.THREADS_CLIENTS // one size only (THREADS_CLIENTS=200 or 1000)
    ? ALL_SCENARIOS.filter((s) => s.clients === Number(process.env.THREADS_CLIENTS))
    : ALL_SCENARIOS;

interface Target { name: string; url: string; pid: number; dbPid: number | null; child: ChildProcess; rooms: { encounterId: string; threadId: string }[]; cookies: string[] }

const pct = (xs: number[], p: number) => { if (xs.length === 0) return NaN; const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!; };
/** Kernel time alone (stime): sending on loopback TCP is mostly kernel work, charged to the sender. */
const kernelMs = (pid: number | null) => (pid ? (Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[12]) * 1000) / 100 : 0);
const cpuMs = (pid: number | null) => {
  if (!pid) return 0;
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime in clock ticks (100 Hz)
};
/**
 * CPU per thread group (ms): the main thread (the task whose id is the pid), V8's platform
 * threads (concurrent GC marking/sweeping and the optimising compiler) and the rest (libuv's
 * pool, tsx's loader thread, the profiler's). Node 20 names every thread 'node', so the groups
 * come from the order of creation: right after the main thread Node starts its delayed-task
 * scheduler and V8's worker pool (4 threads, `--v8-pool-size`), before any other thread (a
 * probe that only allocates charges its GC to exactly those). Says whether an excess is our
 * JavaScript or the garbage and compilation it causes.
 */
function threadCpuMs(pid: number | null): Record<string, number> {
  const out: Record<string, number> = {};
  if (!pid) return out;
  const tids = readdirSync(`/proc/${pid}/task`).map(Number).sort((a, b) => a - b);
  tids.forEach((tid, index) => {
    let stat: string;
    try { stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'); } catch { return; } // a thread that just ended
    const f = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    const group = tid === pid ? 'main' : index <= 5 ? 'v8' : 'other';
    out[group] = (out[group] ?? 0) + ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  });
  return out;
}
const threadDelta = (a: Record<string, number>, b: Record<string, number>, per: number) =>
  ['main', 'v8', 'other'].map((k) => `${k} ${((((b[k] ?? 0) - (a[k] ?? 0)) * 1000) / per).toFixed(1)}`).join(', ');
const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The Node flags of the production start (`package.json` "start": `node <flags> --import tsx
 * server/index.ts`), so Graycase runs here as it runs in production; the relay gets the same
 * flags, so a runtime setting is never counted as Graycase's own saving. THREADS_NODE_FLAGS
 * replaces them for an experiment (e.g. THREADS_NODE_FLAGS='--max-semi-space-size=64').
 */
function productionNodeFlags(): string[] {
  if (process.env.THREADS_NODE_FLAGS !== undefined) return process.env.THREADS_NODE_FLAGS.split(/\s+/).filter(Boolean);
  const start: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start;
  const words = start.split(/\s+/);
  const flags: string[] = [];
  for (let i = words.indexOf('node') + 1; i < words.length && words[i]!.startsWith('--'); i++) {
    if (words[i] === '--import') i++; // the loader: spawnServer adds tsx itself
    else flags.push(words[i]!);
  }
  return flags;
}
const NODE_FLAGS = productionNodeFlags();

const serverOutput = new Map<ChildProcess, () => string>();

function spawnServer(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', ...NODE_FLAGS, ...(process.env.THREADS_MON ? ['--import', process.env.THREADS_MON] : []), '--import', 'tsx', ...args], {
      cwd: ROOT, env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', GRAYCASE_BENCH_MEMORY: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe']
    });
    let out = '';
    let warnings: string[] = []; // kept apart: info lines would push them out of the tail
    let started = false;
    const onData = (d: Buffer) => {
      out = (out + d).slice(-20_000);
      for (const line of String(d).split('\n')) if (/"level":(40|50|60)/.test(line)) warnings = [...warnings.slice(-9), line.slice(0, 2000)];
      if (started) return;
      const m = ready.exec(out);
      if (m) { started = true; resolve({ child, match: m }); }
    };
    // A failing request logs its error: shown when the benchmark fails.
    serverOutput.set(child, () => warnings.join('\n'));
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    // THREADS_SERVER_LOG=<prefix>: each server's whole output in <prefix>.<pid> (e.g. V8's --trace-opt lines).
    if (process.env.THREADS_SERVER_LOG) child.stdout!.pipe(createWriteStream(`${process.env.THREADS_SERVER_LOG}.${child.pid}`));
    if (process.env.THREADS_MON) child.stderr!.on('data', (d: Buffer) => process.stderr.write(d));
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${out.slice(-1500)}`)));
  });
}

const open = (url: string, cookie?: string): Promise<BenchSocket> => openBenchSocket(url, cookie);

async function connectAll(t: Target, n: number): Promise<BenchSocket[]> {
  const sockets: BenchSocket[] = [];
  for (let i = 0; i < n; i += 50) {
    sockets.push(...await Promise.all(Array.from({ length: Math.min(50, n - i) }, (_, j) => open(t.url, t.cookies[i + j]))));
  }
  // Joins in waves of 100 (each is an audited view of the encounter): 1000 at once outlast any
  // reasonable ack timeout on a loaded 2-core machine, and only the messages are measured.
  for (let i = 0; i < sockets.length; i += 100) {
    await Promise.all(sockets.slice(i, i + 100).map(async (s, j) => {
      const r = await s.emitWithAck('encounters.join', { encounterId: t.rooms[(i + j) % ROOMS]!.encounterId }, 120_000);
      if (!r.ok) throw new Error(`join refused: ${JSON.stringify(r.error)}`);
    }));
  }
  return sockets;
}

/** Bounded waits: a scenario always ends, and what did not arrive in time counts as lost. */
const ACK_TIMEOUT_MS = 30_000;
const DRAIN_DEADLINE_MS = 60_000;

/** Sends on a fixed schedule (not "sleep after each send", so a slow event loop does not lower the rate). */
async function drive(t: Target, sockets: BenchSocket[], rate: number, seconds: number, onSend: (i: number, room: number) => string, onAck: (i: number, room: number, r: Promise<{ ok: boolean; error?: { code: string } }>) => void): Promise<void> {
  const started = performance.now();
  const stopAt = started + seconds * 1000;
  const interval = 1000 / rate;
  await Promise.all(sockets.map(async (s, i) => {
    let next = started + Math.random() * interval;
    for (;;) {
      await sleep(Math.max(0, next - performance.now()));
      if (performance.now() >= stopAt) return;
      const room = i % ROOMS;
      onAck(i, room, s.emitWithAck('messages.create', { threadId: t.rooms[room]!.threadId, clientId: randomUUID(), body: onSend(i, room) }, ACK_TIMEOUT_MS));
      next += interval;
    }
  }));
}

/**
 * Warm-up, the same for both servers and never measured: WARMUP_SECONDS of the scenario's own
 * workload, then its acks and deliveries settle. Without it the first scenario charged Graycase
 * for its JIT compilation and first reads (thread participants, unread counts) and the relay
 * for its own JIT, i.e. start-up, not the cost of a delivery.
 */
async function warmUp(t: Target, sockets: BenchSocket[], rate: number): Promise<void> {
  let delivered = 0;
  let expected = 0;
  const perRoom = sockets.length / ROOMS;
  sockets.forEach((s) => { s.onBenchBody = () => { delivered++; }; });
  const acks: Promise<unknown>[] = [];
  await drive(t, sockets, rate, WARMUP_SECONDS, (i) => `bench w ${performance.now()} ${i}`, (_i, _room, r) => acks.push(r.then((a) => { if (a.ok) expected += perRoom - 1; }, () => {})));
  await Promise.all(acks);
  const until = performance.now() + 20_000;
  while (performance.now() < until && delivered < expected) await sleep(50);
  await sleep(300); // what the warm-up left behind (batched reads, timers) runs before the window
}

async function runScenario(t: Target, clients: number, rate: number) {
  const sockets = await connectAll(t, clients);
  if (WARMUP_SECONDS > 0) await warmUp(t, sockets, rate);
  // received[n][i]: how often receiver i got message n (n numbers the sends of this scenario).
  const received: Uint8Array[] = [];
  const deliveries: number[] = [];
  const acks: number[] = [];
  const acked: { n: number; room: number; sender: number }[] = [];
  let failed = 0;
  let sent = 0;
  const reasons = new Map<string, number>(); // why sends failed (error code or timeout)
  const fail = (why: string) => { failed++; reasons.set(why, (reasons.get(why) ?? 0) + 1); };
  sockets.forEach((s, i) => { s.onBenchBody = (body) => {
    const [, n, sentAt, sender] = body.split(' ');
    if (n === 'w' || Number(sender) === i) return; // a late warm-up message, or a server that echoes to the sender: not a delivery
    const per = (received[Number(n)] ??= new Uint8Array(clients));
    if (per[i]! < 255) per[i]!++;
    deliveries.push(performance.now() - Number(sentAt));
  }; });
  const cpu0 = { node: cpuMs(t.pid), db: cpuMs(t.dbPid), kernel: kernelMs(t.pid), threads: threadCpuMs(t.pid) };
  const started = performance.now();
  const monoStart = process.hrtime.bigint() / 1000n; // µs, the clock of the server's CPU profile
  const client0 = process.cpuUsage();
  const packets0 = { ...packetsReceived };
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!;
  const pending: Promise<void>[] = [];
  let lastSentAt = 0;
  await drive(t, sockets, rate, SECONDS, (i) => `bench ${sent} ${(lastSentAt = performance.now())} ${i}`, (i, room, r) => {
    const n = sent++;
    const sentAt = lastSentAt;
    pending.push(r.then((a) => { if (a.ok) { acks.push(performance.now() - sentAt); acked.push({ n, room, sender: i }); } else fail(a.error?.code ?? 'refused'); })
      .catch((e: Error) => fail(e.message)));
  });
  await Promise.all(pending);
  const members = Array.from({ length: ROOMS }, (_, r) => sockets.map((_, i) => i).filter((i) => i % ROOMS === r));
  const expected = acked.reduce((n, a) => n + members[a.room]!.length - 1, 0);
  const drainUntil = performance.now() + DRAIN_DEADLINE_MS;
  while (performance.now() < drainUntil && deliveries.length < expected) await sleep(100);
  const elapsed = (performance.now() - started) / 1000;
  const cpu1 = { node: cpuMs(t.pid), db: cpuMs(t.dbPid), kernel: kernelMs(t.pid), threads: threadCpuMs(t.pid) };
  const client = process.cpuUsage(client0);
  const packets = { count: packetsReceived.count - packets0.count, bytes: packetsReceived.bytes - packets0.bytes };
  // With THREADS_PROFILE: the measured window, to read only its samples out of the profile.
  if (process.env.THREADS_PROFILE || process.env.THREADS_SERVER_LOG) console.log(` profile window ${t.name} ${clients} ${rate}: ${monoStart} ${process.hrtime.bigint() / 1000n}`);
  let unique = 0;
  let duplicates = 0;
  for (const a of acked) {
    const per = received[a.n];
    for (const i of members[a.room]!) {
      if (i === a.sender) continue;
      const c = per?.[i] ?? 0;
      if (c > 0) unique++;
      if (c > 1) duplicates += c - 1;
    }
  }
  sockets.forEach((s) => s.close());
  await sleep(500);
  return {
    messages: acked.length, failed, reasons: [...reasons].map(([k, v]) => `${k} ${v}`).join(', '), expected, unique, lost: expected - unique, duplicates,
    ack: [pct(acks, 50), pct(acks, 95), pct(acks, 99)], delivery: [pct(deliveries, 50), pct(deliveries, 95), pct(deliveries, 99)],
    perSecond: unique / elapsed, packetsPerDelivery: packets.count / Math.max(1, unique), bytesPerDelivery: packets.bytes / Math.max(1, unique),
    nodeCpuPerDelivery: (cpu1.node - cpu0.node) / Math.max(1, unique), threads: threadDelta(cpu0.threads, cpu1.threads, Math.max(1, unique)), nodeKernelShare: (cpu1.kernel - cpu0.kernel) / Math.max(1, cpu1.node - cpu0.node), dbCpuPerDelivery: (cpu1.db - cpu0.db) / Math.max(1, unique),
    // The clients' own CPU (all in this process): when it nears one core, latency is the client's.
    clientCpuPerDelivery: (client.user + client.system) / 1000 / Math.max(1, unique), clientCores: (client.user + client.system) / 1000 / (elapsed * 1000), load
  };
}

interface Memory { rss: number; heapUsed: number; external: number; arrayBuffers: number }

/** The server's memory after a full GC (it prints it on SIGUSR2 when GRAYCASE_BENCH_MEMORY=1). */
function memoryAfterGc(t: Target): Promise<Memory> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { t.child.stdout!.off('data', onData); reject(new Error(`${t.name}: no memory report`)); }, 10_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = /graycase-memory (\{.*\})/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      t.child.stdout!.off('data', onData);
      resolve(JSON.parse(m[1]!) as Memory);
    };
    t.child.stdout!.on('data', onData);
    t.child.kill('SIGUSR2');
  });
}

/** Per idle joined connection: the RSS delta (coarse) and, after a full GC, the JS heap + external delta. */
async function idleMemoryPerConnection(t: Target, n: number): Promise<{ rss: number; heap: number; idleCpuMsPerSecond: number }> {
  await sleep(1000);
  const before = await memoryAfterGc(t);
  const rssBefore = rssKb(t.pid);
  const sockets = await connectAll(t, n);
  await sleep(2000);
  // What the server spends per second on n joined, silent clients (timers, sweeps, heartbeats).
  const idle0 = cpuMs(t.pid);
  const monoStart = process.hrtime.bigint() / 1000n;
  await sleep(IDLE_SECONDS * 1000);
  const idleCpuMsPerSecond = (cpuMs(t.pid) - idle0) / IDLE_SECONDS;
  if (process.env.THREADS_PROFILE || process.env.THREADS_SERVER_LOG) console.log(` profile window ${t.name} idle ${n}: ${monoStart} ${process.hrtime.bigint() / 1000n}`);
  const after = await memoryAfterGc(t);
  const rssAfter = rssKb(t.pid);
  sockets.forEach((s) => s.close());
  await sleep(1000);
  const heapOf = (m: Memory) => m.heapUsed + m.external;
  return { rss: ((rssAfter - rssBefore) * 1024) / n, heap: (heapOf(after) - heapOf(before)) / n, idleCpuMsPerSecond };
}

/** Graycase as a child process on its own database, with users, sessions, 20 shared encounters and a thread each. */
async function startGraycase(mongoUri: string, dbPid: number | null, users: number): Promise<Target> {
  const dbName = `bench_threads_${randomBytes(4).toString('hex')}`;
  const secret = randomBytes(32).toString('hex');
  const mongo = new MongoClient(mongoUri);
  await mongo.connect();
  const c = collections(mongo.db(dbName));
  const orgId = randomUUID();
  const teamId = randomUUID();
  const now = new Date();
  const passwordHash = await hashPassword('bench-password-1');
  await c.orgs.insertOne({ _id: orgId, name: 'Bench org', createdAt: now });
  await c.teams.insertOne({ _id: teamId, orgId, name: 'Bench team', createdAt: now });
  const people = Array.from({ length: users }, (_, i) => ({
    _id: randomUUID(), orgId, email: `bench${i}@bench.example`, name: `Bench ${i}`, role: i === 0 ? 'senior' as const : 'coder' as const,
    teamIds: [teamId], passwordHash, disabled: false, createdAt: now, passwordChangedAt: now
  }));
  await c.users.insertMany(people);
  const sessions = createSessionStore(c, secret, 12 * 3600_000, new EventEmitter() as never);
  const cookies: string[] = [];
  for (const p of people) cookies.push(`${SESSION_COOKIE}=${(await sessions.create(p._id, orgId, '127.0.0.1')).token}`);
  await mongo.close();

  const profile = process.env.THREADS_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.THREADS_PROFILE}`] : [];
  const { child, match } = await spawnServer([...profile, 'server/index.ts'], {
    PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', MONGODB_URI: mongoUri, GRAYCASE_DB_NAME: dbName, GRAYCASE_SEED_DEMO: 'false',
    GRAYCASE_CODESETS_DIR: 'off', SESSION_SECRET: secret
  }, /running at (http:\/\/[^ ]+) /);
  const url = match[1]!;
  const owner = cookies[0]!;
  const rooms: Target['rooms'] = [];
  const ownerSocket = await open(url, owner);
  for (let r = 0; r < ROOMS; r++) {
    const headers = { cookie: owner, 'content-type': 'application/json' };
    const created = await (await fetch(`${url}/api/encounters`, { method: 'POST', headers, body: JSON.stringify({
      title: `Bench room ${r}`, setting: 'inpatient', patient: { name: 'Bench Patient' }, dateOfService: '2026-09-14', specialty: 'hospital medicine',
      documents: [{ kind: 'progress-note', title: 'Note', text: 'Impression: urinary tract infection.' }], codeLines: [], flags: []
    }) })).json() as { data?: { id: string }; error?: unknown };
    if (!created.data) throw new Error(`creating a bench encounter failed: ${JSON.stringify(created.error)}`);
    const encounterId = created.data.id;
    await fetch(`${url}/api/encounters/${encounterId}/sharing`, { method: 'PUT', headers, body: JSON.stringify({ userIds: [], teamIds: [teamId] }) });
    const joined = await ownerSocket.emitWithAck('encounters.join', { encounterId }, 30_000);
    if (!joined.ok) throw new Error(`encounters.join refused: ${JSON.stringify(joined.error)}`);
    const thread = await ownerSocket.emitWithAck('threads.create', { scope: { type: 'encounter', encounterId }, clientId: randomUUID(), anchor: { type: 'whole' }, title: 'Bench' }, 30_000);
    if (!thread.ok) throw new Error(`threads.create refused: ${JSON.stringify(thread.error)}`);
    rooms.push({ encounterId, threadId: thread.data.threadId });
  }
  ownerSocket.close();
  // Sharing 20 encounters with the team notified every member 20 times: let that settle first,
  // so the scenarios measure the message workload, not the setup's tail.
  for (let waited = 0; waited < 180_000; waited += 1000) {
    const cpu0 = cpuMs(child.pid!) + cpuMs(dbPid);
    await sleep(1000);
    if (cpuMs(child.pid!) + cpuMs(dbPid) - cpu0 < 100) break;
  }
  return { name: 'graycase', url, pid: child.pid!, dbPid, child, rooms, cookies };
}

async function startRelay(): Promise<Target> {
  const profile = process.env.THREADS_PROFILE && process.env.THREADS_PROFILE_RELAY ? ['--cpu-prof', `--cpu-prof-dir=${process.env.THREADS_PROFILE}/relay`] : [];
  const { child, match } = await spawnServer([...profile, 'bench/threads-relay.ts'], {}, /relay listening on (\d+)/);
  // Ids as long as Graycase's (UUIDs), so the relayed packets are as large.
  const rooms = Array.from({ length: ROOMS }, () => randomUUID()).map((encounterId) => ({ encounterId, threadId: `t-${encounterId}` }));
  return { name: 'bare relay', url: `http://127.0.0.1:${match[1]}`, pid: child.pid!, dbPid: null, child, rooms, cookies: [] };
}

const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' / ');

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gcb-'));
  const embedded = process.env.MONGODB_URI ? null : await startEmbeddedFerretDb({ dataDir: dir, log: pino({ level: 'warn' }) });
  const mongoUri = process.env.MONGODB_URI ?? embedded!.uri;
  const maxClients = Math.max(...SCENARIOS.map((s) => s.clients));
  console.log(` starting the bare relay and Graycase (${maxClients} users, ${ROOMS} shared encounters, a thread each; Node flags: ${NODE_FLAGS.join(' ') || 'none'}) ...`);
  const targets = [await startRelay(), await startGraycase(mongoUri, embedded?.pid ?? null, maxClients)];
  try {
    const results = new Map<string, Awaited<ReturnType<typeof runScenario>>>();
    for (const t of targets) {
      const m = await idleMemoryPerConnection(t, maxClients);
      console.log(` ${t.name}: ${(m.rss / 1024).toFixed(1)} KB per idle connection (RSS delta), ${(m.heap / 1024).toFixed(1)} KB (JS heap + external after GC), ${maxClients} joined sockets; idle ${m.idleCpuMsPerSecond.toFixed(1)} ms CPU per second`);
    }
    for (const { clients, rate } of SCENARIOS) {
      const cpuRatios: number[] = [];
      for (let round = 0; round < REPEAT; round++) {
        // Alternate which server goes first, so a load that drifts during the run favours neither.
        for (const t of round % 2 === 0 ? targets : [...targets].reverse()) {
          const r = await runScenario(t, clients, rate);
          results.set(`${t.name}|${clients}|${rate}`, r);
          console.log(` ${t.name.padEnd(10)} ${String(clients).padStart(4)} clients ${rate} msg/s: ${r.messages} messages (${r.failed} refused${r.failed ? `: ${r.reasons}` : ''}), ` +
            `${r.unique}/${r.expected} deliveries, lost ${r.lost}, duplicated ${r.duplicates}, ${r.perSecond.toFixed(0)} deliveries/s ` +
            `(clients received ${r.packetsPerDelivery.toFixed(2)} packets, ${r.bytesPerDelivery.toFixed(0)} bytes per delivery); ` +
            `ack p50/95/99 ${fmt(r.ack)} ms; delivery p50/95/99 ${fmt(r.delivery)} ms; CPU per delivery node ${(r.nodeCpuPerDelivery * 1000).toFixed(1)} µs (${(r.nodeKernelShare * 100).toFixed(0)}% kernel; by thread µs: ${r.threads})` +
            (t.dbPid ? `, database ${(r.dbCpuPerDelivery * 1000).toFixed(1)} µs` : '') +
            `; clients ${(r.clientCpuPerDelivery * 1000).toFixed(1)} µs per delivery (${r.clientCores.toFixed(2)} cores); load average at start ${r.load}`);
        }
        const g = results.get(`graycase|${clients}|${rate}`)!;
        const b = results.get(`bare relay|${clients}|${rate}`)!;
        cpuRatios.push(g.nodeCpuPerDelivery / b.nodeCpuPerDelivery);
        console.log(` threads ${clients} clients ${rate} msg/s: delivery p99 ratio ${(g.delivery[2]! / b.delivery[2]!).toFixed(2)}x (goal ≤ 2, aim 1.3), ` +
          `Node CPU per delivery ratio ${(g.nodeCpuPerDelivery / b.nodeCpuPerDelivery).toFixed(2)}x (goal ≤ 1.5), lost ${g.lost}, duplicated ${g.duplicates}`);
      }
      if (REPEAT > 1) {
        const sorted = [...cpuRatios].sort((x, y) => x - y);
        console.log(` threads ${clients} clients ${rate} msg/s over ${REPEAT} rounds: Node CPU per delivery ratio median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)}x (${cpuRatios.map((x) => x.toFixed(2)).join(', ')})`);
      }
    }
  } catch (err) {
    for (const t of targets) console.error(` ${t.name} output (tail):\n${serverOutput.get(t.child)?.() ?? ''}`);
    throw err;
  } finally {
    for (const t of targets) t.child.kill('SIGTERM');
    await sleep(1000);
    await embedded?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
