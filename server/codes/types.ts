/**
 * Shared types of the code-set core.
 *
 * Invariants:
 * - Codes are stored in their normalized form: uppercase, no dot (ICD-10-CM `S72001A`).
 *   Display forms (with the dot) are produced only at the edges (search results, messages).
 * - An entry object is immutable once loaded; fiscal years share the same object when the
 *   entry did not change between years, so identity (`===`) means "same entry, same text".
 * - `order` is the position in tabular order of the year the entry was loaded from; lists are
 *   kept in tabular order, never sorted by code.
 */
import type { CodeLine, Setting } from '../../src/lib/protocol/encounters';

export type { CodeLine, Setting };

/** One line of an ICD-10-CM or ICD-10-PCS order file. */
export interface OrderEntry {
  /** Code without dot, e.g. `A419`, `0016070`, `001`. */
  code: string;
  /** Flag `1` in the order file: valid for submission. */
  billable: boolean;
  short: string;
  long: string;
}

/** One fiscal year of ICD-10-CM (or PCS): the entries in tabular order plus lookups. */
export interface CodeYear {
  system: 'ICD-10-CM' | 'ICD-10-PCS';
  /** Fiscal year number: FY2026 = Oct 1 2025 – Sep 30 2026. */
  fy: number;
  /** Entries in tabular order. */
  list: OrderEntry[];
  /** Code → index in `list`. */
  index: Map<string, number>;
  /** Index of the parent entry (longest proper prefix present in this year), -1 at the top. */
  parent: Int32Array;
}

export interface HcpcsRecord {
  /** Procedure code (`J1100`) or modifier (`RT`). */
  code: string;
  kind: 'procedure' | 'modifier';
  long: string;
  short: string;
  /** ISO dates `YYYY-MM-DD`, or null when blank. */
  dateAdded: string | null;
  actionEffectiveDate: string | null;
  terminationDate: string | null;
  actionCode: string;
  coverageCode: string;
  /** Position in the file; keeps file order for listings. */
  order: number;
}

export interface HcpcsSet {
  /** Label of the release, e.g. `2026-01` (January 2026 quarterly file). */
  release: string;
  procedures: Map<string, HcpcsRecord>;
  modifiers: Map<string, HcpcsRecord>;
}

export type ChangeKind = 'added' | 'deleted' | 'revised' | 'billable-to-header' | 'header-to-billable';

/** One change of an ICD-10-CM entry between two fiscal years (from the change lists). */
export interface CodeChange {
  kind: ChangeKind;
  code: string;
  /** The fiscal year the change takes effect (2027 = from Oct 1 2026). */
  fy: number;
  billable?: boolean;
  previousBillable?: boolean;
  short?: string;
  long?: string;
  previousShort?: string;
  previousLong?: string;
}

export type NoteType = 'excludes1' | 'excludes2';
export type NoteLevel = 'chapter' | 'block' | 'category' | 'subcategory' | 'code';

/** A parsed referencedCodes token: matches a normalized code when `matches(code)` is true. */
export interface CodeReference {
  /** Token as printed, e.g. `A04.0-A04.4`, `A05.-`. */
  token: string;
  /** Inclusive range of normalized prefixes; a single code/prefix has from === to. */
  from: string;
  to: string;
}

export interface ExcludesNote {
  type: NoteType;
  level: NoteLevel;
  /** Where the note is printed, as printed: `Chapter 12`, `Block A15-A19`, `A04`, `A04.7`. */
  printedAt: string;
  /** Title of that entry. */
  title: string;
  chapter: number;
  text: string;
  references: CodeReference[];
}

export interface ExcludesSet {
  /** Fiscal year the notes describe (2027 for the staged data). */
  fy: number;
  /** Notes printed at a code/category/subcategory, keyed by normalized code. */
  byCode: Map<string, ExcludesNote[]>;
  /** Block-level notes with the normalized category range of the block. */
  blocks: { from: string; to: string; notes: ExcludesNote[] }[];
  /** Chapter-level notes keyed by chapter number. */
  byChapter: Map<number, ExcludesNote[]>;
}

export interface CodeSets {
  /** ICD-10-CM years keyed by fiscal year (2026, 2027 when the change lists are present). */
  cm: Map<number, CodeYear>;
  pcs: Map<number, CodeYear>;
  hcpcs: HcpcsSet | null;
  /** FY2027 (etc.) changes keyed by normalized code. */
  changes: Map<string, CodeChange[]>;
  /** The FY2027 Excludes extract, null when absent. */
  excludes: ExcludesSet | null;
  /** The FY2026 Tabular List (notes, inclusion terms, titles), null when the XML is absent. See parse-tabular.ts. */
  tabular: import('./parse-tabular').Tabular | null;
  /** FY2026 Excludes notes built from the Tabular (see excludesFor in excludes.ts). */
  tabularExcludes: ExcludesSet | null;
  /** MS-DRG v43 CC/MCC tables, null when absent (severity off). See severity.ts. */
  severity: import('./parse-msdrg').SeverityTables | null;
  /** Search indexes, built at load. */
  search: import('./text-index').SearchIndexes;
  /** What was loaded, for logs and the CLI. */
  report: LoadReport;
}

export interface LoadedFileReport {
  path: string;
  required: boolean;
  found: boolean;
  /** null when the file is missing or no checksum is known. */
  shaOk: boolean | null;
  sha256?: string;
  rows: number;
  note?: string;
}

export interface LoadReport {
  dir: string;
  files: LoadedFileReport[];
  warnings: string[];
  ms: number;
  /** Milliseconds per loading phase (read, icd10cm, excludes, tabular, msdrg, …). */
  phases?: Record<string, number>;
}

export type FindingSeverity = 'error' | 'warning' | 'suggestion' | 'info';

export interface Finding {
  /** Stable rule id, e.g. `unknown-code`. */
  rule: string;
  severity: FindingSeverity;
  lineIds: string[];
  message: string;
  suggestions?: string[];
}
