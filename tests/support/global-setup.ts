/**
 * Starts one real database for the whole test run: MONGODB_URI when set, otherwise an
 * embedded FerretDB in a temporary folder. Each test file then uses its own database name.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from '../../server/db/embedded-ferretdb';

declare module 'vitest' {
  export interface ProvidedContext { mongoUri: string }
}

let embedded: EmbeddedFerretDb | undefined;
let dir: string | undefined;

export default async function setup(project: TestProject) {
  if (process.env.MONGODB_URI) {
    project.provide('mongoUri', process.env.MONGODB_URI);
    return;
  }
  dir = mkdtempSync(path.join(tmpdir(), 'graycase-test-db-'));
  embedded = await startEmbeddedFerretDb({ dataDir: dir, bin: process.env.FERRETDB_BIN, log: pino({ level: 'warn' }) });
  project.provide('mongoUri', embedded.uri);
  return async function teardown() {
    await embedded?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
