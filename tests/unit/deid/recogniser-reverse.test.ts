/**
 * The right-to-left recogniser (server/deid/ner/reverse.ts): reversing a sequence and its tags
 * loses nothing, and its tags only fill words the left-to-right tagger left as O. That its shipped
 * weights are the ones the labelled files give is tested in recogniser.test.ts, by their training
 * fingerprint.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { reversedSequence, reversedTags } from '../../../server/deid/ner/reverse';
import { toSequence, tagSpans } from '../../../server/deid/ner/sequence';
import { detectPhiInText } from '../../../server/deid/index';
import { useRecogniserModel } from '../../../server/deid/ner/recognise';
import { loadBlindSet, loadEvalSet } from '../../fixtures/deid-eval/load';

const all = [...loadEvalSet(), ...loadBlindSet()];
const shippedWeights = (file: string) => JSON.parse(readFileSync(new URL(`../../../server/deid/ner/${file}`, import.meta.url), 'utf8')) as { trainedOn: number; weights: Record<string, number[]> };

/** Detection over a tenth of the labelled documents, twice: about a minute on a loaded CI worker. */
const DETECTION_TIMEOUT = 300_000;

afterAll(() => useRecogniserModel(null));

describe('the right-to-left recogniser', () => {
  it('reads a sequence backwards with the text after each word as its gap, and turns tags back without loss', () => {
    const seq = toSequence('Seen by Anna S., RN at Riverbend Family Medicine.');
    const rev = reversedSequence(seq);
    expect(rev.map((t) => t.word)).toEqual([...seq].reverse().map((t) => t.word));
    // "RN" follows "S" after "., ": reversed, "S" comes after "RN" with that gap before it.
    const rn = rev.findIndex((t) => t.word === 'RN');
    expect(rev[rn + 1]!.word).toBe('S');
    expect(rev[rn + 1]!.gapBefore).toBe('., ');
    expect(rev[0]!.gapBefore).toBe('');
    const tags = ['O', 'O', 'B-NAME', 'I-NAME', 'O', 'O', 'B-FACILITY', 'I-FACILITY', 'I-FACILITY', 'B-NAME', 'B-NAME'];
    const back = reversedTags(tags);
    expect(back.slice(0, 4)).toEqual(['B-NAME', 'B-NAME', 'B-FACILITY', 'I-FACILITY']);
    expect(reversedTags(back)).toEqual(tags);
    expect(tagSpans(reversedTags(back))).toEqual(tagSpans(tags));
  });

  it('only adds to what the left-to-right tagger finds', () => {
    const docs = all.filter((_, k) => k % 10 === 0);
    const hits = (d: (typeof all)[number]) => detectPhiInText(d.text).map((h) => [h.start, h.end] as const);
    // Characters covered, since a filled word may join a forward span and make it longer.
    const covered = (hs: (readonly [number, number])[]) => new Set(hs.flatMap(([a, b]) => Array.from({ length: b - a }, (_, k) => a + k)));
    useRecogniserModel(shippedWeights('model.json') as never);
    const forwardOnly = docs.map((d) => covered(hits(d)));
    useRecogniserModel(null);
    let added = 0;
    docs.forEach((d, k) => {
      const both = covered(hits(d));
      expect([...forwardOnly[k]!].filter((c) => !both.has(c)), d.id).toEqual([]);
      added += both.size - forwardOnly[k]!.size;
    });
    expect(added).toBeGreaterThan(0);
  }, DETECTION_TIMEOUT);
});
