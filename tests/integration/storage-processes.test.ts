/**
 * The storage discipline across processes: two OS processes share one database (as two
 * Graycase nodes share one FerretDB or MongoDB) and hammer the same keys, 50 callers each.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dbName = `t_procs_${randomBytes(5).toString('hex')}`;
let client: MongoClient;

beforeAll(async () => { client = new MongoClient(inject('mongoUri')); await client.connect(); });
afterAll(async () => { await client.db(dbName).dropDatabase().catch(() => {}); await client.close(); });

function worker(workload: string, count: number, concurrency: number): Promise<Record<string, number[]>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/storage-worker.ts', inject('mongoUri'), dbName, workload, String(count), String(concurrency)], {
      cwd: root, stdio: ['ignore', 'pipe', 'pipe']
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`worker ${workload} exited ${code}: ${err.slice(-2000)}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!));
    });
  });
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('storage across two processes', () => {
  it('draws 1,000 sequence numbers per process, 50 callers each: none duplicated, none lost', async () => {
    const [a, b] = await Promise.all([worker('sequences', 1000, 50), worker('sequences', 1000, 50)]);
    const all = [...a!.numbers!, ...b!.numbers!];
    expect(all).toHaveLength(2000);
    expect(new Set(all).size).toBe(2000);
    // Nothing crashed, so no block was abandoned: the numbers are exactly 1..2000.
    expect(sorted(all)).toEqual(range(2000));
  }, 120_000);

  it('applies every acknowledged change to one versioned document exactly once', async () => {
    const [a, b] = await Promise.all([worker('versioned', 200, 50), worker('versioned', 200, 50)]);
    const seen = [...a!.seen!, ...b!.seen!];
    expect(seen).toHaveLength(400);
    expect(new Set(seen).size).toBe(400);
    const doc = await client.db(dbName).collection<{ _id: string; value: number; by: string[] }>('counters').findOne({ _id: 'counter' });
    // The projection may trail a claim only after a crash; here both workers finished cleanly.
    expect(doc!.value).toBe(400);
    expect(doc!.by).toHaveLength(400);
    expect(new Set(doc!.by).size).toBe(400);
  }, 120_000);

  it('numbers log entries appended from two processes without gaps or duplicates', async () => {
    const [a, b] = await Promise.all([worker('log', 300, 50), worker('log', 300, 50)]);
    const seqs = [...a!.seqs!, ...b!.seqs!];
    expect(sorted(seqs)).toEqual(range(600));
    const stored = await client.db(dbName).collection('entries').countDocuments({ scope: 'shared' });
    expect(stored).toBe(600);
  }, 120_000);
});
