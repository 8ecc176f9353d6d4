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

export interface Database {
  client: MongoClient;
  db: Db;
  c: Collections;
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
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000, appName: 'graycase' });
  try {
    await client.connect();
    const db = client.db(config.dbName);
    const c = collections(db);
    await ensureIndexes(c);
    return {
      client, db, c,
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
