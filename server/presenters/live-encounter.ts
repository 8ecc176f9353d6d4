/**
 * The encounter as broadcast to its room after a change: the REST shape (presentEncounter)
 * without the per-viewer permissions, plus its revision. Everyone in the room may view it
 * (joining checked that); what each may do they already know, or learn by `encounters.access`.
 */
import type { Actor, AppContext } from '../context';
import type { EncounterDoc } from '../db/collections';
import { findUsersByIds } from '../repositories/users';
import { listTeams } from '../repositories/teams';
import { validationNow } from '../codes/validation-service';
import { presentEncounter } from './encounters';
import type { EncounterPart, LiveEncounterDto } from '../../src/lib/protocol/events';

export async function presentLiveEncounter(ctx: AppContext, enc: EncounterDoc, actor: Actor): Promise<LiveEncounterDto> {
  const { c } = ctx.db;
  // A broadcast never waits for the code sets to load (the room would see the change seconds late).
  const [users, teams, { validation, pending }] = await Promise.all([
    findUsersByIds(c, enc.orgId, enc.sharedUserIds), listTeams(c, enc.orgId), validationNow(ctx, enc.orgId, enc, enc.codeLines)
  ]);
  const { permissions: _perViewer, ...shared } = presentEncounter(enc, actor, { users: new Map(users.map((u) => [u._id, u])), teams: new Map(teams.map((t) => [t._id, t])) }, validation);
  return { ...shared, ...(pending ? { findingsPending: true } : {}), revision: enc.revision ?? 0 };
}

const PART_OF_FIELD: Record<string, EncounterPart> = {
  title: 'meta', setting: 'meta', dateOfService: 'meta', specialty: 'meta', payerClass: 'meta',
  patient: 'patient', documents: 'documents', codeLines: 'codeLines', flags: 'flags',
  sharedUserIds: 'sharing', sharedTeamIds: 'sharing', forumPostId: 'forum'
};

/** The parts of the page a change touched (status follows flags). */
export function partsOf(fields: string[], before: EncounterDoc, after: EncounterDoc): EncounterPart[] {
  const parts = new Set(fields.map((f) => PART_OF_FIELD[f] ?? 'meta'));
  if (before.status !== after.status) parts.add('status');
  return [...parts];
}
