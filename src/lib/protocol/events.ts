/**
 * The Socket.IO protocol: every event name, its payload schema (client → server) and its
 * acknowledgement data, and the events the server sends. Both sides type their sockets with
 * these maps (`Socket<ServerToClientEvents, ClientToServerEvents>` in the browser).
 *
 * Invariants:
 * - Names are `resource.verb`. Every client event takes (payload, ack) and is answered with
 *   `Ack<T>` = `{ok:true,data}` | `{ok:false,error:{code,message,field?,details?}}`; an
 *   unknown event, a malformed or oversized payload, an unknown or other organisation's id,
 *   or an event for a scope the socket has not joined gets a negative ack, nothing is written
 *   and the socket stays connected.
 * - The wire encoding is MessagePack (socket.io-msgpack-parser) on both ends.
 * - Room broadcasts carry no per-viewer data; a change of one user's permissions is sent to
 *   that user alone (`encounters.access`, `encounters.left`).
 * - Error codes a UI acts on: `invalid_input` (with field), `not_found`, `forbidden`,
 *   `not_joined`, `rate_limited` (details.retryAfterMs), `phi_suspected` (details.candidates:
 *   PhiCandidateDto[]; resend with `confirmedNotPhi` naming the texts that are not
 *   identifiers, or edit them out), `mention_not_permitted` (details.users: who may not view,
 *   details.canShare: whether the sender may share the encounter with them), `conflict`,
 *   `unauthenticated` (the socket is then closed).
 */
import type { z } from 'zod';
import type { Ack } from './errors';
import type { EncounterDto, Permissions } from './encounter-responses';
import type {
  CatchUpDto, PersonDto, PhiCandidateDto, Scope, TimelineEntryDto, WriteResultDto,
  catchUpEncounterSchema, catchUpForumSchema, createMessageSchema, createThreadSchema, deleteMessageSchema,
  editMessageSchema, focusSchema, joinEncounterSchema, joinForumSchema, mentionCandidatesSchema, reactSchema,
  resolveThreadSchema, typingSchema
} from './threads';
import type { NotificationDto, NotificationPageDto, listNotificationsSchema, markAllReadSchema, markReadSchema } from './notifications';
import type { PresenceDto, PresenceFocusEvent, PresenceJoinedEvent, PresenceLeftEvent, TypingEvent } from './presence';

export type { PhiCandidateDto };

/** Answer of `encounters.join` / `forum.join`. */
export interface JoinedDto {
  scope: Scope;
  /** seq of the newest timeline entry when you joined (up to a second old): page `…catchUp` from your last seq (or 0) until hasMore is false. */
  latestSeq: number;
  presence: PresenceDto[];
  /** Encounters: the revision the room is at; reload the encounter (REST) if yours is older. */
  encounterRevision: number | null;
}

/** The encounter as every member of its room sees it: the REST shape without per-viewer permissions. */
export type LiveEncounterDto = Omit<EncounterDto, 'permissions'> & { revision: number };
export const ENCOUNTER_PARTS = ['meta', 'patient', 'documents', 'codeLines', 'flags', 'sharing', 'forum', 'status'] as const;
export type EncounterPart = (typeof ENCOUNTER_PARTS)[number];

export interface EncounterChangedEvent {
  encounterId: string;
  /** What changed in this revision (a UI may refresh only those panels). */
  parts: EncounterPart[];
  by: PersonDto;
  encounter: LiveEncounterDto;
}

/** Common part of the quality notices (resolutions, reviews, double coding): which encounter, who acted. */
export interface QualityChangedEvent { encounterId: string; by: PersonDto }

export type LeftReason = 'access-revoked' | 'role-changed' | 'unpublished' | 'left';

type Handler<S extends z.ZodType, T> = (payload: z.input<S>, ack: (r: Ack<T>) => void) => void;
type Empty = Record<string, never>;

export interface ClientToServerEvents {
  'session.whoami': (payload: Empty, ack: (r: Ack<{ userId: string; role: string; name: string }>) => void) => void;

