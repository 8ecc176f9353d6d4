/**
 * Description search: the words of a query scored against every target system's TextIndex,
 * then phrase and default-code bonuses on a larger pool (the ranking contract is in search.ts).
 *
 * Invariants:
 * - Only candidates of tier 2 come from here; the pool's bar (rank.ts `setBar`) mirrors
 *   `compare`, so the scorer's early stops never drop a doc that would be in the pool.
 * - Kept apart from searchCodes so each hot function stays small: V8 compiles (and, on a
 *   deopt, recompiles) a function as a whole, in a background thread that on a 2-core machine
 *   takes the main thread's CPU for 4 ms slices.
 * - Not re-entrant: the pool and the scorers' scratch arrays are reused query after query
 *   (searchCodes is synchronous).
 */
import { expandAbbreviations } from './abbreviations';
import { candidate, compare, setBar, TopK, type Candidate } from './rank';
import { inRanges, queryNumbers, rangesIn } from './query-numbers';
import { termKey } from './search-terms';
import type { SearchSystem } from './search';
import type { Bar } from './text-scorer';
import { tokenize, type SystemIndex, type TermMatch, type TextIndex } from './text-index';
import type { HcpcsRecord, OrderEntry } from './types';

type Payload = OrderEntry | HcpcsRecord;

/** Descriptions of the default code of a condition: unspecified, or without complications. */
const UNSPECIFIED = /\b(unspecified|not specified|NOS|without complications?|uncomplicated)\b/i;
/** "Calculus of gallbladder without cholecystitis without obstruction": only "without"
 * clauses, no "with" one, is the plain form of a condition too. */
const ONLY_WITHOUT = /^(?!.*\bwith\b).*\bwithout\b/i;

const STOP_WORDS = new Set(['of', 'the', 'and', 'or', 'to', 'in', 'for', 'a', 'an', 'by', 'on', 'as', 'at', 'from']);

const textPool = new TopK(100);

/** The best `limit` description matches of `q` accepted by `ok`, best first; undefined when
 * the query has no words. */
export function rankText(
  targets: [SearchSystem, SystemIndex][], q: string, limit: number,
  ok: (sys: SearchSystem, idx: SystemIndex, doc: number) => boolean
): Candidate[] | undefined {
  const expanded = expandAbbreviations(q);
  const allWords = tokenize(expanded);
  // Glue words are dropped when other words remain: their postings are huge ("of" is in
  // a third of the descriptions) and they do not change which codes match. "with" and
  // "without" are kept: they separate E11.9 from E11.65. Numbers are matched apart (below),
  // against the ranges descriptions print, unless the query has nothing else.
  const content = allWords.filter((w) => !STOP_WORDS.has(w));
  const textWords = content.filter((w) => !NUMBER.test(w));
  const numbers = textWords.length > 0 ? queryNumbers(expanded) : [];
  const words = textWords.length > 0 ? textWords : content.length > 0 ? content : allWords;
  if (words.length === 0) return undefined;
  const wanted = words.length + numbers.length;
  // Collect a larger pool, then give descriptions containing the query as a phrase a bonus
  // ("heart failure" ahead of "heart transplant failure") and keep the best. Not larger for
  // numbers: a bar lowered past the docs matching most words ends the early stop, and the
  // scorer then reads every posting of "type" (8x slower for "type 2 diabetes ...").
  const pool = textPool; pool.reset(Math.min(200, Math.max(limit * 5, 60)));
  const bar: Bar = { on: false, matched: 0, score: 0, billable: 0, textLength: 0, doc: 0, score4: 0 };
  for (const [sys, idx] of targets) {
    // A loop, not words.map(): `map` makes arrays of another V8 map once this function is
    // optimized, and the scorer then deoptimized on them (see text-scorer.ts).
    const matches: TermMatch[][] = [];
    for (let i = 0; i < words.length; i++) matches.push(idx.text.matchWord(words[i]));
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
  addTermHits(items, targets, expanded, wanted, ok);
  const flags = queryFlags(allWords);
  for (const c of items) {
    if (c.tier !== 2) continue;
    if (numbers.length > 0) c.matched += numbersMatched(c.idx, c.doc, numbers);
    const code = c.idx.text.codes[c.doc];
    if (c.sys === 'ICD-10-CM') {
      // The general code before newborn (P) and pregnancy (O) codes unless the query says so.
      if (!flags.obstetric && (code[0] === 'P' || code[0] === 'O')) c.score -= 0.3;
      // 7th character: the initial encounter is the default when the query names no other
      // (a penalty on the others, so codes without a 7th character are not pushed down).
      if (!flags.encounter && code.length === 7 && LATER_ENCOUNTER.test((c.idx.payload[c.doc] as Payload).long)) c.score -= 0.1;
    }
    // Without more detail in the query, the "unspecified" code is the coder's default
    // ("pneumonia" → J18.9): a small bonus that only breaks near-ties.
    if (!flags.unspecified && c.matched === wanted && isDefault(c.idx, c.doc)) c.score += 0.1;
  }
  if (allWords.length > 1) phraseBonus(items, allWords);
  return items.sort(compare).slice(0, limit);
}

const NUMBER = /^\d+$/;
const LATER_ENCOUNTER = /, (subsequent encounter|sequela)\b/;

/** What the query says about the context that picks between variants. */
function queryFlags(words: string[]): { obstetric: boolean; encounter: boolean; unspecified: boolean } {
  let obstetric = false, encounter = false, unspecified = false;
  for (const w of words) {
    if (OBSTETRIC.test(w)) obstetric = true;
    if (w === 'subsequent' || w.startsWith('sequel') || w === 'healing' || w.endsWith('union')) encounter = true;
    if (w.startsWith('unspec')) unspecified = true;
  }
  return { obstetric, encounter, unspecified };
}
const OBSTETRIC = /^(newborn|neonat|perinatal|fet(al|us)|pregnan|gestation|obstetric|matern|postpartum|puerper|deliver|labor|antepartum|trimester|preterm|prenatal|birth|placent|abortion|ectopic|lactat|intrauterine)/;

/** A query equal to one of the Tabular's terms ("dementia" = "Dementia NOS") finds that code
 * first: it joins the pool (or is raised in it) with every word matched and a bonus. */
function addTermHits(items: Candidate[], targets: [SearchSystem, SystemIndex][], expanded: string, wanted: number,
  ok: (sys: SearchSystem, idx: SystemIndex, doc: number) => boolean): void {
  const key = termKey(expanded);
  if (!key) return;
  for (const [sys, idx] of targets) {
    const docs = idx.termLookup.get(key) ?? correctedHits(idx, key);
    if (!docs) continue;
    for (const doc of docs) {
      if (!ok(sys, idx, doc)) continue;
      let c = items.find((x) => x.idx === idx && x.doc === doc && x.tier === 2);
      if (!c) { c = candidate(sys, idx, doc, 2, 0, 0); items.push(c); }
      c.matched = Math.max(c.matched, wanted);
      c.score = Math.max(c.score, 1.25 * (wanted || 1)) + 1;
    }
  }
}

/** Docs of `key` with the words that only match as typos corrected ("hypertenson" →
 * "hypertension"): the first word's corrections are tried in turn, most frequent first, the
 * other words take their most frequent one. */
function correctedHits(idx: SystemIndex, key: string): number[] | undefined {
  const words = key.split(' ');
  let first = -1, options: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const m = idx.text.matchWord(words[i]);
    if (m.length === 0 || m[0].weight !== 0.5) continue;
    const byFreq = m.map((x) => x.term).sort((a, b) => idx.text.postings[b].length - idx.text.postings[a].length);
    words[i] = idx.text.terms[byFreq[0]];
    if (first < 0) { first = i; options = byFreq.slice(0, 4); }
  }
  if (first < 0) return undefined;
  for (const t of options) {
    words[first] = idx.text.terms[t];
    const docs = idx.termLookup.get(termKey(words.join(' ')));
    if (docs) return docs;
  }
  return undefined;
}

