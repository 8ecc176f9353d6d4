/**
 * Enumerates every free-text field of an encounter that can carry PHI, with a location
 * factory. Invariant: the list is the single place that knows where text lives, so detection,
 * redaction and the corpus test can never disagree about which fields are covered.
 */
import type { DeidEncounterInput, SpanLocation } from './types';

export interface TextField {
  /** Stable key for grouping spans of the same field ("document.text:d1"). */
  key: string;
  value: string;
  /** Whether the field is an author line (signature context: bare names are likely). */
  isAuthor: boolean;
  at(start: number, end: number): SpanLocation;
}

export function textFields(enc: DeidEncounterInput): TextField[] {
  const out: TextField[] = [];
  const title = enc.title;
  out.push({ key: 'title', value: title, isAuthor: false, at: (start, end) => ({ field: 'title', start, end }) });
  for (const d of enc.documents) {
    const documentId = d.id;
    out.push({ key: `document.title:${documentId}`, value: d.title, isAuthor: false,
      at: (start, end) => ({ field: 'document.title', documentId, start, end }) });
    if (d.author) out.push({ key: `document.author:${documentId}`, value: d.author, isAuthor: true,
      at: (start, end) => ({ field: 'document.author', documentId, start, end }) });
    out.push({ key: `document.text:${documentId}`, value: d.text, isAuthor: false,
      at: (start, end) => ({ field: 'document.text', documentId, start, end }) });
  }
  for (const f of enc.flags ?? []) {
    const flagId = f.id;
    out.push({ key: `flag.question:${flagId}`, value: f.question, isAuthor: false,
      at: (start, end) => ({ field: 'flag.question', flagId, start, end }) });
  }
  for (const c of enc.codeLines) {
    if (!c.note) continue;
    const codeLineId = c.id;
    out.push({ key: `codeLine.note:${codeLineId}`, value: c.note, isAuthor: false,
      at: (start, end) => ({ field: 'codeLine.note', codeLineId, start, end }) });
  }
  return out;
}

/** The grouping key of a span location (matches TextField.key). */
export function fieldKey(loc: SpanLocation): string {
  switch (loc.field) {
    case 'title': return 'title';
    case 'flag.question': return `flag.question:${loc.flagId}`;
    case 'codeLine.note': return `codeLine.note:${loc.codeLineId}`;
    default: return `${loc.field}:${loc.documentId}`;
  }
}
