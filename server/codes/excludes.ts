/**
 * Which Excludes notes apply to a code, and Excludes1 conflicts between two codes.
 *
 * Invariants:
 * - A note printed at a chapter, block, category or subcategory applies to every code below it,
 *   so the notes of a code = its own + those of each ancestor (parent chain of the year) + the
 *   block(s) containing its category + its chapter. Returned root first (chapter … own code).
 * - Each fiscal year uses its own notes: FY2026 the Tabular XML's, FY2027 the FY2027 Excludes
 *   extract. When a year's source is absent the other year's notes are used and `excludesFor`
 *   says so (the statement is shown in code details).
 * - A reference covers the referenced code and everything below it (see parse-excludes.ts).
 */
import { chapterOf } from './chapters';
import { ancestorsOf } from './fiscal-year';
import { referenceMatches } from './parse-excludes';
import type { CodeSets, CodeYear, ExcludesNote, ExcludesSet, NoteLevel } from './types';

export interface ExcludesChoice { set: ExcludesSet | null; statement: string }

/** The Excludes notes for fiscal year `fy`, and a sentence saying where they come from. */
export function excludesFor(codeSets: CodeSets, fy: number): ExcludesChoice {
  const tab = codeSets.tabularExcludes, extract = codeSets.excludes;
  if (fy >= 2027) {
    if (extract) return { set: extract, statement: `Excludes notes: FY${extract.fy} Excludes extract. Other Tabular notes (Code first, Use additional code, Code also, 7th characters) come from the FY2026 Tabular.` };
    if (tab) return { set: tab, statement: `The FY2027 Excludes extract is not loaded: Excludes notes are the FY${tab.fy} Tabular's.` };
  } else {
    if (tab) return { set: tab, statement: `Notes from the FY${tab.fy} Tabular List.` };
    if (extract) return { set: extract, statement: `The FY2026 Tabular is not loaded: Excludes notes are the FY${extract.fy} extract's and may differ for FY2026.` };
  }
  return { set: null, statement: 'No Excludes notes are loaded.' };
}

export interface AppliedNote extends ExcludesNote {
  /** Level the note comes from, relative to the code asked about (`code` = printed at it). */
  from: NoteLevel;
}

function levelFor(printedCode: string, year: CodeYear | undefined): NoteLevel {
  if (printedCode.length === 3) return 'category';
  const i = year?.index.get(printedCode);
  return i !== undefined && year!.list[i].billable ? 'code' : 'subcategory';
}

export function applicableNotes(codeSets: CodeSets, code: string, year: CodeYear | undefined): AppliedNote[] {
  const ex = excludesFor(codeSets, year?.fy ?? 2026).set;
  if (!ex) return [];
  const out: AppliedNote[] = [];
  const ch = chapterOf(code);
  if (ch) for (const n of ex.byChapter.get(ch.number) ?? []) out.push({ ...n, from: 'chapter' });
  const cat = code.slice(0, 3);
  for (const b of ex.blocks) {
    if (cat >= b.from && cat <= b.to) for (const n of b.notes) out.push({ ...n, from: 'block' });
  }
  // Chain of codes from the category down to the code itself.
  const chain: string[] = [];
  const i = year?.index.get(code);
  if (year && i !== undefined) {
    for (const a of ancestorsOf(year, i)) chain.push(year.list[a].code);
    chain.push(code);
  } else {
    for (let len = 3; len <= code.length; len++) chain.push(code.slice(0, len));
  }
  for (const c of chain) {
    const level = levelFor(c, year);
    for (const n of ex.byCode.get(c) ?? []) out.push({ ...n, level, from: level });
  }
  return out;
}

export interface Excludes1Conflict {
  /** The code whose note excludes the other. */
  noteOwner: string;
  excluded: string;
  note: AppliedNote;
}

/**
 * Excludes1 notes of `a` that reference `b` (direction a → b). Self-referencing notes (the
 * note's reference also covers `a`) are ignored: they describe a code's own subtree.
 */
export function excludes1Between(codeSets: CodeSets, a: string, b: string, year: CodeYear | undefined, notesOfA?: AppliedNote[]): Excludes1Conflict[] {
  const out: Excludes1Conflict[] = [];
  for (const note of notesOfA ?? applicableNotes(codeSets, a, year)) {
    if (note.type !== 'excludes1') continue;
    const ref = note.references.find((r) => referenceMatches(r, b) && !referenceMatches(r, a));
    if (ref) out.push({ noteOwner: a, excluded: b, note });
  }
  return out;
}
