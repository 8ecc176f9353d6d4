/**
 * Benchmark: N concurrent audit records written one insertOne each (baseline) versus through
 * the write batcher (one insertMany per tick), against a real embedded FerretDB started here.
 * Reports records per second and the ratio; never fails on timing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import pino from 'pino';
import { startEmbeddedFerretDb } from '../server/db/embedded-ferretdb';
import { collections, type AuditDoc } from '../server/db/collections';
import { createWriteBatcher } from '../server/db/write-batcher';

const N = 400;

const record = (): AuditDoc => ({
  _id: randomUUID(), orgId: 'bench', actorId: 'u', actorName: 'Bench', action: 'encounters.view',
  targetType: 'encounter', targetId: randomUUID(), at: new Date(), address: '127.0.0.1'
});

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'graycase-bench-'));
  const db = process.env.MONGODB_URI ? null : await startEmbeddedFerretDb({ dataDir: dir, log: pino({ level: 'warn' }) });
  const client = new MongoClient(process.env.MONGODB_URI ?? db!.uri);
  try {
    await client.connect();
    const c = collections(client.db('bench_' + Date.now()));
    const time = async (label: string, write: (doc: AuditDoc) => Promise<unknown>) => {
      const t0 = performance.now();
      await Promise.all(Array.from({ length: N }, () => write(record())));
      const ms = performance.now() - t0;
      console.log(`  ${label.padEnd(28)} ${N} records in ${ms.toFixed(0)} ms = ${(N / (ms / 1000)).toFixed(0)} records/s`);
      return ms;
    };
    await time('warm-up', (d) => c.audit.insertOne(d));
    const single = await time('insertOne each (baseline)', (d) => c.audit.insertOne(d));
    const batcher = createWriteBatcher<AuditDoc>(c.audit);
    const batched = await time('batched insertMany per tick', (d) => batcher.insert(d));
    console.log(`audit-writes: batching is ${(single / batched).toFixed(1)}x the baseline's throughput (${process.env.MONGODB_URI ? 'MongoDB' : 'FerretDB/SQLite'})`);
    await client.db().dropDatabase().catch(() => {});
  } finally {
    await client.close();
    await db?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
