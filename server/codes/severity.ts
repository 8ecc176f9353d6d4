/**
 * CC / MCC severity of diagnoses (MS-DRG v43, FY2026 tables 6I, 6J, 6K).
 *
 * Invariants:
 * - Pure: reads the loaded tables only. `severityOf` is the per-code level (for search results
 *   and details); `codeLineSeverity` is the per-encounter view: for an inpatient stay each
 *   secondary diagnosis is CC, MCC, or "CC excluded by the principal diagnosis" (the principal
 *   is in the secondary's PDX collection, Table 6K), and the highest level that counts.
 * - Only secondary diagnoses count; the principal's own level never does (CMS rule).
 * - Live-discharge-only MCC rules are in the Definitions Manual (not staged) and not applied;
 *   the message says so when an MCC counts.
 * - FY2027 dates are answered with the v43 tables and say that v44 is not loaded.
 */
import type { LineSeverityDto, SeveritySummaryDto } from '../../src/lib/protocol/codes';
import { fiscalYearFor } from './fiscal-year';
import { displayCode, normalizeCode } from './normalize';
import type { SeverityLevel, SeverityTables } from './parse-msdrg';
import type { CodeLine, CodeSets, Setting } from './types';

/**
 * CC/MCC level of an ICD-10-CM code as a secondary diagnosis, or null (non-CC, or tables off).
 * Part B: search results fill `severity` with `severityOf(codeSets, code)` for ICD-10-CM.
 */
export function severityOf(codeSets: Pick<CodeSets, 'severity'>, code: string): SeverityLevel | null {
  return codeSets.severity?.level.get(normalizeCode('ICD-10-CM', code)) ?? null;
}

function contains(sorted: Int32Array, id: number): boolean {
  let lo = 0, hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === id) return true;
    if (sorted[mid] < id) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}

/** True when principal diagnosis `pdx` excludes secondary `sdx` as a CC/MCC (Table 6K). */
export function excludedByPrincipal(t: SeverityTables, sdx: string, pdx: string): boolean {
  const n = t.collectionOf.get(sdx);
  const id = t.codeIds.get(pdx);
  if (n === undefined || id === undefined) return false;
  const col = t.collections.get(n);
  return col !== undefined && contains(col, id);
}

export const SEVERITY_OFF_MESSAGE = 'CC/MCC severity is off: the MS-DRG tables (ms-drg/fy2026) are not installed.';

export function codeLineSeverity(codeSets: Pick<CodeSets, 'severity'>, facts: { setting: Setting; dateOfService: string }, lines: CodeLine[]): SeveritySummaryDto {
  const t = codeSets.severity;
  if (!t) return { state: 'off', tables: null, highest: null, message: SEVERITY_OFF_MESSAGE, lines: [] };
  if (facts.setting !== 'inpatient') {
    return { state: 'not-inpatient', tables: `MS-DRG ${t.version}`, highest: null, message: 'CC/MCC severity applies to inpatient stays only.', lines: [] };
  }
  const fy = fiscalYearFor(facts.dateOfService);
  const dx = lines.filter((l) => l.system === 'ICD-10-CM');
  const principal = dx.find((l) => l.role === 'principal');
  const pdx = principal ? normalizeCode('ICD-10-CM', principal.code) : null;
  const out: LineSeverityDto[] = [];
  let highest: 'none' | SeverityLevel = 'none';
  for (const l of dx) {
    if (l.role !== 'secondary') continue;
    const code = normalizeCode('ICD-10-CM', l.code);
    const level = t.level.get(code) ?? null;
    if (!level) { out.push({ lineId: l.id, level: null, excluded: false, message: `${displayCode('ICD-10-CM', code)} is not a CC or MCC.` }); continue; }
    const excluded = pdx !== null && excludedByPrincipal(t, code, pdx);
    const shown = displayCode('ICD-10-CM', code);
    if (excluded) {
      out.push({ lineId: l.id, level, excluded: true, excludedBy: displayCode('ICD-10-CM', pdx!),
        message: `${shown} is ${article(level)} ${level}, but the principal diagnosis ${displayCode('ICD-10-CM', pdx!)} excludes it (Table 6K PDX collection ${String(t.collectionOf.get(code)).padStart(4, '0')}): it counts as a non-CC.` });
      continue;
    }
    out.push({ lineId: l.id, level, excluded: false, message: `${shown} is ${article(level)} ${level} as a secondary diagnosis.` });
    if (level === 'MCC') highest = 'MCC';
    else if (highest === 'none') highest = 'CC';
  }
  const label = highest === 'none' ? 'no CC or MCC' : highest === 'MCC' ? 'an MCC' : 'a CC';
  const version = fy >= 2027
    ? ` The MS-DRG v44 (FY2027) tables are not loaded: levels are those of ${t.version} (FY${t.fy}) and may differ for this date of service.`
    : '';
  const noPdx = principal ? '' : ' There is no principal diagnosis, so exclusions by the principal diagnosis are not checked.';
  return {
    state: 'ready', tables: `MS-DRG ${t.version}`, highest, lines: out,
    message: `Highest severity among the secondary diagnoses: ${label}.${noPdx}${version}`,
    ...(version ? { versionNote: version.trim() } : {})
  };
}

const article = (level: SeverityLevel) => (level === 'MCC' ? 'an' : 'a');
