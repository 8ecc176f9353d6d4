/**
 * Benchmark: PHI detection time per 1,000 characters over the evaluation set
 * (tests/fixtures/deid-eval), full detector (`detectPhiInText`: name lists, gazetteer, NLP
 * tagger, facility and context rules) against a same-run baseline that runs only the regex
 * rules (dates, ages, phones, e-mail/URL/ids, labelled numbers, addresses). One-off loading of
 * the lists is reported apart: the proper-noun rule's whitelist (SCOWL words, code-set
 * description words) on its own, then the rest (census names, GeoNames cities, NLP lexicon).
 * The full detector is also timed with its left-to-right weights only, to show what the right-to-left tagger costs.
 * Never fails on timing.
 */
import { performance } from 'node:perf_hooks';
import { detectPhiInText } from '../server/deid/index';
import { findDates } from '../server/deid/dates';
import { findAges, findLabelledIds, findNetAndIds, findPhones } from '../server/deid/numbers';
import { findPlaces } from '../server/deid/places';
import { loadEvalSet } from '../tests/fixtures/deid-eval/load';
import { codeSetWords, englishWords } from '../server/deid/vocabulary';
import { useRecogniserModel } from '../server/deid/ner/recognise';
import { readFileSync } from 'node:fs';

const PASSES = 5;

function regexOnly(text: string): number {
  return [findDates(text, 2026), findAges(text), findPhones(text), findNetAndIds(text), findLabelledIds(text), findPlaces(text)].reduce((n, h) => n + h.length, 0);
}

function perKChars(texts: string[], detect: (t: string) => unknown): number {
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const t0 = performance.now();
  for (let p = 0; p < PASSES; p++) for (const t of texts) detect(t);
  return (performance.now() - t0) / PASSES / (chars / 1000);
}

export async function run(): Promise<void> {
  const texts = loadEvalSet().map((d) => d.text);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const w0 = performance.now();
  const scowl = englishWords().size;
  const w1 = performance.now();
  const codes = codeSetWords().size;
  const w2 = performance.now();
  const l0 = performance.now();
  detectPhiInText(texts[0]!);
  const loadMs = performance.now() - l0;
  // Warm both paths (JIT, regex compilation) before timing.
  for (const t of texts) { detectPhiInText(t); regexOnly(t); }
  const base = perKChars(texts, regexOnly);
  // The same detector with the left-to-right weights only: what the right-to-left tagger (twelfth pass) costs.
  // Timed in turns, the best of three each, since one run of each on a shared machine differed by a third.
  // Both weights are read once here: switching back to the shipped ones would time their loading.
  const shippedWeights = (file: string) => JSON.parse(readFileSync(new URL(`../server/deid/ner/${file}`, import.meta.url), 'utf8'));
  const forwardWeights = shippedWeights('model.json'), reverseWeights = shippedWeights('model-reverse.json');
  let full = Infinity, forwardOnly = Infinity;
  for (let round = 0; round < 3; round++) {
    useRecogniserModel(forwardWeights, reverseWeights);
    full = Math.min(full, perKChars(texts, detectPhiInText));
    useRecogniserModel(forwardWeights);
    forwardOnly = Math.min(forwardOnly, perKChars(texts, detectPhiInText));
  }
  useRecogniserModel(null);
  console.log(`deid: ${texts.length} documents, ${chars} characters, ${PASSES} passes`);
  console.log(`  whitelist load: SCOWL ${scowl} words ${(w1 - w0).toFixed(0)} ms, code-set descriptions ${codes} words ${(w2 - w1).toFixed(0)} ms; first call (other lists) ${loadMs.toFixed(0)} ms`);
  console.log(`  regex rules only (baseline): ${base.toFixed(3)} ms per 1,000 chars`);
  console.log(`  full detector:               ${full.toFixed(3)} ms per 1,000 chars (${(full / base).toFixed(1)}x the baseline)`);
  console.log(`  full, left-to-right tagger only: ${forwardOnly.toFixed(3)} ms per 1,000 chars (the right-to-left tagger adds ${((full / forwardOnly - 1) * 100).toFixed(0)}%)`);
}
