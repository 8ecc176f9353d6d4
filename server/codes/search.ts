/**
 * Code search: by code (with or without dot, exact or prefix) and by description words.
 *
 * Ranking (the contract the UI and tests rely on):
 *   1. exact code; 2. code prefix, shorter codes first, then tabular order;
 *   3. text matches: more query words matched first, then higher score (exact word > word
 *      prefix > typo), then billable before header, then shorter description, then tabular order.
 *
 * Invariants:
 * - One index per system holds every entry of every loaded year (unchanged entries once); the
 *   `year` option filters by identity (`year.list[year.index.get(code)] === entry`).
 * - CPT content is never shipped: org-supplied descriptions get their own small index, cached
 *   per Map instance (WeakMap), and a CPT-shaped query without a description is still
 *   recognised as a CPT code by its format.
 */
import { expandAbbreviations } from './abbreviations';
import { chapterOf } from './chapters';
import { CODE_FORMATS, displayCode, normalizeCode } from './normalize';
import type { Bar } from './text-scorer';
import { TextIndex, tokenize, type SearchIndexes, type SystemIndex, type TermMatch } from './text-index';
import type { CodeSets, CodeYear, HcpcsRecord, HcpcsSet, OrderEntry } from './types';

export type SearchSystem = 'ICD-10-CM' | 'ICD-10-PCS' | 'HCPCS' | 'CPT';

export interface SearchOptions {
  q: string;
  system?: SearchSystem | 'all';
  /** Fiscal year for ICD-10-CM/PCS (default: the latest loaded). */
  year?: number;
  /** At most 50. */
  limit?: number;
  billableOnly?: boolean;
  cptDescriptions?: Map<string, string>;
}

export interface SearchResult {
  system: SearchSystem;
  code: string;
  description: string;
  billable: boolean;
  /** ICD-10-CM chapter number, null for other systems. */
  chapter: number | null;
  kind: 'code' | 'header';
}

type Payload = OrderEntry | HcpcsRecord;

function makeSystemIndex(codes: string[], payload: Payload[], texts: string[][], billable: boolean[]): SystemIndex {
  const text = new TextIndex(codes.map((code, i) => ({ code, texts: texts[i], billable: billable[i] })));
  const byCode = Int32Array.from(codes.keys()).sort((a, b) => (codes[a] < codes[b] ? -1 : codes[a] > codes[b] ? 1 : a - b));
  return { text, payload, byCode };
}

/** Union of the entries of all years, latest year first (its tabular order is the doc order). */
function universe(years: Map<number, CodeYear>): OrderEntry[] {
  const sorted = [...years.values()].sort((a, b) => b.fy - a.fy);
  const seen = new Set<OrderEntry>();
  const out: OrderEntry[] = [];
  for (const y of sorted) for (const e of y.list) if (!seen.has(e)) { seen.add(e); out.push(e); }
  return out;
}

export function buildSearchIndexes(cm: Map<number, CodeYear>, pcs: Map<number, CodeYear>, hcpcs: HcpcsSet | null): SearchIndexes {
  const systems: SearchIndexes['systems'] = new Map();
  for (const [name, years] of [['ICD-10-CM', cm], ['ICD-10-PCS', pcs]] as const) {
    if (years.size === 0) continue;
    const all = universe(years);
    systems.set(name, makeSystemIndex(all.map((e) => e.code), all, all.map((e) => [e.long]), all.map((e) => e.billable)));
  }
  if (hcpcs) {
    const all = [...hcpcs.procedures.values()];
    systems.set('HCPCS', makeSystemIndex(all.map((r) => r.code), all, all.map((r) => [r.long, r.short]), all.map((r) => r.terminationDate === null)));
  }
  return { systems };
}

const cptCache = new WeakMap<Map<string, string>, SystemIndex>();
function cptIndex(descriptions: Map<string, string>): SystemIndex {
  let idx = cptCache.get(descriptions);
  if (!idx) {
    const codes = [...descriptions.keys()].map((c) => normalizeCode('CPT', c));
    const payload = codes.map((code, i): HcpcsRecord => ({
      code, kind: 'procedure', long: [...descriptions.values()][i], short: '', dateAdded: null,
      actionEffectiveDate: null, terminationDate: null, actionCode: '', coverageCode: '', order: i
    }));
    idx = makeSystemIndex(codes, payload, payload.map((p) => [p.long]), codes.map(() => true));
    cptCache.set(descriptions, idx);
  }
  return idx;
}

interface Candidate { sys: SearchSystem; idx: SystemIndex; doc: number; tier: number; matched: number; score: number }

