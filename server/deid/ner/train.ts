/**
 * Training of the statistical recogniser (tagger.ts) from labelled documents: gold B-/I- tags
 * from the labels, and copies of each document whose names and towns are swapped for others
 * drawn from the census and GeoNames lists, so the model learns from context and list evidence
 * rather than by heart the few hundred names its writers happened to use. Deterministic (seeded).
 */
import { nameLists } from '../lexicon';
import { babyNames } from '../baby-names';
import { cityIndex } from '../gazetteer';
import { tokenize } from '../tokens';
import { Perceptron, type PerceptronModel } from './perceptron';
import { ENTITY_TYPES, TAGS, learn, prepare, type Prepared, type SeqToken } from './tagger';
import { toSequence } from './sequence';
import { reversedSequence, reversedTags } from './reverse';
import { seededRandom as random } from './seeded-random';

export interface LabelledText { text: string; spans: { type: string; start: number; end: number }[] }
export interface TrainOptions { epochs?: number; copies?: number; seed?: number; reverse?: boolean; log?: (line: string) => void }

export function goldSequence(doc: LabelledText): { seq: SeqToken[]; gold: string[] } {
  const toks = tokenize(doc.text);
  const spans = doc.spans.filter((s) => (ENTITY_TYPES as readonly string[]).includes(s.type));
  let open: (typeof spans)[number] | undefined;
  const gold = toks.map((t) => {
    const s = spans.find((x) => x.start <= t.start && t.end <= x.end);
    const tag = !s ? 'O' : s === open ? `I-${s.type}` : `B-${s.type}`;
    open = s;
    return tag;
  });
  return { seq: toSequence(doc.text, toks), gold };
}

/** Writes a word in the case of the one it replaces: "dawn" -> "maria", "DAWN" -> "MARIA", "Dawn" -> "Maria". */
function inCaseOf(model: string, word: string): string {
  if (model === model.toLowerCase()) return word.toLowerCase();
  if (model === model.toUpperCase() && model.length > 1) return word.toUpperCase();
  return word.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (m) => m.toUpperCase());
}

interface Pools { first: string[]; last: string[]; cities: string[]; towns: string[] }

function pools(): Pools | null {
  const names = nameLists();
  if (!names) return null;
  const cities = [...cityIndex().keys()].filter((c) => !/[.]/.test(c));
  // Given names of the census and, as many again, SSA names given 100 times or more ("Odalys", "Kwame"): patients and staff are not all 1990's adults.
  const census = [...names.first.keys()];
  const ssa = [...babyNames()].filter(([, n]) => n >= 100).map(([w]) => w);
  const step = Math.max(1, Math.floor(ssa.length / census.length));
  return { first: [...census, ...ssa.filter((_, k) => k % step === 0)], last: [...names.last.keys()].slice(0, 40_000), cities, towns: cities.filter((c) => !c.includes(' ')) };
}

/**
 * A copy of a labelled sequence with its names and towns replaced: a name's words by census names
 * (an initial stays), a town by a GeoNames town (its word count may change), a facility's words
 * that are no head word ("Riverbend" of "Riverbend Family Medicine") by a surname or town.
 */
