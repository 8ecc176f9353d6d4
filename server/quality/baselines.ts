/**
 * "The original coding" of a flag: the code lines as they were just before the flag was raised,
 * captured from the domain bus (server/events/bus.ts) when an encounter change adds a flag.
 * Insert-only with _id `<encounterId>:<flagId>`, so a repeated event writes nothing twice.
 * An encounter created with its flags already in it has no change event: its resolutions
 * compare with the code lines at creation as they still are (see ARCHITECTURE).
 */
import type { AppContext } from '../context';
import { isDuplicateKey } from '../db/storage';
import { qualityCollections } from './collections';

const watching = new WeakSet<AppContext>();

export function watchFlagBaselines(ctx: AppContext): void {
  if (watching.has(ctx) || !ctx.bus) return;
  watching.add(ctx);
  ctx.bus.subscribe(async (event) => {
    if (event.type !== 'encounter.changed' || !event.fields.includes('flags')) return;
    const known = new Set(event.before.flags.map((f) => f.id));
    const raised = event.after.flags.filter((f) => !known.has(f.id));
    if (raised.length === 0) return;
    const q = await qualityCollections(ctx.db);
    await Promise.all(raised.map((f) => q.baselines.insertOne({
      _id: `${event.after._id}:${f.id}`, orgId: event.after.orgId, encounterId: event.after._id, flagId: f.id,
      codeLines: event.before.codeLines, at: f.createdAt
    }).catch((err) => { if (!isDuplicateKey(err)) throw err; })));
  });
}
