/**
 * Coder abbreviations and lay words expanded before a text search (the list is data:
 * abbreviations-data.ts).
 *
 * Invariants:
 * - Keys are lowercase and matched against whole query words (after splitting on spaces),
 *   longest key first (up to four words: "ringing in ears" before "ringing"), so "pe"
 *   expands but "pelvis" does not; "n/v" is matched before punctuation is split.
 * - Expansions use the wording of the code sets (not the clinical wording), because the
 *   search matches their descriptions; every expansion word is matched as a word prefix, so
 *   "vein" also finds "veins".
 * - Own keys only: "constructor" or "toString" are words, not abbreviations.
 */
import { ABBREVIATION_DATA } from './abbreviations-data';

export const ABBREVIATIONS: Readonly<Record<string, string>> = ABBREVIATION_DATA;

const MAX_KEY_WORDS = 4;

/** Replace whole-word abbreviations in a query by their expansion. */
export function expandAbbreviations(query: string): string {
  // Loops, not split().map().join(): the array `map` returns has a different V8 map when the
  // caller is optimized, and `join` then deoptimized the search mid-benchmark.
  const words = query.trim().split(/\s+/);
  const keys: string[] = [];
  for (let i = 0; i < words.length; i++) keys.push(words[i].toLowerCase().replace(/[,;:]+$/, ''));
  let out = '';
  for (let i = 0; i < words.length;) {
    let used = 1, text = words[i];
    for (let n = Math.min(MAX_KEY_WORDS, words.length - i); n >= 1; n--) {
      let key = keys[i];
      for (let j = 1; j < n; j++) key += ' ' + keys[i + j];
      if (Object.hasOwn(ABBREVIATIONS, key)) { used = n; text = ABBREVIATIONS[key]; break; }
    }
    out += (out ? ' ' : '') + text;
    i += used;
  }
  return out;
}
