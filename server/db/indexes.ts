/** All indexes in one place, created at start (idempotent). Only plain and unique indexes:
 * FerretDB on SQLite supports those, and they behave the same on MongoDB. */
import type { Collections } from './collections';

export async function ensureIndexes(c: Collections): Promise<void> {
  await Promise.all([
    c.users.createIndex({ email: 1 }, { unique: true, name: 'email_unique' }),
    c.users.createIndex({ orgId: 1, name: 1 }, { name: 'org_name' }),
    c.teams.createIndex({ orgId: 1, name: 1 }, { unique: true, name: 'org_team_unique' }),
    c.sessions.createIndex({ userId: 1 }, { name: 'user' }),
    c.sessions.createIndex({ expiresAt: 1 }, { name: 'expires' }),
    c.audit.createIndex({ orgId: 1, at: -1 }, { name: 'org_time' })
  ]);
}
