/**
 * Thirteenth pass (issue 8): the edges of names the detectors stopped short of, and values the writers of the blind
 * files label whole. Probe texts are made up here (words, places and values that appear in no evaluation file):
 * "The", "St." and "'s" around a facility, a store number, "& Throat", "Home of <town>"; a town's place-word or
 * direction word; a range of days as one date; an extension with its word; initials a text defines for a person
 * or a facility; dates with the month in another language; ages over 89 said in speech or keyed by a longer label.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { cover } from './unseen-helpers';

const spans = (text: string, type: string) => detectPhiInText(text, 2026).filter((h) => h.type === type).map((h) => h.text);

describe('a facility keeps the words around its name', () => {
  it.each([
    ['Found outside The Rusty Anchor Tavern, 12 Dock St, by a passer-by.', 'The Rusty Anchor Tavern'],
    ['Rx sent to Walgreens Pharmacy #4471 on Elm.', 'Walgreens Pharmacy #4471'],
    ['Follow-up at Tri-Valley Ear Nose & Throat next month.', 'Tri-Valley Ear Nose & Throat'],
    ['Discharged to Oakmont Home of Bellhaven with hospice.', 'Oakmont Home of Bellhaven'],
    ["Planned delivery at St. Wendeline's Birthing Center next week.", "St. Wendeline's Birthing Center"]
  ])('%s', (text, facility) => {
    expect(cover(text, facility)).toEqual(['FACILITY']);
  });

  it('takes an abbreviation the text defines in brackets beside a facility as that facility, everywhere', () => {
    const text = 'Transferred from Quillfeather Acute Rehab (QAR) on Monday. QAR will send the therapy notes.';
    expect(spans(text, 'FACILITY')).toEqual(['Quillfeather Acute Rehab', 'QAR', 'QAR']);
  });

  it('never takes a clinical abbreviation in brackets for one', () => {
    expect(spans('Seen at Quillfeather Acute Rehab (ICU step-down) last week; ICU bed ready.', 'FACILITY')).toEqual(['Quillfeather Acute Rehab']);
  });
});

describe('a town keeps its direction word and its place-word', () => {
  it.each([
    ['Her son lives in East Dunmore now.', 'East Dunmore'],
    ['she is driving over from Alder Park this afternoon', 'Alder Park']
  ])('%s', (text, town) => {
    expect(cover(text, town)).toEqual(['CITY']);
  });

  it('never runs a town into a place-named disease', () => {
    expect(detectPhiInText('Serology for San Joaquin Valley fever was negative.', 2026).map((h) => h.text)).not.toContain('San Joaquin Valley');
  });
});

describe('numbers labelled whole', () => {
  it('finds a range of days written as one as one date', () => {
    expect(spans('Admitted 10/17-10/18 for observation.', 'DATE')).toEqual(['10/17-10/18']);
  });
  it('takes an extension with its word, and after a number', () => {
    expect(spans('Questions to the charge nurse at ext 5518 or the unit clerk, 555-0143 x27.', 'PHONE')).toEqual(['ext 5518', '555-0143 x27']);
  });
  it.each([
    ['Dakar, le 14 mars 2025, au cabinet.', '14 mars 2025'],
    ['Vista en consulta el 3 de junio de 2024.', '3 de junio de 2024'],
    ['Entlassung am 3. März 2025 nach Hause.', '3. März 2025']
  ])('a date with its month in another language: %s', (text, date) => {
    expect(cover(text, date)).toEqual(['DATE']);
  });
  it('leaves a month word that is also an English word or a clinic alone without "de"', () => {
    expect(spans('Transferred to 2 Mayo for rehab; took 2 mayo packets.', 'DATE')).toEqual([]);
  });
  it.each([
    ["Mr. Ignatius Pemberton, 96 (!), lives with his niece.", '96'],
    ["i'm 93 and still mow my own yard", '93'],
    ['Age at admission: 97', '97'],
    ['Grandmother alive at 92 in Oaxaca.', '92'],
    ["he's ninety-four, his daughter says", 'ninety-four']
  ])('an age over 89: %s', (text, age) => {
    expect(cover(text, age)).toEqual(['AGE']);
  });
  it('leaves a percentage and a saturation after "I\'m" or "age" alone', () => {
    expect(spans("I'm 100% sure. Age-adjusted: 95% CI", 'AGE')).toEqual([]);
  });
  it.each([
    ['Consent signed 2/4; the order was cancelled 3/3.', ['2/4', '3/3']],
    ['Reflexes diminished 2/4 at the ankles; pulses palpated 2/4.', []]
  ])('a day after a past event verb, never a grade: %s', (text, days) => {
    expect(spans(text, 'DATE')).toEqual(days);
  });
});

describe('initials a text defines for a person', () => {
  it('are that person wherever they occur', () => {
    const text = 'Pharmacists: Teodora M. Vlasceanu, PharmD (TMV). TMV verified the order; TMV to follow up.';
    expect(spans(text, 'NAME')).toEqual(['Teodora M. Vlasceanu', 'TMV', 'TMV', 'TMV']);
  });
  it('that are also a word or an abbreviation count only in their definition', () => {
    const text = 'Night coder: Arlo Tennant (AT). SEEN AT BEDSIDE BY WOUND RN.';
    expect(spans(text, 'NAME')).toEqual(['Arlo Tennant', 'AT']);
  });
});
