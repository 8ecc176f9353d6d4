/**
 * Import of encounters from a JSON file in the shape of the demo file (or of an export).
 *
 * Invariants:
 * - Each item is validated and written on its own (one insertOne: atomic), so a bad item is
 *   rejected whole with its reasons while the good ones are created.
 * - An organisation holds at most one encounter per import key: the item's source identifier
 *   (`key`) or, when it has none, a SHA-256 fingerprint of its content. The key is stored on the
 *   encounter (`importKey`) under a unique index and the insert itself is the check: a
 *   duplicate-key error means the encounter is already here. FerretDB does not make updates
 *   atomic but does enforce unique indexes, so two concurrent imports of one file still make one
 *   copy of each; no read decides whether to write.
 * - An item whose key is the id of one of this organisation's encounters (an export imported
 *   back) is that encounter.
 * - A skipped item changes nothing: the work done on the existing encounter is kept. Its answer
 *   says whether the importer may open it (it may be a colleague's); it never carries its content.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Actor, AppContext } from '../context';
import type { EncounterDoc } from '../db/collections';
import { AppError } from '../errors';
import { importItemSchema, type ImportItemResultDto, type ImportResultDto } from '../../src/lib/protocol/encounters';
import { buildEncounter } from './encounters';
import { permissionsFor } from '../policies/encounters';

type ImportItem = z.infer<typeof importItemSchema>;

const issuesOf = (error: z.ZodError) =>
  error.issues.slice(0, 10).map((i) => ({
    field: i.path.map(String).join('.') || 'item',
    message: i.code === 'unrecognized_keys' ? `unknown field${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}` : i.message
  }));

/** JSON with object keys sorted, so that key order and spacing in the file do not change the fingerprint. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The item's identity in this organisation: its source key, else a fingerprint of the parsed content. */
export function importKeyOf(orgId: string, item: ImportItem): { importKey: string; matchedBy: 'key' | 'content' } {
  const { key, ...content } = item;
  if (key !== undefined && key.trim() !== '') return { importKey: `${orgId}:key:${key.trim()}`, matchedBy: 'key' };
  return { importKey: `${orgId}:sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex')}`, matchedBy: 'content' };
}

const isDuplicateKey = (err: unknown) => (err as { code?: unknown })?.code === 11000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** What the policy needs to tell whether the importer may open the encounter already here. */
const POLICY_FIELDS = { _id: 1, orgId: 1, ownerId: 1, ownerTeamIds: 1, sharedUserIds: 1, sharedTeamIds: 1 } as const;
type Held = Pick<EncounterDoc, keyof typeof POLICY_FIELDS>;

const skipped = (actor: Actor, index: number, key: string | undefined, held: Held, matchedBy: 'key' | 'id' | 'content'): ImportItemResultDto =>
  ({ index, key, status: 'skipped', id: held._id, matchedBy, visible: permissionsFor(actor, held).view });

async function importOne(ctx: AppContext, actor: Actor, index: number, key: string | undefined, item: ImportItem): Promise<ImportItemResultDto> {
  const { c } = ctx.db;
  if (item.key && UUID.test(item.key)) {
    const original = await c.encounters.findOne<Held>({ _id: item.key, orgId: actor.orgId }, { projection: POLICY_FIELDS });
    if (original) return skipped(actor, index, key, original, 'id');
  }
  const { importKey, matchedBy } = importKeyOf(actor.orgId, item);
  const { proposedCodes, flag, flags, key: _key, ...meta } = item;
  const enc: EncounterDoc = {
    ...(await buildEncounter(ctx, actor, { ...meta, codeLines: proposedCodes, flags: [...(flag ? [flag] : []), ...(flags ?? [])] })),
    importKey
  };
  try {
    await c.encounters.insertOne(enc);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // The unique index refused it, so the other copy has landed and can be read.
    const existing = await c.encounters.findOne<Held>({ importKey, orgId: actor.orgId }, { projection: POLICY_FIELDS });
    if (!existing) throw err;
    return skipped(actor, index, key, existing, matchedBy);
  }
  await ctx.audit.record(actor, { action: 'encounters.create', targetType: 'encounter', targetId: enc._id, details: { via: 'import' } });
  return { index, key, status: 'created', id: enc._id };
}

export async function importEncounters(ctx: AppContext, actor: Actor, items: unknown[]): Promise<ImportResultDto> {
  const result: ImportResultDto = { created: 0, skipped: 0, rejected: 0, items: [] };
  for (const [index, raw] of items.entries()) {
    const key = typeof raw === 'object' && raw && typeof (raw as { key?: unknown }).key === 'string' ? (raw as { key: string }).key : undefined;
    const parsed = importItemSchema.safeParse(raw);
    let outcome: ImportItemResultDto;
    if (!parsed.success) outcome = { index, key, status: 'rejected', errors: issuesOf(parsed.error) };
    else {
      try {
        outcome = await importOne(ctx, actor, index, key, parsed.data);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'invalid_input') throw err;
        outcome = { index, key, status: 'rejected', errors: [{ field: (err.details as { field?: string })?.field ?? 'item', message: err.message }] };
      }
    }
    result[outcome.status]++;
    result.items.push(outcome);
  }
  return result;
}
