/**
 * Word tests the recogniser's spans are finished with: an ordinary word (English or code-set)
 * is weak evidence alone, and at the edge of a name or town it is usually a neighbour the tagger
 * took along ("Interpreter Nhial", "Talked to Thandiwe") rather than part of it.
 */
import { nameLists } from '../lexicon';
import { cityPopulation } from '../gazetteer';
import { codeSetWords, englishWords } from '../vocabulary';
import { isEnglishWord, lexiconTag, type Token } from '../tokens';
import type { TagSpan } from './sequence';

const census = (lower: string) => {
  const l = nameLists();
  return Boolean(l && (l.first.has(lower) || l.last.has(lower)));
};

/** An English or code-set word ("rose", "central", "rehab"). */
export function ordinaryWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  if (englishWords().has(lower) || codeSetWords().has(lower) || isEnglishWord(word)) return true;
  // "Follow-up", "Self-pay", "x-ray": a compound of ordinary words is one too (a name's parts are not: "Okafor-Hale").
  const parts = lower.split('-');
  return parts.length > 1 && parts.every((p) => p.length > 0 && (englishWords().has(p) || codeSetWords().has(p) || isEnglishWord(p)));
}

/** A word that only a name, a place or a brand explains: on no word list, or a capitalised census name or town. */
export function properWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  return !ordinaryWord(word) || ((census(lower) || cityPopulation(lower) > 0) && /^\p{Lu}/u.test(word));
}

/** Function words and verbs never begin a facility's name ("Per Central lab", "at Mercy"). */
const LEADING = new Set(['Preposition', 'Verb', 'Determiner', 'Conjunction', 'Pronoun', 'Adverb', 'Auxiliary', 'PastTense', 'Infinitive', 'Gerund', 'Modal']);

/** Drops edge words that belong to the text around the span, or null when nothing is left. */
export function trimEdges(toks: Token[], s: TagSpan): TagSpan | null {
  let { first, last } = s;
  const foreign = (t: Token, edge: 'first' | 'last') => {
    // A store's number is taken after the name (recognise.ts), never as a word of it: "Pa 16501" is a ZIP.
    if (/\p{N}/u.test(t.word) && !/\p{L}{3}/u.test(t.word)) return true;
    const tag = lexiconTag(t.word);
    if (s.type === 'FACILITY') return edge === 'first' && Boolean(tag && LEADING.has(tag));
    return ordinaryWord(t.word) && !census(t.word.toLowerCase()) && cityPopulation(t.word) === 0;
  };
  while (first <= last && foreign(toks[first]!, 'first')) first++;
  while (last >= first && foreign(toks[last]!, 'last')) last--;
  return first <= last ? { ...s, first, last } : null;
}
