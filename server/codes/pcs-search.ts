/**
 * Procedures by their common names: the query's words are matched to PCS Index main terms
 * (pcs-index.ts), the term's entries are narrowed by the rest of the query (body part, side,
 * "coronary"), and their table prefixes are completed to FY2026 codes ranked by the query's
 * approach, side and device words ("laparoscopic" = Percutaneous Endoscopic).
 *
 * Invariants:
 * - Returns doc ids of the PCS SystemIndex, best first, only 7-character codes accepted by
 *   `accept` (year filter, billable); an empty list when no procedure main term matches all of
 *   its words, so other queries fall through to description search unchanged.
 * - Cost is bounded: at most MAX_PREFIXES prefixes are completed, each a contiguous range of
 *   the code-sorted doc list (a 3-character table has at most a few thousand codes).
 */
import type { PcsIndex, PcsMainTerm } from './pcs-index';
import type { SystemIndex, TextIndex } from './text-index';
import { tokenize } from './text-index';

/** Query words for an approach or device → the words PCS descriptions use for it. */
const DETAIL_WORDS: Record<string, string[]> = {
  laparoscopic: ['percutaneous', 'endoscopic'], laparoscopically: ['percutaneous', 'endoscopic'], laparoscopy: ['percutaneous', 'endoscopic'],
  lap: ['percutaneous', 'endoscopic'], arthroscopic: ['percutaneous', 'endoscopic'], arthroscopy: ['percutaneous', 'endoscopic'],
  thoracoscopic: ['percutaneous', 'endoscopic'], robotic: ['percutaneous', 'endoscopic'], endoscopic: ['endoscopic'],
  percutaneous: ['percutaneous'], perc: ['percutaneous'], open: ['open'], external: ['external'],
  vaginal: ['via', 'natural', 'opening'], transvaginal: ['via', 'natural', 'opening'], transurethral: ['via', 'natural', 'opening'],
  transoral: ['via', 'natural', 'opening'], transanal: ['via', 'natural', 'opening'], natural: ['via', 'natural', 'opening'],
  stent: ['intraluminal', 'device'], mesh: ['synthetic', 'substitute'], tube: ['device'], bilateral: ['bilateral'], both: ['bilateral']
};
/** Words that only say how: never part of a procedure's name. */
const APPROACH = new Set(['laparoscopic', 'laparoscopically', 'lap', 'arthroscopic', 'thoracoscopic', 'robotic', 'open', 'percutaneous', 'perc']);
/** Counts as coders write them, in the Index's words ("Coronary, Two Arteries"). */
const COUNT_WORDS: Record<string, string> = { x1: 'one', single: 'one', x2: 'two', double: 'two', x3: 'three', triple: 'three', x4: 'four', quadruple: 'four' };
const GLUE = new Set(['of', 'the', 'and', 'or', 'to', 'in', 'for', 'a', 'an', 'by', 'on', 'with', 'w']);
const MAX_PREFIXES = 8;

export interface PcsHits { docs: number[]; terms: PcsMainTerm[] }

