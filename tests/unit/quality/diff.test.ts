/** The code-set difference in coder terms, and the counts the statistics use. */
import { describe, expect, it } from 'vitest';
import { diffCodeSets } from '../../../server/quality/diff';
import type { CodeLine } from '../../../src/lib/protocol/encounters';

let n = 0;
const dx = (code: string, role: CodeLine['role'] = 'secondary', poa: CodeLine['poa'] = 'Y'): CodeLine => ({ id: `l${n++}`, system: 'ICD-10-CM', code, role, poa });
const summary = (before: CodeLine[], after: CodeLine[]) => diffCodeSets(before, after).entries.map((e) => `${e.kind} ${e.before?.code ?? '-'}>${e.after?.code ?? '-'}`).sort();

describe('diffCodeSets', () => {
  it('identical sets: nothing, every code unchanged', () => {
    const a = [dx('N39.0', 'principal'), dx('B96.20')];
    expect(diffCodeSets(a, a.map((l) => ({ ...l, id: 'other' + l.id })))).toEqual({ entries: [], codesReviewed: 2, codesUnchanged: 2, changed: false });
  });
  it('a move alone is resequenced, not an error of a code', () => {
    const d = diffCodeSets([dx('N39.0', 'principal'), dx('B96.20'), dx('E87.1')], [dx('N39.0', 'principal'), dx('E87.1'), dx('B96.20')]);
    expect(d.entries.map((e) => e.kind)).toEqual(['resequenced', 'resequenced']);
    expect(d.codesUnchanged).toBe(3);
  });
  it('a code replaced within its category reads as changed; other categories as removed and added', () => {
    expect(summary([dx('E11.9'), dx('I10')], [dx('E11.22'), dx('I12.9')])).toEqual(['added ->I12.9', 'changed E11.9>E11.22', 'removed I10>-']);
    const d = diffCodeSets([dx('E11.9'), dx('I10')], [dx('E11.22'), dx('I12.9')]);
    expect([d.codesReviewed, d.codesUnchanged]).toEqual([3, 0]);
  });
  it('principal changed, POA changed', () => {
    expect(summary([dx('N39.0', 'principal'), dx('A41.51')], [dx('A41.51', 'principal'), dx('N39.0', 'secondary', 'N')]))
      .toEqual(['changed A41.51>A41.51', 'changed N39.0>N39.0', 'principal-changed N39.0>A41.51', 'resequenced A41.51>A41.51', 'resequenced N39.0>N39.0']);
  });
});
