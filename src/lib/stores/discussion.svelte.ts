/**
 * One joined discussion scope (an encounter or a forum post) in the browser: its threads
 * (folded from the timeline with the protocol's own applyEntry), who is here, who types where,
 * and the user's writes that are not acknowledged yet.
 *
 * Invariants:
 * - The thread state is only ever changed by timeline entries from the server (live, catch-up,
 *   or an ack's entry), applied in seq order; applyEntry ignores what was already applied, so
 *   overlapping broadcasts, acks and catch-up pages never double anything.
 * - A live entry past a gap, a join and every reconnect trigger a catch-up from the last seq,
 *   paged while `hasMore` (one at a time).
 * - A message the user wrote is `pending` (shown in a pending style) until its entry arrives;
 *   it is sent through the connection's outbox with one clientId for its whole life.
 */
import { applyEntry, emptyTimeline, needsCatchUp } from '$lib/protocol/timeline';
import type { JoinedDto } from '$lib/protocol/events';
import type { MessageRef, Reaction, Scope, ThreadAnchor, ThreadDto, TimelineEntryDto } from '$lib/protocol/threads';
import type { PresenceDto } from '$lib/protocol/presence';
import { applyPresence, PresenceDuringJoin, type PresenceEvent } from '$lib/protocol/presence-list';
import type { ApiError } from '$lib/protocol/errors';
import { connection } from './connection.svelte';

export interface PendingMessage { clientId: string; threadId: string; body: string; refs: MessageRef[]; at: string }
export interface MessageDraft { body: string; refs?: MessageRef[]; mentions?: string[]; confirmedNotPhi?: string[] }
export type WriteOutcome = { ok: true } | { ok: false; error: ApiError };

const TYPING_SHOWN_MS = 4000;
const TYPING_SEND_EVERY_MS = 2500;
const uuid = () => crypto.randomUUID();
const sameScope = (a: Scope, b: Scope) => (a.type === 'encounter' && b.type === 'encounter' ? a.encounterId === b.encounterId : a.type === 'forum' && b.type === 'forum' && a.postId === b.postId);

export class DiscussionRoom {
  threads = $state.raw<ThreadDto[]>([]);
  presence = $state.raw<PresenceDto[]>([]);
  /** threadId → people typing there now. */
  typing = $state.raw<Record<string, { id: string; name: string }[]>>({});
  pending = $state.raw<PendingMessage[]>([]);
  joined = $state(false);
  /** Set when the server refused the join or removed this socket (the page shows why). */
  refused = $state<ApiError | null>(null);
  openThreadId = $state<string | null>(null);

  private timeline = emptyTimeline();
  private catchingUp: Promise<void> | null = null;
  private again = false;
  private typingUntil = new Map<string, number>();
  private lastTypingSent = new Map<string, number>();
  private typingTimer: ReturnType<typeof setInterval> | null = null;
  private off: (() => void)[] = [];
  private readonly duringJoin = new PresenceDuringJoin();

  constructor(readonly scope: Scope, readonly meId: string, private readonly onJoined?: (j: JoinedDto) => void) {}

