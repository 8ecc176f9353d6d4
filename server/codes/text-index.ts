/**
 * Inverted index over code descriptions, built once at load.
 *
 * Invariants:
 * - Documents are numbered 0..n-1 in the order given (callers pass tabular order, so a lower
 *   doc id = earlier in the tabular list and is the final tie-breaker).
 * - `terms` is sorted (ASCII) so a word prefix is a contiguous range found by binary search;
 *   `postings[t]` lists the doc ids containing term t, ascending, each once.
 * - `fwdTerms[fwdStart[d] .. fwdStart[d+1])` lists the term ids of doc d, ascending, each once
 *   (the forward index: lets a query check the other words of a candidate without scanning
 *   their postings, which for "fracture" or "with" are 20-30k docs long).
 * - Tokens are lowercase ASCII letters/digits; diacritics are folded (Sjögren → sjogren).
 * - `matchWord` results are cached per index and shared: callers must not mutate them.
 * - Query scratch arrays are reused between queries (stamps avoid clearing them), so a query
 *   allocates almost nothing; the index is not safe for concurrent queries from worker threads
 *   (Node runs them one at a time on the event loop, which is how it is used).
 */
import { TermScorer } from './text-scorer';

export interface IndexDoc {
  code: string;
  texts: string[];
  billable: boolean;
}

const NON_ASCII = /[^\x00-\x7f]/;
const WORD = /[a-z0-9]+/g;

export function tokenize(text: string): string[] {
  // Fold diacritics only when needed: almost every description is plain ASCII.
  const folded = NON_ASCII.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text;
  return folded.toLowerCase().match(WORD) ?? [];
}

export interface TermMatch { term: number; weight: number }

/** The literal's 0.5 makes V8 store `weight` as a double in every TermMatch from the first one.
 * Starting from an integer weight (1), the first 0.75 changed the field's representation and
 * deprecated the objects made before; optimized search code met them later, deoptimized, and
 * was recompiled in the middle of a benchmark (see text-scorer.ts). */
function termMatch(term: number, weight: number): TermMatch {
  const m = { term, weight: 0.5 };
  m.weight = weight;
  return m;
}

/** Bit per letter (and one for any digit): k edits change at most 2k bits of this set. */
function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    m |= c >= 97 && c <= 122 ? 1 << (c - 97) : 1 << 26;
  }
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Distinct query words kept in the match cache; typo and wide-prefix expansions cost 0.1-3 ms. */
const MATCH_CACHE_SIZE = 2000;

export class TextIndex {
  readonly size: number;
  readonly terms: string[];
  readonly postings: Int32Array[];
  readonly fwdStart: Int32Array;
  readonly fwdTerms: Int32Array;
  readonly codes: string[];
  readonly billable: Uint8Array;
  /** Length of the first text (the description shown), for "shorter first". */
  readonly textLength: Uint16Array;
  /** Term id of the first word of the first text: a description that starts with the first
   * query word ("Pneumonia, unspecified organism" for "pneumonia") gets a small bonus. */
  readonly firstTerm: Int32Array;
  /** Term ids grouped by term length, and each term's letter set, for the typo search. */
  private readonly byLength: number[][] = [];
  private readonly masks: Int32Array;
  private readonly matchCache = new Map<string, TermMatch[]>();
  /** Per-doc matched word count and score of the last scored doc (written by `scorer`). */
  readonly matched: Uint8Array;
  readonly score: Float32Array;
  readonly scorer: TermScorer;

