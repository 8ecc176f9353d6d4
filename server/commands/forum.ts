/**
 * Publishing to the organisation's forum. The server re-runs detection on the stored encounter
 * and decides what is removed; the coder can only remove MORE:
 *  - every candidate marked `required` (the patient's own identifier values wherever and however
 *    they are written, SSN, MRN, phone, email, dates, record/member numbers...) is applied
 *    whatever the request says;
 *  - `acceptedIds` can only keep low-confidence candidates (a person, place or facility name that
 *    may be a clinical term) in the redaction set; an id the server did not offer is a conflict;
 *  - manual redactions must match the stored text at their offsets;
 *  - before writing, the copy is searched again for every patient identifier (verify.ts); a copy
 *    that still holds one is refused (409) and nothing is written.
 * Patient identifier fields are always dropped. Forum readers only ever get the forum_posts
 * document. A date shift stays inside the fiscal year of the date of service and never moves a
 * past date into the future; the copy records the mode and fiscal year, never the offset.
 */
import { randomInt } from 'node:crypto';
import type { Actor, AppContext } from '../context';
import type { EncounterDoc, ForumPostDoc } from '../db/collections';
import { AppError, conflict } from '../errors';
import { authorizeEncounter } from '../policies/encounters';
import { findEncounter } from '../repositories/encounters';
import { mutateEncounter, openEncounter } from './encounter-state';
import { newId } from './encounters';
import { fiscalYearFor } from '../codes/fiscal-year';
import { applyRedactions, chooseDateShift, detectPhiYielding, latestPastDate, previewRedactions, PHI_TYPES, residualPatientIdentifiers, type DeidEncounterInput, type ManualRedaction, type PhiType } from '../deid';
import type { PublishInput, RedactionPreviewDto } from '../../src/lib/protocol/encounters';

export function toDeidInput(enc: EncounterDoc): DeidEncounterInput {
  return {
    title: enc.title, dateOfService: enc.dateOfService, patient: enc.patient, documents: enc.documents, codeLines: enc.codeLines,
    flags: enc.flags.map((f) => ({
      id: f.id, question: f.question,
      ...(f.anchor?.type === 'text' ? { anchor: { sectionId: f.anchor.documentId, start: f.anchor.start, end: f.anchor.end, quote: f.anchor.quote } } : {})
    }))
  };
}

export async function previewPublication(ctx: AppContext, actor: Actor, id: string): Promise<RedactionPreviewDto> {
  const enc = await openEncounter(ctx, actor, id, 'publish', 'encounters.deid-preview');
  const deidInput = toDeidInput(enc);
  const preview = previewRedactions(deidInput, await detectPhiYielding(deidInput));
  return {
    candidates: preview.candidates.map((c) => ({ id: c.id, type: c.type, text: c.text, reason: c.reason, required: c.required, location: { ...c.location } })),
    highlights: Object.fromEntries(preview.documents.map((d) => [d.documentId, d.segments]))
  };
}

function manualRedactions(enc: EncounterDoc, added: PublishInput['added']): ManualRedaction[] {
  return added.map((a, i) => {
    const field = `added.${i}`;
    if (!(PHI_TYPES as readonly string[]).includes(a.type)) throw new AppError('invalid_input', `${field}.type: must be one of ${PHI_TYPES.join(', ')}`, { field: `${field}.type` });
    const doc = enc.documents.find((d) => d.id === a.documentId);
    if (!doc) throw new AppError('invalid_input', `${field}.documentId: no such documentation section`, { field: `${field}.documentId` });
    if (a.end <= a.start || a.end > doc.text.length || doc.text.slice(a.start, a.end) !== a.text) {
      throw new AppError('invalid_input', `${field}.text: does not match the documentation at these offsets`, { field: `${field}.text` });
    }
    return { type: a.type as PhiType, text: a.text, location: { field: 'document.text', documentId: a.documentId, start: a.start, end: a.end } };
  });
}

/**
 * The id of a forum copy of the encounter that no pointer names: an unpublish that stopped between its two writes (a
 * crash, a database error) leaves one. Publishing again replaces it and unpublishing again removes it, so the forum
 * never holds a copy the encounter does not know of, or two.
 */
async function copyLeftOnForum(ctx: AppContext, actor: Actor, encounterId: string): Promise<string | null> {
  return (await ctx.db.c.forumPosts.findOne({ orgId: actor.orgId, encounterId }, { projection: { _id: 1 } }))?._id ?? null;
}

