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
import { codeRanksAfter, compare, setBar, TopK, type Candidate } from './rank';
import type { Bar } from './text-scorer';
import { TextIndex, tokenize, type SearchIndexes, type SystemIndex, type TermMatch } from './text-index';
import type { CodeSets, CodeYear, HcpcsRecord, HcpcsSet, OrderEntry } from './types';


/** Descriptions of the default code of a condition: unspecified, or without complications. */
const UNSPECIFIED = /\b(unspecified|not specified|NOS|without complications?)\b/i;
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
  const codeLen = Uint8Array.from(byCode, (d) => codes[d].length);
  return { text, payload, byCode, codeLen, defaultFlag: new Uint8Array(codes.length), tokenText: new Array<string | undefined>(codes.length) };
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

/** Per CodeYear: flags[doc] = 1 when the index's doc is that year's entry (identity). */
const yearFlags = new WeakMap<CodeYear, { idx: SystemIndex; flags: Uint8Array }>();

/** Doc filter for the year asked (default latest), or null when the system has no years. Built
 * once per year (98k Map lookups, a few ms): a Map lookup per candidate missed the CPU cache and
 * was a third of a word query's time. */
function yearFilter(codeSets: CodeSets, sys: SearchSystem, idx: SystemIndex, year?: number): Uint8Array | null {
  const years = sys === 'ICD-10-CM' ? codeSets.cm : sys === 'ICD-10-PCS' ? codeSets.pcs : null;
  if (!years || years.size === 0) return null;
  const fy = year !== undefined && years.has(year) ? year : Math.max(...years.keys());
  const y = years.get(fy)!;
  let cached = yearFlags.get(y);
  if (!cached || cached.idx !== idx) {
    const flags = new Uint8Array(idx.payload.length);
    idx.payload.forEach((p, d) => { const i = y.index.get((p as Payload).code); if (i !== undefined && y.list[i] === p) flags[d] = 1; });
    cached = { idx, flags };
    yearFlags.set(y, cached);
  }
  return cached.flags;
}

const STOP_WORDS = new Set(['of', 'the', 'and', 'or', 'to', 'in', 'for', 'a', 'an', 'by', 'on', 'as', 'at', 'from']);

const CODE_LIKE = /^[A-Z0-9]{1,7}$/;

const codeTop = new TopK(20);
const textPool = new TopK(100);

