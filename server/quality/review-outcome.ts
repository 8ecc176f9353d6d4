/**
 * What a mentor review leaves standing: the coder's submitted lines with every reviewer change
 * that the coder agreed to or the decider upheld; an overturned change is taken back, and a
 * change still unanswered or undecided counts as standing only once the review is completed
 * (it cannot be, while one is open). Pure.
 */
import type { CodeLine } from '../../src/lib/protocol/encounters';
import type { ReviewDoc } from './collections';
import type { ReviewChangeDoc } from './review-types';
import { normalizeCode } from '../../src/lib/protocol/codes';

export const stands = (c: ReviewChangeDoc) => c.decision ? c.decision.value === 'uphold' : c.response?.value === 'agree';
const same = (l: CodeLine, b: { system: string; code: string }) => l.system === b.system && normalizeCode(l.code) === normalizeCode(b.code);

export function finalLinesOf(review: Pick<ReviewDoc, 'submittedCodeLines' | 'reviewerLines' | 'changes'>): CodeLine[] {
  if (!review.reviewerLines) return review.submittedCodeLines;
  let lines = [...review.reviewerLines];
  const byCode = new Map(review.submittedCodeLines.map((l) => [`${l.system}:${normalizeCode(l.code)}`, l]));
  for (const c of review.changes) {
    if (stands(c)) continue;
    if (c.kind === 'added' && c.after) lines = lines.filter((l) => !same(l, c.after!));
    if (c.kind === 'removed' && c.before) lines.splice(Math.min(c.before.position, lines.length), 0, byCode.get(`${c.before.system}:${normalizeCode(c.before.code)}`)!);
    if (c.kind === 'changed' && c.before && c.after) {
      const orig = byCode.get(`${c.before.system}:${normalizeCode(c.before.code)}`)!;
      lines = lines.map((l) => (same(l, c.after!) ? orig : l));
    }
  }
  return lines;
}
