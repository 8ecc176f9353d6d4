/**
 * Mentor review. A coder asks a senior (or a team) to review an encounter; the reviewer approves
 * or requests changes (their code set, line comments, error tags); the coder agrees with or
 * disputes each change; a dispute is decided by an admin or a senior who is neither the
 * reviewer nor the coder, and that decision is final. Every change of a review is one revision
 * of its versioned document (server/db/storage), so two answers at once both land, in turn,
 * and a state is only ever entered from the state it was checked against.
 */
import { isDuplicateKey } from '../db/storage';
import { randomUUID } from 'node:crypto';
import type { Actor, AppContext } from '../context';
import { AppError, conflict, forbidden, notFound } from '../errors';
import { authorizeEncounter, permissionsFor } from '../policies/encounters';
import { findEncounter } from '../repositories/encounters';
import { findUser } from '../repositories/users';
import { findTeam } from '../repositories/teams';
import { qualityCollections, type ReviewDoc } from '../quality/collections';
import type { ReviewChangeDoc } from '../quality/review-types';
import { diffCodeSets } from '../quality/diff';
import { markErrorTags, severityChange } from '../quality/materiality';
import { finalLinesOf } from '../quality/review-outcome';
import { announce } from '../quality/events';
import type { ReviewState } from '../../src/lib/protocol/reviews';
import type { CodeLine, CodeLineInput } from '../../src/lib/protocol/encounters';
import type { ErrorTagInput } from '../../src/lib/protocol/resolutions';

const step = (state: ReviewState, actor: Actor, note?: string | null) => ({ state, byId: actor.userId, byName: actor.name, at: new Date(), note: note ?? null });

export async function requestReview(ctx: AppContext, actor: Actor, encounterId: string, input: { reviewerId?: string; teamId?: string; note?: string }): Promise<ReviewDoc> {
  const enc = await findEncounter(ctx.db, actor, encounterId);
  authorizeEncounter(actor, enc, 'editCodes');
  if (enc.ownerId !== actor.userId) throw forbidden('Only the coder who owns this encounter may ask for its review');
  if (input.reviewerId) {
    const reviewer = await findUser(ctx.db.c, actor.orgId, input.reviewerId);
    if (!reviewer || reviewer.disabled) throw new AppError('invalid_input', 'reviewerId: no such user in your organisation', { field: 'reviewerId' });
    if (reviewer.role === 'coder') throw new AppError('invalid_input', 'reviewerId: a reviewer must be a senior coder or an admin', { field: 'reviewerId' });
    if (reviewer._id === actor.userId) throw new AppError('invalid_input', 'reviewerId: you cannot review your own coding', { field: 'reviewerId' });
    const asReviewer = { userId: reviewer._id, orgId: reviewer.orgId, role: reviewer.role, name: reviewer.name, teamIds: reviewer.teamIds, address: '' };
    if (!permissionsFor(asReviewer, enc).view) throw new AppError('invalid_input', 'reviewerId: this reviewer cannot see the encounter; share it with them first', { field: 'reviewerId' });
  }
  if (input.teamId && !(await findTeam(ctx.db.c, actor.orgId, input.teamId))) throw new AppError('invalid_input', 'teamId: no such team', { field: 'teamId' });
  const q = await qualityCollections(ctx.db);
  const open = await q.reviews.find({ orgId: actor.orgId, encounterId }).toArray();
  if (open.some((r) => r.state === 'requested' || r.state === 'changes-requested' || r.state === 'disputed')) throw conflict('A review of this encounter is already under way');
  const now = new Date();
  const review: ReviewDoc = {
    _id: randomUUID(), orgId: actor.orgId, encounterId, encounterTitle: enc.title, coderId: actor.userId, coderName: actor.name,
    reviewerId: input.reviewerId ?? null, reviewedById: null, reviewedByName: null, teamId: input.teamId ?? null, state: 'requested',
    submittedCodeLines: enc.codeLines, reviewerLines: null, errorTags: [], history: [step('requested', actor, input.note)],
    comments: [], changes: [], createdAt: now, updatedAt: now
  };
  // The n-th review of an encounter is a unique slot: of two requests at once, one insert lands.
  review.slot = `${encounterId}#${open.length + 1}`;
  try {
    await q.reviews.insertOne(review);
  } catch (err) {
    if (isDuplicateKey(err)) throw conflict('A review of this encounter is already under way');
    throw err;
  }
  await ctx.audit.record(actor, { action: 'reviews.request', targetType: 'encounter', targetId: encounterId, details: { reviewId: review._id, reviewerId: review.reviewerId, teamId: review.teamId } });
  announce(ctx, actor, { type: 'reviews.update', orgId: actor.orgId, encounterId, reviewId: review._id, state: review.state });
  return review;
}

