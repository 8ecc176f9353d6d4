/**
 * The difference between two code sets in coder terms: lines added, removed, changed (a field
 * such as POA or modifiers, or the code itself within its category: E11.9 → E11.22),
 * resequenced, and the principal / first-listed diagnosis changed. Pure.
 *
 * Lines are matched by system and code, not by id: two coders coding blind produce different
 * ids for the same code, and a coder thinks "N39.0 is still there", not "line 3 is".
 * Counting rule used by the statistics (docs/ARCHITECTURE.md "Quality statistics"):
 * codes reviewed = proposed lines + lines added; codes unchanged = proposed lines that are in
 * the final set with the same role, POA, modifiers and units. A move alone is not an error.
 */
import { normalizeCode } from '../../src/lib/protocol/codes';
import type { CodeLine } from '../../src/lib/protocol/encounters';

export type DiffKind = 'added' | 'removed' | 'changed' | 'resequenced' | 'principal-changed';
export interface LineBrief { id: string; system: CodeLine['system']; code: string; role: CodeLine['role']; poa: string | null; modifiers: string[]; position: number }
export interface DiffEntry { key: string; kind: DiffKind; before: LineBrief | null; after: LineBrief | null; fields: string[] }
export interface CodeSetDiff { entries: DiffEntry[]; codesReviewed: number; codesUnchanged: number; changed: boolean }

const FIELDS = ['role', 'poa', 'modifiers', 'units'] as const;
const keyOf = (l: CodeLine) => `${l.system}:${normalizeCode(l.code)}`;
const categoryOf = (l: CodeLine) => `${l.system}:${normalizeCode(l.code).slice(0, 3)}`;
const isFirst = (l: CodeLine) => l.role === 'principal' || l.role === 'first-listed';

function brief(l: CodeLine, position: number): LineBrief {
  return { id: l.id, system: l.system, code: l.code, role: l.role, poa: l.poa ?? null, modifiers: [...(l.modifiers ?? [])].sort(), position };
}

function fieldsDiffer(a: CodeLine, b: CodeLine): string[] {
  return FIELDS.filter((f) => {
    const x = f === 'modifiers' ? [...(a.modifiers ?? [])].sort() : (a[f] ?? null);
    const y = f === 'modifiers' ? [...(b.modifiers ?? [])].sort() : (b[f] ?? null);
    return JSON.stringify(x) !== JSON.stringify(y);
  });
}

/** Length of the longest common subsequence: fewer kept-in-order lines than matched ones means a move. */
function lcs(a: string[], b: string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) {
    dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  }
  return dp[0]![0]!;
}

export function diffCodeSets(before: CodeLine[], after: CodeLine[]): CodeSetDiff {
  const entries: DiffEntry[] = [];
  const afterByKey = new Map<string, { line: CodeLine; pos: number }>();
  after.forEach((l, pos) => { if (!afterByKey.has(keyOf(l))) afterByKey.set(keyOf(l), { line: l, pos }); });
  const matched = new Set<string>();
  const removed: { line: CodeLine; pos: number }[] = [];
  let unchanged = 0;
  before.forEach((l, pos) => {
    const other = afterByKey.get(keyOf(l));
    if (!other || matched.has(keyOf(l))) { removed.push({ line: l, pos }); return; }
    matched.add(keyOf(l));
    const fields = fieldsDiffer(l, other.line);
    if (fields.length === 0) unchanged++;
    else entries.push({ key: `changed:${keyOf(l)}`, kind: 'changed', before: brief(l, pos), after: brief(other.line, other.pos), fields });
  });
  const added = after.map((line, pos) => ({ line, pos })).filter(({ line }) => !matched.has(keyOf(line)));
  // A removed and an added line of the same category and role read as one changed code.
  for (const r of [...removed]) {
    const i = added.findIndex((a) => categoryOf(a.line) === categoryOf(r.line) && a.line.role === r.line.role);
    if (i < 0) continue;
    const [a] = added.splice(i, 1);
    removed.splice(removed.indexOf(r), 1);
    entries.push({ key: `changed:${keyOf(r.line)}`, kind: 'changed', before: brief(r.line, r.pos), after: brief(a!.line, a!.pos), fields: ['code', ...fieldsDiffer(r.line, a!.line)] });
  }
  for (const r of removed) entries.push({ key: `removed:${keyOf(r.line)}`, kind: 'removed', before: brief(r.line, r.pos), after: null, fields: [] });
  for (const a of added) entries.push({ key: `added:${keyOf(a.line)}`, kind: 'added', before: null, after: brief(a.line, a.pos), fields: [] });

  const kept = [...matched];
  const order = (lines: CodeLine[]) => lines.map(keyOf).filter((k) => matched.has(k));
  if (kept.length > 1 && lcs(order(before), order(after)) < kept.length) {
    const a = order(before), b = order(after);
    for (const k of kept) {
      if (a.indexOf(k) === b.indexOf(k)) continue;
      const from = before.findIndex((l) => keyOf(l) === k), to = after.findIndex((l) => keyOf(l) === k);
      entries.push({ key: `resequenced:${k}`, kind: 'resequenced', before: brief(before[from]!, from), after: brief(after[to]!, to), fields: ['position'] });
    }
  }
  const p0 = before.find(isFirst), p1 = after.find(isFirst);
  if ((p0 ? keyOf(p0) : null) !== (p1 ? keyOf(p1) : null)) {
    entries.push({ key: 'principal', kind: 'principal-changed', before: p0 ? brief(p0, before.indexOf(p0)) : null, after: p1 ? brief(p1, after.indexOf(p1)) : null, fields: ['principal'] });
  }
  return { entries, codesReviewed: before.length + added.length, codesUnchanged: unchanged, changed: entries.length > 0 };
}
