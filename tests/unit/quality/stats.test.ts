/** Statistics over a seeded history with known answers: accuracy, errors by tag, trend by week and month against 95%. */
import { describe, expect, it } from 'vitest';
import { bucketOf, coderStats, statsCsv, type History, type ReviewRecord } from '../../../server/quality/stats';

const rec = (at: string, reviewed: number, unchanged: number, errors: ReviewRecord['errors'] = [], coderId = 'c1'): ReviewRecord =>
  ({ coderId, encounterId: `e-${at}-${reviewed}`, at: new Date(at), codesReviewed: reviewed, codesUnchanged: unchanged, changed: unchanged < reviewed || errors.length > 0, errors });

const history: History = {
  records: [
    rec('2026-03-02T10:00:00Z', 20, 20), rec('2026-03-04T10:00:00Z', 20, 19, [{ tag: 'specificity', material: false }]),
    rec('2026-03-09T10:00:00Z', 10, 8, [{ tag: 'principal-diagnosis', material: true }, { tag: 'poa', material: false }]),
    rec('2026-04-01T10:00:00Z', 10, 10), rec('2026-03-05T10:00:00Z', 5, 0, [{ tag: 'other', material: true }], 'c2')
  ],
  disputes: [{ coderId: 'c1', at: new Date('2026-03-09T12:00:00Z'), outcome: 'upheld' }, { coderId: 'c1', at: new Date('2026-03-10T12:00:00Z'), outcome: 'pending' }],
  doubleCoding: [{ coderId: 'c1', at: new Date('2026-03-03T00:00:00Z'), agreed: true, lineAgreement: 1 }, { coderId: 'c1', at: new Date('2026-03-03T00:00:00Z'), agreed: false, lineAgreement: 0.5 }]
};
const all = { from: null, to: null };

describe('coderStats', () => {
  it('totals for one coder', () => {
    const s = coderStats({ id: 'c1', name: 'C' }, history, all, 'week');
    expect(s).toMatchObject({ records: 4, codesReviewed: 60, codesUnchanged: 57, recordsUnchanged: 2, codeAccuracy: 0.95, recordAccuracy: 0.5 });
    expect(s.errors).toEqual({ material: 1, nonMaterial: 2, byTag: { specificity: { material: 0, nonMaterial: 1 }, 'principal-diagnosis': { material: 1, nonMaterial: 0 }, poa: { material: 0, nonMaterial: 1 } } });
    expect(s.disputes).toEqual({ upheld: 1, overturned: 0, pending: 1 });
    expect(s.doubleCoding).toEqual({ sessions: 2, agreed: 1, agreement: 0.5, lineAgreement: 0.75 });
  });
  it('trend by ISO week (Monday) and by month, against the 95% target', () => {
    const w = coderStats({ id: 'c1', name: 'C' }, history, all, 'week').trend;
    expect(w.map((p) => [p.bucket, p.records, p.codeAccuracy, p.meetsTarget])).toEqual([
      ['2026-03-02', 2, 39 / 40, true], ['2026-03-09', 1, 0.8, false], ['2026-03-30', 1, 1, true]
    ]);
    const m = coderStats({ id: 'c1', name: 'C' }, history, all, 'month').trend;
    expect(m.map((p) => [p.bucket, p.records, p.codeAccuracy])).toEqual([['2026-03', 3, 47 / 50], ['2026-04', 1, 1]]);
  });
  it('a window, and everyone at once', () => {
    const s = coderStats({ id: 'c1', name: 'C' }, history, { from: new Date('2026-03-08T00:00:00Z'), to: new Date('2026-03-31T23:59:59Z') }, 'week');
    expect([s.records, s.codeAccuracy, s.disputes.upheld + s.disputes.pending]).toEqual([1, 0.8, 2]);
    expect(coderStats({ id: 'org', name: 'All' }, history, all, 'week', true)).toMatchObject({ records: 5, codesReviewed: 65, codesUnchanged: 57 });
  });
  it('weeks start on Monday in UTC; CSV cells that look like formulas are neutralised', () => {
    expect(bucketOf(new Date('2026-03-08T23:00:00Z'), 'week')).toBe('2026-03-02');
    expect(bucketOf(new Date('2026-03-09T00:00:00Z'), 'week')).toBe('2026-03-09');
    const csv = statsCsv([coderStats({ id: 'x', name: '=HYPERLINK("x")' }, history, all, 'week')]);
    expect(csv.split('\r\n')[1]!.startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
  });
});
