/**
 * Encounter queries. Every function takes orgId (through the actor) first. visibleFilter is
 * the query form of policies/encounters.ts relationOf: keep the two in step.
 */
import type { Filter } from 'mongodb';
import type { Actor } from '../context';
import type { Collections, EncounterDoc } from '../db/collections';
import type { Database } from '../db/client';
import type { Queue, QueueQuery } from '../../src/lib/protocol/encounters';

/**
 * Shared with a named user or a team. Not the derived `shared` field, which also counts a forum
 * post: publishing never opens the original (policies/encounters.ts isShared).
 */
const sharedWithAnyone: Filter<EncounterDoc> = { $or: [{ 'sharedUserIds.0': { $exists: true } }, { 'sharedTeamIds.0': { $exists: true } }] };

export function visibleFilter(actor: Actor): Filter<EncounterDoc> {
  if (actor.role === 'admin') return { orgId: actor.orgId };
  const or: Filter<EncounterDoc>[] = [{ ownerId: actor.userId }, { sharedUserIds: actor.userId }];
  if (actor.teamIds.length > 0) {
    or.push({ sharedTeamIds: { $in: actor.teamIds } });
    if (actor.role === 'senior') or.push({ $and: [{ ownerTeamIds: { $in: actor.teamIds } }, sharedWithAnyone] });
  }
  return { orgId: actor.orgId, $or: or };
}

export function queueFilter(actor: Actor, queue: Exclude<Queue, 'forum'>): Filter<EncounterDoc> {
  const visible = visibleFilter(actor);
  switch (queue) {
    case 'mine': return { orgId: actor.orgId, ownerId: actor.userId };
    case 'shared': return { $and: [visible, { ownerId: { $ne: actor.userId } }, { $or: [{ sharedUserIds: actor.userId }, { sharedTeamIds: { $in: actor.teamIds } }] }] };
    case 'team':
      if (actor.role === 'admin' && actor.teamIds.length === 0) return { $and: [{ orgId: actor.orgId }, sharedWithAnyone] };
      return { $and: [visible, { $or: [{ sharedTeamIds: { $in: actor.teamIds } }, { $and: [{ ownerTeamIds: { $in: actor.teamIds } }, sharedWithAnyone] }] }] };
  }
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The filters a queue view offers, as a query on the denormalised fields. */
/** Plain field conditions that both encounters and forum posts carry (status, categories, codes, ...). */
export function refinements(q: Pick<QueueQuery, 'status' | 'category' | 'setting' | 'code' | 'q'>): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (q.status) f.status = q.status;
  if (q.category) f.categories = q.category;
  if (q.setting) f.setting = q.setting;
  // Codes are stored without dots, so "E11.6" and "E116" both find E11.65 by prefix.
  if (q.code) f.codes = { $regex: '^' + escapeRegex(q.code.replace(/\./g, '')) };
  if (q.q) f.title = { $regex: escapeRegex(q.q), $options: 'i' };
  return f;
}

export const SORT_FIELDS = { updated: 'updatedAt', dateOfService: 'dateOfService', title: 'title', created: 'createdAt' } as const;

/** One encounter of the actor's organisation, at its latest revision (see server/db/storage). */
export async function findEncounter(db: Pick<Database, 'stores'>, actor: Actor, id: string): Promise<EncounterDoc | null> {
  const enc = await db.stores.encounters.load(id);
  return enc && enc.orgId === actor.orgId ? enc : null;
}

export async function countQueues(c: Collections, actor: Actor): Promise<Record<Queue, number>> {
  const [mine, shared, team, forum] = await Promise.all([
    c.encounters.countDocuments(queueFilter(actor, 'mine')),
    c.encounters.countDocuments(queueFilter(actor, 'shared')),
    c.encounters.countDocuments(queueFilter(actor, 'team')),
    c.forumPosts.countDocuments({ orgId: actor.orgId })
  ]);
  return { mine, shared, team, forum };
}
