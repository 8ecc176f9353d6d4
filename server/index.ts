/** `npm start`: boot only. Everything else lives in boot.ts and the modules it wires. */
import { loadConfig, ConfigError } from './config';
import { createLogger } from './log';
import { startGraycase } from './boot';
import { DatabaseUnavailableError } from './db/embedded-ferretdb';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) { console.error(err.message); process.exit(2); }
    throw err;
  }
  const log = createLogger(config.logLevel);
  try {
    const running = await startGraycase(config, { log });
    log.info(`Graycase ${running.ctx.version} is running at ${running.url} (database: ${running.ctx.db.kind})`);
    const shutdown = (signal: string) => {
      log.info({ signal }, 'shutting down');
      running.stop().then(() => process.exit(0), (err) => { log.error({ err }, 'shutdown failed'); process.exit(1); });
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) { console.error(err.message); process.exit(3); }
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') { console.error(`Port ${config.port} is in use: stop the other process or set PORT to another port.`); process.exit(4); }
    log.fatal({ err }, 'Graycase failed to start');
    process.exit(1);
  }
}

void main();
