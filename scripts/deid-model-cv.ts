/**
 * Held-out check of the statistical recogniser: trains on every evaluation file but the named
 * ones, then measures the detector on those with the recogniser off, left to right only, and
 * both ways (aggregates only; SHOW=1 also prints the misses, unlabelled detections and clinical
 * terms hit of the last).
 *   npx tsx scripts/deid-model-cv.ts holdout-17.json,holdout-18.json
 */
import { loadBlindSet, loadEvalSet } from '../tests/fixtures/deid-eval/load';
import { measure, totals } from '../tests/fixtures/deid-eval/measure';
import { trainModel } from '../server/deid/ner/train';
import { useRecogniserModel } from '../server/deid/ner/recognise';

const test = new Set(process.argv[2]!.split(','));
const all = [...loadEvalSet(), ...loadBlindSet()];
const train = all.filter((d) => !test.has(d.file)), held = all.filter((d) => test.has(d.file));
const t0 = Date.now();
const opts = { epochs: Number(process.env.EPOCHS ?? 8), copies: Number(process.env.COPIES ?? 2), log: (l: string) => console.log(l) };
const model = trainModel(train, opts), reverse = trainModel(train, { ...opts, reverse: true });
console.log(`trained both ways on ${train.length} documents in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${Object.keys(model.weights).length} + ${Object.keys(reverse.weights).length} features`);
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
function report(label: string) {
  const { rows, clinicalHits, misses, falsePositives } = measure(held);
  const { places, others, all: a } = totals(rows);
  const per = ['NAME', 'FACILITY', 'CITY', 'ADDRESS'].map((t) => `${t} ${rows.get(t) ? pct(rows.get(t)!.covered, rows.get(t)!.labelled) : '-'}`).join(', ');
  console.log(`${label}: names and places ${pct(places.covered, places.labelled)} of ${places.labelled} (${per}); other ${pct(others.covered, others.labelled)}; precision ${pct(a.overlapping, a.detected)} of ${a.detected}; clinical ${clinicalHits.length}`);
  if (process.env.SHOW) { console.log(misses.join('\n')); console.log('FP', falsePositives.join('\n')); console.log('CL', clinicalHits.join('\n')); }
}
useRecogniserModel('off');
report('rules only');
useRecogniserModel(model);
report('recogniser left to right');
useRecogniserModel(model, reverse);
report('recogniser both ways');
