/**
 * A person's name takes no article or possessive pronoun ("a Hoyer", "her Libre", "the Bovie"):
 * a name-like word right after one, with nothing of a person after it, is a product, device or
 * brand (issue 8, "no clinical term redacted"). A file or family word after it keeps the person
 * ("the Okafor chart", "the Hollister family"). The words here are census surnames or first names
 * used as product names that appear in no evaluation file.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { nameTexts as names } from './unseen-helpers';

/** Any detection: "Hollister" may be found as the town it also is, which redacts it all the same. */
const found = (text: string) => detectPhiInText(text).map((h) => h.text);

describe('a name-like word after an article or possessive pronoun is a product', () => {
  it.each([
    'Pt uses a Hoyer at home for transfers.',
    'Hemostasis obtained with the Bovie.',
    'Her Libre reads 180 this morning.',
    'The Zoll was placed on the stretcher for transport.',
    'Ostomy supplies: she prefers the Hollister over other brands.',
    'Compression with his Jobst daily, edema improved.',
    'Auscultated with a Littmann, no murmur.',
    'The Storz was used for the scope.',
    'Their Draeger alarmed twice overnight.',
    'Vitals from the Welch at triage.',
  ])('%s', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('a person after an article stays a person', () => {
  it.each([
    ['Please close the Hollister chart today.', 'Hollister'],
    ['The Storz family asked for a meeting.', 'Storz'],
    ['Spoke with the daughter, Mrs. Hoyer, by phone.', 'Hoyer'],
    ['Hi Zoll, the query is ready.', 'Zoll'],
    ['Dr. Jobst reviewed the film.', 'Jobst'],
    ['Son Bovie Littmann drove her in.', 'Bovie Littmann'],
  ])('%s -> %s', (text, name) => {
    expect(found(text).join(' ')).toContain(name);
  });
});
