/** /api/users: the organisation's users. Everyone may list (to share and mention); admins manage. */
import { Router } from 'express';
import type { AppContext } from '../context';
import { actorOf, authenticate } from '../http/authenticate';
import { parseInput } from '../http/validate';
import { createUserSchema, updateUserSchema } from '../../src/lib/protocol/accounts';
import { authorizeManageAccounts } from '../policies/accounts';
import { createUser, updateUser } from '../commands/accounts';
import { presentUser } from '../presenters/accounts';
import { listUsers } from '../repositories/users';
import { idParam } from '../http/params';

export function userRoutes(ctx: AppContext): Router {
  const r = Router();
  r.use(authenticate(ctx));

  r.get('/', async (req, res) => {
    const users = await listUsers(ctx.db.c, actorOf(req).orgId);
    res.json({ data: users.map(presentUser) });
  });

  r.post('/', async (req, res) => {
    const actor = actorOf(req);
    authorizeManageAccounts(actor);
    const input = parseInput(createUserSchema, req.body);
    res.status(201).json({ data: presentUser(await createUser(ctx, actor, input)) });
  });

  r.patch('/:id', async (req, res) => {
    const actor = actorOf(req);
    authorizeManageAccounts(actor);
    const id = idParam(req.params.id, 'User');
    const input = parseInput(updateUserSchema, req.body);
    const updated = await updateUser(ctx, actor, id, input);
    // Open sockets of this user act with the new role and teams from now on, not at their next check.
    if (input.role !== undefined || input.teamIds !== undefined) ctx.events.emit('user.role-changed', id);
    res.json({ data: presentUser(updated) });
  });
  return r;
}
