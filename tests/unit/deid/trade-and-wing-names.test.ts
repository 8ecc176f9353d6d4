/**
 * Tenth pass of issue 8: a local business named by its trade ("... Freight", "... Med Spa",
 * "... Co-op") and a hospital wing named after a donor ("Ruan 2 rm 214"), facilities that every
 * unseen round missed most; and the word clusters the recogniser reads. Words here are none of the
 * evaluation files' names.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { findBusinessNames } from '../../../server/deid/business-names';
import { findNamedWings } from '../../../server/deid/named-wings';
import { wordCluster } from '../../../server/deid/ner/word-clusters';

const facilities = (t: string) => detectPhiInText(t).filter((h) => h.type === 'FACILITY').map((h) => h.text);
const businesses = (t: string) => findBusinessNames(t).map((h) => t.slice(h.start, h.end));

describe('a business named by its trade', () => {
  it('is a facility in Title Case and in upper case, with its name words whole', () => {
    expect(facilities('He drives for Copperline Freight out of the yard on 5th.')).toContain('Copperline Freight');
    expect(facilities('works nights at Jade Lantern Restaurant as a line cook')).toContain('Jade Lantern Restaurant');
    expect(facilities('Employer: BLUE HERON MED SPA, front desk')).toContain('BLUE HERON MED SPA');
    expect(facilities('sells hay to Prairie Wind Co-op every fall')).toContain('Prairie Wind Co-op');
    expect(facilities('Sister works for Alder Creek Nurse Staffing.')).toContain('Alder Creek Nurse Staffing');
    expect(facilities('Chair delivered by Vantage Mobility Rentals today')).toContain('Vantage Mobility Rentals');
  });
  it('leaves a cue word or an article outside the name', () => {
    expect(businesses('Called Quillfeather Bakery to confirm')).toEqual(['Quillfeather Bakery']);
    expect(businesses('met at The Quarry Tavern on Friday')).toEqual(['Quarry Tavern']);
  });
  it('never takes a service named by what it does, a heading, a scale or a sentence before it', () => {
    for (const t of ['Medical Supply will deliver the walker.', 'Patient Transport called at 0900.', 'Home Health Staffing is short this week.',
      'Group\nMet with the support group.', 'a Dutch Lipid Clinic Network score of 7', 'seen by Dr. Ines Varga. Transport arranged by family.',
      'DOT DRUG screen negative', 'Vital signs stable.', 'The Restaurant was closed.', 'Notify the ICU Group.', 'Pt attends Alcoholics Anonymous Group weekly.']) {
      expect(businesses(t), t).toEqual([]);
    }
  });
  it('never takes a maker of devices', () => {
    expect(businesses('Replaced battery, Medtronic Group notified')).toEqual([]);
  });
});

const wings = (t: string) => findNamedWings(t).map((h) => t.slice(h.start, h.end));

describe('a hospital wing named after a donor', () => {
  it('is a facility with its floor and room, its side or its unit, and again at its other floors', () => {
    expect(wings('0715 | REQ 4410 | Tallis 3 rm 312 -> CT | stretcher')).toEqual(['Tallis']);
    expect(wings('Unit/Room: Okonedo 6 North, 6N-14')).toEqual(['Okonedo']);
    expect(wings('Need 2 RN for Marchetti ICU tonight')).toEqual(['Marchetti']);
    expect(wings('Tallis 3 room 318 clean. Float to Tallis 5 at 1900.')).toEqual(['Tallis', 'Tallis']);
    expect(facilities('Transport: Quennell 4 rm 402 to IR')).toContain('Quennell');
  });
  it('never takes a room word, a score with its stage or a test pattern', () => {
    for (const t of ['Bay 9 rm 2 cleaned', 'Tanner 3 room air sat 98%', 'Humphrey 24-2 SITA-Fast: full', 'Pyxis 4W drawer jam', 'Mobitz 2, rate 48',
      'March 3 room 2 booked', 'Tower 5 North closed']) expect(wings(t), t).toEqual([]);
  });
});

describe('the word clusters the recogniser reads', () => {
  it('put words used alike together and give none to a word GloVe never saw', () => {
    expect(wordCluster('hodgkin').fine).toBe(wordCluster('parkinson').fine);
    expect(wordCluster('medtronic').fine).toBe(wordCluster('intel').fine);
    expect(wordCluster('kowalski').coarse).not.toBe(wordCluster('intel').coarse);
    expect(wordCluster('zqxvbnw')).toEqual({ fine: '-', coarse: '-' });
  });
});
