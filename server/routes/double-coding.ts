/**
 * Blind double coding: POST /api/encounters/:id/double-coding (a senior starts),
 * GET /api/encounters/:id/double-coding (sessions you take part in), GET /api/double-coding/:id, PUT /api/double-coding/:id/submission, GET /api/double-coding/:id/diff
 * (409 until both submitted), POST /api/double-coding/:id/threads (a thread on one difference).
 */
import { Router } from 'express';
import type { AppContext } from '../context';
import { actorOf, authenticate } from '../http/authenticate';
import { parseInput } from '../http/validate';
import { idParam } from '../http/params';
import { diffThreadSchema, startDoubleCodingSchema, submitCodingSchema, type DoubleCodingDiffDto } from '../../src/lib/protocol/reviews';
import { loadSession, sessionDiff, startDoubleCoding, submitCoding, threadForDifference } from '../commands/double-coding';
import { presentSession } from '../presenters/reviews';
import { openEncounter } from '../commands/encounter-state';
import { qualityCollections } from '../quality/collections';

export function doubleCodingRoutes(ctx: AppContext): Router {
  const r = Router();
  const auth = authenticate(ctx);

  r.post('/encounters/:id/double-coding', auth, async (req, res) => {
    parseInput(startDoubleCodingSchema, req.body);
    const actor = actorOf(req);
    res.status(201).json({ data: presentSession(await startDoubleCoding(ctx, actor, idParam(req.params.id, 'Encounter')), actor) });
  });
  r.get('/encounters/:id/double-coding', auth, async (req, res) => {
    const actor = actorOf(req);
    const enc = await openEncounter(ctx, actor, idParam(req.params.id, 'Encounter'), 'view', 'double-coding.view');
    const q = await qualityCollections(ctx.db);
    const list = await q.doubleCoding.find({ orgId: actor.orgId, encounterId: enc._id }).sort({ createdAt: -1 }).toArray();
    // Only the two participants and admins see a session at all.
    res.json({ data: list.filter((s) => s.coderId === actor.userId || s.seniorId === actor.userId || actor.role === 'admin').map((s) => presentSession(s, actor)) });
  });
  r.get('/double-coding/:id', auth, async (req, res) => {
    const actor = actorOf(req);
    const { s } = await loadSession(ctx, actor, idParam(req.params.id, 'Double-coding session'));
    res.json({ data: presentSession(s, actor) });
  });
  r.put('/double-coding/:id/submission', auth, async (req, res) => {
    const actor = actorOf(req);
    const input = parseInput(submitCodingSchema, req.body);
    res.json({ data: presentSession(await submitCoding(ctx, actor, idParam(req.params.id, 'Double-coding session'), input), actor) });
  });
  r.get('/double-coding/:id/diff', auth, async (req, res) => {
    const { s } = await loadSession(ctx, actorOf(req), idParam(req.params.id, 'Double-coding session'));
    const d = sessionDiff(s);
    res.json({ data: { entries: d.entries, agreed: !d.changed, lineAgreement: d.lineAgreement, coderLines: s.coder!.lines, seniorLines: s.senior!.lines } satisfies DoubleCodingDiffDto });
  });
  r.post('/double-coding/:id/threads', auth, async (req, res) => {
    const input = parseInput(diffThreadSchema, req.body);
    res.status(201).json({ data: await threadForDifference(ctx, actorOf(req), idParam(req.params.id, 'Double-coding session'), input.key, input.clientId) });
  });
  return r;
}
