/**
 * A resolution becomes a precedent: its texts through the forum's redaction rules
 * (server/quality/deidentify.ts), its references and final codes. Written once with the
 * resolution (insert, _id = the resolution's id); removed when the resolution is reopened.
 */
import type { EncounterDoc } from '../db/collections';
import type { PrecedentDoc, ResolutionDoc } from '../quality/collections';
import { deidentifyPrecedent, precedentCandidates, type PrecedentTexts } from '../quality/deidentify';
import type { Actor, AppContext } from '../context';
import { openEncounter } from './encounter-state';
import { notFound } from '../errors';

/** The resolver's fact pattern, or else the flagged passages themselves. */
export function precedentTexts(enc: EncounterDoc, flagIds: string[], input: { factPattern?: string; summary: string; rationale: string }): PrecedentTexts {
  const flags = enc.flags.filter((f) => flagIds.includes(f.id));
  const quotes = flags.map((f) => (f.anchor?.type === 'text' ? f.anchor.quote : '')).filter(Boolean);
  return {
    title: enc.title,
    factPattern: input.factPattern?.trim() || quotes.join('\n…\n'),
    question: flags.map((f) => f.question).join('\n\n') || enc.title,
    answer: input.summary, rationale: input.rationale
  };
}

export function buildPrecedent(enc: EncounterDoc, r: ResolutionDoc, input: { factPattern?: string; keepCandidateIds: string[] }): PrecedentDoc {
  const { texts, redactions } = deidentifyPrecedent(enc, precedentTexts(enc, r.flagIds, { ...input, summary: r.summary, rationale: r.rationale }), input.keepCandidateIds);
  return {
    _id: r._id, orgId: r.orgId, resolutionId: r._id, encounterId: r.encounterId, title: texts.title, setting: r.setting, categories: r.categories,
    factPattern: texts.factPattern, question: texts.question, answer: texts.answer, rationale: texts.rationale, references: r.references,
    outcome: r.outcome, codes: r.finalCodeLines.map((l) => ({ system: l.system, code: l.code, role: l.role })),
    resolvedByName: r.resolvedByName, at: r.at, redactions
  };
}

/** The redaction review before resolving: what detection found in the precedent's texts (audited PHI read). */
export async function previewPrecedent(ctx: AppContext, actor: Actor, encounterId: string, input: { factPattern?: string; flagId?: string }) {
  const enc = await openEncounter(ctx, actor, encounterId, 'resolve', 'encounters.deid-preview');
  const flagIds = input.flagId ? [input.flagId] : enc.flags.filter((f) => f.status !== 'resolved').map((f) => f.id);
  if (input.flagId && !enc.flags.some((f) => f.id === input.flagId)) throw notFound('Flag');
  const texts = precedentTexts(enc, flagIds, { factPattern: input.factPattern, summary: '', rationale: '' });
  const candidates = precedentCandidates(enc, texts);
  return {
    factPattern: texts.factPattern,
    candidates: candidates.filter((c) => c.location.field === 'document.text' && c.location.documentId === 'factPattern' || c.location.field === 'title')
      .map((c) => ({ id: c.id, type: c.type, text: c.text, reason: c.reason, required: c.required }))
  };
}
