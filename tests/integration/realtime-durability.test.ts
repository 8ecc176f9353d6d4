/**
 * Durability: a restarted server continues every room's numbering and serves catch-up from
 * where each client stopped; a SIGKILLed server process loses no acknowledged message, and
 * resending the unacknowledged ones with their ids stores each once.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { startTestServer } from '../support/server';
import { createOrg } from '../support/factories';
import { call, closeAllSockets, connectUser, ok, openSocket, outcome, type TestSocket } from '../support/sockets';
import { sharedEncounter, uuid } from '../support/threads';
import { collections } from '../../server/db/collections';
import { createSessionStore, SESSION_COOKIE } from '../../server/auth/sessions';
import { Client } from '../support/http';
import { encounterInput } from '../support/encounters';
import type { TimelineEntryDto } from '../../src/lib/protocol/threads';

const root = path.resolve(import.meta.dirname, '../..');
afterAll(() => closeAllSockets());

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function everything(s: TestSocket, encounterId: string, afterSeq = 0): Promise<TimelineEntryDto[]> {
  const out: TimelineEntryDto[] = [];
  for (let after = afterSeq; ;) {
    const page = await ok(s, 'encounters.catchUp', { encounterId, afterSeq: after });
    out.push(...page.entries);
    if (!page.hasMore) return out;
    after = page.entries[page.entries.length - 1]!.seq;
  }
}

const connected = (s: TestSocket) => (s.connected ? Promise.resolve() : new Promise<void>((r) => s.once('connect', () => r())));

describe('a server restart', () => {
  it('continues the numbering and serves catch-up from where each client stopped', async () => {
    const port = await freePort();
    const same = { dbName: `t_restart_${randomBytes(4).toString('hex')}`, sessionSecret: randomBytes(32).toString('hex'), port };
    const first = await startTestServer(same, { keepDatabase: true });
    const org = await createOrg(first.ctx.db.c);
    const enc = await sharedEncounter(first, org.coder, [org.senior]);
    const coder = await connectUser(first, org.coder, { reconnection: true });
    const senior = await connectUser(first, org.senior, { reconnection: true });
    for (const s of [coder, senior]) await ok(s, 'encounters.join', { encounterId: enc.id });
    const { threadId } = await ok(coder, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' } });
    const acked = [];
    for (let i = 0; i < 5; i++) acked.push(await ok(coder, 'messages.create', { threadId, clientId: uuid(), body: `before ${i}` }));
    const seniorLast = (await everything(senior, enc.id)).at(-1)!.seq;
    const retried = { threadId, clientId: uuid(), body: 'acked, then retried after the restart' };
    const retriedAck = await ok(coder, 'messages.create', retried);

    await first.close();
    const second = await startTestServer(same);
    try {
      await Promise.all([connected(coder), connected(senior)]);
      await ok(coder, 'encounters.join', { encounterId: enc.id });
      const again = await ok(coder, 'messages.create', retried);
      expect(again).toEqual({ ...retriedAck, duplicate: true });
      const after = [];
      for (let i = 0; i < 3; i++) after.push(await ok(coder, 'messages.create', { threadId, clientId: uuid(), body: `after ${i}` }));
      expect(after[0]!.entry.seq).toBeGreaterThan(retriedAck.entry.seq);
      await ok(senior, 'encounters.join', { encounterId: enc.id });
      const missed = await everything(senior, enc.id, seniorLast);
      expect(missed.map((e) => e.seq)).toEqual([retriedAck.entry.seq, ...after.map((a) => a.entry.seq)]);
      const all = await everything(senior, enc.id);
      expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    } finally {
      coder.disconnect();
      senior.disconnect();
      await second.close();
    }
  });
});

describe('a SIGKILLed server process', () => {
  it('loses no acknowledged message', async () => {
    const port = await freePort();
    const env = {
      PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn',
      MONGODB_URI: inject('mongoUri'), GRAYCASE_DB_NAME: `t_kill_${randomBytes(4).toString('hex')}`, GRAYCASE_SEED_DEMO: 'false',
      SESSION_SECRET: randomBytes(32).toString('hex'), GRAYCASE_CODESETS_DIR: 'off'
    };
    const url = `http://127.0.0.1:${port}`;
    const start = () => {
      // tsx as a loader, so SIGKILL reaches the server itself (the tsx CLI runs it in a child that would survive).
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      return { child, exited, output: () => out };
    };
    const healthy = async () => expect.poll(async () => (await fetch(url + '/api/health').catch(() => null))?.status ?? 0, { timeout: 30_000, interval: 200 }).toBe(200);

    let proc = start();
    const mongo = new MongoClient(inject('mongoUri'));
    try {
      await healthy();
      await mongo.connect();
      const c = collections(mongo.db(env.GRAYCASE_DB_NAME));
      const org = await createOrg(c);
      const sessions = createSessionStore(c, env.SESSION_SECRET, 3600_000, new EventEmitter());
      const cookieOf = async (userId: string) => `${SESSION_COOKIE}=${(await sessions.create(userId, org.orgId, '127.0.0.1')).token}`;
      const rest = new Client(url);
      rest.cookie = await cookieOf(org.coder._id);
      const created = await rest.post('/api/encounters', encounterInput());
      expect(created.status).toBe(201);
      const encounterId = created.body.data.id as string;

      const writers: TestSocket[] = [];
      for (let i = 0; i < 8; i++) {
        const s = openSocket(url, await cookieOf(org.coder._id));
        await outcome(s);
        await ok(s, 'encounters.join', { encounterId });
        writers.push(s);
      }
      const { threadId } = await ok(writers[0]!, 'threads.create', { scope: { type: 'encounter', encounterId }, clientId: uuid(), anchor: { type: 'whole' } });

      // Every writer sends as fast as it can; the process is killed while messages are in flight.
      const acked = new Map<string, number>();
      const sent: { clientId: string; body: string }[] = [];
      let killed = false;
      const pump = async (s: TestSocket, w: number) => {
        for (let i = 0; i < 25 && !killed; i++) {
          const m = { clientId: uuid(), body: `w${w} m${i}` };
          sent.push(m);
          const r = await call(s, 'messages.create', { threadId, ...m }, 3_000).catch(() => null);
          if (r?.ok) acked.set(r.data.entry.id, r.data.entry.seq);
        }
      };
      const pumping = Promise.all(writers.map(pump));
      await expect.poll(() => acked.size, { timeout: 30_000, interval: 10 }).toBeGreaterThanOrEqual(60);
      proc.child.kill('SIGKILL');
      killed = true;
      await proc.exited;
      await pumping;
      expect(acked.size).toBeGreaterThanOrEqual(60);
      expect(sent.length).toBeGreaterThan(acked.size - 1);

      proc = start();
      await healthy();
      const reader = openSocket(url, await cookieOf(org.coder._id));
      await outcome(reader);
      await ok(reader, 'encounters.join', { encounterId });
      const stored = await everything(reader, encounterId);
      const storedIds = new Map(stored.map((e) => [e.id, e.seq]));
      for (const [id, seq] of acked) expect(storedIds.get(id)).toBe(seq);

      // Resending everything with the original ids (spread over sockets: rate limits are per socket) stores each once.
      const resenders: TestSocket[] = [];
      for (let i = 0; i < 8; i++) {
        const s = openSocket(url, await cookieOf(org.coder._id));
        await outcome(s);
        await ok(s, 'encounters.join', { encounterId });
        resenders.push(s);
      }
      await Promise.all(resenders.map(async (s, i) => {
        for (const m of sent.filter((_, j) => j % resenders.length === i)) await ok(s, 'messages.create', { threadId, ...m });
      }));
      const final = (await everything(reader, encounterId)).filter((e) => e.kind === 'message.created');
      expect(final).toHaveLength(sent.length);
      expect(new Set(final.map((e) => e.body)).size).toBe(sent.length);
    } finally {
      proc.child.kill('SIGKILL');
      await proc.exited;
      await mongo.db(env.GRAYCASE_DB_NAME).dropDatabase().catch(() => {});
      await mongo.close();
    }
  }, 120_000);
});
