/** /api/encounters: queues, create and import, the encounter itself, flags, sharing, forum, export. */
import { Router } from 'express';
import type { AppContext, Actor } from '../context';
import type { EncounterDoc } from '../db/collections';
import { actorOf, authenticate } from '../http/authenticate';
import { parseInput } from '../http/validate';
import { idParam } from '../http/params';
import {
  addDocumentSchema, createEncounterSchema, createFlagSchema, importSchema, publishSchema, queueQuerySchema,
  replaceCodeLinesSchema, sharingSchema, updateEncounterSchema, updateFlagSchema
} from '../../src/lib/protocol/encounters';
import { addDocument, createEncounter, replaceCodeLines, updateEncounter } from '../commands/encounters';
import { importEncounters } from '../commands/import';
import { createFlag, updateFlag } from '../commands/flags';
import { shareEncounter } from '../commands/sharing';
import { previewPublication, publishToForum, unpublish } from '../commands/forum';
import { authorizeEncounter } from '../policies/encounters';
import { findEncounter } from '../repositories/encounters';
import { listQueue } from '../repositories/queues';
import { presentEncounter, presentExport, presentFlag, presentForumPost } from '../presenters/encounters';
import { findUsersByIds } from '../repositories/users';
import { listTeams } from '../repositories/teams';
import { notFound } from '../errors';
import { validationFor } from '../codes/validation-service';

export function encounterRoutes(ctx: AppContext): Router {
  const r = Router();
  r.use(authenticate(ctx));
  const { c } = ctx.db;

  const present = async (enc: EncounterDoc, actor: Actor) => {
    const [users, teams, validation] = await Promise.all([
      findUsersByIds(c, actor.orgId, enc.sharedUserIds), listTeams(c, actor.orgId), validationFor(ctx, actor.orgId, enc, enc.codeLines)
    ]);
    return presentEncounter(enc, actor, { users: new Map(users.map((u) => [u._id, u])), teams: new Map(teams.map((t) => [t._id, t])) }, validation);
  };
  const flagId = (v: string | string[] | undefined) => {
    if (typeof v !== 'string' || !/^[0-9a-f-]{36}$/.test(v)) throw notFound('Flag');
    return v;
  };

  r.get('/', async (req, res) => {
    const query = parseInput(queueQuerySchema, req.query, 'query');
    res.json({ data: await listQueue(c, actorOf(req), query) });
  });

  r.post('/', async (req, res) => {
    const actor = actorOf(req);
    const enc = await createEncounter(ctx, actor, parseInput(createEncounterSchema, req.body));
    res.status(201).json({ data: await present(enc, actor) });
  });

  r.post('/import', async (req, res) => {
    const input = parseInput(importSchema, req.body);
    res.json({ data: await importEncounters(ctx, actorOf(req), input.encounters) });
  });

  r.get('/:id', async (req, res) => {
    const actor = actorOf(req);
    const id = idParam(req.params.id, 'Encounter');
    const enc = await findEncounter(c, actor, id);
    authorizeEncounter(actor, enc, 'view');
    await ctx.audit.record(actor, { action: 'encounters.view', targetType: 'encounter', targetId: id });
    res.json({ data: await present(enc as EncounterDoc, actor) });
  });

  r.patch('/:id', async (req, res) => {
    const actor = actorOf(req);
    const id = idParam(req.params.id, 'Encounter');
    const enc = await updateEncounter(ctx, actor, id, parseInput(updateEncounterSchema, req.body));
    res.json({ data: await present(enc, actor) });
  });

  r.post('/:id/documents', async (req, res) => {
    const actor = actorOf(req);
    const id = idParam(req.params.id, 'Encounter');
    const enc = await addDocument(ctx, actor, id, parseInput(addDocumentSchema, req.body));
    res.status(201).json({ data: await present(enc, actor) });
  });

  r.put('/:id/code-lines', async (req, res) => {
    const actor = actorOf(req);
    const id = idParam(req.params.id, 'Encounter');
    const enc = await replaceCodeLines(ctx, actor, id, parseInput(replaceCodeLinesSchema, req.body).codeLines);
    res.json({ data: await present(enc, actor) });
  });

  r.post('/:id/flags', async (req, res) => {
    const id = idParam(req.params.id, 'Encounter');
    const flag = await createFlag(ctx, actorOf(req), id, parseInput(createFlagSchema, req.body));
    res.status(201).json({ data: presentFlag(flag) });
  });

  r.patch('/:id/flags/:flagId', async (req, res) => {
    const id = idParam(req.params.id, 'Encounter');
    const flag = await updateFlag(ctx, actorOf(req), id, flagId(req.params.flagId), parseInput(updateFlagSchema, req.body));
    res.json({ data: presentFlag(flag) });
  });

  r.put('/:id/sharing', async (req, res) => {
    const actor = actorOf(req);
    const id = idParam(req.params.id, 'Encounter');
    const enc = await shareEncounter(ctx, actor, id, parseInput(sharingSchema, req.body));
    res.json({ data: await present(enc, actor) });
  });

  r.post('/:id/forum/preview', async (req, res) => {
    const id = idParam(req.params.id, 'Encounter');
    res.json({ data: await previewPublication(ctx, actorOf(req), id) });
  });

  r.post('/:id/forum', async (req, res) => {
    const id = idParam(req.params.id, 'Encounter');
    const post = await publishToForum(ctx, actorOf(req), id, parseInput(publishSchema, req.body));
    res.status(201).json({ data: presentForumPost(post) });
  });

  r.delete('/:id/forum', async (req, res) => {
    const actor = actorOf(req);
    const id = idParam(req.params.id, 'Encounter');
    res.json({ data: await present(await unpublish(ctx, actor, id), actor) });
  });

  r.get('/:id/export', async (req, res) => {
    const actor = actorOf(req);
    const id = idParam(req.params.id, 'Encounter');
    const enc = await findEncounter(c, actor, id);
    authorizeEncounter(actor, enc, 'edit');
    await ctx.audit.record(actor, { action: 'encounters.export', targetType: 'encounter', targetId: id });
    res.setHeader('Content-Disposition', `attachment; filename="encounter-${id}.json"`);
    res.json({ encounters: [presentExport(enc as EncounterDoc)] });
  });
  return r;
}
