/**
 * Word tokens of one text with the part-of-speech and entity tags of the NLP library
 * `compromise` (Person, FirstName, LastName, Place, Organization, Verb, Adjective...), so the
 * name and place rules can ask "is this capitalised word an ordinary English word here?".
 * Invariants: token offsets index the original text (`text.slice(start, end) === raw`), tokens
 * are sorted and disjoint; `word` is `raw` without a trailing possessive or punctuation.
 */
import nlp from 'compromise';

export interface Token {
  start: number;
  end: number;
  /** The word as written, without possessive "'s" and trailing punctuation. */
  word: string;
  tags: Set<string>;
  /** First word of a sentence (or of a line): capitalisation there says little. */
  sentenceStart: boolean;
}

interface NlpTerm { text: string; tags: string[]; offset: { start: number; length: number } }
interface NlpSentence { terms: NlpTerm[] }

/** The NLP pass costs ~35 ms per 1,000 characters; paragraphs are tagged separately so memory stays flat. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let base = 0;
  for (const para of text.split(/(\n)/)) {
    if (para !== '\n' && para.trim()) {
      const json = nlp(para).json({ offset: true, terms: { offset: true } }) as NlpSentence[];
      for (const s of json) {
        s.terms.forEach((t, i) => {
          if (!t.offset || t.offset.length === 0) return;
          const start = base + t.offset.start;
          const raw = text.slice(start, start + t.offset.length);
          const m = /^(.*?)(?:['’]s)?[.,;:!?)]*$/s.exec(raw);
          const word = (m?.[1] ?? raw).replace(/^[("'“]+/, '');
          if (!word) return;
          const lead = raw.indexOf(word);
          out.push({ start: start + lead, end: start + lead + word.length, word, tags: new Set(t.tags), sentenceStart: i === 0 });
        });
      }
    }
    base += para.length;
  }
  return out;
}

/** Title case: "Olsen", "McDonald", "O'Brien", "Ferreira-Campos"; not "CT", not "mg". */
export const isTitle = (w: string): boolean => /^[A-Z][a-zà-ÿ]+(?:['’-]?[A-Z]?[a-zà-ÿ]+)*$/.test(w);

const PROPER = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'ProperNoun', 'Place', 'City', 'Organization', 'Honorific'];
const ENGLISH = ['Verb', 'Adjective', 'Adverb', 'Preposition', 'Determiner', 'Conjunction', 'Pronoun', 'Value', 'Date', 'Month', 'WeekDay', 'Expression', 'QuestionWord', 'Auxiliary', 'Negative'];
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | undefined> } }).one.lexicon;

/** An ordinary English word (by the tagger here, or by its lexicon), not a proper noun. */
export function isEnglish(t: Token): boolean {
  if (ENGLISH.some((x) => t.tags.has(x)) && !t.tags.has('Person')) return true;
  const lex = LEXICON[t.word.toLowerCase()];
  return Boolean(lex && !PROPER.some((p) => lex.includes(p)) && !/Name$/.test(lex));
}

export const looksPerson = (t: Token): boolean => t.tags.has('Person') || t.tags.has('FirstName') || t.tags.has('LastName');

/** A country name by the NLP lexicon ("Guatemala", "Bolivia"): a country may stay in the copy. */
export function isCountry(name: string): boolean {
  const lex = LEXICON[name.toLowerCase()];
  return Boolean(lex && lex.includes('Country'));
}
