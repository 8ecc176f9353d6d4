/**
 * Procedures by their common names: the query's words are matched to PCS Index main terms
 * (pcs-index.ts), the term's entries are narrowed by the rest of the query (body part, side,
 * "coronary"), and their table prefixes are completed to FY2026 codes ranked by the query's
 * approach, side and device words ("laparoscopic" = Percutaneous Endoscopic) and numbers
 * ("ventilation 72 hours" → 24-96 Consecutive Hours).
 *
 * Invariants:
 * - Returns doc ids of the PCS SystemIndex, best first, only 7-character codes accepted by
 *   `accept` (year filter, billable); an empty list when no procedure main term matches all of
 *   its words, so other queries fall through to description search unchanged.
 * - Cost is bounded: at most MAX_PREFIXES prefixes are completed, each a contiguous range of
 *   the code-sorted doc list (a 3-character table has at most a few thousand codes).
 */
import { entryCount, type PcsEntry, type PcsIndex, type PcsMainTerm } from './pcs-index';
import { inRanges, queryNumbers, rangesIn } from './query-numbers';
import type { OrderEntry } from './types';
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
  const covered = coverage(pi.text, q);
  const matches: { t: PcsMainTerm; used: Set<string> }[] = [];
  for (const m of candidates(pi.text, covered)) {
    const t = pi.terms[m];
    for (const set of [t.words, t.alt]) {
      if (set.length === 0 || !set.every((w) => covered.has(w))) continue;
      matches.push({ t, used: new Set(set.map((w) => covered.get(w)!)) });
      break;
    }
  }
  const procs = matches.filter((m) => entryCount(m.t) > 0)
    .sort((a, b) => b.used.size - a.used.size || entryCount(a.t) - entryCount(b.t));
  if (procs.length === 0) return { docs: [], terms: [] };
  const chosen = procs.filter((p) => p.used.size === procs[0].used.size).slice(0, 3);
  // Body part synonyms of the rest ("achilles tendon" → "lower leg tendon").
  const synonyms = matches.filter((m) => m.t.uses.length > 0 && !chosen.some((c) => c.t === m.t));

  const partial = q.includes('partial');
  const ranked: { prefix: string; score: number; order: number; pre: string[]; e: PcsEntry; t: PcsMainTerm }[] = [];
  let order = 0;
  const restOf = new Map<PcsMainTerm, string[]>();
  for (const { t, used } of chosen) {
    let rest = q.filter((w) => !used.has(w));
    for (const s of synonyms) if ([...s.used].every((w) => rest.includes(w))) rest = [...rest.filter((w) => !s.used.has(w)), ...s.t.uses[0]];
    restOf.set(t, rest);
    const ectomy = t.words.some((w) => w.endsWith('ectomy'));
    // Own entries, then those of the terms it refers to, under the reference's path (read in
    // place: a referenced tree has hundreds of entries).
    const visit = (pre: string[], e: PcsEntry, root: string) => {
      if (!e.prefix) return;
      let score = 0;
      for (const w of rest) if (hasWord(pre, w) || hasWord(e.path, w) || hasWord(e.target, w)) score++;
      // A path word the query does not give ("Supracervical") is a variant: general first.
      for (const x of pre) if (!givenBy(rest, x)) score -= 0.01;
      for (const x of e.path) if (!givenBy(rest, x)) score -= 0.01;
      // "-ectomy" without "partial" removes the whole organ: Resection, not Excision.
      if (ectomy && (partial ? root === 'excision' : root === 'resection')) score += 0.5;
      ranked.push({ prefix: e.prefix, score, order: order++, pre, e, t });
    };
    for (const e of t.entries) visit(NO_PATH, e, e.root);
    for (const r of t.refs) for (const e of r.target.entries) visit(r.path, e, e.root || r.target.words[0] || '');
  }
  ranked.sort((a, b) => b.score - a.score || a.order - b.order);
  const prefixes: { prefix: string; hints: Int32Array[] }[] = [];
  for (const r of ranked) {
    if (prefixes.length >= MAX_PREFIXES || r.score < ranked[0].score - 0.5) break;
    if (!prefixes.some((p) => p.prefix === r.prefix)) prefixes.push({ prefix: r.prefix, hints: hintGroups(idx.text, [...r.pre, ...r.e.path, ...stems(r.t)]) });
  }
  // Every query word narrows the codes, the name's too ("knee" of "Replacement, knee").
  const details = [...new Set([...q, ...chosen.flatMap((c) => restOf.get(c.t)!)])];
  return { docs: complete(idx, prefixes, detailGroups(idx.text, details), queryNumbers(expanded), limit, accept), terms: chosen.map((c) => c.t) };
}

