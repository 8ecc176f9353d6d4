import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';

const dir = mkdtempSync(path.join(tmpdir(), 'graycase-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('configuration', () => {
  it('has defaults that work on a fresh machine', () => {
    const c = loadConfig({ GRAYCASE_DATA_DIR: dir });
    expect(c.port).toBe(3000);
    expect(c.mongodbUri).toBeUndefined();
    expect(c.sessionSecret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps a generated session secret in the data folder across starts', () => {
    const first = loadConfig({ GRAYCASE_DATA_DIR: dir }).sessionSecret;
    expect(loadConfig({ GRAYCASE_DATA_DIR: dir }).sessionSecret).toBe(first);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(first);
  });

  it.each([
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ SESSION_TTL_HOURS: '-1' }, 'SESSION_TTL_HOURS']
  ])('rejects %o naming %s', (env, name) => {
    expect(() => loadConfig({ GRAYCASE_DATA_DIR: dir, ...env })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}:`));
  });
});
