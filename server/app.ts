/**
 * The Express application: /api/* (JSON), then the built single-page app with a fallback to
 * index.html. The same app is mounted by `npm start` and by the Vite dev server.
 * Order on /api: security headers → malformed URL (400) → cross-origin refusal for
 * state-changing methods (http/origin.ts) → JSON-only bodies (415) → body parser → routes.
 */
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AppContext } from './context';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { teamRoutes } from './routes/teams';
import { userRoutes } from './routes/users';
import { encounterRoutes } from './routes/encounters';
import { forumRoutes } from './routes/forum';
import { auditRoutes } from './routes/audit';
import { codeRoutes, CPT_UPLOAD_PATH } from './routes/codes';
import { resolutionRoutes } from './routes/resolutions';
import { precedentRoutes } from './routes/precedents';
import { reviewRoutes } from './routes/reviews';
import { doubleCodingRoutes } from './routes/double-coding';
import { statsRoutes } from './routes/stats';
import { PROJECT_ROOT } from './config';
import { parseTrustProxy } from './http/client-address';
import { refuseCrossOrigin, requireJsonBody } from './http/origin';
import { apiSecurityHeaders, webSecurityHeaders } from './http/security-headers';
import { refuseMalformedUrl } from './http/malformed-url';

export const WEB_BUILD_DIR = path.join(PROJECT_ROOT, 'build');

export function createApp(ctx: AppContext, opts: { serveWeb?: boolean } = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  // The same trust rules as ctx.addressOf, so req.secure (Secure cookies) follows X-Forwarded-Proto.
  app.set('trust proxy', parseTrustProxy(ctx.config.trustProxy));

  app.use(refuseMalformedUrl());
  const api = express.Router();
  const json = express.json({ limit: ctx.config.bodyLimit });
  const isUpload = (method: string, p: string) => method === 'PUT' && p === CPT_UPLOAD_PATH;
  api.use(apiSecurityHeaders());
  api.use(refuseCrossOrigin(ctx.config.allowedOrigins));
  api.use(requireJsonBody(isUpload));
  api.use((req, res, next) => (isUpload(req.method, req.path) ? next() : json(req, res, next)));
  api.use((_req, res, next) => { res.setHeader('Cache-Control', 'no-store'); next(); });
  api.use('/health', healthRoutes(ctx));
  api.use('/auth', authRoutes(ctx));
  api.use('/users', userRoutes(ctx));
  api.use('/teams', teamRoutes(ctx));
  api.use('/encounters', encounterRoutes(ctx));
  api.use('/forum', forumRoutes(ctx));
  api.use('/audit', auditRoutes(ctx));
  api.use('/codes', codeRoutes(ctx));
  api.use(resolutionRoutes(ctx));
  api.use(precedentRoutes(ctx));
  api.use(reviewRoutes(ctx));
  api.use(doubleCodingRoutes(ctx));
  api.use(statsRoutes(ctx));
  api.use(notFoundHandler());
  api.use(errorHandler(ctx.log));
  app.use('/api', api);

  if (opts.serveWeb && existsSync(path.join(WEB_BUILD_DIR, 'index.html'))) {
    app.use(webSecurityHeaders(path.join(WEB_BUILD_DIR, 'index.html')));
    app.use(express.static(WEB_BUILD_DIR, { index: false, maxAge: '1h' }));
    app.get('/{*splat}', (_req, res) => res.sendFile(path.join(WEB_BUILD_DIR, 'index.html')));
  }
  app.use(errorHandler(ctx.log));
  return app;
}
