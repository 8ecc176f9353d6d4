/**
 * The edges of a person's name (server/deid/name-edges.ts): what the detectors left beside a name is
 * part of it (a closing full stop, an initial, a suffix, a nickname word, "Surname, " or ", Given" in a
 * record), two names a quoted nickname apart are one, and a pronoun, an article, shorthand for "with" or
 * a class after an eponym never joins. Probe texts are made up.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';

const names = (t: string) => detectPhiInText(t).filter((h) => h.type === 'NAME').map((h) => h.text);

describe('the edges of a name', () => {
  it.each([
    ['Patient: NGUYEN, THI LAN   MRN 40022871', 'NGUYEN, THI LAN'],
    ['0105 | 24-BB-002210 | Haddad, Rami  MRN 00765120 | OR 6', 'Haddad, Rami'],
    ['Subject: RE: compliance download - STRAUSS, Gerhard (DOB 7/22/58)', 'STRAUSS, Gerhard'],
    ['Consented today; L DeGroot called back.', 'L DeGroot'],
    ['Called back; L DeGroot called. Raj P. will follow.', 'Raj P.'],
    ['Spoke with Tanya W. at the front desk.', 'Tanya W.'],
    ['signed, Dmytrenko T.V. ok', 'Dmytrenko T.V.'],
    ['Big Rick came by the clinic again.', 'Big Rick'],
    ['Seen with Raymond "Ray" Kessler Sr. today.', 'Raymond "Ray" Kessler Sr.'],
  ])('%s -> %s', (text, name) => {
    expect(names(text)).toContain(name);
  });

  it('takes the full stop of closing initials: "-P.R.", "Initials: R.B."', () => {
    expect(names('Thanks, reviewed. -P.R.')).toEqual(['P.R.']);
    expect(names('Initials: R.B.')).toEqual(['R.B.']);
  });

  it('never takes the pronoun, the article, "w" for with, or a class after a one-word name', () => {
    const text = 'Maria I think is fine. Saw Jose a while ago. Transfer by Hoyer w assist x2.';
    expect(names(text)).toEqual(expect.arrayContaining(['Maria', 'Jose']));
    expect(names(text).some((n) => /Maria I|Jose a|Hoyer w/.test(n))).toBe(false);
    for (const t of ['Le Fort II fracture of the maxilla.', 'Fitzpatrick V skin, no lesions.', 'Mallampati I airway.']) {
      expect(names(t).some((n) => /[ \t](?:I|II|V)$/.test(n)), t).toBe(false);
    }
    expect(names('C. diff toxin positive; started vancomycin.').some((n) => /C\. diff/.test(n))).toBe(false);
  });
});
