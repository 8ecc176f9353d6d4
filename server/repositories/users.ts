/** User queries. Every function takes orgId first: no query reaches another organisation. */
import type { Collections, UserDoc } from '../db/collections';

export const findUser = (c: Collections, orgId: string, id: string) => c.users.findOne({ _id: id, orgId });

export const listUsers = (c: Collections, orgId: string) => c.users.find({ orgId }).sort({ name: 1 }).toArray();

export async function findUsersByIds(c: Collections, orgId: string, ids: string[]): Promise<UserDoc[]> {
  return ids.length === 0 ? [] : c.users.find({ orgId, _id: { $in: ids } }).toArray();
}

/** Sign-in looks a user up by email alone: emails are unique across organisations. */
export const findUserByEmail = (c: Collections, email: string) => c.users.findOne({ email });
