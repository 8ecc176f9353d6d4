/**
 * Groups concurrent inserts into one insertMany per tick. FerretDB on SQLite pays a large fixed
 * cost per write; batching keeps throughput up under load. Each caller's promise resolves only
 * after the batch holding its document has landed, so an acknowledged write is durable.
 */
import type { Collection, Document, OptionalUnlessRequiredId } from 'mongodb';

export interface WriteBatcher<T extends Document> {
  insert(doc: OptionalUnlessRequiredId<T>): Promise<void>;
  flush(): Promise<void>;
}

export function createWriteBatcher<T extends Document>(collection: Collection<T>, maxBatch = 500): WriteBatcher<T> {
  let pending: { doc: OptionalUnlessRequiredId<T>; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let scheduled: Promise<void> | null = null;

  const drain = async () => {
    while (pending.length > 0) {
      const batch = pending.splice(0, maxBatch);
      try {
        await collection.insertMany(batch.map((p) => p.doc), { ordered: false });
        batch.forEach((p) => p.resolve());
      } catch (err) {
        batch.forEach((p) => p.reject(err));
      }
    }
    scheduled = null;
  };

  return {
    insert(doc) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ doc, resolve, reject });
        scheduled ??= new Promise<void>((r) => setImmediate(r)).then(drain);
      });
    },
    async flush() {
      while (scheduled) await scheduled;
    }
  };
}