/** A review is visible to whoever may view its encounter; anyone else gets 404. */
export async function loadReview(ctx: AppContext, actor: Actor, id: string) {
  const q = await qualityCollections(ctx.db);
  const review = await q.reviewStore.load(id);
  if (!review || review.orgId !== actor.orgId) throw notFound('Review');
  const enc = await findEncounter(ctx.db, actor, review.encounterId);
  if (!enc || !permissionsFor(actor, enc).view) throw notFound('Review');
  return { q, review, enc };
}

function mayReview(actor: Actor, r: ReviewDoc): boolean {
  if (actor.userId === r.coderId) return false;
  if (actor.role === 'admin') return true;
  if (actor.role !== 'senior') return false;
  return r.reviewerId ? r.reviewerId === actor.userId : r.teamId !== null && actor.teamIds.includes(r.teamId);
}

export async function submitReview(ctx: AppContext, actor: Actor, id: string, input: { decision: 'approve' | 'request-changes'; codeLines?: (CodeLineInput & { id?: string })[]; comments: { lineId?: string | null; body: string }[]; errorTags: ErrorTagInput[]; note?: string }) {
  const { q, enc } = await loadReview(ctx, actor, id);
  const codeSets = ctx.codeSets.ready();
  const { doc } = await q.reviewStore.update(id, (cur) => {
    const r = cur!;
    if (!mayReview(actor, r)) throw forbidden('Only the requested reviewer (a senior of the requested team, or an admin) may review this');
    if (r.state !== 'requested') throw conflict(`This review is ${r.state}; it was already reviewed`);
    const now = new Date();
    const reviewerLines: CodeLine[] = (input.codeLines ?? r.submittedCodeLines).map((l) => ({ ...l, id: l.id ?? randomUUID() }));
    const diff = diffCodeSets(r.submittedCodeLines, reviewerLines);
    if (input.decision === 'approve' && diff.changed) throw new AppError('invalid_input', 'decision: an approval cannot change codes; request changes instead', { field: 'decision' });
    if (input.decision === 'request-changes' && !diff.changed && input.comments.length === 0) throw new AppError('invalid_input', 'codeLines: requesting changes needs a changed code set or a comment', { field: 'codeLines' });
    const lineIds = new Set([...r.submittedCodeLines, ...reviewerLines].map((l) => l.id));
    input.comments.forEach((c, i) => { if (c.lineId && !lineIds.has(c.lineId)) throw new AppError('invalid_input', `comments.${i}.lineId: no such code line`, { field: `comments.${i}.lineId` }); });
    const changes: ReviewChangeDoc[] = diff.entries.map((e) => ({ ...e, id: randomUUID(), byId: actor.userId, response: null, decision: null }));
    const sev = severityChange(codeSets, enc, r.submittedCodeLines, reviewerLines);
    const principals = [...r.submittedCodeLines, ...reviewerLines].filter((l) => l.role === 'principal').map((l) => l.code.replace('.', ''));
    const state: ReviewState = input.decision === 'approve' ? 'approved' : changes.length === 0 ? 'completed' : 'changes-requested';
    const history = [...r.history, step(input.decision === 'approve' ? 'approved' : 'changes-requested', actor, input.note)];
    if (state === 'completed') history.push(step('completed', actor, 'no code changes to answer'));
    const next: ReviewDoc = {
      ...r, state, reviewedById: actor.userId, reviewedByName: actor.name, reviewerLines, changes, history, updatedAt: now,
      errorTags: markErrorTags(input.errorTags, sev, principals),
      comments: [...r.comments, ...input.comments.map((c) => ({ id: randomUUID(), lineId: c.lineId ?? null, body: c.body.trim(), byId: actor.userId, byName: actor.name, at: now }))]
    };
    return { next, result: undefined };
  });
  await ctx.audit.record(actor, { action: 'reviews.submit', targetType: 'encounter', targetId: doc.encounterId, details: { reviewId: id, decision: input.decision, changes: doc.changes.length } });
  announce(ctx, actor, { type: 'reviews.update', orgId: actor.orgId, encounterId: doc.encounterId, reviewId: id, state: doc.state });
  return doc;
}

