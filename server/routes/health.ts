/** GET /api/health: is the database reachable, which version runs. No authentication. */
import { Router } from 'express';
import type { AppContext } from '../context';

export function healthRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/', async (_req, res) => {
    let reachable = false;
    try {
      await ctx.db.db.command({ ping: 1 });
      reachable = true;
    } catch { /* reported below */ }
    res.status(reachable ? 200 : 503).json({
      data: { status: reachable ? 'ok' : 'degraded', version: ctx.version, database: { reachable, kind: ctx.db.kind }, codeSets: ctx.codeSets.status() }
    });
  });
  return r;
}
