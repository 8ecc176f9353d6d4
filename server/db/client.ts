/**
 * Connects to MongoDB: the configured MONGODB_URI, or an embedded FerretDB started here.
 * The returned handle owns both, so shutdown closes the client before stopping FerretDB.
 */
import { MongoClient, type Db } from 'mongodb';
import type { Config } from '../config';
import type { Logger } from '../log';
import { collections, type Collections } from './collections';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from './embedded-ferretdb';
import { ensureIndexes } from './indexes';
import { createStorage, ensureStorageIndexes, type Storage } from './storage';
import { createStores, type Stores } from './stores';

export interface Database {
  client: MongoClient;
  db: Db;
  c: Collections;
  /** The one way to read-modify-write (server/db/storage); `stores` are its typed instances. */
  storage: Storage;
  stores: Stores;
  kind: 'mongodb' | 'ferretdb-embedded';
  close(): Promise<void>;
}

export async function connectDatabase(config: Config, log: Logger): Promise<Database> {
  let embedded: EmbeddedFerretDb | undefined;
  let uri = config.mongodbUri;
  if (!uri) {
    embedded = await startEmbeddedFerretDb({ dataDir: config.dataDir, bin: config.ferretdbBin, log });
    uri = embedded.uri;
  }
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000, socketTimeoutMS: 25_000, appName: 'graycase' });
  try {
    await client.connect();
    const db = client.db(config.dbName);
    const c = collections(db);
    await Promise.all([ensureIndexes(c), ensureStorageIndexes(db)]);
    const storage = createStorage(db, log);
    return {
      client, db, c, storage, stores: createStores(storage, c),
      kind: embedded ? 'ferretdb-embedded' : 'mongodb',
      async close() {
        await client.close();
        await embedded?.stop();
      }
    };
  } catch (err) {
    await client.close().catch(() => {});
    await embedded?.stop();
    throw err;
  }
}
