/**
 * Benchmark of code search: quality (top-1 / top-5 over the coder query list in
 * codes-search-queries.ts) and speed (p50/p99 of searchCodes over that list plus code-shaped
 * queries), against a naive scan of every ICD-10-CM description in the same run.
 * Goals: top-5 ≥ 95%, p99 < 2 ms, ≥ 10x faster than naive. Prints figures; never fails on them.
 */
import path from 'node:path';
import { loadCodeSets, resolveCodeSetsDir, searchCodes, type CodeSets } from '../server/codes/index';
import { naiveSearch } from '../server/codes/search';
import { accepted, BENCH_QUERIES, type BenchSystem } from './codes-search-queries';

export const name = 'codes-search';

/** Code-shaped queries (prefix and exact code search), timed with the word queries. */
const CODE_QUERIES: [string, BenchSystem][] = [
  ['E11.9', 'ICD-10-CM'], ['e119', 'ICD-10-CM'], ['A41.9', 'ICD-10-CM'], ['S72.001A', 'ICD-10-CM'], ['I10', 'ICD-10-CM'],
  ['E11', 'ICD-10-CM'], ['S72', 'ICD-10-CM'], ['J18', 'ICD-10-CM'], ['T36.0X1', 'ICD-10-CM'], ['Z79', 'ICD-10-CM'],
  ['N18.3', 'ICD-10-CM'], ['C4A', 'ICD-10-CM'], ['O9A', 'ICD-10-CM'], ['J1100', 'HCPCS'], ['G0', 'HCPCS'], ['0DT', 'ICD-10-PCS']
];

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function time(fn: () => void, reps: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < reps; i++) { const t = performance.now(); fn(); out.push(performance.now() - t); }
  return out.sort((a, b) => a - b);
}

const pc = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;

export async function run(): Promise<void> {
  const cached = (globalThis as { __codeSets?: CodeSets }).__codeSets;
  const cs = cached ?? await loadCodeSets(process.env.GRAYCASE_SHARED_DATA ?? resolveCodeSetsDir() ?? path.resolve('../shared/data'));
  const timed: [string, BenchSystem][] = [...BENCH_QUERIES.map(([q, s]) => [q, s] as [string, BenchSystem]), ...CODE_QUERIES];

  // Quality first (also warms up the JIT).
  const bySys = new Map<string, { n: number; top1: number; top5: number }>();
  const misses: string[] = [];
  for (const [q, system, accept] of BENCH_QUERIES) {
    const got = searchCodes(cs, { q, system, limit: 5, year: 2026 }).map((r) => r.code);
    const s = bySys.get(system) ?? { n: 0, top1: 0, top5: 0 };
    s.n++;
    if (got[0] !== undefined && accepted(accept, got[0])) s.top1++;
    if (got.some((c) => accepted(accept, c))) s.top5++;
    else misses.push(`  ${q.padEnd(40)} want ${accept.slice(0, 3).join(' ')}${accept.length > 3 ? ' …' : ''}; got ${got.join(' ') || '-'}`);
    bySys.set(system, s);
  }
  for (const [q, system] of timed) searchCodes(cs, { q, system, limit: 20, year: 2026 });

  // Index first, then the naive scans: the naive scans allocate heavily, and their garbage
  // collections would otherwise land inside the index timings.
  (globalThis as { gc?: () => void }).gc?.(); // start the timed phase with a clean heap (npm run bench exposes gc)
  const all: number[] = [];
  const slow: [string, number][] = [];
  for (const [q, system] of timed) {
    const t = time(() => searchCodes(cs, { q, system, limit: 20, year: 2026 }), 20);
    all.push(...t);
    slow.push([q, pct(t, 99)]);
  }
  const naiveAll: number[] = [];
  for (const [q] of timed) naiveAll.push(...time(() => naiveSearch(cs, q, 20), 1));

  const total = { n: 0, top1: 0, top5: 0 };
  console.log(`codes-search: ${BENCH_QUERIES.length} coder queries (bench/codes-search-queries.ts), ${CODE_QUERIES.length} code queries`);
  for (const [sys, s] of bySys) {
    total.n += s.n; total.top1 += s.top1; total.top5 += s.top5;
    console.log(`  ${sys.padEnd(10)} ${String(s.n).padStart(4)} queries  top-1 ${pc(s.top1, s.n).padStart(6)}  top-5 ${pc(s.top5, s.n).padStart(6)}`);
  }
  console.log(`  all        ${String(total.n).padStart(4)} queries  top-1 ${pc(total.top1, total.n).padStart(6)}  top-5 ${pc(total.top5, total.n).padStart(6)} (goal top-5 ≥ 95%)`);
  if (misses.length) console.log(`not in the top 5 (${misses.length}):\n${misses.join('\n')}`);
  slow.sort((a, b) => b[1] - a[1]);
  console.log(`slowest p99: ${slow.slice(0, 5).map(([q, t]) => `${q} ${t.toFixed(2)} ms`).join('; ')}`);
  all.sort((a, b) => a - b);
  naiveAll.sort((a, b) => a - b);
  const p50 = pct(all, 50), p99 = pct(all, 99), n50 = pct(naiveAll, 50);
  console.log(`overall index p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms (goal < 2); naive p50 ${n50.toFixed(1)} ms; ratio naive/index p50 ${(n50 / p50).toFixed(0)}x (goal ≥ 10x)`);
}
