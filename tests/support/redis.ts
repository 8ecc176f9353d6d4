/**
 * A real redis-server for scale-out tests, on a free port, without persistence; stopped by
 * stop(). Uses Debian's redis-server binary (REDIS_SERVER_BIN to point elsewhere).
 */
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';

export interface TestRedis { url: string; stop(): Promise<void> }

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const answersPing = (port: number) => new Promise<boolean>((resolve) => {
  const sock = connect(port, '127.0.0.1');
  sock.once('error', () => resolve(false));
  sock.once('connect', () => sock.write('PING\r\n'));
  sock.once('data', (d) => { sock.destroy(); resolve(d.toString().startsWith('+PONG')); });
});

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child = spawn(process.env.REDIS_SERVER_BIN ?? 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  for (let i = 0; i < 100 && !(await answersPing(port)); i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    }
  };
}
