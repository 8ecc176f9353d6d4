/**
 * Names pass 5, class "names by their form on the page": upper-case headers and signatures
 * ("DR MAY QUIROGA", "/es/ IVY T TUILAGI"), labelled "Last, First" values with surname particles
 * and four words ("Re: DEL VALLE ARRIZABALAGA, Lucia", "Pt: Haddad, Omar bin Salim"), names
 * spelled out letter by letter ("spelled T-U-I-L-A-G-I"), and "First L" closing a table cell
 * without a full stop ("| Thandiwe N |"). Names in no evaluation file; the negatives are the
 * same shapes made of clinical words and abbreviations.
 */
import { describe, expect, it } from 'vitest';
import { coveredAsName, nameTexts } from './unseen-helpers';

describe('upper-case names after a title or a signature mark', () => {
  it.each([
    ['PCP: DR MAY QUIROGA, LAKESIDE FAMILY PRACTICE', 'MAY QUIROGA'],
    ['REFERRING: DR AUGUST HAVERKAMP', 'AUGUST HAVERKAMP'],
    ['Dr. June Etxeberria will see her Friday.', 'June Etxeberria'],
    ['/es/ IVY T TUILAGI\nRN CASE MANAGER', 'IVY T TUILAGI'],
    ['/s/ Sione Faleolo, LCSW', 'Sione Faleolo'],
    ['Electronically signed: /es/ NOMVULA OOSTHUIZEN 10/02/2024', 'NOMVULA OOSTHUIZEN']
  ])('%s -> %s', (text, name) => {
    expect(coveredAsName(text, name)).toBe(true);
  });
  it.each([
    ['/es/ CARDIOLOGY ATTENDING', ['CARDIOLOGY', 'ATTENDING']],
    ['PER DR: MAY RESUME DIET TOMORROW', ['MAY', 'RESUME']],
    ['Follow up with Dr in May 2025.', ['May']]
  ])('keeps the ordinary words in %s', (text, words) => {
    expect(nameTexts(text).some((n) => words.some((w) => n.includes(w)))).toBe(false);
  });
});

describe('labelled "Last, First" with particles and four words', () => {
  it.each([
    ['Re: DEL VALLE ARRIZABALAGA, Lucia  DOB 04/02/1958', 'DEL VALLE ARRIZABALAGA, Lucia'],
    ['Pt: Haddad, Omar bin Salim   Acct #: 5520193', 'Haddad, Omar bin Salim'],
    ['Patient: de los Santos Quiroga, Maribel    MRN 44102', 'de los Santos Quiroga, Maribel'],
    ['Member: GUDMUNDSDOTTIR, Sigrun Ola', 'GUDMUNDSDOTTIR, Sigrun Ola'],
    ['RE: VAN HOUTEN, PIETER J  DOS 3/3/24', 'VAN HOUTEN, PIETER J']
  ])('%s -> %s', (text, name) => {
    expect(coveredAsName(text, name)).toBe(true);
  });
  it.each([
    'Re: Request for prior authorization, lumbar MRI',
    'RE: Denial of claim, level of care',
    'Pt: Afebrile, tolerating diet',
    'Re: Follow up, labs pending'
  ])('keeps %s', (text) => {
    expect(nameTexts(text)).toEqual([]);
  });
});

describe('names spelled letter by letter', () => {
  it.each([
    ['Patient Losaline Tuilagi, spelled T-U-I-L-A-G-I, date of birth', 'T-U-I-L-A-G-I'],
    ['last name is Brannigan, B-R-A-N-N-I-G-A-N', 'B-R-A-N-N-I-G-A-N'],
    ['first name spelled L O S A L I N E, last name Tuilagi', 'L O S A L I N E'],
    ['spelling: O-O-S-T-H-U-I-Z-E-N', 'O-O-S-T-H-U-I-Z-E-N']
  ])('%s -> %s', (text, name) => {
    expect(coveredAsName(text, name)).toBe(true);
  });
  it.each([
    'Diagnosis spelled out: C-O-P-D exacerbation',
    'Positive for M-R-S-A in the nares',
    'Educated on the F-A-S-T stroke signs'
  ])('keeps %s', (text) => {
    expect(nameTexts(text)).toEqual([]);
  });
});

describe('"First L" closing a table cell or line without a full stop', () => {
  it.each([
    ['7712045 | Mbali, Zanele | 08/01 | 291 | Mabel N', 'Mabel N'],
    ['Reviewer\tCase\nReuben K\t7710321', 'Reuben K'],
    ['Case owner: Percy P\nStatus: pending', 'Percy P']
  ])('%s -> %s', (text, name) => {
    expect(coveredAsName(text, name)).toBe(true);
  });
  it.each([
    'Hep B | negative',
    'Vitamin D\n25-OH 18',
    'Lane B | closed',
    'Factor V\nLeiden negative'
  ])('keeps %s', (text) => {
    expect(nameTexts(text)).toEqual([]);
  });
});
