/**
 * Versioned documents: read-modify-write that is correct without atomic updates.
 *
 * A document carries an integer `revision`. To move it from revision r to r+1 a writer inserts
 * the claim `<ns>:<id>:<r+1>` (unique _id) holding the full new state; only one writer can win
 * that insert, on FerretDB and MongoDB alike, in any number of processes. The winner then
 * replaces the document (the projection that queries read) and acknowledges; a loser reloads and
 * re-applies its change to the fresh state (changes are functions of the current state), and
 * after MAX_ROUNDS answers 409. Creating a document is its own claim: insertOne on a unique _id.
 *
 * Reading walks the claims after the projection's revision, so a writer that crashed between
 * its claim and its projection write, or a projection write overtaken by a later one, is rolled
 * forward. The newest claim of a chain always keeps its state; older ones are stripped, and all
 * are swept after CLAIM_TTL_MS once the projection has caught up (see sweepClaims). A round
 * that took longer than ROUND_DEADLINE_MS starts over, so no writer claims on a base older than
 * the sweep keeps.
 *
 * Ids are never reused: a document deleted and created again under the same id within
 * CLAIM_TTL_MS would be rolled forward to its old claims.
 *
 * In one process, changes to one document are grouped (KeyedBatches): everything queued while a
 * round runs goes into the next round as one revision, each caller getting its own result or
 * its own error.
 */
import type { Collection, Filter, OptionalUnlessRequiredId } from 'mongodb';
import { conflict } from '../../errors';
import { isDuplicateKey, jitter } from './errors';
import { KeyedBatches } from './keyed-batches';

export interface Versioned { _id: string; revision?: number }
export interface ClaimDoc { _id: string; ns: string; key: string; rev: number; at: Date; state?: unknown }

export const MAX_ROUNDS = 40;
export const ROUND_DEADLINE_MS = 30_000;
/** Longer than a round (30 s) plus a write in flight (25 s socket timeout): no writer can still contest a swept claim. */
export const CLAIM_TTL_MS = 90_000;

/** A change: a pure function of the current state (null: the document does not exist yet). */
export type Change<T, R> = (current: T | null) => { next: T; result: R } | Promise<{ next: T; result: R }>;

const keep = <T>(current: T | null) => ({ next: current as T, result: undefined });

interface Job<T> { change: Change<T, unknown>; resolve(v: { doc: T; result: unknown }): void; reject(e: unknown): void }

export interface VersionedStore<T extends Versioned> {
  readonly ns: string;
  /** The current state, rolled forward past the projection when a claim is ahead of it. */
  load(id: string): Promise<T | null>;
  /** Applies `change` as one revision; resolves after the new state has landed. */
  update<R>(id: string, change: Change<T, R>): Promise<{ doc: T; result: R }>;
  /** Brings the projection up to `doc` if it is behind (sweeper and readers). */
  repair(doc: T): Promise<void>;
}

export const claimId = (ns: string, id: string, rev: number) => `${ns}:${id}:${rev}`;
export const revisionOf = (doc: Versioned | null) => doc?.revision ?? 0;

