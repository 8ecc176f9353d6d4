/**
 * The statistical recogniser of person names, facilities and towns: a greedy left-to-right
 * tagger (tags O, B-/I- of NAME, FACILITY, CITY) whose averaged-perceptron weights were learned
 * from labelled free text (scripts/train-deid-model.ts). Each word is judged on its own lists
 * (word-features.ts), its neighbours', the punctuation around it and the tags just given, so
 * "seen by Anna S. at Riverbend" needs no rule for "Anna S." or for "Riverbend".
 */
import { wordInfo, type WordInfo } from './word-features';
import { cityPopulation } from '../gazetteer';
import { Perceptron } from './perceptron';

export const ENTITY_TYPES = ['NAME', 'FACILITY', 'CITY'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const TAGS = ['O', ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

/** One word of a text as the tagger reads it: the text between it and the previous word matters ("Dr. ", ", ", "\n"). */
export interface SeqToken { word: string; gapBefore: string; sentenceStart: boolean }

const gap = (g: string) => {
  const n = g.replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n');
  return n.length > 3 ? n.slice(-3) : n;
};

/** Words of a multi-word town ("Eau Claire", "St. Cloud"): a town is one or more words. */
function cityRuns(seq: SeqToken[]): string[] {
  const out = seq.map(() => '');
  for (let i = 0; i < seq.length; i++) {
    for (let n = 3; n >= 2; n--) {
      if (i + n > seq.length || seq.slice(i + 1, i + n).some((t) => t.gapBefore !== ' ')) continue;
      if (cityPopulation(seq.slice(i, i + n).map((t) => t.word).join(' ')) > 0) {
        for (let k = i; k < i + n; k++) out[k] = k === i ? 'B' : 'I';
        break;
      }
    }
  }
  return out;
}

/**
 * The features a word brings on its own and as a neighbour, built once per word: detection
 * builds some 75 feature strings per word, and these ~45 are the same wherever the word stands
 * (a string built once also keeps its hash for the weight lookups).
 */
interface WordStrings { own: string[]; as: Map<string, string[]> }
const strings = new WeakMap<WordInfo, WordStrings>();

function wordStrings(w: WordInfo): WordStrings {
  let ws = strings.get(w);
  if (!ws) {
    const own = [`w:${w.lower}`, `sh:${w.shape}`, `fn:${w.fn}`, `ssa:${w.ssa}`, `ln:${w.ln}`, `c:${w.city}`, `lex:${w.lex}`, `cl:${w.cl}`, `cg:${w.cg}`];
    if (w.lower.length > 3) own.push(`s3:${w.lower.slice(-3)}`, `p3:${w.lower.slice(0, 3)}`);
    for (const f of w.flags) own.push(f, `${f}|${w.shape}`);
    strings.set(w, (ws = { own, as: new Map() }));
  }
  return ws;
}

const NONE = new Map(['-1', '+1', '-2', '+2'].map((p) => [p, [p + 'none']]));

function neighbour(prefix: string, w: WordInfo | undefined): string[] {
  if (!w) return NONE.get(prefix)!;
  const ws = wordStrings(w);
  let out = ws.as.get(prefix);
  if (!out) {
    out = [`${prefix}w:${w.lower}`, `${prefix}sh:${w.shape}`, `${prefix}fn:${w.fn}`, `${prefix}ssa:${w.ssa}`, `${prefix}ln:${w.ln}`, `${prefix}c:${w.city}`, `${prefix}lex:${w.lex}`, `${prefix}cg:${w.cg}`];
    for (const f of w.flags) out.push(prefix + f);
    ws.as.set(prefix, out);
  }
  return out;
}

/** Distance to the next facility head word in the same run of words ("Coral Street Speech & Language Clinic"), up to 5. */
function headsAhead(seq: SeqToken[], info: WordInfo[]): string[] {
  return seq.map((_, i) => {
    for (let k = i + 1; k < Math.min(seq.length, i + 6); k++) {
      if (!/^(?:['’]s)?\.?[ \t]+$|^[ \t]*[-–&][ \t]*$/.test(seq[k]!.gapBefore)) return '-';
      if (info[k]!.flags.includes('head')) return String(k - i);
    }
    return '-';
  });
}

/** Precomputed per text: the word information, the town runs and the facility heads ahead. */
export interface Prepared { seq: SeqToken[]; info: WordInfo[]; runs: string[]; heads: string[] }

export function prepare(seq: SeqToken[]): Prepared {
  const info = seq.map((t) => wordInfo(t.word));
  return { seq, info, runs: cityRuns(seq), heads: headsAhead(seq, info) };
}

export function features(p: Prepared, i: number, prev1: string, prev2: string): string[] {
  const w = p.info[i]!, t = p.seq[i]!;
  const l1 = p.info[i - 1], r1 = p.info[i + 1];
  return ['bias', ...wordStrings(w).own, `cr:${p.runs[i]}`,
    `len:${Math.min(t.word.length, 8)}`, `gb:${gap(t.gapBefore)}`, `ga:${gap(p.seq[i + 1]?.gapBefore ?? '$')}`, `ss:${t.sentenceStart}`,
    `pt:${prev1}`, `pt2:${prev2}|${prev1}`, `pt|sh:${prev1}|${w.shape}`, `sh|fn|ln:${w.shape}|${w.fn}|${w.ln}`, `sh|ssa|ln:${w.shape}|${w.ssa}|${w.ln}`, `sh|ss:${w.shape}|${t.sentenceStart}`,
    `sh|c:${w.shape}|${w.city}`, `ha:${p.heads[i]}`, `ha|sh:${p.heads[i]}|${w.shape}`,
    ...neighbour('-1', l1), ...neighbour('+1', r1), ...neighbour('-2', p.info[i - 2]), ...neighbour('+2', p.info[i + 2]),
    `-1w|sh:${l1?.lower ?? '^'}|${w.shape}`, `+1w|sh:${r1?.lower ?? '$'}|${w.shape}`, `pt|+1sh:${prev1}|${r1?.shape ?? '$'}`];
}

const index = new Map(TAGS.map((t, k) => [t, k]));
/** I-X may only follow B-X or I-X. */
const allowed = (tag: string, prev: string) => !tag.startsWith('I-') || prev.slice(2) === tag.slice(2);

/**
 * Tags a prepared text greedily. `margins[i]` is how far the chosen tag's score was above O's
 * (0 for O): the tagger's confidence, for the callers' thresholds.
 */
export function tag(model: Perceptron, p: Prepared): { tags: string[]; margins: number[] } {
  const tags: string[] = [], margins: number[] = [];
  for (let i = 0; i < p.seq.length; i++) {
    const s = model.scores(features(p, i, tags[i - 1] ?? '^', tags[i - 2] ?? '^'));
    let best = 0;
    for (let k = 1; k < TAGS.length; k++) if (s[k]! > s[best]! && allowed(TAGS[k]!, tags[i - 1] ?? 'O')) best = k;
    tags.push(TAGS[best]!);
    margins.push(s[best]! - s[0]!);
  }
  return { tags, margins };
}

/** One training pass over one text with its gold tags; returns the number of mistakes. */
export function learn(model: Perceptron, p: Prepared, gold: string[]): number {
  const out: string[] = [];
  let mistakes = 0;
  for (let i = 0; i < p.seq.length; i++) {
    const f = features(p, i, out[i - 1] ?? '^', out[i - 2] ?? '^');
    const s = model.scores(f);
    let best = 0;
    for (let k = 1; k < TAGS.length; k++) if (s[k]! > s[best]! && allowed(TAGS[k]!, out[i - 1] ?? 'O')) best = k;
    const g = index.get(gold[i]!)!;
    if (best !== g) { model.update(f, g, best); mistakes++; }
    model.tick();
    out.push(TAGS[best]!);
  }
  return mistakes;
}
