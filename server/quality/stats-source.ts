/**
 * Gathers an organisation's review history for the statistics: active resolutions (proposed →
 * final code set, their error tags), finished mentor reviews (submitted → what stands after
 * answers and decisions; only the tags of standing changes count), dispute outcomes and
 * completed double-coding sessions. Reads whole per-organisation lists once per request.
 */
import type { Database } from '../db/client';
import { qualityCollections } from './collections';
import { diffCodeSets } from './diff';
import { finalLinesOf, stands } from './review-outcome';
import { normalizeCode } from '../../src/lib/protocol/codes';
import type { History, ReviewRecord } from './stats';

export async function historyOf(db: Pick<Database, 'db' | 'storage'>, orgId: string): Promise<History> {
  const q = await qualityCollections(db);
  const [resolutions, reopens, reviews, sessions] = await Promise.all([
    q.resolutions.find({ orgId }).toArray(), q.reopens.find({ orgId }).toArray(),
    q.reviews.find({ orgId }).toArray(), q.doubleCoding.find({ orgId }).toArray()
  ]);
  const reopened = new Set(reopens.map((r) => r.resolutionId));
  const records: ReviewRecord[] = [];
  for (const r of resolutions) {
    if (reopened.has(r._id)) continue;
    const d = diffCodeSets(r.proposedCodeLines, r.finalCodeLines);
    records.push({ coderId: r.coderId, encounterId: r.encounterId, at: r.at, codesReviewed: d.codesReviewed, codesUnchanged: d.codesUnchanged, changed: d.changed, errors: r.errorTags });
  }
  const disputes: History['disputes'] = [];
  for (const rv of reviews) {
    for (const c of rv.changes) {
      if (c.response?.value !== 'dispute') continue;
      disputes.push({ coderId: rv.coderId, at: c.decision?.at ?? c.response.at, outcome: !c.decision ? 'pending' : c.decision.value === 'uphold' ? 'upheld' : 'overturned' });
    }
    if (rv.state !== 'approved' && rv.state !== 'completed') continue;
    const d = diffCodeSets(rv.submittedCodeLines, finalLinesOf(rv));
    const standingCodes = new Set(rv.changes.filter(stands).flatMap((c) => [c.before?.code, c.after?.code]).filter((x): x is string => !!x).map((x) => normalizeCode(x)));
    const errors = rv.errorTags.filter((t) => (t.code ? standingCodes.has(normalizeCode(t.code)) : standingCodes.size > 0));
    records.push({ coderId: rv.coderId, encounterId: rv.encounterId, at: rv.history[rv.history.length - 1]!.at, codesReviewed: d.codesReviewed, codesUnchanged: d.codesUnchanged, changed: d.changed, errors });
  }
  const doubleCoding: History['doubleCoding'] = sessions.filter((s) => s.coder && s.senior).map((s) => {
    const d = diffCodeSets(s.coder!.lines, s.senior!.lines);
    const at = s.coder!.submittedAt > s.senior!.submittedAt ? s.coder!.submittedAt : s.senior!.submittedAt;
    return { coderId: s.coderId, at, agreed: !d.changed, lineAgreement: d.codesReviewed === 0 ? 1 : d.codesUnchanged / d.codesReviewed };
  });
  return { records, disputes, doubleCoding };
}