/** Negative when a ranks before b. */
function compare(a: Candidate, b: Candidate): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.tier < 2) {
    // Code matches: shorter code first, then tabular order (a header before its children).
    const la = a.idx.text.codes[a.doc].length, lb = b.idx.text.codes[b.doc].length;
    if (la !== lb) return la - lb;
    if (a.sys !== b.sys) return a.sys < b.sys ? -1 : 1;
    return a.doc - b.doc;
  }
  if (a.matched !== b.matched) return b.matched - a.matched;
  if (a.score !== b.score) return b.score - a.score;
  const ba = a.idx.text.billable[a.doc], bb = b.idx.text.billable[b.doc];
  if (ba !== bb) return bb - ba;
  const ta = a.idx.text.textLength[a.doc], tb = b.idx.text.textLength[b.doc];
  if (a.tier === 2 && ta !== tb) return ta - tb;
  if (a.sys !== b.sys) return a.sys < b.sys ? -1 : 1;
  return a.doc - b.doc;
}

/** Mirror `compare` for tier-2 candidates of `idx` against the current worst into `bar`. */
function setBar(bar: Bar, sys: SearchSystem, idx: SystemIndex, worst: Candidate | null): void {
  bar.on = worst !== null;
  if (!worst) return;
  if (worst.tier < 2) { bar.matched = 1e9; return; } // code matches always rank first
  const wt = worst.idx.text;
  bar.matched = worst.matched; bar.score = worst.score;
  bar.billable = wt.billable[worst.doc]; bar.textLength = wt.textLength[worst.doc];
  bar.doc = worst.idx === idx ? worst.doc : sys < worst.sys ? 0x7fffffff : -1;
}

/** True when code candidate (`tier` 0/1) ranks after `worst`; mirrors `compare` for code tiers. */
function codeRanksAfter(sys: SearchSystem, idx: SystemIndex, doc: number, tier: number, worst: Candidate): boolean {
  if (tier !== worst.tier) return tier > worst.tier;
  const l = idx.text.codes[doc].length, lw = worst.idx.text.codes[worst.doc].length;
  if (l !== lw) return l > lw;
  if (sys !== worst.sys) return sys > worst.sys;
  return doc > worst.doc;
}

/**
 * Keeps the best `limit` candidates: a binary heap with the worst on top, so an insert costs
 * O(log k) compares (a sorted array cost O(k) per insert, which dominated queries where
 * thousands of candidates each beat the current worst) and fast rejects read `worst()`.
 */
class TopK {
  private readonly heap: Candidate[] = [];
  constructor(readonly limit: number) {}
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

function yearFilter(codeSets: CodeSets, sys: SearchSystem, year?: number): ((p: Payload) => boolean) | null {
  const years = sys === 'ICD-10-CM' ? codeSets.cm : sys === 'ICD-10-PCS' ? codeSets.pcs : null;
  if (!years || years.size === 0) return null;
  const fy = year !== undefined && years.has(year) ? year : Math.max(...years.keys());
  const y = years.get(fy)!;
  return (p) => { const i = y.index.get(p.code); return i !== undefined && y.list[i] === p; };
}

const STOP_WORDS = new Set(['of', 'the', 'and', 'or', 'to', 'in', 'for', 'a', 'an', 'by', 'on', 'as', 'at', 'from']);

const CODE_LIKE = /^[A-Z0-9]{1,7}$/;

export function searchCodes(codeSets: CodeSets, opts: SearchOptions): SearchResult[] {
  const limit = Math.max(1, Math.min(50, opts.limit ?? 20));
  const q = opts.q.trim();
  if (!q) return [];
  const wanted: SearchSystem[] = !opts.system || opts.system === 'all' ? ['ICD-10-CM', 'ICD-10-PCS', 'HCPCS', 'CPT'] : [opts.system];
  const top = new TopK(limit);
  const compact = normalizeCode('', q);
  const codeLike = CODE_LIKE.test(compact) && /\d/.test(compact);
  const exactCpt = wanted.includes('CPT') && CODE_FORMATS.CPT.test(compact);
  let codeHits = 0;

  const targets: [SearchSystem, SystemIndex][] = [];
  for (const sys of wanted) {
    const idx = sys === 'CPT' ? (opts.cptDescriptions ? cptIndex(opts.cptDescriptions) : null) : codeSets.search.systems.get(sys) ?? null;
    if (idx) targets.push([sys, idx]);
  }
  const accept = new Map<SearchSystem, ((p: Payload) => boolean) | null>();
  for (const [sys] of targets) accept.set(sys, yearFilter(codeSets, sys, opts.year));
  const ok = (sys: SearchSystem, idx: SystemIndex, doc: number) =>
    (!opts.billableOnly || idx.text.billable[doc] === 1) && (accept.get(sys)?.(idx.payload[doc] as Payload) ?? true);

  if (codeLike) {
    for (const [sys, idx] of targets) {
      const codes = idx.text.codes;
      let lo = 0, hi = idx.byCode.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (codes[idx.byCode[mid]] < compact) lo = mid + 1; else hi = mid; }
      for (let k = lo; k < idx.byCode.length && codes[idx.byCode[k]].startsWith(compact); k++) {
        const doc = idx.byCode[k];
        // A prefix like "S72" covers thousands of codes: reject on primitives before the year
        // filter and allocation (a full list means codeHits > 0 already).
        const worst = top.worst();
        const tier = codes[doc] === compact ? 0 : 1;
        if (worst && codeRanksAfter(sys, idx, doc, tier, worst)) continue;
        if (!ok(sys, idx, doc)) continue;
        codeHits++;
        top.offer({ sys, idx, doc, tier, matched: 0, score: 0 });
      }
    }
  }

