/**
 * Durability of live code sets against a real server process: SIGKILL while updates stream in,
 * restart, and every acknowledged update is there. Offline edits merge on reconnect.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { MongoClient } from 'mongodb';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { collections } from '../../server/db/collections';
import { ensureIndexes } from '../../server/db/indexes';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { signedIn } from '../support/http';
import { closeAllSockets } from '../support/sockets';
import { COLLAB_EVENTS, toBytes } from '../../src/lib/protocol/collab';
import { insertLine, readLines } from '../../src/lib/collab/shape';
import { LOCAL_ORIGIN } from '../../src/lib/collab/provider';
import { converged, createEncounter, destroyClients, raw, yClient } from './collab-support';
import { openSocket, outcome } from '../support/sockets';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'graycase-collab-'));
const dbName = 'collab_kill_' + Date.now();
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => destroyClients());
afterAll(async () => {
  closeAllSockets();
  for (const c of children) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  const client = new MongoClient(inject('mongoUri'));
  await client.connect();
  await client.db(dbName).dropDatabase().catch(() => {});
  await client.close();
});

async function startProcess(): Promise<{ url: string; kill(): Promise<void> }> {
  // tsx as a loader in the server's own process: a SIGKILL must hit the server itself (through the
  // tsx CLI it hit only the launcher, and the "killed" server went on running and writing).
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', GRAYCASE_DATA_DIR: dataDir, LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1',
      MONGODB_URI: inject('mongoUri'), GRAYCASE_DB_NAME: dbName, GRAYCASE_SEED_DEMO: 'false', SESSION_SECRET: 'k'.repeat(64) },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let url = '';
  await expect.poll(() => (url = /running at (http:\/\/[^ ]+) /.exec(out)?.[1] ?? ''), { timeout: 30_000 }).not.toBe('');
  return { url, kill: async () => { child.kill('SIGKILL'); await exited; await expect(fetch(`${url}/api/health`)).rejects.toThrow(); } };
}

describe('a server killed with SIGKILL', () => {
  it('loses no acknowledged update, and clients converge after the restart', { timeout: 120_000 }, async () => {
    const mongo = new MongoClient(inject('mongoUri'));
    await mongo.connect();
    const c = collections(mongo.db(dbName));
    await ensureIndexes(c);
    const org: TestOrg = await createOrg(c);
    await mongo.close();

    const first = await startProcess();
    const owner = await signedIn(first.url, org.coder.email, TEST_PASSWORD);
    const enc = await createEncounter(owner, { codeLines: [] });
    // A raw client: its own doc, each edit sent on its own with its ack recorded.
    const s = openSocket(first.url, owner.cookie);
    await outcome(s);
    expect(await raw(s, COLLAB_EVENTS.join, { encounterId: enc.id })).toMatchObject({ ok: true });
    const doc = new Y.Doc();
    const step = await raw(s, COLLAB_EVENTS.sync, { encounterId: enc.id, stateVector: Y.encodeStateVector(doc) });
    Y.applyUpdate(doc, toBytes(step.data.update)!);
    const acked: string[] = [];
    const sent: Promise<void>[] = [];
    let killed = false;
    for (let i = 0; i < 150 && !killed; i++) {
      const sv = Y.encodeStateVector(doc);
      insertLine(doc, { id: `k${i}`, system: 'ICD-10-CM', code: `R${10 + (i % 80)}.0`, role: 'secondary', poa: null, modifiers: [], units: null, pointers: [], note: '', addedBy: null }, i % 3);
      const update = Y.encodeStateAsUpdate(doc, sv);
      sent.push(raw(s, COLLAB_EVENTS.update, { encounterId: enc.id, update }).then((a) => { if (a?.ok) acked.push(`k${i}`); }, () => {}));
      await new Promise((r) => setTimeout(r, 4));
      if (acked.length >= 40 && !killed) { killed = true; await first.kill(); }
    }
    if (!killed) await first.kill();
    await Promise.allSettled(sent);
    s.disconnect();
    doc.destroy();
    expect(acked.length).toBeGreaterThanOrEqual(40);

    const second = await startProcess();
    const reader = await yClient(second.url, org.coder.email, enc.id);
    const ids = new Set(readLines(reader.doc).map((l) => l.id));
    const lost = acked.filter((id) => !ids.has(id));
    expect(lost).toEqual([]);
    // It keeps working after the restart: a second client converges with an edit.
    const writer = await yClient(second.url, org.coder.email, enc.id);
    writer.doc.transact(() => writer.doc.getText('rationale').insert(0, 'after restart'), LOCAL_ORIGIN);
    await converged([reader, writer]);
    await second.kill();
  });
});

describe('offline edits', () => {
  it('merge on reconnect', { timeout: 60_000 }, async () => {
    const { startTestServer } = await import('../support/server');
    const server = await startTestServer();
    try {
      const org = await createOrg(server.ctx.db.c);
      const owner = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
      const enc = await createEncounter(owner);
      const a = await yClient(server.url, org.coder.email, enc.id, { reconnection: true });
      const b = await yClient(server.url, org.coder.email, enc.id);
      a.socket.io.engine.close(); // the network drops; socket.io-client will reconnect
      await expect.poll(() => a.provider.state.status).toBe('offline');
      const [first] = readLines(a.doc);
      a.doc.transact(() => { insertLine(a.doc, { id: 'offline-1', system: 'ICD-10-CM', code: 'E11.9', role: 'secondary', poa: null, modifiers: [], units: null, pointers: [], note: 'typed offline', addedBy: null }, 2); }, LOCAL_ORIGIN);
      b.doc.transact(() => readLines(b.doc) && b.doc.getText('rationale').insert(0, 'online edit'), LOCAL_ORIGIN);
      expect(first).toBeDefined();
      await expect.poll(() => a.provider.state.status, { timeout: 20_000 }).toBe('synced');
      const final = JSON.parse(await converged([a, b]));
      expect(final.lines.map((l: { id: string }) => l.id)).toContain('offline-1');
      expect(final.rationale).toBe('online edit');
    } finally {
      destroyClients();
      await server.close();
    }
  });
});
