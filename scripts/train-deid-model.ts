/**
 * Builds the statistical recogniser's weights (server/deid/ner/model.json, left to right, and
 * model-reverse.json, right to left) from every labelled evaluation file (tests/fixtures/deid-eval
 * and its blind/ folder), with the census and GeoNames lists for the swapped copies.
 * Deterministic: the same files and lists give the same weights, and each file records the
 * fingerprint of what it was trained from (training-fingerprint.ts), which the tests compare.
 *   npx tsx scripts/train-deid-model.ts [forward|reverse]   (both when not named)
 * The held-out figures are from scripts/deid-model-cv.ts (training without the files measured).
 */
import { writeFileSync } from 'node:fs';
import { loadBlindSet, loadEvalSet } from '../tests/fixtures/deid-eval/load';
import { trainModel } from '../server/deid/ner/train';
import { trainingFingerprint } from '../server/deid/ner/training-fingerprint';
import { nameLists } from '../server/deid/lexicon';

if (!nameLists()) throw new Error('the census name lists are needed (../shared/data/names or GRAYCASE_NAMES_DIR)');
const docs = [...loadEvalSet(), ...loadBlindSet()];
const only = process.argv[2];
for (const [direction, file] of [['forward', 'model.json'], ['reverse', 'model-reverse.json']] as const) {
  if (only && only !== direction) continue;
  const reverse = direction === 'reverse';
  const model = trainModel(docs, { reverse, log: (l) => console.log(`${direction} ${l}`) });
  const out = new URL(`../server/deid/ner/${file}`, import.meta.url);
  // One feature per line keeps diffs of a retrained model readable.
  const lines = Object.entries(model.weights).sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, w]) => `${JSON.stringify(f)}:${JSON.stringify(w)}`);
  writeFileSync(out, `{"tags":${JSON.stringify(model.tags)},"trainedOn":${docs.length},"fingerprint":"${trainingFingerprint(docs, { reverse })}","weights":{\n${lines.join(',\n')}\n}}\n`);
  console.log(`${direction}: ${docs.length} documents, ${lines.length} features -> ${out.pathname}`);
}
