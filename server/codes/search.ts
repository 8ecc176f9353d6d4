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
 * - Code matches are found here (`codePrefixHits`), description matches in text-search.ts
 *   (scored by text-scorer.ts); hot loops live in small functions of their own, because V8
 *   compiles a whole function at a time in a background thread that, on a 2-core machine,
 *   takes CPU slices from the query being timed.
 */
import { expandAbbreviations } from './abbreviations';
import { chapterOf } from './chapters';
import { CODE_FORMATS, displayCode, normalizeCode } from './normalize';
import { candidate, codeRanksAfter, TopK, type Candidate } from './rank';
import { pcsProcedureHits } from './pcs-search';
import { TextIndex, tokenize, type SearchIndexes, type SystemIndex } from './text-index';
import { rankText } from './text-search';
import type { CodeSets, CodeYear, HcpcsRecord, HcpcsSet, OrderEntry } from './types';
import type { Tabular } from './parse-tabular';
import { parsePcsIndex, type PcsIndex } from './pcs-index';
import type { NumRange } from './query-numbers';
import { buildTermLookup, tabularTerms } from './search-terms';


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

/** `terms[d]`: the Tabular's terms of doc d, indexed as more text of it (search-terms.ts). */
function makeSystemIndex(codes: string[], payload: Payload[], texts: string[][], billable: boolean[], terms?: (readonly string[] | undefined)[]): SystemIndex {
  const text = new TextIndex(codes.map((code, i) => ({ code, texts: terms?.[i] ? [...texts[i], ...terms[i]!] : texts[i], billable: billable[i] })));
  const byCode = Int32Array.from(codes.keys()).sort((a, b) => (codes[a] < codes[b] ? -1 : codes[a] > codes[b] ? 1 : a - b));
  const codeLen = Uint8Array.from(byCode, (d) => codes[d].length);
  const docTerms = terms ?? new Array<undefined>(codes.length);
  const termLookup = buildTermLookup(docTerms);
  return {
    text, payload, byCode, codeLen, defaultFlag: new Uint8Array(codes.length), tokenText: new Array<string | undefined>(codes.length),
    terms: docTerms, termLookup, ranges: new Array<NumRange[] | undefined>(codes.length)
  };
}

/** Union of the entries of all years, latest year first (its tabular order is the doc order). */
function universe(years: Map<number, CodeYear>): OrderEntry[] {
  const sorted = [...years.values()].sort((a, b) => b.fy - a.fy);
  const seen = new Set<OrderEntry>();
  const out: OrderEntry[] = [];
  for (const y of sorted) for (const e of y.list) if (!seen.has(e)) { seen.add(e); out.push(e); }
  return out;
}

/** Optional sources of search text: the Tabular List (inclusion terms, Includes) and the PCS
 * Index main terms CSV; search works without them, with fewer synonyms. */
export interface SearchExtras { tabular?: Tabular | null; pcsIndexCsv?: string | null }

/** Builds one system's index at a time and awaits `between()` after each, so that a caller can
 * let the event loop run: the whole build takes 1-3 s of CPU, which a server must not spend in
 * one block (it would answer nothing, not even its health check, meanwhile). */
