/**
 * Turns the session cookie into an Actor (req.actor). The user is re-read on every request so
 * a role change or a disabled account takes effect at once, not at the next sign-in.
 */
import { parse as parseCookie } from 'cookie';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler, Request } from 'express';
import { SESSION_COOKIE } from '../auth/sessions';
import type { Actor, AppContext } from '../context';
import { AppError, unauthenticated } from '../errors';
import type { Role } from '../db/collections';

declare module 'express-serve-static-core' {
  interface Request { actor?: Actor; sessionToken?: string }
}

export function sessionTokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  return header ? parseCookie(header)[SESSION_COOKIE] : undefined;
}

export async function actorFromRequest(ctx: AppContext, req: IncomingMessage): Promise<Actor | null> {
  const session = await ctx.sessions.lookup(sessionTokenOf(req));
  if (!session) return null;
  const user = await ctx.db.c.users.findOne({ _id: session.userId, orgId: session.orgId });
  if (!user || user.disabled) return null;
  return { userId: user._id, orgId: user.orgId, role: user.role, name: user.name, teamIds: user.teamIds, address: ctx.addressOf(req) };
}

export function authenticate(ctx: AppContext): RequestHandler {
  return async (req, _res, next) => {
    const actor = await actorFromRequest(ctx, req);
    if (!actor) throw unauthenticated();
    req.actor = actor;
    req.sessionToken = sessionTokenOf(req);
    next();
  };
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.actor || !roles.includes(req.actor.role)) throw new AppError('forbidden', `Only ${roles.join(' or ')} users may do this`);
    next();
  };
}

/** The authenticated actor of a request that passed `authenticate`. */
export function actorOf(req: Request): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}
