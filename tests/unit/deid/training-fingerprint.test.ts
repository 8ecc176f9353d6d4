/**
 * The training fingerprint (server/deid/ner/training-fingerprint.ts) stands in CI for retraining
 * the shipped weights: it must move with every input a training learns from (a label, a word, the
 * direction, the options) and equal fingerprints must give equal weights.
 */
import { describe, expect, it } from 'vitest';
import { trainModel, type LabelledText } from '../../../server/deid/ner/train';
import { trainingFingerprint } from '../../../server/deid/ner/training-fingerprint';

const text = 'Seen by Anna Ruiz at Riverbend Family Medicine in Tacoma; her son Dmitri called.';
const note = 'No Lyme titers; Babinski negative. Follow up with Dr. Okafor.';
const at = (s: string, t = text) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length });
const docs: LabelledText[] = [
  { text, spans: [{ type: 'NAME', ...at('Anna Ruiz') }, { type: 'FACILITY', ...at('Riverbend Family Medicine') }, { type: 'CITY', ...at('Tacoma') }, { type: 'NAME', ...at('Dmitri') }] },
  { text: note, spans: [{ type: 'NAME', ...at('Okafor', note) }] },
];

describe('the training fingerprint', () => {
  it('is the same for the same inputs, and differs with a label, a word, the direction or the options', () => {
    const base = trainingFingerprint(docs);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(trainingFingerprint(docs.map((d) => ({ ...d, spans: [...d.spans] })))).toBe(base);
    const oneLabelLess = [{ ...docs[0]!, spans: docs[0]!.spans.slice(0, 3) }, docs[1]!];
    const typeChanged = [{ ...docs[0]!, spans: docs[0]!.spans.map((s, k) => (k === 2 ? { ...s, type: 'FACILITY' } : s)) }, docs[1]!];
    const wordChanged = [{ ...docs[0]!, text: docs[0]!.text.replace('called', 'phoned') }, docs[1]!];
    const variants = [trainingFingerprint(oneLabelLess), trainingFingerprint(typeChanged), trainingFingerprint(wordChanged),
      trainingFingerprint(docs, { reverse: true }), trainingFingerprint(docs, { epochs: 3 }), trainingFingerprint(docs, { seed: 8 }), trainingFingerprint(docs.slice(0, 1))];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });

  it('ignores a label of a type the tagger does not learn (a date), as training does', () => {
    const withDate = [{ ...docs[0]!, spans: [...docs[0]!.spans, { type: 'DATE', start: 0, end: 4 }] }, docs[1]!];
    expect(trainingFingerprint(withDate)).toBe(trainingFingerprint(docs));
    expect(JSON.stringify(trainModel(withDate, { epochs: 2 }).weights)).toBe(JSON.stringify(trainModel(docs, { epochs: 2 }).weights));
  });

  it('equal fingerprints, equal weights: two trainings on the same documents agree to the last digit', () => {
    const a = trainModel(docs, { epochs: 3 }), b = trainModel(docs.map((d) => ({ ...d })), { epochs: 3 });
    expect(Object.keys(a.weights).length).toBeGreaterThan(100);
    expect(JSON.stringify(b.weights)).toBe(JSON.stringify(a.weights));
  });
});
