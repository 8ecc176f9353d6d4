/**
 * A second (third, ...) process that shares the test database: it runs one storage workload
 * with the same module the server uses and prints its results as one JSON line. Used by the
 * cross-process storage tests; run with `node --import tsx tests/support/storage-worker.ts`.
 *
 * argv: <mongo uri> <db name> <workload> <count> <concurrency>
 *   sequences  draw <count> numbers from scope "shared"        → {"numbers":[...]}
 *   versioned  <count> increments of the document "counter"     → {"seen":[...]} (the value each saw)
 *   log        <count> appends to the scope "shared"            → {"seqs":[...]}
 */
import { MongoClient } from 'mongodb';
import { createStorage, ensureStorageIndexes } from '../../server/db/storage';

const [uri, dbName, workload, countArg, concurrencyArg] = process.argv.slice(2);
const count = Number(countArg);
const concurrency = Number(concurrencyArg);

async function pool<T>(n: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) { const i = next++; out[i] = await task(i); }
  }));
  return out;
}

const client = new MongoClient(uri!);
await client.connect();
try {
  const db = client.db(dbName);
  await ensureStorageIndexes(db);
  const storage = createStorage(db, { warn: (o: unknown, m?: string) => console.error(m, o) });
  const tag = `${process.pid}`;
  if (workload === 'sequences') {
    const numbers = await pool(count, concurrency, () => storage.sequences.next('shared'));
    console.log(JSON.stringify({ numbers }));
  } else if (workload === 'versioned') {
    const store = storage.versioned<{ _id: string; value: number; by: string[] }>('counters', db.collection('counters'));
    const seen = await pool(count, concurrency, async (i) => {
      const { result } = await store.update('counter', (cur) => {
        const value = (cur?.value ?? 0) + 1;
        return { next: { _id: 'counter', value, by: [...(cur?.by ?? []), `${tag}:${i}`] }, result: value };
      });
      return result;
    });
    console.log(JSON.stringify({ seen }));
  } else if (workload === 'log') {
    await db.collection('entries').createIndex({ scope: 1, seq: 1 }, { unique: true, name: 'scope_seq' });
    const log = storage.sequencedLog<{ _id: string; scope: string; seq: number; by: string }>(db.collection('entries'), 'scope');
    const seqs = await pool(count, concurrency, async (i) => (await log.append('shared', { _id: `${tag}:${i}`, by: tag } as never)).entry.seq);
    console.log(JSON.stringify({ seqs }));
  } else {
    throw new Error(`unknown workload ${workload}`);
  }
} finally {
  await client.close();
}
