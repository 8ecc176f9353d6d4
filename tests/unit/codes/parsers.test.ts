import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../server/codes/csv';
import { parseHcpcsFile, hcpcsValidOn } from '../../../server/codes/parse-hcpcs';
import { parseOrderFile } from '../../../server/codes/parse-order';
import { parseReference, referenceMatches } from '../../../server/codes/parse-excludes';
import type { HcpcsSet, OrderEntry } from '../../../server/codes/types';
import { sharedData } from './helpers';

let cm: OrderEntry[];
let pcs: OrderEntry[];
let hcpcs: HcpcsSet;
beforeAll(() => {
  cm = parseOrderFile(readFileSync(path.join(sharedData, 'icd10cm/icd10cm_order_2026.txt'), 'latin1'));
  pcs = parseOrderFile(readFileSync(path.join(sharedData, 'icd10pcs/icd10pcs_order_2026.txt'), 'latin1'));
  hcpcs = parseHcpcsFile(readFileSync(path.join(sharedData, 'hcpcs/HCPC2026_JAN_ANWEB_01122026.txt'), 'latin1'));
});

describe('ICD-10-CM order file', () => {
  it('has the official FY2026 counts', () => {
    expect(cm.length).toBe(98186);
    expect(cm.filter((e) => e.billable).length).toBe(74719);
  });
  it('marks the README spot checks', () => {
    const by = new Map(cm.map((e) => [e.code, e]));
    for (const c of ['A419', 'E119', 'I10', 'J189', 'N179', 'R6520', 'S72001A', 'Z794', 'E11A', 'U071']) expect(by.get(c)?.billable, c).toBe(true);
    for (const c of ['E11', 'A41', 'S72001', 'C4A']) expect(by.get(c)?.billable, c).toBe(false);
    expect(by.get('A419')?.long).toBe('Sepsis, unspecified organism');
    expect(by.get('T360X1A')?.billable).toBe(true);
  });
  it('keeps tabular order (C4A between C43 and C44)', () => {
    const i = (c: string) => cm.findIndex((e) => e.code === c);
    expect(i('C43')).toBeLessThan(i('C4A'));
    expect(i('C4A')).toBeLessThan(i('C44'));
  });
  it('rejects a damaged file', () => {
    expect(() => parseOrderFile('00002 A00     0 Cholera\r\n')).toThrow(/order number/);
  });
});

describe('ICD-10-PCS order file', () => {
  it('has 79,115 billable codes and 914 headers', () => {
    expect(pcs.filter((e) => e.billable).length).toBe(79115);
    expect(pcs.filter((e) => !e.billable).length).toBe(914);
    expect(pcs.every((e) => e.billable ? e.code.length === 7 : e.code.length === 3)).toBe(true);
  });
});

describe('HCPCS file', () => {
  it('has 8,623 procedure codes and 383 modifiers', () => {
    expect(hcpcs.procedures.size).toBe(8623);
    expect(hcpcs.modifiers.size).toBe(383);
  });
  it('keeps terminated codes and dates', () => {
    const procs = [...hcpcs.procedures.values()];
    expect(procs.filter((r) => r.terminationDate).length).toBe(1300);
    expect(procs.filter((r) => hcpcsValidOn(r, '2026-01-01')).length).toBe(7323);
    expect([...hcpcs.modifiers.values()].filter((r) => hcpcsValidOn(r, '2026-01-01')).length).toBe(363);
    const ended = procs.filter((r) => r.terminationDate === '2025-12-31');
    expect(ended.length).toBe(95);
    expect(hcpcsValidOn(ended[0], '2025-12-31')).toBe(true);
    expect(hcpcsValidOn(ended[0], '2026-01-01')).toBe(false);
  });
  it('joins continuation lines and reads the over-long G9871 record by position', () => {
    expect(hcpcs.procedures.get('A0080')?.long).toMatch(/^Non-emergency transportation.*\(individual or organization\), with no vested interest$/);
    const g = hcpcs.procedures.get('G9871')!;
    expect(g.long).toMatch(/^Behavioral counseling for diabetes prevention, online, 60 minutes/);
    expect(g.dateAdded).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(hcpcs.modifiers.get('RT')?.long).toMatch(/right side/i);
    expect(hcpcs.modifiers.get('A1')?.long).toBe('Dressing for one wound');
  });
});

describe('CSV and Excludes reference tokens', () => {
  it('reads RFC 4180 quoting', () => {
    const rows = parseCsv('a,b\n"x, y","say ""hi"""\nplain,2\n');
    expect(rows).toEqual([{ a: 'x, y', b: 'say "hi"' }, { a: 'plain', b: '2' }]);
  });
  it('parses single codes, ranges and dash forms', () => {
    expect(parseReference('A04.0-A04.4')).toMatchObject({ from: 'A040', to: 'A044' });
    expect(parseReference('A05.-')).toMatchObject({ from: 'A05', to: 'A05' });
    expect(parseReference('K35.3-')).toMatchObject({ from: 'K353', to: 'K353' });
    expect(parseReference('B15-B19')).toMatchObject({ from: 'B15', to: 'B19' });
    expect(parseReference('I70.2--I70.7-')).toMatchObject({ from: 'I702', to: 'I707' });
    expect(parseReference('F10.--F19.-')).toMatchObject({ from: 'F10', to: 'F19' });
    expect(parseReference('O00-O9A')).toMatchObject({ from: 'O00', to: 'O9A' });
    const r = parseReference('A04.0-A04.4')!;
    expect(referenceMatches(r, 'A0439')).toBe(true);
    expect(referenceMatches(r, 'A045')).toBe(false);
    expect(referenceMatches(parseReference('K35.3-')!, 'K3530')).toBe(true);
    expect(referenceMatches(parseReference('B15-B19')!, 'B182')).toBe(true);
  });
});
