/**
 * Sharing an encounter with named users and teams of the same organisation. The owner and
 * admins decide; every change is audited with who was added and removed.
 */
import type { Actor, AppContext } from '../context';
import type { EncounterDoc } from '../db/collections';
import { AppError } from '../errors';
import { mutateEncounter } from './encounter-state';
import { findUsersByIds } from '../repositories/users';
import { teamsExist } from '../repositories/teams';

export async function shareEncounter(ctx: AppContext, actor: Actor, id: string, input: { userIds: string[]; teamIds: string[] }): Promise<EncounterDoc> {
  const userIds = [...new Set(input.userIds)];
  const teamIds = [...new Set(input.teamIds)];
  let before: { userIds: string[]; teamIds: string[] } = { userIds: [], teamIds: [] };
  // Checked inside the mutation, after authorization: a stranger learns nothing from a 400.
  const { encounter } = await mutateEncounter(ctx, actor, id, 'share', async (enc) => {
    const users = await findUsersByIds(ctx.db.c, actor.orgId, userIds);
    if (users.length !== userIds.length) throw new AppError('invalid_input', 'userIds: a user does not exist in your organisation', { field: 'userIds' });
    if (users.some((u) => u.disabled)) throw new AppError('invalid_input', 'userIds: a user is disabled', { field: 'userIds' });
    if (!(await teamsExist(ctx.db.c, actor.orgId, teamIds))) throw new AppError('invalid_input', 'teamIds: a team does not exist in your organisation', { field: 'teamIds' });
    before = { userIds: enc.sharedUserIds, teamIds: enc.sharedTeamIds };
    // Sharing with the owner is meaningless; drop it rather than fail.
    return { changes: { sharedUserIds: userIds.filter((u) => u !== enc.ownerId), sharedTeamIds: teamIds } };
  });
  const diff = (now: string[], was: string[]) => ({ added: now.filter((x) => !was.includes(x)), removed: was.filter((x) => !now.includes(x)) });
  await ctx.audit.record(actor, {
    action: 'encounters.share', targetType: 'encounter', targetId: id,
    details: { users: diff(encounter.sharedUserIds, before.userIds), teams: diff(encounter.sharedTeamIds, before.teamIds) }
  });
  return encounter;
}
