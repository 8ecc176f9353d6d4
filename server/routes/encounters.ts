/** /api/encounters: queues, create and import, the encounter itself, flags, sharing, forum, export. */
import { Router, type Request, type Response } from 'express';
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
import { openEncounter } from '../commands/encounter-state';
import { listQueueAudited } from '../repositories/queues';
import { presentEncounter, presentExport, presentFlag, presentForumPost } from '../presenters/encounters';
import { findUsersByIds } from '../repositories/users';
import { listTeams } from '../repositories/teams';
import { notFound } from '../errors';
import { validationFor, validationNow } from '../codes/validation-service';

export function encounterRoutes(ctx: AppContext): Router {
  const r = Router();
  r.use(authenticate(ctx));
  const { c } = ctx.db;

  // Never waits for the code sets: right after a start the encounter is answered at once with
  // `findingsPending`, and its findings follow (GET /:id/validation, or the live editor's findings).
  const present = async (enc: EncounterDoc, actor: Actor) => {
    const [users, teams, { validation, pending }] = await Promise.all([
      findUsersByIds(c, actor.orgId, enc.sharedUserIds), listTeams(c, actor.orgId), validationNow(ctx, actor.orgId, enc, enc.codeLines)
    ]);
    const dto = presentEncounter(enc, actor, { users: new Map(users.map((u) => [u._id, u])), teams: new Map(teams.map((t) => [t._id, t])) }, validation);
    return pending ? { ...dto, findingsPending: true } : dto;
  };
  const flagId = (v: string | string[] | undefined) => {
    if (typeof v !== 'string' || !/^[0-9a-f-]{36}$/.test(v)) throw notFound('Flag');
    return v;
  };

  r.get('/', async (req, res) => {
    const query = parseInput(queueQuerySchema, req.query, 'query');
    res.json({ data: await listQueueAudited(ctx, actorOf(req), query) });
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
    const enc = await openEncounter(ctx, actor, idParam(req.params.id, 'Encounter'), 'view', 'encounters.view');
    res.json({ data: await present(enc, actor) });
  });

  /** The findings of the stored code lines, waiting for the code sets if they are still loading. */
  r.get('/:id/validation', async (req, res) => {
    const actor = actorOf(req);
    const enc = await openEncounter(ctx, actor, idParam(req.params.id, 'Encounter'), 'view', 'encounters.view');
    res.json({ data: await validationFor(ctx, actor.orgId, enc, enc.codeLines) });
  });

  /** A change to one encounter, answered with the whole encounter as this user sees it. */
  const change = (status: number, run: (actor: Actor, id: string, body: unknown) => Promise<EncounterDoc>) =>
    async (req: Request, res: Response) => {
      const actor = actorOf(req);
      const enc = await run(actor, idParam(req.params.id, 'Encounter'), req.body);
      res.status(status).json({ data: await present(enc, actor) });
    };

  r.patch('/:id', change(200, (a, id, body) => updateEncounter(ctx, a, id, parseInput(updateEncounterSchema, body))));
  r.post('/:id/documents', change(201, (a, id, body) => addDocument(ctx, a, id, parseInput(addDocumentSchema, body))));
  r.put('/:id/code-lines', change(200, (a, id, body) => replaceCodeLines(ctx, a, id, parseInput(replaceCodeLinesSchema, body).codeLines)));
  r.put('/:id/sharing', change(200, (a, id, body) => shareEncounter(ctx, a, id, parseInput(sharingSchema, body))));
  r.delete('/:id/forum', change(200, (a, id) => unpublish(ctx, a, id)));

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

  r.post('/:id/forum/preview', async (req, res) => {
    const id = idParam(req.params.id, 'Encounter');
    res.json({ data: await previewPublication(ctx, actorOf(req), id) });
  });

  r.post('/:id/forum', async (req, res) => {
    const id = idParam(req.params.id, 'Encounter');
    const post = await publishToForum(ctx, actorOf(req), id, parseInput(publishSchema, req.body));
    res.status(201).json({ data: presentForumPost(post) });
  });

  r.get('/:id/export', async (req, res) => {
    const enc = await openEncounter(ctx, actorOf(req), idParam(req.params.id, 'Encounter'), 'edit', 'encounters.export');
    res.setHeader('Content-Disposition', `attachment; filename="encounter-${enc._id}.json"`);
    res.json({ encounters: [presentExport(enc)] });
  });
  return r;
}
