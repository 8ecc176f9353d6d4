/**
 * Resolving a flag or a whole encounter, and reopening a resolution.
 *
 * Invariants:
 * - Exactly one of any number of concurrent resolve attempts of one target wins: the right to
 *   resolve is the insert of the claim `<encounterId>:<target>:<generation>` (unique _id), where
 *   the generation counts earlier (reopened) resolutions of that target. Losers get 409.
 * - Nothing half-written: the claim is removed when the encounter change fails; the encounter
 *   change (flags resolved, code set locked) is undone when the resolution cannot be stored.
 * - The final code set is the encounter's code lines in the revision that locks them, after
 *   the live document (if open) was locked and its projection written.
 * - A resolution is never edited. Reopening inserts a reopen record keyed by the claim (one per
 *   resolution); the code set stays locked while another resolution of the encounter is active.
 */
import { randomUUID } from 'node:crypto';
import type { Actor, AppContext } from '../context';
import type { EncounterDoc, FlagDoc } from '../db/collections';
import { AppError, conflict, notFound } from '../errors';
import { isDuplicateKey } from '../db/storage';
import { authorizeEncounter } from '../policies/encounters';
import { findEncounter } from '../repositories/encounters';
import { mutateEncounter } from './encounter-state';
import { qualityCollections, type ResolutionDoc, type Target } from '../quality/collections';
import { activeOf, baselineFor, findResolution, resolutionsOf, targetKey } from '../repositories/resolutions';
import { diffCodeSets } from '../quality/diff';
import { markErrorTags, severityChange } from '../quality/materiality';
import { announce } from '../quality/events';
import { buildPrecedent } from './precedents';
import { forgetPrecedents } from '../quality/precedent-index';
import { collabOf } from '../collab';
import { followFlagThreads } from './flags';
import type { resolveInputSchema } from '../../src/lib/protocol/resolutions';
import type { z } from 'zod';

type ResolveInput = z.infer<typeof resolveInputSchema>;
const isOpen = (f: FlagDoc) => f.status !== 'resolved';

function flagsOf(enc: EncounterDoc, target: Target): FlagDoc[] {
  if (target.type === 'encounter') return enc.flags.filter(isOpen);
  const flag = enc.flags.find((f) => f.id === target.flagId);
  if (!flag) throw notFound('Flag');
  if (!isOpen(flag)) throw conflict('This flag is already resolved; reopen its resolution first');
  return [flag];
}

/** The live document stops taking edits and writes its projection; returns its latest version id. */
async function freezeLiveCodeSet(ctx: AppContext, enc: EncounterDoc, locked: boolean): Promise<string | null> {
  const service = collabOf(ctx);
  service.setLocked(enc._id, locked);
  if (locked) {
    await service.writeProjectionNow(enc._id);
  }
  const [latest] = await ctx.db.c.collabVersions.find({ docId: enc._id }).sort({ at: -1 }).limit(1).toArray();
  return latest?._id ?? null;
}

function checkOutcome(input: ResolveInput, changed: boolean, changes: number): void {
  if (input.outcome === 'coded-as-proposed' && changed) {
    throw new AppError('invalid_input', `outcome: the final code set differs from the proposed one (${changes} difference${changes === 1 ? '' : 's'}); choose "changed"`, { field: 'outcome' });
  }
  if (input.outcome === 'changed' && !changed) throw new AppError('invalid_input', 'outcome: the final code set equals the proposed one; choose "coded as proposed"', { field: 'outcome' });
  if (input.outcome === 'changed' && input.errorTags.length === 0) throw new AppError('invalid_input', 'errorTags: name at least one error when the coding changed', { field: 'errorTags' });
  if (input.outcome === 'coded-as-proposed' && input.errorTags.length > 0) throw new AppError('invalid_input', 'errorTags: nothing changed, so there is no error to tag', { field: 'errorTags' });
}

