/** Encounter API responses (DTOs), shared by browser and server. Requests live in encounters.ts. */
import type { ValidationDto } from './codes';
import type {
  CodeLine, EncounterDocument, EncounterStatus, FLAG_STATUSES, FlagAnchor, FlagCategory, PatientInput, PAYER_CLASSES, Queue, Setting
} from './encounters';


export interface Permissions {
  view: boolean;
  comment: boolean;
  flag: boolean;
  editCodes: boolean;
  edit: boolean;
  share: boolean;
  publish: boolean;
  resolve: boolean;
}

export interface FlagDto {
  id: string;
  category: FlagCategory;
  question: string;
  status: (typeof FLAG_STATUSES)[number];
  anchor: FlagAnchor | null;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
}

export interface EncounterSummaryDto {
  /** The encounter id; in the forum queue, the forum post id. */
  id: string;
  /** Where the item opens in the app: /encounters/<id> or /forum/<postId>. */
  href: string;
  title: string;
  setting: Setting;
  dateOfService: string;
  specialty: string;
  status: EncounterStatus;
  owner: { id: string; name: string };
  flagCount: number;
  openFlagCount: number;
  categories: FlagCategory[];
  codes: string[];
  published: boolean;
  updatedAt: string;
}

export interface EncounterDto extends Omit<EncounterSummaryDto, 'flagCount' | 'openFlagCount' | 'categories' | 'codes' | 'href'> {
  payerClass: (typeof PAYER_CLASSES)[number] | null;
  patient: PatientInput;
  documents: EncounterDocument[];
  codeLines: CodeLine[];
  flags: FlagDto[];
  sharing: { users: { id: string; name: string; role: string }[]; teams: { id: string; name: string }[] };
  forumPostId: string | null;
  permissions: Permissions;
  /** Findings of the code-set validation of the current code lines (recomputed on every read and change). */
  validation: ValidationDto;
  /**
   * True while the code sets are still loading (just after a server start): `validation` is then
   * `state: 'loading'` with no findings, and `GET /api/encounters/:id/validation` waits for them.
   */
  findingsPending?: boolean;
  createdAt: string;
}

export interface QueuePageDto {
  items: EncounterSummaryDto[];
  total: number;
  page: number;
  pageSize: number;
  /** How many encounters each queue holds for this user, before filters. */
  counts: Record<Queue, number>;
}

/**
 * skipped: the organisation already holds this item (id is that encounter), matched by its key, an
 * export's id, or its content; visible says whether the importer may open it (else someone else's).
 */
export interface ImportItemResultDto {
  index: number; key?: string; status: 'created' | 'skipped' | 'rejected'; id?: string;
  matchedBy?: 'key' | 'id' | 'content'; visible?: boolean; errors?: { field: string; message: string }[];
}
export interface ImportResultDto { created: number; skipped: number; rejected: number; items: ImportItemResultDto[] }

export interface RedactionCandidateDto {
  id: string;
  type: string;
  text: string;
  reason: string;
  /** Applied by the server whatever the coder sends (patient identifiers, SSN, MRN, dates...); shown locked. */
  required: boolean;
  location: { field: string; documentId?: string; flagId?: string; start?: number; end?: number };
}

export interface RedactionPreviewDto {
  candidates: RedactionCandidateDto[];
  /** Per document, the spans to highlight (candidate ids point into candidates). */
  highlights: Record<string, { start: number; end: number; type: string; candidateId: string }[]>;
}

export interface ForumPostDto {
  id: string;
  encounterId: string;
  title: string;
  setting: Setting;
  dateOfService: string;
  specialty: string;
  patient: { sex?: string; ageBand?: string };
  documents: EncounterDocument[];
  codeLines: CodeLine[];
  flags: Omit<FlagDto, 'createdBy'>[];
  publishedBy: { id: string; name: string };
  publishedAt: string;
  redactions: Record<string, number>;
  /** How dates were de-identified; a shift keeps the fiscal year of the date of service (codes validated against it). */
  dates?: { mode: 'year-only' | 'shift'; fiscalYear: number };
}

export interface AuditRecordDto {
  id: string;
  actor: { id: string; name: string };
  action: string;
  target: { type: string; id: string };
  at: string;
  address: string;
  details?: Record<string, unknown>;
}
