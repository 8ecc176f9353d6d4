/**
 * Quality statistics: GET /api/stats/coders/:id (a coder sees their own; seniors and admins
 * anyone of their organisation), GET /api/stats/team (seniors and admins), and the same as CSV
 * with `.csv`. Reading statistics is audited (they are about people's work, not PHI).
 */
import { Router, type Request } from 'express';
import type { AppContext } from '../context';
import { actorOf, authenticate } from '../http/authenticate';
import { parseInput } from '../http/validate';
import { idParam } from '../http/params';
import { forbidden, notFound } from '../errors';
import { findUser, listUsers } from '../repositories/users';
import { statsQuerySchema, type TeamStatsDto } from '../../src/lib/protocol/stats';
import { coderStats, statsCsv, type Window } from '../quality/stats';
import { historyOf } from '../quality/stats-source';

export function statsRoutes(ctx: AppContext): Router {
  const r = Router();
  const auth = authenticate(ctx);

  const window = (req: Request) => {
    const q = parseInput(statsQuerySchema, req.query, 'query');
    const w: Window = { from: q.from ? new Date(q.from + 'T00:00:00Z') : null, to: q.to ? new Date(q.to + 'T23:59:59.999Z') : null };
    return { w, period: q.period };
  };

  const coder = async (req: Request) => {
    const actor = actorOf(req);
    const id = idParam(req.params.id, 'Coder');
    const { w, period } = window(req);
    const user = await findUser(ctx.db.c, actor.orgId, id);
    if (!user) throw notFound('Coder');
    if (actor.role === 'coder' && actor.userId !== id) throw forbidden('Coders see their own statistics only');
    await ctx.audit.record(actor, { action: 'stats.view', targetType: 'user', targetId: id });
    return coderStats({ id: user._id, name: user.name }, await historyOf(ctx.db, actor.orgId), w, period);
  };

  const team = async (req: Request): Promise<TeamStatsDto> => {
    const actor = actorOf(req);
    if (actor.role === 'coder') throw forbidden('The team view is for senior coders and admins');
    const { w, period } = window(req);
    const [users, history] = await Promise.all([listUsers(ctx.db.c, actor.orgId), historyOf(ctx.db, actor.orgId)]);
    const coded = new Set(history.records.map((x) => x.coderId));
    const people = users.filter((u) => u.role === 'coder' || coded.has(u._id));
    await ctx.audit.record(actor, { action: 'stats.team', targetType: 'org', targetId: actor.orgId });
    const coders = people.map((u) => coderStats({ id: u._id, name: u.name }, history, w, period));
    return { coders, total: coderStats({ id: actor.orgId, name: 'All coders' }, history, w, period, true), target: coders[0]?.target ?? 0.95 };
  };

  const csv = (res: import('express').Response, name: string, body: string) => {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.send(body);
  };

  r.get('/stats/coders/:id.csv', auth, async (req, res) => csv(res, 'coder-quality.csv', statsCsv([await coder(req)])));
  r.get('/stats/coders/:id', auth, async (req, res) => { res.json({ data: await coder(req) }); });
  r.get('/stats/team.csv', auth, async (req, res) => { const t = await team(req); csv(res, 'team-quality.csv', statsCsv([...t.coders, t.total])); });
  r.get('/stats/team', auth, async (req, res) => { res.json({ data: await team(req) }); });
  return r;
}