/** After an answer or a decision: disputed while a dispute waits, completed once nothing does. */
function settle(r: ReviewDoc, actor: Actor): Pick<ReviewDoc, 'state' | 'history'> {
  const waiting = r.changes.some((c) => !c.response);
  const disputed = r.changes.some((c) => c.response?.value === 'dispute' && !c.decision);
  const state: ReviewState = waiting ? (disputed ? 'disputed' : 'changes-requested') : disputed ? 'disputed' : 'completed';
  return { state, history: state === r.state ? r.history : [...r.history, step(state, actor)] };
}

export async function respondToChange(ctx: AppContext, actor: Actor, id: string, changeId: string, input: { response: 'agree' | 'dispute'; reason?: string }) {
  const { q } = await loadReview(ctx, actor, id);
  const { doc } = await q.reviewStore.update(id, (cur) => {
    const r = cur!;
    const change = r.changes.find((c) => c.id === changeId);
    if (!change) throw notFound('Change');
    if (r.coderId !== actor.userId) throw forbidden('Only the coder whose coding was changed may agree with or dispute this change');
    if (r.state !== 'changes-requested' && r.state !== 'disputed') throw conflict(`This review is ${r.state}; its changes cannot be answered now`);
    if (change.response) throw conflict('You already answered this change');
    const changes = r.changes.map((c) => (c.id === changeId ? { ...c, response: { value: input.response, reason: input.reason?.trim() || null, at: new Date() } } : c));
    const next = { ...r, changes, updatedAt: new Date() };
    return { next: { ...next, ...settle(next, actor) }, result: undefined };
  });
  await ctx.audit.record(actor, { action: 'reviews.respond', targetType: 'encounter', targetId: doc.encounterId, details: { reviewId: id, changeId, response: input.response } });
  announce(ctx, actor, { type: 'reviews.update', orgId: actor.orgId, encounterId: doc.encounterId, reviewId: id, state: doc.state });
  return doc;
}

export async function decideDispute(ctx: AppContext, actor: Actor, id: string, changeId: string, input: { decision: 'uphold' | 'overturn'; reason: string }) {
  const { q } = await loadReview(ctx, actor, id);
  const { doc } = await q.reviewStore.update(id, (cur) => {
    const r = cur!;
    const change = r.changes.find((c) => c.id === changeId);
    if (!change) throw notFound('Change');
    const neutral = actor.userId !== r.coderId && actor.userId !== r.reviewedById;
    if (!(neutral && (actor.role === 'admin' || actor.role === 'senior'))) throw forbidden('A dispute is decided by a team lead or an admin who is neither the coder nor the reviewer');
    if (change.response?.value !== 'dispute') throw conflict('This change is not disputed');
    if (change.decision) throw conflict('This dispute was already decided; the decision is final');
    const decision = { value: input.decision, reason: input.reason.trim(), byId: actor.userId, byName: actor.name, at: new Date() };
    const next = { ...r, changes: r.changes.map((c) => (c.id === changeId ? { ...c, decision } : c)), updatedAt: new Date() };
    return { next: { ...next, ...settle(next, actor) }, result: undefined };
  });
  await ctx.audit.record(actor, { action: 'reviews.decide', targetType: 'encounter', targetId: doc.encounterId, details: { reviewId: id, changeId, decision: input.decision } });
  announce(ctx, actor, { type: 'reviews.update', orgId: actor.orgId, encounterId: doc.encounterId, reviewId: id, state: doc.state });
  return doc;
}

export { finalLinesOf };