export function pcsProcedureHits(pi: PcsIndex, idx: SystemIndex, expanded: string, limit: number, accept: (doc: number) => boolean): PcsHits {
  const q = tokenize(expanded.replace(/\bbelow knee\b/gi, 'lower leg').replace(/\babove knee\b/gi, 'upper leg'))
    .filter((w) => !GLUE.has(w)).map((w) => COUNT_WORDS[w] ?? w);
  const nameWords = q.filter((w) => !APPROACH.has(w));
  const covered = coverage(pi.text, nameWords);
  const matches: { t: PcsMainTerm; used: Set<string> }[] = [];
  for (const m of candidates(pi.text, covered)) {
    const t = pi.terms[m];
    for (const set of [t.words, t.alt]) {
      if (set.length === 0 || !set.every((w) => covered.has(w))) continue;
      matches.push({ t, used: new Set(set.map((w) => covered.get(w)!)) });
      break;
    }
  }
  const procs = matches.filter((m) => m.t.entries.length > 0)
    .sort((a, b) => b.used.size - a.used.size || a.t.entries.length - b.t.entries.length);
  if (procs.length === 0) return { docs: [], terms: [] };
  const chosen = procs.filter((p) => p.used.size === procs[0].used.size).slice(0, 3);
  // Body part synonyms of the rest ("achilles tendon" → "lower leg tendon").
  const synonyms = matches.filter((m) => m.t.uses.length > 0 && !chosen.some((c) => c.t === m.t));

  const partial = q.includes('partial');
  const ranked: { prefix: string; score: number; order: number }[] = [];
  let order = 0;
  const restOf = new Map<PcsMainTerm, string[]>();
  for (const { t, used } of chosen) {
    let rest = q.filter((w) => !used.has(w));
    for (const s of synonyms) if ([...s.used].every((w) => rest.includes(w))) rest = [...rest.filter((w) => !s.used.has(w)), ...s.t.uses[0]];
    restOf.set(t, rest);
    const ectomy = t.words.some((w) => w.endsWith('ectomy'));
    for (const e of t.entries) {
      if (!e.prefix) continue;
      const words = [...e.path, ...e.target];
      let score = 0;
      for (const w of rest) if (words.some((x) => x === w || (w.length >= 3 && x.startsWith(w)))) score++;
      // A path word the query does not give ("Supracervical") is a variant: general first.
      for (const x of e.path) if (!rest.some((w) => x === w || (w.length >= 3 && x.startsWith(w)))) score -= 0.01;
      // "-ectomy" without "partial" removes the whole organ: Resection, not Excision.
      if (ectomy && (partial ? e.root === 'excision' : e.root === 'resection')) score += 0.5;
      ranked.push({ prefix: e.prefix, score, order: order++ });
    }
  }
  ranked.sort((a, b) => b.score - a.score || a.order - b.order);
  const prefixes: string[] = [];
  for (const r of ranked) {
    if (prefixes.length >= MAX_PREFIXES || r.score < ranked[0].score - 0.5) break;
    if (!prefixes.includes(r.prefix)) prefixes.push(r.prefix);
  }
  const rest = [...new Set(chosen.flatMap((c) => restOf.get(c.t)!))];
  return { docs: complete(idx, prefixes, detailGroups(idx.text, rest), limit, accept), terms: chosen.map((c) => c.t) };
}

/** Query word → itself for each main-term word it matches (exact, prefix or typo). */
function coverage(text: TextIndex, words: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of words) {
    for (const m of text.matchWord(w, w.length >= 4, 8)) {
      const term = text.terms[m.term];
      if (!out.has(term)) out.set(term, w);
    }
  }
  return out;
}

/** Main terms holding at least one covered word. */
function candidates(text: TextIndex, covered: Map<string, string>): Set<number> {
  const out = new Set<number>();
  for (const term of covered.keys()) {
    const id = text.termId(term);
    if (id >= 0) for (const d of text.postings[id]) out.add(d);
  }
  return out;
}

/** Term-id groups a code's description must hold for each detail word of the query; words
 * no PCS description uses are dropped. */
function detailGroups(text: TextIndex, rest: string[]): Int32Array[] {
  const out: Int32Array[] = [];
  for (const w of rest) {
    const ws = DETAIL_WORDS[w] ?? [w];
    const ids = ws.map((x) => text.termId(x));
    if (ids.every((id) => id >= 0)) out.push(Int32Array.from(ids));
  }
  return out;
}

/** Codes of `prefixes` best first: more detail groups held, then prefix order, then code
 * order. One pass into per-score buckets of at most `limit` docs (no sort, no per-code object):
 * a 3-character table has thousands of codes. */
function complete(idx: SystemIndex, prefixes: string[], groups: Int32Array[], limit: number, accept: (doc: number) => boolean): number[] {
  const buckets: number[][] = [];
  for (let g = 0; g <= groups.length; g++) buckets.push([]);
  const codes = idx.text.codes;
  for (const prefix of prefixes) {
    const lo = bound(idx, prefix), hi = bound(idx, prefix + '\x7f');
    for (let k = lo; k < hi; k++) {
      const doc = idx.byCode[k];
      if (codes[doc].length !== 7) continue;
      let score = 0;
      for (let g = 0; g < groups.length; g++) if (idx.text.hasAll(doc, groups[g])) score++;
      const b = buckets[score];
      if (b.length < limit && !b.includes(doc) && accept(doc)) b.push(doc);
    }
  }
  const out: number[] = [];
  for (let g = groups.length; g >= 0 && out.length < limit; g--) {
    for (const doc of buckets[g]) { if (out.length >= limit) break; if (!out.includes(doc)) out.push(doc); }
  }
  return out;
}

function bound(idx: SystemIndex, s: string): number {
  const codes = idx.text.codes, byCode = idx.byCode;
  let lo = 0, hi = byCode.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (codes[byCode[mid]] < s) lo = mid + 1; else hi = mid; }
  return lo;
}
