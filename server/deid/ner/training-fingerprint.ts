/**
 * A fingerprint of everything one training learns from: every example's words, gaps, gold tags
 * and word information (the lists and clusters behind each word, word-features.ts), the town runs
 * and facility heads, the options, and the code that turns them into weights (feature templates,
 * perceptron, example building, seeded generator; comments left out). Training is deterministic,
 * so equal fingerprints mean equal weights: the shipped model records its fingerprint and a test
 * compares it in seconds instead of retraining for minutes (CI trains on 1,600+ documents).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEFAULT_EPOCHS, trainingExamples, type LabelledText, type TrainOptions } from './train';

// The examples already carry what sequence.ts, reverse.ts and the lists make of the text; this is the code that learns from them.
const LEARNING_CODE = ['tagger.ts', 'perceptron.ts', 'train.ts', 'seeded-random.ts'];

/** Source without its comments, so rewording a comment does not call for a retraining. */
function codeOnly(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s+/g, ' ');
}

export function trainingFingerprint(docs: LabelledText[], opts: TrainOptions = {}): string {
  const hash = createHash('sha256');
  const { epochs = DEFAULT_EPOCHS, copies = 2, seed = 7, reverse = false } = opts;
  hash.update(JSON.stringify({ epochs, copies, seed, reverse }));
  for (const file of LEARNING_CODE) hash.update(codeOnly(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')));
  for (const { prepared, gold } of trainingExamples(docs, opts).examples) {
    hash.update(JSON.stringify([prepared.seq, prepared.info, prepared.runs, prepared.heads, gold]));
  }
  return hash.digest('hex');
}
