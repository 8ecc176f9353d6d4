/**
 * The precedent's texts through the same redaction rules as forum publishing (server/deid):
 * detection runs on the texts with the encounter's patient record as context, so the patient's
 * own identifiers are found wherever they occur. Mandatory candidates (`required`: the
 * patient's own values, and kinds that cannot be a clinical term) are always redacted; other
 * candidates are redacted unless the resolver kept them after the preview. Dates are reduced to
 * the year. A last check replaces any patient identifier value (and any part of the patient's
 * name) still present, so no patient identifier of the encounter can reach a precedent.
 */
import { applyRedactions, detectPhi, type Candidate, type DeidEncounterInput } from '../deid';
import type { EncounterDoc } from '../db/collections';

export interface PrecedentTexts { title: string; factPattern: string; question: string; answer: string; rationale: string }
const KEYS = ['factPattern', 'question', 'answer', 'rationale'] as const;

function input(enc: EncounterDoc, t: PrecedentTexts): DeidEncounterInput {
  return {
    title: t.title, dateOfService: enc.dateOfService, patient: enc.patient, codeLines: [], flags: [],
    documents: KEYS.map((k) => ({ id: k, kind: 'other' as const, title: k, text: t[k] || ' ' }))
  };
}

export function precedentCandidates(enc: EncounterDoc, t: PrecedentTexts): Candidate[] {
  return detectPhi(input(enc, t));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Patient identifier values, and name parts of 3+ letters, that must never appear. */
export function patientValues(enc: EncounterDoc): string[] {
  const p = enc.patient;
  const values = [p.name, p.mrn, p.dob, p.phone, p.email, p.address, p.ssn, p.accountNumber, p.insuranceId]
    .filter((v): v is string => typeof v === 'string' && v.trim().length >= 3).map((v) => v.trim());
  const nameParts = (p.name ?? '').split(/[\s,.]+/).filter((w) => w.length >= 3);
  const digits = [p.mrn, p.phone, p.ssn, p.accountNumber, p.insuranceId].map((v) => (v ?? '').replace(/\D/g, '')).filter((d) => d.length >= 5);
  return [...new Set([...values, ...nameParts, ...digits])];
}

export function scrubPatientValues(text: string, values: string[]): string {
  let out = text;
  for (const v of values.sort((a, b) => b.length - a.length)) out = out.replace(new RegExp(`(?<![A-Za-z0-9])${escape(v)}(?![A-Za-z0-9])`, 'gi'), '[REDACTED]');
  return out;
}

export function deidentifyPrecedent(enc: EncounterDoc, t: PrecedentTexts, keepIds: string[]): { texts: PrecedentTexts; redactions: number } {
  const deid = input(enc, t);
  const keep = new Set(keepIds);
  const accepted = detectPhi(deid).filter((c) => c.required || !keep.has(c.id));
  const { encounter: copy, summary } = applyRedactions(deid, accepted, { dateMode: 'year-only' });
  const byId = new Map(copy.documents.map((d) => [d.id, d.text]));
  const values = patientValues(enc);
  const clean = (s: string) => scrubPatientValues(s, values).trim();
  return {
    texts: {
      title: clean(copy.title),
      factPattern: clean(byId.get('factPattern') ?? ''), question: clean(byId.get('question') ?? ''),
      answer: clean(byId.get('answer') ?? ''), rationale: clean(byId.get('rationale') ?? '')
    },
    redactions: summary.total
  };
}
