/** /api/forum/:id: the de-identified copy, readable by every member of the organisation. */
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
    const post = await ctx.db.c.forumPosts.findOne({ _id: idParam(req.params.id, 'Forum post'), orgId: actorOf(req).orgId });
    if (!post) throw notFound('Forum post');
    res.json({ data: presentForumPost(post) });
  });
  return r;
}
