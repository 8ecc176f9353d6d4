/**
 * Words that are names of JavaScript object properties ("constructor", "toString", "valueOf")
 * are ordinary text to the detector: a word looked up in a plain object must never find the
 * object's own machinery (before, "Constructor called" threw a TypeError, so a forum message or a
 * publication holding it answered 500).
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid';

const names = [...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Array.prototype), 'prototype', 'caller', 'arguments'];
const words = names.flatMap((n) => [n, n[0]!.toUpperCase() + n.slice(1), n.toUpperCase()]);
const shapes = (w: string) => [`${w} called`, `Dr. ${w}`, `seen at ${w} Hospital`, `moved from ${w}`, `${w}, ${w}`, `MRN ${w}`, `${w} 12/3`];

describe('property names as words', () => {
  it('never throws, whatever the word and its place', () => {
    const failures: string[] = [];
    for (const w of words) for (const t of shapes(w)) {
      try { detectPhiInText(t); } catch (e) { failures.push(`${t}: ${String(e)}`); }
    }
    expect(failures).toEqual([]);
    expect(words.length).toBeGreaterThan(50);
  });

  it('still reads them as text: a name after a doctor is found', () => {
    expect(detectPhiInText('Dr. Constructor saw her').map((c) => c.text)).toContain('Constructor');
  });
});
