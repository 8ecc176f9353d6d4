/**
 * Discussion threads: requests (zod) and the timeline entries the server sends, shared by
 * browser and server.
 *
 * Invariants of the protocol:
 * - Every change to a discussion (thread opened, message, edit, delete, reaction, resolve,
 *   reopen) is one entry of its scope's timeline (an encounter, or a forum post), numbered by
 *   the server with `seq` (1, 2, 3 ... per scope; a number may be skipped after a failed write,
 *   never reused). Every client, on every server, sees the same entries in the same order.
 * - A write is acknowledged and broadcast only after it has landed in the database.
 * - Every write carries the client's own `clientId` (a UUID made once per user action and kept
 *   across retries): a retried send is stored once and acknowledged with the stored entry and
 *   `duplicate: true`.
 * - The state of a thread is `foldTimeline(entries)` (timeline.ts), the same function on both
 *   sides, so a client that applied entries 1..n and then asks for "after n" ends up exactly
 *   where a fresh client does.
 * - Times are ISO strings (Date objects do not survive the Redis adapter's encoding).
 * - Message bodies are Markdown source; the browser renders them with marked + DOMPurify.
 */
import { z } from 'zod';

export const THREAD_LIMITS = {
  /** Characters of Markdown source in one message (the UI shows the count against this). */
  body: 10_000,
  quote: 2_000,
  mentions: 20,
  /** Entries per catch-up page. */
  catchUpPage: 200,
  /** Messages a socket may create per window (rate limit). */
  messagesPerWindow: 30,
  messageWindowMs: 10_000,
  /** Typing notices a socket may send per window (more are refused with rate_limited). */
  typingPerWindow: 10,
  typingWindowMs: 5_000,
  /** A thread's title (optional; the UI shows the anchor otherwise). */
  title: 200
} as const;

export const REACTIONS = ['agree', 'disagree', 'plus-one'] as const;
export type Reaction = (typeof REACTIONS)[number];

const id = z.string().uuid('must be an id');
const clientId = z.string().uuid('must be a UUID made by the client');

/** Where a discussion lives: an encounter (its team), or a forum post (the whole organisation). */
export const scopeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('encounter'), encounterId: id }).strict(),
  z.object({ type: z.literal('forum'), postId: id }).strict()
]);
export type Scope = z.infer<typeof scopeSchema>;
/** The room (and timeline) key of a scope: `encounter:<id>` or `forum:<postId>`. */
export const roomOf = (s: Scope) => (s.type === 'encounter' ? `encounter:${s.encounterId}` : `forum:${s.postId}`);

/**
 * What a thread is about. `text`: a passage of a documentation section (checked like flag
 * anchors: the quote must equal the text at the offsets; on the forum, of the de-identified
 * copy). `code-line`: a code line by its stable id. `flag`: a flag (one thread per flag: "Start
 * discussion" opens it, creating it the first time). `whole`: the encounter or post as a whole.
 */
export const threadAnchorSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    documentId: z.string().min(1).max(64),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    quote: z.string().min(1).max(THREAD_LIMITS.quote)
  }).strict(),
  z.object({ type: z.literal('code-line'), codeLineId: z.string().min(1).max(64) }).strict(),
  z.object({ type: z.literal('flag'), flagId: id }).strict(),
  z.object({ type: z.literal('whole') }).strict()
]);
export type ThreadAnchor = z.infer<typeof threadAnchorSchema>;

/** A chip inside a message: a quoted passage or a pointer at a code line (clicking scrolls to it). */
export const messageRefSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('quote'),
    documentId: z.string().min(1).max(64),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    quote: z.string().min(1).max(THREAD_LIMITS.quote)
  }).strict(),
  z.object({ type: z.literal('code-line'), codeLineId: z.string().min(1).max(64) }).strict()
]);
export type MessageRef = z.infer<typeof messageRefSchema>;

const body = z.string().max(THREAD_LIMITS.body, `must be at most ${THREAD_LIMITS.body} characters`)
  .refine((s) => s.trim().length > 0, 'must not be empty');
/** Forum only: candidate texts the author confirmed are not identifiers (audited). */
const confirmedNotPhi = z.array(z.string().min(1).max(200)).max(50).optional();

export const messageInputSchema = z.object({
  body,
  refs: z.array(messageRefSchema).max(5).optional(),
  /** User ids picked from `mentions.candidates`; each must be allowed to view the scope. */
  mentions: z.array(id).max(THREAD_LIMITS.mentions).optional(),
  confirmedNotPhi
}).strict();

// ---------------------------------------------------------------------------------------------
// Client → server payloads (see events.ts for the event names)

