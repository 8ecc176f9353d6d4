/** Resolution and precedent documents → DTOs, every field listed. A precedent DTO never names its encounter. */
import type { PrecedentDoc, ReopenDoc, ResolutionDoc } from '../quality/collections';
import type { Hit } from '../quality/precedent-search';
import { citeReference, type ResolutionDto } from '../../src/lib/protocol/resolutions';
import type { PrecedentDto, PrecedentHitDto } from '../../src/lib/protocol/precedents';

const cited = <T extends Parameters<typeof citeReference>[0]>(r: T) => ({ ...r, cite: citeReference(r) });

export function presentResolution(r: ResolutionDoc, reopen: ReopenDoc | null, hasPrecedent: boolean): ResolutionDto {
  return {
    id: r._id, encounterId: r.encounterId, target: r.target, flagIds: r.flagIds, summary: r.summary, rationale: r.rationale,
    references: r.references.map(cited), outcome: r.outcome, errorTags: r.errorTags, severityChange: r.severityChange,
    proposedCodeLines: r.proposedCodeLines, finalCodeLines: r.finalCodeLines,
    codeSet: { encounterRevision: r.encounterRevision, collabVersionId: r.collabVersionId }, setting: r.setting,
    coder: { id: r.coderId, name: r.coderName }, resolvedBy: { id: r.resolvedById, name: r.resolvedByName }, resolvedAt: r.at.toISOString(),
    precedentId: hasPrecedent && !reopen ? r._id : null,
    reopened: reopen ? { by: { id: reopen.byId, name: reopen.byName }, at: reopen.at.toISOString(), reason: reopen.reason } : null
  };
}

export function presentPrecedent(p: PrecedentDoc): PrecedentDto {
  return {
    id: p._id, title: p.title, setting: p.setting, categories: p.categories, factPattern: p.factPattern, question: p.question,
    answer: p.answer, rationale: p.rationale, references: p.references.map(cited), outcome: p.outcome,
    codes: p.codes.map((c) => ({ system: c.system, code: c.code, role: c.role })), resolvedBy: p.resolvedByName, resolvedAt: p.at.toISOString()
  };
}

export const presentHit = (h: Hit): PrecedentHitDto => ({ ...presentPrecedent(h.item.doc), score: h.score, why: h.why });
