/**
 * `npm run bench`: runs every benchmark module in the list, in order, in one process.
 * To add one: create bench/<name>.ts exporting `async function run(): Promise<void>` and add it
 * here. A benchmark prints its figures and never exits non-zero because of timing.
 */
export {};

interface BenchModule { run: () => Promise<void> }

const modules: [string, () => Promise<BenchModule>][] = [
  ['codes-load', () => import('./codes-load')],
  ['codes-search', () => import('./codes-search')],
  ['validate', () => import('./validate')],
  ['audit-writes', () => import('./audit-writes')],
  ['storage-writes', () => import('./storage-writes')],
  ['threads', () => import('./threads')],
  ['coedit', () => import('./coedit')],
  ['deid', () => import('./deid')]
];

const only = process.argv.slice(2);
for (const [name, load] of modules) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name}`);
  try {
    await (await load()).run();
  } catch (e) {
    console.error(`${name} failed:`, e);
    process.exitCode = 1;
  }
}