  constructor(docs: IndexDoc[]) {
    this.size = docs.length;
    this.codes = docs.map((d) => d.code);
    this.billable = Uint8Array.from(docs, (d) => (d.billable ? 1 : 0));
    this.textLength = Uint16Array.from(docs, (d) => Math.min(65535, d.texts[0]?.length ?? 0));
    const lists = new Map<string, number[]>();
    const firstTok: string[] = [];
    // Extra texts (the Tabular's terms) repeat across the codes under a header: tokenize once.
    const extraTokens = new Map<string, string[]>();
    for (let id = 0; id < docs.length; id++) {
      for (let k = 0; k < docs[id].texts.length; k++) {
        const text = docs[id].texts[k];
        let toks = k === 0 ? undefined : extraTokens.get(text);
        if (!toks) { toks = tokenize(text); if (k > 0) extraTokens.set(text, toks); }
        // "Unspecified dementia, ..." starts, for a coder, with "dementia".
        if (k === 0) firstTok.push((toks[0] === 'unspecified' ? toks[1] : toks[0]) ?? '');
        for (const tok of toks) {
          let l = lists.get(tok);
          if (!l) { l = []; lists.set(tok, l); }
          if (l[l.length - 1] !== id) l.push(id); // ids arrive ascending, so this dedupes
        }
      }
    }
    this.terms = [...lists.keys()].sort();
    this.postings = this.terms.map((t) => Int32Array.from(lists.get(t)!));
    const termId = new Map<string, number>();
    this.terms.forEach((t, i) => termId.set(t, i));
    this.firstTerm = Int32Array.from(firstTok, (t) => termId.get(t) ?? -1);
    this.terms.forEach((t, i) => { (this.byLength[t.length] ??= []).push(i); });
    this.masks = Int32Array.from(this.terms, letterMask);
    // Forward index by transposing the postings (terms visited ascending, so each doc's list is sorted).
    this.fwdStart = new Int32Array(docs.length + 1);
    for (const p of this.postings) for (let i = 0; i < p.length; i++) this.fwdStart[p[i] + 1]++;
    for (let d = 0; d < docs.length; d++) this.fwdStart[d + 1] += this.fwdStart[d];
    this.fwdTerms = new Int32Array(this.fwdStart[docs.length]);
    const fill = this.fwdStart.slice(0, docs.length);
    this.postings.forEach((p, t) => { for (let i = 0; i < p.length; i++) this.fwdTerms[fill[p[i]]++] = t; });
    this.matched = new Uint8Array(docs.length);
    this.score = new Float32Array(docs.length);
    this.scorer = new TermScorer(this);
  }

  /** Term id of `word`, -1 when no description has it. */
  termId(word: string): number {
    const t = this.lowerBound(word);
    return this.terms[t] === word ? t : -1;
  }

