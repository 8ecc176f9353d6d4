import type { Collections } from '../db/collections';

export const findTeam = (c: Collections, orgId: string, id: string) => c.teams.findOne({ _id: id, orgId });
export const listTeams = (c: Collections, orgId: string) => c.teams.find({ orgId }).sort({ name: 1 }).toArray();

export async function teamsExist(c: Collections, orgId: string, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  const unique = [...new Set(ids)];
  return (await c.teams.countDocuments({ orgId, _id: { $in: unique } })) === unique.length;
}

export async function memberCounts(c: Collections, orgId: string): Promise<Map<string, number>> {
  const users = await c.users.find({ orgId }, { projection: { teamIds: 1 } }).toArray();
  const counts = new Map<string, number>();
  for (const u of users) for (const t of u.teamIds) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
