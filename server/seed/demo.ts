/**
 * First-run demo data: one organisation with an admin, a senior coder and two coders (their
 * logins are in the README). Runs only when the database has no organisation at all, so it
 * never touches a database that is in use.
 */
import { randomUUID } from 'node:crypto';
import type { Collections, Role, UserDoc } from '../db/collections';
import { hashPassword } from '../auth/passwords';
import type { Logger } from '../log';

export const DEMO_PASSWORD = 'graycase-demo';
export const DEMO_USERS: { email: string; name: string; role: Role; team: 'inpatient' | 'outpatient' | null }[] = [
  { email: 'admin@lakeside.demo', name: 'Avery Admin', role: 'admin', team: null },
  { email: 'senior@lakeside.demo', name: 'Sam Senior', role: 'senior', team: 'inpatient' },
  { email: 'coder1@lakeside.demo', name: 'Casey Coder', role: 'coder', team: 'inpatient' },
  { email: 'coder2@lakeside.demo', name: 'Jordan Coder', role: 'coder', team: 'outpatient' }
];

/** Features add their demo data (encounters, ...) through hooks that run after the users exist. */
export type DemoSeedHook = (c: Collections, org: { orgId: string; users: UserDoc[] }) => Promise<void>;

export async function seedDemoIfEmpty(c: Collections, log: Logger, hooks: DemoSeedHook[] = []): Promise<boolean> {
  if ((await c.orgs.countDocuments({}, { limit: 1 })) > 0) return false;
  const orgId = randomUUID();
  const now = new Date();
  const teams = { inpatient: randomUUID(), outpatient: randomUUID() };
  await c.orgs.insertOne({ _id: orgId, name: 'Lakeside Health (demo)', createdAt: now });
  await c.teams.insertMany([
    { _id: teams.inpatient, orgId, name: 'Inpatient coding', createdAt: now },
    { _id: teams.outpatient, orgId, name: 'Outpatient and pro fee', createdAt: now }
  ]);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users: UserDoc[] = DEMO_USERS.map((u) => ({
    _id: randomUUID(), orgId, email: u.email, name: u.name, role: u.role,
    teamIds: u.team ? [teams[u.team]] : [], passwordHash, disabled: false, createdAt: now, passwordChangedAt: now
  }));
  await c.users.insertMany(users);
  for (const hook of hooks) await hook(c, { orgId, users });
  log.info({ users: DEMO_USERS.map((u) => u.email) }, `seeded the demo organisation (password "${DEMO_PASSWORD}")`);
  return true;
}
