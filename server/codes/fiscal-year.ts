/**
 * Fiscal years of ICD-10-CM / ICD-10-PCS and the derivation of FY2027 from FY2026.
 *
 * Invariants:
 * - FY N runs from Oct 1 of N-1 to Sep 30 of N (`fiscalYearFor('2026-10-01') === 2027`).
 * - `buildYear` computes each entry's parent as the longest proper prefix present in the same
 *   year (this reproduces the tabular hierarchy, README "Parent of a code").
 * - `applyChanges` never mutates the previous year: unchanged entries are the SAME objects in
 *   both years (memory is shared), changed entries are new objects. Added entries are placed in
 *   tabular order under their parent: after the last existing descendant of the nearest
 *   preceding sibling in ASCII order (the change lists carry no order numbers; for the
 *   FY2027 additions, which are numeric or appended letter codes, this matches the tabular).
 */
import type { CodeChange, CodeYear, OrderEntry } from './types';

export function fiscalYearFor(dateOfService: string): number {
  const y = Number(dateOfService.slice(0, 4));
  const m = Number(dateOfService.slice(5, 7));
  return m >= 10 ? y + 1 : y;
}

/** First and last day of a fiscal year, ISO. */
export function fiscalYearRange(fy: number): { start: string; end: string } {
  return { start: `${fy - 1}-10-01`, end: `${fy}-09-30` };
}

export function buildYear(system: CodeYear['system'], fy: number, list: OrderEntry[]): CodeYear {
  const index = new Map<string, number>();
  for (let i = 0; i < list.length; i++) index.set(list[i].code, i);
  const parent = new Int32Array(list.length).fill(-1);
  for (let i = 0; i < list.length; i++) {
    const c = list[i].code;
    for (let len = c.length - 1; len >= 1; len--) {
      const p = index.get(c.slice(0, len));
      if (p !== undefined) { parent[i] = p; break; }
    }
  }
  return { system, fy, list, index, parent };
}

/** Index one past the last descendant of entry i (descendants are contiguous in tabular order). */
export function subtreeEnd(year: CodeYear, i: number): number {
  const code = year.list[i].code;
  let j = i + 1;
  while (j < year.list.length && year.list[j].code.startsWith(code)) j++;
  return j;
}

/** Direct children of entry i in tabular order. */
export function childrenOf(year: CodeYear, i: number): number[] {
  const out: number[] = [];
  const end = subtreeEnd(year, i);
  for (let j = i + 1; j < end; j++) if (year.parent[j] === i) out.push(j);
  return out;
}

/** Parent chain, root first, excluding the entry itself. */
export function ancestorsOf(year: CodeYear, i: number): number[] {
  const out: number[] = [];
  for (let p = year.parent[i]; p >= 0; p = year.parent[p]) out.push(p);
  return out.reverse();
}

/**
 * Apply a change list to a year and return the next year. Deleted entries disappear,
 * revised and billable-status changes get new objects, added entries are inserted.
 */
export function applyChanges(prev: CodeYear, changes: CodeChange[], fy: number): CodeYear {
  const deleted = new Set<string>();
  const replaced = new Map<string, OrderEntry>();
  const added: OrderEntry[] = [];
  for (const ch of changes) {
    if (ch.kind === 'deleted') { deleted.add(ch.code); continue; }
    if (ch.kind === 'added') {
      added.push({ code: ch.code, billable: ch.billable ?? true, short: ch.short ?? '', long: ch.long ?? '' });
      continue;
    }
    const base = replaced.get(ch.code) ?? prev.list[prev.index.get(ch.code) ?? -1];
    if (!base) throw new Error(`FY${fy} change for ${ch.code}, which is not in FY${prev.fy}`);
    replaced.set(ch.code, {
      code: base.code,
      billable: ch.billable ?? base.billable,
      short: ch.kind === 'revised' ? ch.short ?? base.short : base.short,
      long: ch.kind === 'revised' ? ch.long ?? base.long : base.long
    });
  }
  const kept = prev.list.filter((e) => !deleted.has(e.code)).map((e) => replaced.get(e.code) ?? e);
  // Work per category: a category's subtree is contiguous, so insertions stay local and cheap.
  const chunks: { cat: string; entries: OrderEntry[] }[] = [];
  const byCat = new Map<string, OrderEntry[]>();
  for (const e of kept) {
    const cat = e.code.slice(0, 3);
    let chunk = byCat.get(cat);
    if (!chunk) { chunk = []; byCat.set(cat, chunk); chunks.push({ cat, entries: chunk }); }
    chunk.push(e);
  }
  // Insert additions shortest first so that new headers exist before their new children.
  added.sort((a, b) => a.code.length - b.code.length || (a.code < b.code ? -1 : 1));
  for (const e of added) {
    const cat = e.code.slice(0, 3);
    let chunk = byCat.get(cat);
    if (!chunk) {
      // New category (QA1, ...): after the greatest category of the same letter sorting before it.
      let at = 0;
      for (let k = 0; k < chunks.length; k++) if (chunks[k].cat[0] === cat[0] && chunks[k].cat < cat) at = k + 1;
      chunk = [];
      byCat.set(cat, chunk);
      chunks.splice(at, 0, { cat, entries: chunk });
    }
    chunk.splice(insertionPoint(chunk, e.code), 0, e);
  }
  const list = chunks.flatMap((c) => c.entries);
  return buildYear(prev.system, fy, list);
}

/** Position in a category chunk: among the siblings under the parent, in ASCII order. */
function insertionPoint(list: OrderEntry[], code: string): number {
  let parentPos = -1;
  for (let len = code.length - 1; len >= 3 && parentPos < 0; len--) {
    const p = code.slice(0, len);
    parentPos = list.findIndex((e) => e.code === p);
  }
  if (parentPos < 0) return 0;
  const parentCode = list[parentPos].code;
  let pos = parentPos + 1;
  // Walk the parent's subtree; stop at the first entry that sorts after the new code.
  while (pos < list.length && list[pos].code.startsWith(parentCode)) {
    if (list[pos].code.slice(0, code.length) > code) break;
    pos++;
  }
  return pos;
}
