/** The timeline fold shared by browser and server: order, idempotency, edits, tombstones, reactions, gaps. */
import { describe, expect, it } from 'vitest';
import { applyEntry, emptyTimeline, foldTimeline, needsCatchUp } from '../../src/lib/protocol/timeline';
import type { TimelineEntryDto } from '../../src/lib/protocol/threads';

const ana = { id: 'u-ana', name: 'Ana' };
const ben = { id: 'u-ben', name: 'Ben' };
const at = (s: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, s)).toISOString();
const T = 't-1';

const entries: TimelineEntryDto[] = [
  { seq: 1, id: 'thread:t-1', kind: 'thread.opened', threadId: T, anchor: { type: 'whole' }, title: null, at: at(1), by: ana },
  { seq: 2, id: 'u-ana:c1', kind: 'message.created', threadId: T, body: 'one', refs: [], mentions: [], at: at(2), by: ana },
  { seq: 3, id: 'u-ben:c2', kind: 'message.created', threadId: T, body: 'two', refs: [], mentions: [], at: at(3), by: ben },
  { seq: 4, id: 'u-ana:c3', kind: 'message.edited', threadId: T, messageId: 'u-ana:c1', body: 'one, fixed', refs: [], at: at(4), by: ana },
  { seq: 6, id: 'u-ben:c4', kind: 'reaction.set', threadId: T, messageId: 'u-ana:c1', reaction: 'agree', on: true, at: at(6), by: ben },
  { seq: 7, id: 'u-ben:c5', kind: 'message.deleted', threadId: T, messageId: 'u-ben:c2', at: at(7), by: ben },
  { seq: 8, id: 'u-ben:c6', kind: 'message.edited', threadId: T, messageId: 'u-ben:c2', body: 'edited after delete', refs: [], at: at(8), by: ben },
  { seq: 9, id: 'u-ben:c7', kind: 'thread.resolved', threadId: T, at: at(9), by: ben }
];

describe('foldTimeline', () => {
  it('builds the thread whatever the arrival order, ignoring duplicates', () => {
    const shuffled = [entries[5]!, entries[0]!, entries[3]!, entries[3]!, entries[1]!, entries[7]!, entries[2]!, entries[4]!, entries[6]!, entries[1]!];
    const a = foldTimeline(entries);
    const b = foldTimeline(shuffled);
    expect(b).toEqual(a);
    const t = a.threads.get(T)!;
    expect(a.seq).toBe(9);
    expect(t.status).toBe('resolved');
    expect(t.resolvedBy).toEqual(ben);
    expect(t.messages.map((m) => m.body)).toEqual(['one, fixed', '']);
    expect(t.messages[0]!.history).toEqual([{ body: 'one', at: at(2) }]);
    expect(t.messages[0]!.editedAt).toBe(at(4));
    expect(t.messages[0]!.reactions.agree).toEqual(['u-ben']);
    expect(t.messages[1]!.deleted).toBe(true); // and the edit after the delete changed nothing
    expect(t.lastSeq).toBe(9);
  });

  it('applies live entries once, and says when one arrives past a gap', () => {
    const state = emptyTimeline();
    for (const e of entries.slice(0, 4)) expect(applyEntry(state, e)).toBe(true);
    expect(applyEntry(state, entries[2]!)).toBe(false);
    expect(needsCatchUp(state, entries[4]!)).toBe(true); // seq 6 after 4: ask for "after 4"
    expect(needsCatchUp(state, { ...entries[4]!, seq: 5 })).toBe(false);
  });

  it('toggles a reaction per user', () => {
    const off: TimelineEntryDto = { ...(entries[4] as Extract<TimelineEntryDto, { kind: 'reaction.set' }>), seq: 10, id: 'u-ben:c8', on: false };
    const twice: TimelineEntryDto = { ...(entries[4] as Extract<TimelineEntryDto, { kind: 'reaction.set' }>), seq: 11, id: 'u-ben:c9' };
    const s = foldTimeline([...entries.slice(0, 2), entries[4]!, off]);
    expect(s.threads.get(T)!.messages[0]!.reactions.agree).toEqual([]);
    const again = foldTimeline([...entries.slice(0, 2), entries[4]!, twice]);
    expect(again.threads.get(T)!.messages[0]!.reactions.agree).toEqual(['u-ben']);
  });
});