  const results: SearchResult[] = [];
  if (exactCpt && !top.sorted().some((c) => c.sys === 'CPT')) {
    // Recognised by format only: no licensed description loaded for this code.
    results.push({ system: 'CPT', code: compact, description: '', billable: true, chapter: null, kind: 'code' });
  }

  let ranked: Candidate[] | undefined;
  if (!(codeLike && codeHits > 0)) {
    const expanded = expandAbbreviations(q);
    const allWords = tokenize(expanded);
    // Glue words are dropped when other words remain: their postings are huge ("of" is in
    // a third of the descriptions) and they do not change which codes match. "with" and
    // "without" are kept: they separate E11.9 from E11.65.
    const content = allWords.filter((w) => !STOP_WORDS.has(w));
    const words = content.length > 0 ? content : allWords;
    if (words.length > 0) {
      // Collect a larger pool, then give descriptions containing the query as a phrase a
      // bonus ("heart failure" ahead of "heart transplant failure") and keep the best.
      const pool = new TopK(Math.min(200, Math.max(limit * 5, 60)));
      const bar: Bar = { on: false, matched: 0, score: 0, billable: 0, textLength: 0, doc: 0 };
      for (const [sys, idx] of targets) {
        const matches: TermMatch[][] = words.map((w) => idx.text.matchWord(w));
        const { matched, score } = idx.text;
        setBar(bar, sys, idx, pool.worst());
        idx.text.scorer.run(matches, bar, (doc) => {
          // Only docs that beat the bar get here: allocate, apply the year filter, insert.
          const c: Candidate = { sys, idx, doc, tier: 2, matched: matched[doc], score: score[doc] };
          if (!ok(sys, idx, doc)) return;
          pool.offer(c);
          setBar(bar, sys, idx, pool.worst());
        }, (maxMatched, maxScore) => {
          // Unseen docs match ≤ maxMatched words with score ≤ maxScore: stop when they cannot enter.
          const worst = pool.worst();
          return worst !== null && (worst.tier < 2 || worst.matched > maxMatched || (worst.matched === maxMatched && worst.score > maxScore));
        });
      }
      const items = pool.sorted();
      const phrase = ' ' + allWords.join(' ');
      for (const c of items) {
        if (c.tier === 2 && allWords.length > 1 && (' ' + tokenize((c.idx.payload[c.doc] as Payload).long).join(' ')).includes(phrase)) c.score += 0.5;
      }
      ranked = items.sort(compare).slice(0, limit);
    }
  }

  for (const c of ranked ?? top.sorted()) {
    if (results.length >= limit) break;
    results.push(toResult(c));
  }
  return results;
}

function toResult(c: Candidate): SearchResult {
  const p = c.idx.payload[c.doc] as Payload;
  const billable = c.idx.text.billable[c.doc] === 1;
  return {
    system: c.sys,
    code: displayCode(c.sys, p.code),
    description: p.long,
    billable,
    chapter: c.sys === 'ICD-10-CM' ? chapterOf(p.code)?.number ?? null : null,
    kind: billable || c.sys === 'HCPCS' || c.sys === 'CPT' ? 'code' : 'header'
  };
}

/** Baseline for the benchmark: scan every description for every query word (no index). */
export function naiveSearch(codeSets: CodeSets, q: string, limit = 20): string[] {
  const words = tokenize(expandAbbreviations(q));
  const year = codeSets.cm.get(Math.max(...codeSets.cm.keys()))!;
  const scored: { code: string; n: number; len: number }[] = [];
  for (const e of year.list) {
    const d = e.long.toLowerCase();
    let n = 0;
    for (const w of words) if (d.includes(w)) n++;
    if (n > 0) scored.push({ code: e.code, n, len: e.long.length });
  }
  scored.sort((a, b) => b.n - a.n || a.len - b.len);
  return scored.slice(0, limit).map((s) => s.code);
}
