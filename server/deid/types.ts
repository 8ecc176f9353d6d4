/**
 * Shapes of the de-identification module (pure: no I/O, no clock, no randomness).
 * Invariants:
 *  - every text-bearing location carries half-open [start, end) UTF-16 offsets into the
 *    ORIGINAL field value, and `text === value.slice(start, end)`;
 *  - patient.* locations point at a whole identifier field: those fields never reach the
 *    de-identified copy, whatever the reviewer accepts;
 *  - a Candidate id depends only on its type and location, so re-running detection on the same
 *    encounter yields the same ids (the UI keeps accept/reject decisions keyed by id).
 */
import type { CodeLine, EncounterDocument, PatientInput } from '../../src/lib/protocol/encounters';

export const PHI_TYPES = [
  'NAME', 'DATE', 'AGE', 'PHONE', 'FAX', 'EMAIL', 'SSN', 'MRN', 'ACCOUNT', 'HEALTH_PLAN',
  'LICENSE', 'VEHICLE', 'DEVICE', 'URL', 'IP', 'ADDRESS', 'CITY', 'ZIP', 'OTHER_ID', 'FACILITY'
] as const;
export type PhiType = (typeof PHI_TYPES)[number];

/** Patient identifier fields; `sex` and `dob` are handled separately (age band). */
export const PATIENT_ID_FIELDS = [
  'name', 'mrn', 'dob', 'phone', 'email', 'address', 'ssn', 'accountNumber', 'insuranceId'
] as const;
export type PatientIdField = (typeof PATIENT_ID_FIELDS)[number];

export type Location =
  | { field: `patient.${PatientIdField}` }
  | { field: 'title'; start: number; end: number }
  | { field: 'document.text' | 'document.title' | 'document.author'; documentId: string; start: number; end: number }
  | { field: 'flag.question'; flagId: string; start: number; end: number }
  /** Code-line notes are free text too; a coder may paste a name or a date there. */
  | { field: 'codeLine.note'; codeLineId: string; start: number; end: number };

export type SpanLocation = Exclude<Location, { field: `patient.${string}` }>;

export interface Candidate {
  id: string;
  type: PhiType;
  location: Location;
  text: string;
  /** Short human reason shown next to the highlight ("name after Dr."). */
  reason: string;
  /**
   * Mandatory: the server applies it whatever the reviewer sends. True for the patient's own
   * identifier values wherever they occur and for kinds that cannot be a clinical term (SSN,
   * MRN, phone, email, dates, record/member numbers...). False only for names, places and
   * facilities found on weaker evidence, which may be eponyms or clinical words.
   */
  required: boolean;
}

/** A reviewer-added redaction: same shape, id, reason and required optional. */
export type ManualRedaction = Omit<Candidate, 'id' | 'reason' | 'required'> & { id?: string; reason?: string; required?: boolean };

/** A PHI span found in one short free text (chat message, forum question); see detectPhiInText. */
export interface TextPhi { type: PhiType; start: number; end: number; text: string; reason: string; required: boolean }

export interface FlagAnchor { sectionId: string; start: number; end: number; quote: string }
export interface DeidFlag { id: string; question: string; anchor?: FlagAnchor; [k: string]: unknown }

/** The encounter as the de-identifier sees it (extra keys are ignored, never copied). */
export interface DeidEncounterInput {
  title: string;
  dateOfService: string;
  patient: PatientInput;
  documents: EncounterDocument[];
  codeLines: CodeLine[];
  flags?: DeidFlag[];
}

export type DateMode = 'year-only' | 'shift';
export interface RedactionOptions { dateMode: DateMode; shiftDays?: number }

export interface DeidentifiedFlag {
  id: string;
  question: string;
  anchor?: FlagAnchor;
  /** Set when the original anchor could not survive redaction. */
  anchorDropped?: string;
}

export interface DeidentifiedEncounter {
  title: string;
  /** year-only: "YYYY"; shift: the shifted ISO date. */
  dateOfService: string;
  patient: { sex?: PatientInput['sex']; ageBand?: string };
  documents: EncounterDocument[];
  codeLines: CodeLine[];
  flags: DeidentifiedFlag[];
}

export interface RedactionSummary {
  /** Spans actually replaced, per type, after merging overlaps. */
  counts: Partial<Record<PhiType, number>>;
  total: number;
  /** Patient identifier fields present in the input and absent from the copy. */
  patientFieldsDropped: PatientIdField[];
  droppedAnchors: { flagId: string; reason: string }[];
  /** Redactions whose text no longer matches their location (stale); not applied. */
  skipped: { id?: string; reason: string }[];
}

export interface RedactionResult { encounter: DeidentifiedEncounter; summary: RedactionSummary }

export interface HighlightSegment { start: number; end: number; type: PhiType; candidateId: string }
