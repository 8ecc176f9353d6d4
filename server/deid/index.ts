/**
 * Public surface of PHI detection and redaction (HIPAA Safe Harbor, see docs DOMAIN.md).
 * Pure functions: no I/O, no clock, no randomness; the caller chooses shiftDays and stores
 * the reviewer's decisions. Detection proposes, the coder confirms: nothing here decides that a
 * copy is safe to share on its own.
 */
export { detectPhi, detectPhiYielding, detectPhiInText, candidateId } from './detect';
export { applyRedactions, placeholder } from './redact';
export { previewRedactions, type RedactionPreview } from './preview';
export { residualPatientIdentifiers } from './verify';
export { chooseDateShift, latestPastDate, type ShiftChoice } from './shift';
export { PHI_TYPES } from './types';
export type {
  Candidate, DateMode, DeidEncounterInput, DeidentifiedEncounter, DeidentifiedFlag, DeidFlag, FlagAnchor, HighlightSegment,
  Location, ManualRedaction, PhiType, RedactionOptions, RedactionResult, RedactionSummary, SpanLocation, TextPhi
} from './types';
