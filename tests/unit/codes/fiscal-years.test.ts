import { beforeAll, describe, expect, it } from 'vitest';
import { chapterOf, displayCode, fiscalYearFor, loadCodeSets, normalizeCode, type CodeSets } from '../../../server/codes/index';
import { sharedData } from './helpers';

let cs: CodeSets;
beforeAll(async () => { cs = await loadCodeSets(sharedData); });

describe('fiscal years', () => {
  it('maps dates of service to fiscal years (Oct 1 – Sep 30)', () => {
    expect(fiscalYearFor('2026-09-30')).toBe(2026);
    expect(fiscalYearFor('2026-10-01')).toBe(2027);
    expect(fiscalYearFor('2025-10-01')).toBe(2026);
    expect(fiscalYearFor('2027-09-30')).toBe(2027);
  });
  it('derives FY2027 with the README totals', () => {
    const y = cs.cm.get(2027)!;
    expect(y.list.length).toBe(98403);
    expect(y.list.filter((e) => e.billable).length).toBe(74879);
    expect(y.list.filter((e) => !e.billable).length).toBe(23524);
  });
  it('shares unchanged entries between years and replaces changed ones', () => {
    const a = cs.cm.get(2026)!, b = cs.cm.get(2027)!;
    const get = (y: typeof a, c: string) => y.list[y.index.get(c)!];
    expect(get(a, 'E119')).toBe(get(b, 'E119'));
    expect(get(a, 'I420')).not.toBe(get(b, 'I420'));
    expect(get(a, 'I420').billable).toBe(true);
    expect(get(b, 'I420').billable).toBe(false);
    expect(get(b, 'L02232').long).toBe('Carbuncle of back [any part, except buttock and flank]');
  });
  it('applies additions and deletions', () => {
    const a = cs.cm.get(2026)!, b = cs.cm.get(2027)!;
    expect(a.index.has('QA171')).toBe(false);
    expect(b.index.has('QA171')).toBe(true);
    expect(b.index.has('S23420A')).toBe(false);
    expect(a.index.has('S23420A')).toBe(true);
    // New entries sit under their parent in tabular order.
    const qa1 = b.index.get('QA1')!;
    expect(b.list[b.parent[b.index.get('QA171')!]].code).toBe('QA17');
    expect(b.list[qa1 - 1].code.startsWith('QA0')).toBe(true);
    expect(b.list[b.index.get('I4200')! - 1].code).toBe('I420');
  });
  it('computes parents as the longest prefix present', () => {
    const y = cs.cm.get(2026)!;
    expect(y.list[y.parent[y.index.get('O3100X0')!]].code).toBe('O3100');
    const z = cs.cm.get(2027)!; // O31.40X0 is new in FY2027; O31.40X is not an entry
    expect(z.list[z.parent[z.index.get('O3140X0')!]].code).toBe('O3140');
    // The new O31.4 subtree follows O31.3x and precedes O31.8 in tabular order.
    const o314 = z.index.get('O314')!;
    expect(z.list[o314 - 1].code.startsWith('O313')).toBe(true);
  });
});

describe('chapters and code forms', () => {
  it('derives chapters from the category', () => {
    expect(chapterOf('A419')?.number).toBe(1);
    expect(chapterOf('C4A0')?.number).toBe(2);
    expect(chapterOf('D500')?.number).toBe(3);
    expect(chapterOf('O9A1')?.number).toBe(15);
    expect(chapterOf('QA171')?.number).toBe(17);
    expect(chapterOf('T360X1A')?.number).toBe(19);
    expect(chapterOf('U071')?.number).toBe(22);
    expect(chapterOf('Z794')?.number).toBe(21);
  });
  it('every FY2027 category has exactly one chapter', () => {
    for (const e of cs.cm.get(2027)!.list) if (e.code.length === 3) expect(chapterOf(e.code), e.code).not.toBeNull();
  });
  it('normalizes and displays codes', () => {
    expect(normalizeCode('ICD-10-CM', ' s72.001a ')).toBe('S72001A');
    expect(displayCode('ICD-10-CM', 'S72001A')).toBe('S72.001A');
    expect(displayCode('ICD-10-CM', 'I10')).toBe('I10');
    expect(displayCode('ICD-10-PCS', '0DTJ4ZZ')).toBe('0DTJ4ZZ');
  });
});
