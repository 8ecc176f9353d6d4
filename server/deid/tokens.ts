/**
 * Word tokens of one text with the lexicon tags of the NLP library `compromise` (FirstName,
 * LastName, Place, Country, Verb, Adjective...), so the
 * name and place rules can ask "is this capitalised word an ordinary English word here?".
 * Invariants: token offsets index the original text (`text.slice(start, end) === raw`), tokens
 * are sorted and disjoint; `word` is `raw` without a trailing possessive or punctuation.
 */
import { createRequire } from 'node:module';

export interface Token {
  start: number;
  end: number;
  /** The word as written, without possessive "'s" and trailing punctuation. */
  word: string;
  tags: Set<string>;
  /** First word of a sentence (or of a line): capitalisation there says little. */
  sentenceStart: boolean;
}

/**
 * Words with the tags of compromise's lexicon (its name, place, country and word-class lists).
 * compromise's own tokenizer and contextual tagger are not run: they cost 10-100 ms per 1,000
 * characters on a shared 2-core host (the rest of detection costs ~5) and measured no better on
 * the evaluation set once the census lists are used. Results are cached by text: preview and
 * publish detect on the same text.
 */
const cache = new Map<string, Token[]>();
const CACHE_MAX = 200;

export function tokenize(text: string): Token[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const out = tokenizeUncached(text);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(text, out);
  return out;
}

function tokenizeUncached(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const word = raw.replace(/['’]s$/, '').replace(/[.'’-]+$/, '');
    if (!word) continue;
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    const lex = lexOf(word.toLowerCase());
    const tags = new Set<string>(lex ? [lex] : []);
    if (lex && /Name$/.test(lex)) { tags.add('Person'); if (/FirstName|MaleName|FemaleName/.test(lex)) tags.add('FirstName'); }
    out.push({ start: m.index, end: m.index + word.length, word, tags, sentenceStart: m.index === 0 || /(?:[.!?:]\s+|\n\s*|^\s+)$/.test(before) });
  }
  return out;
}

/** A word: letters/digits with inner apostrophes, hyphens, dots and slashes ("O'Brien", "d/c'd", "St."). */
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}]|['’.\/-](?=[\p{L}\p{N}]))*(?:['’]s)?\.?/gu;

/** Title case: "Olsen", "McDonald", "O'Brien", "Ferreira-Campos"; not "CT", not "mg". */
export const isTitle = (w: string): boolean => /^[A-Z][a-zà-ÿ]+(?:['’-]?[A-Z]?[a-zà-ÿ]+)*$/.test(w);

const PROPER = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'ProperNoun', 'Place', 'City', 'Organization', 'Honorific'];
const ENGLISH = ['Verb', 'Adjective', 'Adverb', 'Preposition', 'Determiner', 'Conjunction', 'Pronoun', 'Value', 'Date', 'Month', 'WeekDay', 'Expression', 'QuestionWord', 'Auxiliary', 'Negative'];
/** compromise's lexicon, loaded on first use: the library costs ~9 MB of heap, and a server
 * whose organisation never publishes to the forum never needs it (a bigger heap is more work for
 * every garbage collection). Its CommonJS build holds the same lexicon as the ES module. */
let lexicon: Record<string, string | undefined> | null = null;
/** The lexicon's tag of a lower-case word; own entries only ("constructor" is no tag). */
function lexOf(word: string): string | undefined {
  lexicon ??= (createRequire(import.meta.url)('compromise') as { model(): { one: { lexicon: Record<string, string | undefined> } } }).model().one.lexicon;
  return Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
}

/** The lexicon's tag of a word as written, or undefined (for the statistical recogniser's features). */
export const lexiconTag = (word: string): string | undefined => lexOf(word.toLowerCase());

/** An ordinary English word (by the tagger here, or by its lexicon), not a proper noun. */
export function isEnglish(t: Token): boolean {
  if (ENGLISH.some((x) => t.tags.has(x)) && !t.tags.has('Person')) return true;
  const lex = lexOf(t.word.toLowerCase());
  return Boolean(lex && !PROPER.some((p) => lex.includes(p)) && !/Name$/.test(lex));
}

export const looksPerson = (t: Token): boolean => t.tags.has('Person') || t.tags.has('FirstName') || t.tags.has('LastName');

/** A country name by the NLP lexicon ("Guatemala", "Bolivia"): a country may stay in the copy. */
export function isCountry(name: string): boolean {
  const lex = lexOf(name.toLowerCase());
  return Boolean(lex && lex.includes('Country'));
}

/** An ordinary English word by the lexicon, trying base forms ("sending" -> "send", "wounds" -> "wound"). */
export function isEnglishWord(word: string): boolean {
  const w = word.toLowerCase();
  const forms = [w, w.replace(/ing$/, ''), w.replace(/ing$/, 'e'), w.replace(/ed$/, ''), w.replace(/ed$/, 'e'), w.replace(/e?s$/, ''), w.replace(/ies$/, 'y')];
  return forms.some((f) => {
    const lex = f.length >= 3 ? lexOf(f) : undefined;
    return Boolean(lex && !PROPER.some((p) => lex.includes(p)) && !/Name$/.test(lex));
  });
}
