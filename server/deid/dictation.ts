/**
 * Speech recognition left unedited writes punctuation as words ("patient colon fatoumata
 * diallo-kane period m r n ..."): the label and sign-off rules need the colon, comma and full stop
 * they stand for (issue 8, round 9). `spokenPunctuation` gives a copy of such a text with those
 * words (and the space before them) turned into the mark and spaces.
 * Invariants: the copy has the text's length (a hit found in it indexes the text); a text is
 * dictation only with three spoken marks or more among "period", "comma", "new paragraph", "new
 * line", "full stop" (a "period of time" or one "comma" is prose); "colon" is the organ after an
 * anatomical word or before a clinical one ("sigmoid colon", "colon cancer") and stays.
 */
const MARKS = /\b(?:period|comma|new paragraph|new line|next line|full stop)\b/gi;
const SPOKEN = /[ \t]*\b(new paragraph|new line|next line|full stop|semicolon|period|comma|colon)\b/gi;
const ORGAN_BEFORE = /\b(?:the|of|sigmoid|ascending|descending|transverse|right|left|entire|distal|proximal|his|her|their|spastic|redundant|irritable|whole|in|to|through)[ \t]*$/i;
const ORGAN_AFTER = /^[ \t]*(?:ca|cancer|carcinoma|polyps?|mass|resection|wall|mucosa|cleanse|prep|biopsy|biopsies|lesion|and|or|with)\b/i;
const MARK: Record<string, string> = { period: '.', 'full stop': '.', comma: ',', colon: ':', semicolon: ';', 'new paragraph': '\n', 'new line': '\n', 'next line': '\n' };

export function isDictation(text: string): boolean {
  let n = 0;
  for (const _ of text.matchAll(MARKS)) if (++n >= 3) return true;
  return false;
}

export function spokenPunctuation(text: string): string {
  return text.replace(SPOKEN, (whole: string, word: string, offset: number) => {
    const w = word.toLowerCase().replace(/[ \t]+/g, ' ');
    if (w === 'colon' && (ORGAN_BEFORE.test(text.slice(Math.max(0, offset - 16), offset)) || ORGAN_AFTER.test(text.slice(offset + whole.length, offset + whole.length + 16)))) return whole;
    return MARK[w]!.padEnd(whole.length, ' ');
  });
}

const SMALL_WORDS = /^(?:of|for|the|and|at|in|on|to|a|an|with|by|from|or|as|is|was|his|her|he|she|it|we|they|that|this|per)$/;
/**
 * A dictation is all lower case, so the facility rules (which need capitals) read a title-cased
 * copy of it (same length: ASCII case changes keep it); small words stay lower case ("lake arrow
 * family health" reads "Lake Arrow Family Health", "center for rehab" "Center for Rehab").
 */
export function titleCased(text: string): string {
  return text.replace(/\b([a-z])([a-z'’-]*)/g, (w, first: string, rest: string) => (SMALL_WORDS.test(w) ? w : first.toUpperCase() + rest));
}

