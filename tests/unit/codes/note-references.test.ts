/** Code references parsed out of the text of real Tabular notes. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodeSets, type CodeSets } from '../../../server/codes/index';
import { referencesInNote, referencesMatchAny } from '../../../server/codes/note-references';
import { sharedData } from './helpers';

const ranges = (t: string) => referencesInNote(t).map((r) => (r.from === r.to ? r.from : `${r.from}..${r.to}`));

describe('referencesInNote on real notes', () => {
  it('lists, ranges, dashes and code families', () => {
    expect(ranges('code to identify site of ulcer (L97.4-, L97.5-)')).toEqual(['L974', 'L975']);
    expect(ranges('code to identify site of ulcer (L97.1-L97.9, L98.41-L98.49)')).toEqual(['L971..L979', 'L9841..L9849']);
    expect(ranges('Use additional code to identify site of ulcer (L97.41-L97.49, L97.51-L97.59)')).toEqual(['L9741..L9749', 'L9751..L9759']);
    expect(ranges('sunburn (L55.-)')).toEqual(['L55']);
    expect(ranges('burns and corrosions (T20-T32)')).toEqual(['T20..T32']);
    expect(ranges('sepsis following abortion, ectopic or molar pregnancy (O03.37, O03.87, O04.87, O07.37, O08.82)')).toEqual(['O0337', 'O0387', 'O0487', 'O0737', 'O0882']);
    expect(ranges('dementia with behavioral disturbance (F02.81-, F02.A1-, F02.B1-, F02.C1-)')).toEqual(['F0281', 'F02A1', 'F02B1', 'F02C1']);
    expect(ranges('apnea of newborn (P28.3- - P28.4-)')).toEqual(['P283..P284']);
    expect(ranges('Genetic disorder (QA0.0101)')).toEqual(['QA00101']);
  });
  it('ignores code-like prose and qualified groups', () => {
    expect(ranges('glucose-6-phosphate dehydrogenase (G6PD) deficiency with anemia (D55.0)')).toEqual(['D550']);
    expect(ranges('vitamin B12 deficiency anemia')).toEqual([]);
    expect(ranges('alcohol and drug-induced psychotic disorder (F10-F19 with .150, .250, .950)')).toEqual([]);
    expect(ranges('code for associated wound')).toEqual([]);
  });
  it('a reference covers the code and everything below it', () => {
    const refs = referencesInNote('code to identify site of ulcer (L97.4-, L97.5-)');
    expect(referencesMatchAny(refs, ['L97512'])).toBe(true);
    expect(referencesMatchAny(refs, ['L97412'])).toBe(true);
    expect(referencesMatchAny(refs, ['L97312', 'L89154'])).toBe(false);
  });
});

describe('agreement with the references of the Excludes extract', () => {
  let cs: CodeSets;
  beforeAll(async () => { cs = await loadCodeSets(sharedData); });
  it('at least 99% of the notes with the same text in both years give the same ranges', () => {
    let same = 0, total = 0;
    for (const [code, notes] of cs.tabularExcludes!.byCode) {
      for (const n of notes) {
        const m = cs.excludes!.byCode.get(code)?.find((x) => x.type === n.type && x.text === n.text);
        if (!m) continue;
        total++;
        if (n.references.map((r) => `${r.from}-${r.to}`).join() === m.references.map((r) => `${r.from}-${r.to}`).join()) same++;
      }
    }
    expect(total).toBeGreaterThan(7000);
    expect(same / total).toBeGreaterThan(0.99);
  });
});
