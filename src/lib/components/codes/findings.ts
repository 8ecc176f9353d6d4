/** Grouping and presentation of validation findings (pure, shared by the table and the editor). */
import type { FindingDto, ValidationDto } from '$lib/protocol/codes';

export const SEVERITY = {
  error: { icon: '✕', label: 'Error', text: 'text-red-800', box: 'border-red-200 bg-red-50', dot: 'bg-red-600' },
  warning: { icon: '!', label: 'Warning', text: 'text-amber-900', box: 'border-amber-200 bg-amber-50', dot: 'bg-amber-500' },
  suggestion: { icon: '+', label: 'Suggestion', text: 'text-violet-900', box: 'border-violet-200 bg-violet-50', dot: 'bg-violet-600' },
  info: { icon: 'i', label: 'Note', text: 'text-sky-900', box: 'border-sky-200 bg-sky-50', dot: 'bg-sky-600' }
} as const;

const ORDER = { error: 0, warning: 1, suggestion: 2, info: 3 } as const;

/** Findings per line id (a finding on several lines appears under each) and those on no line. */
export function groupFindings(findings: FindingDto[]): { byLine: Map<string, FindingDto[]>; general: FindingDto[] } {
  const byLine = new Map<string, FindingDto[]>();
  const general: FindingDto[] = [];
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  for (const f of sorted) {
    if (!f.lineIds.length) { general.push(f); continue; }
    for (const id of f.lineIds) byLine.set(id, [...(byLine.get(id) ?? []), f]);
  }
  return { byLine, general };
}

export function countFindings(v: ValidationDto | null | undefined): { errors: number; warnings: number; suggestions: number; infos: number } {
  const fs = v?.findings ?? [];
  return {
    errors: fs.filter((f) => f.severity === 'error').length,
    warnings: fs.filter((f) => f.severity === 'warning').length,
    suggestions: fs.filter((f) => f.severity === 'suggestion').length,
    infos: fs.filter((f) => f.severity === 'info').length
  };
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export type SuggestionTarget = 'code' | 'poa' | 'role';
/**
 * Which field of the line a rule's suggestions fill. FindingDto does not say, so the few rules
 * whose suggestions are not codes are named here (server/codes/validate.ts).
 */
export function suggestionTarget(rule: string): SuggestionTarget {
  if (rule === 'poa-missing') return 'poa';
  if (rule === 'role-setting-mismatch' || rule === 'manifestation-first') return 'role';
  return 'code';
}
export const suggestionLabel = (target: SuggestionTarget, value: string) =>
  target === 'poa' ? `POA ${value}` : target === 'role' ? value.replace(/-/g, ' ') : value;

/** Badge text and colours of a CC/MCC level (MS-DRG), shared by the code lines and search. */
export const SEVERITY_BADGE = {
  MCC: { label: 'MCC', cls: 'bg-rose-100 text-rose-900' },
  CC: { label: 'CC', cls: 'bg-orange-100 text-orange-900' }
} as const;

export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${d} ${y}`;
}

/** "at this code", "from Chapter 4", "from the section E08-E13", "from the category E11". */
export function noteSource(from: string, printedAt: string): string {
  if (from === 'code') return 'at this code';
  if (from === 'chapter') return `from ${printedAt}`;
  if (from === 'section' || from === 'block') return `from the section ${printedAt.replace(/^(Block|Section) /, '')}`;
  return `from the ${from} ${printedAt}`;
}
