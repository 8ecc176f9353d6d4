/**
 * Scale-out: with REDIS_URL set, this node's Socket.IO server shares rooms with every other
 * node through @socket.io/redis-adapter (one publishing and one subscribing connection).
 * Broadcasts to `encounter:<id>`, `forum:<id>`, `user:<id>` reach sockets on every node, and
 * fetchSockets() (presence, access re-checks) asks every node. Without REDIS_URL nothing is
 * attached and one node runs alone. Payloads cross Redis as MessagePack, so they hold plain
 * values only (ISO strings, never Date objects).
 */
import type { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { AppContext } from '../context';

export interface RedisAttachment { close(): Promise<void> }

export async function attachRedisAdapter(io: Server, ctx: AppContext): Promise<RedisAttachment | null> {
  const url = ctx.config.redisUrl;
  if (!url) return null;
  const pub = createClient({ url });
  const sub = pub.duplicate();
  for (const [name, client] of [['publisher', pub], ['subscriber', sub]] as const) {
    // Without a listener a lost connection would throw; the client reconnects by itself.
    client.on('error', (err: unknown) => ctx.log.warn({ err, client: name }, 'redis connection error'));
  }
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub, { requestsTimeout: 3_000 }));
  ctx.log.info({ url: url.replace(/\/\/[^@]*@/, '//***@') }, 'socket rooms shared through redis');
  return {
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    }
  };
}
