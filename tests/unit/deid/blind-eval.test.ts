/**
 * De-identification on the blind files (tests/fixtures/deid-eval/blind: written by someone who
 * never saw the detector; see its README for how they were kept blind and their first figures).
 * Prints recall per type, precision, misses and clinical terms hit. The issue 8 goals are not met
 * on these files yet; this test holds the figures reached so far so that no change falls back
 * below them (floors a little under the measured values, which were 84-85% for names and places,
 * 97-99% for the other types and 94% precision; after the general pass on the seen files 92.9%, 97.5%,
 * 94.8% and no clinical term; with holdout-10 added, 91.8%, 97.3%, 95.6% and none).
 */
import { describe, expect, it } from 'vitest';
import { loadBlindSet } from '../../fixtures/deid-eval/load';
import { measure, totals } from '../../fixtures/deid-eval/measure';

describe('de-identification on the blind files', () => {
  const docs = loadBlindSet();
  const { rows, misses, falsePositives, clinicalHits } = measure(docs);
  const { places, others, all } = totals(rows);
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
  console.log(`blind files: ${docs.length} documents; names and places ${pct(places.covered, places.labelled)} of ${places.labelled}, other types ${pct(others.covered, others.labelled)} of ${others.labelled}, precision ${pct(all.overlapping, all.detected)} of ${all.detected}, clinical terms hit ${clinicalHits.length}`);
  console.table(Object.fromEntries([...rows].sort(([a], [b]) => a.localeCompare(b)).map(([t, r]) => [t, { labelled: r.labelled, recall: r.labelled ? pct(r.covered, r.labelled) : '-', detected: r.detected }])));
  if (misses.length) console.log('missed:\n  ' + misses.join('\n  '));
  if (falsePositives.length) console.log('unlabelled detections:\n  ' + falsePositives.join('\n  '));
  if (clinicalHits.length) console.log('clinical terms hit:\n  ' + clinicalHits.join('\n  '));

  it('holds four files written blind with every identifier type', () => {
    expect(new Set(docs.map((d) => d.file)).size).toBe(4);
    expect(places.labelled).toBeGreaterThanOrEqual(450);
    for (const t of ['NAME', 'FACILITY', 'CITY', 'DATE', 'MRN', 'ACCOUNT', 'OTHER_ID', 'PHONE']) expect(rows.get(t)?.labelled ?? 0, t).toBeGreaterThanOrEqual(10);
  });

  it('does not fall below the recall reached for names and places (91%)', () => {
    expect(places.covered / places.labelled).toBeGreaterThanOrEqual(0.91);
  });

  it('does not fall below the recall reached for the other types (97%)', () => {
    expect(others.covered / others.labelled).toBeGreaterThanOrEqual(0.97);
  });

  it('keeps precision at or above 94%', () => {
    expect(all.overlapping / all.detected).toBeGreaterThanOrEqual(0.94);
  });

  it('hits no clinical term (was 5 before the general pass)', () => {
    expect(clinicalHits.length).toBe(0);
  });
});
