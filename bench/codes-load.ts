/**
 * Benchmark: load every code set, the Tabular XML and MS-DRG tables included (goal < 4 s and
 * < 300 MB heap). Same-run baseline: a folder with only the required files (order files and
 * HCPCS), loaded right after; the ratio says what the optional files cost. Also times the
 * Tabular and 6K parsers alone. Never fails on timing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { KNOWN_FILES, loadCodeSets, parseTabularXml, resolveCodeSetsDir } from '../server/codes/index';
import { emptySeverityTables, parseCcExclusions } from '../server/codes/parse-msdrg';

export const name = 'codes-load';

function requiredOnly(dir: string): string {
  const tmp = mkdtempSync(path.join(tmpdir(), 'graycase-bench-'));
  for (const f of KNOWN_FILES.filter((k) => k.required)) {
    mkdirSync(path.dirname(path.join(tmp, f.path)), { recursive: true });
    symlinkSync(path.join(dir, f.path), path.join(tmp, f.path));
  }
  return tmp;
}

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const v = fn();
  return [v, performance.now() - t0];
}

export async function run(): Promise<void> {
  const dir = process.env.GRAYCASE_SHARED_DATA ?? resolveCodeSetsDir() ?? path.resolve('../shared/data');
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  // The longest time the event loop was blocked during the load: what a server loading its code
  // sets at boot makes a request wait (the whole load was one 4-14 s block before it yielded).
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const t0 = performance.now();
  const cs = await loadCodeSets(dir);
  const ms = performance.now() - t0;
  delay.disable();
  globalThis.gc?.();
  const heapMb = process.memoryUsage().heapUsed / 1048576;
  const counts = [...cs.cm.values()].map((y) => `CM FY${y.fy} ${y.list.length}`).concat(
    [...cs.pcs.values()].map((y) => `PCS FY${y.fy} ${y.list.length}`), [`HCPCS ${cs.hcpcs?.procedures.size ?? 0}+${cs.hcpcs?.modifiers.size ?? 0} mod`],
    [`Tabular ${cs.tabular?.entries.size ?? 0} entries`, `MS-DRG ${cs.severity?.level.size ?? 0} CC/MCC`]);
  console.log(`codes-load: ${ms.toFixed(0)} ms (goal < 4000), heap ${heapMb.toFixed(0)} MB total, +${((process.memoryUsage().heapUsed - before) / 1048576).toFixed(0)} MB for code sets (goal < 300)`);
  console.log(`  longest event-loop block during the load: ${(delay.max / 1e6).toFixed(0)} ms (${((delay.max / 1e6) / ms * 100).toFixed(0)}% of the load)`);
  console.log(`  phases (ms): ${Object.entries(cs.report.phases ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  ${counts.join(', ')}; rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
  (globalThis as { __codeSets?: unknown }).__codeSets = cs; // reused by codes-search in the same run

  const base = requiredOnly(dir);
  try {
    const b0 = performance.now();
    await loadCodeSets(base);
    const baseMs = performance.now() - b0;
    console.log(`  baseline (required files only, same run): ${baseMs.toFixed(0)} ms; everything / baseline = ${(ms / baseMs).toFixed(2)}x`);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  const xml = readFileSync(path.join(dir, 'icd10cm/tabular/icd10cm-tabular-April-1-2026.xml'), 'utf8');
  const [, tabMs] = timed(() => parseTabularXml(xml));
  const [, scanMs] = timed(() => xml.split('<diag>').length); // floor: one pass over the text
  const k6 = readFileSync(path.join(dir, 'ms-drg/fy2026/table-6K-cc-exclusions.txt'), 'latin1');
  const [, k6Ms] = timed(() => parseCcExclusions(k6, emptySeverityTables(), '6K'));
  console.log(`  Tabular XML parse ${tabMs.toFixed(0)} ms (${(tabMs / Math.max(scanMs, 0.1)).toFixed(0)}x a plain split over the same text, ${scanMs.toFixed(1)} ms); Table 6K parse ${k6Ms.toFixed(0)} ms`);
}
