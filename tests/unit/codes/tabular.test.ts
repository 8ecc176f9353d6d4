/**
 * The Tabular List XML as loaded: structure, notes where they are printed, inheritance down to
 * a code, and the FY2026-vs-FY2027 choice of Excludes notes. Real codes throughout.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeDetails, excludesFor, loadCodeSets, parseTabularXml, tabularView, validateCodeLines, type CodeSets } from '../../../server/codes/index';
import { applicableNotes } from '../../../server/codes/excludes';
import { line, sharedData } from './helpers';

let cs: CodeSets;
beforeAll(async () => { cs = await loadCodeSets(sharedData); });

describe('parseTabularXml', () => {
  it('reads chapters, sections with titles and every <diag> entry', () => {
    const t = cs.tabular!;
    expect(t.fy).toBe(2026);
    expect(t.chapters).toHaveLength(22);
    expect(t.chapters[16]).toMatchObject({ number: 17, first: 'Q00', last: 'QA0' });
    expect(t.sections.find((s) => s.id === 'A00-A09')?.title).toBe('Intestinal infectious diseases');
    // 46,903 <name> elements = 22 chapter names + 46,881 codes.
    expect(t.entries.size).toBe(46881);
    // Every listed code is in the FY2026 order file (README: the code lists are equal).
    const fy26 = cs.cm.get(2026)!;
    expect([...t.entries.keys()].filter((c) => !fy26.index.has(c))).toEqual([]);
    let terms = 0;
    for (const l of t.inclusionTerms.values()) terms += l.length;
    expect(t.inclusionTerms.get('A000')).toEqual(['Classical cholera']);
    expect(terms).toBeGreaterThan(6809); // 6,809 <inclusionTerm> blocks, several notes each
  });
  it('keeps 7th-character definitions where they are printed', () => {
    const s72 = cs.tabular!.entries.get('S72')!.notes!.sevenChrDef!;
    expect(s72.slice(0, 2)).toEqual([
      { char: 'A', meaning: 'initial encounter for closed fracture' },
      { char: 'B', meaning: 'initial encounter for open fracture type I or II' }
    ]);
    expect(s72).toHaveLength(16);
  });
  it('rejects a file that is not a Tabular', () => {
    expect(() => parseTabularXml('<root><x/></root>', 'bad.xml')).toThrow(/bad.xml: no chapters or codes/);
    expect(() => parseTabularXml('<root><x></root>', 'broken.xml')).toThrow(/broken.xml/);
  });
});

describe('tabularView: notes inherited from chapter, section and category', () => {
  it('E11.621: its own Use additional code, the category E11 notes, section and chapter', () => {
    const v = tabularView(cs.tabular!, 'E11621');
    expect(v.chapter?.number).toBe(4);
    expect(v.section).toMatchObject({ id: 'E08-E13', title: 'Diabetes mellitus' });
    const own = v.groups.find((g) => g.kind === 'useAdditionalCode' && g.from === 'code')!;
    expect(own.texts).toEqual(['code to identify site of ulcer (L97.4-, L97.5-)']);
    const cat = v.groups.find((g) => g.kind === 'useAdditionalCode' && g.from === 'category')!;
    expect(cat.printedAt).toBe('E11');
    expect(cat.texts).toContain('insulin (Z79.4)');
    expect(v.groups.find((g) => g.kind === 'includes' && g.printedAt === 'E11')?.texts).toContain('diabetes NOS');
  });
  it('a 7th-character code resolves to its listed prefix and gets the category 7th characters', () => {
    const v = tabularView(cs.tabular!, 'S72001A');
    expect(v.entry?.code).toBe('S72001');
    expect(v.sevenChr?.printedAt).toBe('S72');
    expect(v.sevenChr?.from).toBe('category');
    expect(v.sevenChr?.chars.map((c) => c.char).join('')).toBe('ABCDEFGHJKMNPQRS');
  });
  it('chapter-level notes reach every code of the chapter', () => {
    const v = tabularView(cs.tabular!, 'A000');
    expect(v.groups.find((g) => g.from === 'chapter' && g.kind === 'useAdditionalCode')?.texts).toEqual(['code to identify resistance to antimicrobial drugs (Z16.-)']);
    expect(v.inclusionTerms).toEqual(['Classical cholera']);
  });
  it('code details group the notes and mark where they come from', () => {
    const d = codeDetails(cs, 'ICD-10-CM', 'F02.80', 2026)!;
    expect(d.tabular?.manifestation).toBe(true);
    expect(d.tabular?.notes.some((g) => g.kind === 'codeFirst' && g.from === 'category' && g.texts.some((t) => t.includes('(G30.-)')))).toBe(true);
    expect(codeDetails(cs, 'ICD-10-CM', 'G30.9', 2026)!.tabular?.manifestation).toBe(false);
    expect(codeDetails(cs, 'ICD-10-CM', 'J44.1', 2026)!.tabular?.notes.find((g) => g.kind === 'codeAlso')?.texts.join(' ')).toMatch(/J45/);
  });
});

describe('Excludes notes per fiscal year', () => {
  const fy = (n: number) => cs.cm.get(n)!;
  it('FY2026 uses the Tabular notes, FY2027 the extract (M72.8: plantar fasciitis moves from M72.2 to M67.A0-)', () => {
    const tokens = (year: number) => applicableNotes(cs, 'M728', fy(year)).filter((n) => n.type === 'excludes1' && /plantar/.test(n.text)).flatMap((n) => n.references.map((r) => r.token));
    expect(tokens(2026)).toEqual(['M72.2']);
    expect(tokens(2027)).toEqual(['M67.A0-']);
    expect(excludesFor(cs, 2026).set).toBe(cs.tabularExcludes);
    expect(excludesFor(cs, 2027).set).toBe(cs.excludes);
    expect(excludesFor(cs, 2027).statement).toMatch(/come from the FY2026 Tabular/);
  });
  it('the validator applies the year of the date of service', () => {
    const run = (dos: string, other: string) => validateCodeLines(cs, { setting: 'outpatient', dateOfService: dos },
      [line('ICD-10-CM', 'M72.8', 'first-listed'), line('ICD-10-CM', other, 'secondary')]).map((f) => f.rule);
    expect(run('2026-05-01', 'M72.2')).toContain('excludes1-conflict');
    expect(run('2026-11-01', 'M67.A01')).toContain('excludes1-conflict');
    // Before the fix the FY2027 extract was applied to FY2026 dates: M72.8 + M67.A0- would
    // conflict in FY2026 and M72.2 would not. M67.A01 does not exist in FY2026, so check M72.2.
    expect(run('2026-05-01', 'M72.2').filter((r) => r === 'excludes1-conflict')).toHaveLength(1);
  });
  it('details say where the notes come from', () => {
    expect(codeDetails(cs, 'ICD-10-CM', 'E11.621', 2026)!.notesSource).toMatch(/FY2026 Tabular/);
    expect(codeDetails(cs, 'ICD-10-CM', 'E11.621', 2027)!.notesSource).toMatch(/FY2027 Excludes extract.*FY2026 Tabular/);
  });
});

describe('defect: the one-category section T07', () => {
  it('its Excludes1 block applies in both years (FY2026 Tabular, FY2027 extract)', () => {
    for (const dos of ['2026-05-01', '2026-11-01']) {
      const f = validateCodeLines(cs, { setting: 'emergency', dateOfService: dos },
        [line('ICD-10-CM', 'T07.XXXA', 'first-listed'), line('ICD-10-CM', 'T20.00XA', 'secondary')]);
      expect(f.find((x) => x.rule === 'excludes1-conflict')?.message).toMatch(/Block T07.*burns and corrosions/);
    }
    const block = cs.excludes!.blocks.find((b) => b.from === 'T07')!;
    expect(block.to).toBe('T07');
  });
  it('the raw XML section T07 has no range in its id', () => {
    const xml = readFileSync(path.join(sharedData, 'icd10cm/tabular/icd10cm-tabular-April-1-2026.xml'), 'utf8');
    expect(xml).toContain('<section id="T07">');
    expect(cs.tabular!.sections.find((s) => s.id === 'T07')).toMatchObject({ first: 'T07', last: 'T07' });
  });
});