export async function resolve(ctx: AppContext, actor: Actor, encounterId: string, input: ResolveInput): Promise<ResolutionDoc> {
  const enc = await findEncounter(ctx.db, actor, encounterId);
  authorizeEncounter(actor, enc, 'resolve');
  const target: Target = input.flagId ? { type: 'flag', flagId: input.flagId } : { type: 'encounter' };
  const flags = flagsOf(enc, target);
  const q = await qualityCollections(ctx.db);
  const existing = await resolutionsOf(q, actor.orgId, encounterId);
  if (activeOf(existing).some((r) => targetKey(r.target) === targetKey(target))) throw conflict('This is already resolved; reopen the resolution first');
  const generation = existing.resolutions.filter((r) => targetKey(r.target) === targetKey(target)).length;
  // The original coding: when the flag was raised; else what the coder submitted for review; else as it stands.
  const reviewed = (await q.reviews.find({ orgId: actor.orgId, encounterId }).sort({ createdAt: 1 }).limit(1).toArray())[0];
  const proposed = (await baselineFor(q, actor.orgId, encounterId, flags.map((f) => f.id))) ?? reviewed?.submittedCodeLines ?? enc.codeLines;
  const codeSets = ctx.codeSets.ready();
  // Checked before anything is written; re-checked on the locked revision below.
  const early = diffCodeSets(proposed, enc.codeLines);
  checkOutcome(input, early.changed, early.entries.length);

  const claimId = `${encounterId}:${targetKey(target)}:${generation}`;
  try {
    await q.claims.insertOne({ _id: claimId, orgId: actor.orgId, encounterId, at: new Date() });
  } catch (err) {
    if (isDuplicateKey(err)) throw conflict('Someone else resolved this at the same moment; reload to see their resolution');
    throw err;
  }
  let locked: { encounter: EncounterDoc; result: Omit<ResolutionDoc, '_id' | 'claimId' | 'collabVersionId'> };
  let collabVersionId: string | null = null;
  try {
    collabVersionId = await freezeLiveCodeSet(ctx, enc, true);
    locked = await mutateEncounter(ctx, actor, encounterId, 'resolve', (cur) => {
      const now = new Date();
      const resolvedFlags = flagsOf(cur, target);
      const ids = new Set(resolvedFlags.map((f) => f.id));
      const final = cur.codeLines;
      const diff = diffCodeSets(proposed, final);
      checkOutcome(input, diff.changed, diff.entries.length);
      const sev = severityChange(codeSets, cur, proposed, final);
      const principals = [...proposed, ...final].filter((l) => l.role === 'principal').map((l) => l.code.replace('.', ''));
      return {
        changes: { codeSetLocked: true, flags: cur.flags.map((f) => (ids.has(f.id) ? { ...f, status: 'resolved' as const, updatedAt: now } : f)) },
        result: {
          orgId: actor.orgId, encounterId, target, flagIds: [...ids], categories: [...new Set(resolvedFlags.map((f) => f.category))],
          summary: input.summary.trim(), rationale: input.rationale.trim(), references: input.references, outcome: input.outcome,
          errorTags: markErrorTags(input.errorTags, sev, principals), severityChange: sev, proposedCodeLines: proposed, finalCodeLines: final,
          encounterRevision: (cur.revision ?? 0) + 1, setting: cur.setting, coderId: cur.ownerId, coderName: cur.ownerName,
          resolvedById: actor.userId, resolvedByName: actor.name, at: now
        }
      };
    });
  } catch (err) {
    await q.claims.deleteOne({ _id: claimId });
    // The live lock follows what is stored now (another resolution may have locked it meanwhile).
    const now = await findEncounter(ctx.db, actor, encounterId).catch(() => null);
    collabOf(ctx).setLocked(encounterId, now?.codeSetLocked === true);
    throw err;
  }
  const resolution: ResolutionDoc = { _id: randomUUID(), claimId, collabVersionId, ...locked.result };
  try {
    await q.resolutions.insertOne(resolution);
    await q.precedents.insertOne(buildPrecedent(locked.encounter, resolution, input));
    forgetPrecedents(actor.orgId);
  } catch (err) {
    await q.resolutions.deleteOne({ _id: resolution._id }).catch(() => {});
    await undoLock(ctx, actor, encounterId, resolution).catch(() => {});
    await q.claims.deleteOne({ _id: claimId }).catch(() => {});
    throw err;
  }
  await ctx.audit.record(actor, {
    action: 'resolutions.create', targetType: 'encounter', targetId: encounterId,
    details: { resolutionId: resolution._id, target: targetKey(target), outcome: resolution.outcome, errors: resolution.errorTags.length, references: resolution.references.length }
  });
  announce(ctx, actor, { type: 'resolutions.create', orgId: actor.orgId, encounterId, resolutionId: resolution._id });
  await followFlagThreads(ctx, actor, encounterId, resolution.flagIds, true, resolution._id);
  return resolution;
}

