/**
 * The live encounter page: joins the encounter room (DiscussionRoom), keeps the EncounterStore
 * current from `encounters.changed`, and follows this user's access (`encounters.access`,
 * `encounters.left`).
 *
 * Invariants: after every (re)join the encounter is read again through REST (changes made while
 * this tab was away are not replayed as events), and a live revision newer than that read wins
 * (EncounterStore.applyLive), so the page never goes back to an older state. Removal drops the
 * encounter from memory: the page shows why, never the stale PHI.
 */
import type { EncounterChangedEvent, JoinedDto, LeftReason } from '$lib/protocol/events';
import type { Permissions } from '$lib/protocol/encounter-responses';
import { connection } from './connection.svelte';
import { DiscussionRoom, currentDiscussion } from './discussion.svelte';
import type { EncounterStore } from './encounter.svelte';

const LEFT_MESSAGE: Record<LeftReason, string> = {
  'access-revoked': 'This encounter is no longer shared with you, so it was closed.',
  'role-changed': 'Your role changed and you may no longer view this encounter, so it was closed.',
  unpublished: 'This post was unpublished.',
  left: 'You left this encounter.'
};

export class LiveEncounter {
  readonly room: DiscussionRoom;
  private off: (() => void)[] = [];

  constructor(readonly store: EncounterStore, meId: string) {
    this.room = new DiscussionRoom({ type: 'encounter', encounterId: store.id }, meId, (j) => this.onJoined(j));
  }

  start(): void {
    const io = connection.io;
    const id = this.store.id;
    const changed = (e: EncounterChangedEvent) => { if (e.encounterId === id) this.store.applyLive(e.encounter); };
    const access = (e: { encounterId: string; permissions: Permissions }) => { if (e.encounterId === id) this.store.setPermissions(e.permissions); };
    const left = (e: { encounterId: string; reason: LeftReason }) => {
      if (e.encounterId !== id) return;
      this.store.markRemoved(LEFT_MESSAGE[e.reason] ?? LEFT_MESSAGE['access-revoked']);
      this.room.removed(LEFT_MESSAGE[e.reason]);
    };
    io.on('encounters.changed', changed);
    io.on('encounters.access', access);
    io.on('encounters.left', left);
    this.off.push(() => { io.off('encounters.changed', changed); io.off('encounters.access', access); io.off('encounters.left', left); });
    this.room.start();
    currentDiscussion.room = this.room;
  }

  private onJoined(j: JoinedDto) {
    this.store.joinedAt(j.encounterRevision);
    // Read after joining: every later change then arrives as an event (no gap between the two).
    void this.store.load();
  }

  destroy(): void {
    for (const f of this.off) f();
    this.room.destroy();
    if (currentDiscussion.room === this.room) currentDiscussion.room = null;
  }
}
