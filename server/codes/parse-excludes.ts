/**
 * Parser of the FY2027 Excludes1 / Excludes2 CSVs and of their `referencedCodes` tokens.
 *
 * Invariants:
 * - The `code` column is one of: `Chapter N`, `Block X00-X99`, a category (3 characters), a
 *   subcategory or a code (dotted as printed). Codes are normalized (dot removed) for lookup.
 * - A reference token becomes an inclusive range of normalized prefixes [from, to]:
 *   `B00.3` → B003..B003, `A05.-` → A05..A05, `K35.3-` → K353..K353,
 *   `A04.0-A04.4` → A040..A044, `I70.2--I70.7-` → I702..I707, `F10.--F19.-` → F10..F19.
 *   A code C matches when its prefix of the same length as `from` is ≥ from and its prefix of
 *   the length of `to` is ≤ to (plain ASCII), i.e. the reference covers a code and everything
 *   below it, which is how the tabular reads.
 * - Exact duplicate rows (one in the source) are dropped; unparsable tokens are skipped.
 */
import { parseCsv } from './csv';
import type { CodeReference, ExcludesNote, ExcludesSet, NoteLevel, NoteType } from './types';

function cleanEnd(s: string): string {
  return s.replace(/[.\-\s]+$/g, '').replace(/\./g, '').trim().toUpperCase();
}

export function parseReference(token: string): CodeReference | null {
  const t = token.trim().replace(/\s+/g, '');
  if (!t) return null;
  // A range: the second code starts right after a run of dashes and begins with a letter.
  const m = /^([A-Z][0-9A-Z.]*?)[.]?-+([A-Z][0-9A-Z.\-]*)$/i.exec(t);
  let from: string;
  let to: string;
  if (m && /[A-Z]/i.test(m[2][0]) && /\d/.test(m[2])) {
    from = cleanEnd(m[1]);
    to = cleanEnd(m[2]);
  } else {
    from = to = cleanEnd(t);
  }
  // Chapter 17's QA categories have a letter in the 2nd position (QA0.0101, FY2027 QA1.71).
  const shape = /^(?:[A-Z][0-9]|QA)[0-9A-Z]{1,5}$/;
  if (!shape.test(from) || !shape.test(to)) return null;
  return { token: token.trim(), from, to };
}

export function referenceMatches(ref: CodeReference, code: string): boolean {
  return code.slice(0, ref.from.length) >= ref.from && code.slice(0, ref.to.length) <= ref.to;
}

function levelOf(printedAt: string): NoteLevel {
  if (printedAt.startsWith('Chapter')) return 'chapter';
  if (printedAt.startsWith('Block')) return 'block';
  const c = printedAt.replace('.', '');
  if (c.length === 3) return 'category';
  // A subcategory is a header between category and code; without the order file we cannot
  // tell, so the loader re-labels with billable information (see excludes.ts).
  return 'subcategory';
}

export function parseExcludesCsv(text: string, into: ExcludesSet, what: string): number {
  const seen = new Set<string>();
  const blockIndex = new Map<string, ExcludesSet['blocks'][number]>();
  for (const b of into.blocks) blockIndex.set(`${b.from}-${b.to}`, b);
  let rows = 0;
  for (const r of parseCsv(text, what)) {
    const key = `${r.code}\u0000${r.noteType}\u0000${r.noteText}`;
    if (seen.has(key)) continue; // the one exact duplicate row of the source
    seen.add(key);
    rows++;
    const type = r.noteType as NoteType;
    if (type !== 'excludes1' && type !== 'excludes2') throw new Error(`${what}: noteType '${r.noteType}'`);
    const references = r.referencedCodes
      ? r.referencedCodes.split(';').map((s) => parseReference(s)).filter((x): x is CodeReference => x !== null)
      : [];
    const note: ExcludesNote = {
      type, level: levelOf(r.code), printedAt: r.code, title: r.codeTitle,
      chapter: Number(r.chapter), text: r.noteText, references
    };
    if (note.level === 'chapter') {
      const n = Number(r.code.replace(/\D/g, ''));
      const list = into.byChapter.get(n) ?? [];
      list.push(note);
      into.byChapter.set(n, list);
    } else if (note.level === 'block') {
      // A one-category section is printed as `Block T07` (no range): from = to.
      const [from, to = from] = r.code.replace('Block', '').trim().split('-').map((s) => s.trim().toUpperCase());
      const k = `${from}-${to}`;
      let b = blockIndex.get(k);
      if (!b) { b = { from, to, notes: [] }; blockIndex.set(k, b); into.blocks.push(b); }
      b.notes.push(note);
    } else {
      const code = r.code.replace('.', '').toUpperCase();
      const list = into.byCode.get(code) ?? [];
      list.push(note);
      into.byCode.set(code, list);
    }
  }
  return rows;
}

export function emptyExcludes(fy: number): ExcludesSet {
  return { fy, byCode: new Map(), blocks: [], byChapter: new Map() };
}
