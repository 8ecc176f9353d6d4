/**
 * Sign-in: rate limited per client address (every attempt) and per account (failures), with
 * the same answer and similar timing for an unknown email and a wrong password.
 */
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { dummyPasswordHash, verifyPassword } from '../auth/passwords';
import { findUsersByEmail } from '../repositories/users';
import type { UserDoc } from '../db/collections';

export const rateLimited = (retryAfter: number) =>
  new AppError('rate_limited', `Too many sign-in attempts; try again in ${Math.ceil(retryAfter / 60)} minute(s)`, { retryAfter });

export async function signIn(ctx: AppContext, email: string, password: string, address: string): Promise<{ user: UserDoc; token: string; expiresAt: Date }> {
  const { perAccount, perAddress } = ctx.config.rateLimits;
  const addressKey = `address:${address}`;
  const accountKey = `account:${email}`;
  // Each limit is decided on a count that includes this attempt (auth/rate-limit.ts).
  const byAddress = await ctx.attempts.take(addressKey, perAddress);
  if (!byAddress.ok) throw rateLimited(byAddress.retryAfter);
  const byAccount = await ctx.attempts.take(accountKey, perAccount);
  if (!byAccount.ok) throw rateLimited(byAccount.retryAfter);

  // An email may have an account in several organisations: the oldest active one whose password
  // matches signs in. The hashes are checked in parallel so the time hardly depends on how many.
  const candidates = await findUsersByEmail(ctx.db.c, email);
  const matches = await Promise.all(candidates.length > 0 ? candidates.map((u) => verifyPassword(password, u.passwordHash)) : [dummyPasswordHash().then((h) => verifyPassword(password, h))]);
  const user = candidates.find((u, i) => matches[i] && !u.disabled);
  if (!user) {
    await Promise.all(candidates.map((u) => ctx.audit.record({ userId: u._id, orgId: u.orgId, role: u.role, name: u.name, teamIds: u.teamIds, address }, { action: 'auth.sign-in-failed', targetType: 'user', targetId: u._id })));
    throw new AppError('unauthenticated', 'Email or password is incorrect');
  }
  await ctx.attempts.clear(accountKey);
  const { token, expiresAt } = await ctx.sessions.create(user._id, user.orgId, address);
  await ctx.audit.record({ userId: user._id, orgId: user.orgId, role: user.role, name: user.name, teamIds: user.teamIds, address }, { action: 'auth.sign-in', targetType: 'user', targetId: user._id });
  return { user, token, expiresAt };
}
