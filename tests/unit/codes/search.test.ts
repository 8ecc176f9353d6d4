import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodeSets, searchCodes, type CodeSets } from '../../../server/codes/index';
import { sharedData } from './helpers';
import { TextIndex, type IndexDoc } from '../../../server/codes/text-index';
import type { Bar } from '../../../server/codes/text-scorer';

let cs: CodeSets;
beforeAll(async () => { cs = await loadCodeSets(sharedData); });
const codes = (q: string, o: Partial<Parameters<typeof searchCodes>[1]> = {}) =>
  searchCodes(cs, { q, system: 'ICD-10-CM', limit: 10, ...o }).map((r) => r.code);

describe('search by code', () => {
  it('finds the exact code with or without dot, first', () => {
    expect(codes('E11.9')[0]).toBe('E11.9');
    expect(codes('e119')[0]).toBe('E11.9');
    const r = searchCodes(cs, { q: 'A41.9', system: 'ICD-10-CM' })[0];
    expect(r).toMatchObject({ system: 'ICD-10-CM', code: 'A41.9', billable: true, chapter: 1, kind: 'code', description: 'Sepsis, unspecified organism' });
  });
  it('lists a prefix shorter codes first, in tabular order', () => {
    const r = codes('E11', { limit: 5 });
    expect(r[0]).toBe('E11');
    expect(r.slice(1)).toEqual(['E11.0', 'E11.1', 'E11.2', 'E11.3']);
    expect(codes('S72.00')[0]).toBe('S72.00');
    expect(searchCodes(cs, { q: 'E11', system: 'ICD-10-CM' })[0].kind).toBe('header');
  });
  it('searches PCS and HCPCS codes, and all systems', () => {
    expect(searchCodes(cs, { q: '0DTJ4ZZ', system: 'ICD-10-PCS' })[0]?.code).toBe('0DTJ4ZZ');
    expect(searchCodes(cs, { q: 'J1100', system: 'HCPCS' })[0]?.description).toMatch(/dexamethasone/);
    const all = searchCodes(cs, { q: 'J1100', system: 'all' });
    expect(all[0].system).toBe('HCPCS');
  });
  it('filters billable only and by year', () => {
    expect(codes('E11', { billableOnly: true })[0]).toBe('E11.8');
    expect(codes('QA1.71', { year: 2027 })[0]).toBe('QA1.71');
    expect(codes('QA1.71', { year: 2026 })).not.toContain('QA1.71');
  });
  it('recognises CPT by format, and uses org descriptions when given', () => {
    expect(searchCodes(cs, { q: '99213', system: 'CPT' })[0]).toMatchObject({ system: 'CPT', code: '99213', description: '' });
    const cpt = new Map([['99213', 'Office visit, established patient, low MDM'], ['11200', 'Removal of skin tags, up to 15']]);
    expect(searchCodes(cs, { q: 'skin tags', system: 'CPT', cptDescriptions: cpt })[0].code).toBe('11200');
    expect(searchCodes(cs, { q: '9921', system: 'CPT', cptDescriptions: cpt })[0].code).toBe('99213');
  });
});

describe('search by words', () => {
  it('ranks descriptions matching all words first', () => {
    const r = searchCodes(cs, { q: 'type 2 diabetes chronic kidney', system: 'ICD-10-CM', limit: 5 });
    expect(r[0].code).toBe('E11.22');
  });
  it('matches word prefixes', () => {
    expect(codes('sepsis unspec')).toContain('A41.9');
    expect(codes('pneumon')).toContain('J18.9');
  });
  it('puts a description starting with the word ahead', () => {
    expect(codes('pneumonia', { billableOnly: true }).slice(0, 3)).toContain('J18.9');
  });
  it('tolerates typos', () => {
    expect(codes('diabtes mellitus type 2')).toContain('E11.9');
    expect(codes('hypertenson')).toEqual(codes('hypertension'));
    expect(codes('essential hypertenson')[0]).toBe('I10');
    expect(codes('pneumonai')).toContain('J18.9');
  });
  it('expands coder abbreviations', () => {
    expect(codes('UTI')).toContain('N39.0');
    expect(codes('CHF')[0]).toMatch(/^I50/);
    expect(codes('COPD exacerbation')).toContain('J44.1');
    expect(codes('HTN')[0]).toBe('I10');
    expect(codes('AKI')).toContain('N17.9');
    expect(codes('T2DM')).toContain('E11.9');
    expect(codes('CKD 3b')).toContain('N18.32');
    expect(codes('afib')[0]).toMatch(/^I48/);
    expect(codes('NSTEMI')[0]).toBe('I21.4');
    expect(codes('OSA')).toContain('G47.33');
  });
  it('respects the limit (max 50)', () => {
    expect(searchCodes(cs, { q: 'fracture', limit: 500 }).length).toBe(50);
  });
});

describe('search by words: what a coder expects first', () => {
  it('treats words that happen to be object properties as plain words', () => {
    expect(() => codes('constructor toString __proto__')).not.toThrow();
    expect(searchCodes(cs, { q: 'constructor', system: 'ICD-10-CM' }).every((r) => !r.description.includes('native code'))).toBe(true);
  });
  it('reads parenthesised nonessential modifiers as optional', () => {
    expect(codes('essential hypertension')[0]).toBe('I10');
  });
  it('prefers the unspecified code when the query gives no detail', () => {
    expect(codes('pneumonia')[0]).toBe('J18.9');
    expect(codes('sepsis')[0]).toBe('A41.9');
    expect(codes('UTI')[0]).toBe('N39.0');
    expect(codes('heart failure')[0]).toBe('I50.9');
    expect(codes('AKI')[0]).toBe('N17.9');
  });
  it('does not push unspecified codes over what the query asks for', () => {
    expect(codes('type 2 diabetes with hyperglycemia')[0]).toBe('E11.65');
    expect(codes('pneumonia pseudomonas')[0]).toBe('J15.1');
  });
});

