/**
 * Where a code-set document lives in the database.
 *
 *   collab_updates    one entry per author and group commit (writer.ts: the accepted updates of
 *                     one round, merged), numbered per document by the storage
 *                     module's sequenced log (unique (docId, seq), one insertMany per document
 *                     per tick, resolving after it landed)
 *   collab_snapshots  the merged state of a document up to and including entry `upToSeq`;
 *                     unique (docId, upToSeq), so two servers compacting at once cannot clash
 *
 * Invariants:
 * - An update is acknowledged only after its entry landed (`append`).
 * - Compaction builds a snapshot from the database (never from memory, which may lack another
 *   server's entries), with overwritten values collected as a live copy collects them, inserts it, and only then deletes entries strictly below its upToSeq and
 *   older snapshots. The newest entry is never deleted, so the log's numbering never restarts.
 * - Loading reads the newest snapshot, the entries from its upToSeq on, then the newest
 *   snapshot again: a compaction that deleted entries between the two reads left a snapshot
 *   covering them. Yjs updates are idempotent, so overlapping snapshot and log merge safely.
 * - Inserts and deletes only (FerretDB does not make updates atomic).
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { Binary } from 'mongodb';
import type { SequencedLog, Storage } from '../db/storage';
import { isDuplicateKey } from '../db/storage';
import type { CollabUpdateDoc, Collections } from '../db/collections';

export interface LoadedState { update: Uint8Array; lastSeq: number; baseSeq: number; entries: number; empty: boolean }

const bytesOf = (b: Binary | Uint8Array): Uint8Array => (b instanceof Binary ? b.buffer : b);

/**
 * The state of merged parts as a document holds it: values that were overwritten or deleted
 * are collected (Yjs keeps only their ids), so a snapshot stays the size of the code set rather
 * than of every value ever typed. History does not need them (versions are kept apart), and a
 * later update that builds on a collected value merges exactly as it does into a live copy.
 */
function collectedState(parts: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, Y.mergeUpdates(parts));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

export interface CollabStore {
  append(docId: string, update: Uint8Array, by: { id: string; name: string } | null, id?: string): Promise<{ seq: number; duplicate: boolean }>;
  load(docId: string): Promise<LoadedState>;
  compact(docId: string): Promise<{ upToSeq: number; removed: number } | null>;
  /** What landed after entry `afterSeq` (a snapshot when compaction passed it), merged; null when nothing. */
  since(docId: string, afterSeq: number): Promise<{ update: Uint8Array; lastSeq: number } | null>;
  storedBytes(docId?: string): Promise<number>;
}

export function createCollabStore(c: Collections, storage: Storage): CollabStore {
  const updates = c.collabUpdates;
  const snapshots = c.collabSnapshots;
  const log: SequencedLog<CollabUpdateDoc> = storage.sequencedLog(updates, 'docId');

  const newestSnapshot = async (docId: string) =>
    (await snapshots.find({ docId }).sort({ upToSeq: -1 }).limit(1).toArray())[0] ?? null;

  async function readMerged(docId: string) {
    const first = await newestSnapshot(docId);
    const entries = await updates.find({ docId, seq: { $gte: first?.upToSeq ?? 0 } }).sort({ seq: 1 }).toArray();
    const second = await newestSnapshot(docId);
    const parts: Uint8Array[] = [];
    if (first) parts.push(bytesOf(first.state));
    if (second && second.upToSeq !== first?.upToSeq) parts.push(bytesOf(second.state));
    for (const e of entries) parts.push(bytesOf(e.update));
    const base = second ?? first;
    const lastSeq = Math.max(base?.upToSeq ?? 0, ...entries.map((e) => e.seq));
    return { parts, lastSeq, baseSeq: base?.upToSeq ?? 0, entries: entries.length, empty: !first && !second && entries.length === 0 };
  }

  return {
    async append(docId, update, by, id = randomUUID()) {
      const { entry, duplicate } = await log.append(docId, {
        _id: id, docId, update: new Binary(update), at: new Date(), byId: by?.id ?? null, byName: by?.name ?? null
      } as Omit<CollabUpdateDoc, 'seq'>);
      return { seq: entry.seq, duplicate };
    },

    async load(docId) {
      const { parts, lastSeq, baseSeq, entries, empty } = await readMerged(docId);
      return { update: parts.length ? Y.mergeUpdates(parts) : new Uint8Array([0, 0]), lastSeq, baseSeq, entries, empty };
    },

    async since(docId, afterSeq) {
      const entries = await updates.find({ docId, seq: { $gt: afterSeq } }).sort({ seq: 1 }).toArray();
      const snap = await newestSnapshot(docId);
      const parts: Uint8Array[] = [];
      if (snap && snap.upToSeq > afterSeq) parts.push(bytesOf(snap.state));
      for (const e of entries) parts.push(bytesOf(e.update));
      if (parts.length === 0) return null;
      return { update: Y.mergeUpdates(parts), lastSeq: Math.max(afterSeq, snap?.upToSeq ?? 0, ...entries.map((e) => e.seq)) };
    },

    async compact(docId) {
      const { parts, lastSeq, baseSeq } = await readMerged(docId);
      if (lastSeq <= baseSeq) return null;
      const state = collectedState(parts);
      try {
        await snapshots.insertOne({ _id: `${docId}:${lastSeq}`, docId, upToSeq: lastSeq, state: new Binary(state), at: new Date() });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err; // another server made the same snapshot: it has landed
      }
      // Only now, with the covering snapshot landed, may what it covers go.
      const removed = await updates.deleteMany({ docId, seq: { $lt: lastSeq } });
      await snapshots.deleteMany({ docId, upToSeq: { $lt: lastSeq } });
      return { upToSeq: lastSeq, removed: removed.deletedCount };
    },

    async storedBytes(docId) {
      const filter = docId ? { docId } : {};
      const [u, s] = await Promise.all([updates.find(filter).toArray(), snapshots.find(filter).toArray()]);
      return u.reduce((n, e) => n + bytesOf(e.update).byteLength, 0) + s.reduce((n, e) => n + bytesOf(e.state).byteLength, 0);
    }
  };
}
