import { beforeAll, describe, expect, it } from 'vitest';
import { codeDetails, loadCodeSets, type CodeSets } from '../../../server/codes/index';
import { sharedData } from './helpers';

let cs: CodeSets;
beforeAll(async () => { cs = await loadCodeSets(sharedData); });

describe('codeDetails', () => {
  it('gives description, parents (root first), children and chapter', () => {
    const d = codeDetails(cs, 'ICD-10-CM', 'e11.6')!;
    expect(d.code).toBe('E11.6');
    expect(d.kind).toBe('header');
    expect(d.parents.map((p) => p.code)).toEqual(['E11']);
    expect(d.children.map((c) => c.code)).toEqual(['E11.61', 'E11.62', 'E11.63', 'E11.64', 'E11.65', 'E11.69']);
    expect(d.chapter?.number).toBe(4);
  });
  it('handles 7th-character codes as ordinary entries', () => {
    const d = codeDetails(cs, 'ICD-10-CM', 'S72.001A')!;
    expect(d.billable).toBe(true);
    expect(d.parents.map((p) => p.code)).toEqual(['S72', 'S72.0', 'S72.00', 'S72.001']);
    expect(codeDetails(cs, 'ICD-10-CM', 'S72.001')!.children.map((c) => c.code)).toContain('S72.001A');
  });
  it('collects Excludes notes from the code and every level above it', () => {
    const d = codeDetails(cs, 'ICD-10-CM', 'A04.72')!;
    const e1 = d.excludes1.map((n) => `${n.from}:${n.printedAt}`);
    expect(e1).toContain('category:A04');
    expect(d.excludes1.find((n) => n.printedAt === 'A04')?.references.map((r) => r.token)).toContain('A05.-');
    const tb = codeDetails(cs, 'ICD-10-CM', 'A15.0')!;
    expect(tb.excludes1.some((n) => n.from === 'block' && n.printedAt === 'Block A15-A19')).toBe(true);
    expect(tb.excludes2.some((n) => n.from === 'chapter' && n.printedAt === 'Chapter 1')).toBe(true);
    // Root first: chapter notes before block notes before category notes.
    const rank = ['chapter', 'block', 'category', 'subcategory', 'code'];
    for (const notes of [tb.excludes1, tb.excludes2, d.excludes1, d.excludes2]) {
      const r = notes.map((n) => rank.indexOf(n.from));
      expect(r).toEqual([...r].sort((a, b) => a - b));
    }
  });
  it('reports FY2027 changes', () => {
    expect(codeDetails(cs, 'ICD-10-CM', 'I42.0')!.changes[0]).toMatchObject({ kind: 'billable-to-header', fy: 2027 });
    const added = codeDetails(cs, 'ICD-10-CM', 'QA1.71', 2026)!;
    expect(added.inYear).toBe(false);
    expect(added.years).toEqual([2027]);
    expect(added.changes[0].kind).toBe('added');
    const del = codeDetails(cs, 'ICD-10-CM', 'S23.420A')!;
    expect(del.years).toEqual([2026]);
    expect(del.changes[0].kind).toBe('deleted');
    expect(codeDetails(cs, 'ICD-10-CM', 'L02.232')!.changes[0].kind).toBe('revised');
  });
  it('gives HCPCS dates and PCS sections', () => {
    const h = codeDetails(cs, 'HCPCS', 'J1100')!;
    expect(h.hcpcs?.dateAdded).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const term = [...cs.hcpcs!.procedures.values()].find((r) => r.terminationDate === '2025-12-31')!;
    expect(codeDetails(cs, 'HCPCS', term.code)!.hcpcs?.terminationDate).toBe('2025-12-31');
    expect(codeDetails(cs, 'ICD-10-PCS', '0DTJ4ZZ')!.section).toBe('Medical and Surgical');
    expect(codeDetails(cs, 'ICD-10-PCS', '0DTJ4ZZ')!.parents.map((p) => p.code)).toEqual(['0DT']);
  });
  it('returns null for unknown codes', () => {
    expect(codeDetails(cs, 'ICD-10-CM', 'X99.999')).toBeNull();
    expect(codeDetails(cs, 'HCPCS', 'Z9999')).toBeNull();
  });
});
