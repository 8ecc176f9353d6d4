/** Everything a request handler or socket handler needs, built once at boot. */
import type { Config } from './config';
import type { Database } from './db/client';
import type { Logger } from './log';
import type { AttemptLimiter } from './auth/rate-limit';
import type { EventEmitter } from 'node:events';
import type { SessionEvents, SessionStore } from './auth/sessions';
import type { AuditLog } from './audit/audit-log';
import type { Role } from './db/collections';
import type { AddressOf } from './http/client-address';
import type { CodeSetProvider } from './codes/provider';
import type { CptDescriptions } from './codes/cpt-descriptions';
import type { DomainBus } from './events/bus';

export interface AppContext {
  config: Config;
  log: Logger;
  db: Database;
  sessions: SessionStore;
  /** In-process announcements (ended sessions) that the socket layer acts on. */
  events: EventEmitter<SessionEvents>;
  /** Domain events published by commands after their write (server/events/bus.ts). */
  bus: DomainBus;
  attempts: AttemptLimiter;
  audit: AuditLog;
  codeSets: CodeSetProvider;
  cpt: CptDescriptions;
  version: string;
  /** The client address of a request (honours TRUST_PROXY). */
  addressOf: AddressOf;
}

/** Who is acting. Built from the session, never from a payload. */
export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
  name: string;
  teamIds: string[];
  address: string;
}
