/**
 * Manifestation codes of the etiology/manifestation convention: titled "… in diseases
 * classified elsewhere" (or "in other diseases …") and under a "Code first" note. The Tabular's
 * introduction: such codes "are never permitted to be used as first listed or principal
 * diagnosis codes"; the underlying condition is sequenced first.
 *
 * Invariant: both conditions are read from the Tabular chain of the code (its own entry and
 * every listed ancestor, plus its section), so a subcode of a manifestation category counts.
 */
import type { Tabular } from './parse-tabular';
import { tabularChain } from './tabular-notes';

const TITLE = /\b(?:in|due to) [\w ,-]*?diseases classified elsewhere\b/i;

export function isManifestation(tab: Tabular, code: string): boolean {
  const chain = tabularChain(tab, code);
  if (chain.length === 0) return false;
  if (!chain.some((e) => TITLE.test(e.title))) return false;
  const section = tab.sections[chain[0].section];
  return chain.some((e) => (e.notes?.codeFirst?.length ?? 0) > 0) || (section?.notes.codeFirst?.length ?? 0) > 0;
}
