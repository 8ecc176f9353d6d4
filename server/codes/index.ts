/**
 * Public API of the code-set core (pure: no HTTP, no database).
 *
 * Invariant: everything a server route or the CLI needs is exported from here; modules behind
 * it may change shape freely.
 */
export type {
  CodeSets, CodeYear, OrderEntry, HcpcsRecord, HcpcsSet, CodeChange, ExcludesNote, ExcludesSet,
  Finding, FindingSeverity, LoadReport, LoadedFileReport
} from './types';
export { loadCodeSets, verifyCodeSetFolder } from './load';
export { resolveCodeSetsDir, installTargetDir, DEFAULT_CODESETS_DIR } from './folder';
export { KNOWN_FILES } from './checksums';
export { normalizeCode, displayCode, CODE_FORMATS } from './normalize';
export { chapterOf, CHAPTERS, PCS_SECTIONS, type Chapter } from './chapters';
export { fiscalYearFor, fiscalYearRange } from './fiscal-year';
export { searchCodes, type SearchOptions, type SearchResult, type SearchSystem } from './search';
export { codeDetails, type CodeDetails, type CodeRef } from './details';
export { validateCodeLines, type ValidationFacts, type ValidationOptions } from './validate';
export { ABBREVIATIONS } from './abbreviations';
export { parseOrderFile } from './parse-order';
export { parseHcpcsFile, hcpcsValidOn } from './parse-hcpcs';
export { parseCsv } from './csv';
export { parseReference, referenceMatches } from './parse-excludes';
export { parseTabularXml, type Tabular, type TabularEntry, type TabularNotes } from './parse-tabular';
export { tabularView, tabularEntryFor } from './tabular-notes';
export { severityOf, codeLineSeverity, excludedByPrincipal } from './severity';
export { codeLineInfo } from './line-info';
export { withCodeFacts } from './result-facts';
export { excludesFor } from './excludes';
