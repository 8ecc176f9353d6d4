/**
 * Announcements of this feature (resolutions.create, resolutions.reopen, reviews.update,
 * double-coding.update). One call per command, after its write has landed. The domain bus
 * (server/events/bus.ts) has a closed event union owned by the threads work; until these
 * types are added there, the announcement is logged only, and adding them is this one function.
 */
import type { AppContext } from '../context';

export type QualityEvent =
  | { type: 'resolutions.create' | 'resolutions.reopen'; orgId: string; encounterId: string; resolutionId: string }
  | { type: 'reviews.update'; orgId: string; encounterId: string; reviewId: string; state: string }
  | { type: 'double-coding.update'; orgId: string; encounterId: string; sessionId: string };

export function announce(ctx: AppContext, event: QualityEvent): void {
  ctx.log.debug({ event }, 'quality event');
}
