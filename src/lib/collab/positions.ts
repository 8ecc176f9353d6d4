/**
 * Fractional positions for line order. A line's place is a string key; lines sort by
 * (key, id). Moving a line sets one field of its map instead of deleting and re-inserting it,
 * so a concurrent edit of the moved line's fields survives the move, and two people moving
 * different lines both keep their moves.
 * Keys use the digits 0-9a-z, never end in '0' and compare as plain strings.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const digit = (c: string | undefined) => (c === undefined ? 0 : DIGITS.indexOf(c));

export const POSITION_PATTERN = /^[0-9a-z]*[1-9a-z]$/;

/** A key strictly between a and b ('' is the start, null the end); requires a < b. */
export function positionBetween(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + positionBetween(a.slice(n), b.slice(n));
  }
  const da = digit(a[0]);
  const db = b !== null ? digit(b[0]) : BASE;
  if (db - da > 1) return DIGITS[Math.round((da + db) / 2)]!;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[da]! + positionBetween(a.slice(1), null);
}

/** n keys in order between a and b, spread out (for seeding and resequencing whole lists). */
export function positionsBetween(a: string, b: string | null, n: number): string[] {
  if (n <= 0) return [];
  if (n === 1) return [positionBetween(a, b)];
  const mid = positionBetween(a, b);
  const left = Math.floor((n - 1) / 2);
  return [...positionsBetween(a, mid, left), mid, ...positionsBetween(mid, b, n - 1 - left)];
}
