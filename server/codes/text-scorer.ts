/**
 * Scores the documents of a TextIndex for a multi-word query without scanning every posting.
 *
 * Semantics (identical to a full OR scan over all postings, which the ranking contract assumes):
 * - A doc matches word w when it contains any term of w's match list; `matched[doc]` = number of
 *   words matched, `score[doc]` = Σ weight of the *first* term of each word's list the doc
 *   contains, + 0.25 when that term for word 0 is the doc's first term.
 *
 * How (invariants the early stop relies on):
 * - Words are visited rarest first (df = Σ posting lengths of their terms). A doc first met while
 *   visiting the k-th rarest word contains none of the k-1 rarer words, so its matched count is
 *   ≤ N-k+1 and its score ≤ Σ best weights of the words not yet visited. The caller's `canStop`
 *   gets those two bounds before each word and ends the scan once no unseen doc can enter its
 *   top-k. So a query like "fracture of neck of left femur" reads the postings of "neck"/"femur"
 *   and checks "fracture"/"left" through the forward index instead of reading 36k postings.
 * - A doc met for the first time is scored completely (all words) from the forward index, so
 *   `offer(doc)` always sees the final matched/score of that doc, once per query.
 * - Scores are computed in quarter units (integers: weights are 1/0.75/0.5, the bonus 0.25), so
 *   sums are exact and `score[doc]` = quarters / 4 equals the sum of the weights bit for bit.
 * - The query is copied into typed arrays first (`flatten`): the hot loops then see one array
 *   type. Reading the TermMatch arrays there (empty ones, object ones, double and integer
 *   weights) made V8 deoptimize and recompile `run` mid-benchmark; each recompile is ~35 ms of
 *   background work, which on a 2-core machine stalls the main thread for 4 ms slices.
 * - Scratch arrays use stamps (never cleared); not re-entrant (one query at a time).
 */
import type { TermMatch, TextIndex } from './text-index';

export type CanStop = (maxMatched: number, maxScore: number) => boolean;

/**
 * The caller's current k-th best candidate (`score4` = score × 4: pool scores are sums of
 * quarter weights, so it is an exact integer), kept up to date by the caller after every change
 * to its top-k: a doc ranking after it is skipped here, without a call to `offer` (most docs).
 * Order: more matched, higher score, billable, shorter text, then `doc` (callers set `doc` to
 * -1 when every tie loses, e.g. the bar belongs to a system that sorts first, or 2^31-1 when
 * every tie wins).
 */
export interface Bar { on: boolean; matched: number; score: number; billable: number; textLength: number; doc: number; score4: number }

/** Initial scratch capacities (entries: Σ match-list lengths, ≤ 65 per word but for typos).
 * Large enough that growing is rare: a field V8 saw assigned once is optimized as a constant,
 * and reassigning it later discards the code that relied on that. */
const ENTRIES = 1024, WORDS = 64;

export class TermScorer {
  private readonly seen: Int32Array;
  /** Per doc: bit w set when the doc has query word w (valid when bitsStamp[doc] = query). */
  private readonly bits: Int32Array;
  private readonly bitsStamp: Int32Array;
  private readonly termStamp: Int32Array;
  /** Head of the linked list of the query's entries (flat positions, see below) for a term. */
  private readonly termHead: Int32Array;
  /** The query's match lists, flattened: word w owns entries wStart[w] .. wStart[w+1]-1, best
   * first (so a lower entry of the same word is a better rank); entry e is term fTerm[e] with
   * weight fW4[e] quarters. entWord/entNext link the entries of one term. */
  private fTerm = new Int32Array(ENTRIES);
  private fW4 = new Int32Array(ENTRIES);
  private entWord = new Int32Array(ENTRIES);
  private entNext = new Int32Array(ENTRIES);
  private wStart = new Int32Array(WORDS + 1);
  /** Per word: df, best quarters (with the word-0 bonus), best quarters without it, visit
   * order, best entry of the doc being scored. */
  private df = new Int32Array(WORDS);
  private best = new Int32Array(WORDS);
  private top = new Int32Array(WORDS);
  private order = new Int32Array(WORDS);
  private bestE = new Int32Array(WORDS);
  private stamp = 0;
  /** Words whose docs are marked in `bits` for the current query. */
  private marked = 0;

  constructor(private readonly idx: TextIndex) {
    this.seen = new Int32Array(idx.size);
    this.bits = new Int32Array(idx.size);
    this.bitsStamp = new Int32Array(idx.size);
    this.termStamp = new Int32Array(idx.terms.length);
    this.termHead = new Int32Array(idx.terms.length);
  }