  /** Does doc `d` contain every term of `ids` (all ≥ 0)? Its term list is sorted. */
  hasAll(d: number, ids: Int32Array): boolean {
    const f = this.fwdTerms, end = this.fwdStart[d + 1];
    for (let k = 0; k < ids.length; k++) {
      const t = ids[k];
      let lo = this.fwdStart[d], hi = end;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (f[mid] < t) lo = mid + 1; else hi = mid; }
      if (lo === end || f[lo] !== t) return false;
    }
    return true;
  }

  /** Does doc `d` contain at least one term of `ids`? */
  hasAny(d: number, ids: Int32Array): boolean {
    const f = this.fwdTerms, start = this.fwdStart[d], end = this.fwdStart[d + 1];
    for (let k = 0; k < ids.length; k++) {
      const t = ids[k];
      let lo = start, hi = end;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (f[mid] < t) lo = mid + 1; else hi = mid; }
      if (lo < end && f[lo] === t) return true;
    }
    return false;
  }

  /** First term index ≥ s. */
  private lowerBound(s: string): number {
    let lo = 0, hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.terms[mid] < s) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /**
   * Terms a query word matches, best first: exact (1), word prefix (0.75, at most
   * `maxPrefix` most frequent), and only when neither exists, typos (0.5) within the allowed
   * edit distance (1 for words of 5+ characters, 2 for 9+; transpositions count as 1).
   * Cached (LRU by insertion order): the same words come back query after query while typing.
   */
  matchWord(word: string, allowPrefix = true, maxPrefix = 64): TermMatch[] {
    const key = `${allowPrefix ? 1 : 0}${maxPrefix} ${word}`;
    const hit = this.matchCache.get(key);
    if (hit) {
      this.matchCache.delete(key); this.matchCache.set(key, hit); // refresh its age
      return hit;
    }
    const out = this.computeMatches(word, allowPrefix, maxPrefix);
    if (this.matchCache.size >= MATCH_CACHE_SIZE) this.matchCache.delete(this.matchCache.keys().next().value!);
    this.matchCache.set(key, out);
    return out;
  }

  private computeMatches(word: string, allowPrefix: boolean, maxPrefix: number): TermMatch[] {
    const out: TermMatch[] = [];
    const lo = this.lowerBound(word);
    if (this.terms[lo] === word) out.push(termMatch(lo, 1));
    if (allowPrefix && word.length >= 2) {
      let hi = lo;
      while (hi < this.terms.length && this.terms[hi].startsWith(word)) hi++;
      const start = this.terms[lo] === word ? lo + 1 : lo;
      let range: number[] = [];
      for (let t = start; t < hi; t++) range.push(t);
      if (range.length > maxPrefix) range = range.sort((a, b) => this.postings[b].length - this.postings[a].length).slice(0, maxPrefix);
      for (const t of range) out.push(termMatch(t, 0.75));
    }
    if (out.length === 0 && word.length >= 5 && /[a-z]/.test(word)) {
      const k = word.length >= 9 ? 2 : 1;
      const mask = letterMask(word), masks = this.masks;
      for (let len = word.length - k; len <= word.length + k; len++) {
        for (const t of this.byLength[len] ?? []) {
          // The letter-set filter rejects almost every term before the (costly) distance.
          if (popcount(mask ^ masks[t]) <= 2 * k && withinDistance(word, this.terms[t], k)) out.push(termMatch(t, 0.5));
        }
      }
    }
    return out;
  }
}

/** Optimal-string-alignment distance ≤ k (bounded; gives up early when a row exceeds k). */
const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
export function withinDistance(a: string, b: string, k: number): boolean {
  const n = a.length, m = b.length;
  if (Math.abs(n - m) > k) return false;
  if (m >= 63) return false;
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ca === cb ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prev2[j - 2] + 1 < v) v = prev2[j - 2] + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > k) return false;
    const t = prev2; prev2 = prev; prev = cur; cur = t;
  }
  return prev[m] <= k;
}

/** Indexes per system, built at load by `buildSearchIndexes` (search.ts). */
export interface SearchIndexes {
  systems: Map<'ICD-10-CM' | 'ICD-10-PCS' | 'HCPCS', SystemIndex>;
  /** The PCS Index main terms (procedure names → PCS tables), parsed on first read; null when
   * the file is absent. */
  pcsIndex: import('./pcs-index').PcsIndex | null;
}

export interface SystemIndex {
  text: TextIndex;
  /** Per doc: the payload the caller needs to build results (entry object or HCPCS record). */
  payload: unknown[];
  /** Doc ids sorted by code (ASCII), for code-prefix search. */
  byCode: Int32Array;
  /** codeLen[k] = length of the code of byCode[k]: the prefix scan reads bytes, not strings. */
  codeLen: Uint8Array;
  /** Per doc, lazily: 0 unknown, 1 no, 2 yes — does the description name the default code
   * ("unspecified", "NOS", ...)? Tested once per doc instead of once per query. */
  defaultFlag: Uint8Array;
  /** Lazily filled: ' ' + the tokens of the payload's description joined by spaces, for the
   * phrase bonus (only docs that reach a result pool are ever tokenized again). */
  tokenText: (string | undefined)[];
  /** Per doc: the Tabular's terms indexed with the description (search-terms.ts), or undefined. */
  terms: (readonly string[] | undefined)[];
  /** termKey (search-terms.ts) → docs having a term, or a description, with exactly that key. */
  termLookup: Map<string, number[]>;
  /** Lazily filled: numeric ranges printed in the description (query-numbers.ts). */
  ranges: (import('./query-numbers').NumRange[] | undefined)[];
}
