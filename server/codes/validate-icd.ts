/**
 * Per-line checks of ICD-10-CM and ICD-10-PCS codes against the fiscal year of the date of
 * service: unknown code, header used, missing 7th character / placeholder X, and codes valid
 * only in another fiscal year (added, deleted, billable → header).
 *
 * Invariants:
 * - Pure: reads loaded code sets only. Each check returns findings for exactly one line.
 * - The year used is the one the date of service falls in; when it is not loaded the nearest
 *   loaded year is used (the caller emits the 'fiscal-year-not-loaded' info once).
 * - Suggestions are display-form codes, billable only, in tabular order, at most 10.
 */
import { childrenOf, fiscalYearRange, subtreeEnd } from './fiscal-year';
import { CODE_FORMATS, displayCode, formatDate } from './normalize';
import { tabularView } from './tabular-notes';
import type { CodeLine, CodeSets, CodeYear, Finding } from './types';

/** The category's own 7th characters from the Tabular (`: A initial encounter for closed fracture, …`). */
function seventhMeanings(codeSets: CodeSets, code: string): string {
  if (!codeSets.tabular) return ' (the Tabular List is not installed, so its 7th-character meanings cannot be listed)';
  const s = tabularView(codeSets.tabular, code).sevenChr;
  if (!s) return '';
  return ` (7th characters at ${s.printedAt}: ${s.chars.map((c) => `${c.char} ${c.meaning}`).join('; ')})`;
}

const MAX_SUGGESTIONS = 10;

export function pickYear(years: Map<number, CodeYear>, fy: number): CodeYear | undefined {
  if (years.has(fy)) return years.get(fy);
  let best: CodeYear | undefined;
  for (const y of years.values()) if (!best || Math.abs(y.fy - fy) < Math.abs(best.fy - fy)) best = y;
  return best;
}

/**
 * Billable descendants of entry i, the closest first (E11 suggests E11.8 and E11.9 before
 * E11.00), then in tabular order: the nearest specific codes are what a coder looks for.
 */
function billableUnder(year: CodeYear, i: number, max = MAX_SUGGESTIONS): string[] {
  const found: number[] = [];
  const end = subtreeEnd(year, i);
  for (let j = i + 1; j < end; j++) if (year.list[j].billable) found.push(j);
  found.sort((a, b) => year.list[a].code.length - year.list[b].code.length || a - b);
  return found.slice(0, max).map((j) => displayCode(year.system, year.list[j].code));
}

/** A header whose direct children are all its code plus one 7th character. */
function needsSeventh(year: CodeYear, i: number): boolean {
  const code = year.list[i].code;
  const kids = childrenOf(year, i);
  return code.length === 6 && kids.length > 0 && kids.every((k) => year.list[k].code.length === 7);
}

/** Candidate codes with placeholder X inserted so that the code reaches 6 or 7 characters. */
function placeholderCandidates(code: string): string[] {
  const out: string[] = [];
  for (const target of [7, 6]) {
    const missing = target - code.length;
    if (missing <= 0) continue;
    // X's go after the category and before the last character (T36.0_1A, W19_A).
    for (let pos = 3; pos < code.length; pos++) {
      out.push(code.slice(0, pos) + 'X'.repeat(missing) + code.slice(pos));
    }
  }
  return out;
}

function fyLabel(fy: number): string {
  const r = fiscalYearRange(fy);
  return `FY${fy} (${formatDate(r.start)} – ${formatDate(r.end)})`;
}

export function checkIcdLine(codeSets: CodeSets, line: CodeLine, code: string, year: CodeYear, dos: string): Finding | null {
  const system = year.system;
  const shown = displayCode(system, code);
  const ids = [line.id];
  const years = system === 'ICD-10-CM' ? codeSets.cm : codeSets.pcs;
  const i = year.index.get(code);
  if (i !== undefined) {
    const e = year.list[i];
    if (e.billable) return null;
    if (system === 'ICD-10-CM' && needsSeventh(year, i)) {
      return {
        rule: 'seventh-character', severity: 'error', lineIds: ids,
        message: `${shown} needs a 7th character${seventhMeanings(codeSets, code)}; pick the full code.`,
        suggestions: billableUnder(year, i)
      };
    }
    const change = codeSets.changes.get(code)?.find((c) => c.kind === 'billable-to-header' && c.fy === year.fy);
    if (change) {
      return {
        rule: 'not-valid-for-date', severity: 'error', lineIds: ids,
        message: `${shown} was billable until Sep 30 ${year.fy - 1} but is a header in ${fyLabel(year.fy)}, which contains the date of service ${formatDate(dos)}; use a more specific code.`,
        suggestions: billableUnder(year, i)
      };
    }
    return {
      rule: 'header-code', severity: 'error', lineIds: ids,
      message: `${shown} (${e.long}) is a header, not valid for submission; use one of the more specific codes under it.`,
      suggestions: billableUnder(year, i)
    };
  }
  // Not in this year: valid in another loaded year?
  for (const other of years.values()) {
    if (other === year) continue;
    const j = other.index.get(code);
    if (j === undefined) continue;
    const later = other.fy > year.fy;
    const message = later
      ? `${shown} is new in ${fyLabel(other.fy)}; it cannot be used for the date of service ${formatDate(dos)}, which falls in FY${year.fy}.`
      : `${shown} was deleted at the end of FY${other.fy} and is not valid in ${fyLabel(year.fy)}, which contains the date of service ${formatDate(dos)}.`;
    let suggestions: string[] = [];
    for (let len = code.length - 1; len >= 3 && suggestions.length === 0; len--) {
      const p = year.index.get(code.slice(0, len));
      if (p !== undefined) suggestions = billableUnder(year, p);
    }
    return { rule: 'not-valid-for-date', severity: 'error', lineIds: ids, message, suggestions };
  }
  if (system === 'ICD-10-CM') {
    for (const cand of placeholderCandidates(code)) {
      const j = year.index.get(cand);
      if (j === undefined) continue;
      const s = year.list[j].billable ? [displayCode(system, cand)] : billableUnder(year, j);
      if (s.length === 0) continue;
      return {
        rule: 'placeholder-x', severity: 'error', lineIds: ids,
        message: `${shown} is not a code: it is missing the placeholder X that fills the empty positions before the ${year.list[j].billable ? '7th character' : 'last characters'}; did you mean ${s[0]}?`,
        suggestions: s
      };
    }
  }
  const format = system === 'ICD-10-CM' ? CODE_FORMATS['ICD-10-CM'] : CODE_FORMATS['ICD-10-PCS'];
  let suggestions: string[] = [];
  let nearest = '';
  for (let len = code.length - 1; len >= 3 && suggestions.length === 0; len--) {
    const p = year.index.get(code.slice(0, len));
    if (p !== undefined) { suggestions = billableUnder(year, p); nearest = displayCode(system, code.slice(0, len)); }
  }
  return {
    rule: 'unknown-code', severity: 'error', lineIds: ids,
    message: format.test(code) || system === 'ICD-10-PCS'
      ? `${shown} is not an ${system} code in FY${year.fy}${nearest ? `; the closest existing entry is ${nearest}` : ''}.`
      : `${shown} does not have the shape of an ${system} code (${system === 'ICD-10-CM' ? 'a letter, a digit, then 1 to 5 characters, e.g. E11.9' : '7 letters or digits'}).`,
    suggestions
  };
}
