/**
 * The queue views: one page of a queue with filters, sorting and counts. A page carries
 * encounter titles (which can hold a patient's name), dates of service and codes, so every
 * page read is audited: one record naming the encounters (or forum posts) returned.
 */
import type { Actor, AppContext } from '../context';
import type { Filter } from 'mongodb';
import type { Collections, EncounterDoc, ForumPostDoc } from '../db/collections';
import type { QueuePageDto, QueueQuery } from '../../src/lib/protocol/encounters';
import { countQueues, queueFilter, refinements, SORT_FIELDS } from './encounters';
import { presentForumSummary, presentSummary } from '../presenters/encounters';

/** One page of a queue, audited as one record (`encounters.list` / `forum.list`) before it is answered. */
export async function listQueueAudited(ctx: AppContext, actor: Actor, q: QueueQuery): Promise<QueuePageDto> {
  const page = await listQueue(ctx.db.c, actor, q);
  const ids = page.items.map((i) => i.id);
  const { queue, page: n, pageSize, sort, order, ...filters } = q;
  await ctx.audit.record(actor, {
    action: queue === 'forum' ? 'forum.list' : 'encounters.list', targetType: 'queue', targetId: queue,
    details: { ...(queue === 'forum' ? { postIds: ids } : { encounterIds: ids }), total: page.total, page: n, pageSize, sort, order, filters }
  });
  return page;
}

export async function listQueue(c: Collections, actor: Actor, q: QueueQuery): Promise<QueuePageDto> {
  const skip = (q.page - 1) * q.pageSize;
  const dir = q.order === 'asc' ? 1 : -1;
  const counts = await countQueues(c, actor);
  if (q.queue === 'forum') {
    const filter = { orgId: actor.orgId, ...refinements(q) } as Filter<ForumPostDoc>;
    const sortField = q.sort === 'updated' || q.sort === 'created' ? 'publishedAt' : SORT_FIELDS[q.sort];
    const [items, total] = await Promise.all([
      c.forumPosts.find(filter).sort({ [sortField]: dir, _id: 1 }).skip(skip).limit(q.pageSize).toArray(),
      c.forumPosts.countDocuments(filter)
    ]);
    return { items: items.map(presentForumSummary), total, page: q.page, pageSize: q.pageSize, counts };
  }
  const filter: Filter<EncounterDoc> = { $and: [queueFilter(actor, q.queue), refinements(q) as Filter<EncounterDoc>] };
  const [items, total] = await Promise.all([
    // Only the fields a summary needs: no patient identifiers or documentation leave the database.
    c.encounters.find(filter, { projection: { patient: 0, documents: 0 } }).sort({ [SORT_FIELDS[q.sort]]: dir, _id: 1 }).skip(skip).limit(q.pageSize).toArray(),
    c.encounters.countDocuments(filter)
  ]);
  return { items: items.map(presentSummary), total, page: q.page, pageSize: q.pageSize, counts };
}
