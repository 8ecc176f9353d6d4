/**
 * Joins of one encounter that arrive together share one read of it (a reconnect storm after a
 * restart, or a team opening the same case, is then one read per encounter per round instead
 * of one per socket; FerretDB scans for every read).
 *
 * Invariant: a join decides on a read that started after the join arrived: a KeyedBatches run
 * takes only the jobs queued before it starts, and jobs that arrive while a read is running wait
 * for the next one. So sharing never lets a join see a state older than its own request (a
 * revocation that landed before the request is always seen).
 */
import type { AppContext } from '../context';
import type { EncounterDoc } from '../db/collections';
import { KeyedBatches } from '../db/storage/keyed-batches';

interface Job { resolve(enc: EncounterDoc | null): void; reject(err: unknown): void }

const batchers = new WeakMap<AppContext, KeyedBatches<Job>>();

export function encounterForJoin(ctx: AppContext, id: string): Promise<EncounterDoc | null> {
  let b = batchers.get(ctx);
  if (!b) {
    b = new KeyedBatches<Job>(async (encounterId, jobs) => {
      try {
        const enc = await ctx.db.stores.encounters.load(encounterId);
        for (const j of jobs) j.resolve(enc);
      } catch (err) {
        for (const j of jobs) j.reject(err);
      }
    }, (err) => ctx.log.warn({ err }, 'encounter read for a join failed'));
    batchers.set(ctx, b);
  }
  const batches = b;
  return new Promise((resolve, reject) => batches.push(id, { resolve, reject }));
}
