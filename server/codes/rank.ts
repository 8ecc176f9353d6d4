/**
 * Ranking order of search candidates and the bounded top-k that keeps the best of them.
 *
 * Invariants:
 * - `compare` is a total order (ties end on system name, then doc id), so the top-k of any
 *   insertion order is the same list: the scorer may visit docs in any order.
 * - `setBar` and `codeRanksAfter` mirror `compare` on primitives, to reject most docs before
 *   a Candidate object is allocated; change all three together.
 */
import type { SearchSystem } from './search';
import type { SystemIndex } from './text-index';
import type { Bar } from './text-scorer';

/** `billable` and `len` (code length for code tiers, text length for text) are copied from the
 * index so `compare`, which runs thousands of times per query in the heap, reads own fields. */
export interface Candidate {
  sys: SearchSystem; idx: SystemIndex; doc: number; tier: number; matched: number; score: number;
  billable: number; len: number;
}

export function candidate(sys: SearchSystem, idx: SystemIndex, doc: number, tier: number, matched: number, score: number): Candidate {
  const len = tier < 2 ? idx.text.codes[doc].length : idx.text.textLength[doc];
  // score: 0.5 first so V8 stores it as a double from the first candidate (code candidates
  // score 0, text ones 2.75): a representation change later deprecated the older objects, and
  // optimized code deoptimized on them (see TermMatch in text-index.ts).
  const c = { sys, idx, doc, tier, matched, score: 0.5, billable: idx.text.billable[doc], len };
  c.score = score;
  return c;
}

/** Negative when a ranks before b. */
export function compare(a: Candidate, b: Candidate): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.tier < 2) {
    // Code matches: shorter code first, then tabular order (a header before its children).
    if (a.len !== b.len) return a.len - b.len;
    if (a.sys !== b.sys) return a.sys < b.sys ? -1 : 1;
    return a.doc - b.doc;
  }
  if (a.matched !== b.matched) return b.matched - a.matched;
  if (a.score !== b.score) return b.score - a.score;
  if (a.billable !== b.billable) return b.billable - a.billable;
  if (a.len !== b.len) return a.len - b.len;
  if (a.sys !== b.sys) return a.sys < b.sys ? -1 : 1;
  return a.doc - b.doc;
}

/** Mirror `compare` for tier-2 candidates of `idx` against the current worst into `bar`. */
export function setBar(bar: Bar, sys: SearchSystem, idx: SystemIndex, worst: Candidate | null): void {
  bar.on = worst !== null;
  if (!worst) return;
  if (worst.tier < 2) { bar.matched = 1e9; return; } // code matches always rank first
  bar.matched = worst.matched; bar.score = worst.score; bar.score4 = Math.round(worst.score * 4);
  bar.billable = worst.billable; bar.textLength = worst.len;
  bar.doc = worst.idx === idx ? worst.doc : sys < worst.sys ? 0x7fffffff : -1;
}

/** True when code candidate (`tier` 0/1, code length `l`) ranks after `worst`; mirrors
 * `compare` for code tiers. */
export function codeRanksAfter(sys: SearchSystem, l: number, doc: number, tier: number, worst: Candidate): boolean {
  if (tier !== worst.tier) return tier > worst.tier;
  if (l !== worst.len) return l > worst.len;
  if (sys !== worst.sys) return sys > worst.sys;
  return doc > worst.doc;
}

/**
 * Keeps the best `limit` candidates: a binary heap with the worst on top, so an insert costs
 * O(log k) compares (a sorted array cost O(k) per insert, which dominated queries where
 * thousands of candidates each beat the current worst) and fast rejects read `worst()`.
 */
export class TopK {
  private readonly heap: Candidate[] = [];
  /** Candidate objects to reuse: rejected or evicted ones, and the previous query's after
   * `reset`. A query then allocates about `limit` objects once, not one per offer (hundreds
   * for "fracture of neck of left femur"), which kept the young generation filling up. */
  private readonly spare: Candidate[] = [];
  constructor(public limit: number) {}
  /** Empty the list for a new query; the candidates handed out before become spare. */
  reset(limit: number): void {
    this.limit = limit;
    for (const c of this.heap) this.spare.push(c);
    this.heap.length = 0;
  }
  /** `offer(candidate(...))` without allocating when a spare object exists. */
  add(sys: SearchSystem, idx: SystemIndex, doc: number, tier: number, matched: number, score: number): void {
    const c = this.spare.pop() ?? candidate(sys, idx, doc, tier, matched, score);
    c.sys = sys; c.idx = idx; c.doc = doc; c.tier = tier; c.matched = matched; c.score = score;
    c.billable = idx.text.billable[doc];
    c.len = tier < 2 ? idx.text.codes[doc].length : idx.text.textLength[doc];
    const evicted = this.heap.length === this.limit ? this.heap[0] : null;
    if (!this.wouldTake(c)) { this.spare.push(c); return; }
    this.offer(c);
    if (evicted) this.spare.push(evicted);
  }
  /** The candidate a newcomer has to beat, or null while there is room. */
  worst(): Candidate | null { return this.heap.length === this.limit ? this.heap[0] : null; }
  /** Would `c` enter the list? Cheap check done before the (costlier) year filter. */
  wouldTake(c: Candidate): boolean { return this.heap.length < this.limit || compare(c, this.heap[0]) < 0; }
  offer(c: Candidate): void {
    const h = this.heap;
    if (!this.wouldTake(c)) return;
    let i: number;
    if (h.length < this.limit) {
      i = h.length; h.push(c);
      while (i > 0) { const p = (i - 1) >> 1; if (compare(h[i], h[p]) <= 0) break; [h[i], h[p]] = [h[p], h[i]]; i = p; }
      return;
    }
    h[0] = c; i = 0;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < h.length && compare(h[l], h[m]) > 0) m = l;
      if (r < h.length && compare(h[r], h[m]) > 0) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m], h[i]]; i = m;
    }
  }
  /** Best first. */
  sorted(): Candidate[] { return [...this.heap].sort(compare); }
}