export async function buildSearchIndexes(cm: Map<number, CodeYear>, pcs: Map<number, CodeYear>, hcpcs: HcpcsSet | null, extras: SearchExtras = {}, between: () => Promise<void> = async () => {}): Promise<SearchIndexes> {
  const systems: SearchIndexes['systems'] = new Map();
  for (const [name, years] of [['ICD-10-CM', cm], ['ICD-10-PCS', pcs]] as const) {
    if (years.size === 0) continue;
    await between();
    const all = universe(years);
    // The Tabular describes FY2026: its terms go to the entries of that year (shared by FY2027
    // when unchanged).
    const byCode = name === 'ICD-10-CM' ? tabularTerms(extras.tabular ?? null, years.get(2026) ?? years.get(Math.min(...years.keys()))) : null;
    const terms = byCode ? all.map((e) => byCode.get(e.code)) : undefined;
    systems.set(name, makeSystemIndex(all.map((e) => e.code), all, all.map((e) => [e.long]), all.map((e) => e.billable), terms));
  }
  if (hcpcs) {
    await between();
    const all = [...hcpcs.procedures.values()];
    systems.set('HCPCS', makeSystemIndex(all.map((r) => r.code), all, all.map((r) => [r.long, r.short]), all.map((r) => r.terminationDate === null)));
  }
  // The PCS Index is parsed on first use (the first procedure search pays ~0.1 s once), not
  // at load: loading everything has a 4 s budget and most sessions start with diagnoses.
  const csv = extras.pcsIndexCsv ?? null;
  let pcsIndex: PcsIndex | null | undefined;
  const out = { systems } as SearchIndexes;
  Object.defineProperty(out, 'pcsIndex', { enumerable: true, get: () => (pcsIndex === undefined ? (pcsIndex = csv ? parsePcsIndex(csv) : null) : pcsIndex) });
  return out;
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

const CODE_LIKE = /^[A-Z0-9]{1,7}$/;

const codeTop = new TopK(20);

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

  const targets: [SearchSystem, SystemIndex][] = [];
  for (const sys of wanted) {
    const idx = sys === 'CPT' ? (opts.cptDescriptions ? cptIndex(opts.cptDescriptions) : null) : codeSets.search.systems.get(sys) ?? null;
    if (idx) targets.push([sys, idx]);
  }
  const accept = new Map<SearchSystem, Uint8Array | null>();
  for (const [sys, idx] of targets) accept.set(sys, yearFilter(codeSets, sys, idx, opts.year));
  const ok = (sys: SearchSystem, idx: SystemIndex, doc: number) =>
    (!opts.billableOnly || idx.text.billable[doc] === 1) && (accept.get(sys)?.[doc] ?? 1) === 1;

  let codeHits = 0;
  if (codeLike) for (const [sys, idx] of targets) codeHits += codePrefixHits(top, sys, idx, compact, opts.billableOnly === true, accept.get(sys) ?? null);

  const results: SearchResult[] = [];
  if (exactCpt && !top.sorted().some((c) => c.sys === 'CPT')) {
    // Recognised by format only: no licensed description loaded for this code.
    results.push({ system: 'CPT', code: compact, description: '', billable: true, chapter: null, kind: 'code' });
  }

  // A code-shaped query with code hits is a code search; otherwise rank descriptions.
  const wordSearch = !(codeLike && codeHits > 0);
  if (wordSearch) for (const c of procedureHits(codeSets, targets, q, limit, ok, opts.system === 'ICD-10-PCS')) results.push(toResult(c));
  const ranked = wordSearch ? rankText(targets, q, limit, ok) : undefined;
  for (const c of ranked ?? top.sorted()) {
    if (results.length >= limit) break;
    if (results.some((r) => r.system === c.sys && r.code === displayCode(c.sys, c.idx.text.codes[c.doc]))) continue;
    results.push(toResult(c));
  }
  return results;
}

/** PCS codes of a procedure named in the query (pcs-search.ts), to list before description
 * matches. Searching all systems, only for names no ICD-10-CM description uses ("hysterectomy",
 * not "delivery" or "transfusion", which are also diagnoses' words). */
function procedureHits(
  codeSets: CodeSets, targets: [SearchSystem, SystemIndex][], q: string, limit: number,
  ok: (sys: SearchSystem, idx: SystemIndex, doc: number) => boolean, pcsOnly: boolean
): Candidate[] {
  const pi = codeSets.search.pcsIndex;
  const pcsIdx = targets.find(([s]) => s === 'ICD-10-PCS')?.[1];
  if (!pi || !pcsIdx) return [];
  const hits = pcsProcedureHits(pi, pcsIdx, expandAbbreviations(q), limit, (doc) => ok('ICD-10-PCS', pcsIdx, doc));
  const cm = codeSets.search.systems.get('ICD-10-CM');
  if (!pcsOnly && cm && hits.terms.some((t) => t.words.every((w) => cm.text.termId(w) >= 0))) return [];
  return hits.docs.map((doc) => candidate('ICD-10-PCS', pcsIdx, doc, 2, 0, 0));
}

/** Offer the codes of `idx` starting with `prefix` to `top`; returns how many passed the
 * filters. Its own function: the loop runs thousands of times for "S72", and V8 compiles a hot
 * loop's whole function (a small one compiles in a fraction of the time). */
function codePrefixHits(top: TopK, sys: SearchSystem, idx: SystemIndex, prefix: string, billableOnly: boolean, flags: Uint8Array | null): number {
  // The codes starting with `prefix` are the contiguous range [lo, hi) of byCode.
  const lo = codeBound(idx, prefix), hi = codeBound(idx, prefix + '\x7f');
  const { byCode, codeLen } = idx, billable = idx.text.billable;
  let hits = 0;
  for (let k = lo; k < hi; k++) {
    const doc = byCode[k], len = codeLen[k];
    // A prefix like "S72" covers thousands of codes: reject on typed arrays (no string
    // reads, no allocation) before anything else; a full list means hits > 0 already.
    // Same length as the prefix inside the range = the exact code.
    const tier = len === prefix.length ? 0 : 1;
    const worst = top.worst();
    if (worst && codeRanksAfter(sys, len, doc, tier, worst)) continue;
    if (billableOnly && billable[doc] !== 1) continue;
    if (flags && flags[doc] !== 1) continue;
    hits++;
    top.add(sys, idx, doc, tier, 0, 0);
  }
  return hits;
}

/** First position k of byCode with code ≥ s. */
function codeBound(idx: SystemIndex, s: string): number {
  const codes = idx.text.codes, byCode = idx.byCode;
  let lo = 0, hi = byCode.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (codes[byCode[mid]] < s) lo = mid + 1; else hi = mid; }
  return lo;
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
