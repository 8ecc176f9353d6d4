/**
 * Encounter shapes shared by browser and server. The zod schemas are the single source of
 * truth for limits and enums; server validation and UI forms both read them.
 */
import { z } from 'zod';

export const SETTINGS = ['inpatient', 'outpatient', 'emergency', 'professional'] as const;
export const DOCUMENT_KINDS = [
  'progress-note', 'history-and-physical', 'discharge-summary', 'operative', 'radiology',
  'pathology', 'lab', 'ed-note', 'consultation', 'dietitian-note', 'nursing-note', 'other'
] as const;
export const CODE_SYSTEMS = ['ICD-10-CM', 'ICD-10-PCS', 'CPT', 'HCPCS'] as const;
export const CODE_ROLES = ['principal', 'first-listed', 'secondary', 'procedure'] as const;
/** Y, N, U, W, 1 are the official indicators; "exempt" marks a code on the POA-exempt list. */
export const POA_VALUES = ['Y', 'N', 'U', 'W', '1', 'exempt'] as const;
export const FLAG_CATEGORIES = [
  'sequencing', 'specificity', 'combination codes', 'conflicting documentation',
  'clinical validity', 'uncertain diagnosis', 'present on admission', 'modifier use',
  'bundling', 'medical necessity', 'E/M level', 'query needed'
] as const;
export const FLAG_STATUSES = ['open', 'in-discussion', 'resolved'] as const;
export const PAYER_CLASSES = ['medicare', 'medicaid', 'commercial', 'self-pay', 'other'] as const;

export const LIMITS = {
  title: 200,
  shortText: 200,
  documentText: 100_000,
  documents: 50,
  codeLines: 200,
  modifiers: 4,
  pointers: 4,
  note: 2_000,
  question: 4_000
} as const;

export type Setting = (typeof SETTINGS)[number];
export type CodeSystem = (typeof CODE_SYSTEMS)[number];
export type CodeRole = (typeof CODE_ROLES)[number];
export type Poa = (typeof POA_VALUES)[number];
export type FlagCategory = (typeof FLAG_CATEGORIES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s), 'must be a real calendar date');
const text = (max: number) => z.string().trim().max(max);

export const patientSchema = z.object({
  name: text(LIMITS.shortText).min(1),
  mrn: text(64).optional(),
  dob: isoDate.optional(),
  sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
  phone: text(40).optional(),
  email: text(200).optional(),
  address: text(400).optional(),
  ssn: text(20).optional(),
  accountNumber: text(64).optional(),
  insuranceId: text(64).optional()
}).strict();

export const documentInputSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  title: text(LIMITS.title).min(1),
  author: text(LIMITS.shortText).optional(),
  text: z.string().min(1).max(LIMITS.documentText)
}).strict();

/** A code line as stored: the id lets flags and findings point at one line. */
export const codeLineInputSchema = z.object({
  system: z.enum(CODE_SYSTEMS),
  code: z.string().trim().min(1).max(10),
  role: z.enum(CODE_ROLES),
  poa: z.enum(POA_VALUES).nullish(),
  modifiers: z.array(z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2}$/, 'a modifier is two letters or digits')).max(LIMITS.modifiers).optional(),
  units: z.number().int().min(1).max(9999).optional(),
  /** 1-based positions among the encounter's ICD-10-CM lines (professional claims, up to 4). */
  pointers: z.array(z.number().int().min(1).max(LIMITS.codeLines)).max(LIMITS.pointers).optional(),
  note: text(LIMITS.note).optional()
}).strict();

export type PatientInput = z.infer<typeof patientSchema>;
export type DocumentInput = z.infer<typeof documentInputSchema>;
export type CodeLineInput = z.infer<typeof codeLineInputSchema>;
export type CodeLine = CodeLineInput & { id: string };
export type EncounterDocument = DocumentInput & { id: string };
