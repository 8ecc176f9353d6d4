/** Who may manage accounts: admins of the same organisation; everyone may read their own. */
import type { Actor } from '../context';
import { forbidden } from '../errors';

export function canManageAccounts(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function authorizeManageAccounts(actor: Actor): void {
  if (!canManageAccounts(actor)) throw forbidden('Only an organisation admin may manage users and teams');
}
