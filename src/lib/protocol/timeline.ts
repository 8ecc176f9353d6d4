/**
 * The state of a scope's threads as a pure function of its timeline entries. The server
 * folds the same way when it needs a thread's state, so both sides agree by construction.
 *
 * Applying is idempotent and in seq order: an entry whose seq is at or below what the state
 * has already seen is ignored, so overlapping live broadcasts and catch-up pages never double
 * anything. `needsCatchUp` tells a client when a live entry arrived past a gap.
 */
import type { MessageDto, ThreadDto, TimelineEntryDto } from './threads';

export interface TimelineState {
  /** The highest seq applied. */
  seq: number;
  threads: Map<string, ThreadDto>;
  /** message id → thread id */
  messageThread: Map<string, string>;
}

export const emptyTimeline = (): TimelineState => ({ seq: 0, threads: new Map(), messageThread: new Map() });

/** True when a live entry is not the next one: ask `threads.catchUp` with afterSeq = state.seq first. */
export const needsCatchUp = (state: TimelineState, entry: TimelineEntryDto) => entry.seq > state.seq + 1;

function findMessage(state: TimelineState, threadId: string, messageId: string): MessageDto | undefined {
  return state.threads.get(threadId)?.messages.find((m) => m.id === messageId);
}

/** Applies one entry in place; returns false when it was already applied (seq not newer). */
export function applyEntry(state: TimelineState, e: TimelineEntryDto): boolean {
  if (e.seq <= state.seq) return false;
  state.seq = e.seq;
  const thread = state.threads.get(e.threadId);
  switch (e.kind) {
    case 'thread.opened':
      if (!thread) {
        state.threads.set(e.threadId, {
          id: e.threadId, anchor: e.anchor, title: e.title, createdBy: e.by, createdAt: e.at,
          status: 'open', resolvedBy: null, resolvedAt: null, messages: [], lastSeq: e.seq
        });
      }
      return true;
    case 'message.created':
      if (!thread) return true;
      thread.messages.push({
        id: e.id, threadId: e.threadId, seq: e.seq, author: e.by, body: e.body, refs: e.refs, mentions: e.mentions,
        createdAt: e.at, history: [], editedAt: null, deleted: false, reactions: { agree: [], disagree: [], 'plus-one': [] }
      });
      state.messageThread.set(e.id, e.threadId);
      break;
    case 'message.edited': {
      const m = findMessage(state, e.threadId, e.messageId);
      if (!m || m.deleted) return true;
      m.history.push({ body: m.body, at: m.editedAt ?? m.createdAt });
      m.body = e.body;
      m.refs = e.refs;
      m.editedAt = e.at;
      break;
    }
    case 'message.deleted': {
      const m = findMessage(state, e.threadId, e.messageId);
      if (!m) return true;
      Object.assign(m, { deleted: true, body: '', refs: [], history: [], mentions: [] });
      break;
    }
    case 'reaction.set': {
      const m = findMessage(state, e.threadId, e.messageId);
      if (!m || m.deleted) return true;
      const who = m.reactions[e.reaction].filter((u) => u !== e.by.id);
      m.reactions[e.reaction] = e.on ? [...who, e.by.id] : who;
      break;
    }
    case 'thread.resolved':
      if (!thread) return true;
      Object.assign(thread, { status: 'resolved', resolvedBy: e.by, resolvedAt: e.at });
      break;
    case 'thread.reopened':
      if (!thread) return true;
      Object.assign(thread, { status: 'open', resolvedBy: null, resolvedAt: null });
      break;
  }
  if (thread) thread.lastSeq = e.seq;
  return true;
}

/** Folds entries (any order, duplicates allowed) into a state. */
export function foldTimeline(entries: TimelineEntryDto[], state: TimelineState = emptyTimeline()): TimelineState {
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) applyEntry(state, e);
  return state;
}
