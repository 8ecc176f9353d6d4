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
 * The caller's current k-th best candidate, kept up to date by the caller after every change
 * to its top-k: a doc ranking after it is skipped here, without a call to `offer` (most docs).
 * Order: more matched, higher score, billable, shorter text, then `doc` (callers set `doc` to
 * -1 when every tie loses, e.g. the bar belongs to a system that sorts first, or 2^31-1 when
 * every tie wins).
 */
export interface Bar { on: boolean; matched: number; score: number; billable: number; textLength: number; doc: number }

export class TermScorer {
  private readonly seen: Int32Array;
  private readonly termStamp: Int32Array;
  /** Head of the linked list of (word, rank in that word's list) entries for a term. */
  private readonly termHead: Int32Array;
  private entWord: number[] = [];
  private entRank: number[] = [];
  private entNext: number[] = [];
  private stamp = 0;
  private bestRank = new Int32Array(16);

  constructor(private readonly idx: TextIndex) {
    this.seen = new Int32Array(idx.size);
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
          if (!bar.on || this.beats(d, bar)) offer(d);
        }
      }
      return;
    }
    this.prepare(words, q);
    const df = words.map((w) => w.reduce((s, m) => s + postings[m.term].length, 0));
    const order = words.map((_, i) => i).sort((a, b) => df[a] - df[b] || a - b);
    // Weights in a list never increase, so the first entry is the word's best.
    const best = words.map((w, i) => (w.length === 0 ? 0 : w[0].weight + (i === 0 ? 0.25 : 0)));
    let bound = best.reduce((s, b) => s + b, 0);
    for (let k = 0; k < n; k++) {
      const w = order[k];
      if (canStop(n - k, bound)) return;
      for (const { term } of words[w]) {
        const p = postings[term];
        for (let i = 0; i < p.length; i++) {
          const d = p[i];
          if (seen[d] === q) continue;
          seen[d] = q;
          this.scoreDoc(d, words, q);
          if (!bar.on || this.beats(d, bar)) offer(d);
        }
      }
      bound -= best[w];
    }
  }

  private beats(d: number, bar: Bar): boolean {
    const { matched, score, billable, textLength } = this.idx;
    if (matched[d] !== bar.matched) return matched[d] > bar.matched;
    if (score[d] !== bar.score) return score[d] > bar.score;
    if (billable[d] !== bar.billable) return billable[d] > bar.billable;
    if (textLength[d] !== bar.textLength) return textLength[d] < bar.textLength;
    return d < bar.doc;
  }

  /** Map every term of the query to the words (and ranks) it appears under. */
  private prepare(words: TermMatch[][], q: number): void {
    const { termStamp, termHead } = this;
    const entWord = this.entWord, entRank = this.entRank, entNext = this.entNext;
    entWord.length = entRank.length = entNext.length = 0;
    if (this.bestRank.length < words.length) this.bestRank = new Int32Array(words.length * 2);
    for (let w = 0; w < words.length; w++) {
      const list = words[w];
      for (let r = 0; r < list.length; r++) {
        const t = list[r].term;
        if (termStamp[t] !== q) { termStamp[t] = q; termHead[t] = -1; }
        entWord.push(w); entRank.push(r); entNext.push(termHead[t]);
        termHead[t] = entWord.length - 1;
      }
    }
  }

  private scoreDoc(d: number, words: TermMatch[][], q: number): void {
    const { fwdStart, fwdTerms, firstTerm, matched, score } = this.idx;
    const { termStamp, termHead, entWord, entRank, entNext } = this;
    const bestRank = this.bestRank, n = words.length;
    bestRank.fill(0x7fffffff, 0, n);
    for (let i = fwdStart[d], end = fwdStart[d + 1]; i < end; i++) {
      const t = fwdTerms[i];
      if (termStamp[t] !== q) continue;
      for (let e = termHead[t]; e >= 0; e = entNext[e]) {
        if (entRank[e] < bestRank[entWord[e]]) bestRank[entWord[e]] = entRank[e];
      }
    }
    let m = 0, s = 0;
    for (let w = 0; w < n; w++) {
      const r = bestRank[w];
      if (r === 0x7fffffff) continue;
      m++;
      const tm = words[w][r];
      s += w === 0 && firstTerm[d] === tm.term ? tm.weight + 0.25 : tm.weight;
    }
    matched[d] = m;
    score[d] = s;
  }
}
