/** All indexes in one place, created at start (idempotent). Only plain and unique indexes:
 * FerretDB on SQLite supports those, and they behave the same on MongoDB. */
import type { Collections } from './collections';

export async function ensureIndexes(c: Collections): Promise<void> {
  // Emails were unique across organisations; now within one (repositories/users.ts says why).
  await c.users.dropIndex('email_unique').catch(() => { /* already gone, or a new database */ });
  await Promise.all([
    c.users.createIndex({ orgId: 1, email: 1 }, { unique: true, name: 'org_email_unique' }),
    c.users.createIndex({ email: 1 }, { name: 'email' }),
    c.users.createIndex({ orgId: 1, name: 1 }, { name: 'org_name' }),
    c.teams.createIndex({ orgId: 1, name: 1 }, { unique: true, name: 'org_team_unique' }),
    c.sessions.createIndex({ userId: 1 }, { name: 'user' }),
    c.sessions.createIndex({ expiresAt: 1 }, { name: 'expires' }),
    c.audit.createIndex({ orgId: 1, at: -1 }, { name: 'org_time' }),
    c.encounters.createIndex({ orgId: 1, ownerId: 1, updatedAt: -1 }, { name: 'org_owner' }),
    c.encounters.createIndex({ orgId: 1, sharedUserIds: 1 }, { name: 'org_shared_users' }),
    c.encounters.createIndex({ orgId: 1, sharedTeamIds: 1 }, { name: 'org_shared_teams' }),
    c.encounters.createIndex({ orgId: 1, ownerTeamIds: 1 }, { name: 'org_owner_teams' }),
    c.encounters.createIndex({ importKey: 1 }, { unique: true, sparse: true, name: 'import_key_unique' }), // sparse: only imported encounters have one
    c.forumPosts.createIndex({ orgId: 1, publishedAt: -1 }, { name: 'org_published' }),
    c.forumPosts.createIndex({ encounterId: 1 }, { name: 'encounter' }),
    // Threads: the timeline's numbers are claimed by these unique (room, seq) inserts (server/db/storage).
    c.timeline.createIndex({ room: 1, seq: 1 }, { unique: true, name: 'room_seq_unique' }),
    c.timeline.createIndex({ threadId: 1 }, { name: 'thread' }),
    c.threads.createIndex({ room: 1 }, { name: 'room' }),
    c.notifications.createIndex({ userId: 1, at: -1 }, { name: 'user_time' }),
    c.notificationReads.createIndex({ userId: 1 }, { name: 'user' }),
    // Live code sets (server/collab/store.ts): the log's numbers and the snapshots' claims.
    c.collabUpdates.createIndex({ docId: 1, seq: 1 }, { unique: true, name: 'doc_seq_unique' }),
    c.collabSnapshots.createIndex({ docId: 1, upToSeq: 1 }, { unique: true, name: 'doc_upto_unique' }),
    c.collabVersions.createIndex({ docId: 1, at: -1 }, { name: 'doc_time' })
  ]);
}
