/** User queries. Every function takes orgId first: no query reaches another organisation. */
import type { Collections, UserDoc } from '../db/collections';

export const findUser = (c: Collections, orgId: string, id: string) => c.users.findOne({ _id: id, orgId });

export const listUsers = (c: Collections, orgId: string) => c.users.find({ orgId }).sort({ name: 1 }).toArray();

export async function findUsersByIds(c: Collections, orgId: string, ids: string[]): Promise<UserDoc[]> {
  return ids.length === 0 ? [] : c.users.find({ orgId, _id: { $in: ids } }).toArray();
}

/**
 * An email is unique within an organisation, not across them (one person may code for two
 * organisations), so an admin creating a user never learns whether another organisation has
 * that email. Sign-in looks up every account with the email, oldest first.
 */
export const findUsersByEmail = (c: Collections, email: string) => c.users.find({ email }).sort({ createdAt: 1, _id: 1 }).limit(20).toArray();

export const findUserByEmailInOrg = (c: Collections, orgId: string, email: string) => c.users.findOne({ orgId, email });
