/**
 * Raw detector output and the helpers detectors share. A Hit is a span inside ONE field value;
 * detectors never see locations, so they stay pure string functions that are easy to test.
 * Invariant: 0 <= start < end <= value.length for every Hit a detector returns.
 */
import type { PhiType } from './types';

/** `weak`: shape-only evidence that may be something else (a day/month without year may be a ratio). */
export interface Hit { start: number; end: number; type: PhiType; reason: string; weak?: boolean }

/** Runs a global regex and yields one hit per match of capture group `group` (0 = whole). */
export function scan(text: string, re: RegExp, type: PhiType, reason: string, group = 0,
  accept?: (m: RegExpExecArray, start: number, end: number) => boolean): Hit[] {
  const out: Hit[] = [];
  const flags = re.flags.includes('d') ? re.flags : re.flags + 'd';
  const g = new RegExp(re.source, flags.includes('g') ? flags : flags + 'g');
  for (let m = g.exec(text); m; m = g.exec(text)) {
    if (m[0].length === 0) { g.lastIndex++; continue; }
    const idx = m.indices?.[group];
    if (!idx) continue;
    const [start, end] = idx;
    if (end > start && (!accept || accept(m, start, end))) out.push({ start, end, type, reason });
  }
  return out;
}

/** Escapes a literal for use inside a RegExp source. */
export function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every occurrence of `needle` as a whole word (no letter/digit on either side). */
export function findLiteral(text: string, needle: string, type: PhiType, reason: string, caseInsensitive: boolean): Hit[] {
  if (needle.trim().length < 2) return [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${esc(needle)}(?![\\p{L}\\p{N}])`, caseInsensitive ? 'giu' : 'gu');
  return scan(text, re, type, reason);
}

/** Last `n` characters before `index` (for look-behind cues that regexes express poorly). */
export function before(text: string, index: number, n = 24): string {
  return text.slice(Math.max(0, index - n), index);
}

/** The spans no longer span holds: after a span grows over its edges, the neighbour it took in goes (spans stay apart). */
export function withoutHeldSpans<T extends Hit>(hits: T[]): T[] {
  return hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && h.end <= o.end && o.end - o.start > h.end - h.start));
}
