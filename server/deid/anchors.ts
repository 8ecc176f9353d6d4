/**
 * Offset bookkeeping for redacted text: maps positions in the original text to positions in
 * the redacted text, so flag anchors keep pointing at the same passage.
 * Invariants: edits are sorted and non-overlapping; a position inside a replaced span maps to
 * the edge of its placeholder (start -> placeholder start, end -> placeholder end), so an anchor
 * never cuts a placeholder in half.
 */
import type { FlagAnchor } from './types';

export interface Edit { start: number; end: number; newStart: number; newEnd: number }

export function mapStart(edits: Edit[], pos: number): number {
  let delta = 0;
  for (const e of edits) {
    if (pos < e.start) break;
    if (pos < e.end) return e.newStart;
    delta = e.newEnd - e.end;
  }
  return pos + delta;
}

export function mapEnd(edits: Edit[], pos: number): number {
  let delta = 0;
  for (const e of edits) {
    if (pos <= e.start) break;
    if (pos <= e.end) return e.newEnd;
    delta = e.newEnd - e.end;
  }
  return pos + delta;
}

/** True when every character of [start, end) lies inside some edit. */
export function fullyRedacted(edits: Edit[], start: number, end: number): boolean {
  let pos = start;
  for (const e of edits) {
    if (e.end <= pos) continue;
    if (e.start > pos) return false;
    pos = e.end;
    if (pos >= end) return true;
  }
  return pos >= end;
}

export type AnchorOutcome = { anchor: FlagAnchor } | { dropped: string };

/** Remaps one anchor; the original quote (which may hold PHI) is replaced by the redacted one. */
export function remapAnchor(anchor: FlagAnchor, original: string | undefined, redacted: string | undefined, edits: Edit[]): AnchorOutcome {
  if (original === undefined || redacted === undefined) return { dropped: 'anchor points at an unknown document' };
  let { start, end } = anchor;
  if (original.slice(start, end) !== anchor.quote) {
    // Stale offsets: recover only when the quote occurs exactly once, never guess.
    const first = original.indexOf(anchor.quote);
    if (!anchor.quote || first < 0 || original.indexOf(anchor.quote, first + 1) >= 0) return { dropped: 'anchor does not match the document text' };
    start = first; end = first + anchor.quote.length;
  }
  if (end <= start) return { dropped: 'empty anchor' };
  if (fullyRedacted(edits, start, end)) return { dropped: 'the anchored passage was entirely redacted' };
  const ns = mapStart(edits, start), ne = mapEnd(edits, end);
  return { anchor: { sectionId: anchor.sectionId, start: ns, end: ne, quote: redacted.slice(ns, ne) } };
}
