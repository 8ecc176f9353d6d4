/**
 * Precedent search (words, codes, filters) and similar-precedent suggestions. Pure over the
 * in-memory index (precedent-index.ts).
 *
 * Similarity of a precedent to a flag on an encounter (the weights are stated, not tuned):
 *   3 per shared code, 1 per shared code family (3-character category) not already counted by
 *   a shared code, 2 for the same flag category, and up to 6 for word overlap (Jaccard of the
 *   flag's question and flagged passage with the precedent's question and fact pattern).
 * A suggestion needs a shared code or family, or word overlap of at least 0.12.
 */
import type { PrecedentQuery } from '../../src/lib/protocol/precedents';
import type { CodeLine, FlagCategory } from '../../src/lib/protocol/encounters';
import { codeKey, shown, wordsOf, type IndexedPrecedent } from './precedent-index';

export interface Hit { item: IndexedPrecedent; score: number; why: string[] }

export function searchPrecedents(items: IndexedPrecedent[], query: PrecedentQuery): Hit[] {
  const words = [...wordsOf(query.q ?? '')];
  const codes = (query.codes ?? '').split(/[,\s]+/).filter(Boolean).map(codeKey);
  const from = query.from ? new Date(query.from + 'T00:00:00Z') : null;
  const to = query.to ? new Date(query.to + 'T23:59:59.999Z') : null;
  const hits: Hit[] = [];
  for (const item of items) {
    const d = item.doc;
    if (query.category && !d.categories.includes(query.category)) continue;
    if (query.setting && d.setting !== query.setting) continue;
    if (query.reference && !d.references.some((r) => r.kind === query.reference)) continue;
    if ((from && d.at < from) || (to && d.at > to)) continue;
    // A full code must be there; a 3-character category matches any code of its family.
    if (!codes.every((c) => (c.length <= 3 ? item.families.has(c) : item.codes.has(c)))) continue;
    const matched = words.filter((w) => item.words.has(w) || [...item.words].some((x) => x.startsWith(w) && w.length >= 4));
    if (words.length > 0 && matched.length < words.length) continue;
    const why = [...(codes.length ? [`codes ${codes.map((c) => (c.length <= 3 ? c : shown(item, c))).join(', ')}`] : []), ...(matched.length ? [`words: ${matched.join(', ')}`] : [])];
    hits.push({ item, score: matched.length + codes.length, why });
  }
  return hits.sort((a, b) => b.score - a.score || b.item.doc.at.getTime() - a.item.doc.at.getTime()).slice(0, query.limit ?? 50);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

export interface FlagContext { category: FlagCategory; question: string; quote: string | null }

export function similarToFlag(items: IndexedPrecedent[], lines: CodeLine[], flag: FlagContext, limit = 5): Hit[] {
  const codes = new Set(lines.map((l) => codeKey(l.code)));
  const families = new Set([...codes].map((c) => c.slice(0, 3)));
  const words = wordsOf(`${flag.question} ${flag.quote ?? ''}`);
  const out: Hit[] = [];
  for (const item of items) {
    const sharedCodes = [...codes].filter((c) => item.codes.has(c));
    const sharedFamilies = [...families].filter((f) => item.families.has(f) && !sharedCodes.some((c) => c.startsWith(f)));
    const overlap = jaccard(words, wordsOf(`${item.doc.question} ${item.doc.factPattern}`));
    if (sharedCodes.length === 0 && sharedFamilies.length === 0 && overlap < 0.12) continue;
    const sameCategory = item.doc.categories.includes(flag.category);
    const score = 3 * sharedCodes.length + sharedFamilies.length + (sameCategory ? 2 : 0) + 6 * overlap;
    const why = [
      ...(sharedCodes.length ? [`shared codes: ${sharedCodes.map((c) => shown(item, c)).join(', ')}`] : []),
      ...(sharedFamilies.length ? [`same code family: ${sharedFamilies.join(', ')}`] : []),
      ...(sameCategory ? [`same category: ${flag.category}`] : []),
      ...(overlap >= 0.12 ? ['similar question and documentation'] : [])
    ];
    out.push({ item, score: Math.round(score * 100) / 100, why });
  }
  return out.sort((a, b) => b.score - a.score || b.item.doc.at.getTime() - a.item.doc.at.getTime()).slice(0, limit);
}

/** Per code line: precedents whose final codes hold this line's code and another code of the encounter. */
export function decidedCombinations(items: IndexedPrecedent[], lines: CodeLine[], limit = 3): Record<string, Hit[]> {
  const keys = lines.map((l) => codeKey(l.code));
  const out: Record<string, Hit[]> = {};
  lines.forEach((line, i) => {
    const k = keys[i]!;
    const hits = items.flatMap((item) => {
      if (!item.codes.has(k)) return [];
      const with_ = keys.filter((o, j) => j !== i && o !== k && item.codes.has(o));
      return with_.length ? [{ item, score: with_.length, why: [`decided ${line.code} with ${with_.map((c) => shown(item, c)).join(', ')}`] }] : [];
    });
    if (hits.length) out[line.id] = hits.sort((a, b) => b.score - a.score).slice(0, limit);
  });
  return out;
}
