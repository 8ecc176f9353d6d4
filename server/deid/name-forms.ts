/**
 * Names known by their form on the page rather than by the words around them:
 *  - an electronic signature mark, "/es/" or "/s/", then the signer's name to the end of its
 *    line or a date ("/es/ IVY T TUILAGI", "/s/ Sione Faleolo, LCSW"): the mark means a person
 *    signed, in whatever case the system prints names;
 *  - a name spelled letter by letter ("spelled T-U-I-L-A-G-I", "B-R-A-N-N-I-G-A-N" after the
 *    name it spells): dictation and phone notes spell names, and a spelled name is the name.
 * Invariants: the signer's words are census names or no ordinary word (ordinary-names.ts
 * censusOrUnknownWords: "/es/ CARDIOLOGY ATTENDING" is no person); spelled letters count only
 * after a spelling word or when they spell a capitalised word of the same text, never an
 * acronym spelled out ("C-O-P-D"); every hit is typed NAME and spans index the text.
 */
import { type Hit } from './hits';
import { censusOrUnknownWords } from './ordinary-names';

const NAME_WORD = String.raw`\p{L}[\p{L}'’-]*\.?`;
/** The mark, then one to four words, ended by the line, a comma and credential, or a date. */
const SIGNATURE = new RegExp(String.raw`(?:^|[\s:])\/e?s\/[ \t]*(${NAME_WORD}(?:[ \t]${NAME_WORD}){0,3}?)(?=[ \t]*(?:,|$|\n|\d{1,2}\/\d{1,2}\/\d{2,4}|[ \t]{2}))`, 'dgimu');
/** Letters of a word, one apart by a hyphen, a dot or a space: four letters at least. */
const LETTERS = /(?<![\p{L}\p{N}-])(\p{L}(?:[- .]\p{L}){3,})(?![\p{L}\p{N}]|-\p{L})/gu;
const SPELLING_BEFORE = /\b(?:spelled|spelt|spelling|spells|spell(?:ed)?[ \t]+as)[ \t]*(?:it[ \t]+)?(?:out[ \t]*)?[:,]?[ \t]*$/i;

export function findFormNames(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(SIGNATURE)) {
    const [start, end] = (m as RegExpMatchArray & { indices: [number, number][] }).indices[1]!;
    const value = text.slice(start, end).replace(/[.,]+$/, '');
    // Signers print in capitals or title case: each word a census name, an initial or no ordinary word.
    const words = value.split(/[ \t]+/).filter((w) => !/^\p{L}\.?$/u.test(w));
    if (words.length && censusOrUnknownWords(words.join(' '))) out.push({ start, end: start + value.length, type: 'NAME', reason: 'name after a signature mark' });
  }
  for (const m of text.matchAll(LETTERS)) {
    const letters = m[1]!.replace(/[- .]/g, '');
    const spelled = SPELLING_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index));
    // "Brannigan, B-R-A-N-N-I-G-A-N": the letters spell a capitalised word of the text (acronyms have no such word).
    const titled = letters[0]!.toUpperCase() + letters.slice(1).toLowerCase();
    const echoes = new RegExp(`(?<![\\p{L}])${titled}(?![\\p{L}])`, 'u').test(text);
    if (spelled || echoes) {
      // A letter-spaced word after a spelling word: an acronym of a clinical term ("spelled out: C-O-P-D") stays; five letters at least.
      if (!echoes && letters.length < 5) continue;
      out.push({ start: m.index, end: m.index + m[1]!.length, type: 'NAME', reason: 'name spelled out' });
    }
  }
  return out;
}
