/**
 * The domain-event bus: commands publish what happened after their write has landed; the
 * socket layer (server/sockets/broadcast.ts) turns events into room broadcasts and the
 * notification module turns some into stored notifications.
 *
 * Invariants: publish is synchronous and never throws (a failing subscriber is logged, the
 * others still run); events are in-process only. Other nodes learn of them through the
 * Socket.IO adapter (the broadcast is what crosses nodes), never through this bus, so every
 * event is handled exactly once, on the node whose command wrote it.
 * Payloads hold documents and DTOs, never per-viewer data: each subscriber decides who sees what.
 */
import type { Actor } from '../context';
import type { EncounterDoc } from '../db/collections';
import type { Logger } from '../log';
import type { PersonDto, Scope, TimelineEntryDto } from '../../src/lib/protocol/threads';
import type { NotificationDto } from '../../src/lib/protocol/notifications';

export type DomainEvent =
  /**
   * An entry landed in a scope's timeline (thread opened, message, edit, delete, reaction, resolve).
   * `originSocketId`: the socket whose event wrote it; it gets the entry in its ack, so the room
   * broadcast skips it (as a relay's `socket.to(room)` would).
   */
  | { type: 'timeline.appended'; orgId: string; scope: Scope; entry: TimelineEntryDto; mentionIds: string[]; originSocketId?: string }
  /** An encounter got a new revision; `before` is the state the change was computed from. */
  | { type: 'encounter.changed'; actor: Actor; before: EncounterDoc; after: EncounterDoc; fields: string[] }
  | { type: 'notification.created'; userId: string; notification: NotificationDto }
  | { type: 'notifications.read'; userId: string; ids: string[] | 'all' }
  /** Quality (server/quality/events.ts): notices only; clients re-read through REST, where the policy applies. */
  | { type: 'resolution.changed'; orgId: string; encounterId: string; resolutionId: string; change: 'created' | 'reopened'; by: PersonDto }
  | { type: 'review.changed'; orgId: string; encounterId: string; reviewId: string; state: string; by: PersonDto }
  | {
    type: 'double-coding.changed'; orgId: string; encounterId: string; sessionId: string;
    coderId: string; seniorId: string; coderSubmitted: boolean; seniorSubmitted: boolean; by: PersonDto
  };

export type DomainEventOf<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

export interface DomainBus {
  publish(event: DomainEvent): void;
  /** Returns the unsubscribe function. */
  subscribe(fn: (event: DomainEvent) => void | Promise<void>): () => void;
  /**
   * Settles once no subscriber is still working on an event (including events published
   * meanwhile). Shutdown waits for it before closing what subscribers use (the Redis adapter):
   * a broadcast that awaits a read can outlive the HTTP server's drain.
   */
  settled(): Promise<void>;
}

export function createBus(log: Pick<Logger, 'error'>): DomainBus {
  const subscribers = new Set<(event: DomainEvent) => void | Promise<void>>();
  const working = new Set<Promise<void>>();
  const failed = (err: unknown, event: DomainEvent) => log.error({ err, event: event.type }, 'domain event subscriber failed');
  return {
    publish(event) {
      for (const fn of subscribers) {
        try {
          const r = fn(event);
          if (r && typeof r.then === 'function') {
            const done: Promise<void> = r.then(() => {}, (err) => failed(err, event)).finally(() => working.delete(done));
            working.add(done);
          }
        } catch (err) {
          failed(err, event);
        }
      }
    },
    async settled() {
      while (working.size > 0) await Promise.all([...working]);
    },
    subscribe(fn) {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    }
  };
}
