/**
 * The ICD-10-PCS Index main terms (`icd10pcs/index/pcs-index-main-terms-fy2025.csv`, derived,
 * FY2025): procedure names coders type ("Appendectomy", "Colonoscopy", "PEG (percutaneous
 * endoscopic gastrostomy)") pointing to PCS tables or codes, parsed into entries.
 *
 * Shape: one PcsMainTerm per main term (rows "(continued)" are merged), each with entries
 *   { path: words of the sub-term lines above it ("artery coronary one artery"),
 *     target: words of a "see" reference ("resection uterus"), prefix: '0UT9' | null }
 * and `uses`: the words of its "use" lines (a body part or device synonym: "Achilles tendon" →
 * "lower leg tendon").
 *
 * Invariants:
 * - A "see X" without a code ("Amputation → see Detachment") is resolved once, at parse time,
 *   to main term X (`refs`); X's entries are read through it, one level deep, never copied.
 * - Prefixes are PCS table or code prefixes as printed (3 to 7 characters); they are completed
 *   against the loaded PCS year at query time (pcs-search.ts), never here.
 * - `text` indexes each main term's words (parenthesised words included: "PEG") so query
 *   words match main terms by word, prefix or typo like descriptions do.
 */
import { parseCsv } from './csv';
import { TextIndex, tokenize } from './text-index';

export interface PcsEntry { path: string[]; target: string[]; prefix: string | null; root: string }
/** `words`: the term's words outside parentheses; `alt`: inside them ("PEG (percutaneous
 * endoscopic gastrostomy)"), either set matches the term. */
export interface PcsMainTerm {
  term: string; words: string[]; alt: string[]; entries: PcsEntry[]; uses: string[][];
  /** "see X" without a code: X's entries, read at query time under `path` (not copied: some
   * trees are referenced by dozens of terms). */
  refs: { path: string[]; target: PcsMainTerm }[];
}
export interface PcsIndex { terms: PcsMainTerm[]; text: TextIndex }

const CODE_AT_END = /\s+([0-9BCDFGHX][0-9A-HJ-NP-Z]{2,6})$/;
const BARE_CODE = /^[0-9BCDFGHX][0-9A-HJ-NP-Z]{2,6}$/;
/** Words of a main term that are not needed for it to match a query (glue words). */
const GLUE = new Set(['of', 'the', 'and', 'or', 'to', 'in', 'for', 'a', 'an', 'by', 'on', 'with', 'r', 'tm']);

const words = (s: string) => tokenize(s).filter((w) => !GLUE.has(w));
/** A PCS table or code prefix: has a digit, or is a New Technology table (XRR, XW0 ...). */
const isPrefix = (s: string) => /\d/.test(s) || s[0] === 'X';

interface RawRef { path: string[]; see: string }

export function parsePcsIndex(csv: string): PcsIndex {
  const byName = new Map<string, PcsMainTerm>();
  const pending: [PcsMainTerm, RawRef][] = [];
  for (const row of parseCsv(csv, 'PCS Index')) {
    const name = row.term.trim();
    let t = byName.get(name.toLowerCase());
    if (!t) {
      const inParens = [...name.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]).join(' ');
      t = { term: name, words: words(name.replace(/\([^)]*\)/g, ' ')), alt: words(inParens), entries: [], uses: [], refs: [] };
      if (t.words.length === 0) t.words = words(name);
      byName.set(name.toLowerCase(), t);
    }
    parseContent(t, row.content, pending);
  }
  // Resolved only for terms without codes of their own: "Amputation → see Detachment" needs
  // Detachment's tree; "Intubation" has its codes, and its "Drainage device see Drainage"
  // would bury them under every drainage code.
  const ownCodes = new Set(pending.filter(([t]) => t.entries.length > 0).map(([t]) => t));
  for (const [t, ref] of pending) {
    const target = byName.get(ref.see.toLowerCase());
    if (!target || target === t || ownCodes.has(t)) continue;
    t.refs.push({ path: ref.path, target });
  }
  const terms = [...byName.values()];
  const text = new TextIndex(terms.map((t, i) => ({ code: String(i), texts: [t.term], billable: true })));
  return { terms, text };
}

function parseContent(t: PcsMainTerm, content: string, pending: [PcsMainTerm, RawRef][]): void {
  const stack: string[][] = [];
  for (const raw of content.split('\n')) {
    const depth = /^\t*/.exec(raw)![0].length;
    const line = raw.trim().replace(/\s*\(continued\)$/, '');
    if (!line) continue;
    stack.length = depth;
    const above = stack.flat();
    const use = /^use (.+)$/.exec(line);
    if (use) { t.uses.push(words(use[1].replace(/,\s*(Right|Left|Bilateral)$/i, ''))); continue; }
    const see = /^(?:(.*?)\s+)?see (.+)$/.exec(line);
    if (see) {
      const label = see[1] ? words(see[1]) : [];
      const m = CODE_AT_END.exec(see[2]);
      const target = m ? see[2].slice(0, m.index) : see[2];
      if (m && isPrefix(m[1])) add(t, [...above, ...label], target, m[1]);
      else pending.push([t, { path: [...above, ...label], see: target.split(',')[0].trim() }]);
      stack[depth] = label;
      continue;
    }
    if (BARE_CODE.test(line) && isPrefix(line)) { add(t, above, '', line); continue; }
    const m = CODE_AT_END.exec(line);
    if (m && isPrefix(m[1])) {
      const label = words(line.slice(0, m.index));
      add(t, [...above, ...label], '', m[1]);
      stack[depth] = label;
      continue;
    }
    stack[depth] = words(line);
  }
}

function add(t: PcsMainTerm, path: string[], target: string, prefix: string): void {
  const tw = words(target);
  // A tree entry under "Excision" is an excision; a "see Resection, ..." one a resection.
  t.entries.push({ path, target: tw, prefix, root: tw[0] ?? t.words[0] ?? '' });
}

/** A term's entries, its references' included (their path prefixed by the reference's). */
export function entriesOf(t: PcsMainTerm): PcsEntry[] {
  if (t.refs.length === 0) return t.entries;
  const out = [...t.entries];
  for (const r of t.refs) for (const e of r.target.entries) out.push({ ...e, path: [...r.path, ...e.path], root: e.root || r.target.words[0] || '' });
  return out;
}

/** How many entries `entriesOf` gives, without building them. */
export function entryCount(t: PcsMainTerm): number {
  let n = t.entries.length;
  for (const r of t.refs) n += r.target.entries.length;
  return n;
}
