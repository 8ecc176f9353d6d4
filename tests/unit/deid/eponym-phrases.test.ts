/**
 * An eponym whose head word comes a few lower-case words later ("Adams forward bend test", "a modified
 * Ashworth spasticity scale") is a clinical term, not a person (issue 8, "no clinical term redacted").
 * The eponyms here are census names that appear in no evaluation file; the negatives keep a person
 * whose name is followed by ordinary words and a clinical word after a function word.
 */
import { describe, expect, it } from 'vitest';
import { nameTexts as names } from './unseen-helpers';


describe('an eponym a few words before its head word', () => {
  it.each([
    'Adams forward bend test shows a right thoracic hump.',
    'Hawkins impingement test positive on the right.',
    'Spasticity graded with a modified Ashworth spasticity scale.',
    'The Thompson calf squeeze test was normal bilaterally.',
    'Ranson pancreatitis criteria: 2 at admission.',
    'Phalen wrist flexion test reproduced the paresthesias.',
    'Lachman knee laxity test 2+ on the left.',
    'Candidate for the Morgan free water protocol after swallow study.',
    'Barlow hip instability maneuver negative.',
    'Schober lumbar flexion test 3 cm.',
  ])('%s', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('a person followed by ordinary words is still a person', () => {
  it.each([
    ['Called Thomas about test results.', 'Thomas'],
    ['Spoke with Dr. Hawkins regarding the stress test.', 'Hawkins'],
    ['Mrs. Adams reports the new diet is going well.', 'Adams'],
    ['Daughter Morgan picked up the protocol paperwork.', 'Morgan'],
    ['Son Barlow Jenkins will bring the brace.', 'Barlow Jenkins'],
  ])('%s -> %s', (text, name) => {
    expect(names(text).join(' ')).toContain(name);
  });
});
