/** Queries of resolutions, reopens and flag baselines; every function takes orgId first. */
import type { QualityCollections, ReopenDoc, ResolutionDoc, Target } from '../quality/collections';
import type { CodeLine } from '../../src/lib/protocol/encounters';

export const targetKey = (t: Target) => (t.type === 'flag' ? `flag-${t.flagId}` : 'encounter');

export interface EncounterResolutions { resolutions: ResolutionDoc[]; reopens: Map<string, ReopenDoc> }

export async function resolutionsOf(q: QualityCollections, orgId: string, encounterId: string): Promise<EncounterResolutions> {
  const [resolutions, reopens] = await Promise.all([
    q.resolutions.find({ orgId, encounterId }).sort({ at: 1 }).toArray(),
    q.reopens.find({ orgId, encounterId }).toArray()
  ]);
  return { resolutions, reopens: new Map(reopens.map((r) => [r.resolutionId, r])) };
}

export const activeOf = (r: EncounterResolutions) => r.resolutions.filter((x) => !r.reopens.has(x._id));

export async function findResolution(q: QualityCollections, orgId: string, id: string): Promise<ResolutionDoc | null> {
  return q.resolutions.findOne({ _id: id, orgId });
}

export async function findReopen(q: QualityCollections, orgId: string, resolutionId: string): Promise<ReopenDoc | null> {
  return q.reopens.findOne({ orgId, resolutionId });
}

/** The code lines when the earliest of these flags was raised, or null when none was captured. */
export async function baselineFor(q: QualityCollections, orgId: string, encounterId: string, flagIds: string[]): Promise<CodeLine[] | null> {
  const all = await q.baselines.find({ encounterId }).toArray();
  const mine = all.filter((b) => b.orgId === orgId && (flagIds.length === 0 || flagIds.includes(b.flagId))).sort((a, b) => a.at.getTime() - b.at.getTime());
  const first = mine[0] ?? all.filter((b) => b.orgId === orgId).sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  return first?.codeLines ?? null;
}
