/**
 * A publication reads every document of an encounter (up to 50 of 100,000 characters) through
 * the detector, at ~17 ms per 1,000 characters. On a server the detection lets the event loop run
 * after each field (detectPhiYielding), with the same answer as detectPhi.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPhi, detectPhiYielding, type DeidEncounterInput } from '../../../server/deid';
import { longestBlockShare } from '../../support/event-loop';

const blind = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../fixtures/deid-eval/blind/holdout-12.json'), 'utf8')) as { id: string; text: string }[];
const encounter: DeidEncounterInput = {
  title: 'Long stay', dateOfService: '2026-09-14',
  patient: { name: 'Marguerite Olsen', mrn: 'MRN-4417302', dob: '1931-03-22', sex: 'female' },
  documents: blind.slice(0, 6).map((d) => ({ id: d.id, kind: 'progress-note' as const, title: d.id, author: '', text: d.text.repeat(2) })),
  codeLines: []
};

describe('detectPhiYielding', () => {
  it('answers as detectPhi does and lets the event loop run between fields', async () => {
    detectPhi({ ...encounter, documents: encounter.documents.slice(0, 1) }); // the word lists load once, on first use
    const { result: found, share } = await longestBlockShare(() => detectPhiYielding(encounter));
    expect(found).toEqual(detectPhi(encounter));
    expect(found.filter((c) => c.type === 'NAME').length).toBeGreaterThan(20);
    // Six documents of similar size: one block for all of them would be the whole time.
    expect(share).toBeLessThan(0.5);
  }, 60_000);
});
