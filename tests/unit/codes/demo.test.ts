/**
 * Runs the validator over the 8 demo encounters. Expected findings were checked by hand:
 * - diabetes-ckd-htn (inpatient): no line is marked principal → primary-diagnosis-count.
 *   Z79.4 with POA 'exempt' is accepted.
 * - obesity-bmi-dietitian (2026-09-30, FY2026): E66.813 exists since FY2025 → valid, no finding.
 * - hip-fracture-laterality (2026-10-11, FY2027): S72.009A and W19.XXXA are valid codes; the
 *   laterality question is clinical, not a code error → no finding.
 * - modifier-25-skin-tag: CPT 99214-25 and 11200 are CPT-shaped; 25 is a CPT modifier;
 *   pointers 1 and 2 point at E11.65 and L91.8 → no finding.
 * - the others (sepsis-vs-uti, resp-failure-copd, probable-pneumonia-clinic,
 *   hyponatremia-labs-only) are coding-judgment questions on valid codes → no finding.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodeSets, validateCodeLines, type CodeSets, type Finding } from '../../../server/codes/index';
import type { CodeLine, Setting } from '../../../src/lib/protocol/encounters';
import { sharedData } from './helpers';
import { TABULAR_NOTE_RULES } from '../../../server/codes/validate-notes';

const noteRules = new Set<string>(TABULAR_NOTE_RULES);

interface DemoEncounter {
  key: string; setting: Setting; dateOfService: string;
  proposedCodes: { system: CodeLine['system']; code: string; role: CodeLine['role']; poa?: CodeLine['poa']; modifiers?: string[]; dxPointers?: number[] }[];
}

let cs: CodeSets;
let demo: DemoEncounter[];
beforeAll(async () => {
  cs = await loadCodeSets(sharedData);
  demo = JSON.parse(readFileSync(path.join(sharedData, 'demo/encounters.json'), 'utf8')).encounters;
});

function findingsFor(key: string): Finding[] {
  const e = demo.find((x) => x.key === key)!;
  const lines: CodeLine[] = e.proposedCodes.map((c, i) => ({
    id: `${key}-${i + 1}`, system: c.system, code: c.code, role: c.role, poa: c.poa,
    modifiers: c.modifiers, pointers: c.dxPointers
  }));
  // Tabular-note suggestions (Use additional code …) are covered by tabular-rules.test.ts.
  return validateCodeLines(cs, { setting: e.setting, dateOfService: e.dateOfService }, lines).filter((f) => !noteRules.has(f.rule));
}

describe('demo encounters', () => {
  it('has 8 encounters', () => expect(demo).toHaveLength(8));
  it('diabetes-ckd-htn: no principal diagnosis; POA exempt accepted', () => {
    const f = findingsFor('diabetes-ckd-htn');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'primary-diagnosis-count', severity: 'error' });
    expect(f[0].message).toMatch(/no principal diagnosis/);
  });
  it.each(['sepsis-vs-uti', 'modifier-25-skin-tag', 'hip-fracture-laterality', 'resp-failure-copd', 'obesity-bmi-dietitian',
    'probable-pneumonia-clinic', 'hyponatremia-labs-only'])('%s: valid codes, no findings', (key) => {
    expect(findingsFor(key)).toEqual([]);
  });
  it('the dates fall in the expected fiscal years', () => {
    const byKey = Object.fromEntries(demo.map((e) => [e.key, e.dateOfService]));
    expect(byKey['obesity-bmi-dietitian']).toBe('2026-09-30'); // last day of FY2026
    expect(byKey['modifier-25-skin-tag']).toBe('2026-10-02'); // FY2027
  });
});
