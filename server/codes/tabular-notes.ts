/**
 * The Tabular's notes that apply to one code, with inheritance resolved, and the FY2026
 * Excludes notes built from the Tabular.
 *
 * Invariants:
 * - A note printed at a chapter, section (block), category or subcategory applies to every code
 *   below it (the Tabular's convention); groups are returned root first (chapter → own code),
 *   each marked with where it is printed and at which level relative to the code asked about.
 * - A full code that the XML does not list (7th-character codes) resolves to its longest listed
 *   prefix; its 7th-character definitions come from the nearest entry that prints them.
 * - Inclusion terms are not inherited: they describe the entry they are printed under.
 * - Pure: reads the parsed Tabular only.
 */
import { referencesInNote } from './note-references';
import { TEXT_KINDS, type SevenChrDef, type Tabular, type TabularEntry, type TabularNotes, type TabularTextKind } from './parse-tabular';
import { displayCode } from './normalize';
import type { CodeReference, ExcludesNote, ExcludesSet, NoteLevel } from './types';

export type NoteSource = 'chapter' | 'section' | 'category' | 'subcategory' | 'code';

export interface TabularNoteGroup {
  kind: TabularTextKind;
  from: NoteSource;
  /** `Chapter 4`, `Section E08-E13`, `E11`, `E11.62`. */
  printedAt: string;
  title: string;
  texts: string[];
}

export interface TabularView {
  chapter: { number: number; title: string; first: string; last: string } | null;
  section: { id: string; title: string; first: string; last: string } | null;
  /** Listed entry the code resolves to (itself, or its longest listed prefix). */
  entry: TabularEntry | null;
  groups: TabularNoteGroup[];
  inclusionTerms: string[];
  sevenChr: { printedAt: string; from: NoteSource; note: string[]; chars: SevenChrDef[] } | null;
}

export function tabularEntryFor(tab: Tabular, code: string): TabularEntry | null {
  for (let len = code.length; len >= 3; len--) {
    const e = tab.entries.get(code.slice(0, len));
    if (e) return e;
  }
  return null;
}

/** Listed entries from the category down to the code's entry. */
export function tabularChain(tab: Tabular, code: string): TabularEntry[] {
  const chain: TabularEntry[] = [];
  for (let e = tabularEntryFor(tab, code); e; e = e.parent ? tab.entries.get(e.parent) ?? null : null) chain.unshift(e);
  return chain;
}

function sourceOf(entryCode: string, asked: string): NoteSource {
  if (entryCode === asked) return 'code';
  return entryCode.length === 3 ? 'category' : 'subcategory';
}

export function tabularView(tab: Tabular, code: string): TabularView {
  const chain = tabularChain(tab, code);
  const entry = chain.at(-1) ?? null;
  const section = entry ? tab.sections[entry.section] ?? null : null;
  const chapter = entry ? tab.chapters.find((c) => c.number === entry.chapter) ?? null : null;
  const groups: TabularNoteGroup[] = [];
  const push = (notes: TabularNotes | null, from: NoteSource, printedAt: string, title: string) => {
    if (!notes) return;
    for (const kind of TEXT_KINDS) {
      if (kind === 'inclusionTerm' || kind === 'sevenChrNote') continue;
      const texts = notes[kind];
      if (texts?.length) groups.push({ kind, from, printedAt, title, texts });
    }
  };
  if (chapter) push(chapter.notes, 'chapter', `Chapter ${chapter.number}`, chapter.title);
  if (section) push(section.notes, 'section', `Section ${section.id}`, section.title);
  for (const e of chain) push(e.notes, sourceOf(e.code, code), displayCode('ICD-10-CM', e.code), e.title);
  let sevenChr: TabularView['sevenChr'] = null;
  for (let i = chain.length - 1; i >= 0 && !sevenChr; i--) {
    const n = chain[i].notes;
    if (n?.sevenChrDef?.length) {
      sevenChr = { printedAt: displayCode('ICD-10-CM', chain[i].code), from: sourceOf(chain[i].code, code), note: n.sevenChrNote ?? [], chars: n.sevenChrDef };
    }
  }
  return {
    chapter: chapter && { number: chapter.number, title: chapter.title, first: chapter.first, last: chapter.last },
    section: section && { id: section.id, title: section.title, first: section.first, last: section.last },
    entry, groups,
    inclusionTerms: entry?.notes?.inclusionTerm ?? [],
    sevenChr
  };
}

function excludesNotes(notes: TabularNotes, level: NoteLevel, printedAt: string, title: string, chapter: number): ExcludesNote[] {
  const out: ExcludesNote[] = [];
  for (const type of ['excludes1', 'excludes2'] as const) {
    for (const text of notes[type] ?? []) {
      const references: CodeReference[] = referencesInNote(text);
      out.push({ type, level, printedAt, title, chapter, text, references });
    }
  }
  return out;
}

/** The Tabular's Excludes1/Excludes2 notes in the shape of the Excludes extract (FY of the XML). */
export function excludesFromTabular(tab: Tabular): ExcludesSet {
  const set: ExcludesSet = { fy: tab.fy, byCode: new Map(), blocks: [], byChapter: new Map() };
  for (const c of tab.chapters) {
    const l = excludesNotes(c.notes, 'chapter', `Chapter ${c.number}`, c.title, c.number);
    if (l.length) set.byChapter.set(c.number, l);
  }
  for (const s of tab.sections) {
    const l = excludesNotes(s.notes, 'block', `Block ${s.id}`, s.title, s.chapter);
    if (l.length) set.blocks.push({ from: s.first, to: s.last, notes: l });
  }
  for (const e of tab.entries.values()) {
    if (!e.notes) continue;
    const l = excludesNotes(e.notes, e.code.length === 3 ? 'category' : 'subcategory', displayCode('ICD-10-CM', e.code), e.title, e.chapter);
    if (l.length) set.byCode.set(e.code, l);
  }
  return set;
}
