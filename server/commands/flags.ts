/**
 * Gray-area flags. Anyone who may flag raises one; moving to "in discussion" needs comment
 * rights; resolving or reopening a resolved flag needs resolve rights; rewording is for the
 * flag's author, the owner and admins.
 */
import type { Actor, AppContext } from '../context';
import type { FlagDoc } from '../db/collections';
import { AppError, forbidden, notFound } from '../errors';
import { permissionsFor } from '../policies/encounters';
import { mutateEncounter } from './encounter-state';
import { checkAnchor } from './anchors';
import { newFlag } from './encounters';
import type { CreateFlagInput } from '../../src/lib/protocol/encounters';
import { roomOf } from '../../src/lib/protocol/threads';
import { findThread } from '../repositories/threads';
import { derivedId } from './timeline';
import { FLAG_CHANGE_PREFIX, setThreadResolved } from './threads';

type FlagUpdate = Partial<Pick<FlagDoc, 'status' | 'category' | 'question'>>;

export async function createFlag(ctx: AppContext, actor: Actor, encounterId: string, input: CreateFlagInput): Promise<FlagDoc> {
  const { result } = await mutateEncounter<FlagDoc>(ctx, actor, encounterId, 'flag', (enc) => {
    if (input.anchor) checkAnchor(enc, input.anchor);
    if (enc.flags.length >= 100) throw new AppError('invalid_input', 'flags: an encounter holds at most 100 flags', { field: 'flags' });
    const flag = newFlag(actor, input);
    return { changes: { flags: [...enc.flags, flag] }, result: flag };
  });
  await ctx.audit.record(actor, { action: 'flags.create', targetType: 'encounter', targetId: encounterId, details: { flagId: result.id, category: result.category } });
  return result;
}

export async function updateFlag(ctx: AppContext, actor: Actor, encounterId: string, flagId: string, input: FlagUpdate): Promise<FlagDoc> {
  let statusBefore: FlagDoc['status'] | null = null;
  const { result } = await mutateEncounter<FlagDoc>(ctx, actor, encounterId, 'comment', (enc) => {
    const flag = enc.flags.find((f) => f.id === flagId);
    if (!flag) throw notFound('Flag');
    statusBefore = flag.status;
    const perms = permissionsFor(actor, enc);
    // Resolving, and reopening what a senior resolved, are decisions that need resolve rights.
    const resolving = input.status !== undefined && input.status !== flag.status && (input.status === 'resolved' || flag.status === 'resolved');
    if (resolving && !perms.resolve) throw forbidden('Only a senior coder or an admin with access may resolve or reopen a resolved flag');
    const rewording = input.question !== undefined || input.category !== undefined;
    if (rewording && !(flag.createdById === actor.userId || perms.edit)) throw forbidden('Only the flag\'s author or the encounter\'s owner may reword it');
    const updated: FlagDoc = { ...flag, ...input, updatedAt: new Date() };
    return { changes: { flags: enc.flags.map((f) => (f.id === flagId ? updated : f)) }, result: updated };
  });
  await ctx.audit.record(actor, { action: 'flags.update', targetType: 'encounter', targetId: encounterId, details: { flagId, fields: Object.keys(input) } });
  const resolvedNow = result.status === 'resolved' && statusBefore !== 'resolved';
  const reopenedNow = statusBefore === 'resolved' && result.status !== 'resolved';
  if (resolvedNow || reopenedNow) await followFlagThreads(ctx, actor, encounterId, [flagId], resolvedNow, String(result.updatedAt.getTime()));
  return result;
}

/**
 * A flag's discussion is resolved with the flag and reopened with it (a flag's PATCH, a
 * resolution, its reopening): a resolved gray area with its thread still open reads as
 * unfinished. `change` names the change that moved the flags (a retried command writes nothing
 * twice). It follows a command that has landed, so a failure here is logged, never thrown: the
 * command's own answer must not turn into an error after its write.
 */
export async function followFlagThreads(ctx: AppContext, actor: Actor, encounterId: string, flagIds: string[], resolved: boolean, change: string): Promise<void> {
  for (const flagId of flagIds) {
    const threadId = derivedId(`flag:${roomOf({ type: 'encounter', encounterId })}:${flagId}`);
    try {
      if (!(await findThread(ctx.db.c, actor.orgId, threadId))) continue;
      await setThreadResolved(ctx, actor, threadId, `${FLAG_CHANGE_PREFIX}${flagId}:${change}`, resolved);
    } catch (err) {
      ctx.log.warn({ err, encounterId, flagId }, 'flag thread did not follow its flag');
    }
  }
}