export function createVersionedStore<T extends Versioned>(
  ns: string,
  collection: Collection<T>,
  claims: Collection<ClaimDoc>,
  onBackgroundError: (err: unknown) => void
): VersionedStore<T> {
  const byId = (id: string) => ({ _id: id }) as Filter<T>;

  /** The latest state, and whether the projection is behind it (a writer died after its claim). */
  async function latest(id: string): Promise<{ doc: T | null; behind: boolean }> {
    const projected = (await collection.findOne(byId(id))) as T | null;
    if (!projected) return { doc: null, behind: false };
    let rev = revisionOf(projected);
    let doc: T = projected;
    for (;;) {
      const claim = await claims.findOne({ _id: claimId(ns, id, rev + 1) });
      if (!claim) break;
      rev = claim.rev;
      if (claim.state) doc = claim.state as T;
    }
    return { doc, behind: doc !== projected };
  }

  async function load(id: string): Promise<T | null> {
    const { doc, behind } = await latest(id);
    // The repair is queued behind this document's writers, so it never overwrites a newer write.
    if (behind) batches.push(id, { change: keep, resolve: () => {}, reject: onBackgroundError });
    return doc;
  }

  async function repair(doc: T): Promise<void> {
    const rev = revisionOf(doc);
    await collection.replaceOne({ _id: doc._id, $or: [{ revision: { $lt: rev } }, { revision: { $exists: false } }] } as Filter<T>, doc);
  }

  /**
   * The newest claim keeps its state; the one before it no longer needs to. Stripping is one
   * updateMany for everything superseded in the last half second (an update per write would
   * cost FerretDB as much as the write itself).
   */
  const superseded = new Set<string>();
  let stripTimer: NodeJS.Timeout | null = null;
  function tidy(id: string, rev: number): void {
    if (rev < 2) return;
    superseded.add(claimId(ns, id, rev - 1));
    stripTimer ??= setTimeout(() => {
      stripTimer = null;
      const ids = [...superseded];
      superseded.clear();
      claims.updateMany({ _id: { $in: ids } }, { $unset: { state: '' } }).catch(onBackgroundError);
    }, 500).unref();
  }

  /**
   * A projection write can only fail for good on another unique index (a team renamed to a name
   * taken a moment ago): then the revision is undone by one more claim with the old state and
   * the change is refused. Any other failure leaves the claim to roll the projection forward.
   */
  async function writeProjection(next: T, previous: T): Promise<Error | null> {
    try {
      await collection.replaceOne(byId(next._id), next);
      return null;
    } catch (err) {
      if (!isDuplicateKey(err)) { onBackgroundError(err); return null; }
      const rev = revisionOf(next) + 1;
      const undone = { ...previous, revision: rev };
      await claims.insertOne({ _id: claimId(ns, next._id, rev), ns, key: next._id, rev, at: new Date(), state: undone })
        .then(() => collection.replaceOne(byId(next._id), undone))
        .catch(onBackgroundError);
      return conflict('This conflicts with another record that has the same name or key');
    }
  }

  async function round(id: string, jobs: Job<T>[]): Promise<void> {
    for (let attempt = 0; attempt < MAX_ROUNDS; attempt++) {
      const startedAt = Date.now();
      const { doc: current, behind } = await latest(id);
      let working: T | null = current;
      const outcomes: ({ ok: true; result: unknown } | { ok: false; err: unknown })[] = [];
      for (const job of jobs) {
        try {
          const { next, result } = await job.change(working);
          working = next;
          outcomes.push({ ok: true, result });
        } catch (err) {
          outcomes.push({ ok: false, err });
        }
      }
      const settle = (doc: T | null) => jobs.forEach((job, i) => {
        const o = outcomes[i]!;
        if (o.ok) job.resolve({ doc: doc!, result: o.result });
        else job.reject(o.err);
      });
      if (working === current) {
        if (behind && current) await collection.replaceOne(byId(id), current).catch(onBackgroundError);
        return settle(current);
      }
      if (Date.now() - startedAt > ROUND_DEADLINE_MS) continue;
      const rev = revisionOf(current) + 1;
      const next = { ...working!, _id: id, revision: rev } as T;
      try {
        if (!current) await collection.insertOne(next as OptionalUnlessRequiredId<T>);
        else await claims.insertOne({ _id: claimId(ns, id, rev), ns, key: id, rev, at: new Date(), state: next });
      } catch (err) {
        if (!isDuplicateKey(err)) return jobs.forEach((j) => j.reject(err));
        await jitter(attempt);
        continue;
      }
      if (current) {
        const refused = await writeProjection(next, current);
        if (refused) return jobs.forEach((j) => j.reject(refused));
        tidy(id, rev);
      }
      return settle(next);
    }
    const err = conflict('Someone else changed this at the same moment, several times in a row; reload and try again');
    jobs.forEach((j) => j.reject(err));
  }

  const batches = new KeyedBatches<Job<T>>(round, onBackgroundError);
  return {
    ns,
    load,
    repair,
    update<R>(id: string, change: Change<T, R>) {
      return new Promise<{ doc: T; result: R }>((resolve, reject) => {
        batches.push(id, { change, resolve: resolve as Job<T>['resolve'], reject });
      });
    }
  };
}
