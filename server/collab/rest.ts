/**
 * PUT /api/encounters/:id/code-lines through the live document. The request names the whole
 * list, but it is applied as the difference between that list and the stored projection the
 * client read (lines added, removed, fields changed, order), each applied by line id to the
 * document as it is now. A live edit made at the same moment to another line or field is
 * therefore kept, and API clients and editors never overwrite each other wholesale.
 */
import type { Actor, AppContext } from '../context';
import type { EncounterDoc } from '../db/collections';
import { AppError, conflict } from '../errors';
import { authorizeEncounter } from '../policies/encounters';
import { findEncounter } from '../repositories/encounters';
import type { CodeLine, CodeLineInput } from '../../src/lib/protocol/encounters';
import { fromCodeLines, LINE_FIELDS, readLines, replaceLines, type LiveLine } from '../../src/lib/collab/shape';
import { collabOf } from './index';

type Requested = (CodeLineInput & { id?: string })[];

export async function replaceCodeLinesLive(ctx: AppContext, actor: Actor, id: string, requested: Requested, newId: () => string): Promise<EncounterDoc> {
  const enc = await findEncounter(ctx.db, actor, id);
  authorizeEncounter(actor, enc, 'editCodes');
  if (enc.codeSetLocked) throw conflict('The code set is locked; nobody can change it until it is reopened');
  const service = collabOf(ctx);
  const live = await service.open(enc);
  const by = { id: actor.userId, name: actor.name };
  const base = fromCodeLines(enc.codeLines);
  const wanted = fromCodeLines(requested.map((l) => ({ ...l, id: l.id ?? newId() }) as CodeLine), by, new Map(base.map((l) => [l.id, l])));
  const changed = await service.serverChange(live, actor, (doc) => replaceLines(doc, merge(readLines(doc), base, wanted)));
  if (!changed && live.projected === JSON.stringify(enc.codeLines)) return enc;
  await service.tasksOf(live).writeProjection();
  const after = await findEncounter(ctx.db, actor, id);
  if (!after) throw new AppError('not_found', 'Encounter not found');
  return after;
}

/** Three-way: the current document plus the request's changes relative to what it was based on. */
export function merge(current: LiveLine[], base: LiveLine[], wanted: LiveLine[]): LiveLine[] {
  const baseById = new Map(base.map((l) => [l.id, l]));
  const wantedById = new Map(wanted.map((l) => [l.id, l]));
  const removed = new Set(base.filter((l) => !wantedById.has(l.id)).map((l) => l.id));
  const result = current.filter((l) => !removed.has(l.id)).map((l) => {
    const w = wantedById.get(l.id);
    const b = baseById.get(l.id);
    if (!w) return l;
    if (!b) return { ...w, addedBy: l.addedBy };
    const next = { ...l };
    for (const f of LINE_FIELDS) {
      if (f !== 'addedBy' && JSON.stringify(w[f]) !== JSON.stringify(b[f])) (next as Record<string, unknown>)[f] = w[f];
    }
    return next;
  });
  const present = new Set(result.map((l) => l.id));
  const added = wanted.filter((l) => !present.has(l.id) && !baseById.has(l.id));
  const baseOrder = base.filter((l) => wantedById.has(l.id)).map((l) => l.id);
  const wantedOrder = wanted.filter((l) => baseById.has(l.id)).map((l) => l.id);
  const reordered = baseOrder.some((x, i) => x !== wantedOrder[i]);
  if (!reordered && added.length === 0) return result;
  // The request's order for its lines; lines only the document has keep their place after
  // the line they follow now.
  const out: LiveLine[] = [];
  const byId = new Map([...result, ...added].map((l) => [l.id, l]));
  const placed = new Set<string>();
  for (const w of wanted) { const l = byId.get(w.id); if (l) { out.push(l); placed.add(l.id); } }
  result.forEach((l, i) => {
    if (placed.has(l.id)) return;
    const prev = result.slice(0, i).reverse().find((p) => placed.has(p.id));
    const at = prev ? out.findIndex((x) => x.id === prev.id) + 1 : 0;
    out.splice(at, 0, l);
    placed.add(l.id);
  });
  return out;
}
