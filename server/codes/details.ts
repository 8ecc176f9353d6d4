/**
 * `codeDetails`: everything a coder wants to see about one code.
 *
 * Invariants:
 * - Pure lookup over loaded data; unknown code → null (never throws on bad input).
 * - ICD-10-CM/PCS answer for one fiscal year (default: the latest loaded). A code that exists
 *   only in another loaded year is still described, with `inYear: false` and the years it is in.
 * - 7th-character codes are ordinary entries (every valid combination is in the file); their
 *   Tabular notes come from the longest prefix the Tabular lists (tabular-notes.ts).
 * - Excludes notes are those of the asked fiscal year (excludesFor); the other Tabular notes
 *   exist for FY2026 only and `notesSource` says so for FY2027.
 */
import { chapterOf, PCS_SECTIONS, type Chapter } from './chapters';
import { applicableNotes, excludesFor, type AppliedNote } from './excludes';
import { isManifestation } from './manifestation';
import { severityOf } from './severity';
import { tabularView, type TabularNoteGroup } from './tabular-notes';
import type { SevenChrDef } from './parse-tabular';
import { ancestorsOf, childrenOf } from './fiscal-year';
import { displayCode, normalizeCode } from './normalize';
import type { CodeChange, CodeSets, CodeYear } from './types';

export interface CodeRef { code: string; description: string; billable: boolean }

export interface TabularDetails {
  chapter: { number: number; title: string; first: string; last: string } | null;
  section: { id: string; title: string; first: string; last: string } | null;
  inclusionTerms: string[];
  /** Includes, Code first, Use additional code, Code also, notes: root first, marked by level. */
  notes: TabularNoteGroup[];
  sevenChr: { printedAt: string; from: string; note: string[]; chars: SevenChrDef[] } | null;
  /** "… in diseases classified elsewhere" under a Code first note: never principal/first-listed. */
  manifestation: boolean;
}

export interface CodeDetails {
  system: 'ICD-10-CM' | 'ICD-10-PCS' | 'HCPCS' | 'CPT';
  code: string;
  description: string;
  shortDescription: string;
  billable: boolean;
  kind: 'code' | 'header' | 'modifier';
  /** Fiscal year answered for (ICD-10), or null. */
  year: number | null;
  inYear: boolean;
  /** Loaded fiscal years containing this code. */
  years: number[];
  parents: CodeRef[];
  children: CodeRef[];
  chapter: Chapter | null;
  /** ICD-10-PCS section (first character). */
  section: string | null;
  excludes1: AppliedNote[];
  excludes2: AppliedNote[];
  changes: CodeChange[];
  /** The Tabular's view of the code (ICD-10-CM with the Tabular loaded), else null. */
  tabular: TabularDetails | null;
  /** Where the notes come from (year of the Excludes, FY2026 Tabular for the others). */
  notesSource: string;
  /** CC/MCC level as a secondary diagnosis (MS-DRG v43), null when neither or off. */
  severity: 'CC' | 'MCC' | null;
  hcpcs?: { dateAdded: string | null; actionEffectiveDate: string | null; terminationDate: string | null; actionCode: string; coverageCode: string };
}

function refOf(system: string, year: CodeYear, i: number): CodeRef {
  const e = year.list[i];
  return { code: displayCode(system, e.code), description: e.long, billable: e.billable };
}

export function codeDetails(codeSets: CodeSets, system: CodeDetails['system'], input: string, year?: number): CodeDetails | null {
  const code = normalizeCode(system, input);
  if (system === 'HCPCS') {
    const rec = codeSets.hcpcs?.procedures.get(code) ?? codeSets.hcpcs?.modifiers.get(code);
    if (!rec) return null;
    return {
      system, code, description: rec.long, shortDescription: rec.short, billable: rec.terminationDate === null,
      kind: rec.kind === 'modifier' ? 'modifier' : 'code', year: null, inYear: true, years: [], parents: [], children: [],
      chapter: null, section: null, excludes1: [], excludes2: [], changes: [], tabular: null, notesSource: '', severity: null,
      hcpcs: { dateAdded: rec.dateAdded, actionEffectiveDate: rec.actionEffectiveDate, terminationDate: rec.terminationDate, actionCode: rec.actionCode, coverageCode: rec.coverageCode }
    };
  }
  if (system === 'CPT') return null; // no CPT content is shipped; org descriptions live elsewhere
  const years = system === 'ICD-10-CM' ? codeSets.cm : codeSets.pcs;
  const present = [...years.values()].filter((y) => y.index.has(code)).map((y) => y.fy).sort();
  if (present.length === 0) return null;
  const latest = Math.max(...years.keys());
  const asked = year !== undefined && years.has(year) ? year : latest;
  const inYear = present.includes(asked);
  const y = years.get(inYear ? asked : present[present.length - 1])!;
  const i = y.index.get(code)!;
  const e = y.list[i];
  const notes = system === 'ICD-10-CM' ? applicableNotes(codeSets, code, y) : [];
  return {
    system, code: displayCode(system, code), description: e.long, shortDescription: e.short, billable: e.billable,
    kind: e.billable ? 'code' : 'header', year: asked, inYear, years: present,
    parents: ancestorsOf(y, i).map((p) => refOf(system, y, p)),
    children: childrenOf(y, i).map((c) => refOf(system, y, c)),
    chapter: system === 'ICD-10-CM' ? chapterOf(code) : null,
    section: system === 'ICD-10-PCS' ? PCS_SECTIONS[code[0]] ?? null : null,
    excludes1: notes.filter((n) => n.type === 'excludes1'),
    excludes2: notes.filter((n) => n.type === 'excludes2'),
    changes: system === 'ICD-10-CM' ? codeSets.changes.get(code) ?? [] : [],
    tabular: system === 'ICD-10-CM' ? tabularDetails(codeSets, code) : null,
    notesSource: system !== 'ICD-10-CM' ? ''
      : codeSets.tabular ? excludesFor(codeSets, asked).statement
      : `${excludesFor(codeSets, asked).statement} The Tabular List is not installed: inclusion terms, Code first, Use additional code, Code also and 7th-character notes are off.`,
    severity: system === 'ICD-10-CM' ? severityOf(codeSets, code) : null
  };
}

function tabularDetails(codeSets: CodeSets, code: string): TabularDetails | null {
  const tab = codeSets.tabular;
  if (!tab) return null;
  const v = tabularView(tab, code);
  if (!v.entry) return null;
  return {
    chapter: v.chapter, section: v.section, inclusionTerms: v.inclusionTerms,
    notes: v.groups.filter((g) => g.kind !== 'excludes1' && g.kind !== 'excludes2'),
    sevenChr: v.sevenChr, manifestation: isManifestation(tab, code)
  };
}
