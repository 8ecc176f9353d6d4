/**
 * Streets, boxes and ZIPs written without the shapes the first pass knew (issue 8, second pass on
 * numbers): streets without a house number, capital address lines, blocks, ZIPs after a state or a
 * town or used as a place. Positives written here; each rule has a clinical negative.
 */
import { describe, expect, it } from 'vitest';
import { findStreetNumbers } from '../../../server/deid/street-numbers';
import { negatives, positives } from './unseen-helpers';

describe('streets without a house number', () => {
  positives([
    ['the cvs on fairmount ave closed early', 'fairmount ave', 'ADDRESS'],
    ['Found sleeping on 12th St near the depot.', '12th St', 'ADDRESS'],
    ['Works at the diner on N Lincoln Ave nights.', 'N Lincoln Ave', 'ADDRESS'],
    ['Her school is on K Street.', 'K Street', 'ADDRESS'],
    ['Met her at the corner of 9th and Walnut.', '9th and Walnut', 'ADDRESS'],
    ['Bloodwork at Quest on Wexford, then home.', 'Wexford', 'ADDRESS'],
    ['Motel off Rt 22 for now.', 'Rt 22', 'ADDRESS'],
    ['She lives at 18 Birchwood with her sister.', '18 Birchwood', 'ADDRESS'],
    ['Lives in apt 12c alone.', 'apt 12c', 'ADDRESS']
  ]);
  negatives([
    'Seen on chest ct today; on call dr patel said to talk to covering dr about meds.',
    'Referred to Family Dr Jones; started Eliquis on Admission; Lasix on Tuesday 3 days.',
    'Walked on the road, lives on a dirt road; at eye dr appt; moved to 5 East.',
    'Clinic on Thursday afternoons; Unit 5 ICU; room 412; bed 3.'
  ]);
});

describe('street addresses written in capitals or after a clock time', () => {
  positives([
    ['ADDRESS: 77 S ORCHARD HILL RD APT 2B, DOVER DE', '77 S ORCHARD HILL RD APT 2B', 'ADDRESS'],
    ['Home: 905 ELM ST\nPhone on file', '905 ELM ST', 'ADDRESS']
  ]);
  negatives(['GIVEN 2 MG IV BY DR SMITH; 1 TAB PO DAILY; 3 WEEKS PRN.']);
  // The street rules of this module only: places.ts has its own street pattern (not in this pass's files), which still reads it.
  it('reads "0615 Paged Dr. Ruiz" as a time and a doctor, not a street', () => {
    expect(findStreetNumbers('0615 Paged Dr. Ruiz about the drain.')).toEqual([]);
    expect(findStreetNumbers('1200 Oak Dr. Suite 4 is the office.').map((h) => h.type)).toContain('ADDRESS');
  });
});

describe('ZIPs used as places', () => {
  positives([
    ['She lives in 19146 with her sons.', '19146', 'ZIP'],
    ['zip code is 60614 per registration', '60614', 'ZIP'],
    ['carmel in 46032 is the mailing town', '46032', 'ZIP'],
    ['Pt 94/F, lives alone.', '94/F', 'AGE']
  ]);
  negatives(['Walked from 10000 feet; 3 in 12345 tested; ratio 1/93; in 10000 units.']);
});

describe('blocks, boxes on routes, flats, title-case states and ZIPs after a town', () => {
  positives([
    ['Found in the 1200 block of Elm Street by police.', '1200 block of Elm Street', 'ADDRESS'],
    ['Mail: Rte 1 Box 44, no street.', 'Rte 1 Box 44', 'ADDRESS'],
    ['Lives in Flat 2 over the shop.', 'Flat 2', 'ADDRESS'],
    ['Erie, Pa 16501 on the old card.', '16501', 'ZIP'],
    ['Forward to Boston 02115 please.', '02115', 'ZIP'],
    ['cherry hill 08002 is her mailing town', '08002', 'ZIP']
  ]);
  negatives(['WBC count normal 12000; did 3 block of exercises; Ma 12345 units given.']);
});


describe('a street after an address label, and a house number in words', () => {
  positives([
    ['Address: Birch Lane, rear house.', 'Birch Lane', 'ADDRESS'],
    ['Mail goes to Two Penn Plaza now.', 'Two Penn Plaza', 'ADDRESS']
  ]);
  negatives(['Two Tylenol tabs; One Touch meter; Address concerns with family.']);
});

describe('a street address read out in words', () => {
  positives([['Speaker 2: sixty one maple avenue apartment two', 'sixty one maple avenue apartment two', 'ADDRESS']]);
  negatives(['Walked three blocks down the road; two lanes of traffic; one flight up the street.']);
});
