/**
 * Typed collections. Ids are UUID strings (not ObjectIds) so that DTOs, URLs and socket rooms
 * use one form. Every document that belongs to an organisation carries orgId, and every
 * repository query filters by it.
 */
import type { Collection, Db } from 'mongodb';

export type Role = 'coder' | 'senior' | 'admin';

export interface OrgDoc { _id: string; name: string; createdAt: Date }
export interface TeamDoc { _id: string; orgId: string; name: string; createdAt: Date }
export interface UserDoc {
  _id: string;
  orgId: string;
  email: string;
  name: string;
  role: Role;
  teamIds: string[];
  passwordHash: string;
  disabled: boolean;
  createdAt: Date;
  passwordChangedAt: Date;
}
/** _id is an HMAC of the cookie token, so a copy of this collection cannot be replayed. */
export interface SessionDoc { _id: string; userId: string; orgId: string; createdAt: Date; expiresAt: Date; address: string }
export interface AttemptDoc { _id: string; count: number; windowStart: Date }
export interface AuditDoc {
  _id: string;
  orgId: string;
  actorId: string;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string;
  at: Date;
  address: string;
  details?: Record<string, unknown>;
}

export interface Collections {
  orgs: Collection<OrgDoc>;
  teams: Collection<TeamDoc>;
  users: Collection<UserDoc>;
  sessions: Collection<SessionDoc>;
  loginAttempts: Collection<AttemptDoc>;
  audit: Collection<AuditDoc>;
}

export function collections(db: Db): Collections {
  return {
    orgs: db.collection<OrgDoc>('orgs'),
    teams: db.collection<TeamDoc>('teams'),
    users: db.collection<UserDoc>('users'),
    sessions: db.collection<SessionDoc>('sessions'),
    loginAttempts: db.collection<AttemptDoc>('login_attempts'),
    audit: db.collection<AuditDoc>('audit')
  };
}
