/**
 * History of a code set: versions as plain lines and rationale (`collab_versions`, inserts
 * only), kept apart from the Yjs log so that compaction never touches what history needs.
 * A version is written at every pause in editing (and at least every MAX_VERSION_GAP_MS while
 * editing goes on), naming everyone whose change went into it. Diffs are in coder terms.
 */
import { randomUUID } from 'node:crypto';
import type { Collections, CollabVersionDoc } from '../db/collections';
import type { LiveLine } from '../../src/lib/collab/shape';
import type { VersionDiffDto, VersionDto } from '../../src/lib/protocol/collab';
import { notFound } from '../errors';

export async function insertVersion(c: Collections, v: Omit<CollabVersionDoc, '_id'>): Promise<CollabVersionDoc> {
  const doc = { _id: randomUUID(), ...v };
  await c.collabVersions.insertOne(doc);
  return doc;
}

export const presentVersion = (v: CollabVersionDoc): VersionDto =>
  ({ id: v._id, at: v.at.toISOString(), authors: v.authors, label: v.label, lines: v.lines.length });

export async function listVersions(c: Collections, docId: string, limit = 200): Promise<CollabVersionDoc[]> {
  return c.collabVersions.find({ docId }).sort({ at: -1 }).limit(limit).toArray();
}

export async function findVersion(c: Collections, docId: string, id: string): Promise<CollabVersionDoc> {
  const v = await c.collabVersions.findOne({ _id: id });
  if (!v || v.docId !== docId) throw notFound('Version');
  return v;
}

const isPrincipal = (l: LiveLine) => l.role === 'principal' || l.role === 'first-listed';
const short = (l: LiveLine) => ({ lineId: l.id, code: l.code, system: l.system, role: l.role });

/** Lines kept in order: the longest common subsequence of ids; every other kept line moved. */
function unmoved(a: string[], b: string[]): Set<string> {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) {
    dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  }
  const keep = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    // On a tie keep the earlier line of the old order: a line moved up reads as "moved", not
    // as every line it jumped over moving down.
    if (a[i] === b[j]) { keep.add(a[i]!); i++; j++; } else if (dp[i + 1]![j]! > dp[i]![j + 1]!) i++; else j++;
  }
  return keep;
}

export function diffVersions(from: CollabVersionDoc, to: CollabVersionDoc): VersionDiffDto {
  const a = from.lines as LiveLine[];
  const b = to.lines as LiveLine[];
  const aById = new Map(a.map((l) => [l.id, l]));
  const bById = new Map(b.map((l) => [l.id, l]));
  const changed: VersionDiffDto['changed'] = [];
  for (const l of b) {
    const old = aById.get(l.id);
    if (!old) continue;
    for (const f of ['system', 'code', 'role', 'poa', 'modifiers', 'units', 'pointers', 'note'] as const) {
      if (JSON.stringify(old[f]) !== JSON.stringify(l[f])) changed.push({ lineId: l.id, code: l.code, field: f, before: old[f], after: l[f] });
    }
  }
  const common = (xs: LiveLine[], other: Map<string, LiveLine>) => xs.filter((l) => other.has(l.id)).map((l) => l.id);
  const ca = common(a, bById);
  const cb = common(b, aById);
  const still = unmoved(ca, cb);
  const pa = a.find(isPrincipal);
  const pb = b.find(isPrincipal);
  return {
    from: from._id, to: to._id,
    added: b.filter((l) => !aById.has(l.id)).map(short),
    removed: a.filter((l) => !bById.has(l.id)).map(short),
    changed,
    resequenced: cb.filter((id) => !still.has(id)).map((id) => ({ lineId: id, code: bById.get(id)!.code, from: a.findIndex((l) => l.id === id) + 1, to: b.findIndex((l) => l.id === id) + 1 })),
    principal: (pa?.id !== pb?.id || pa?.code !== pb?.code) ? { before: pa?.code ?? null, after: pb?.code ?? null } : null,
    rationaleChanged: from.rationale !== to.rationale
  };
}
