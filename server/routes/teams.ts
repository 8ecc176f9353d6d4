/** /api/teams: the organisation's teams. Everyone may list; admins create and rename. */
import { Router } from 'express';
import type { AppContext } from '../context';
import { actorOf, authenticate } from '../http/authenticate';
import { parseInput } from '../http/validate';
import { createTeamSchema, updateTeamSchema } from '../../src/lib/protocol/accounts';
import { authorizeManageAccounts } from '../policies/accounts';
import { createTeam, renameTeam } from '../commands/accounts';
import { presentTeam } from '../presenters/accounts';
import { listTeams, memberCounts } from '../repositories/teams';
import { idParam } from '../http/params';

export function teamRoutes(ctx: AppContext): Router {
  const r = Router();
  r.use(authenticate(ctx));

  r.get('/', async (req, res) => {
    const { orgId } = actorOf(req);
    const [teams, counts] = await Promise.all([listTeams(ctx.db.c, orgId), memberCounts(ctx.db.c, orgId)]);
    res.json({ data: teams.map((t) => presentTeam(t, counts.get(t._id) ?? 0)) });
  });

  r.post('/', async (req, res) => {
    const actor = actorOf(req);
    authorizeManageAccounts(actor);
    const input = parseInput(createTeamSchema, req.body);
    res.status(201).json({ data: presentTeam(await createTeam(ctx, actor, input.name), 0) });
  });

  r.patch('/:id', async (req, res) => {
    const actor = actorOf(req);
    authorizeManageAccounts(actor);
    const id = idParam(req.params.id, 'Team');
    const input = parseInput(updateTeamSchema, req.body);
    const counts = await memberCounts(ctx.db.c, actor.orgId);
    res.json({ data: presentTeam(await renameTeam(ctx, actor, id, input.name), counts.get(id) ?? 0) });
  });
  return r;
}
