/**
 * The abbreviation list (server/codes/abbreviations-data.ts) is data: every entry's expansion
 * must use words the code sets print, and find a code holding all of them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ABBREVIATIONS, loadCodeSets, searchCodes, type CodeSets } from '../../../server/codes/index';
import { expandAbbreviations } from '../../../server/codes/abbreviations';
import { tokenize, type SystemIndex } from '../../../server/codes/text-index';
import { pcsProcedureHits } from '../../../server/codes/pcs-search';
import { sharedData } from './helpers';

let cs: CodeSets;
let indexes: { text: SystemIndex['text'] }[];
beforeAll(async () => {
  cs = await loadCodeSets(sharedData);
  // Descriptions and Tabular terms per system, and the PCS Index main terms (procedure names).
  indexes = [...cs.search.systems.values(), ...(cs.search.pcsIndex ? [cs.search.pcsIndex] : [])];
});

const GLUE = new Set(['of', 'the', 'and', 'or', 'to', 'in', 'for', 'a', 'an', 'by', 'on', 'as', 'at', 'from', 'with']);
const entries = Object.entries(ABBREVIATIONS);

/** Is there one code (description or Tabular term), or one PCS Index main term, holding every
 * word, each as a word or a word prefix? */
function someCodeHoldsAll(words: string[]): boolean {
  for (const idx of indexes) {
    const lists = words.map((w) => Int32Array.from(idx.text.matchWord(w).filter((m) => m.weight >= 0.75).map((m) => m.term)));
    if (lists.some((l) => l.length === 0)) continue;
    const [first, ...rest] = lists;
    for (const t of first) for (const d of idx.text.postings[t]) if (rest.every((l) => idx.text.hasAny(d, l))) return true;
  }
  return false;
}

describe('abbreviation list', () => {
  it('has several hundred entries, lowercase keys of one to four words', () => {
    expect(entries.length).toBeGreaterThan(400);
    for (const [k] of entries) {
      expect(k, k).toBe(k.toLowerCase().trim());
      expect(k.split(' ').length, k).toBeLessThanOrEqual(4);
    }
  });
  it('maps to no word that appears in no description, Tabular term or PCS Index term', () => {
    const unknown: string[] = [];
    for (const [k, v] of entries) {
      for (const w of tokenize(v)) if (!indexes.some((idx) => idx.text.termId(w) >= 0)) unknown.push(`${k} → ${w}`);
    }
    expect(unknown).toEqual([]);
  });
  it('every expansion finds at least one code holding all its words', () => {
    const content = (v: string) => { const all = tokenize(v); const c = all.filter((w) => !GLUE.has(w)); return c.length > 0 ? c : all; };
    // A procedure name ("total abdominal hysterectomy") finds its codes through the PCS Index.
    const pcs = cs.search.systems.get('ICD-10-PCS')!;
    const procedure = (v: string) => pcsProcedureHits(cs.search.pcsIndex!, pcs, v, 1, () => true).docs.length > 0;
    const missing = entries.filter(([, v]) => !someCodeHoldsAll(content(v)) && !procedure(v)).map(([k, v]) => `${k} → ${v}`);
    expect(missing).toEqual([]);
    for (const [k, v] of entries) expect(searchCodes(cs, { q: v, system: 'all', limit: 1 }).length, k).toBe(1);
  });
  it('expands whole words and the longest key first, keeps the rest of the query', () => {
    expect(expandAbbreviations('HTN')).toBe(ABBREVIATIONS.htn);
    expect(expandAbbreviations('pelvis pe')).toBe(`pelvis ${ABBREVIATIONS.pe}`);
    expect(expandAbbreviations('blood clot in lung')).toBe(ABBREVIATIONS['blood clot in lung']);
    expect(expandAbbreviations('blood clot')).toBe(ABBREVIATIONS['blood clot']);
    expect(expandAbbreviations('hx of breast ca')).toBe(`${ABBREVIATIONS.hx} of breast ${ABBREVIATIONS.ca}`);
    expect(expandAbbreviations('constructor toString')).toBe('constructor toString');
  });
});
