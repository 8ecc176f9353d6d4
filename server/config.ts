/**
 * Configuration from environment variables, parsed once at start. A bad value stops the start
 * with a message naming the variable; every default works on a fresh machine.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { resolveCodeSetsDir } from './codes/folder';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  GRAYCASE_DB_NAME: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, _ and - only').default('graycase'),
  GRAYCASE_DATA_DIR: z.string().min(1).default('./data'),
  GRAYCASE_CODESETS_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  GRAYCASE_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  FERRETDB_BIN: z.string().min(1).optional(),
  /** Comma-separated origins (scheme://host[:port]) that may make state-changing requests; unset: the request's own. */
  GRAYCASE_ALLOWED_ORIGINS: z.string().regex(/^\s*https?:\/\/[^\s,/]+(\s*,\s*https?:\/\/[^\s,/]+)*\s*$/, 'comma-separated origins such as https://coding.example.org').optional(),
  /** Several nodes share rooms through this Redis (redis://host:port); unset: one node alone. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  TRUST_PROXY: z.string().regex(/^(true|false|\d+|[0-9a-fA-F:.\/, a-z]+)$/, 'true, false, a hop count, or addresses/subnets (loopback, 10.0.0.0/8, ...)').default('false')
});

export interface RateLimits {
  /** failed sign-ins per account inside the window before the account is throttled */
  perAccount: number;
  /** sign-in attempts per client address inside the window */
  perAddress: number;
  windowMs: number;
}

export interface Config {
  port: number;
  host: string;
  mongodbUri?: string;
  dbName: string;
  dataDir: string;
  /** Folder with the official code-set files; null turns code lookup and validation off. */
  codeSetsDir: string | null;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  sessionSecret: string;
  sessionTtlMs: number;
  cookieSecure: 'true' | 'false' | 'auto';
  seedDemo: boolean;
  ferretdbBin?: string;
  /** Which proxies may report the client address (Express "trust proxy" rules). */
  trustProxy: string;
  /** Origins allowed on state-changing requests and socket handshakes; empty: the request's own origin. */
  allowedOrigins: string[];
  rateLimits: RateLimits;
  bodyLimit: string;
  /** Redis for the Socket.IO adapter (scale-out); unset: this process alone. */
  redisUrl?: string;
  /** How long a dropped socket's user stays present in a room (no flicker on reconnect); 5 s. */
  presenceGraceMs?: number;
  /** How often open sockets have their session and user re-read (server/sockets/session-check.ts); 60 s. */
  socketRecheckMs?: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(PROJECT_ROOT, e.GRAYCASE_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    mongodbUri: e.MONGODB_URI,
    dbName: e.GRAYCASE_DB_NAME,
    dataDir,
    codeSetsDir: e.GRAYCASE_CODESETS_DIR === 'off' ? null : e.GRAYCASE_CODESETS_DIR ? path.resolve(PROJECT_ROOT, e.GRAYCASE_CODESETS_DIR) : resolveCodeSetsDir({}, PROJECT_ROOT),
    logLevel: e.LOG_LEVEL,
    sessionSecret: e.SESSION_SECRET ?? keptSessionSecret(dataDir),
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: e.COOKIE_SECURE,
    seedDemo: e.GRAYCASE_SEED_DEMO === 'true',
    ferretdbBin: e.FERRETDB_BIN,
    trustProxy: e.TRUST_PROXY,
    allowedOrigins: (e.GRAYCASE_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim().toLowerCase()).filter(Boolean),
    rateLimits: { perAccount: 5, perAddress: 30, windowMs: 15 * 60_000 },
    bodyLimit: '1mb',
    redisUrl: e.REDIS_URL
  };
}

/** A generated secret survives restarts (sessions stay valid) by living in the data folder. */
function keptSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
