/**
 * Group commit of one document's accepted updates into its log (store.ts).
 *
 * Invariants:
 * - The promise `write()` returns resolves only after a log entry holding that update has
 *   landed (the update itself, or a Yjs merge of it with other updates of the same author from
 *   the same round, which contains it); it rejects when that entry's write failed.
 * - At most one round per document is in flight, and rounds start at least ROUND_GAP_MS apart.
 *   The first update after a quiet spell is written at the next tick; updates accepted while a
 *   round is in flight or within the gap wait for the next round, so under load N updates cost
 *   one entry per author per round (the storage module's batching turns a round's entries into
 *   one insertMany): at 250 updates a second that is ~40 inserts instead of 250, which is most
 *   of what persistence costs the database here. Only the ack waits; the relay never does.
 * - Entries keep their author (`byId`/`byName`) and land in the order of their first update.
 */
import * as Y from 'yjs';
import type { CollabStore } from './store';

export interface Author { id: string; name: string }
/** The least time between the starts of two rounds of one document. */
export const ROUND_GAP_MS = 25;

interface Job { update: Uint8Array; by: Author; resolve(): void; reject(err: unknown): void }

/** Updates of one round grouped by author, in order of each author's first update. */
export function groupByAuthor<T extends { by: Author }>(jobs: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const j of jobs) {
    const g = groups.get(j.by.id);
    if (g) g.push(j);
    else groups.set(j.by.id, [j]);
  }
  return [...groups.values()];
}

export class DocWriter {
  private queued: Job[] = [];
  private busy = false;
  private lastRoundAt = -Infinity;
  private draining: Promise<void> = Promise.resolve();

  /** `landed(seq)` runs after each entry landed (the caller tracks lastSeq and compaction). */
  constructor(private readonly store: CollabStore, private readonly docId: string, private readonly landed: (seq: number) => void) {}

  write(update: Uint8Array, by: Author): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queued.push({ update, by, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        this.draining = new Promise<void>((resolve) => setImmediate(() => void this.drain().finally(resolve)));
      }
    });
  }

  /** Nothing queued or in flight (eviction waits for it). */
  get idle(): boolean { return !this.busy && this.queued.length === 0; }

  /** Resolves when everything queued so far has been written or has failed (shutdown). */
  settled(): Promise<void> { return this.draining; }

  private async drain(): Promise<void> {
    try {
      while (this.queued.length > 0) {
        const wait = this.lastRoundAt + ROUND_GAP_MS - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        this.lastRoundAt = performance.now();
        const round = this.queued;
        this.queued = [];
        await Promise.all(groupByAuthor(round).map((group) => this.writeGroup(group)));
      }
    } finally {
      this.busy = false;
    }
  }

  private async writeGroup(group: Job[]): Promise<void> {
    try {
      const update = group.length === 1 ? group[0]!.update : Y.mergeUpdates(group.map((j) => j.update));
      const { seq } = await this.store.append(this.docId, update, group[0]!.by);
      this.landed(seq);
      for (const j of group) j.resolve();
    } catch (err) {
      for (const j of group) j.reject(err);
    }
  }
}
