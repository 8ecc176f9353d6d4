/**
 * Announcements of this feature: resolutions created and reopened, review states, double-coding
 * progress. One call per command, after its write (and audit record) has landed; it publishes a
 * typed domain event on `ctx.bus`, which server/sockets/broadcast.ts turns into room broadcasts.
 *
 * Invariants: payloads are notices (ids, states, counts), never per-viewer data: a client re-reads
 * the resolution, review or session through REST, where the policy applies to it. A double-coding
 * session is seen only by its two parties and admins, and its lines stay blind, so its event
 * carries who the parties are (the broadcast addresses them) and whether each side has
 * submitted, never the lines.
 */
import type { Actor, AppContext } from '../context';

export type QualityEvent =
  | { type: 'resolutions.create' | 'resolutions.reopen'; orgId: string; encounterId: string; resolutionId: string }
  | { type: 'reviews.update'; orgId: string; encounterId: string; reviewId: string; state: string }
  | {
    type: 'double-coding.update'; orgId: string; encounterId: string; sessionId: string;
    coderId: string; seniorId: string; coderSubmitted: boolean; seniorSubmitted: boolean;
  };

export function announce(ctx: AppContext, actor: Actor, event: QualityEvent): void {
  const by = { id: actor.userId, name: actor.name };
  switch (event.type) {
    case 'resolutions.create':
    case 'resolutions.reopen':
      ctx.bus.publish({
        type: 'resolution.changed', orgId: event.orgId, encounterId: event.encounterId, resolutionId: event.resolutionId,
        change: event.type === 'resolutions.create' ? 'created' : 'reopened', by
      });
      return;
    case 'reviews.update':
      ctx.bus.publish({ type: 'review.changed', orgId: event.orgId, encounterId: event.encounterId, reviewId: event.reviewId, state: event.state, by });
      return;
    case 'double-coding.update':
      ctx.bus.publish({
        type: 'double-coding.changed', orgId: event.orgId, encounterId: event.encounterId, sessionId: event.sessionId,
        coderId: event.coderId, seniorId: event.seniorId, coderSubmitted: event.coderSubmitted, seniorSubmitted: event.seniorSubmitted, by
      });
  }
}