  start(): void {
    const io = connection.io;
    const mine = (s: Scope) => sameScope(s, this.scope);
    const on = <A extends unknown[]>(ev: string, fn: (...a: A) => void) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (io as any).on(ev, fn); this.off.push(() => (io as any).off(ev, fn));
    };
    on('timeline.appended', (e: { scope: Scope; entry: TimelineEntryDto }) => { if (mine(e.scope)) this.live(e.entry); });
    const seen = (e: PresenceEvent) => { this.presence = applyPresence(this.presence, e, this.meId); this.duringJoin.saw(e); };
    on('presence.joined', (e: { scope: Scope; user: PresenceDto }) => { if (mine(e.scope)) seen({ kind: 'joined', user: e.user }); });
    on('presence.left', (e: { scope: Scope; userId: string }) => { if (mine(e.scope)) seen({ kind: 'left', userId: e.userId }); });
    on('presence.focus', (e: { scope: Scope; userId: string; threadId: string | null }) => {
      if (mine(e.scope)) seen({ kind: 'focus', userId: e.userId, threadId: e.threadId });
    });
    on('typing.started', (e: { scope: Scope; threadId: string; user: { id: string; name: string } }) => {
      if (!mine(e.scope) || e.user.id === this.meId) return;
      this.typingUntil.set(`${e.threadId} ${e.user.id} ${e.user.name}`, Date.now() + TYPING_SHOWN_MS);
      this.refreshTyping();
    });
    this.off.push(connection.onReconnect(() => this.join()));
    this.typingTimer = setInterval(() => this.refreshTyping(), 1000);
    if (io.connected) void this.join();
  }

  destroy(): void {
    for (const f of this.off) f();
    this.off = [];
    if (this.typingTimer) clearInterval(this.typingTimer);
    if (connection.io.connected) {
      if (this.scope.type === 'encounter') void connection.request('encounters.leave', { encounterId: this.scope.encounterId });
      else void connection.request('forum.leave', { postId: this.scope.postId });
    }
  }

  /** Joins (or rejoins after a reconnect) and catches up from the last applied seq. */
  async join(): Promise<void> {
    this.duringJoin.begin();
    const ack = this.scope.type === 'encounter'
      ? await connection.request('encounters.join', { encounterId: this.scope.encounterId })
      : await connection.request('forum.join', { postId: this.scope.postId });
    if (!ack.ok) {
      this.duringJoin.cancel();
      if (ack.error.code !== 'offline' && ack.error.code !== 'timeout') { this.refused = ack.error; this.joined = false; }
      return;
    }
    this.refused = null;
    // Someone who joined while this join's reply was on its way is in an event, not in the reply's list.
    this.presence = this.duringJoin.settle(ack.data.presence, this.meId);
    this.onJoined?.(ack.data);
    await this.catchUp();
    this.joined = true;
    if (this.openThreadId) void this.focus(this.openThreadId);
  }

  /** The server removed this socket from the room (access revoked, unpublished). */
  removed(reason: string): void {
    this.joined = false;
    this.refused = { code: 'forbidden', message: reason };
  }

  private live(entry: TimelineEntryDto) {
    // Their message has arrived: they are no longer typing it (else "X is typing…" lingers for seconds under the reply).
    if (entry.kind === 'message.created') this.stoppedTyping(entry.threadId, entry.by.id);
    if (needsCatchUp(this.timeline, entry)) { void this.catchUp(); return; }
    if (applyEntry(this.timeline, entry)) this.publish();
  }

  private stoppedTyping(threadId: string, userId: string) {
    let changed = false;
    for (const key of this.typingUntil.keys()) if (key.startsWith(`${threadId} ${userId} `)) { this.typingUntil.delete(key); changed = true; }
    if (changed) this.refreshTyping();
  }

  /** Fetches every entry after the last applied one, page by page; concurrent calls coalesce. */
  catchUp(): Promise<void> {
    if (this.catchingUp) { this.again = true; return this.catchingUp; }
    this.catchingUp = (async () => {
      do {
        this.again = false;
        for (;;) {
          const after = this.timeline.seq;
          const ack = this.scope.type === 'encounter'
            ? await connection.request('encounters.catchUp', { encounterId: this.scope.encounterId, afterSeq: after })
            : await connection.request('forum.catchUp', { postId: this.scope.postId, afterSeq: after });
          if (!ack.ok) return;
          for (const e of ack.data.entries) applyEntry(this.timeline, e);
          this.publish();
          if (!ack.data.hasMore || ack.data.entries.length === 0) break;
        }
      } while (this.again);
    })().finally(() => { this.catchingUp = null; });
    return this.catchingUp;
  }

  private applyAcked(entry: TimelineEntryDto | undefined) {
    if (!entry) return;
    if (needsCatchUp(this.timeline, entry)) void this.catchUp();
    else if (applyEntry(this.timeline, entry)) this.publish();
  }

  /** Copies the folded state into rune state (new objects, so every view of it refreshes). */
  private publish() {
    this.threads = [...this.timeline.threads.values()].map((t) => ({ ...t, messages: t.messages.map((m) => ({ ...m })) }));
    const have = this.timeline.messageThread;
    if (this.pending.some((p) => have.has(`${this.meId}:${p.clientId}`))) this.pending = this.pending.filter((p) => !have.has(`${this.meId}:${p.clientId}`));
  }

  private refreshTyping() {
    const now = Date.now();
    const out: Record<string, { id: string; name: string }[]> = {};
    for (const [key, until] of this.typingUntil) {
      if (until < now) { this.typingUntil.delete(key); continue; }
      const [threadId, id, ...name] = key.split(' ');
      (out[threadId!] ??= []).push({ id: id!, name: name.join(' ') });
    }
    if (JSON.stringify(out) !== JSON.stringify(this.typing)) this.typing = out;
  }

  thread(id: string | null): ThreadDto | undefined { return id ? this.threads.find((t) => t.id === id) : undefined; }
  threadsAnchoredTo(pred: (a: ThreadAnchor) => boolean): ThreadDto[] { return this.threads.filter((t) => pred(t.anchor)); }
  flagThread(flagId: string) { return this.threads.find((t) => t.anchor.type === 'flag' && t.anchor.flagId === flagId); }

  /** Opens a thread in the panel and tells the others (presence.focus). */
  open(threadId: string | null): void {
    this.openThreadId = threadId;
    void this.focus(threadId);
  }
  private async focus(threadId: string | null) {
    if (this.joined || connection.io.connected) await connection.request('presence.focus', { scope: this.scope, threadId });
  }

  /** Creates a thread (a flag anchor opens the flag's existing thread); resolves with its id. */
  async createThread(anchor: ThreadAnchor, first?: MessageDraft, title?: string): Promise<{ ok: true; threadId: string } | { ok: false; error: ApiError }> {
    const ack = await connection.send('threads.create', {
      scope: this.scope, clientId: uuid(), anchor, ...(title ? { title } : {}),
      ...(first ? { message: { clientId: uuid(), ...cleanDraft(first) } } : {})
    });
    if (!ack.ok) return ack;
    this.applyAcked(ack.data.entry);
    this.applyAcked(ack.data.message?.entry);
    return { ok: true, threadId: ack.data.threadId };
  }

  /** Sends a message: pending until its ack (or its broadcast) brings the stored entry. */
  async sendMessage(threadId: string, draft: MessageDraft): Promise<WriteOutcome> {
    const clientId = uuid();
    this.pending = [...this.pending, { clientId, threadId, body: draft.body, refs: draft.refs ?? [], at: new Date().toISOString() }];
    const ack = await connection.send('messages.create', { threadId, clientId, ...cleanDraft(draft) });
    if (!ack.ok) { this.pending = this.pending.filter((p) => p.clientId !== clientId); return ack; }
    this.applyAcked(ack.data.entry);
    return { ok: true };
  }

  async edit(messageId: string, body: string, refs?: MessageRef[], confirmedNotPhi?: string[]): Promise<WriteOutcome> {
    return this.write(connection.send('messages.edit', { messageId, clientId: uuid(), body, ...(refs ? { refs } : {}), ...(confirmedNotPhi?.length ? { confirmedNotPhi } : {}) }));
  }
  remove(messageId: string) { return this.write(connection.send('messages.delete', { messageId, clientId: uuid() })); }
  react(messageId: string, reaction: Reaction, on: boolean) { return this.write(connection.send('reactions.set', { messageId, clientId: uuid(), reaction, on })); }
  resolve(threadId: string, resolved: boolean) {
    return this.write(connection.send(resolved ? 'threads.resolve' : 'threads.reopen', { threadId, clientId: uuid() }));
  }
  private async write(p: Promise<{ ok: true; data: { entry: TimelineEntryDto } } | { ok: false; error: ApiError }>): Promise<WriteOutcome> {
    const ack = await p;
    if (!ack.ok) return ack;
    this.applyAcked(ack.data.entry);
    return { ok: true };
  }

  /** Tells the others this user types in a thread; throttled well under the server's rate limit. */
  typingIn(threadId: string): void {
    const now = Date.now();
    if (now - (this.lastTypingSent.get(threadId) ?? 0) < TYPING_SEND_EVERY_MS || !connection.io.connected) return;
    this.lastTypingSent.set(threadId, now);
    connection.io.emit('typing.start', { scope: this.scope, threadId }, () => undefined);
  }
}

