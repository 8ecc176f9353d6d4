/**
 * Who may do what in a discussion. Encounter threads follow the encounter's relation table
 * (policies/encounters.ts): whoever may view may comment; resolving someone else's thread
 * needs resolve or edit rights. Forum threads are open to every member of the organisation;
 * resolving someone else's forum thread is for the post's publisher, seniors and admins.
 * Editing is for a message's author; deleting also for admins (moderation).
 */
import type { Actor } from '../context';
import type { ThreadDoc, TimelineDoc, UserDoc } from '../db/collections';
import { forbidden, notFound } from '../errors';
import { permissionsFor } from './encounters';
import type { LoadedScope } from '../repositories/scopes';

export function authorizeView(actor: Actor, s: LoadedScope): void {
  if (s.encounter && !permissionsFor(actor, s.encounter).view) throw notFound('Encounter');
  if (s.post && s.post.orgId !== actor.orgId) throw notFound('Forum post');
}

export function authorizeComment(actor: Actor, s: LoadedScope): void {
  authorizeView(actor, s);
  if (s.encounter && !permissionsFor(actor, s.encounter).comment) throw forbidden('You may not comment on this encounter');
}

export function authorizeResolve(actor: Actor, s: LoadedScope, thread: ThreadDoc): void {
  authorizeView(actor, s);
  if (thread.createdById === actor.userId) return;
  if (s.encounter) {
    const p = permissionsFor(actor, s.encounter);
    if (p.resolve || p.edit) return;
    throw forbidden('Only the thread\'s author, a senior coder or the encounter\'s owner may resolve or reopen it');
  }
  if (actor.role === 'admin' || actor.role === 'senior' || s.post?.publishedById === actor.userId) return;
  throw forbidden('Only the thread\'s author, the post\'s publisher or a senior coder may resolve or reopen it');
}

export function authorizeEdit(actor: Actor, message: TimelineDoc): void {
  if (message.byId !== actor.userId) throw forbidden('Only the author may edit a message');
}

export function authorizeDelete(actor: Actor, message: TimelineDoc): void {
  if (message.byId !== actor.userId && actor.role !== 'admin') throw forbidden('Only the author or an admin may delete a message');
}

export const actorOfUser = (u: UserDoc): Actor => ({ userId: u._id, orgId: u.orgId, role: u.role, name: u.name, teamIds: u.teamIds, address: '' });

/** May this user read the scope (mention targets, autocomplete)? */
export function userMayView(u: UserDoc, s: LoadedScope): boolean {
  if (u.disabled || u.orgId !== s.orgId) return false;
  return s.encounter ? permissionsFor(actorOfUser(u), s.encounter).view : true;
}
