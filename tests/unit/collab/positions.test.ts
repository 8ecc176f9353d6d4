/** Fractional line positions (src/lib/collab/positions.ts): strictly between, well-formed, dense. */
import { describe, expect, it } from 'vitest';
import { POSITION_PATTERN, positionBetween, positionsBetween } from '../../../src/lib/collab/positions';

const between = (a: string, b: string | null) => {
  const k = positionBetween(a, b);
  expect(k > a, `${k} > ${a}`).toBe(true);
  if (b !== null) expect(k < b, `${k} < ${b}`).toBe(true);
  expect(k).toMatch(POSITION_PATTERN);
  return k;
};

describe('positionBetween', () => {
  it('finds a key between the start, the end and any two keys', () => {
    between('', null);
    between('', '1');
    between('i', null);
    between('a', 'b');
    between('a', 'a1');
    between('az', 'b');
    between('1', '2');
    between('zz', null);
  });

  it('never ends a key in 0, so there is always room before it', () => {
    for (const [a, b] of [['', '1'], ['1', '11'], ['a', 'a1'], ['a0z', 'a1']] as const) {
      expect(between(a, b).endsWith('0')).toBe(false);
    }
  });

  it('keeps 300 inserts at the same place (always just after the first line) in order and short', () => {
    const first = between('', null);
    let next: string | null = null;
    const keys: string[] = [];
    for (let i = 0; i < 300; i++) {
      next = between(first, next);
      keys.unshift(next); // each new key goes between the first line and the previous new one
    }
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(300);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThan(80);
  });

  it('moving a line to the end or to the start 2,000 times keeps keys far below the 400-character limit', () => {
    let end = '';
    let start: string | null = null;
    for (let i = 0; i < 2000; i++) {
      end = between(end, null);
      start = between('', start ?? 'i');
    }
    expect(end.length).toBeLessThan(70);
    expect(start!.length).toBeLessThan(70);
  });

  it('2,000 inserts at random places keep a strict order (seeded)', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const keys: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(rand() * (keys.length + 1));
      keys.splice(at, 0, between(keys[at - 1] ?? '', keys[at] ?? null));
    }
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('positionsBetween', () => {
  it('gives n distinct keys in order, between the bounds', () => {
    for (const n of [0, 1, 2, 7, 50, 200]) {
      const keys = positionsBetween('', null, n);
      expect(keys).toHaveLength(n);
      expect([...keys].sort()).toEqual(keys);
      expect(new Set(keys).size).toBe(n);
      for (const k of keys) expect(k).toMatch(POSITION_PATTERN);
    }
    const inner = positionsBetween('b', 'c', 20);
    expect(inner.every((k) => k > 'b' && k < 'c')).toBe(true);
  });

  it('spreads keys out (a whole code set seeds with short keys)', () => {
    expect(Math.max(...positionsBetween('', null, 200).map((k) => k.length))).toBeLessThanOrEqual(3);
  });
});
