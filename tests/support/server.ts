/**
 * A real Graycase server on port 0 against the test run's database, in a database of its own.
 * Config overrides let a test shorten limits (rate limits, session lifetime) without mocks.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { inject } from 'vitest';
import pino from 'pino';
import { loadConfig, type Config } from '../../server/config';
import { startGraycase, type RunningGraycase } from '../../server/boot';

export interface TestServer extends RunningGraycase { close(): Promise<void> }

/** The official files, read in place (never copied into the project). */
export const SHARED_DATA = process.env.GRAYCASE_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../shared/data');
/** Loading the code sets costs seconds and ~140 MB, so test servers run without them unless asked. */
export const WITH_CODE_SETS: Partial<Config> = { codeSetsDir: SHARED_DATA };

/**
 * keepDatabase: close() leaves the database in place, so a test can start another server on the
 * same `dbName` (and `sessionSecret`, so cookies stay valid) as a restart.
 */
export async function startTestServer(overrides: Partial<Config> = {}, opts: { serveWeb?: boolean; keepDatabase?: boolean } = {}): Promise<TestServer> {
  const base = loadConfig({
    MONGODB_URI: inject('mongoUri'),
    GRAYCASE_DB_NAME: `t_${randomBytes(6).toString('hex')}`,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    GRAYCASE_SEED_DEMO: 'false'
  });
  const config: Config = { ...base, codeSetsDir: null, ...overrides };
  const running = await startGraycase(config, { serveWeb: opts.serveWeb ?? false, log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }) });
  const db = running.ctx.db.db;
  return {
    ...running,
    async close() {
      await running.ctx.audit.flush();
      // Dropping first needs the connection that stop() closes.
      if (!opts.keepDatabase) await db.dropDatabase().catch(() => {});
      await running.stop();
    }
  };
}