describe('search by words: common words and early stop', () => {
  // The scorer visits the rarest word first and stops early; these pin results that depend on
  // documents met late (common words) and on the phrase bonus for a prefix last word.
  it('ranks the full phrase first among common words', () => {
    expect(codes('type 2 diabetes with hyperglycemia')[0]).toBe('E11.65');
    expect(codes('fracture of neck of left femur').every((c) => c.startsWith('S72.0'))).toBe(true);
    expect(codes('fractrue femur')).toEqual(codes('fracture femur'));
  });
  it('gives the phrase bonus when the last word is a prefix', () => {
    expect(codes('sepsis unspec').slice(0, 2)).toEqual(['A41.9', 'A40.9']);
  });
  it('filters by year inside text results', () => {
    expect(codes('sepsis', { year: 2026, limit: 50 }).length).toBe(50);
  });
});

describe('search scratch reuse and code-prefix ranges', () => {
  // searchCodes reuses its candidate lists and per-doc caches between queries: a query must
  // give the same results whatever ran before it.
  it('returns identical results when queries are repeated and interleaved', () => {
    const qs = ['fracture of neck of left femur', 'S72', 'essential hypertension', 'pneumonia', 'E11', 'fract femur'];
    const first = qs.map((q) => searchCodes(cs, { q, system: 'ICD-10-CM', limit: 20 }));
    const again = [...qs].reverse().map((q) => searchCodes(cs, { q, system: 'ICD-10-CM', limit: 20 })).reverse();
    expect(again).toEqual(first);
    expect(searchCodes(cs, { q: 'pneumonia', system: 'all', limit: 50 })).toEqual(searchCodes(cs, { q: 'pneumonia', system: 'all', limit: 50 }));
  });
  it('lists a wide code prefix shortest first and stays inside the prefix', () => {
    const r = codes('S72', { limit: 20 });
    expect(r[0]).toBe('S72');
    expect(r.slice(1, 11)).toEqual(['S72.0', 'S72.1', 'S72.2', 'S72.3', 'S72.4', 'S72.8', 'S72.9', 'S72.00', 'S72.01', 'S72.02']);
    expect(r.every((c) => c.startsWith('S72'))).toBe(true);
    expect(codes('S72', { billableOnly: true, limit: 50 }).every((c) => c.startsWith('S72.') && c.length === 8)).toBe(true);
  });
});

describe('text scorer: early stops keep the full scan\'s top-k', () => {
  // Few words, many ties: the bounds (rarest word first, first-word bonus, billable/length
  // tie-breaks, marks) decide most docs, as for "fracture of neck of left femur".
  const vocab = ['fracture', 'neck', 'left', 'femur', 'right', 'displaced', 'closed', 'of', 'head', 'shaft', 'fractures'];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const docs: IndexDoc[] = [];
  for (let i = 0; i < 3000; i++) {
    const ws: string[] = [];
    for (let n = 1 + Math.floor(rnd() * 6); n > 0; n--) ws.push(vocab[Math.floor(rnd() * vocab.length)]);
    docs.push({ code: `C${i}`, texts: [ws.join(' ')], billable: rnd() < 0.7 });
  }
  const idx = new TextIndex(docs);
  type Row = { d: number; m: number; s4: number };
  const row = (d: number): Row => ({ d, m: idx.matched[d], s4: idx.score[d] * 4 });
  // rank.ts order for text candidates of one system.
  const cmp = (a: Row, b: Row) => b.m - a.m || b.s4 - a.s4 || idx.billable[b.d] - idx.billable[a.d] || idx.textLength[a.d] - idx.textLength[b.d] || a.d - b.d;
  const off = (): Bar => ({ on: false, matched: 0, score: 0, billable: 0, textLength: 0, doc: 0, score4: 0 });

  it.each([
    ['fracture neck left femur'], ['femur fracture'], ['left fracture'], ['fract femur'], ['fractrue femur'], ['neck'],
    ['head of shaft'], ['closed displaced fracture of right femur']
  ])('%s', (q) => {
    const words = q.split(' ').map((w) => idx.matchWord(w));
    const all: Row[] = [];
    idx.scorer.run(words, off(), (d) => all.push(row(d)), () => false);
    all.sort(cmp);
    for (const k of [1, 5, 20, 60]) {
      const top: Row[] = [];
      const bar = off();
      idx.scorer.run(words, bar, (d) => {
        top.push(row(d)); top.sort(cmp);
        if (top.length > k) top.pop();
        if (top.length === k) {
          const w = top[k - 1];
          Object.assign(bar, { on: true, matched: w.m, score: w.s4 / 4, score4: w.s4, billable: idx.billable[w.d], textLength: idx.textLength[w.d], doc: w.d });
        }
      }, (maxM, maxS) => top.length === k && (top[k - 1].m > maxM || (top[k - 1].m === maxM && top[k - 1].s4 / 4 > maxS)));
      expect(top.map((r) => r.d), `${q} top ${k}`).toEqual(all.slice(0, k).map((r) => r.d));
    }
  });
});
