/**
 * Third pass on identifiers, ages and phones (issue 8): general rules written from probe texts made up
 * here, with words, layouts and values that appear in no evaluation file, each with the clinical or
 * ordinary numbers it must leave alone. Dates of the same pass: unseen-dates-ids.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { cover, negatives, numberHits, positives } from './unseen-helpers';

describe('keyed values are values, and one key may lead several', () => {
  positives([
    ['Refill sent 2024-11-02 with Rx #P-77120.', '2024-11-02', 'DATE'],
    ['Account numbers 61120 and 61188 were merged.', '61188', 'ACCOUNT'],
    ['accts 73101, 73102 closed', '73102', 'ACCOUNT'],
    ['MRNs 3381022, 3381023 linked', '3381023', 'MRN'],
    ['Claim nos. 8812200 / 8812201 resubmitted.', '8812201', 'OTHER_ID'],
    ['Auth numbers: 44120A, 44121B, 44122C', '44122C', 'OTHER_ID'],
    ['Pol# 7781-22901 effective today.', '7781-22901', 'HEALTH_PLAN'],
    ['transcription job # 6620183\ncc: cardiology', '6620183', 'OTHER_ID'],
    ['Order 7710229\nCC: rash', '7710229', 'OTHER_ID']
  ]);
  negatives([
    'Accounts of the fall vary; numbers 3 and 4 of the list.',
    'Orders 2 and 3 were cancelled; problems 4, 5 resolved.',
    'Rx filled at 1400, 30 tabs.',
    'Drain output 220 cc total for shift.'
  ]);
  it('keeps the date whole when a key stands before it', () => {
    expect(numberHits('Rx filled 2023-11-02 at pharmacy.')).toEqual(['DATE "2023-11-02"']);
  });
});

describe('the last digits of an id, and a keyed value a few words on', () => {
  positives([
    ['the old card ending 7719 still shows', '7719', 'OTHER_ID'],
    ['Visa? no, the account ending in 0093 was closed', '0093', 'ACCOUNT'],
    ['member id ends with 4410 on the letter', '4410', 'HEALTH_PLAN'],
    ['acct# on the bill 0040-5512-88, unit 6', '0040-5512-88', 'ACCOUNT']
  ]);
  negatives([
    'Ending 2024 with a plan; the week ending 1400 hrs; ends in 5 days.',
    'Taper ending 10 mg; course ends with 2000 mL.'
  ]);
});

describe('keys in a table header type the values under them', () => {
  it('types each column by its header', () => {
    const text = 'Member ID\tGroup\tPlan\nZHK44120917\t55180\tGold PPO';
    expect(cover(text, 'ZHK44120917')).toEqual(['HEALTH_PLAN']);
    expect(cover(text, '55180')).toEqual(['HEALTH_PLAN']);
  });
  it('reads pipe tables and space-aligned columns', () => {
    const pipes = 'Name | MRN | Acct | Visit\nQuill, T | 2204418 | 88710 | 3/2/2024';
    expect(cover(pipes, '2204418')).toEqual(['MRN']);
    expect(cover(pipes, '88710')).toEqual(['ACCOUNT']);
    const spaced = 'MRN        FIN        Room\n6610042    77120      12\n6610043    77121      14';
    expect(cover(spaced, '77120')).toEqual(['ACCOUNT']);
    expect(cover(spaced, '77121')).toEqual(['ACCOUNT']);
    expect(cover(spaced, '6610043')).toEqual(['MRN']);
  });
  it('leaves columns of values and counts alone', () => {
    expect(numberHits('Test\tResult\tRange\nNa\t138\t135-145\nK\t4.1\t3.5-5.0')).toEqual([]);
    expect(numberHits('Room | Bed | Pain\n12 | 2 | 4/10\n14 | 1 | 2/10')).toEqual([]);
    expect(numberHits('Code | Units | Charge\n99214 | 1 | 180\nJ1100 | 2 | 24')).toEqual([]);
  });
});

describe('ages over 89 said in passing', () => {
  positives([
    ['her aunt, now 97, still drives', '97', 'AGE'],
    ['At 93 he still splits wood.', '93', 'AGE'],
    ['Grandfather, now aged 101, in memory care.', '101', 'AGE'],
    ['at 96 she lives alone', '96', 'AGE'],
    ['He is now 92 and frail.', '92', 'AGE'],
    ['The patient, who is 94, declines.', '94', 'AGE'],
    ['my dad is almost 99', '99', 'AGE'],
    ['mom will be 91 in June', '91', 'AGE'],
    ['my dad (hes 94 in feb) had a fall', '94', 'AGE']
  ]);
  negatives([
    'At 90 minutes the drain was pulled; at 95% she desaturates.',
    'HR now 97, sat now 92%; at 92 bpm she felt fine.',
    'Glucose at 98; weight now 94 kg.',
    'At 91 mg/dL no insulin; now 99.1 F.'
  ]);
});

describe('phones in every layout', () => {
  positives([
    ['Home: (512)-555-0187 evenings.', '(512)-555-0187', 'PHONE'],
    ['Son 512-555 0187 (cell).', '512-555 0187', 'PHONE'],
    ['Office line 512.5550187, ask for Bea.', '512.5550187', 'PHONE'],
    ['Tel.: 0033 1 4427 1900 (Paris office)', '0033 1 4427 1900', 'PHONE'],
    ['whatsapp 0052 55 4412 9081', '0052 55 4412 9081', 'PHONE'],
    ['Reach the niece at 512-555-0187x4.', '512-555-0187x4', 'PHONE'],
    ['Call back 1 (512) 555 0187 today', '1 (512) 555 0187', 'PHONE'],
    ['Fax: 512-555-0199', '512-555-0199', 'FAX']
  ]);
  negatives([
    'Weights 120.5550 not real; ranges 100-1200, 5/325.',
    'Dose 0025 units? no: 0.025 mg; counts 0012 0034 0056 in the log.',
    'BP 128/76/0 typo; 250/500/1000 mg tabs.'
  ]);
});

describe('NDC layouts name a drug product on a line about one', () => {
  negatives([
    'Dispensed 0781-5180-01 amoxicillin 500 mg caps.',
    'Insulin pen 00088-2220-33 lot checked.',
    'Vial 63323-262-01, 10 units given.',
    'Pharmacy label shows 50090-4471-0.'
  ]);
  positives([
    ['Patient account 2291-0044-12 closed.', '2291-0044-12', 'ACCOUNT'],
    ['Ref 5512-8801-22 per the caller.', '5512-8801-22', 'OTHER_ID'],
    ['Number on the letter: 44712-339-08.', '44712-339-08', 'OTHER_ID']
  ]);
});
