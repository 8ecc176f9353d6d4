/**
 * Benchmark: p50/p99 of searchCodes over ~50 realistic queries, against a naive scan of every
 * ICD-10-CM description in the same run. Goal: p99 < 2 ms and ≥ 10x faster than naive.
 * Prints a table; never fails on timing.
 */
import path from 'node:path';
import { loadCodeSets, resolveCodeSetsDir, searchCodes, type CodeSets } from '../server/codes/index';
import { naiveSearch } from '../server/codes/search';

export const name = 'codes-search';

export const QUERIES = [
  // codes and prefixes
  'E11.9', 'e119', 'A41.9', 'S72.001A', 'I10', 'E11', 'S72', 'J18', 'T36.0X1', 'Z79', 'N18.3', 'C4A', 'O9A', 'J1100', 'G0', '0DT',
  // words
  'pneumonia', 'sepsis', 'type 2 diabetes with hyperglycemia', 'acute kidney failure', 'urinary tract infection',
  'fracture of neck of left femur', 'heart failure', 'chronic obstructive pulmonary disease with exacerbation', 'hyponatremia',
  'obesity class 3', 'body mass index 40', 'fall from bed', 'long term insulin', 'respiratory failure hypoxia',
  'essential hypertension', 'depression', 'appendicitis peritonitis', 'dexamethasone injection',
  // prefixes of words
  'pneum', 'diab mell', 'fract femur', 'hypert chron kid',
  // abbreviations
  'UTI', 'CHF', 'COPD', 'CKD 3b', 'T2DM', 'AKI', 'DVT', 'NSTEMI', 'afib', 'OSA', 'BMI 40',
  // typos
  'diabtes', 'pnuemonia', 'hypertenson', 'fractrue femur', 'sepis', 'respiratroy failure'
];

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function time(fn: () => void, reps: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < reps; i++) { const t = performance.now(); fn(); out.push(performance.now() - t); }
  return out.sort((a, b) => a - b);
}

export async function run(): Promise<void> {
  const cached = (globalThis as { __codeSets?: CodeSets }).__codeSets;
  const cs = cached ?? await loadCodeSets(process.env.GRAYCASE_SHARED_DATA ?? resolveCodeSetsDir() ?? path.resolve('../shared/data'));
  for (const q of QUERIES) searchCodes(cs, { q, system: 'ICD-10-CM', limit: 20 }); // warm up the JIT
  const rows: string[] = [];
  const all: number[] = [];
  const naiveAll: number[] = [];
  // Index first, then the naive scans: the naive scans allocate heavily, and their garbage
  // collections would otherwise land inside the index timings.
  (globalThis as { gc?: () => void }).gc?.(); // start the timed phase with a clean heap (npm run bench exposes gc)
  const perQuery = QUERIES.map((q) => {
    const t = time(() => searchCodes(cs, { q, system: 'ICD-10-CM', limit: 20 }), 30);
    all.push(...t);
    return t;
  });
  QUERIES.forEach((q, i) => {
    const n = time(() => naiveSearch(cs, q, 20), 3);
    naiveAll.push(...n);
    const t = perQuery[i]!;
    const top = searchCodes(cs, { q, system: 'ICD-10-CM', limit: 1 })[0]?.code ?? '-';
    rows.push(`${q.padEnd(56)} ${pct(t, 50).toFixed(3).padStart(7)} ${pct(t, 99).toFixed(3).padStart(7)} ${pct(n, 50).toFixed(1).padStart(8)}  ${top}`);
  });
  console.log(`codes-search: ${QUERIES.length} queries, ICD-10-CM (${cs.cm.get(Math.max(...cs.cm.keys()))!.list.length} entries)`);
  console.log(`${'query'.padEnd(56)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'naive ms'.padStart(8)}  top`);
  for (const r of rows) console.log(r);
  all.sort((a, b) => a - b);
  naiveAll.sort((a, b) => a - b);
  const p50 = pct(all, 50), p99 = pct(all, 99), n50 = pct(naiveAll, 50);
  console.log(`overall index p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms (goal < 2); naive p50 ${n50.toFixed(1)} ms; ratio naive/index p50 ${(n50 / p50).toFixed(0)}x (goal ≥ 10x)`);
}
