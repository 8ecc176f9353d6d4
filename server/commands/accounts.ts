/**
 * The only writers of users and teams. Each validates its invariants (teams exist in the
 * actor's organisation, an organisation keeps at least one admin), writes, then audits.
 */
import { randomUUID } from 'node:crypto';
import { MongoServerError } from 'mongodb';
import type { Actor, AppContext } from '../context';
import type { TeamDoc, UserDoc } from '../db/collections';
import { AppError, conflict, notFound } from '../errors';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { findUser, findUserByEmailInOrg } from '../repositories/users';
import { findTeam, teamsExist } from '../repositories/teams';
import { rateLimited } from './sign-in';
import type { CreateUserInput, UpdateUserInput } from '../../src/lib/protocol/accounts';

const isDuplicateKey = (err: unknown) => err instanceof MongoServerError && err.code === 11000;

export async function createUser(ctx: AppContext, actor: Actor, input: CreateUserInput): Promise<UserDoc> {
  const { c } = ctx.db;
  if (!(await teamsExist(c, actor.orgId, input.teamIds))) throw new AppError('invalid_input', 'teamIds: a team does not exist', { field: 'teamIds' });
  // Only this organisation's users are compared: another organisation's emails are not revealed.
  if (await findUserByEmailInOrg(c, actor.orgId, input.email)) throw conflict('A user with this email already exists in your organisation');
  const now = new Date();
  const user: UserDoc = {
    _id: randomUUID(), orgId: actor.orgId, email: input.email, name: input.name, role: input.role,
    teamIds: [...new Set(input.teamIds)], passwordHash: await hashPassword(input.password),
    disabled: false, createdAt: now, passwordChangedAt: now
  };
  try {
    await c.users.insertOne(user);
  } catch (err) {
    if (isDuplicateKey(err)) throw conflict('A user with this email already exists in your organisation');
    throw err;
  }
  await ctx.audit.record(actor, { action: 'users.create', targetType: 'user', targetId: user._id, details: { role: user.role } });
  return user;
}

export async function updateUser(ctx: AppContext, actor: Actor, userId: string, input: UpdateUserInput): Promise<UserDoc> {
  const { c } = ctx.db;
  const user = await findUser(c, actor.orgId, userId);
  if (!user) throw notFound('User');
  if (input.teamIds && !(await teamsExist(c, actor.orgId, input.teamIds))) throw new AppError('invalid_input', 'teamIds: a team does not exist', { field: 'teamIds' });
  const losesAdmin = user.role === 'admin' && ((input.role && input.role !== 'admin') || input.disabled === true);
  if (losesAdmin) {
    const admins = await c.users.countDocuments({ orgId: actor.orgId, role: 'admin', disabled: false });
    if (admins <= 1) throw conflict('The organisation must keep at least one active admin');
  }
  const set: Partial<UserDoc> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.role !== undefined) set.role = input.role;
  if (input.teamIds !== undefined) set.teamIds = [...new Set(input.teamIds)];
  if (input.disabled !== undefined) set.disabled = input.disabled;
  const { doc: updated } = await ctx.db.stores.users.update(userId, (current) => {
    if (!current || current.orgId !== actor.orgId) throw notFound('User');
    return { next: { ...current, ...set }, result: undefined };
  });
  // The count above and this change are two documents: if a concurrent demotion left no
  // active admin, this one is undone and refused (both refused at worst, never none left).
  if (losesAdmin && (await c.users.countDocuments({ orgId: actor.orgId, role: 'admin', disabled: false })) === 0) {
    await ctx.db.stores.users.update(userId, (current) => ({ next: { ...current!, role: user.role, disabled: user.disabled }, result: undefined }));
    throw conflict('The organisation must keep at least one active admin');
  }
  if (input.disabled) await ctx.sessions.destroyForUser(userId);
  await ctx.audit.record(actor, { action: 'users.update', targetType: 'user', targetId: userId, details: { fields: Object.keys(set) } });
  return updated;
}

export async function changeOwnPassword(ctx: AppContext, actor: Actor, current: string, next: string, keepToken?: string): Promise<void> {
  const { c } = ctx.db;
  const user = await findUser(c, actor.orgId, actor.userId);
  if (!user) throw notFound('User');
  // A wrong current password is a guess at the account's password: it counts like a failed sign-in.
  const attempt = await ctx.attempts.take(`account:${user.email}`, ctx.config.rateLimits.perAccount);
  if (!attempt.ok) throw rateLimited(attempt.retryAfter);
  if (!(await verifyPassword(current, user.passwordHash))) throw new AppError('invalid_input', 'currentPassword: is not your current password', { field: 'currentPassword' });
  await ctx.attempts.release(attempt);
  if (current === next) throw new AppError('invalid_input', 'newPassword: must differ from the current password', { field: 'newPassword' });
  const passwordHash = await hashPassword(next);
  await ctx.db.stores.users.update(user._id, (current) => {
    if (!current) throw notFound('User');
    return { next: { ...current, passwordHash, passwordChangedAt: new Date() }, result: undefined };
  });
  // Other devices signed in with the old password are signed out; this one stays.
  await ctx.sessions.destroyForUser(user._id, keepToken);
  await ctx.audit.record(actor, { action: 'users.password', targetType: 'user', targetId: user._id });
}

export async function createTeam(ctx: AppContext, actor: Actor, name: string): Promise<TeamDoc> {
  const team: TeamDoc = { _id: randomUUID(), orgId: actor.orgId, name, createdAt: new Date() };
  if (await ctx.db.c.teams.findOne({ orgId: actor.orgId, name })) throw conflict('A team with this name already exists');
  try {
    await ctx.db.c.teams.insertOne(team);
  } catch (err) {
    if (isDuplicateKey(err)) throw conflict('A team with this name already exists');
    throw err;
  }
  await ctx.audit.record(actor, { action: 'teams.create', targetType: 'team', targetId: team._id });
  return team;
}

export async function renameTeam(ctx: AppContext, actor: Actor, teamId: string, name: string): Promise<TeamDoc> {
  const { c } = ctx.db;
  if (!(await findTeam(c, actor.orgId, teamId))) throw notFound('Team');
  const clash = await c.teams.findOne({ orgId: actor.orgId, name, _id: { $ne: teamId } });
  if (clash) throw conflict('A team with this name already exists');
  const { doc: updated } = await ctx.db.stores.teams.update(teamId, (current) => {
    if (!current || current.orgId !== actor.orgId) throw notFound('Team');
    return { next: { ...current, name }, result: undefined };
  });
  await ctx.audit.record(actor, { action: 'teams.update', targetType: 'team', targetId: teamId });
  return updated;
}
