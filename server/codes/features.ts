/**
 * Which optional code-set features are on, from what was loaded. The required files (order
 * files, HCPCS) are checked by the loader; everything here only adds features, and the status
 * endpoint, the server log and the CLI name what is off and which files turn it on.
 */
import type { CodeSetFeatureDto } from '../../src/lib/protocol/codes';
import type { CodeSets } from './types';

/** Optional features and whether their files were loaded: the server runs without any of them. */
export function codeSetFeatures(cs: CodeSets): CodeSetFeatureDto[] {
  const has = (p: string) => cs.report.files.some((f) => f.path === p && f.found);
  return [
    cs.tabular
      ? { feature: 'tabular-notes', on: true, message: `Tabular List FY${cs.tabular.fy}: inclusion terms, Includes, Excludes, Code first, Use additional code, Code also and 7th characters are on.` }
      : { feature: 'tabular-notes', on: false, message: 'The Tabular List XML (icd10cm/tabular) is not installed: Tabular notes and the rules from them are off; FY2026 Excludes come from the FY2027 extract.' },
    cs.cm.has(2027)
      ? { feature: 'fy2027', on: true, message: 'ICD-10-CM FY2027 changes are loaded.' }
      : { feature: 'fy2027', on: false, message: 'The FY2027 change lists are not installed: only ICD-10-CM FY2026 is loaded.' },
    cs.excludes
      ? { feature: 'excludes-fy2027', on: true, message: 'The FY2027 Excludes extract is loaded.' }
      : { feature: 'excludes-fy2027', on: false, message: 'The FY2027 Excludes extract is not installed: FY2027 dates use the FY2026 Tabular Excludes.' },
    cs.severity
      ? { feature: 'severity', on: true, message: `MS-DRG ${cs.severity.version} CC/MCC tables are loaded${cs.severity.collections.size ? ' with CC exclusions (Table 6K)' : ' without Table 6K (no exclusion by the principal diagnosis)'}.` }
      : { feature: 'severity', on: false, message: 'The MS-DRG tables (ms-drg/fy2026) are not installed: CC/MCC severity is off.' },
    has('icd10pcs/index/pcs-index-main-terms-fy2025.csv')
      ? { feature: 'pcs-index', on: true, message: 'The ICD-10-PCS Index main terms are installed.' }
      : { feature: 'pcs-index', on: false, message: 'The ICD-10-PCS Index main terms are not installed: procedures are found by table words only.' }
  ];
}
