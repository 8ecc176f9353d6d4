/**
 * Blind double coding. A senior (or admin) who may resolve an encounter starts a session with
 * its owner; each side submits its own code set once. Until both have submitted, nobody sees
 * the other side's lines and there is no difference to show (409). Each submission is one
 * revision of the session's versioned document, so two submissions at once both land.
 */
import { randomUUID } from 'node:crypto';
import type { Actor, AppContext } from '../context';
import { AppError, conflict, forbidden, notFound } from '../errors';
import { authorizeEncounter, permissionsFor } from '../policies/encounters';
import { findEncounter } from '../repositories/encounters';
import { qualityCollections, type DoubleCodingDoc } from '../quality/collections';
import { diffCodeSets } from '../quality/diff';
import { announce } from '../quality/events';
import { createThread } from './threads';
import { collabOf } from '../collab';
import type { CodeLine, CodeLineInput } from '../../src/lib/protocol/encounters';

export async function startDoubleCoding(ctx: AppContext, actor: Actor, encounterId: string): Promise<DoubleCodingDoc> {
  const enc = await findEncounter(ctx.db, actor, encounterId);
  authorizeEncounter(actor, enc, 'resolve');
  if (actor.role === 'coder') throw forbidden('Only a senior coder or an admin may double-code');
  if (enc.ownerId === actor.userId) throw forbidden('You cannot double-code your own encounter');
  const doc: DoubleCodingDoc = {
    _id: randomUUID(), orgId: actor.orgId, encounterId, coderId: enc.ownerId, coderName: enc.ownerName,
    seniorId: actor.userId, seniorName: actor.name, coder: null, senior: null, threads: [], createdAt: new Date()
  };
  const q = await qualityCollections(ctx.db);
  await q.doubleCodingStore.update(doc._id, () => ({ next: doc, result: undefined }));
  await ctx.audit.record(actor, { action: 'double-coding.start', targetType: 'encounter', targetId: encounterId, details: { sessionId: doc._id } });
  announce(ctx, actor, { type: 'double-coding.update', orgId: actor.orgId, encounterId, sessionId: doc._id, coderId: doc.coderId, seniorId: doc.seniorId, coderSubmitted: false, seniorSubmitted: false });
  return doc;
}

/** Only the two participants (and admins, who may see everything in their organisation) see a session. */
export async function loadSession(ctx: AppContext, actor: Actor, id: string) {
  const q = await qualityCollections(ctx.db);
  const s = await q.doubleCodingStore.load(id);
  if (!s || s.orgId !== actor.orgId) throw notFound('Double-coding session');
  const isParty = actor.userId === s.coderId || actor.userId === s.seniorId;
  const enc = await findEncounter(ctx.db, actor, s.encounterId);
  if (!enc || !permissionsFor(actor, enc).view || !(isParty || actor.role === 'admin')) throw notFound('Double-coding session');
  return { q, s, enc };
}

/** The coder's side as the encounter holds it now: the live document writes its projection
 * first (it lags edits by about a second), so a submission right after an edit includes it. */
export async function currentCodeLines(ctx: AppContext, actor: Actor, encounterId: string): Promise<CodeLine[]> {
  await collabOf(ctx).writeProjectionNow(encounterId);
  const enc = await findEncounter(ctx.db, actor, encounterId);
  if (!enc) throw notFound('Encounter');
  return enc.codeLines;
}

export async function submitCoding(ctx: AppContext, actor: Actor, id: string, input: { codeLines?: (CodeLineInput & { id?: string })[]; current?: true }): Promise<DoubleCodingDoc> {
  const { q, s: session } = await loadSession(ctx, actor, id);
  if (input.current && actor.userId !== session.coderId) throw forbidden('Only the coder submits the encounter\'s code set; the senior submits their own lines');
  const lines = input.current ? await currentCodeLines(ctx, actor, session.encounterId) : input.codeLines ?? [];
  const ids = lines.map((l) => l.id).filter(Boolean);
  if (new Set(ids).size !== ids.length) throw new AppError('invalid_input', 'codeLines: two lines have the same id', { field: 'codeLines' });
  const side = (s: DoubleCodingDoc) => (actor.userId === s.coderId ? 'coder' : actor.userId === s.seniorId ? 'senior' : null);
  const { doc } = await q.doubleCodingStore.update(id, (cur) => {
    const s = cur!;
    const mine = side(s);
    if (!mine) throw forbidden('Only the coder and the senior of this session submit code sets');
    if (s[mine]) throw conflict('You already submitted your code set for this session');
    const submitted = { lines: lines.map((l) => ({ ...l, id: l.id ?? randomUUID() }) as CodeLine), submittedAt: new Date() };
    return { next: { ...s, [mine]: submitted }, result: undefined };
  });
  await ctx.audit.record(actor, { action: 'double-coding.submit', targetType: 'encounter', targetId: doc.encounterId, details: { sessionId: id, lines: lines.length } });
  announce(ctx, actor, { type: 'double-coding.update', orgId: actor.orgId, encounterId: doc.encounterId, sessionId: id, coderId: doc.coderId, seniorId: doc.seniorId, coderSubmitted: doc.coder !== null, seniorSubmitted: doc.senior !== null });
  return doc;
}

export function sessionDiff(s: DoubleCodingDoc) {
  if (!s.coder || !s.senior) throw conflict('The difference is shown once both the coder and the senior have submitted');
  const d = diffCodeSets(s.coder.lines, s.senior.lines);
  return { ...d, lineAgreement: d.codesReviewed === 0 ? 1 : d.codesUnchanged / d.codesReviewed };
}

/** A thread on one difference (server/commands/threads.ts), anchored on the coder's line when it is on the encounter. */
export async function threadForDifference(ctx: AppContext, actor: Actor, id: string, key: string, clientId: string) {
  const { q, s, enc } = await loadSession(ctx, actor, id);
  const entry = sessionDiff(s).entries.find((e) => e.key === key);
  if (!entry) throw new AppError('invalid_input', 'key: no such difference', { field: 'key' });
  const existing = s.threads.find((t) => t.key === key);
  if (existing) return existing;
  const lineId = [entry.before?.id, entry.after?.id].find((lid) => lid && enc.codeLines.some((l) => l.id === lid));
  const what = `${entry.kind}: ${entry.before?.code ?? '—'} → ${entry.after?.code ?? '—'}`;
  const created = await createThread(ctx, actor, {
    scope: { type: 'encounter', encounterId: s.encounterId }, clientId,
    anchor: lineId ? { type: 'code-line', codeLineId: lineId } : { type: 'whole' },
    title: `Double coding ${what}`.slice(0, 200)
  });
  const link = { key, threadId: created.threadId };
  await q.doubleCodingStore.update(id, (cur) => ({ next: { ...cur!, threads: cur!.threads.some((t) => t.key === key) ? cur!.threads : [...cur!.threads, link] }, result: undefined }));
  return link;
}