function swapped(seq: SeqToken[], gold: string[], p: Pools, rnd: () => number): { seq: SeqToken[]; gold: string[] } {
  // One replacement per word or town in a copy: "Dr. Okafor ... Okafor called" stays one person, as in the original.
  const chosen = new Map<string, string>();
  const pickFor = (key: string, xs: () => string[]) => {
    let r = chosen.get(key);
    if (r === undefined) chosen.set(key, (r = pick(xs())));
    return r;
  };
  const pick = (xs: string[]) => xs[Math.floor(rnd() * xs.length)]!;
  const outSeq: SeqToken[] = [], outGold: string[] = [];
  for (let i = 0; i < seq.length; i++) {
    const t = seq[i]!, g = gold[i]!;
    if (g === 'B-CITY') {
      let j = i;
      while (gold[j + 1] === 'I-CITY') j++;
      const words = pickFor(`c:${seq.slice(i, j + 1).map((x) => x.word.toLowerCase()).join(' ')}`, () => p.cities).split(' ');
      words.forEach((w, k) => {
        outSeq.push({ word: inCaseOf(t.word, w), gapBefore: k ? ' ' : t.gapBefore, sentenceStart: k ? false : t.sentenceStart });
        outGold.push(k ? 'I-CITY' : 'B-CITY');
      });
      i = j;
      continue;
    }
    let word = t.word;
    const letters = word.replace(/[^\p{L}]/gu, '');
    if (g.endsWith('NAME') && letters.length > 2) {
      const nextIsName = gold[i + 1] === 'I-NAME';
      word = inCaseOf(word, pickFor(`n:${word.toLowerCase()}`, () => (g === 'B-NAME' && nextIsName ? p.first : rnd() < 0.5 ? p.first : p.last)));
    } else if (g.endsWith('FACILITY') && letters.length > 3 && /^\p{Lu}\p{Ll}+$/u.test(word) && rnd() < 0.5) {
      word = inCaseOf(word, pickFor(`f:${word.toLowerCase()}`, () => (rnd() < 0.5 ? p.last : p.towns)));
    }
    outSeq.push({ ...t, word });
    outGold.push(g);
  }
  return { seq: outSeq, gold: outGold };
}

/**
 * Portal messages and texts come in lower case, legacy systems in upper case: some copies are
 * rewritten so, and the model must then find names by context and lists rather than capitals.
 */
function recased(e: { seq: SeqToken[]; gold: string[] }, rnd: () => number): { seq: SeqToken[]; gold: string[] } {
  const r = rnd();
  if (r >= LOWER_SHARE + UPPER_SHARE) return e;
  const f = r < LOWER_SHARE ? (w: string) => w.toLowerCase() : (w: string) => w.toUpperCase();
  return { seq: e.seq.map((t) => ({ ...t, word: f(t.word) })), gold: e.gold };
}
const LOWER_SHARE = 0.25, UPPER_SHARE = 0.1;

export interface TrainingExample { prepared: Prepared; gold: string[] }

/**
 * The examples one training learns from, in the order built (the originals and their swapped,
 * recased copies, reversed for the right-to-left model), and the generator that then orders the
 * epochs: training-fingerprint.ts hashes the same examples without learning from them.
 */
export function trainingExamples(docs: LabelledText[], opts: TrainOptions = {}): { examples: TrainingExample[]; rnd: () => number } {
  const { copies = 2, seed = 7 } = opts;
  const rnd = random(seed);
  const p = pools();
  const base = docs.map(goldSequence);
  const examples = base.flatMap((b) => [b, ...(p ? Array.from({ length: copies }, () => recased(swapped(b.seq, b.gold, p, rnd), rnd)) : [])])
    .map((e) => (opts.reverse ? { seq: reversedSequence(e.seq), gold: reversedTags(e.gold) } : e))
    .map((e) => ({ prepared: prepare(e.seq), gold: e.gold }));
  return { examples, rnd };
}

export const DEFAULT_EPOCHS = 10;

export function trainModel(docs: LabelledText[], opts: TrainOptions = {}): PerceptronModel {
  const { epochs = DEFAULT_EPOCHS } = opts;
  const { examples, rnd } = trainingExamples(docs, opts);
  const model = new Perceptron(TAGS);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = examples.map((e, k) => [rnd(), k] as const).sort((a, b) => a[0] - b[0]).map(([, k]) => examples[k]!);
    let mistakes = 0, words = 0;
    for (const e of order) { mistakes += learn(model, e.prepared, e.gold); words += e.gold.length; }
    opts.log?.(`epoch ${epoch + 1}: ${mistakes} mistakes in ${words} words`);
  }
  return model.averaged();
}
