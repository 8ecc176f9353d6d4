/**
 * Numbers in a query select the code whose printed range contains them: "BMI 32" → Z68.32
 * ("Body mass index [BMI] 32.0-32.9, adult"), "bmi 47" → Z68.42 (45.0-49.9), "blood alcohol
 * 150" → Y90.6 (120-199 mg/100 ml), "34 weeks" → Z3A.34, "vent 72 hours" → 5A1945Z (24-96).
 *
 * Invariants:
 * - A description's ranges are read from its own text: "a-b", "less than a", "a or less",
 *   "greater than a", "a or more / or greater / and over". Bounds are inclusive as printed
 *   (20.0-20.9 holds 20 and 20.5, but not 21).
 * - Pure functions; the caller caches a doc's ranges (they are parsed once per doc).
 */

export interface NumRange { lo: number; hi: number }

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const RANGE_PATTERNS: [RegExp, (a: number, b: number) => NumRange][] = [
  [new RegExp(`${NUM}\\s*-\\s*${NUM}`, 'g'), (a, b) => ({ lo: a, hi: b })],
  [new RegExp(`(?:less than|under|below|fewer than)\\s+${NUM}`, 'gi'), (a) => ({ lo: -Infinity, hi: a - 1e-9 })],
  [new RegExp(`${NUM}\\s+or less`, 'gi'), (a) => ({ lo: -Infinity, hi: a })],
  [new RegExp(`(?:greater than|more than|over)\\s+${NUM}`, 'gi'), (a) => ({ lo: a + 1e-9, hi: Infinity })],
  [new RegExp(`${NUM}(?:\\s*[a-z/0-9]+){0,3}?\\s+(?:or more|or greater|and over|or over)`, 'gi'), (a) => ({ lo: a, hi: Infinity })]
];

/** Ranges printed in a description (single numbers are not ranges: the words match those). */
export function rangesIn(text: string): NumRange[] {
  if (!/\d/.test(text)) return [];
  const out: NumRange[] = [];
  for (const [re, make] of RANGE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const r = make(Number(m[1]), Number(m[2]));
      // "1-2" in "Ribs 1-2" and "O9A-" style ranges are ranges too; a reversed pair is not.
      if (r.lo <= r.hi) out.push(r);
    }
  }
  return out;
}

/** The numbers a query gives ("32.5" is one number), in order. */
export function queryNumbers(q: string): number[] {
  const out: number[] = [];
  for (const m of q.matchAll(/(?<![a-z0-9.])(\d+(?:\.\d+)?)(?![a-z0-9])/gi)) out.push(Number(m[1]));
  return out;
}

export function inRanges(n: number, ranges: readonly NumRange[]): boolean {
  for (const r of ranges) if (n >= r.lo && n <= r.hi) return true;
  return false;
}
