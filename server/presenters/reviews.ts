/** Review and double-coding documents → DTOs, every field listed; a blind session hides the other side. */
import type { Actor } from '../context';
import type { DoubleCodingDoc, ReviewDoc } from '../quality/collections';
import type { DoubleCodingDto, ReviewDto } from '../../src/lib/protocol/reviews';

export function presentReview(r: ReviewDoc): ReviewDto {
  return {
    id: r._id, encounterId: r.encounterId, encounterTitle: r.encounterTitle, coder: { id: r.coderId, name: r.coderName },
    reviewer: r.reviewedById ? { id: r.reviewedById, name: r.reviewedByName ?? '' } : r.reviewerId ? { id: r.reviewerId, name: '' } : null,
    teamId: r.teamId, state: r.state, submittedCodeLines: r.submittedCodeLines,
    comments: r.comments.map((c) => ({ id: c.id, lineId: c.lineId, body: c.body, by: { id: c.byId, name: c.byName }, at: c.at.toISOString() })),
    changes: r.changes.map((c) => ({
      id: c.id, key: c.key, kind: c.kind, before: c.before, after: c.after, fields: c.fields,
      response: c.response ? { value: c.response.value, reason: c.response.reason, at: c.response.at.toISOString() } : null,
      decision: c.decision ? { value: c.decision.value, reason: c.decision.reason, by: { id: c.decision.byId, name: c.decision.byName }, at: c.decision.at.toISOString() } : null
    })),
    errorTags: r.errorTags,
    history: r.history.map((h) => ({ state: h.state, by: { id: h.byId, name: h.byName }, at: h.at.toISOString(), note: h.note })),
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString()
  };
}

export function presentSession(s: DoubleCodingDoc, actor: Actor): DoubleCodingDto {
  const complete = s.coder !== null && s.senior !== null;
  const sees = (side: 'coder' | 'senior') => complete || (side === 'coder' ? actor.userId === s.coderId : actor.userId === s.seniorId);
  return {
    id: s._id, encounterId: s.encounterId, coder: { id: s.coderId, name: s.coderName }, senior: { id: s.seniorId, name: s.seniorName },
    coderLines: sees('coder') ? s.coder?.lines ?? null : null, seniorLines: sees('senior') ? s.senior?.lines ?? null : null,
    coderSubmitted: s.coder !== null, seniorSubmitted: s.senior !== null, complete, threads: s.threads
  };
}
