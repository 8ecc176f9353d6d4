/** Benchmark: load every code set (goal < 3 s and < 300 MB heap). Never fails on timing. */
import path from 'node:path';
import { loadCodeSets, resolveCodeSetsDir } from '../server/codes/index';

export const name = 'codes-load';

export async function run(): Promise<void> {
  const dir = process.env.GRAYCASE_SHARED_DATA ?? resolveCodeSetsDir() ?? path.resolve('../shared/data');
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const cs = await loadCodeSets(dir);
  const ms = performance.now() - t0;
  globalThis.gc?.();
  const heapMb = process.memoryUsage().heapUsed / 1048576;
  const counts = [...cs.cm.values()].map((y) => `CM FY${y.fy} ${y.list.length}`).concat(
    [...cs.pcs.values()].map((y) => `PCS FY${y.fy} ${y.list.length}`), [`HCPCS ${cs.hcpcs?.procedures.size ?? 0}+${cs.hcpcs?.modifiers.size ?? 0} mod`]);
  console.log(`codes-load: ${ms.toFixed(0)} ms (goal < 3000), heap ${heapMb.toFixed(0)} MB total, +${((process.memoryUsage().heapUsed - before) / 1048576).toFixed(0)} MB for code sets (goal < 300)`);
  console.log(`  ${counts.join(', ')}; rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
  (globalThis as { __codeSets?: unknown }).__codeSets = cs; // reused by codes-search in the same run
}
