/**
 * previewRedactions: candidates plus ready-to-paint highlight segments per document text (and
 * per other text field), so the UI never recomputes offsets.
 * Invariant: segments of one field are sorted and never overlap; where candidates overlap,
 * the segment covers their union and names the longest candidate.
 */
import { detectPhi } from './detect';
import { fieldKey } from './fields';
import type { Candidate, DeidEncounterInput, HighlightSegment, SpanLocation } from './types';

export interface RedactionPreview {
  candidates: Candidate[];
  /** Highlights in each document's text, keyed by document id (every document present). */
  documents: { documentId: string; segments: HighlightSegment[] }[];
  /** Highlights in the other text fields, keyed like "title", "document.author:d1", "flag.question:f1". */
  fields: Record<string, HighlightSegment[]>;
}

export function segmentsOf(candidates: Candidate[]): Map<string, HighlightSegment[]> {
  const byField = new Map<string, HighlightSegment[]>();
  const sorted = candidates
    .filter((c) => !c.location.field.startsWith('patient.'))
    .sort((a, b) => (a.location as SpanLocation).start - (b.location as SpanLocation).start);
  for (const c of sorted) {
    const loc = c.location as SpanLocation;
    const key = fieldKey(loc);
    const list = byField.get(key) ?? [];
    const last = list[list.length - 1];
    if (last && loc.start < last.end) {
      if (loc.end - loc.start > last.end - last.start) { last.type = c.type; last.candidateId = c.id; }
      last.end = Math.max(last.end, loc.end);
    } else list.push({ start: loc.start, end: loc.end, type: c.type, candidateId: c.id });
    byField.set(key, list);
  }
  return byField;
}

/** `candidates`: detectPhi's answer when the caller already has it (detectPhiYielding on a server). */
export function previewRedactions(enc: DeidEncounterInput, candidates: Candidate[] = detectPhi(enc)): RedactionPreview {
  const seg = segmentsOf(candidates);
  const documents = enc.documents.map((d) => ({ documentId: d.id, segments: seg.get(`document.text:${d.id}`) ?? [] }));
  const fields: Record<string, HighlightSegment[]> = {};
  for (const [k, v] of seg) if (!k.startsWith('document.text:')) fields[k] = v;
  return { candidates, documents, fields };
}
