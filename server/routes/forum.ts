/**
 * /api/forum/:id: the de-identified copy, readable by every member of the organisation. A read
 * names an encounter (encounterId) and what was left in the copy, so it is audited (`forum.view`).
 */
import { Router } from 'express';
import type { AppContext } from '../context';
import { actorOf, authenticate } from '../http/authenticate';
import { idParam } from '../http/params';
import { notFound } from '../errors';
import { presentForumPost } from '../presenters/encounters';

export function forumRoutes(ctx: AppContext): Router {
  const r = Router();
  r.use(authenticate(ctx));
  r.get('/:id', async (req, res) => {
    const actor = actorOf(req);
    const post = await ctx.db.c.forumPosts.findOne({ _id: idParam(req.params.id, 'Forum post'), orgId: actor.orgId });
    if (!post) throw notFound('Forum post');
    await ctx.audit.record(actor, { action: 'forum.view', targetType: 'forum-post', targetId: post._id, details: { encounterId: post.encounterId } });
    res.json({ data: presentForumPost(post) });
  });
  return r;
}
