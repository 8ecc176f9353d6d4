/**
 * Code references inside the text of a Tabular note, e.g.
 *   "code to identify site of ulcer (L97.41-L97.49, L97.51-L97.59)" → L9741..L9749, L9751..L9759
 *   "sunburn (L55.-)" → L55;  "dementia (F02.81-, F02.A1-)" → F0281, F02A1;  "(I70.2--I70.7-)" → I702..I707
 *
 * Invariants:
 * - Only text inside parentheses is read: outside them, code-like words ("vitamin B12") are prose.
 * - Each token becomes a CodeReference through parseReference (same semantics as the Excludes
 *   extract: a reference covers the referenced code and everything below it). Unparsable tokens
 *   are skipped, never guessed.
 * - A parenthesis that qualifies its codes ("F10-F19 with .151, .251") is skipped whole: the
 *   codes it means are a subset that cannot be matched as a prefix range.
 * - A code must stand alone: "G6PD" is not G6P.
 */
import { parseReference } from './parse-excludes';
import type { CodeReference } from './types';

// A code as printed: letter + digit (or chapter 17's QA), a 3rd character, optional dot part;
// a range is two of those joined by one or two dashes; trailing dashes mean "and below".
const CODE = String.raw`(?:[A-Z]\d|QA)[0-9A-Z](?:\.[0-9A-Z]{0,4})?`;
const TOKEN = new RegExp(String.raw`(?<![A-Za-z0-9.])${CODE}(?:-*\s*-+\s*${CODE})?-*(?![A-Za-z0-9])`, 'g');

export function referencesInNote(text: string): CodeReference[] {
  const out: CodeReference[] = [];
  const seen = new Set<string>();
  for (const group of text.matchAll(/\(([^()]*)\)/g)) {
    // "(F10-F19 with .151, .251, .951)": the codes meant are a subset we cannot name; a
    // broader reference would raise false conflicts, so the group is skipped.
    if (/\bwith\b/i.test(group[1])) continue;
    for (const m of group[1].matchAll(TOKEN)) {
      const ref = parseReference(m[0].replace(/\s+/g, ''));
      if (!ref) continue;
      const key = `${ref.from}-${ref.to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(ref);
    }
  }
  return out;
}

export function referencesMatchAny(refs: CodeReference[], codes: Iterable<string>): boolean {
  for (const c of codes) {
    for (const r of refs) if (c.slice(0, r.from.length) >= r.from && c.slice(0, r.to.length) <= r.to) return true;
  }
  return false;
}

/** Display form of the references as a coder reads them: `L97.4-, L97.5-`. */
export function describeReferences(refs: CodeReference[]): string {
  return refs.map((r) => r.token).join(', ');
}
