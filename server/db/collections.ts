/**
 * Typed collections. Ids are UUID strings (not ObjectIds) so that DTOs, URLs and socket rooms
 * use one form. Every document that belongs to an organisation carries orgId, and every
 * repository query filters by it.
 */
import type { Binary, Collection, Db } from 'mongodb';
import type {
  CodeLine, EncounterDocument, EncounterStatus, FlagAnchor, FlagCategory, PatientInput, Setting
} from '../../src/lib/protocol/encounters';
import type { MessageRef, Reaction, ThreadAnchor, TimelineKind } from '../../src/lib/protocol/threads';
import type { NotificationKind } from '../../src/lib/protocol/notifications';

export type Role = 'coder' | 'senior' | 'admin';

export interface OrgDoc { _id: string; name: string; createdAt: Date }
export interface TeamDoc { _id: string; orgId: string; name: string; createdAt: Date; revision?: number }
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
  revision?: number;
}
/** _id is an HMAC of the cookie token, so a copy of this collection cannot be replayed. */
export interface SessionDoc { _id: string; userId: string; orgId: string; createdAt: Date; expiresAt: Date; address: string }
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

export interface FlagDoc {
  id: string;
  category: FlagCategory;
  question: string;
  status: 'open' | 'in-discussion' | 'resolved';
  anchor: FlagAnchor | null;
  createdById: string;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * One encounter with its PHI. status, categories, codes and shared are derived from flags,
 * code lines and sharing on every write, so that queues can filter on them with plain queries.
 */
export interface EncounterDoc {
  _id: string;
  orgId: string;
  ownerId: string;
  ownerName: string;
  /** The owner's teams when the encounter was created: seniors of these teams see it once shared. */
  ownerTeamIds: string[];
  title: string;
  setting: Setting;
  dateOfService: string;
  specialty: string;
  payerClass: string | null;
  patient: PatientInput;
  documents: EncounterDocument[];
  codeLines: CodeLine[];
  flags: FlagDoc[];
  sharedUserIds: string[];
  sharedTeamIds: string[];
  forumPostId: string | null;
  status: EncounterStatus;
  categories: FlagCategory[];
  codes: string[];
  shared: boolean;
  /** Imported encounters only (absent, never null): `orgId:key:<source key>` or `orgId:sha256:<content>`; unique. */
  importKey?: string;
  createdAt: Date;
  updatedAt: Date;
  /** Bumped by every change (server/db/storage); the claim of each revision is unique. */
  revision?: number;
  /** A locked code set is read-only for everyone in the live editor (set by resolution). */
  codeSetLocked?: boolean;
}

/** One accepted Yjs update of an encounter's live code set (server/collab/store.ts). */
export interface CollabUpdateDoc { _id: string; docId: string; seq: number; update: Binary; at: Date; byId: string | null; byName: string | null }
/** The merged state of a code-set document up to and including log entry upToSeq; _id `docId:upToSeq`. */
export interface CollabSnapshotDoc { _id: string; docId: string; upToSeq: number; state: Binary; at: Date }
/** A version of a code set for history: its lines and rationale as plain values, with authors. */
export interface CollabVersionDoc {
  _id: string; docId: string; orgId: string; at: Date;
  authors: { id: string; name: string }[];
  label: string;
  lines: unknown[];
  rationale: string;
}

/** The de-identified copy that forum readers get; it never holds the original text. */
export interface ForumPostDoc {
  _id: string;
  orgId: string;
  encounterId: string;
  title: string;
  setting: Setting;
  dateOfService: string;
  specialty: string;
  patient: { sex?: string; ageBand?: string };
  documents: EncounterDocument[];
  codeLines: CodeLine[];
  flags: Omit<FlagDoc, 'createdById' | 'createdByName'>[];
  status: EncounterStatus;
  categories: FlagCategory[];
  codes: string[];
  publishedById: string;
  publishedByName: string;
  publishedAt: Date;
  redactions: Record<string, number>;
  /** How dates were de-identified (shift stays inside this fiscal year); absent on older posts. */
  dates?: { mode: 'year-only' | 'shift'; fiscalYear: number };
}

/** An organisation's uploaded CPT descriptions, replaced whole by each upload. */
export interface CptListDoc { _id: string; entries: { code: string; description: string }[]; uploadedAt: Date; revision?: number }

/**
 * A discussion thread: written once (insert, unique _id) and never changed; its state (resolved,
 * messages) is the fold of its timeline entries. `room` is `encounter:<id>` or `forum:<postId>`.
 */
export interface ThreadDoc {
  _id: string;
  orgId: string;
  room: string;
  encounterId: string | null;
  postId: string | null;
  anchor: ThreadAnchor;
  title: string | null;
  createdById: string;
  createdByName: string;
  createdAt: Date;
}

/**
 * One entry of a room's timeline (server/db/storage sequencedLog on `room`): a thread opened, a
 * message (its _id is the message id), an edit, a delete, a reaction, a resolve or reopen.
 * Insert-only; `seq` is unique per room. _id is `<userId>:<clientId>` (or `thread:<threadId>`).
 */
export interface TimelineDoc {
  _id: string;
  room: string;
  seq: number;
  orgId: string;
  kind: TimelineKind;
  threadId: string;
  at: Date;
  byId: string;
  byName: string;
  anchor?: ThreadAnchor;
  title?: string | null;
  body?: string;
  refs?: MessageRef[];
  mentions?: { id: string; name: string }[];
  messageId?: string;
  reaction?: Reaction;
  on?: boolean;
}

/** A stored notification (insert-only; _id derived from what it is about, so a retry adds none). */
export interface NotificationDoc {
  _id: string;
  orgId: string;
  userId: string;
  kind: NotificationKind;
  at: Date;
  byId: string;
  byName: string;
  encounterId: string | null;
  postId: string | null;
  threadId: string | null;
  messageId: string | null;
  text: string;
}

/** A read mark: one notification (notificationId), or everything before allBefore. Insert-only. */
export interface NotificationReadDoc { _id: string; userId: string; notificationId: string | null; allBefore: Date | null; at: Date }

export interface Collections {
  orgs: Collection<OrgDoc>;
  teams: Collection<TeamDoc>;
  users: Collection<UserDoc>;
  sessions: Collection<SessionDoc>;
  audit: Collection<AuditDoc>;
  encounters: Collection<EncounterDoc>;
  forumPosts: Collection<ForumPostDoc>;
  cptLists: Collection<CptListDoc>;
  threads: Collection<ThreadDoc>;
  timeline: Collection<TimelineDoc>;
  notifications: Collection<NotificationDoc>;
  notificationReads: Collection<NotificationReadDoc>;
  collabUpdates: Collection<CollabUpdateDoc>;
  collabSnapshots: Collection<CollabSnapshotDoc>;
  collabVersions: Collection<CollabVersionDoc>;
}

export function collections(db: Db): Collections {
  return {
    orgs: db.collection<OrgDoc>('orgs'),
    teams: db.collection<TeamDoc>('teams'),
    users: db.collection<UserDoc>('users'),
    sessions: db.collection<SessionDoc>('sessions'),
    audit: db.collection<AuditDoc>('audit'),
    encounters: db.collection<EncounterDoc>('encounters'),
    forumPosts: db.collection<ForumPostDoc>('forum_posts'),
    cptLists: db.collection<CptListDoc>('cpt_lists'),
    threads: db.collection<ThreadDoc>('threads'),
    timeline: db.collection<TimelineDoc>('thread_timeline'),
    notifications: db.collection<NotificationDoc>('notifications'),
    notificationReads: db.collection<NotificationReadDoc>('notification_reads'),
    collabUpdates: db.collection<CollabUpdateDoc>('collab_updates'),
    collabSnapshots: db.collection<CollabSnapshotDoc>('collab_snapshots'),
    collabVersions: db.collection<CollabVersionDoc>('collab_versions')
  };
}