  /** Visit the docs matching ≥ 1 word (see header); `offer` reads idx.matched/score[doc]. */
  run(words: TermMatch[][], bar: Bar, offer: (doc: number) => void, canStop: CanStop): void {
    const q = ++this.stamp;
    const n = words.length;
    this.flatten(words, q);
    this.marked = 0;
    if (n === 1) { this.runOne(bar, offer, canStop, q); return; }
    this.plan(n);
    const { order, best } = this;
    let bound = 0;
    for (let i = 0; i < n; i++) bound += best[i];
    for (let k = 0; k < n; k++) {
      if (canStop(n - k, bound / 4)) return;
      this.walk(k, n, bound, bar, offer, q);
      bound -= best[order[k]];
    }
  }

  /** One word: a doc's first term in list order is the term whose postings meet it first. */
  private runOne(bar: Bar, offer: (doc: number) => void, canStop: CanStop, q: number): void {
    const { postings, firstTerm, matched, score } = this.idx;
    const seen = this.seen, fTerm = this.fTerm, fW4 = this.fW4, end = this.wStart[1];
    if (canStop(1, ((end > 0 ? fW4[0] : 0) + 1) / 4)) return;
    for (let e = 0; e < end; e++) {
      const term = fTerm[e], w4 = fW4[e];
      const p = postings[term];
      for (let i = 0; i < p.length; i++) {
        const d = p[i];
        if (seen[d] === q) continue;
        seen[d] = q;
        const s4 = firstTerm[d] === term ? w4 + 1 : w4;
        matched[d] = 1;
        score[d] = s4 / 4;
        if (!bar.on || beats(d, 1, s4, bar, this.idx)) offer(d);
      }
    }
  }

  /** Read the postings of the k-th rarest word; `bound` = best quarters of the words not yet
   * visited (this one included). */
  private walk(k: number, n: number, bound: number, bar: Bar, offer: (doc: number) => void, q: number): void {
    const { postings, firstTerm, matched, score } = this.idx;
    const { seen, bits, bitsStamp, order, df, top, fTerm, wStart } = this;
    const w = order[k];
    // Words still to visit, as bits; the precheck needs them marked (n ≤ 31 only).
    let rest = 0, restDf = 0;
    for (let j = k + 1; j < n; j++) { rest |= 1 << order[j]; restDf += df[order[j]]; }
    // Marking costs ~1/20 of scoring per doc: worth it unless the rest is far more common.
    const usePrecheck = n <= 31 && restDf <= 20 * df[w];
    // Ski rental: score docs directly until that has cost about as much as marking would
    // (most docs now fail the doc-local check below, so marking often never pays off).
    let scoredHere = 0;
    const markAfter = (restDf / 20) | 0;
    // The first-word bonus is still in `bound` while word 0 is unvisited (w or a later word).
    let bonusOpen = false;
    if (wStart[1] > 0) for (let j = k; j < n; j++) if (order[j] === 0) bonusOpen = true;
    for (let e = wStart[w]; e < wStart[w + 1]; e++) {
      const p = postings[fTerm[e]];
      for (let i = 0; i < p.length; i++) {
        const d = p[i];
        if (seen[d] === q) continue;
        seen[d] = q;
        // Doc-local bound: d has none of the visited words, so at most n-k matched and a
        // score ≤ bound (less the bonus unless d starts with a word-0 term); when even that
        // loses to the bar on billable/length, d can never enter (the bar only rises).
        if (bar.on && !beats(d, n - k, bonusOpen && !this.isWord0Term(firstTerm[d], q) ? bound - 1 : bound, bar, this.idx)) continue;
        if (usePrecheck && bar.on && (scoredHere++ >= markAfter || (this.marked & rest) === rest)) {
          // Exact matched count from the marks (d has word w and none of the visited ones)
          // and a score bound (each word's best weight; the first-word bonus only when the
          // doc starts with one of its terms): a doc that cannot beat the bar even so is
          // skipped without scoring, and can never enter later either (the bar only rises).
          if ((this.marked & rest) !== rest) this.marked |= this.mark(rest & ~this.marked, n);
          const b = bitsStamp[d] === q ? bits[d] & rest : 0;
          let m = 1, ub = top[w];
          for (let j = k + 1; j < n; j++) if (b & (1 << order[j])) { m++; ub += top[order[j]]; }
          if ((w === 0 || (b & 1) !== 0) && this.isWord0Term(firstTerm[d], q)) ub += 1;
          if (!beats(d, m, ub, bar, this.idx)) continue;
        }
        const s4 = this.scoreDoc(d, n, q);
        if (!bar.on || beats(d, matched[d], s4, bar, this.idx)) offer(d);
      }
    }
  }

