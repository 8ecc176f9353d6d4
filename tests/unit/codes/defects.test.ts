/**
 * Regression tests of the defects found in review (issue 11): chapter 17's QA codes refused by
 * the code-shape check; terminated HCPCS labelled as headers. (T07 is in tabular.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodeSets, validateCodeLines, withCodeFacts, type CodeSets } from '../../../server/codes/index';
import { CODE_FORMATS } from '../../../src/lib/protocol/codes';
import { codeLineInputSchema } from '../../../src/lib/protocol/encounters';
import { line, sharedData } from './helpers';

let cs: CodeSets;
beforeAll(async () => { cs = await loadCodeSets(sharedData); });

describe('QA codes (letter in the 2nd position)', () => {
  it('every FY2026 QA code and the FY2027 QA1 codes have a valid shape', () => {
    const qa = [...cs.cm.get(2027)!.index.keys()].filter((c) => c.startsWith('QA'));
    expect(qa).toContain('QA00101');
    expect(qa).toContain('QA171');
    for (const c of qa) expect(CODE_FORMATS['ICD-10-CM'].test(c), c).toBe(true);
    // Still refused: other letter-letter shapes.
    expect(CODE_FORMATS['ICD-10-CM'].test('AB12')).toBe(false);
    expect(CODE_FORMATS['ICD-10-CM'].test('QB01')).toBe(false);
  });
  it('the input schema accepts QA0.0101, QA0.8 and QA1.71 and stores the display form', () => {
    for (const [input, stored] of [['QA0.0101', 'QA0.0101'], ['qa08', 'QA0.8'], ['QA1.71', 'QA1.71']]) {
      const r = codeLineInputSchema.safeParse({ system: 'ICD-10-CM', code: input, role: 'first-listed' });
      expect(r.success, input).toBe(true);
      expect(r.success && r.data.code).toBe(stored);
    }
    expect(codeLineInputSchema.safeParse({ system: 'ICD-10-CM', code: 'QZ0.1', role: 'first-listed' }).success).toBe(false);
  });
  it('the validator checks them against the year: QA0.0101 valid in FY2026, QA1.71 only from FY2027', () => {
    const v = (code: string, dos: string) => validateCodeLines(cs, { setting: 'outpatient', dateOfService: dos }, [line('ICD-10-CM', code, 'first-listed')])
      .filter((f) => f.severity === 'error').map((f) => f.rule);
    expect(v('QA0.0101', '2026-05-01')).toEqual([]);
    expect(v('QA1.71', '2026-05-01')).toEqual(['not-valid-for-date']);
    expect(v('QA1.71', '2026-10-02')).toEqual([]);
  });
});

describe('terminated HCPCS codes in search results', () => {
  it('carry their termination date, so they are not shown as headers', () => {
    const term = [...cs.hcpcs!.procedures.values()].find((r) => r.terminationDate !== null)!;
    const [r] = withCodeFacts(cs, [{ system: 'HCPCS' as const, code: term.code, billable: false, kind: 'code' as const }]);
    expect(r.terminatedOn).toBe(term.terminationDate);
  });
});
