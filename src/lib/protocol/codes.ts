import { z } from 'zod';

/** Code shapes shared by browser and server (existence is checked against the loaded code sets). */
export const CODE_FORMATS = {
  /**
   * Letter, digit, then up to 5 alphanumerics (A00 … Z99, U07.1, C4A, S72.001A); chapter 17's
   * QA categories are the one place with a letter in the 2nd position (QA0.0101, FY2027 QA1.71).
   */
  'ICD-10-CM': /^(?:[A-Z][0-9]|QA)[0-9A-Z]([0-9A-Z]{1,4})?$/,
  /** 7 characters from the PCS alphabet (digits and letters without I and O); headers have 3. */
  'ICD-10-PCS': /^[0-9A-HJ-NP-Z]{7}$/,
  /** 5 digits (Category I), or 4 digits + F (Category II), T (Category III), U (PLA). */
  CPT: /^(\d{5}|\d{4}[FTU])$/,
  /** A letter and four digits (J1100). */
  HCPCS: /^[A-Z]\d{4}$/,
  /** Two letters or digits. */
  modifier: /^[A-Z0-9]{2}$/
} as const;

export const CODE_FORMAT_HINTS = {
  'ICD-10-CM': 'an ICD-10-CM code is a letter, a digit, then 1 to 5 letters or digits (E11.65)',
  'ICD-10-PCS': 'an ICD-10-PCS code is exactly 7 letters or digits, without I or O (0DTJ4ZZ)',
  CPT: 'a CPT code is five digits, or four digits followed by F, T or U (99213, 3074F)',
  HCPCS: 'a HCPCS Level II code is a letter and four digits (J1100)'
} as const;

/** Trim, uppercase, remove dots and spaces: the form every lookup uses. */
export function normalizeCode(input: string): string {
  return input.trim().toUpperCase().replace(/[.\s]/g, '');
}

/** ICD-10-CM shows a dot after the third character; other systems never take one. */
export function displayCode(system: string, code: string): string {
  const c = normalizeCode(code);
  return system === 'ICD-10-CM' && c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
}

// ---------------------------------------------------------------------------------------------
// Code-set API: requests and responses


export const SEARCH_SYSTEMS = ['all', 'ICD-10-CM', 'ICD-10-PCS', 'HCPCS', 'CPT'] as const;
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const codeSearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'type a code or words').max(100, 'must be at most 100 characters'),
  system: z.enum(SEARCH_SYSTEMS).default('all'),
  /** The date of service picks the fiscal year (Oct 1 to Sep 30). */
  date: isoDay.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  billableOnly: z.enum(['true', 'false']).transform((v) => v === 'true').optional()
}).strict();

export const codeDetailsQuerySchema = z.object({ date: isoDay.optional() }).strict();
export const codeSystemParamSchema = z.enum(['ICD-10-CM', 'ICD-10-PCS', 'HCPCS', 'CPT']);

export const cptUploadSchema = z.object({
  /** CSV with a header row: code,description (the organisation's licensed CPT descriptions). */
  csv: z.string().min(1, 'is empty').max(8_000_000, 'must be at most 8 MB')
}).strict();

export interface CodeSearchResultDto {
  system: 'ICD-10-CM' | 'ICD-10-PCS' | 'HCPCS' | 'CPT';
  code: string;
  description: string;
  billable: boolean;
  chapter: number | null;
  kind: 'code' | 'header';
  /** ICD-10-CM: CC/MCC level as a secondary diagnosis (MS-DRG v43), null when neither or off. */
  severity?: 'CC' | 'MCC' | null;
  /** HCPCS: termination date (ISO) of a terminated code; shown instead of "header". */
  terminatedOn?: string | null;
}

export interface FindingDto {
  rule: string;
  /** `suggestion`: something to consider adding (Use additional code, optional Code first). */
  severity: 'error' | 'warning' | 'suggestion' | 'info';
  lineIds: string[];
  message: string;
  suggestions?: string[];
}

export type CodeSetState = 'off' | 'loading' | 'ready' | 'failed';
/** Optional features and whether their files are loaded (the server runs without them). */
export interface CodeSetFeatureDto { feature: 'tabular-notes' | 'fy2027' | 'excludes-fy2027' | 'severity' | 'pcs-index'; on: boolean; message: string }
export interface CodeSetStatusDto { state: CodeSetState; message: string; years?: { cm: number[]; pcs: number[] }; hcpcs?: boolean; cptCodes?: number; features?: CodeSetFeatureDto[] }

/** Per secondary diagnosis of an inpatient stay: CC, MCC, or excluded by the principal. */
export interface LineSeverityDto { lineId: string; level: 'CC' | 'MCC' | null; excluded: boolean; excludedBy?: string; message: string }
export interface SeveritySummaryDto {
  state: 'ready' | 'off' | 'not-inpatient';
  /** `MS-DRG v43`, null when off. */
  tables: string | null;
  /** Highest level that counts (none, CC, MCC); null when not applicable. */
  highest: 'none' | 'CC' | 'MCC' | null;
  message: string;
  /** Set when the tables are not those of the date of service (FY2027: v44 not loaded). */
  versionNote?: string;
  lines: LineSeverityDto[];
}
/** What the code of a line is, for tables that show bare codes. */
export interface LineInfoDto { lineId: string; description: string | null; status: 'billable' | 'header' | 'terminated' | 'unknown'; severity: 'CC' | 'MCC' | null }
export interface ValidationDto {
  state: CodeSetState; message: string; fiscalYear: number; findings: FindingDto[];
  severity?: SeveritySummaryDto;
  lines?: LineInfoDto[];
}
