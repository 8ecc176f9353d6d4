/** A text as the tagger's word sequence, and the tagger's B-/I- tags back as spans of the text. */
import { tokenize, type Token } from '../tokens';
import type { SeqToken } from './tagger';

export function toSequence(text: string, toks: Token[] = tokenize(text)): SeqToken[] {
  return toks.map((t, i) => ({ word: t.word, gapBefore: text.slice(i ? toks[i - 1]!.end : 0, t.start), sentenceStart: t.sentenceStart }));
}

export interface TagSpan { type: string; first: number; last: number }

/** Runs of B-X I-X... as token ranges (an I-X after anything else starts a run too). */
export function tagSpans(tags: string[]): TagSpan[] {
  const out: TagSpan[] = [];
  tags.forEach((t, i) => {
    if (t === 'O') return;
    const type = t.slice(2);
    const last = out[out.length - 1];
    if (t.startsWith('I-') && last && last.type === type && last.last === i - 1) last.last = i;
    else out.push({ type, first: i, last: i });
  });
  return out;
}
