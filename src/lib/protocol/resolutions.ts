/**
 * Resolutions: a decision on a flag or on a whole encounter, shared by browser and server.
 *
 * Invariants of the protocol:
 * - References are citations only (which section, which issue and page): never copied text
 *   from Coding Clinic or CPT Assistant. Each kind has its own shape, checked here.
 * - A resolution is written once and never edited; reopening is its own record. While a
 *   resolution of an encounter is active, its code set is locked (read-only for everyone).
 * - The final code set is the encounter's code lines as they were in the revision that locked
 *   them (plus the live document's latest version id when there is one).
 */
import { z } from 'zod';
import type { CodeLine, Setting } from './encounters';

export const OUTCOMES = ['coded-as-proposed', 'changed', 'documentation-insufficient'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  'coded-as-proposed': 'Coded as proposed',
  changed: 'Changed',
  'documentation-insufficient': 'Documentation insufficient: query the provider'
};

export const ERROR_TAGS = [
  'principal-diagnosis', 'missed-secondary', 'specificity', 'sequencing', 'poa', 'modifier', 'unsupported-code', 'seventh-character', 'other'
] as const;
export type ErrorTag = (typeof ERROR_TAGS)[number];
export const ERROR_TAG_LABELS: Record<ErrorTag, string> = {
  'principal-diagnosis': 'Principal / first-listed diagnosis', 'missed-secondary': 'Missed secondary diagnosis',
  specificity: 'Specificity', sequencing: 'Sequencing', poa: 'POA', modifier: 'Modifier', 'unsupported-code': 'Unsupported code',
  'seventh-character': '7th character', other: 'Other'
};

export const REFERENCE_KINDS = ['guidelines', 'coding-clinic', 'cpt-assistant', 'ncci', 'payer-policy', 'url'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

const note = z.string().trim().max(300).optional();
const year = z.number().int().min(1984).max(2100);
/** ICD-10-CM Official Guidelines section: I.C.1.d.1, II, III.B, IV.H (sections I-IV, then letters/numbers). */
export const GUIDELINE_SECTION = /^(I|II|III|IV)(\.[A-Z](\.\d{1,2}(\.[a-z](\.\d{1,2}(\.[a-z])?)?)?)?)?$/;

export const referenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('guidelines'), section: z.string().trim().regex(GUIDELINE_SECTION, 'must be a guidelines section such as I.C.1.d.1 or II'), fiscalYear: year.optional(), note }).strict(),
  z.object({ kind: z.literal('coding-clinic'), year, quarter: z.number().int().min(1).max(4), page: z.number().int().min(1).max(999), note }).strict(),
  z.object({ kind: z.literal('cpt-assistant'), year, month: z.number().int().min(1).max(12), page: z.number().int().min(1).max(999).optional(), note }).strict(),
  z.object({ kind: z.literal('ncci'), chapter: z.number().int().min(1).max(13), section: z.string().trim().max(20).optional(), year: year.optional(), note }).strict(),
  z.object({ kind: z.literal('payer-policy'), payer: z.string().trim().min(1).max(120), policyId: z.string().trim().min(1).max(60), title: z.string().trim().max(200).optional(), note }).strict(),
  z.object({ kind: z.literal('url'), url: z.string().trim().url('must be a URL').max(500).refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL'), title: z.string().trim().max(200).optional() }).strict()
]);
export type Reference = z.infer<typeof referenceSchema>;

/** "Coding Clinic 2Q 2019 p. 8", "Guidelines I.C.1.d.1": how coders cite. */
export function citeReference(r: Reference): string {
  switch (r.kind) {
    case 'guidelines': return `ICD-10-CM Official Guidelines ${r.section}${r.fiscalYear ? ` (FY${r.fiscalYear})` : ''}`;
    case 'coding-clinic': return `Coding Clinic ${r.quarter}Q ${r.year} p. ${r.page}`;
    case 'cpt-assistant': return `CPT Assistant ${String(r.month).padStart(2, '0')}/${r.year}${r.page ? ` p. ${r.page}` : ''}`;
    case 'ncci': return `NCCI Policy Manual ch. ${r.chapter}${r.section ? ` § ${r.section}` : ''}${r.year ? ` (${r.year})` : ''}`;
    case 'payer-policy': return `${r.payer} policy ${r.policyId}${r.title ? `: ${r.title}` : ''}`;
    case 'url': return r.title ? `${r.title} (${r.url})` : r.url;
  }
}

export const errorTagInputSchema = z.object({
  tag: z.enum(ERROR_TAGS),
  /** The code the error is about (display form); lets the server decide materiality for it. */
  code: z.string().trim().min(1).max(10).optional(),
  /** The resolver's judgement; for inpatient stays with the MS-DRG tables the server decides instead. */
  material: z.boolean().optional(),
  note
}).strict();
export type ErrorTagInput = z.infer<typeof errorTagInputSchema>;

const text = (max: number, what: string) => z.string().max(max, `must be at most ${max} characters`).refine((s) => s.trim().length > 0, `${what} must not be empty`);

export const resolveInputSchema = z.object({
  /** A flag of the encounter, or absent for the whole encounter (every open flag). */
  flagId: z.string().uuid('must be an id').optional(),
  summary: text(500, 'the decision summary'),
  rationale: text(5_000, 'the rationale'),
  references: z.array(referenceSchema).max(20),
  outcome: z.enum(OUTCOMES),
  errorTags: z.array(errorTagInputSchema).max(20).default([]),
  /** The precedent's fact pattern in the resolver's words (de-identified by the server). */
  factPattern: z.string().max(4_000).optional(),
  /** Detected identifier candidates (by id, from the preview) the resolver says are not identifiers; mandatory ones are redacted anyway. */
  keepCandidateIds: z.array(z.string().min(1).max(200)).max(200).default([])
}).strict();
export type ResolveInput = z.input<typeof resolveInputSchema>;

export const reopenInputSchema = z.object({ reason: text(1_000, 'the reason') }).strict();
export const precedentPreviewInputSchema = z.object({ factPattern: z.string().max(4_000).optional(), flagId: z.string().uuid().optional() }).strict();

export interface SeverityChangeDto { added: string[]; removed: string[]; excluded: string[]; principalChanged: boolean }
export interface ErrorTagDto { tag: ErrorTag; code: string | null; material: boolean; materialSource: 'ms-drg' | 'resolver'; note: string | null }

export interface ResolutionDto {
  id: string;
  encounterId: string;
  target: { type: 'flag'; flagId: string } | { type: 'encounter' };
  flagIds: string[];
  summary: string;
  rationale: string;
  references: (Reference & { cite: string })[];
  outcome: Outcome;
  errorTags: ErrorTagDto[];
  severityChange: SeverityChangeDto | null;
  proposedCodeLines: CodeLine[];
  finalCodeLines: CodeLine[];
  codeSet: { encounterRevision: number; collabVersionId: string | null };
  setting: Setting;
  coder: { id: string; name: string };
  resolvedBy: { id: string; name: string };
  resolvedAt: string;
  precedentId: string | null;
  reopened: { by: { id: string; name: string }; at: string; reason: string } | null;
}
