/**
 * Numbers read out in words, as speech recognition writes a dictation or a voicemail (issue 8, round 9):
 *  - a run of seven or more digit words ("five zero three five five five zero four four one") is an
 *    identifier whatever precedes it: no clinical phrase says seven digits in a row. Its type is the key
 *    before it (keyTypeBefore: "m r n", "account", "member"...), else PHONE for 7, 10 or 11 digits, else OTHER_ID;
 *  - number words joined by "slash" ("twelve slash three slash twenty three") are a date read out;
 *  - after a birth-date cue ("date of birth four twelve nineteen fifty eight", "DOB is three nine sixty one")
 *    two to six number words are the date.
 * Runs stay on one line; "period", "comma" and the like (spoken punctuation) end them.
 * Invariants: spans start and end on number words; pure (no state).
 */
import { before, type Hit } from './hits';
import { keyTypeBefore } from './suspect-ids';

const DIGIT = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)';
const DIGIT_RUN = new RegExp(`(?<![\\p{L}\\p{N}])${DIGIT}(?:[ \\t,-]+${DIGIT}){6,}(?![\\p{L}\\p{N}])`, 'giu');
const NUMBER = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)';
const NUMBER_GROUP = `${NUMBER}(?:[ \\t-]+${NUMBER}){0,3}`;
const SLASHED = new RegExp(`(?<![\\p{L}\\p{N}])${NUMBER_GROUP}(?:[ \\t]+slash[ \\t]+${NUMBER_GROUP}){1,2}(?![\\p{L}\\p{N}])`, 'giu');
const BIRTH_CUE = /(?:\bdate[ \t]+of[ \t]+birth|\bd[ \t.]?o[ \t.]?b\b\.?|\bbirth[ \t]?date|\bborn(?:[ \t]+on)?|\bbirthday)(?:[ \t]+(?:is|was|of))?[ \t]*[:,]?[ \t]*$/i;
const BIRTH_WORDS = new RegExp(`(?<![\\p{L}\\p{N}])${NUMBER}(?:[ \\t,-]+${NUMBER}){1,5}(?![\\p{L}\\p{N}])`, 'giu');
/** "m r n", "m.r.n." read out letter by letter: the key of a medical record number. */
const SPELLED_MRN = /\bm[ \t.]+r[ \t.]+n\b\.?[ \t]*(?:number|#|is)?[ \t:]*$/i;
const GATE = /(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty)\W+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty\b|slash)/i;

const VALUE: Record<string, number> = { zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };

function runType(text: string, start: number, digits: number): Hit['type'] {
  if (SPELLED_MRN.test(before(text, start, 24))) return 'MRN';
  const key = keyTypeBefore(text, start);
  if (key) return key;
  return digits === 7 || digits === 10 || digits === 11 ? 'PHONE' : 'OTHER_ID';
}

export function findSpokenNumbers(text: string): Hit[] {
  if (!GATE.test(text)) return [];
  const out: Hit[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    const words = m[0].toLowerCase().split(/[ \t,-]+/);
    const digits = words.length;
    // "one two three four five six seven": counting, no number.
    if (words.every((w, i) => i === 0 || VALUE[w] === VALUE[words[i - 1]!]! + 1)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, type: runType(text, m.index, digits), reason: 'number read out in words' });
  }
  for (const m of text.matchAll(SLASHED)) out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', reason: 'date read out in words' });
  for (const m of text.matchAll(BIRTH_WORDS)) {
    if (BIRTH_CUE.test(before(text, m.index, 32))) out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', reason: 'birth date read out in words' });
  }
  return out;
}