export function searchCodes(codeSets: CodeSets, opts: SearchOptions): SearchResult[] {
  const limit = Math.max(1, Math.min(50, opts.limit ?? 20));
  const q = opts.q.trim();
  if (!q) return [];
  const wanted: SearchSystem[] = !opts.system || opts.system === 'all' ? ['ICD-10-CM', 'ICD-10-PCS', 'HCPCS', 'CPT'] : [opts.system];
  // Module-level lists reused query after query (searchCodes is synchronous, never re-entered).
  const top = codeTop; top.reset(limit);
  const compact = normalizeCode('', q);
  const codeLike = CODE_LIKE.test(compact) && /\d/.test(compact);
  const exactCpt = wanted.includes('CPT') && CODE_FORMATS.CPT.test(compact);
  let codeHits = 0;

  const targets: [SearchSystem, SystemIndex][] = [];
  for (const sys of wanted) {
    const idx = sys === 'CPT' ? (opts.cptDescriptions ? cptIndex(opts.cptDescriptions) : null) : codeSets.search.systems.get(sys) ?? null;
    if (idx) targets.push([sys, idx]);
  }
  const accept = new Map<SearchSystem, Uint8Array | null>();
  for (const [sys, idx] of targets) accept.set(sys, yearFilter(codeSets, sys, idx, opts.year));
  const ok = (sys: SearchSystem, idx: SystemIndex, doc: number) =>
    (!opts.billableOnly || idx.text.billable[doc] === 1) && (accept.get(sys)?.[doc] ?? 1) === 1;

  if (codeLike) {
    for (const [sys, idx] of targets) {
      // The codes starting with `compact` are the contiguous range [lo, hi) of byCode.
      const lo = codeBound(idx, compact), hi = codeBound(idx, compact + '\x7f');
      const { byCode, codeLen } = idx;
      const flags = accept.get(sys) ?? null;
      for (let k = lo; k < hi; k++) {
        const doc = byCode[k], len = codeLen[k];
        // A prefix like "S72" covers thousands of codes: reject on typed arrays (no string
        // reads, no allocation) before anything else; a full list means codeHits > 0 already.
        // Same length as the prefix inside the range = the exact code.
        const tier = len === compact.length ? 0 : 1;
        const worst = top.worst();
        if (worst && codeRanksAfter(sys, len, doc, tier, worst)) continue;
        if (opts.billableOnly && idx.text.billable[doc] !== 1) continue;
        if (flags && flags[doc] !== 1) continue;
        codeHits++;
        top.add(sys, idx, doc, tier, 0, 0);
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
      const pool = textPool; pool.reset(Math.min(200, Math.max(limit * 5, 60)));
      const bar: Bar = { on: false, matched: 0, score: 0, billable: 0, textLength: 0, doc: 0, score4: 0 };
      for (const [sys, idx] of targets) {
        const matches: TermMatch[][] = words.map((w) => idx.text.matchWord(w));
        const { matched, score } = idx.text;
        setBar(bar, sys, idx, pool.worst());
        idx.text.scorer.run(matches, bar, (doc) => {
          // Only docs that beat the bar get here: apply the year filter, insert.
          if (!ok(sys, idx, doc)) return;
          pool.add(sys, idx, doc, 2, matched[doc], score[doc]);
          setBar(bar, sys, idx, pool.worst());
        }, (maxMatched, maxScore) => {
          // Unseen docs match ≤ maxMatched words with score ≤ maxScore: stop when they cannot enter.
          const worst = pool.worst();
          return worst !== null && (worst.tier < 2 || worst.matched > maxMatched || (worst.matched === maxMatched && worst.score > maxScore));
        });
      }
      const items = pool.sorted();
      // Without more detail in the query, the "unspecified" code is the coder's default
      // ("pneumonia" → J18.9): a small bonus that only breaks near-ties.
      if (!allWords.some((w) => w.startsWith('unspec'))) {
        for (const c of items) {
          if (c.tier === 2 && c.matched === words.length && isDefault(c.idx, c.doc)) c.score += 0.1;
        }
      }
      if (allWords.length > 1) {
        const phrase = ' ' + allWords.join(' ');
        const ids = new Map<SystemIndex, number[]>();
        for (const c of items) {
          if (c.tier !== 2) continue;
          let t = ids.get(c.idx);
          if (!t) { t = allWords.slice(0, -1).map((w) => c.idx.text.termId(w)); ids.set(c.idx, t); }
          // Only a description holding every query word but the last (which may end inside a
          // longer word: "sepsis unspec") as a whole term can hold the phrase.
          if (t.includes(-1) || !c.idx.text.hasAll(c.doc, t)) continue;
          // Parentheses enclose nonessential modifiers in ICD-10 ("Essential (primary)
          // hypertension"): the phrase "essential hypertension" is there for a coder.
          const text = (c.idx.tokenText[c.doc] ??= ' ' + tokenize((c.idx.payload[c.doc] as Payload).long.replace(/\([^)]*\)/g, ' ')).join(' '));
          if (text.includes(phrase)) c.score += 0.5;
        }
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

/** First position k of byCode with code ≥ s. */
function codeBound(idx: SystemIndex, s: string): number {
  const codes = idx.text.codes, byCode = idx.byCode;
  let lo = 0, hi = byCode.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (codes[byCode[mid]] < s) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Does doc's description name the default code? Cached per doc (see SystemIndex.defaultFlag). */
function isDefault(idx: SystemIndex, doc: number): boolean {
  let f = idx.defaultFlag[doc];
  if (f === 0) idx.defaultFlag[doc] = f = UNSPECIFIED.test((idx.payload[doc] as Payload).long) ? 2 : 1;
  return f === 2;
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
