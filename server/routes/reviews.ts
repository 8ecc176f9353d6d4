/**
 * Mentor review: POST /api/encounters/:id/reviews (request), GET /api/encounters/:id/reviews,
 * GET /api/reviews/:id, GET /api/reviewers (seniors and admins a coder may ask), POST /api/reviews/:id/review (approve / request changes),
 * POST /api/reviews/:id/changes/:changeId/response (agree / dispute),
 * POST /api/reviews/:id/changes/:changeId/decision (the decider's final word).
 */
import { Router } from 'express';
import type { AppContext } from '../context';
import { actorOf, authenticate } from '../http/authenticate';
import { parseInput } from '../http/validate';
import { idParam } from '../http/params';
import { decideSchema, requestReviewSchema, respondSchema, submitReviewSchema } from '../../src/lib/protocol/reviews';
import { decideDispute, loadReview, requestReview, respondToChange, submitReview } from '../commands/reviews';
import { openEncounter } from '../commands/encounter-state';
import { qualityCollections } from '../quality/collections';
import { presentReview } from '../presenters/reviews';
import { listUsers } from '../repositories/users';

export function reviewRoutes(ctx: AppContext): Router {
  const r = Router();
  const auth = authenticate(ctx);

  r.post('/encounters/:id/reviews', auth, async (req, res) => {
    const input = parseInput(requestReviewSchema, req.body);
    res.status(201).json({ data: presentReview(await requestReview(ctx, actorOf(req), idParam(req.params.id, 'Encounter'), input)) });
  });
  r.get('/encounters/:id/reviews', auth, async (req, res) => {
    const actor = actorOf(req);
    const enc = await openEncounter(ctx, actor, idParam(req.params.id, 'Encounter'), 'view', 'reviews.view');
    const q = await qualityCollections(ctx.db);
    const list = await q.reviews.find({ orgId: actor.orgId, encounterId: enc._id }).sort({ createdAt: -1 }).toArray();
    res.json({ data: list.map(presentReview) });
  });
  /** Who a coder may ask: the organisation's seniors and admins (names only). */
  r.get('/reviewers', auth, async (req, res) => {
    const actor = actorOf(req);
    const users = await listUsers(ctx.db.c, actor.orgId);
    res.json({ data: users.filter((u) => !u.disabled && u.role !== 'coder' && u._id !== actor.userId).map((u) => ({ id: u._id, name: u.name, role: u.role })) });
  });
  r.get('/reviews/:id', auth, async (req, res) => {
    const { review } = await loadReview(ctx, actorOf(req), idParam(req.params.id, 'Review'));
    res.json({ data: presentReview(review) });
  });
  r.post('/reviews/:id/review', auth, async (req, res) => {
    const input = parseInput(submitReviewSchema, req.body);
    res.json({ data: presentReview(await submitReview(ctx, actorOf(req), idParam(req.params.id, 'Review'), input)) });
  });
  r.post('/reviews/:id/changes/:changeId/response', auth, async (req, res) => {
    const input = parseInput(respondSchema, req.body);
    res.json({ data: presentReview(await respondToChange(ctx, actorOf(req), idParam(req.params.id, 'Review'), idParam(req.params.changeId, 'Change'), input)) });
  });
  r.post('/reviews/:id/changes/:changeId/decision', auth, async (req, res) => {
    const input = parseInput(decideSchema, req.body);
    res.json({ data: presentReview(await decideDispute(ctx, actorOf(req), idParam(req.params.id, 'Review'), idParam(req.params.changeId, 'Change'), input)) });
  });
  return r;
}