const NO_PATH: string[] = [];
/** Does a query word `w` name one of `words` (the word, or a prefix of 3+ letters of it)? */
function hasWord(words: string[], w: string): boolean {
  for (const x of words) if (x === w || (w.length >= 3 && x.startsWith(w))) return true;
  return false;
}
const givenBy = (rest: string[], x: string) => rest.some((w) => x === w || (w.length >= 3 && x.startsWith(w)));

const OPERATION_SUFFIX = /(ectomy|otomy|ostomy|oscopy|oplasty|opexy|orrhaphy|centesis)$/;
/** The body part a procedure's name holds: "tonsil" of "tonsillectomy", "append" of
 * "appendectomy" (matched as a word prefix: Tonsils, Appendix). */
function stems(t: PcsMainTerm): string[] {
  const out: string[] = [];
  for (const w of t.words) {
    const stem = w.replace(OPERATION_SUFFIX, '').replace(/l$/, '');
    if (stem !== w && stem.length >= 4) out.push(stem);
  }
  return out;
}

/** Per hint word (an Index sub-term or a stem), the description terms it may be: the word
 * itself or words it starts ("airway", "tonsil" → "tonsils"). A code holding one of a hint's
 * terms ranks first among codes equal on the query's own words. */
function hintGroups(text: TextIndex, words: string[]): Int32Array[] {
  const out: Int32Array[] = [];
  for (const w of new Set(words)) {
    const ids = text.matchWord(w, w.length >= 4, 16).filter((m) => m.weight >= 0.75).map((m) => m.term);
    if (ids.length > 0) out.push(Int32Array.from(ids));
  }
  return out;
}

/** Query word → itself for each main-term word it matches (exact, prefix or typo). */
function coverage(text: TextIndex, words: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of words) {
    // Approach words match only exactly: "laparoscopic" is not a typo of "Laparoscopy".
    const list = APPROACH.has(w) || DETAIL_WORDS[w] ? (text.termId(w) >= 0 ? [{ term: text.termId(w) }] : []) : text.matchWord(w, w.length >= 4, 8);
    for (const m of list) {
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

/** Codes of `prefixes` best first: more of the query's detail groups held (all terms of a
 * group), then prefix order, then more hints (any term of one), then code order. One pass into
 * per-score buckets of at most `limit` docs (no sort, no per-code object): a 3-character table
 * has thousands of codes. */
function complete(
  idx: SystemIndex, prefixes: { prefix: string; hints: Int32Array[] }[], groups: Int32Array[], numbers: number[], limit: number, accept: (doc: number) => boolean
): number[] {
  const buckets = new Map<number, number[]>();
  const codes = idx.text.codes, text = idx.text;
  for (let p = 0; p < prefixes.length; p++) {
    const { prefix, hints } = prefixes[p];
    const lo = bound(idx, prefix), hi = bound(idx, prefix + '\x7f');
    for (let k = lo; k < hi; k++) {
      const doc = idx.byCode[k];
      if (codes[doc].length !== 7) continue;
      // Key: query groups, then earlier prefix, then hints (at most 99 of either).
      let score = -100 * p;
      for (let g = 0; g < groups.length; g++) if (text.hasAll(doc, groups[g])) score += 1e6;
      for (let h = 0; h < hints.length && h < 99; h++) if (text.hasAny(doc, hints[h])) score++;
      for (const n of numbers) if (inRanges(n, (idx.ranges[doc] ??= rangesIn((idx.payload[doc] as OrderEntry).long)))) score += 1e6;
      let b = buckets.get(score);
      if (!b) buckets.set(score, (b = []));
      if (b.length < limit * 4 && !b.includes(doc) && accept(doc)) b.push(doc);
    }
  }
  // Within a bucket the shorter description first: the plain code before its variants
  // ("..., Percutaneous Endoscopic Approach" before "..., Hand-Assisted").
  const out: number[] = [];
  for (const score of [...buckets.keys()].sort((a, b) => b - a)) {
    const b = buckets.get(score)!.sort((x, y) => text.textLength[x] - text.textLength[y] || x - y);
    for (const doc of b) { if (out.length >= limit) break; if (!out.includes(doc)) out.push(doc); }
  }
  return out;
}

function bound(idx: SystemIndex, s: string): number {
  const codes = idx.text.codes, byCode = idx.byCode;
  let lo = 0, hi = byCode.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (codes[byCode[mid]] < s) lo = mid + 1; else hi = mid; }
  return lo;
}