export const joinEncounterSchema = z.object({ encounterId: id }).strict();
export const joinForumSchema = z.object({ postId: id }).strict();
const catchUpFields = {
  /** The last seq the client has applied (0 for everything). */
  afterSeq: z.number().int().min(0),
  limit: z.number().int().min(1).max(THREAD_LIMITS.catchUpPage).optional()
};
export const catchUpEncounterSchema = z.object({ encounterId: id, ...catchUpFields }).strict();
export const catchUpForumSchema = z.object({ postId: id, ...catchUpFields }).strict();

export const createThreadSchema = z.object({
  scope: scopeSchema,
  clientId,
  anchor: threadAnchorSchema,
  title: z.string().trim().max(THREAD_LIMITS.title).optional(),
  /** The first message (optional for a flag thread opened by "Start discussion"). */
  message: messageInputSchema.extend({ clientId }).strict().optional()
}).strict();

export const createMessageSchema = messageInputSchema.extend({ threadId: id, clientId }).strict();
export const editMessageSchema = z.object({ messageId: z.string().min(1).max(100), clientId, body, refs: z.array(messageRefSchema).max(5).optional(), confirmedNotPhi }).strict();
export const deleteMessageSchema = z.object({ messageId: z.string().min(1).max(100), clientId }).strict();
export const reactSchema = z.object({ messageId: z.string().min(1).max(100), clientId, reaction: z.enum(REACTIONS), on: z.boolean() }).strict();
export const resolveThreadSchema = z.object({ threadId: id, clientId }).strict();
export const typingSchema = z.object({ scope: scopeSchema, threadId: id }).strict();
export const focusSchema = z.object({ scope: scopeSchema, threadId: id.nullable() }).strict();
export const mentionCandidatesSchema = z.object({ scope: scopeSchema, q: z.string().trim().max(100).optional() }).strict();

export type CreateThreadInput = z.infer<typeof createThreadSchema>;
export type CreateMessageInput = z.infer<typeof createMessageSchema>;
export type EditMessageInput = z.infer<typeof editMessageSchema>;

// ---------------------------------------------------------------------------------------------
// Server → client shapes

export interface PersonDto { id: string; name: string }

interface EntryBase { seq: number; id: string; at: string; by: PersonDto }

/** One timeline entry; `id` is the entry's idempotency key (`<userId>:<clientId>` for writes). */
export type TimelineEntryDto = EntryBase & (
  | { kind: 'thread.opened'; threadId: string; anchor: ThreadAnchor; title: string | null }
  | { kind: 'message.created'; threadId: string; body: string; refs: MessageRef[]; mentions: PersonDto[] }
  | { kind: 'message.edited'; threadId: string; messageId: string; body: string; refs: MessageRef[] }
  | { kind: 'message.deleted'; threadId: string; messageId: string }
  | { kind: 'reaction.set'; threadId: string; messageId: string; reaction: Reaction; on: boolean }
  | { kind: 'thread.resolved'; threadId: string }
  | { kind: 'thread.reopened'; threadId: string }
);
export type TimelineKind = TimelineEntryDto['kind'];

/** Folded state (timeline.ts). A message's id is the id of its `message.created` entry. */
export interface MessageDto {
  id: string;
  threadId: string;
  seq: number;
  author: PersonDto;
  body: string;
  refs: MessageRef[];
  mentions: PersonDto[];
  createdAt: string;
  /** Earlier versions, oldest first (the body above is the current one). */
  history: { body: string; at: string }[];
  editedAt: string | null;
  /** A tombstone: body and history are emptied, the place in the thread stays. */
  deleted: boolean;
  /** Who reacted how: reaction → user ids. */
  reactions: Record<Reaction, string[]>;
}

export interface ThreadDto {
  id: string;
  anchor: ThreadAnchor;
  title: string | null;
  createdBy: PersonDto;
  createdAt: string;
  status: 'open' | 'resolved';
  resolvedBy: PersonDto | null;
  resolvedAt: string | null;
  messages: MessageDto[];
  /** seq of the newest entry that touched this thread. */
  lastSeq: number;
}

/** Acknowledgement data of every timeline write. */
export interface WriteResultDto { entry: TimelineEntryDto; duplicate: boolean }

export interface CatchUpDto {
  entries: TimelineEntryDto[];
  /** Ask again with afterSeq = the last entry's seq while this is true. */
  hasMore: boolean;
}

/** A forum message refused because the detector found possible identifiers in it. */
export interface PhiCandidateDto { type: string; text: string; start: number; end: number; reason: string }
