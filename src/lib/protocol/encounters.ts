/**
 * Encounter shapes shared by browser and server. The zod schemas are the single source of
 * truth for limits and enums; server validation and UI forms both read them.
 */
import { z } from 'zod';
import { CODE_FORMATS, CODE_FORMAT_HINTS, displayCode, normalizeCode } from './codes';

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

const codeLineFields = z.object({
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

/** Checks the code's shape for its system and stores it in display form (E11.65, 0DTJ4ZZ). */
function wellFormedCode<T extends { system: CodeSystem; code: string }>(line: T, ctx: z.RefinementCtx): T {
  const code = normalizeCode(line.code);
  if (!CODE_FORMATS[line.system].test(code)) {
    ctx.addIssue({ code: 'custom', path: ['code'], message: `"${line.code}" is not well-formed: ${CODE_FORMAT_HINTS[line.system]}` });
    return z.NEVER;
  }
  return { ...line, code: displayCode(line.system, code) };
}

export const codeLineInputSchema = codeLineFields.transform(wellFormedCode);
/** Lines keep their id when given (so flags anchored to a line stay on it); new lines get one. */
export const codeLineWithIdSchema = codeLineFields.extend({ id: z.string().min(1).max(64).optional() }).transform(wellFormedCode);

export type PatientInput = z.infer<typeof patientSchema>;
export type DocumentInput = z.infer<typeof documentInputSchema>;
export type CodeLineInput = z.infer<typeof codeLineInputSchema>;
export type CodeLine = CodeLineInput & { id: string };
export type EncounterDocument = DocumentInput & { id: string };

// ---------------------------------------------------------------------------------------------
// Requests

export const flagAnchorSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    documentId: z.string().min(1).max(64),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    /** The quoted passage, so the anchor survives display changes and can be re-found. */
    quote: z.string().min(1).max(2_000)
  }).strict(),
  z.object({ type: z.literal('code-line'), codeLineId: z.string().min(1).max(64) }).strict()
]);

export const createFlagSchema = z.object({
  category: z.enum(FLAG_CATEGORIES),
  question: z.string().trim().min(1, 'is required').max(LIMITS.question),
  anchor: flagAnchorSchema.optional()
}).strict();

export const updateFlagSchema = z.object({
  status: z.enum(FLAG_STATUSES).optional(),
  category: z.enum(FLAG_CATEGORIES).optional(),
  question: z.string().trim().min(1).max(LIMITS.question).optional()
}).strict().refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const encounterMetaSchema = z.object({
  title: text(LIMITS.title).min(1, 'is required'),
  setting: z.enum(SETTINGS),
  dateOfService: isoDate,
  specialty: text(80).min(1, 'is required'),
  payerClass: z.enum(PAYER_CLASSES).nullish()
}).strict();

export const createEncounterSchema = encounterMetaSchema.extend({
  patient: patientSchema,
  documents: z.array(documentInputSchema).min(1, 'at least one documentation section is required').max(LIMITS.documents),
  codeLines: z.array(codeLineInputSchema).max(LIMITS.codeLines).default([]),
  flags: z.array(createFlagSchema).max(20).default([])
}).strict();

export const updateEncounterSchema = encounterMetaSchema.partial().extend({ patient: patientSchema.optional() }).strict()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const replaceCodeLinesSchema = z.object({
  codeLines: z.array(codeLineWithIdSchema).max(LIMITS.codeLines)
}).strict();

export const addDocumentSchema = documentInputSchema;

export const sharingSchema = z.object({
  userIds: z.array(z.string().uuid('must be a user id')).max(100),
  teamIds: z.array(z.string().uuid('must be a team id')).max(50)
}).strict();

export const QUEUES = ['mine', 'shared', 'team', 'forum'] as const;
export type Queue = (typeof QUEUES)[number];
export const ENCOUNTER_STATUSES = ['open', 'in-discussion', 'resolved'] as const;
export type EncounterStatus = (typeof ENCOUNTER_STATUSES)[number];
export const SORTS = ['updated', 'dateOfService', 'title', 'created'] as const;

export const queueQuerySchema = z.object({
  queue: z.enum(QUEUES).default('mine'),
  status: z.enum(ENCOUNTER_STATUSES).optional(),
  category: z.enum(FLAG_CATEGORIES).optional(),
  setting: z.enum(SETTINGS).optional(),
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9.]{1,10}$/, 'must be a code or code prefix').optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(SORTS).default('updated'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20)
}).strict();

/** Claim files call diagnosis pointers "dxPointers"; the import accepts both spellings. */
const importedCodeLine = z.preprocess((v) => {
  if (v && typeof v === 'object' && 'dxPointers' in v && !('pointers' in v)) {
    const { dxPointers, ...rest } = v as Record<string, unknown>;
    return { ...rest, pointers: dxPointers };
  }
  return v;
}, codeLineInputSchema);

/** One item of an import file, in the shape of the demo file (shared/data/demo/encounters.json). */
export const importItemSchema = encounterMetaSchema.extend({
  key: z.string().max(100).optional(),
  patient: patientSchema,
  documents: z.array(documentInputSchema).min(1).max(LIMITS.documents),
  proposedCodes: z.array(importedCodeLine).max(LIMITS.codeLines).default([]),
  flag: createFlagSchema.optional(),
  flags: z.array(createFlagSchema).max(20).optional()
}).strict();

export const importSchema = z.object({ encounters: z.array(z.unknown()).min(1, 'no encounters in the file').max(500) }).passthrough();

export const DATE_MODES = ['year-only', 'shift'] as const;
export const publishSchema = z.object({
  /** Candidate ids from the preview that the coder keeps (others are left in the text). */
  acceptedIds: z.array(z.string().min(1).max(100)).max(5_000),
  /** Redactions the coder added by hand: a passage of a document, its type. */
  added: z.array(z.object({
    documentId: z.string().min(1).max(64),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    type: z.string().regex(/^[A-Z_]{2,20}$/),
    text: z.string().min(1).max(2_000)
  }).strict()).max(500).default([]),
  dateMode: z.enum(DATE_MODES).default('shift')
}).strict();

export const auditQuerySchema = z.object({
  actorId: z.string().uuid().optional(),
  /** The start of an action (`auth`, `encounters.vi`), or of its verb (`sign-in`); matched as a prefix. Blank: any. */
  action: z.string().trim().toLowerCase().max(60).regex(/^([a-z-]+(\.[a-z-]*)?)?$/, 'must be the start of an action, like auth or encounters.view').optional(),
  targetId: z.string().max(64).optional(),
  from: z.string().datetime({ offset: true }).or(isoDate).optional(),
  to: z.string().datetime({ offset: true }).or(isoDate).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50)
}).strict();

export type CreateEncounterInput = z.infer<typeof createEncounterSchema>;
export type UpdateEncounterInput = z.infer<typeof updateEncounterSchema>;
export type CreateFlagInput = z.infer<typeof createFlagSchema>;
export type FlagAnchor = z.infer<typeof flagAnchorSchema>;
export type QueueQuery = z.infer<typeof queueQuerySchema>;
export type PublishInput = z.infer<typeof publishSchema>;

export * from './encounter-responses';
