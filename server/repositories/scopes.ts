/**
 * A discussion scope with the document it belongs to: an encounter (at its latest revision) or
 * a forum post, of the actor's organisation only (another organisation's id is not found).
 */
import type { Actor } from '../context';
import type { Database } from '../db/client';
import type { EncounterDoc, ForumPostDoc } from '../db/collections';
import { notFound } from '../errors';
import { findEncounter } from './encounters';
import { roomOf, type Scope } from '../../src/lib/protocol/threads';

export type LoadedScope =
  | { scope: Scope & { type: 'encounter' }; room: string; orgId: string; encounter: EncounterDoc; post: null }
  | { scope: Scope & { type: 'forum' }; room: string; orgId: string; encounter: null; post: ForumPostDoc };

export async function loadScope(db: Pick<Database, 'stores' | 'c'>, actor: Actor, scope: Scope): Promise<LoadedScope> {
  if (scope.type === 'encounter') {
    const encounter = await findEncounter(db, actor, scope.encounterId);
    if (!encounter) throw notFound('Encounter');
    return { scope, room: roomOf(scope), orgId: actor.orgId, encounter, post: null };
  }
  const post = await db.c.forumPosts.findOne({ _id: scope.postId, orgId: actor.orgId });
  if (!post) throw notFound('Forum post');
  return { scope, room: roomOf(scope), orgId: actor.orgId, encounter: null, post };
}
