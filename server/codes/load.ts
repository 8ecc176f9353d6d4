/**
 * Loading a code-set folder into memory (`loadCodeSets`) and checking it (`verifyCodeSetFolder`).
 *
 * Invariants:
 * - Required files (ICD-10-CM order, ICD-10-PCS order, HCPCS) must exist or loading throws.
 *   Optional files degrade gracefully: no change lists → only FY2026; no Excludes → no
 *   Excludes notes or conflicts; each omission is a warning in the report.
 * - A checksum mismatch is a warning, not a failure: a site may load a corrected release; the
 *   report says so plainly so an admin can decide.
 * - FY2027 = FY2026 + change lists; the totals in the README (98,403 / 74,879 / 23,524) are
 *   asserted by the tests, not at runtime.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { FILES, KNOWN_FILES } from './checksums';
import { applyChanges, buildYear } from './fiscal-year';
import { parseAddedCsv, parseBillableChangesCsv, parseDeletedCsv, parseRevisedCsv } from './parse-changes';
import { emptyExcludes, parseExcludesCsv } from './parse-excludes';
import { parseHcpcsFile } from './parse-hcpcs';
import { parseOrderFile } from './parse-order';
import { parseTabularXml, type Tabular } from './parse-tabular';
import { excludesFromTabular } from './tabular-notes';
import { emptySeverityTables, parseCcExclusions, parseSeverityList, type SeverityTables } from './parse-msdrg';
import { buildSearchIndexes } from './search';
import type { CodeChange, CodeSets, CodeYear, ExcludesSet, LoadedFileReport } from './types';

async function readMaybe(file: string): Promise<Buffer | null> {
  try { return await readFile(file); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function sha256(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

function countRows(rel: string, buf: Buffer): number {
  let lines = 0;
  for (const line of buf.toString('latin1').split('\n')) if (line.trim() !== '') lines++;
  return rel.endsWith('.csv') ? Math.max(0, lines - 1) : lines;
}

/** Check every known file of a folder: present, checksum, rows (non-blank lines, CSV minus header). */
export async function verifyCodeSetFolder(dir: string): Promise<LoadedFileReport[]> {
  return Promise.all(KNOWN_FILES.map(async (f): Promise<LoadedFileReport> => {
    const buf = await readMaybe(path.join(dir, f.path));
    if (!buf) return { path: f.path, required: f.required, found: false, shaOk: null, rows: 0 };
    const sum = sha256(buf);
    return { path: f.path, required: f.required, found: true, shaOk: sum === f.sha256, sha256: sum, rows: countRows(f.path, buf) };
  }));
}

