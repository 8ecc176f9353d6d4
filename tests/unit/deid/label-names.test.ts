/**
 * The rules added after the fifth and sixth held-out sets, on sentences that are in neither:
 * names in label lines of any case, after relation words, ALL-CAPS lines; and the words those
 * rules must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';

const found = (text: string) => detectPhiInText(text).map((h) => `${h.type}:${h.text}`);

describe('names and places the capitalisation cues miss', () => {
  it('finds a person label value in any case, without its credential', () => {
    expect(found('Ordering: BAPTISTE, MARIE-CLAIRE\nIndication: cough')).toContain('NAME:BAPTISTE, MARIE-CLAIRE');
    expect(found('Reading radiologist: Lindgren, Astrid, MD\nImpression: normal')).toContain('NAME:Lindgren, Astrid');
    expect(found('Charge RN: tasha m\nBed 4')).toContain('NAME:tasha m');
  });

  it('finds unlisted and lower-case words after relation words', () => {
    expect(found('came in with her boyfriend dquan, who drove')).toContain('NAME:dquan');
    expect(found('His mother name is Yesenia and she works nights.')).toContain('NAME:Yesenia');
  });

  it('reads ALL-CAPS lines lower-cased for names and towns, title-cased for facilities', () => {
    const hits = found('PT LIVES WITH SON RAFFERTY IN CARBONDALE. PREV ADMIT AT SAINT ALPHONSUS MEDICAL CENTER.');
    expect(hits).toContain('NAME:RAFFERTY');
    expect(hits.some((h) => h.startsWith('FACILITY:') && h.includes('ALPHONSUS'))).toBe(true);
  });

  it('finds numbered local roads and an age at death', () => {
    expect(found('found down on the shoulder of Route 30 by a trucker')).toContain('ADDRESS:Route 30');
    expect(found('Her father died at 97 of a stroke.')).toContain('AGE:97');
  });

  it('leaves eponyms, organisations and common words alone', () => {
    expect(detectPhiInText('Barrett esophagus on biopsy. Hope and Faith support group. Navajo Nation resident. Hwy patrol brought him.')).toEqual([]);
    expect(detectPhiInText('Nurse: please recheck BP\nPatient: stable overnight')).toEqual([]);
  });
});
