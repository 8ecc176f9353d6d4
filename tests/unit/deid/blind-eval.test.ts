/**
 * De-identification on the blind files (tests/fixtures/deid-eval/blind: written by someone who
 * never saw the detector; see its README for how they were kept blind and their first figures).
 * Prints recall per type, precision, misses and clinical terms hit. The issue 8 goals are not met
 * on these files; this test holds the figures reached so far so that no change falls back below
 * them (floors a little under the measured values). Over the fifty-eight files, once 57-64 were
 * opened (after their blind measurements) and the statistical recogniser, both ways, was trained
 * on all of them (fourteenth pass): names and places 94.41%, other types 97.87%, precision 94.98%;
 * files 7-12 hit no clinical term, files 13-64 hit 520 (brand drugs and devices, makers, eponyms
 * read as names, places used as terms; 445 in the 50 files before 57-64). The eight files added
 * are harder than the fifty: before the retraining, the rule of this pass read the fifty at 95.0%.
 * The fifteenth pass (facility-tails.ts, CSV exports in table-keys.ts, the herb's saint) reached 94.80% / 97.95% /
 * 94.99% / 516 over the same fifty-eight.
 * Files 65-68 were opened after the fifteenth pass's rules and both taggers retrained on the sixty-two: 94.78% names and places,
 * 97.84% other types, precision 94.86%, 583 clinical terms hit (516 + 77 in 65-68 before; the retraining cost the
 * fifty-eight eleven misses, put back by a given name before an initial and the national chains of the pass).
 * The sixteenth pass (handles defined beside a name, initials after a closed sentence, logins where logs print them, DICOM
 * names and entry authors; 74 misses fixed on the sixty-two, none new) opened 69-72 and retrained both taggers on the
 * sixty-six, then added military posts and ships: 95.08% names and places, 97.77% other types, precision 94.74%, 657
 * clinical terms hit (95.16% / 97.84% / 94.88% / 579 over the sixty-two of before; 7-32 97.15% / 98.80%).
 * Files 73-76 are sealed (../sealed/README.md) and not loaded.
 * The blind figures, each file measured once, are in the README.
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

  it('holds sixty-six files written blind with every identifier type', () => {
    expect(new Set(docs.map((d) => d.file)).size).toBe(66);
    expect(places.labelled).toBeGreaterThanOrEqual(20000);
    for (const t of ['NAME', 'FACILITY', 'CITY', 'DATE', 'MRN', 'ACCOUNT', 'OTHER_ID', 'PHONE']) expect(rows.get(t)?.labelled ?? 0, t).toBeGreaterThanOrEqual(10);
  });

  it('does not fall below the recall reached for names and places (95.08% over sixty-six; the goal is 98%)', () => {
    expect(places.covered / places.labelled).toBeGreaterThanOrEqual(0.950);
  });

  it('does not fall below the recall reached for the other types (97.77% over sixty-six, 65-72 being harder; the goal is 99%)', () => {
    expect(others.covered / others.labelled).toBeGreaterThanOrEqual(0.977);
  });

  it('keeps precision at or above 94.7% (the right-to-left tagger traded a point of it for recall; harder files since cost 0.3)', () => {
    expect(all.overlapping / all.detected).toBeGreaterThanOrEqual(0.947);
  });

  it('holds the figures reached on files 7-32 before 33-44 were added (95.9% and 98.6% then, 97.2% and 98.8% now)', () => {
    const earlier = docs.filter((d) => /^holdout-(?:[7-9]|[12]\d|3[0-2])\.json$/.test(d.file));
    expect(new Set(earlier.map((d) => d.file)).size).toBe(26);
    const t = totals(measure(earlier).rows);
    expect(t.places.covered / t.places.labelled).toBeGreaterThanOrEqual(0.971);
    expect(t.others.covered / t.others.labelled).toBeGreaterThanOrEqual(0.987);
  }, 120_000);

  it('hits no clinical term in files 7-12, and no more than the 657 left in files 13-72 (the goal is none)', () => {
    // By file, not by document id: the writers of 69-72 chose their own id prefixes ("dn-", "mil-").
    const first = docs.filter((d) => /^holdout-(?:[7-9]|1[0-2])\.json$/.test(d.file));
    expect(new Set(first.map((d) => d.file)).size).toBe(6);
    expect(measure(first).clinicalHits).toEqual([]);
    expect(clinicalHits.length).toBeLessThanOrEqual(657);
  }, 120_000);
});
