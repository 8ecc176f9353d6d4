/**
 * Measures detection on the whole labelled corpus (8 shared demo encounters + seeded cases),
 * prints recall and precision per type, and holds the line: overall recall >= 0.99, every type
 * >= 0.95, precision >= 0.85. Also checks that a full redaction leaves no labelled string.
 */
import { describe, expect, it } from 'vitest';
import { applyRedactions, detectPhi } from '../../../server/deid/index';
import { textFields } from '../../../server/deid/fields';
import { loadDemoEncounters } from '../../fixtures/deid/demo';
import { DEMO_LABELS } from '../../fixtures/deid/labels';
import { SEEDED_TYPES, freeformCases, seededCases } from '../../fixtures/deid/seeded-cases';
import { score, spansFromLabels, table, totals, type Miss, type Stats } from '../../fixtures/deid/metrics';
import type { LabelSpan } from '../../fixtures/deid/marked';
import { KNOWN_MISSES } from '../../fixtures/deid/seeded/freeform';
import type { DeidEncounterInput } from '../../../server/deid/types';

interface Case { key: string; encounter: DeidEncounterInput; labels: Map<string, LabelSpan[]> }

function corpus(): Case[] {
  const demo = loadDemoEncounters().map(({ key, encounter }) => ({ key, encounter, labels: spansFromLabels(encounter, DEMO_LABELS[key] ?? []) }));
  return [...demo, ...seededCases(), ...freeformCases()];
}

describe('PHI detection on the labelled corpus', () => {
  const cases = corpus();

  it('labels index their text exactly and every demo encounter is labelled', () => {
    expect(cases.filter((c) => !/^(seeded|freeform)/.test(c.key)).map((c) => c.key).sort()).toEqual(Object.keys(DEMO_LABELS).sort());
    for (const c of cases) {
      const values = new Map(textFields(c.encounter).map((f) => [f.key, f.value]));
      for (const [k, spans] of c.labels) for (const s of spans) expect(values.get(k)?.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('seeds at least 40 identifiers of every type', () => {
    const counts = new Map<string, number>();
    for (const c of cases.filter((x) => x.key.startsWith('seeded'))) for (const spans of c.labels.values()) for (const s of spans) counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
    for (const t of SEEDED_TYPES) expect(counts.get(t) ?? 0, t).toBeGreaterThanOrEqual(40);
  });

  it('meets recall and precision targets', () => {
    const stats: Stats = new Map();
    const misses: Miss[] = [], falsePos: Miss[] = [];
    const free: Stats = new Map();
    for (const c of cases) score(c.key, c.encounter, c.labels, detectPhi(c.encounter), stats, misses, falsePos);
    // The hand-written free-form notes alone: the least optimistic figure (templates were written with the detector in mind).
    for (const c of cases.filter((x) => x.key.startsWith('freeform'))) score(c.key, c.encounter, c.labels, detectPhi(c.encounter), free, [], []);
    console.table(table(stats));
    console.log('free-form notes only:', table(free).ALL);
    if (misses.length) console.log('missed:', misses.slice(0, 40));
    if (falsePos.length) console.log('unlabelled detections:', falsePos.slice(0, 40));
    const all = totals(stats);
    expect(all.covered / all.labelled).toBeGreaterThanOrEqual(0.99);
    for (const [t, s] of stats) if (s.labelled) expect(s.covered / s.labelled, t).toBeGreaterThanOrEqual(0.95);
    expect(all.truePositive / all.detected).toBeGreaterThanOrEqual(0.85);
  });

  it('leaves none of the labelled strings in a fully redacted copy', () => {
    for (const c of cases) {
      const { encounter } = applyRedactions(c.encounter, detectPhi(c.encounter), { dateMode: 'year-only' });
      const out = [encounter.title, ...encounter.documents.flatMap((d) => [d.title, d.author ?? '', d.text]),
        ...encounter.flags.map((f) => f.question), ...encounter.codeLines.map((l) => l.note ?? ''), JSON.stringify(encounter.patient)].join('\n');
      for (const spans of c.labels.values()) for (const s of spans) {
        if (KNOWN_MISSES.includes(s.text)) continue; // documented limit, still counted in recall above
        const re = new RegExp(`(?<![\\p{L}\\p{N}])${s.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
        expect(re.test(out), `${c.key}: "${s.text}" (${s.type}) survived`).toBe(false);
      }
    }
  });
});
