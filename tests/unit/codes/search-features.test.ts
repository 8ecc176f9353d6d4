/**
 * Search that finds what coders type: the Tabular's inclusion terms, procedures by their
 * common names (PCS Index), numbers against printed ranges, the ranking defaults, HCPCS by its
 * drug and supply words. Real FY2026 files from the shared data folder.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodeSets, searchCodes, type CodeSets } from '../../../server/codes/index';
import { buildSearchIndexes } from '../../../server/codes/search';
import { inRanges, queryNumbers, rangesIn } from '../../../server/codes/query-numbers';
import { entriesOf, parsePcsIndex } from '../../../server/codes/pcs-index';
import { termKey } from '../../../server/codes/search-terms';
import { sharedData } from './helpers';

let cs: CodeSets;
beforeAll(async () => { cs = await loadCodeSets(sharedData); });
type Sys = 'ICD-10-CM' | 'ICD-10-PCS' | 'HCPCS' | 'all';
const codes = (q: string, system: Sys = 'ICD-10-CM', limit = 10) => searchCodes(cs, { q, system, limit, year: 2026 }).map((r) => r.code);

describe('the Tabular\'s inclusion terms and Includes are search text', () => {
  it('loads them (the hook from the loader is in place)', () => {
    expect(cs.tabular).not.toBeNull();
    expect(cs.search.systems.get('ICD-10-CM')!.termLookup.size).toBeGreaterThan(5000);
  });
  it('finds a code by a term printed under it, first', () => {
    // Inclusion terms (not in any description): R04.0 "Nosebleed", I63.9 "Stroke NOS".
    expect(codes('nosebleed')[0]).toBe('R04.0');
    expect(codes('stroke NOS')[0]).toBe('I63.9');
    expect(codes('high blood pressure')[0]).toBe('I10'); // I10 Includes
    expect(codes('personal history of kidney stones')[0]).toBe('Z87.442');
  });
  it('gives a header\'s NOS term to its default billable code', () => {
    expect(codes('diabetes NOS')[0]).toBe('E11.9'); // E11 Includes "diabetes NOS"
    expect(codes('dementia')[0]).toBe('F03.90'); // F03.90 "Dementia NOS"
  });
  it('gives a subcategory\'s inclusion term to every code below it', () => {
    // L89.15 "Pressure ulcer of sacral region" lists "Pressure ulcer of coccyx".
    expect(codes('pressure ulcer of coccyx stage 2')[0]).toBe('L89.152');
  });
  it('matches a term through a typo', () => {
    expect(codes('nosebleeed')[0]).toBe('R04.0');
  });
  it('without the Tabular, search still works (descriptions only)', async () => {
    const bare = await buildSearchIndexes(cs.cm, cs.pcs, cs.hcpcs);
    const plain = { ...cs, search: bare };
    expect(bare.pcsIndex).toBeNull();
    expect(searchCodes(plain, { q: 'nosebleed', system: 'ICD-10-CM', year: 2026 }).map((r) => r.code)).not.toContain('R04.0');
    expect(searchCodes(plain, { q: 'pneumonia', system: 'ICD-10-CM', year: 2026 })[0].code).toBe('J18.9');
  });
  it('keys drop nonessential modifiers, NOS and plurals', () => {
    expect(termKey('Seizure(s) (convulsive) NOS')).toBe('seizure');
    expect(termKey('kidney stones')).toBe(termKey('Kidney stone'));
  });
});

describe('procedures by their common names (PCS Index main terms)', () => {
  it('completes the Index\'s tables with the query\'s approach', () => {
    expect(codes('laparoscopic appendectomy', 'ICD-10-PCS')[0]).toBe('0DTJ4ZZ');
    expect(codes('open appendectomy', 'ICD-10-PCS')[0]).toBe('0DTJ0ZZ');
    expect(codes('laparoscopic cholecystectomy', 'ICD-10-PCS')[0]).toBe('0FT44ZZ');
    expect(codes('vaginal hysterectomy', 'ICD-10-PCS').slice(0, 2).every((c) => /^0UT9[78]/.test(c))).toBe(true);
  });
  it('offers the table of a bare name', () => {
    expect(codes('hysterectomy', 'ICD-10-PCS').every((c) => c.startsWith('0UT9'))).toBe(true);
    expect(codes('CABG', 'ICD-10-PCS').every((c) => /^021[0-3]/.test(c))).toBe(true);
    expect(codes('PEG tube placement', 'ICD-10-PCS')[0]).toBe('0DH63UZ');
    expect(codes('colonoscopy', 'ICD-10-PCS')[0]).toBe('0DJD8ZZ');
  });
  it('narrows by side and body part', () => {
    expect(codes('mastectomy left', 'ICD-10-PCS')[0]).toBe('0HTU0ZZ');
    expect(codes('mastectomy right', 'ICD-10-PCS')[0]).toBe('0HTT0ZZ');
    expect(codes('total knee replacement right', 'ICD-10-PCS').slice(0, 5).every((c) => c.startsWith('0SRC'))).toBe(true);
    expect(codes('amputation below knee left', 'ICD-10-PCS')[0]).toMatch(/^0Y6J0Z/);
  });
  it('puts procedure codes first when all systems are searched, unless the name is also a diagnosis word', () => {
    expect(searchCodes(cs, { q: 'laparoscopic appendectomy', system: 'all', year: 2026 })[0]).toMatchObject({ system: 'ICD-10-PCS', code: '0DTJ4ZZ' });
    // "transfusion" is a diagnosis word (transfusion reactions): no procedure list pushed first.
    expect(searchCodes(cs, { q: 'transfusion reaction', system: 'all', year: 2026 })[0].system).toBe('ICD-10-CM');
  });
  it('a code-shaped query stays a code search', () => {
    expect(codes('0DTJ4ZZ', 'ICD-10-PCS')[0]).toBe('0DTJ4ZZ');
  });
  it('parses main terms, "(continued)" rows, trees and codeless references', () => {
    const pi = parsePcsIndex('term,content\nAppendectomy,"see Excision, Appendix 0DBJ\nsee Resection, Appendix 0DTJ"\n' +
      'Bypass,"Artery\n\tCoronary\n\t\tOne Artery 0210"\nBypass,"(continued)\nArtery (continued)\n\tRadial\n\t\tLeft 031C"\n' +
      'Amputation,see Detachment\nDetachment,"Leg\n\tLower\n\t\tLeft 0Y6J0Z"\nAchilles tendon,"use Lower Leg Tendon, Right\nuse Lower Leg Tendon, Left"\n');
    const by = new Map(pi.terms.map((t) => [t.term, t]));
    expect(by.get('Appendectomy')!.entries.map((e) => [e.prefix, e.root])).toEqual([['0DBJ', 'excision'], ['0DTJ', 'resection']]);
    expect(by.get('Bypass')!.entries.map((e) => [e.path.join(' '), e.prefix])).toEqual([['artery coronary one artery', '0210'], ['artery radial left', '031C']]);
    expect(entriesOf(by.get('Amputation')!).map((e) => [e.path.join(' '), e.prefix, e.root])).toEqual([['leg lower left', '0Y6J0Z', 'detachment']]);
    expect(by.get('Achilles tendon')!.uses[0]).toEqual(['lower', 'leg', 'tendon']);
  });
});

describe('numbers select the code whose printed range holds them', () => {
  it('BMI, weeks of gestation, blood alcohol, ulcer stage', () => {
    expect(codes('BMI 32')[0]).toBe('Z68.32');
    expect(codes('bmi 47')[0]).toBe('Z68.42'); // 45.0-49.9
    expect(codes('bmi 32.5')[0]).toBe('Z68.32');
    expect(codes('34 weeks gestation')[0]).toBe('Z3A.34');
    expect(codes('blood alcohol level 120 mg/100 ml')[0]).toBe('Y90.6'); // 120-199
    expect(codes('blood alcohol 300')[0]).toBe('Y90.8'); // 240 or more
    expect(codes('stage 3 pressure ulcer of right heel')[0]).toBe('L89.613');
    expect(codes('mechanical ventilation 72 hours', 'ICD-10-PCS')[0]).toBe('5A1945Z'); // 24-96
  });
  it('reads ranges as printed', () => {
    expect(rangesIn('Body mass index [BMI] 45.0-49.9, adult')).toEqual([{ lo: 45, hi: 49.9 }]);
    expect(inRanges(50, rangesIn('Body mass index [BMI] 45.0-49.9, adult'))).toBe(false);
    expect(inRanges(19, rangesIn('Body mass index [BMI] 19.9 or less, adult'))).toBe(true);
    expect(inRanges(250, rangesIn('Blood alcohol level of 240 mg/100 ml or more'))).toBe(true);
    expect(inRanges(7, rangesIn('Less than 8 weeks gestation of pregnancy'))).toBe(true);
    expect(inRanges(8, rangesIn('Less than 8 weeks gestation of pregnancy'))).toBe(false);
    expect(queryNumbers('bmi 32.5 x3 t2dm 120 mg/100 ml')).toEqual([32.5, 120, 100]);
  });
});

describe('ranking at an equal text match', () => {
  it('billable before header', () => {
    const r = searchCodes(cs, { q: 'acute appendicitis', system: 'ICD-10-CM', year: 2026, limit: 3 });
    expect(r[0].billable).toBe(true);
  });
  it('the general code before newborn and pregnancy codes unless the query says so', () => {
    expect(codes('aspiration pneumonia')[0]).toBe('J69.0');
    expect(codes('hemorrhoids')[0]).toBe('K64.9');
    expect(codes('malnutrition')[0]).toBe('E46');
    expect(codes('hemorrhoids in pregnancy')[0]).toMatch(/^O22\.4/);
    expect(codes('newborn sepsis')[0]).toMatch(/^P36/);
  });
  it('the unspecified default and the initial encounter when the query gives no detail', () => {
    expect(codes('alcohol abuse')[0]).toBe('F10.10'); // uncomplicated
    expect(codes('bitten by dog')[0]).toBe('W54.0XXA');
    expect(codes('bitten by dog sequela')[0]).toBe('W54.0XXS');
  });
});

describe('HCPCS by drug and supply words', () => {
  it('finds drugs by name, with brand names mapped to the generic', () => {
    expect(codes('ondansetron injection', 'HCPCS')[0]).toBe('J2405');
    expect(codes('zofran inj', 'HCPCS')[0]).toBe('J2405');
    expect(codes('ketorolac', 'HCPCS')[0]).toBe('J1885');
  });
  it('finds supplies', () => {
    expect(codes('walker', 'HCPCS', 5).some((c) => c === 'E0130' || c === 'E0135')).toBe(true);
    expect(codes('cpap', 'HCPCS', 5)).toContain('E0601');
  });
});
