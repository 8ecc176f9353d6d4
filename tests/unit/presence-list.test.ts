/**
 * Who is here, as the browser folds it (src/lib/protocol/presence-list.ts). CI once showed a
 * coder's tab missing the senior who joined while the coder's join reply was still on its way
 * (the reply's list, read before the senior joined, replaced what the senior's event had added).
 */
import { describe, expect, it } from 'vitest';
import { applyPresence, PresenceDuringJoin } from '../../src/lib/protocol/presence-list';

const sage = { userId: 'u-sage', name: 'Sage Senior', threadId: null };
const cody = { userId: 'u-cody', name: 'Cody Coder', threadId: null };

describe('presence during a join', () => {
  it('keeps someone whose join event came before the join reply that does not list them', () => {
    const j = new PresenceDuringJoin();
    j.begin();
    let list = applyPresence([], { kind: 'joined', user: sage }, cody.userId);
    j.saw({ kind: 'joined', user: sage });
    list = j.settle([], cody.userId);
    expect(list).toEqual([sage]);
  });
  it('applies leaves and focus seen during the join over the snapshot, in order, and never lists oneself', () => {
    const j = new PresenceDuringJoin();
    j.begin();
    j.saw({ kind: 'focus', userId: sage.userId, threadId: 't1' });
    j.saw({ kind: 'left', userId: 'u-gone' });
    const list = j.settle([sage, cody, { userId: 'u-gone', name: 'Gone', threadId: null }], cody.userId);
    expect(list).toEqual([{ ...sage, threadId: 't1' }]);
  });
  it('forgets the events once settled or cancelled: a later snapshot stands alone', () => {
    const j = new PresenceDuringJoin();
    j.begin();
    j.saw({ kind: 'joined', user: sage });
    j.cancel();
    j.saw({ kind: 'joined', user: sage });
    expect(j.settle([], cody.userId)).toEqual([]);
  });
  it('keeps one entry per user', () => {
    const twice = applyPresence(applyPresence([], { kind: 'joined', user: sage }, cody.userId), { kind: 'joined', user: { ...sage, threadId: 't2' } }, cody.userId);
    expect(twice).toEqual([{ ...sage, threadId: 't2' }]);
  });
});
