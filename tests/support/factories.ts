/** Factories with overrides: organisations with users of each role, written through the real database. */
import { randomUUID, randomBytes } from 'node:crypto';
import type { Collections, Role, UserDoc } from '../../server/db/collections';
import { hashPassword } from '../../server/auth/passwords';

export const TEST_PASSWORD = 'correct-horse-battery';
let cachedHash: Promise<string> | undefined;

export interface TestOrg {
  orgId: string;
  teamId: string;
  admin: UserDoc;
  senior: UserDoc;
  coder: UserDoc;
  otherCoder: UserDoc;
}

export async function createUserDoc(c: Collections, orgId: string, overrides: Partial<UserDoc> & { role: Role }): Promise<UserDoc> {
  const now = new Date();
  const user: UserDoc = {
    _id: randomUUID(), orgId, email: `${overrides.role}-${randomBytes(4).toString('hex')}@test.example`,
    name: `Test ${overrides.role}`, teamIds: [], passwordHash: await (cachedHash ??= hashPassword(TEST_PASSWORD)),
    disabled: false, createdAt: now, passwordChangedAt: now, ...overrides
  };
  await c.users.insertOne(user);
  return user;
}

/** An organisation with one team: an admin, a senior and a coder in the team, and a coder outside it. */
export async function createOrg(c: Collections, name = 'Org ' + randomBytes(3).toString('hex')): Promise<TestOrg> {
  const orgId = randomUUID();
  const teamId = randomUUID();
  await c.orgs.insertOne({ _id: orgId, name, createdAt: new Date() });
  await c.teams.insertOne({ _id: teamId, orgId, name: 'Team A', createdAt: new Date() });
  const [admin, senior, coder, otherCoder] = await Promise.all([
    createUserDoc(c, orgId, { role: 'admin', name: 'Ada Admin' }),
    createUserDoc(c, orgId, { role: 'senior', name: 'Sage Senior', teamIds: [teamId] }),
    createUserDoc(c, orgId, { role: 'coder', name: 'Cody Coder', teamIds: [teamId] }),
    createUserDoc(c, orgId, { role: 'coder', name: 'Otto Outsider' })
  ]);
  return { orgId, teamId, admin, senior, coder, otherCoder };
}