/** How many of the query's numbers the doc prints, or holds in a printed range. */
function numbersMatched(idx: SystemIndex, doc: number, numbers: number[]): number {
  const text = ' ' + tokenText(idx, doc) + ' ';
  const ranges = (idx.ranges[doc] ??= rangesIn((idx.payload[doc] as Payload).long));
  let n = 0;
  for (const x of numbers) if ((Number.isInteger(x) && text.includes(` ${x} `)) || inRanges(x, ranges)) n++;
  return n;
}

/** ' ' + the tokens of the description (parenthesised modifiers dropped) and of each of the
 * Tabular's terms, separated by ' | ' so a phrase never spans two of them. */
function tokenText(idx: SystemIndex, doc: number): string {
  let t = idx.tokenText[doc];
  if (t === undefined) {
    const strip = (s: string) => tokenize(s.replace(/\([^)]*\)/g, ' ')).join(' ');
    t = ' ' + strip((idx.payload[doc] as Payload).long);
    for (const term of idx.terms[doc] ?? []) t += ' | ' + strip(term);
    idx.tokenText[doc] = t;
  }
  return t;
}

function phraseBonus(items: Candidate[], allWords: string[]): void {
  const phrase = ' ' + allWords.join(' ');
  const head = allWords.slice(0, -1);
  // Term ids of `head` per index, null when one is missing. Always an Int32Array or null:
  // a JS array here had two element kinds, and the optimized searchCodes bailed out on
  // the map check hundreds of times per second without being recompiled (deopt loop).
  const ids = new Map<SystemIndex, Int32Array | null>();
  for (const c of items) {
    if (c.tier !== 2) continue;
    let t = ids.get(c.idx);
    if (t === undefined) { t = termIds(c.idx.text, head); ids.set(c.idx, t); }
    // Only a description holding every query word but the last (which may end inside a
    // longer word: "sepsis unspec") as a whole term can hold the phrase.
    if (t === null || !c.idx.text.hasAll(c.doc, t)) continue;
    // Parentheses enclose nonessential modifiers in ICD-10 ("Essential (primary)
    // hypertension"): the phrase "essential hypertension" is there for a coder.
    if (tokenText(c.idx, c.doc).includes(phrase)) c.score += 0.5;
  }
}

/** Term ids of `words` in `text`, or null when one of them is in no description. */
function termIds(text: TextIndex, words: string[]): Int32Array | null {
  const out = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) if ((out[i] = text.termId(words[i])) < 0) return null;
  return out;
}

/** Does doc's description name the default code? Cached per doc (see SystemIndex.defaultFlag). */
function isDefault(idx: SystemIndex, doc: number): boolean {
  let f = idx.defaultFlag[doc];
  if (f === 0) {
    const long = (idx.payload[doc] as Payload).long;
    idx.defaultFlag[doc] = f = UNSPECIFIED.test(long) || ONLY_WITHOUT.test(long) ? 2 : 1;
  }
  return f === 2;
}