export async function loadCodeSets(dir: string): Promise<CodeSets> {
  const t0 = performance.now();
  // Milliseconds per phase, for the load benchmark (reading files is in `read`).
  const phases: Record<string, number> = {};
  let mark = t0;
  // After each phase the event loop runs (setImmediate), so that a server loading its code sets
  // at boot keeps answering: the phases are up to ~1 s of CPU each, the whole load several.
  const lap = async (name: string) => {
    const now = performance.now(); phases[name] = Math.round(now - mark);
    await yieldToEventLoop();
    mark = performance.now();
  };
  const wanted = KNOWN_FILES.filter((f) => f.loaded);
  const bufs = new Map<string, Buffer | null>();
  await Promise.all(wanted.map(async (f) => { bufs.set(f.path, await readMaybe(path.join(dir, f.path))); }));
  const files: LoadedFileReport[] = [];
  const warnings: string[] = [];
  for (const f of wanted) {
    const buf = bufs.get(f.path) ?? null;
    if (!buf) {
      if (f.required) throw new Error(`Code-set folder ${dir} is missing the required file ${f.path}`);
      warnings.push(`Optional file ${f.path} is missing; the features it feeds are off.`);
      files.push({ path: f.path, required: f.required, found: false, shaOk: null, rows: 0 });
      continue;
    }
    const sum = sha256(buf);
    if (sum !== f.sha256) warnings.push(`${f.path} differs from the known release (SHA-256 ${sum}); loaded anyway.`);
    files.push({ path: f.path, required: f.required, found: true, shaOk: sum === f.sha256, sha256: sum, rows: 0 });
  }
  const text = (p: string, enc: BufferEncoding = 'latin1') => bufs.get(p)?.toString(enc) ?? null;
  const setRows = (p: string, rows: number, note?: string) => {
    const r = files.find((x) => x.path === p)!;
    r.rows = rows;
    if (note) r.note = note;
  };

  await lap('read');
  const cmEntries = parseOrderFile(text(FILES.cmOrder)!, FILES.cmOrder);
  setRows(FILES.cmOrder, cmEntries.length);
  const cm = new Map<number, CodeYear>([[2026, buildYear('ICD-10-CM', 2026, cmEntries)]]);

  const changes = new Map<string, CodeChange[]>();
  const changeFiles = [
    [FILES.added, parseAddedCsv], [FILES.deleted, parseDeletedCsv],
    [FILES.revised, parseRevisedCsv], [FILES.billableChanges, parseBillableChangesCsv]
  ] as const;
  if (changeFiles.every(([p]) => bufs.get(p))) {
    const all: CodeChange[] = [];
    for (const [p, parse] of changeFiles) {
      const list = parse(text(p, 'utf8')!, 2027);
      setRows(p, list.length);
      all.push(...list);
    }
    for (const ch of all) {
      const l = changes.get(ch.code) ?? [];
      l.push(ch);
      changes.set(ch.code, l);
    }
    cm.set(2027, applyChanges(cm.get(2026)!, all, 2027));
  } else {
    warnings.push('FY2027 change lists incomplete: only ICD-10-CM FY2026 is loaded.');
  }

  await lap('icd10cm');
  let excludes: ExcludesSet | null = null;
  for (const p of [FILES.excludes1, FILES.excludes2]) {
    const t = text(p, 'utf8');
    if (!t) continue;
    excludes ??= emptyExcludes(2027);
    setRows(p, parseExcludesCsv(t, excludes, p));
  }

  await lap('excludes');
  let tabular: Tabular | null = null;
  const tabularXml = text(FILES.tabular, 'utf8');
  if (tabularXml) {
    tabular = parseTabularXml(tabularXml, FILES.tabular);
    setRows(FILES.tabular, tabular.entries.size, `${tabular.chapters.length} chapters, ${tabular.sections.length} sections, ${tabular.entries.size} entries`);
  }

  await lap('tabular');
  let severity: SeverityTables | null = null;
  const mcc = text(FILES.mcc), cc = text(FILES.cc);
  if (mcc && cc) {
    severity = emptySeverityTables();
    setRows(FILES.mcc, parseSeverityList(mcc, 'MCC', severity.level, FILES.mcc));
    setRows(FILES.cc, parseSeverityList(cc, 'CC', severity.level, FILES.cc));
    const excl = text(FILES.ccExclusions);
    if (excl) setRows(FILES.ccExclusions, parseCcExclusions(excl, severity, FILES.ccExclusions), `${severity.collections.size} PDX collections`);
    else warnings.push('Table 6K is missing: CC/MCC levels are shown without exclusion by the principal diagnosis.');
  } else if (mcc || cc) {
    warnings.push('Tables 6I and 6J are both needed for CC/MCC severity; severity is off.');
  }

  await lap('msdrg');
  const pcsEntries = parseOrderFile(text(FILES.pcsOrder)!, FILES.pcsOrder);
  setRows(FILES.pcsOrder, pcsEntries.length);
  const pcs = new Map<number, CodeYear>([[2026, buildYear('ICD-10-PCS', 2026, pcsEntries)]]);

  const hcpcs = parseHcpcsFile(text(FILES.hcpcs)!, '2026-01');
  setRows(FILES.hcpcs, hcpcs.procedures.size + hcpcs.modifiers.size,
    `${hcpcs.procedures.size} procedure codes, ${hcpcs.modifiers.size} modifiers`);
  await lap('pcs+hcpcs');
  const search = await buildSearchIndexes(cm, pcs, hcpcs, { tabular, pcsIndexCsv: text(FILES.pcsIndex, 'utf8') }, yieldToEventLoop);
  bufs.clear();
  await lap('search');
  const tabularExcludes = tabular ? excludesFromTabular(tabular) : null;
  await lap('tabular-excludes');
  return { cm, pcs, hcpcs, changes, excludes, tabular, tabularExcludes, severity, search, report: { dir, files, warnings, ms: Math.round(performance.now() - t0), phases } };
}
