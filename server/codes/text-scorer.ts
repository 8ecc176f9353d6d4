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

export class TermScorer {
  private readonly seen: Int32Array;
  /** Per doc: bit w set when the doc has query word w (valid when bitsStamp[doc] = query). */
  private readonly bits: Int32Array;
  private readonly bitsStamp: Int32Array;
  private readonly termStamp: Int32Array;
  /** Head of the linked list of (word, rank in that word's list) entries for a term. */
  private readonly termHead: Int32Array;
  private entWord = new Int32Array(64);
  private entRank = new Int32Array(64);
  private entNext = new Int32Array(64);
  private stamp = 0;
  private bestRank = new Int32Array(16);

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
    const { postings, firstTerm, matched, score } = this.idx;
    const seen = this.seen;
    const n = words.length;
    if (n === 1) {
      // One word: a doc's first term in list order is the term whose postings meet it first.
      if (canStop(1, (words[0][0]?.weight ?? 0) + 0.25)) return;
      for (const { term, weight } of words[0]) {
        const p = postings[term];
        for (let i = 0; i < p.length; i++) {
          const d = p[i];
          if (seen[d] === q) continue;
          seen[d] = q;
          matched[d] = 1;
          score[d] = firstTerm[d] === term ? weight + 0.25 : weight;
          if (!bar.on || beats(d, 1, (score[d] * 4) | 0, bar, this.idx)) offer(d);
        }
      }
      return;
    }
    this.prepare(words, q);
    const df = words.map((w) => w.reduce((s, m) => s + postings[m.term].length, 0));
    const order = words.map((_, i) => i).sort((a, b) => df[a] - df[b] || a - b);
    // Weights in a list never increase, so the first entry is the word's best.
    // Bounds in quarter units (integers): weights are 1/0.75/0.5 and the bonus 0.25. A double
    // passed to a call that is not inlined is boxed (a heap allocation per doc checked).
    const best = words.map((w, i) => (w.length === 0 ? 0 : w[0].weight * 4 + (i === 0 ? 1 : 0)));
    let bound = best.reduce((s, b) => s + b, 0);
    const top = words.map((w) => (w.length === 0 ? 0 : w[0].weight * 4));
    const bits = this.bits, bitsStamp = this.bitsStamp;
    let marked = 0;
    for (let k = 0; k < n; k++) {
      const w = order[k];
      if (canStop(n - k, bound / 4)) return;
      // Words still to visit, as bits; the precheck needs them marked (n ≤ 31 only).
      let rest = 0, restDf = 0;
      for (let j = k + 1; j < n; j++) { rest |= 1 << order[j]; restDf += df[order[j]]; }
      // Marking costs ~1/20 of scoring per doc: worth it unless the rest is far more common.
      const usePrecheck = n <= 31 && restDf <= 20 * df[w];
      // Ski rental: score docs directly until that has cost about as much as marking would
      // (most docs now fail the doc-local check below, so marking often never pays off).
      let scoredHere = 0;
      const markAfter = (restDf / 20) | 0;
      for (let ti = 0; ti < words[w].length; ti++) {
        const p = postings[words[w][ti].term];
        for (let i = 0; i < p.length; i++) {
          const d = p[i];
          if (seen[d] === q) continue;
          seen[d] = q;
          // Doc-local bound: d has none of the visited words, so at most n-k matched and a
          // score ≤ bound; when even that loses to the bar on billable/length (a saturated
          // pool: "fracture of neck of left femur"), d can never enter (the bar only rises).
          if (bar.on && !beats(d, n - k, bound, bar, this.idx)) continue;
          if (usePrecheck && bar.on && (scoredHere++ >= markAfter || (marked & rest) === rest)) {
            // Exact matched count from the marks (d has word w and none of the visited ones)
            // and a score bound (each word's best weight; the first-word bonus only when the
            // doc starts with one of its terms): a doc that cannot beat the bar even so is
            // skipped without scoring, and can never enter later either (the bar only rises).
            if ((marked & rest) !== rest) marked |= this.mark(words, rest & ~marked, q);
            const b = bitsStamp[d] === q ? bits[d] & rest : 0;
            let m = 1, ub = top[w] | 0;
            for (let j = k + 1; j < n; j++) if (b & (1 << order[j])) { m++; ub += top[order[j]]; }
            if ((w === 0 || (b & 1) !== 0) && this.isWord0Term(firstTerm[d], q)) ub += 1;
            if (!beats(d, m, ub, bar, this.idx)) continue;
          }
          this.scoreDoc(d, words, q);
          if (!bar.on || beats(d, matched[d], (score[d] * 4) | 0, bar, this.idx)) offer(d);
        }
      }
      bound -= best[w];
    }
  }

  /** Set bit w in bits[d] for every doc d of each word w in `mask`; returns `mask`. */
  private mark(words: TermMatch[][], mask: number, q: number): number {
    const { bits, bitsStamp } = this, postings = this.idx.postings;
    for (let w = 0; w < words.length; w++) {
      if (!(mask & (1 << w))) continue;
      for (const { term } of words[w]) {
        const p = postings[term];
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

  /** Map every term of the query to the words (and ranks) it appears under. */
  private prepare(words: TermMatch[][], q: number): void {
    const { termStamp, termHead } = this;
    let total = 0;
    for (const w of words) total += w.length;
    if (this.entWord.length < total) {
      this.entWord = new Int32Array(total * 2); this.entRank = new Int32Array(total * 2); this.entNext = new Int32Array(total * 2);
    }
    if (this.bestRank.length < words.length) this.bestRank = new Int32Array(words.length * 2);
    const { entWord, entRank, entNext } = this;
    let e = 0;
    for (let w = 0; w < words.length; w++) {
      const list = words[w];
      for (let r = 0; r < list.length; r++, e++) {
        const t = list[r].term;
        if (termStamp[t] !== q) { termStamp[t] = q; termHead[t] = -1; }
        entWord[e] = w; entRank[e] = r; entNext[e] = termHead[t];
        termHead[t] = e;
      }
    }
  }

  /** Writes matched[d] and score[d] (all words) from the forward index. */
  private scoreDoc(d: number, words: TermMatch[][], q: number): void {
    const idx = this.idx;
    const fwdTerms = idx.fwdTerms, termStamp = this.termStamp, termHead = this.termHead;
    const entWord = this.entWord, entRank = this.entRank, entNext = this.entNext;
    const bestRank = this.bestRank, n = words.length;
    for (let w = 0; w < n; w++) bestRank[w] = NONE;
    for (let i = idx.fwdStart[d], end = idx.fwdStart[d + 1]; i < end; i++) {
      const t = fwdTerms[i];
      if (termStamp[t] !== q) continue;
      for (let e = termHead[t]; e >= 0; e = entNext[e]) {
        if (entRank[e] < bestRank[entWord[e]]) bestRank[entWord[e]] = entRank[e];
      }
    }
    let m = 0, s = 0;
    for (let w = 0; w < n; w++) {
      const r = bestRank[w];
      if (r === NONE) continue;
      m++;
      const tm = words[w][r];
      s += w === 0 && idx.firstTerm[d] === tm.term ? tm.weight + 0.25 : tm.weight;
    }
    idx.matched[d] = m;
    idx.score[d] = s;
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