async function undoLock(ctx: AppContext, actor: Actor, encounterId: string, r: ResolutionDoc): Promise<void> {
  const ids = new Set(r.flagIds);
  const q = await qualityCollections(ctx.db);
  const others = activeOf(await resolutionsOf(q, actor.orgId, encounterId)).filter((x) => x._id !== r._id);
  await mutateEncounter(ctx, actor, encounterId, 'resolve', (cur) => ({
    changes: { codeSetLocked: others.length > 0, flags: cur.flags.map((f) => (ids.has(f.id) ? { ...f, status: 'in-discussion' as const, updatedAt: new Date() } : f)) }
  }));
  collabOf(ctx).setLocked(encounterId, others.length > 0);
}

export async function reopenResolution(ctx: AppContext, actor: Actor, resolutionId: string, reason: string) {
  const q = await qualityCollections(ctx.db);
  const r = await findResolution(q, actor.orgId, resolutionId);
  if (!r) throw notFound('Resolution');
  const enc = await findEncounter(ctx.db, actor, r.encounterId);
  if (!enc) throw notFound('Resolution');
  authorizeEncounter(actor, enc, 'resolve');
  const reopen = { _id: r.claimId, orgId: actor.orgId, encounterId: r.encounterId, resolutionId, reason: reason.trim(), byId: actor.userId, byName: actor.name, at: new Date() };
  try {
    await q.reopens.insertOne(reopen);
  } catch (err) {
    if (isDuplicateKey(err)) throw conflict('This resolution was already reopened');
    throw err;
  }
  let stillLocked = false;
  try {
    const others = activeOf(await resolutionsOf(q, actor.orgId, r.encounterId)).filter((x) => x._id !== resolutionId);
    stillLocked = others.length > 0;
    const ids = new Set(r.flagIds);
    await mutateEncounter(ctx, actor, r.encounterId, 'resolve', (cur) => ({
      changes: { codeSetLocked: stillLocked, flags: cur.flags.map((f) => (ids.has(f.id) && f.status === 'resolved' ? { ...f, status: 'in-discussion' as const, updatedAt: new Date() } : f)) }
    }));
  } catch (err) {
    await q.reopens.deleteOne({ _id: reopen._id });
    throw err;
  }
  await q.precedents.deleteOne({ _id: resolutionId, orgId: actor.orgId });
  forgetPrecedents(actor.orgId);
  collabOf(ctx).setLocked(r.encounterId, stillLocked);
  await ctx.audit.record(actor, { action: 'resolutions.reopen', targetType: 'encounter', targetId: r.encounterId, details: { resolutionId, reason: reopen.reason } });
  announce(ctx, actor, { type: 'resolutions.reopen', orgId: actor.orgId, encounterId: r.encounterId, resolutionId });
  await followFlagThreads(ctx, actor, r.encounterId, r.flagIds, false, reopen._id);
  return { resolution: r, reopen };
}
