/**
 * Operative and bedside text names instruments and drugs by a surname or given name alone ("Richardson
 * retractors", "a Bookwalter and Harrington", "Ella given in the ED"): plural head words, an article
 * governing a coordinated pair and a drug's administration verb after it make them things, not people
 * (issue 8, "no clinical term redacted"). Each has a person negative with the same words.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';

const names = (text: string) => detectPhiInText(text).filter((h) => ['NAME', 'CITY', 'FACILITY'].includes(h.type)).map((h) => h.text);

describe('instruments and drugs named by a name', () => {
  it.each([
    'Richardson retractors placed for exposure.',
    'Two Kelly clamps applied to the mesentery.',
    'Retraction with a Bookwalter and Harrington.',
    'Exposure with an Omni and a Harrington.',
    'Ella administered in the ED after the assault.',
    'Allegra was given at 0800 for hives.',
    'Hawkins cannulas were inserted at the hip.',
  ])('%s', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('the same words as people', () => {
  it.each([
    ['Mrs. Kelly was given discharge instructions.', 'Kelly'],
    ['Son Harrison was given the paperwork.', 'Harrison'],
    ['Case reviewed with Dr. Richardson and Dr. Harrington.', 'Richardson'],
    ['Ella was given the results by phone, per her mother.', 'Ella'],
  ])('%s -> %s', (text, name) => {
    expect(names(text).join(' ')).toContain(name);
  });
});
