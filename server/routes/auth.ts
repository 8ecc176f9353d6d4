/** /api/auth: sign in and out, who am I, change my password. */
import { Router, type Response } from 'express';
import type { AppContext } from '../context';
import { actorOf, authenticate, sessionTokenOf } from '../http/authenticate';
import { parseInput } from '../http/validate';
import { changePasswordSchema, signInSchema } from '../../src/lib/protocol/accounts';
import { signIn } from '../commands/sign-in';
import { changeOwnPassword } from '../commands/accounts';
import { SESSION_COOKIE } from '../auth/sessions';
import { presentOrg, presentTeam, presentUser } from '../presenters/accounts';
import { findUser } from '../repositories/users';
import { listTeams, memberCounts } from '../repositories/teams';
import { notFound } from '../errors';

export function authRoutes(ctx: AppContext): Router {
  const r = Router();
  const setCookie = (res: Response, secure: boolean, token: string, expires: Date) =>
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires });
  const secureFor = (reqSecure: boolean) => ctx.config.cookieSecure === 'auto' ? reqSecure : ctx.config.cookieSecure === 'true';

  r.post('/sign-in', async (req, res) => {
    const input = parseInput(signInSchema, req.body);
    const { user, token, expiresAt } = await signIn(ctx, input.email, input.password, ctx.addressOf(req));
    // The browser's previous session ends (and its sockets close): one browser, one session, so
    // a sign-in as someone else on a shared machine leaves nothing of the first user behind.
    const previous = sessionTokenOf(req);
    if (previous && previous !== token) await ctx.sessions.destroy(previous);
    setCookie(res, secureFor(req.secure), token, expiresAt);
    res.json({ data: { user: presentUser(user), expiresAt: expiresAt.toISOString() } });
  });

  r.post('/sign-out', async (req, res) => {
    await ctx.sessions.destroy(sessionTokenOf(req));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.json({ data: { signedOut: true } });
  });

  r.get('/me', authenticate(ctx), async (req, res) => {
    const actor = actorOf(req);
    const { c } = ctx.db;
    const [user, org, teams, counts] = await Promise.all([
      findUser(c, actor.orgId, actor.userId), c.orgs.findOne({ _id: actor.orgId }), listTeams(c, actor.orgId), memberCounts(c, actor.orgId)
    ]);
    if (!user || !org) throw notFound('User');
    const mine = teams.filter((t) => user.teamIds.includes(t._id)).map((t) => presentTeam(t, counts.get(t._id) ?? 0));
    res.json({ data: { user: presentUser(user), org: presentOrg(org), teams: mine } });
  });

  r.post('/password', authenticate(ctx), async (req, res) => {
    const input = parseInput(changePasswordSchema, req.body);
    await changeOwnPassword(ctx, actorOf(req), input.currentPassword, input.newPassword, req.sessionToken);
    res.json({ data: { changed: true } });
  });
  return r;
}
