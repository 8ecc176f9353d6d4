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

/**
 * A key strictly between a and b ('' is the start, null the end); requires a < b. Moving a line
 * to the very end or the very start again and again steps by one digit (a key grows by one
 * character per ~35 such moves), where halving the gap would grow it by one per ~5 and soon
 * reach the gate's length limit.
 */
export function positionBetween(a: string, b: string | null): string {
  if (b === null && a !== '') return after(a);
  if (a === '' && b !== null && b !== '') return before(b);
  return midpoint(a, b);
}

/** The shortest step past a (the end of the list). */
function after(a: string): string {
  const da = digit(a[0]);
  if (da + 1 < BASE) return DIGITS[da + 1]!;
  return DIGITS[da]! + (a.length > 1 ? after(a.slice(1)) : DIGITS[1]!);
}

/** The shortest step before b (the start of the list); b never ends in '0', so this never does. */
function before(b: string): string {
  const db = digit(b[0]);
  if (db >= 2) return DIGITS[db - 1]!;
  if (db === 1) return '0' + DIGITS[BASE - 1]!;
  return '0' + before(b.slice(1));
}

/** Halfway between a and b: room on both sides (seeding spreads keys this way). */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = digit(a[0]);
  const db = b !== null ? digit(b[0]) : BASE;
  if (db - da > 1) return DIGITS[Math.round((da + db) / 2)]!;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[da]! + midpoint(a.slice(1), null);
}

/** n keys in order between a and b, spread out (for seeding and resequencing whole lists). */
export function positionsBetween(a: string, b: string | null, n: number): string[] {
  if (n <= 0) return [];
  if (n === 1) return [midpoint(a, b)];
  const mid = midpoint(a, b);
  const left = Math.floor((n - 1) / 2);
  return [...positionsBetween(a, mid, left), mid, ...positionsBetween(mid, b, n - 1 - left)];
}
