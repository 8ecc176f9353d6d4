/**
 * The one way to change an existing encounter: a change (authorize → mutate a copy → derive)
 * applied through the versioned store of server/db/storage, which gives it exactly one new
 * revision on MongoDB and FerretDB alike, re-running it on fresh data when another writer got
 * there first, and answering 409 only after repeated collisions. Concurrent changes in one
 * process are grouped into one revision, each caller keeping its own result or error. Derived
 * fields (status, categories, codes, shared) are recomputed in the same revision, so queue
 * filters never disagree with the flags, code lines and sharing they derive from.
 */
import type { Actor, AppContext } from '../context';
import type { EncounterDoc, FlagDoc } from '../db/collections';
import { notFound } from '../errors';
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
  const enc = await findEncounter(ctx.db, actor, id);
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
  // The state this caller's change was computed from, in its last (winning) round.
  let before: EncounterDoc | null = null;
  let fields: string[] = [];
  const { doc, result } = await ctx.db.stores.encounters.update<R>(id, async (enc) => {
    if (enc && enc.orgId !== actor.orgId) throw notFound('Encounter');
    authorizeEncounter(actor, enc, action);
    const { changes, result } = await mutate(enc);
    before = enc;
    fields = Object.keys(changes);
    const merged = { ...enc, ...changes };
    const updatedAt = new Date(Math.max(Date.now(), enc.updatedAt.getTime() + 1));
    return { next: { ...merged, ...derive(merged), updatedAt }, result: result as R };
  });
  // After the write has landed: everyone with the encounter open sees it live (server/sockets/broadcast.ts).
  if (before) ctx.bus.publish({ type: 'encounter.changed', actor, before, after: doc, fields });
  return { encounter: doc, result };
}
