import type { OrgDoc, TeamDoc, UserDoc } from '../db/collections';
import type { OrgDto, TeamDto, UserDto } from '../../src/lib/protocol/accounts';

export function presentUser(u: UserDoc): UserDto {
  return { id: u._id, email: u.email, name: u.name, role: u.role, teamIds: u.teamIds, disabled: u.disabled, createdAt: u.createdAt.toISOString() };
}

export function presentTeam(t: TeamDoc, memberCount: number): TeamDto {
  return { id: t._id, name: t.name, memberCount, createdAt: t.createdAt.toISOString() };
}

export function presentOrg(o: OrgDoc): OrgDto {
  return { id: o._id, name: o.name };
}
