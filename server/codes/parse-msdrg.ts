/**
 * Parsers of the MS-DRG v43 (FY2026) severity tables: 6I (MCC list), 6J (CC list) and 6K
 * (CC exclusions: each CC/MCC code's PDX collection, and each collection's principal diagnoses).
 *
 * Invariants:
 * - Codes are normalized (no dot). 6I/6J rows carry the dot (`A02.1<TAB>…`); 6K rows do not.
 * - A PDX collection is stored as a sorted Int32Array of code ids (ids from `codeIds`), not as
 *   string sets: 6K lists ~1,994 collections with several hundred thousand members in all.
 * - Lines that do not have a row's shape (titles, headers, the `Notes:` block) are skipped; a
 *   file that yields no rows throws, so a wrong file is never loaded as "no CCs".
 */
export type SeverityLevel = 'CC' | 'MCC';

export interface SeverityTables {
  /** MS-DRG version label, e.g. `v43`. */
  version: string;
  /** Fiscal year the tables apply to (discharges Oct 1 2025 – Sep 30 2026 = 2026). */
  fy: number;
  level: Map<string, SeverityLevel>;
  /** CC/MCC code → its PDX collection number (6K Part 1). Empty when 6K is absent. */
  collectionOf: Map<string, number>;
  /** Collection number → sorted ids of its principal diagnoses (6K Part 2). */
  collections: Map<number, Int32Array>;
  /** Code → id used in `collections`. */
  codeIds: Map<string, number>;
  /** Levels as 6K Part 1 prints them (cross-checked against 6I/6J by the tests). */
  partOneLevel: Map<string, SeverityLevel>;
}

/** Table 6I or 6J: `A02.1<TAB>Salmonella sepsis` rows. Returns the number of rows read. */
export function parseSeverityList(text: string, level: SeverityLevel, into: Map<string, SeverityLevel>, what: string): number {
  let rows = 0;
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Z][0-9A-Z]{2}(?:\.[0-9A-Z]{1,4})?)\t/.exec(line);
    if (!m) continue;
    const code = m[1].replace('.', '');
    // A code on both lists is an MCC (6I wins); the tables do not overlap, this is a guard.
    if (level === 'MCC' || !into.has(code)) into.set(code, level);
    rows++;
  }
  if (rows === 0) throw new Error(`${what}: no ${level} rows found`);
  return rows;
}

/**
 * Table 6K. Fills collectionOf / collections / codeIds; returns the number of CC/MCC rows.
 * Two global multiline regexes over the text (Part 1, then Part 2) instead of splitting ~400k
 * lines: the file is 17 MB and this runs at every boot.
 */
export function parseCcExclusions(text: string, t: SeverityTables, what: string): number {
  const split = text.search(/^PDX collection /m);
  if (split < 0) throw new Error(`${what}: no CC exclusion rows or PDX collections found`);
  let rows = 0;
  // `No Excl`: no principal diagnosis excludes the code.
  for (const m of text.slice(0, split).matchAll(/^ ([A-Z][0-9A-Z]{2,6})\s+(CC|MCC)\s+(?:(\d{4}):|No Excl)/gm)) {
    if (m[3]) t.collectionOf.set(m[1], Number(m[3]));
    t.partOneLevel.set(m[1], m[2] as SeverityLevel);
    rows++;
  }
  const idOf = (code: string) => {
    let id = t.codeIds.get(code);
    if (id === undefined) { id = t.codeIds.size; t.codeIds.set(code, id); }
    return id;
  };
  let current: number[] = [];
  let currentNo = -1;
  const flush = () => { if (currentNo >= 0) t.collections.set(currentNo, Int32Array.from(current).sort()); };
  for (const m of text.slice(split).matchAll(/^(?:PDX collection (\d{4})|[ \t]+([A-Z][0-9A-Z]{2,6})[ \t])/gm)) {
    if (m[1]) { flush(); current = []; currentNo = Number(m[1]); } else if (currentNo >= 0) current.push(idOf(m[2]));
  }
  flush();
  if (rows === 0 || t.collections.size === 0) throw new Error(`${what}: no CC exclusion rows or PDX collections found`);
  return rows;
}

export function emptySeverityTables(): SeverityTables {
  return { version: 'v43', fy: 2026, level: new Map(), collectionOf: new Map(), collections: new Map(), codeIds: new Map(), partOneLevel: new Map() };
}
