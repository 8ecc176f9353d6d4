/**
 * The one way to change an existing encounter: load → authorize → mutate a copy → write with a
 * compare-and-set on updatedAt. Derived fields (status, categories, codes, shared) are
 * recomputed on every write so queue filters never go stale. A concurrent write makes the
 * compare fail; we retry on fresh data a few times, then answer 409. Single-document and
 * atomic on MongoDB and FerretDB alike, no transactions needed.
 */
import type { Actor, AppContext } from '../context';
import type { EncounterDoc, FlagDoc } from '../db/collections';
import { conflict, notFound } from '../errors';
import { authorizeEncounter, type EncounterAction } from '../policies/encounters';
import { findEncounter } from '../repositories/encounters';
import type { EncounterStatus } from '../../src/lib/protocol/encounters';
import { normalizeCode } from '../../src/lib/protocol/codes';

type Derived = Pick<EncounterDoc, 'status' | 'categories' | 'codes' | 'shared'>;

export function statusOf(flags: Pick<FlagDoc, 'status'>[]): EncounterStatus {
  if (flags.some((f) => f.status === 'open')) return 'open';
  if (flags.some((f) => f.status === 'in-discussion')) return 'in-discussion';
  return flags.length > 0 ? 'resolved' : 'open';
}

export function derive(enc: Omit<EncounterDoc, keyof Derived>): Derived {
  return {
    status: statusOf(enc.flags),
    categories: [...new Set(enc.flags.map((f) => f.category))],
    codes: [...new Set(enc.codeLines.map((l) => normalizeCode(l.code)))],
    shared: enc.sharedUserIds.length > 0 || enc.sharedTeamIds.length > 0 || enc.forumPostId !== null
  };
}

/**
 * Reads an encounter's PHI for one purpose: authorize, then write the audit record before the
 * caller sees anything (every view, preview and export of PHI is audited the same way).
 */
export async function openEncounter(ctx: AppContext, actor: Actor, id: string, action: EncounterAction, auditAction: string): Promise<EncounterDoc> {
  const enc = await findEncounter(ctx.db.c, actor, id);
  authorizeEncounter(actor, enc, action);
  await ctx.audit.record(actor, { action: auditAction, targetType: 'encounter', targetId: id });
  return enc;
}

export type Mutation = Partial<Omit<EncounterDoc, '_id' | 'orgId' | keyof Derived | 'updatedAt' | 'createdAt'>>;

export async function mutateEncounter<R = void>(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: EncounterAction,
  mutate: (enc: EncounterDoc) => { changes: Mutation; result?: R } | Promise<{ changes: Mutation; result?: R }>
): Promise<{ encounter: EncounterDoc; result: R }> {
  const { c } = ctx.db;
  for (let attempt = 0; attempt < 4; attempt++) {
    const enc = await findEncounter(c, actor, id);
    authorizeEncounter(actor, enc, action);
    const { changes, result } = await mutate(enc);
    const next = { ...enc, ...changes };
    const updatedAt = new Date(Math.max(Date.now(), enc.updatedAt.getTime() + 1));
    const written = await c.encounters.findOneAndUpdate(
      { _id: id, orgId: actor.orgId, updatedAt: enc.updatedAt },
      { $set: { ...changes, ...derive(next), updatedAt } },
      { returnDocument: 'after' }
    );
    if (written) return { encounter: written, result: result as R };
    if (!(await findEncounter(c, actor, id))) throw notFound('Encounter');
  }
  throw conflict('The encounter changed while saving; reload and try again');
}
