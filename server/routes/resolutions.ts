/**
 * Resolutions: POST /api/encounters/:id/resolutions (resolve a flag or the whole encounter),
 * GET /api/encounters/:id/resolutions, POST /api/encounters/:id/resolutions/preview (the
 * precedent's redaction review), POST /api/resolutions/:id/reopen.
 */
import { Router } from 'express';
import type { AppContext } from '../context';
import { actorOf, authenticate } from '../http/authenticate';
import { parseInput } from '../http/validate';
import { idParam } from '../http/params';
import { precedentPreviewInputSchema, reopenInputSchema, resolveInputSchema } from '../../src/lib/protocol/resolutions';
import { reopenResolution, resolve } from '../commands/resolutions';
import { previewPrecedent } from '../commands/precedents';
import { openEncounter } from '../commands/encounter-state';
import { qualityCollections } from '../quality/collections';
import { resolutionsOf } from '../repositories/resolutions';
import { presentResolution } from '../presenters/resolutions';
import { watchFlagBaselines } from '../quality/baselines';

export function resolutionRoutes(ctx: AppContext): Router {
  const r = Router();
  const auth = authenticate(ctx);
  watchFlagBaselines(ctx);

  r.post('/encounters/:id/resolutions/preview', auth, async (req, res) => {
    const input = parseInput(precedentPreviewInputSchema, req.body);
    res.json({ data: await previewPrecedent(ctx, actorOf(req), idParam(req.params.id, 'Encounter'), input) });
  });

  r.post('/encounters/:id/resolutions', auth, async (req, res) => {
    const input = parseInput(resolveInputSchema, req.body);
    const resolution = await resolve(ctx, actorOf(req), idParam(req.params.id, 'Encounter'), input);
    res.status(201).json({ data: presentResolution(resolution, null, true) });
  });

  r.get('/encounters/:id/resolutions', auth, async (req, res) => {
    const actor = actorOf(req);
    const enc = await openEncounter(ctx, actor, idParam(req.params.id, 'Encounter'), 'view', 'resolutions.view');
    const q = await qualityCollections(ctx.db);
    const { resolutions, reopens } = await resolutionsOf(q, actor.orgId, enc._id);
    res.json({ data: resolutions.map((x) => presentResolution(x, reopens.get(x._id) ?? null, true)) });
  });

  r.post('/resolutions/:id/reopen', auth, async (req, res) => {
    const input = parseInput(reopenInputSchema, req.body);
    const { resolution, reopen } = await reopenResolution(ctx, actorOf(req), idParam(req.params.id, 'Resolution'), input.reason);
    res.json({ data: presentResolution(resolution, reopen, false) });
  });
  return r;
}
