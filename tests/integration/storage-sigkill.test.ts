/**
 * Nothing acknowledged is lost when the server process is killed (SIGKILL, no clean stop) while
 * it writes: a real server process takes concurrent encounter changes, dies mid-stream, and a
 * new process on the same database shows every change that was acknowledged before the kill.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collections } from '../../server/db/collections';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

const root = path.resolve(import.meta.dirname, '../..');
const dbName = `t_kill_${randomBytes(5).toString('hex')}`;
let mongo: MongoClient;
let org: TestOrg;

beforeAll(async () => {
  mongo = new MongoClient(inject('mongoUri'));
  await mongo.connect();
  org = await createOrg(collections(mongo.db(dbName)));
});
afterAll(async () => { await mongo.db(dbName).dropDatabase().catch(() => {}); await mongo.close(); });

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  // The server runs in this very process (tsx as a loader, not the tsx CLI, which would run it in
  // a child that SIGKILL of the parent leaves running).
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info',
      MONGODB_URI: inject('mongoUri'), GRAYCASE_DB_NAME: dbName, GRAYCASE_SEED_DEMO: 'false', GRAYCASE_CODESETS_DIR: 'off',
      SESSION_SECRET: 'k'.repeat(40)
    },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  let url = '';
  await expect.poll(() => (url = /running at (http:\/\/[^ ]+) /.exec(out)?.[1] ?? ''), { timeout: 30_000 }).not.toBe('');
  return { child, url };
}

describe('SIGKILL during concurrent encounter changes', () => {
  it('loses no acknowledged flag or document', async () => {
    const first = await startServer();
    const coder = await signedIn(first.url, org.coder.email, TEST_PASSWORD);
    const id = (await coder.post('/api/encounters', encounterInput())).body.data.id as string;
    const acked: string[] = [];
    let killed = false;
    const writes = Array.from({ length: 120 }, async (_, i) => {
      await new Promise((r) => setTimeout(r, i * 4));
      const r = await (i % 4 === 0
        ? coder.post(`/api/encounters/${id}/documents`, { kind: 'progress-note', title: `Note ${i}`, text: `text ${i}` })
        : coder.post(`/api/encounters/${id}/flags`, { category: 'sequencing', question: `q${i}` })).catch(() => null);
      if (r && r.status === 201) acked.push(i % 4 === 0 ? `Note ${i}` : `q${i}`);
      if (acked.length >= 25 && !killed) { killed = true; first.child.kill('SIGKILL'); }
    });
    await Promise.all(writes);
    expect(killed).toBe(true);
    // The killed process is gone: its port no longer answers.
    await expect(fetch(first.url + '/api/health')).rejects.toThrow();
    expect(acked.length).toBeGreaterThanOrEqual(25);

    const second = await startServer();
    try {
      const again = await signedIn(second.url, org.coder.email, TEST_PASSWORD);
      const enc = (await again.get(`/api/encounters/${id}`)).body.data;
      const present = new Set([...enc.flags.map((f: { question: string }) => f.question), ...enc.documents.map((d: { title: string }) => d.title)]);
      expect(acked.filter((a) => !present.has(a))).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
    }
  }, 120_000);
});
