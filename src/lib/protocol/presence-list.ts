/**
 * Who is here, as a client folds it: the join's snapshot and the presence events around it.
 * The server answers a join with the room's list read while the join is answered, and sends
 * `presence.joined`/`left`/`focus` to the room as they happen, so an event can arrive before the
 * snapshot it is not in (someone joins while the join's reply waits for the database). Events
 * that arrive while a join is pending are kept and applied again on top of the snapshot, so the
 * snapshot never takes back what an event already told.
 * Invariants: pure; one entry per user; the user's own id never appears.
 */
import type { PresenceDto } from './presence';

export type PresenceEvent =
  | { kind: 'joined'; user: PresenceDto }
  | { kind: 'left'; userId: string }
  | { kind: 'focus'; userId: string; threadId: string | null };

export function applyPresence(list: PresenceDto[], e: PresenceEvent, meId: string): PresenceDto[] {
  if (e.kind === 'joined') return e.user.userId === meId ? list : [...list.filter((p) => p.userId !== e.user.userId), e.user];
  if (e.kind === 'left') return list.filter((p) => p.userId !== e.userId);
  return list.map((p) => (p.userId === e.userId ? { ...p, threadId: e.threadId } : p));
}

/** The events seen while a join is pending, to apply again over its snapshot. */
export class PresenceDuringJoin {
  private events: PresenceEvent[] | null = null;

  begin(): void { this.events = []; }
  saw(e: PresenceEvent): void { this.events?.push(e); }
  /** The snapshot with every event seen since `begin` applied over it, in order; ends the join. */
  settle(snapshot: PresenceDto[], meId: string): PresenceDto[] {
    let list = snapshot.filter((p) => p.userId !== meId);
    for (const e of this.events ?? []) list = applyPresence(list, e, meId);
    this.events = null;
    return list;
  }
  cancel(): void { this.events = null; }
}
