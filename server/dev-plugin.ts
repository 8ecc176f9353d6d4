/**
 * `npm run dev`: the Vite dev server with the same Express app (mounted for /api) and the same
 * Socket.IO server attached to Vite's HTTP server, so dev and production run identical code.
 * The server modules are loaded through Vite's SSR loader (it compiles TypeScript), which also
 * keeps them out of the bundled Vite config.
 */
import type { Server as HttpServer } from 'node:http';
import type { Plugin } from 'vite';

export function graycaseDevServer(): Plugin {
  return {
    name: 'graycase-dev-server',
    apply: 'serve',
    async configureServer(server) {
      const entry = await server.ssrLoadModule('/server/dev-entry.ts');
      const handler = await entry.attachToDevServer(server.httpServer as HttpServer | null);
      server.middlewares.use((req, res, next) => (req.url?.startsWith('/api/') || req.url === '/api' ? handler(req, res, next) : next()));
    }
  };
}