  /** Copy `words` into the flat entry arrays and link each term to its entries. */
  private flatten(words: TermMatch[][], q: number): void {
    const n = words.length;
    let total = 0;
    for (let w = 0; w < n; w++) total += words[w].length;
    if (this.fTerm.length < total) {
      const c = total * 2;
      this.fTerm = new Int32Array(c); this.fW4 = new Int32Array(c); this.entWord = new Int32Array(c); this.entNext = new Int32Array(c);
    }
    if (this.df.length < n) {
      const c = n * 2;
      this.df = new Int32Array(c); this.best = new Int32Array(c); this.top = new Int32Array(c);
      this.order = new Int32Array(c); this.bestE = new Int32Array(c); this.wStart = new Int32Array(c + 1);
    }
    const { fTerm, fW4, entWord, entNext, wStart, termStamp, termHead } = this;
    let e = 0;
    for (let w = 0; w < n; w++) {
      const list = words[w];
      wStart[w] = e;
      for (let r = 0; r < list.length; r++, e++) {
        const t = list[r].term;
        fTerm[e] = t; fW4[e] = Math.round(list[r].weight * 4);
        if (termStamp[t] !== q) { termStamp[t] = q; termHead[t] = -1; }
        entWord[e] = w; entNext[e] = termHead[t];
        termHead[t] = e;
      }
    }
    wStart[n] = e;
  }

  /** df, best/top quarters per word and the visit order (rarest first, ties by position). */
  private plan(n: number): void {
    const { df, best, top, order, wStart, fW4 } = this, postings = this.idx.postings;
    for (let w = 0; w < n; w++) {
      let s = 0;
      for (let e = wStart[w]; e < wStart[w + 1]; e++) s += postings[this.fTerm[e]].length;
      df[w] = s;
      // Weights in a list never increase, so the first entry is the word's best.
      const empty = wStart[w] === wStart[w + 1];
      top[w] = empty ? 0 : fW4[wStart[w]];
      best[w] = empty ? 0 : top[w] + (w === 0 ? 1 : 0);
      // Insertion sort (a handful of words): the same order as sorting by (df, position).
      let j = w;
      while (j > 0 && df[order[j - 1]] > s) { order[j] = order[j - 1]; j--; }
      order[j] = w;
    }
  }

  /** Set bit w in bits[d] for every doc d of each word w in `mask`; returns `mask`. */
  private mark(mask: number, n: number): number {
    const { bits, bitsStamp, fTerm, wStart } = this, postings = this.idx.postings, q = this.stamp;
    for (let w = 0; w < n; w++) {
      if (!(mask & (1 << w))) continue;
      for (let e = wStart[w]; e < wStart[w + 1]; e++) {
        const p = postings[fTerm[e]];
        for (let i = 0; i < p.length; i++) {
          const d = p[i];
          if (bitsStamp[d] !== q) { bitsStamp[d] = q; bits[d] = 0; }
          bits[d] |= 1 << w;
        }
      }
    }
    return mask;
  }

  /** Is term t one of the first query word's terms? */
  private isWord0Term(t: number, q: number): boolean {
    if (t < 0 || this.termStamp[t] !== q) return false;
    for (let e = this.termHead[t]; e >= 0; e = this.entNext[e]) if (this.entWord[e] === 0) return true;
    return false;
  }

  /** Writes matched[d] and score[d] (all words) from the forward index; returns the score in
   * quarters. */
  private scoreDoc(d: number, n: number, q: number): number {
    const idx = this.idx;
    const fwdTerms = idx.fwdTerms, termStamp = this.termStamp, termHead = this.termHead;
    const { entWord, entNext, bestE, fTerm, fW4 } = this;
    for (let w = 0; w < n; w++) bestE[w] = NONE;
    for (let i = idx.fwdStart[d], end = idx.fwdStart[d + 1]; i < end; i++) {
      const t = fwdTerms[i];
      if (termStamp[t] !== q) continue;
      for (let e = termHead[t]; e >= 0; e = entNext[e]) if (e < bestE[entWord[e]]) bestE[entWord[e]] = e;
    }
    let m = 0, s4 = 0;
    for (let w = 0; w < n; w++) {
      const e = bestE[w];
      if (e === NONE) continue;
      m++;
      s4 += w === 0 && idx.firstTerm[d] === fTerm[e] ? fW4[e] + 1 : fW4[e];
    }
    idx.matched[d] = m;
    idx.score[d] = s4 / 4;
    return s4;
  }
}

const NONE = 0x7fffffff;

/** Would doc d with `m` words matched and score `s4` (quarter units, an integer) rank before
 * the bar? (mirrors rank.ts) */
function beats(d: number, m: number, s4: number, bar: Bar, idx: TextIndex): boolean {
  if (m !== bar.matched) return m > bar.matched;
  if (s4 !== bar.score4) return s4 > bar.score4;
  const b = idx.billable[d], len = idx.textLength[d];
  if (b !== bar.billable) return b > bar.billable;
  if (len !== bar.textLength) return len < bar.textLength;
  return d < bar.doc;
}
