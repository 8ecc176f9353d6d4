/**
 * Builds and starts one Graycase process: config → database → context → app → Socket.IO →
 * listen. Used by server/index.ts and by the tests (port 0), so both run the same code.
 * stop() is the graceful shutdown: stop accepting, finish in-flight requests, close sockets,
 * close the database, stop the embedded FerretDB.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Server as IoServer } from 'socket.io';
import { PROJECT_ROOT, type Config } from './config';
import { connectDatabase } from './db/client';
import { createLogger, type Logger } from './log';
import { EventEmitter } from 'node:events';
import { createSessionStore, type SessionEvents } from './auth/sessions';
import { createAttemptLimiter } from './auth/rate-limit';
import { createAuditLog } from './audit/audit-log';
import type { AppContext } from './context';
import { createApp } from './app';
import { createAddressOf } from './http/client-address';
import { createCodeSetProvider } from './codes/provider';
import { createCptDescriptions } from './codes/cpt-descriptions';
import { createIo } from './sockets';
import { seedDemoIfEmpty } from './seed/demo';
import { demoEncounterSeeder } from './seed/demo-encounters';
import { createBus } from './events/bus';
import { startNotifications } from './commands/notifications';
import { attachRedisAdapter } from './scale/redis';

export interface RunningGraycase {
  ctx: AppContext;
  httpServer: HttpServer;
  io: IoServer;
  url: string;
  stop(): Promise<void>;
}

export const VERSION: string = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).version;

/** Everything but the HTTP listener: shared by `npm start`, the dev plugin and the tests. */
export async function createContext(config: Config, log: Logger = createLogger(config.logLevel)): Promise<AppContext> {
  const db = await connectDatabase(config, log);
  const events = new EventEmitter<SessionEvents>();
  const ctx: AppContext = {
    config, log, db, version: VERSION, events, bus: createBus(log), addressOf: createAddressOf(config.trustProxy),
    sessions: createSessionStore(db.c, config.sessionSecret, config.sessionTtlMs, events),
    attempts: createAttemptLimiter(db.storage.slots, config.rateLimits.windowMs),
    audit: createAuditLog(db.c),
    codeSets: createCodeSetProvider(config.codeSetsDir, log),
    cpt: createCptDescriptions(db.db, db.stores.cptLists)
  };
  startNotifications(ctx);
  if (config.seedDemo) await seedDemoIfEmpty(db.c, log, [demoEncounterSeeder(ctx)]);
  return ctx;
}

export async function startGraycase(config: Config, opts: { serveWeb?: boolean; log?: Logger } = {}): Promise<RunningGraycase> {
  const ctx = await createContext(config, opts.log);
  const app = createApp(ctx, { serveWeb: opts.serveWeb ?? true });
  const httpServer = createServer(app);
  const io = createIo(httpServer, ctx);
  // With REDIS_URL, rooms span every node (messages, presence, notifications); without it, one node.
  const redis = await attachRedisAdapter(io, ctx);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as { port: number };
  const sweeper = setInterval(() => ctx.sessions.sweep().catch((err) => ctx.log.warn({ err }, 'session sweep failed')), 10 * 60_000);
  sweeper.unref();
  // Storage housekeeping (old claims, sequence blocks, sign-in slots); safe on every node at once.
  const storageSweeper = setInterval(() => {
    ctx.db.storage.sweep(new Date(Date.now() - 2 * config.rateLimits.windowMs)).catch((err) => ctx.log.warn({ err }, 'storage sweep failed'));
  }, 30_000);
  storageSweeper.unref();

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    clearInterval(sweeper);
    clearInterval(storageSweeper);
    // In-flight requests get a few seconds to finish before their connections are cut. Armed
    // first: io.close() below returns only once the HTTP server has closed, i.e. after the drain.
    const force = setTimeout(() => httpServer.closeAllConnections(), 5_000);
    // io.close() drops the transports without a disconnect packet, so clients see "transport
    // close" and reconnect by themselves to the next server (a deliberate server-side disconnect
    // would tell them to stay away); it also closes the HTTP server (idle connections at once).
    await new Promise<void>((resolve) => io.close(() => resolve()));
    clearTimeout(force);
    // Only now: a change that finished during the drain is still broadcast to the other nodes,
    // even by a subscriber that awaits a read first (a publish on a quit Redis client is a
    // rejection nobody catches). Bounded: a subscriber stuck on a dead database does not hold the exit.
    let giveUp: NodeJS.Timeout | undefined;
    await Promise.race([ctx.bus.settled(), new Promise<void>((resolve) => { giveUp = setTimeout(resolve, 5_000); })]);
    clearTimeout(giveUp);
    await redis?.close();
    await ctx.audit.flush();
    await ctx.db.close();
  })());
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return { ctx, httpServer, io, url: `http://${host}:${port}`, stop };
}
