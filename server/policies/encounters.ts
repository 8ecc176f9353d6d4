/**
 * Who may do what with an encounter, from the actor's role and relation to it. The same
 * relations drive the visibility filter in repositories/encounters.ts, so "can view" and
 * "appears in a list" never disagree. An actor with no relation gets 404, never 403: they must
 * not learn that the encounter exists.
 *
 *   relation              view comment flag editCodes edit share publish resolve
 *   admin (same org)       ✓     ✓      ✓     ✓       ✓    ✓     ✓       ✓
 *   owner                  ✓     ✓      ✓     ✓       ✓    ✓     ✓      senior
 *   named share            ✓     ✓      ✓     ✓       ·    ·     ·      senior
 *   senior of the team     ✓     ✓      ✓     ✓       ·    ·     ·       ✓
 *   coder in shared team   ✓     ✓      ✓     ·       ·    ·     ·       ·
 *   anyone else            404
 * "senior of the team": a senior in a team the encounter is shared with, or in a team of the
 * owner once the encounter is shared with a user or a team. Publishing to the forum is not
 * sharing: a forum post is a de-identified copy and never opens the original, so this reads the
 * sharing lists themselves, not the derived `shared` field (which also counts a forum post).
 */
import type { Actor } from '../context';
import type { EncounterDoc } from '../db/collections';
import { forbidden, notFound } from '../errors';
import type { Permissions } from '../../src/lib/protocol/encounters';

export type EncounterAction = keyof Permissions;
export type Relation = 'admin' | 'owner' | 'named' | 'team-senior' | 'team-member' | 'none';

type Relevant = Pick<EncounterDoc, 'orgId' | 'ownerId' | 'ownerTeamIds' | 'sharedUserIds' | 'sharedTeamIds'>;

const overlaps = (a: string[], b: string[]) => a.some((x) => b.includes(x));
/** Shared with a named user or a team; the query form is repositories/encounters.ts sharedWithAnyone. */
const isShared = (enc: Relevant) => enc.sharedUserIds.length > 0 || enc.sharedTeamIds.length > 0;

export function relationOf(actor: Actor, enc: Relevant): Relation {
  if (enc.orgId !== actor.orgId) return 'none';
  if (actor.role === 'admin') return 'admin';
  if (enc.ownerId === actor.userId) return 'owner';
  if (enc.sharedUserIds.includes(actor.userId)) return 'named';
  const inSharedTeam = overlaps(enc.sharedTeamIds, actor.teamIds);
  if (actor.role === 'senior' && (inSharedTeam || (isShared(enc) && overlaps(enc.ownerTeamIds, actor.teamIds)))) return 'team-senior';
  if (inSharedTeam) return 'team-member';
  return 'none';
}

const NONE: Permissions = { view: false, comment: false, flag: false, editCodes: false, edit: false, share: false, publish: false, resolve: false };

export function permissionsFor(actor: Actor, enc: Relevant): Permissions {
  const senior = actor.role === 'senior';
  switch (relationOf(actor, enc)) {
    case 'admin': return { view: true, comment: true, flag: true, editCodes: true, edit: true, share: true, publish: true, resolve: true };
    case 'owner': return { view: true, comment: true, flag: true, editCodes: true, edit: true, share: true, publish: true, resolve: senior };
    case 'named': return { ...NONE, view: true, comment: true, flag: true, editCodes: true, resolve: senior };
    case 'team-senior': return { ...NONE, view: true, comment: true, flag: true, editCodes: true, resolve: true };
    case 'team-member': return { ...NONE, view: true, comment: true, flag: true };
    case 'none': return NONE;
  }
}

const ACTION_WORDS: Record<EncounterAction, string> = {
  view: 'view this encounter', comment: 'comment on this encounter', flag: 'raise flags on this encounter',
  editCodes: 'edit the codes of this encounter', edit: 'edit this encounter', share: 'change who this encounter is shared with',
  publish: 'publish this encounter to the forum', resolve: 'resolve flags on this encounter'
};

/** Throws 404 when the actor may not even see the encounter, 403 when they see it but may not act. */
export function authorizeEncounter<T extends Relevant>(actor: Actor, enc: T | null, action: EncounterAction): asserts enc is T {
  const perms = enc ? permissionsFor(actor, enc) : NONE;
  if (!perms.view) throw notFound('Encounter');
  if (!perms[action]) throw forbidden(`You may not ${ACTION_WORDS[action]}`);
}
