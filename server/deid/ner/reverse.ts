/**
 * The recogniser read right to left: a second tagger with the same features, trained on every
 * text reversed, so a word is judged with the tags already given to the words AFTER it
 * ("Riverbend" before "Family Medicine", "Anna" before "S., RN"). Its tags, turned back into
 * left-to-right B-/I- tags, fill the words the forward tagger left as O. Measured by training
 * without four files and measuring them (scripts/deid-model-cv.ts): names and places +0.85 and
 * +0.50 points on two such folds, precision -1.5 and -0.35, clinical terms hit +14 and +1; filling
 * only next to a forward span, or only above a margin, kept less than half the gain. Words it
 * claims alone need a title-case word and a word no word list holds (see tagBothWays).
 */
import type { Perceptron } from './perceptron';
import { prepare, tag, type SeqToken } from './tagger';
import { ordinaryWord } from './span-words';

/** The sequence backwards: each word keeps the text that followed it as its gap before. */
export function reversedSequence(seq: SeqToken[]): SeqToken[] {
  return seq.map((_, j) => {
    const i = seq.length - 1 - j;
    return { word: seq[i]!.word, gapBefore: seq[i + 1]?.gapBefore ?? '', sentenceStart: seq[i]!.sentenceStart };
  });
}

/**
 * B-/I- tags of a sequence as the tags of the reversed sequence: a span's last word becomes its
 * first. Its own inverse, so it also turns the right-to-left tagger's tags back.
 */
export function reversedTags(tags: string[]): string[] {
  const n = tags.length;
  return tags.map((_, j) => {
    const i = n - 1 - j, t = tags[i]!;
    if (t === 'O') return 'O';
    const type = t.slice(2);
    // In reading order the span goes on after word i when the next word is I- of the same type.
    return tags[i + 1] === `I-${type}` ? `I-${type}` : `B-${type}`;
  });
}

/** Tags and margins of the forward tagger, with the words it left as O filled from the reverse one. */
export function tagBothWays(forward: Perceptron, reverse: Perceptron | null, seq: SeqToken[]): { tags: string[]; margins: number[] } {
  const fwd = tag(forward, prepare(seq));
  if (!reverse) return fwd;
  const rev = tag(reverse, prepare(reversedSequence(seq)));
  const back = reversedTags(rev.tags), backMargins = [...rev.margins].reverse();
  // Words the right-to-left tagger claims alone (not next to a forward span of the same type) need
  // a word in title case and a word no word list holds: alone, it read "Staples removed", "NEEDS
  // HOME HEALTH", a device's "ASSURITY" and "seton placed" as places and names.
  const fill = new Set<number>();
  for (let i = 0; i < seq.length; i++) {
    if (fwd.tags[i] !== 'O' || back[i] === 'O') continue;
    let j = i;
    while (j + 1 < seq.length && fwd.tags[j + 1] === 'O' && back[j + 1] !== 'O') j++;
    const type = back[i]!.slice(2), joins = (k: number) => fwd.tags[k] !== undefined && fwd.tags[k] !== 'O' && fwd.tags[k]!.slice(2) === type;
    const words = seq.slice(i, j + 1);
    const alone = !joins(i - 1) && !joins(j + 1);
    if (!alone || (words.some((t) => !ordinaryWord(t.word)) && words.some((t) => /^\p{Lu}\p{Ll}/u.test(t.word)))) for (let k = i; k <= j; k++) fill.add(k);
    i = j;
  }
  return { tags: fwd.tags.map((t, i) => (fill.has(i) ? back[i]! : t)), margins: fwd.margins.map((x, i) => (fill.has(i) ? backMargins[i]! : x)) };
}
