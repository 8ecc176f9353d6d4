/**
 * The Tabular's synonyms of a code as search text: its inclusion terms and Includes notes
 * (parse-tabular.ts), keyed by normalized code, plus the exact-term lookup that makes a query
 * equal to a term ("dementia" = "Dementia NOS", "high blood pressure") find that code first.
 *
 * Invariants:
 * - An inclusion term printed at a header belongs to every billable code below it; an Includes
 *   note printed at a header (E11 "diabetes NOS") to the header's default billable descendant
 *   (E11.9 "... without complications"): coders pick billable codes, and the Tabular's NOS
 *   terms name exactly that default.
 * - Term keys drop parenthesised nonessential modifiers, "NOS" and a plural "s", so the key of
 *   "Seizure(s) (convulsive) NOS" is "seizure", the same as the query "seizures".
 * - The term arrays are the parser's own (not copied); nothing here mutates them.
 */
import type { Tabular } from './parse-tabular';
import { tokenize } from './text-index';
import type { CodeYear } from './types';

const DEFAULT_TITLE = /\b(unspecified|NOS|without complications|uncomplicated)\b/i;

/** Normalized code → the Tabular's terms for it (inclusion terms first, then Includes). */
export function tabularTerms(tabular: Tabular | null, year: CodeYear | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!tabular || !year) return out;
  const add = (code: string, terms: readonly string[]) => {
    const l = out.get(code);
    if (l) l.push(...terms); else out.set(code, [...terms]);
  };
  for (const [code, entry] of tabular.entries) {
    const inclusion = tabular.inclusionTerms.get(code) ?? [];
    const includes = entry.notes?.includes ?? [];
    if (inclusion.length + includes.length === 0) continue;
    add(code, [...inclusion, ...includes]);
    const i = year.index.get(code);
    if (i === undefined || year.list[i].billable) continue;
    // Inclusion terms name what the header holds: every billable code below it (L89.15
    // "Pressure ulcer of coccyx" → L89.150 ... L89.159). Includes notes are broader; they go
    // to the default code only.
    if (inclusion.length > 0) {
      for (let k = i + 1; k < year.list.length && year.list[k].code.startsWith(code); k++) if (year.list[k].billable) add(year.list[k].code, inclusion);
    }
    const d = defaultDescendant(year, i);
    if (d >= 0 && includes.length > 0) add(year.list[d].code, includes);
  }
  return out;
}

/** The default billable descendant: titled unspecified / NOS / without complications, the
 * shallowest, then the most unspecified ("... of unspecified site, unspecified stage"; a final
 * 9 is ICD-10's unspecified), then first in tabular order; -1 when there is none. */
function defaultDescendant(year: CodeYear, i: number): number {
  const root = year.list[i].code;
  let best = -1, bestRank = 0;
  for (let k = i + 1; k < year.list.length && year.list[k].code.startsWith(root); k++) {
    const e = year.list[k];
    if (!e.billable || !DEFAULT_TITLE.test(e.long)) continue;
    // "with unspecified complications" (E11.8) is a variant; "without complications" the default.
    const plain = /without complications|uncomplicated/i.test(e.long) ? 2 : 0;
    const rank = e.code.length * 10 - plain - (e.long.match(/\b(unspecified|NOS)\b/gi)?.length ?? 0) - (e.code.endsWith('9') ? 0.5 : 0);
    if (best < 0 || rank < bestRank) { best = k; bestRank = rank; }
  }
  return best;
}

/** Key of a term or query: its essential words, "nos" and plural "s" dropped. */
export function termKey(text: string): string {
  const words = tokenize(text.replace(/\([^)]*\)/g, ' '));
  let out = '';
  for (const w of words) {
    if (w === 'nos') continue;
    const s = w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
    out += (out ? ' ' : '') + s;
  }
  return out;
}

/** Key → docs (ascending) whose terms have that key exactly. */
export function buildTermLookup(termsByDoc: (readonly string[] | undefined)[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const keys = new Map<string, string>(); // a header's terms repeat on every code below it
  termsByDoc.forEach((terms, doc) => {
    if (!terms) return;
    for (const t of terms) {
      let k = keys.get(t);
      if (k === undefined) keys.set(t, (k = termKey(t)));
      if (!k) continue;
      const l = out.get(k);
      if (!l) out.set(k, [doc]); else if (l[l.length - 1] !== doc) l.push(doc);
    }
  });
  return out;
}
