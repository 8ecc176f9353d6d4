/** Loaded by the Vite dev plugin: the same context, Express app and Socket.IO server as `npm start`. */
import type { Server as HttpServer } from 'node:http';
import { loadConfig } from './config';
import { createContext } from './boot';
import { createApp } from './app';
import { createIo } from './sockets';

export async function attachToDevServer(httpServer: HttpServer | null) {
  const ctx = await createContext(loadConfig());
  if (httpServer) {
    createIo(httpServer, ctx);
    httpServer.once('close', () => void ctx.db.close());
  }
  return createApp(ctx, { serveWeb: false });
}