  'encounters.join': Handler<typeof joinEncounterSchema, JoinedDto>;
  'encounters.leave': Handler<typeof joinEncounterSchema, Empty>;
  'encounters.catchUp': Handler<typeof catchUpEncounterSchema, CatchUpDto>;
  'forum.join': Handler<typeof joinForumSchema, JoinedDto>;
  'forum.leave': Handler<typeof joinForumSchema, Empty>;
  'forum.catchUp': Handler<typeof catchUpForumSchema, CatchUpDto>;

  /** Creates a thread (and its first message), or for a flag anchor opens the flag's existing thread. */
  'threads.create': Handler<typeof createThreadSchema, WriteResultDto & { threadId: string; message: WriteResultDto | null }>;
  'threads.resolve': Handler<typeof resolveThreadSchema, WriteResultDto>;
  'threads.reopen': Handler<typeof resolveThreadSchema, WriteResultDto>;
  'messages.create': Handler<typeof createMessageSchema, WriteResultDto>;
  'messages.edit': Handler<typeof editMessageSchema, WriteResultDto>;
  'messages.delete': Handler<typeof deleteMessageSchema, WriteResultDto>;
  'reactions.set': Handler<typeof reactSchema, WriteResultDto>;

  /** Volatile; the ack is optional (rate_limited when sent too often). */
  'typing.start': Handler<typeof typingSchema, Empty>;
  'presence.focus': Handler<typeof focusSchema, Empty>;
  /** People who may view the scope, for @mention autocomplete. */
  'mentions.candidates': Handler<typeof mentionCandidatesSchema, { id: string; name: string; role: string }[]>;

  'notifications.list': Handler<typeof listNotificationsSchema, NotificationPageDto>;
  'notifications.read': Handler<typeof markReadSchema, { unread: number }>;
  'notifications.readAll': Handler<typeof markAllReadSchema, { unread: number }>;
}

export interface ServerToClientEvents {
  /** A new entry of a joined scope's timeline (apply with applyEntry; catch up on a gap). */
  'timeline.appended': (e: { scope: Scope; entry: TimelineEntryDto }) => void;
  'encounters.changed': (e: EncounterChangedEvent) => void;
  /** To one user: their permissions on an encounter changed (still allowed to view). */
  'encounters.access': (e: { encounterId: string; permissions: Permissions }) => void;
  /** To one socket: it was removed from the encounter room. */
  'encounters.left': (e: { encounterId: string; reason: LeftReason }) => void;
  'forum.left': (e: { postId: string; reason: LeftReason }) => void;
  'presence.joined': (e: PresenceJoinedEvent) => void;
  'presence.left': (e: PresenceLeftEvent) => void;
  'presence.focus': (e: PresenceFocusEvent) => void;
  'typing.started': (e: TypingEvent) => void;
  'notifications.created': (e: { notification: NotificationDto; unread: number }) => void;
  /** Another tab of this user marked notifications read. */
  'notifications.read': (e: { ids: string[] | 'all'; unread: number }) => void;
  /** To the encounter room: a resolution landed or was reopened (re-read GET /api/encounters/:id/resolutions). */
  'resolutions.changed': (e: QualityChangedEvent & { resolutionId: string; change: 'created' | 'reopened' }) => void;
  /** To the encounter room: a mentor review was requested or changed state (re-read its reviews). */
  'reviews.changed': (e: QualityChangedEvent & { reviewId: string; state: string }) => void;
  /** To the session's two parties and admins in the room: progress of a blind double coding (never its lines). */
  'double-coding.changed': (e: QualityChangedEvent & { sessionId: string; coderSubmitted: boolean; seniorSubmitted: boolean }) => void;
  'session.updated': (e: { userId: string; role: string; name: string; teamIds: string[] }) => void;
  'session.ended': (e: { reason: 'signed-out' | 'disabled' | 'password-changed' | 'expired' }) => void;
}

export type ClientEventName = keyof ClientToServerEvents;
export type ServerEventName = keyof ServerToClientEvents;
