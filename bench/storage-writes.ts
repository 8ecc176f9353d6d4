/**
 * Benchmark: read-modify-writes on the embedded database, before and after the storage
 * discipline. "Before" is what Graycase did (findOneAndUpdate with $push, which FerretDB does
 * not apply atomically: it loses writes); "after" is the versioned store (unique revision
 * claims, one revision per group of concurrent changes). Two shapes: 400 changes contended on
 * ONE document (50 in flight), and 400 changes spread over 100 documents. Reports changes per
 * second, how many acknowledged changes were stored, and the ratio. Never fails on timing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient, type Collection } from 'mongodb';
import pino from 'pino';
import { startEmbeddedFerretDb } from '../server/db/embedded-ferretdb';
import { createStorage, ensureStorageIndexes } from '../server/db/storage';

const N = 400;
const IN_FLIGHT = 50;
interface Doc { _id: string; items: number[]; revision?: number }

async function pool(n: number, width: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => { while (next < n) await task(next++); }));
}

let runNo = 0;
async function measure(label: string, col: Collection<Doc>, keys: number, write: (key: string, i: number) => Promise<void>) {
  const prefix = `r${++runNo}-`;
  await col.insertMany(Array.from({ length: keys }, (_, k) => ({ _id: `${prefix}${k}`, items: [] })));
  const t0 = performance.now();
  await pool(N, IN_FLIGHT, (i) => write(`${prefix}${i % keys}`, i));
  const ms = performance.now() - t0;
  const stored = (await col.find({ _id: { $regex: `^${prefix}` } }).toArray()).reduce((n, d) => n + d.items.length, 0);
  console.log(`  ${label.padEnd(44)} ${(N / (ms / 1000)).toFixed(0).padStart(6)} changes/s   stored ${stored}/${N}`);
  return { perSecond: N / (ms / 1000), stored };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'graycase-bench-'));
  const embedded = process.env.MONGODB_URI ? null : await startEmbeddedFerretDb({ dataDir: dir, log: pino({ level: 'warn' }) });
  const client = new MongoClient(process.env.MONGODB_URI ?? embedded!.uri);
  try {
    await client.connect();
    const db = client.db('bench_storage_' + Date.now());
    await ensureStorageIndexes(db);
    const storage = createStorage(db, { warn: () => {} });
    const naive = db.collection<Doc>('naive');
    const versionedCol = db.collection<Doc>('versioned');
    const store = storage.versioned<Doc>('bench', versionedCol);
    const viaStore = async (key: string, i: number) => { await store.update(key, (cur) => ({ next: { ...cur!, items: [...cur!.items, i] }, result: undefined })); };
    const viaUpdate = async (key: string, i: number) => { await naive.findOneAndUpdate({ _id: key }, { $push: { items: i } }); };
    const kind = process.env.MONGODB_URI ? 'MongoDB' : 'FerretDB/SQLite';
    for (const [shape, keys] of [['one document', 1], ['100 documents', 100]] as const) {
      console.log(` ${N} changes, ${IN_FLIGHT} in flight, ${shape} (${kind}):`);
      const before = await measure('before: findOneAndUpdate $push', naive, keys, viaUpdate);
      const after = await measure('after: versioned store (claims, grouped)', versionedCol, keys, viaStore);
      console.log(`  storage-writes ${shape}: after/before throughput ${(after.perSecond / before.perSecond).toFixed(2)}x; stored before ${before.stored}/${N}, after ${after.stored}/${N}`);
    }
    await db.dropDatabase().catch(() => {});
  } finally {
    await client.close();
    await embedded?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
