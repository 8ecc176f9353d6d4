/** Timeline documents → TimelineEntryDto (every field listed; Dates become ISO strings). */
import type { TimelineDoc } from '../db/collections';
import type { Scope, TimelineEntryDto } from '../../src/lib/protocol/threads';

export function presentEntry(d: TimelineDoc): TimelineEntryDto {
  // One literal per kind (no spread of a shared base): this runs once per message on the hot
  // path, and the spread version cost several times more.
  const seq = d.seq, id = d._id, at = d.at.toISOString(), by = { id: d.byId, name: d.byName }, threadId = d.threadId;
  switch (d.kind) {
    case 'thread.opened': return { seq, id, at, by, threadId, kind: d.kind, anchor: d.anchor!, title: d.title ?? null };
    case 'message.created': return { seq, id, at, by, threadId, kind: d.kind, body: d.body ?? '', refs: d.refs ?? [], mentions: d.mentions ?? [] };
    case 'message.edited': return { seq, id, at, by, threadId, kind: d.kind, messageId: d.messageId!, body: d.body ?? '', refs: d.refs ?? [] };
    case 'message.deleted': return { seq, id, at, by, threadId, kind: d.kind, messageId: d.messageId! };
    case 'reaction.set': return { seq, id, at, by, threadId, kind: d.kind, messageId: d.messageId!, reaction: d.reaction!, on: d.on ?? true };
    case 'thread.resolved': return { seq, id, at, by, threadId, kind: d.kind };
    case 'thread.reopened': return { seq, id, at, by, threadId, kind: d.kind };
  }
}

/** The scope of a room name (`encounter:<id>` or `forum:<postId>`). */
export function scopeOfRoom(room: string): Scope {
  const [kind, id] = room.split(':') as [string, string];
  return kind === 'forum' ? { type: 'forum', postId: id } : { type: 'encounter', encounterId: id };
}
