/**
 * Sign-in: rate limited per client address (every attempt) and per account (failures), with
 * the same answer and similar timing for an unknown email and a wrong password.
 */
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { dummyPasswordHash, verifyPassword } from '../auth/passwords';
import { findUserByEmail } from '../repositories/users';
import type { UserDoc } from '../db/collections';

export async function signIn(ctx: AppContext, email: string, password: string, address: string): Promise<{ user: UserDoc; token: string; expiresAt: Date }> {
  const { perAccount, perAddress } = ctx.config.rateLimits;
  const addressKey = `address:${address}`;
  const accountKey = `account:${email}`;
  const wait = Math.max(await ctx.attempts.retryAfter(addressKey, perAddress), await ctx.attempts.retryAfter(accountKey, perAccount));
  if (wait > 0) throw new AppError('rate_limited', `Too many sign-in attempts; try again in ${Math.ceil(wait / 60)} minute(s)`, { retryAfter: wait });
  await ctx.attempts.hit(addressKey);

  const user = await findUserByEmail(ctx.db.c, email);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok || user.disabled) {
    await ctx.attempts.hit(accountKey);
    if (user) await ctx.audit.record({ userId: user._id, orgId: user.orgId, role: user.role, name: user.name, teamIds: user.teamIds, address }, { action: 'auth.sign-in-failed', targetType: 'user', targetId: user._id });
    throw new AppError('unauthenticated', 'Email or password is incorrect');
  }
  await ctx.attempts.reset(accountKey);
  const { token, expiresAt } = await ctx.sessions.create(user._id, user.orgId, address);
  await ctx.audit.record({ userId: user._id, orgId: user.orgId, role: user.role, name: user.name, teamIds: user.teamIds, address }, { action: 'auth.sign-in', targetType: 'user', targetId: user._id });
  return { user, token, expiresAt };
}
