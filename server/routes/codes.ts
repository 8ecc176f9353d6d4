/** /api/codes: code-set status, search, details, ad-hoc validation, and the organisation's CPT list. */
import express, { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { actorOf, authenticate, requireRole } from '../http/authenticate';
import { parseInput } from '../http/validate';
import { notFound } from '../errors';
import { codeDetails, fiscalYearFor, searchCodes } from '../codes';
import { validationFor } from '../codes/validation-service';
import { withCodeFacts } from '../codes/result-facts';
import { codeDetailsQuerySchema, codeSearchQuerySchema, codeSystemParamSchema, cptUploadSchema, normalizeCode } from '../../src/lib/protocol/codes';
import { codeLineWithIdSchema, SETTINGS, LIMITS } from '../../src/lib/protocol/encounters';
import { toCodeLine } from '../commands/encounters';

const validateSchema = z.object({
  setting: z.enum(SETTINGS),
  dateOfService: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  codeLines: z.array(codeLineWithIdSchema).max(LIMITS.codeLines)
}).strict();

/** The CPT upload is the one body allowed to be large (a full CPT list is several MB). */
export const CPT_UPLOAD_PATH = '/codes/cpt';

export function codeRoutes(ctx: AppContext): Router {
  const r = Router();
  r.use(authenticate(ctx));

  r.get('/status', async (req, res) => {
    const status = ctx.codeSets.status();
    const cpt = await ctx.cpt.forOrg(actorOf(req).orgId);
    res.json({ data: { ...status, cptCodes: cpt.size } });
  });

  r.get('/search', async (req, res) => {
    const q = parseInput(codeSearchQuerySchema, req.query, 'query');
    const codeSets = await ctx.codeSets.get();
    const cptDescriptions = await ctx.cpt.forOrg(actorOf(req).orgId);
    const results = searchCodes(codeSets, {
      q: q.q, system: q.system, limit: q.limit, billableOnly: q.billableOnly, cptDescriptions,
      ...(q.date ? { year: fiscalYearFor(q.date) } : {})
    });
    res.json({ data: withCodeFacts(codeSets, results) });
  });

  r.post('/validate', async (req, res) => {
    const input = parseInput(validateSchema, req.body);
    res.json({ data: await validationFor(ctx, actorOf(req).orgId, input, input.codeLines.map(toCodeLine)) });
  });

  r.put('/cpt', requireRole('admin'), express.json({ limit: '10mb' }), async (req, res) => {
    const input = parseInput(cptUploadSchema, req.body);
    const actor = actorOf(req);
    const result = await ctx.cpt.replace(actor.orgId, input.csv);
    await ctx.audit.record(actor, { action: 'codes.cpt-upload', targetType: 'org', targetId: actor.orgId, details: result });
    res.json({ data: result });
  });

  r.get('/:system/:code', async (req, res) => {
    const system = codeSystemParamSchema.safeParse(req.params.system);
    if (!system.success) throw notFound('Code system');
    const q = parseInput(codeDetailsQuerySchema, req.query, 'query');
    const code = String(req.params.code);
    if (code.length > 10) throw notFound('Code');
    if (system.data === 'CPT') {
      // CPT has no hierarchy in our data: only the organisation's licensed description.
      const cpt = normalizeCode(code);
      const description = (await ctx.cpt.forOrg(actorOf(req).orgId)).get(cpt);
      if (!description) throw notFound('CPT code (CPT descriptions come from your organisation\'s licensed list)');
      res.json({ data: {
        system: 'CPT', code: cpt, description, shortDescription: description, billable: true, kind: 'code', year: null, inYear: true,
        years: [], parents: [], children: [], chapter: null, section: null, excludes1: [], excludes2: [], changes: [], tabular: null, notesSource: '', severity: null
      } });
      return;
    }
    const codeSets = await ctx.codeSets.get();
    const details = codeDetails(codeSets, system.data, code, q.date ? fiscalYearFor(q.date) : undefined);
    if (!details) throw notFound('Code');
    res.json({ data: details });
  });
  return r;
}
