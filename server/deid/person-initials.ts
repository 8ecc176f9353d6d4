/**
 * A person named in the text signs with their initials ("Abigail R." ... "foul odor. -- AR",
 * "Rafael Quintanilla" ... a last line "RQ", "TNB / OB" under a note by Olumide Bankole). The
 * sign-off rules (name-signoffs.ts) skip initials that are also clinical abbreviations (AR, DM, HA,
 * AD); these are the person's when a name found in the text has exactly those initials (issue 8, round 9).
 * Only where initials sign: alone on a line (with a dash, a date or a typist's "/ xx"), or after a
 * dash closing a line; never inside a sentence ("moderate MR" stays though a Mark Rosen is named).
 * Invariants: hits are NAME; initials are two or three capitals; the names come from NAME hits.
 */
import type { Hit } from './hits';

const ALONE = /^[ \t]*(?:[-–—~]{1,2}[ \t]*)?(\p{Lu}{2,3})(?:[ \t]*\/[ \t]*\p{L}{2,4})*(?:[ \t]+[\d\/.:-]{3,16})*[ \t]*$/gmu;
const CLOSING = /(?<=\S[ \t]*)[-–—~]{1,2}[ \t]?(\p{Lu}{2,3})[ \t]*$/gmu;
/** "TNB / OB", "IA / copy to PCP": the second set after a slash, or the first before one. */
const PAIR = /^[ \t]*(\p{Lu}{2,3})[ \t]*\/[ \t]*(?:(\p{Lu}{2,3})[ \t]*$|copy\b)/gmu;

/** The initials (given-surname and surname-given order) of the people named among `hits`. */
export function personInitials(text: string, hits: Hit[]): string[] {
  const out = new Set<string>();
  for (const h of hits) {
    if (h.type !== 'NAME') continue;
    const span = text.slice(h.start, h.end);
    const words = span.replace(/,/g, ' ').split(/[ \t]+/).filter((w) => /^\p{Lu}/u.test(w));
    if (words.length < 2 || words.length > 3) continue;
    const first = words.map((w) => w[0]!).join('');
    out.add(first);
    // "Quintanilla, Rafael": the given name's initial comes first in a signature.
    if (span.includes(',')) out.add([...words.slice(1), words[0]!].map((w) => w[0]!).join(''));
  }
  return [...out];
}

export function findPersonInitials(text: string, initials: string[]): Hit[] {
  if (!initials.length) return [];
  const known = new Set(initials), out: Hit[] = [];
  for (const re of [ALONE, CLOSING, PAIR]) {
    for (const m of text.matchAll(re)) {
      for (const g of [1, 2]) {
        const v = m[g];
        if (!v || !known.has(v)) continue;
        const start = m.index + m[0].indexOf(v, g === 2 ? m[0].indexOf('/') : 0);
        out.push({ start, end: start + v.length, type: 'NAME', reason: 'initials of a person named in the text' });
      }
    }
  }
  return out;
}