function cleanDraft(d: MessageDraft) {
  return {
    body: d.body,
    ...(d.refs?.length ? { refs: d.refs } : {}),
    ...(d.mentions?.length ? { mentions: d.mentions } : {}),
    ...(d.confirmedNotPhi?.length ? { confirmedNotPhi: d.confirmedNotPhi } : {})
  };
}

/** The discussion the open encounter page shows, for components outside the thread panel. */
export const currentDiscussion = $state<{ room: DiscussionRoom | null }>({ room: null });

/** Threads anchored to a code line (by its stable id) in the open encounter; reactive. */
export function threadCountFor(codeLineId: string): number {
  return currentDiscussion.room?.threads.filter((t) => t.anchor.type === 'code-line' && t.anchor.codeLineId === codeLineId).length ?? 0;
}

/** Opens the first thread on a code line, or a new-thread composer for it (the panel shows it). */
export function discussCodeLine(codeLineId: string): void {
  const room = currentDiscussion.room;
  if (!room) return;
  const t = room.threads.find((x) => x.anchor.type === 'code-line' && x.anchor.codeLineId === codeLineId);
  if (t) { room.open(t.id); return; }
  // The composer for a new thread shows only while no thread is open.
  room.open(null);
  newThreadRequest.anchor = { type: 'code-line', codeLineId };
}

/** A request to start a thread on an anchor (the panel picks it up and shows its composer). */
export const newThreadRequest = $state<{ anchor: ThreadAnchor | null; quote?: string }>({ anchor: null });