export async function publishToForum(ctx: AppContext, actor: Actor, id: string, input: PublishInput): Promise<ForumPostDoc> {
  const enc = await findEncounter(ctx.db, actor, id);
  authorizeEncounter(actor, enc, 'publish');
  const deidInput = toDeidInput(enc);
  const candidates = await detectPhiYielding(deidInput);
  const known = new Set(candidates.map((c) => c.id));
  if (input.acceptedIds.some((cid) => !known.has(cid))) throw conflict('The encounter changed since the redaction preview; review the redactions again');
  const accepted = new Set(input.acceptedIds);
  // Mandatory candidates go in whatever the client sent; the coder's choice covers only the rest.
  const redactions = [...candidates.filter((c) => c.required || accepted.has(c.id)), ...manualRedactions(enc, input.added)];
  // One random offset for all dates of the encounter keeps intervals (length of stay) intact.
  const today = new Date().toISOString().slice(0, 10);
  const shift = input.dateMode === 'shift' ? chooseDateShift(enc.dateOfService, today, latestPastDate(deidInput, candidates, today), randomInt) : null;
  const dateMode = shift ? 'shift' : 'year-only';
  const { encounter: copy, summary } = applyRedactions(deidInput, redactions, { dateMode, ...(shift ? { shiftDays: shift.days } : {}) });
  if (summary.skipped.length > 0) throw conflict('Some redactions no longer match the text; review the redactions again');
  const residual = residualPatientIdentifiers(deidInput, copy);
  if (residual.length > 0) {
    throw new AppError('conflict', `The copy would still contain the patient's ${residual.join(', ')}; add a redaction there and publish again`, { fields: residual });
  }

  const flagsById = new Map(enc.flags.map((f) => [f.id, f]));
  const post: ForumPostDoc = {
    _id: enc.forumPostId ?? (await copyLeftOnForum(ctx, actor, id)) ?? newId(), orgId: actor.orgId, encounterId: enc._id, title: copy.title,
    setting: enc.setting, dateOfService: copy.dateOfService, specialty: enc.specialty, patient: copy.patient,
    documents: copy.documents, codeLines: copy.codeLines,
    flags: copy.flags.map((f) => {
      const orig = flagsById.get(f.id)!;
      return {
        id: f.id, category: orig.category, status: orig.status, question: f.question, createdAt: orig.createdAt, updatedAt: orig.updatedAt,
        anchor: f.anchor ? { type: 'text' as const, documentId: f.anchor.sectionId, start: f.anchor.start, end: f.anchor.end, quote: f.anchor.quote } : null
      };
    }),
    status: enc.status, categories: enc.categories, codes: enc.codes,
    publishedById: actor.userId, publishedByName: actor.name, publishedAt: new Date(),
    redactions: summary.counts as Record<string, number>,
    dates: { mode: dateMode, fiscalYear: shift?.fiscalYear ?? fiscalYearFor(enc.dateOfService) }
  };
  // Republishing replaces the copy as one revision, so two publications at once land in turn.
  await ctx.db.stores.forumPosts.update(post._id, (current) => {
    if (current && current.orgId !== actor.orgId) throw conflict('This forum post belongs to another organisation');
    return { next: post, result: undefined };
  });
  try {
    await mutateEncounter(ctx, actor, id, 'publish', (current) => {
      // Two first publications at once: the first pointer wins, the other copy is removed below.
      if (current.forumPostId && current.forumPostId !== post._id) throw conflict('Someone else published this encounter at the same moment; reload to see their copy');
      return { changes: { forumPostId: post._id } };
    });
  } catch (err) {
    if (!enc.forumPostId) await ctx.db.c.forumPosts.deleteOne({ _id: post._id });
    throw err;
  }
  await ctx.audit.record(actor, {
    action: 'encounters.publish', targetType: 'encounter', targetId: id,
    details: { postId: post._id, dateMode, redactions: summary.total, accepted: accepted.size, added: input.added.length, offered: candidates.length, required: candidates.filter((c) => c.required).length }
  });
  return post;
}

export async function unpublish(ctx: AppContext, actor: Actor, id: string): Promise<EncounterDoc> {
  let postId: string | null = null;
  const { encounter } = await mutateEncounter(ctx, actor, id, 'publish', async (enc) => {
    // A copy an interrupted unpublish left is removed now instead of answering 404 (copyLeftOnForum).
    postId = enc.forumPostId ?? (await copyLeftOnForum(ctx, actor, id));
    if (!postId) throw new AppError('not_found', 'This encounter is not on the forum');
    return { changes: { forumPostId: null } };
  });
  await ctx.db.c.forumPosts.deleteOne({ _id: postId!, orgId: actor.orgId });
  await ctx.audit.record(actor, { action: 'encounters.unpublish', targetType: 'encounter', targetId: id, details: { postId } });
  return encounter;
}
