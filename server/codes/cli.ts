/**
 * `npm run codesets -- <folder or .zip>`: verify the official code-set files by SHA-256, copy
 * the verified ones into the configured code-set folder (GRAYCASE_CODESETS_DIR, default
 * ./data/codesets) in the standard layout, then load them and print what was loaded.
 *
 * Invariants:
 * - Files are recognised by name (anywhere in the folder or zip) and accepted only when their
 *   checksum matches the known release; a mismatch is reported and the file is NOT copied.
 * - Nothing is written when a required file is missing or wrong (exit code 1).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KNOWN_FILES, knownByBasename } from './checksums';
import { installTargetDir } from './folder';
import { loadCodeSets } from './load';
import { codeSetFeatures } from './features';
import { readZip } from './zip';

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p)); else out.push(p);
  }
  return out;
}

export async function main(argv: string[]): Promise<number> {
  const source = argv[0];
  if (!source) {
    console.error('usage: npm run codesets -- <folder or .zip with the official code-set files>');
    return 2;
  }
  if (!existsSync(source)) {
    console.error(`${source}: no such folder or file`);
    return 2;
  }
  const members: { name: string; data: () => Buffer }[] = source.toLowerCase().endsWith('.zip')
    ? readZip(readFileSync(source)).map((m) => ({ name: m.name, data: () => m.data }))
    : listFiles(source).map((p) => ({ name: p, data: () => readFileSync(p) }));
  const accepted = new Map<string, Buffer>();
  for (const m of members) {
    const known = knownByBasename(path.basename(m.name));
    if (!known) continue;
    const data = m.data();
    const sum = createHash('sha256').update(data).digest('hex');
    if (sum === known.sha256) accepted.set(known.path, data);
    else console.log(`MISMATCH ${known.path}: SHA-256 ${sum}, expected ${known.sha256} (not copied)`);
  }
  let ok = true;
  for (const f of KNOWN_FILES) {
    const status = accepted.has(f.path) ? 'ok     ' : f.required ? 'MISSING' : 'absent ';
    console.log(`${status} ${f.path}${f.required ? '' : ' (optional)'}`);
    if (f.required && !accepted.has(f.path)) ok = false;
  }
  if (!ok) {
    console.error('A required file is missing or does not match; nothing was copied.');
    return 1;
  }
  const target = installTargetDir();
  for (const [rel, data] of accepted) {
    mkdirSync(path.dirname(path.join(target, rel)), { recursive: true });
    writeFileSync(path.join(target, rel), data);
  }
  console.log(`Copied ${accepted.size} verified files to ${target}`);
  const cs = await loadCodeSets(target);
  for (const y of cs.cm.values()) console.log(`ICD-10-CM FY${y.fy}: ${y.list.length} entries, ${y.list.filter((e) => e.billable).length} billable`);
  for (const y of cs.pcs.values()) console.log(`ICD-10-PCS FY${y.fy}: ${y.list.length} entries, ${y.list.filter((e) => e.billable).length} billable`);
  if (cs.hcpcs) console.log(`HCPCS ${cs.hcpcs.release}: ${cs.hcpcs.procedures.size} codes, ${cs.hcpcs.modifiers.size} modifiers`);
  if (cs.excludes) console.log(`Excludes notes FY${cs.excludes.fy}: ${[...cs.excludes.byCode.values()].reduce((n, l) => n + l.length, 0)} at codes, ${cs.excludes.blocks.length} blocks, ${cs.excludes.byChapter.size} chapters`);
  if (cs.tabular) console.log(`Tabular List FY${cs.tabular.fy}: ${cs.tabular.chapters.length} chapters, ${cs.tabular.sections.length} sections, ${cs.tabular.entries.size} entries`);
  if (cs.severity) console.log(`MS-DRG ${cs.severity.version}: ${cs.severity.level.size} CC/MCC codes, ${cs.severity.collections.size} PDX collections`);
  for (const f of codeSetFeatures(cs)) if (!f.on) console.log(`off: ${f.message}`);
  for (const w of cs.report.warnings) console.log(`warning: ${w}`);
  console.log(`Loaded in ${cs.report.ms} ms`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
