/**
 * The precedent library: GET /api/precedents (words, codes, filters), GET /api/precedents/:id,
 * GET /api/encounters/:id/precedents (similar precedents beside each open flag and each code line).
 * Precedents are de-identified, so any signed-in member of the organisation may read them.
 */
import { Router } from 'express';
import type { AppContext } from '../context';
import { actorOf, authenticate } from '../http/authenticate';
import { parseInput } from '../http/validate';
import { idParam } from '../http/params';
import { notFound } from '../errors';
import { precedentQuerySchema, type SimilarPrecedentsDto } from '../../src/lib/protocol/precedents';
import { qualityCollections } from '../quality/collections';
import { precedentIndex } from '../quality/precedent-index';
import { decidedCombinations, searchPrecedents, similarToFlag } from '../quality/precedent-search';
import { presentHit, presentPrecedent } from '../presenters/resolutions';
import { openEncounter } from '../commands/encounter-state';

export function precedentRoutes(ctx: AppContext): Router {
  const r = Router();
  const auth = authenticate(ctx);

  r.get('/precedents', auth, async (req, res) => {
    const actor = actorOf(req);
    const query = parseInput(precedentQuerySchema, req.query, 'query');
    const items = await precedentIndex(await qualityCollections(ctx.db), actor.orgId);
    res.json({ data: searchPrecedents(items, query).map(presentHit) });
  });

  r.get('/precedents/:id', auth, async (req, res) => {
    const actor = actorOf(req);
    const q = await qualityCollections(ctx.db);
    const p = await q.precedents.findOne({ _id: idParam(req.params.id, 'Precedent'), orgId: actor.orgId });
    if (!p) throw notFound('Precedent');
    res.json({ data: presentPrecedent(p) });
  });

  r.get('/encounters/:id/precedents', auth, async (req, res) => {
    const actor = actorOf(req);
    const enc = await openEncounter(ctx, actor, idParam(req.params.id, 'Encounter'), 'view', 'precedents.suggest');
    const items = (await precedentIndex(await qualityCollections(ctx.db), actor.orgId)).filter((i) => i.doc.encounterId !== enc._id);
    const byFlag: SimilarPrecedentsDto['byFlag'] = {};
    for (const f of enc.flags.filter((x) => x.status !== 'resolved')) {
      byFlag[f.id] = similarToFlag(items, enc.codeLines, { category: f.category, question: f.question, quote: f.anchor?.type === 'text' ? f.anchor.quote : null }).map(presentHit);
    }
    const byLine = Object.fromEntries(Object.entries(decidedCombinations(items, enc.codeLines)).map(([k, v]) => [k, v.map(presentHit)]));
    res.json({ data: { byFlag, byLine } satisfies SimilarPrecedentsDto });
  });
  return r;
}
