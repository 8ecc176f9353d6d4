/**
 * /api/audit: admins browse their organisation's audit log. Read-only: no route edits or deletes
 * records. The log names encounters and who opened them, so reading it is itself audited
 * (`audit.list`, with the filters and the records returned).
 */
import { Router } from 'express';
import type { Filter } from 'mongodb';
import type { AppContext } from '../context';
import type { AuditDoc } from '../db/collections';
import { actorOf, authenticate, requireRole } from '../http/authenticate';
import { parseInput } from '../http/validate';
import { auditQuerySchema, type AuditRecordDto } from '../../src/lib/protocol/encounters';

const present = (a: AuditDoc): AuditRecordDto => ({
  id: a._id, actor: { id: a.actorId, name: a.actorName }, action: a.action, target: { type: a.targetType, id: a.targetId },
  at: a.at.toISOString(), address: a.address, ...(a.details ? { details: a.details } : {})
});

/** A bare date as an upper bound means "through the end of that day". */
const bound = (v: string, end: boolean) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(v + (end ? 'T23:59:59.999Z' : 'T00:00:00Z')) : new Date(v));

/** "auth" or "encounters.vi" match from the start of the action; a word without a dot may also start the verb ("sign-in"). */
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const actionPrefix = (v: string) => (v.includes('.') ? `^${escapeRegex(v)}` : `^(?:[a-z-]+\\.)?${escapeRegex(v)}`);

export function auditRoutes(ctx: AppContext): Router {
  const r = Router();
  r.use(authenticate(ctx), requireRole('admin'));
  r.get('/', async (req, res) => {
    const q = parseInput(auditQuerySchema, req.query, 'query');
    const actor = actorOf(req);
    const filter: Filter<AuditDoc> = { orgId: actor.orgId };
    if (q.actorId) filter.actorId = q.actorId;
    if (q.action) filter.action = { $regex: actionPrefix(q.action) };
    if (q.targetId) filter.targetId = q.targetId;
    if (q.from || q.to) filter.at = { ...(q.from ? { $gte: bound(q.from, false) } : {}), ...(q.to ? { $lte: bound(q.to, true) } : {}) };
    await ctx.audit.flush();
    const [items, total] = await Promise.all([
      ctx.db.c.audit.find(filter).sort({ at: -1, _id: 1 }).skip((q.page - 1) * q.pageSize).limit(q.pageSize).toArray(),
      ctx.db.c.audit.countDocuments(filter)
    ]);
    const { page, pageSize, ...filters } = q;
    await ctx.audit.record(actor, { action: 'audit.list', targetType: 'audit', targetId: actor.orgId, details: { recordIds: items.map((i) => i._id), total, page, pageSize, filters } });
    res.json({ data: { items: items.map(present), total, page: q.page, pageSize: q.pageSize } });
  });
  return r;
}
