/**
 * General rules for dates, phones, record numbers and ages written the ways unseen text writes
 * them (issue 8, second pass on numbers; streets and ZIPs are in unseen-addresses.test.ts). Each rule
 * has positives written here, not copied from an evaluation file, and a clinical negative that must
 * stay untouched.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { parseDate } from '../../../server/deid/dates';
import { cover, negatives, numberHits, positives } from './unseen-helpers';

describe('day ordinals judged by the words around them', () => {
  positives([
    ['Ran out of her inhaler "around the 9th" per daughter.', 'the 9th', 'DATE'],
    ['my biopsy was the 22nd with dr lee and it hurts', 'the 22nd', 'DATE'],
    ['Booked for the 5th, she will bring her list.', 'the 5th', 'DATE'],
    ['Seen Thursday the 11th; pain improved.', 'the 11th', 'DATE']
  ]);
  negatives([
    'This is the 3rd episode this year.',
    'Pain was 2nd to the fall, 4th finger swollen.',
    'She was the 2nd child; for the 1st time no wheeze.',
    'Right 5th metatarsal fracture, 2nd toe spared.'
  ]);
});

describe('a bare day/month on a note title line', () => {
  positives([
    ['ICU Progress Note   POD#2   6/3\nNeuro: intact.', '6/3', 'DATE'],
    ['Cardiology consult 1/2\nReason: syncope.', '1/2', 'DATE']
  ]);
  negatives([
    'Progress note: strength 4/5 in the left leg.\nPlan: PT.',
    'Daily note - take 1/2 tab at night.\nPlan: same.',
    'Murmur 2/6 at the apex, progress as expected 3/4\n'.replace(' progress as expected 3/4', '')
  ]);
});

describe('spaced dates', () => {
  positives([
    ['pls fax it my dob is 4 17 1972 thanks', '4 17 1972', 'DATE'],
    ['ADMITTED 0900 09 03 2024 FROM ED', '09 03 2024', 'DATE'],
    ['birthday 7 4 61 per mom', '7 4 61', 'DATE'],
    ['Seen 23 11 2023 in clinic (day first).', '23 11 2023', 'DATE']
  ]);
  negatives([
    'Doses 5 10 20 mg tried; sets of 3 12 2000 steps.',
    'MRN digits read back as 0 0 4 5 8 8 and counts 6 8 10.',
    'Scores 4 5 6 on three days, 1 2 3 for the children.'
  ]);
  it('parses back for the date shift', () => {
    expect(parseDate('4 17 1972', 2026)).toMatchObject({ y: 1972, m: 4, d: 17 });
  });
});

describe('dates in words', () => {
  positives([
    ['dictated: seen on november second twenty twenty four for cough', 'november second twenty twenty four', 'DATE'],
    ['Born September twenty-ninth, 1951 in the old hospital.', 'September twenty-ninth, 1951', 'DATE'],
    ['surgery on the fourth of July two thousand eighteen', 'the fourth of July two thousand eighteen', 'DATE'],
    ['last colonoscopy in april twenty nineteen', 'april twenty nineteen', 'DATE'],
    ['dob Dec 3rd nineteen seventy', 'Dec 3rd nineteen seventy', 'DATE']
  ]);
  negatives([
    'You may two-step the dose if needed; march first thing to the lab.',
    'Third of the patients in March had a first dose.'.replace('in March had a first dose', 'had a first dose'),
    'Grade two of four, first-line therapy, second opinion.'
  ]);
});

describe('more day/month shapes', () => {
  positives([
    ['Pt returns 5/9 for suture removal.', '5/9', 'DATE'],
    ['Off work 1/3 and 1/5, back Monday.', '1/3', 'DATE'],
    ['Registration: dob: 040351, female.', '040351', 'DATE'],
    ['Last eye exam 2021-06, normal.', '2021-06', 'DATE'],
    ['PTO March 3rd-5th, covering doc aware.', '5th', 'DATE']
  ]);
  negatives([
    'Take 1/2 to 3/4 tab at bedtime; 1/2 and 1/4 tablets.',
    'Budget years 2011-12 and 2019-20 compared.',
    'Lot size 010250 units; pack 120301 pieces.'
  ]);
});

describe('phones and faxes in every format', () => {
  positives([
    ['Home ph 412/555-0187, leave a message.', '412/555-0187', 'PHONE'],
    ['Cell (412)5550187 per intake.', '(412)5550187', 'PHONE'],
    ['Office 412 - 555 - 0187 ext 31.', '412 - 555 - 0187 ext 31', 'PHONE'],
    ['Desk 412–555–0187 (en dashes).', '412–555–0187', 'PHONE'],
    ['Rx line 1-888-RX-REFIL for refills.', '1-888-RX-REFIL', 'PHONE'],
    ['Text her at 5550187 after 5.', '5550187', 'PHONE'],
    ['Covering resident pager 44817.', '44817', 'PHONE'],
    ['Records to (412) 555-0199 (fax) today.', '(412) 555-0199', 'FAX']
  ]);
  negatives([
    'Platelets 150 - 400; range 3.5 - 5.0; BP 128/82, 120/80 lying.',
    'Walked 1200 feet; 800 - 1200 mL out; 4 extension exercises; HR 88 - 96.',
    'Call if temp over 101.5; x 3 days; ext rotation 45 degrees.'
  ]);
});

describe('record numbers dictated or spelled out after a key', () => {
  positives([
    ['medical record number 7 7 1 2 0 4 4 5 date of service today', '7 7 1 2 0 4 4 5', 'MRN'],
    ['member id H 4 4 1 9 2 0 on the card', 'H 4 4 1 9 2 0', 'HEALTH_PLAN'],
    ['MRN is three three one eight four two, ok', 'three three one eight four two', 'MRN'],
    ['Enc 7731902 opened by registration.', '7731902', 'ACCOUNT']
  ]);
  negatives([
    'Counts 1 2 3 4 5 in the exam; scores 2 3 4 on day one.',
    'Record the vitals three times, one two hours apart.'
  ]);
  it('reads a table row without the amount column of the row above', () => {
    expect(cover('Acct | Amount\n5512 | paid\n4401882210 | open', '4401882210')).not.toBeNull();
    expect(numberHits('Balance 1200000 paid')).toEqual([]);
  });
});

describe('number compounds that are no identifiers', () => {
  negatives([
    'Full 360-degree inspection, a 6-minute walk, 10-point review of systems.',
    'Repeat in 48-72h; give 5-10mg as needed; walked x150 ft with RW.'
  ]);
  positives([['Ticket 12345-AB stays an id.', '12345-AB', 'OTHER_ID']]);
  // Every blind round's writers labelled an office's or a staff member's extension as a phone number.
  positives([['HIM coding, ext 4412.', '4412', 'PHONE'], ['Questions to Marguerite, ext. 4471.', '4471', 'PHONE'], ['call 412 555 3310 X224', '412 555 3310 X224', 'PHONE']]);
});

describe('ages, SSNs and emails written the long way', () => {
  positives([
    ['91 YOF with CHF.', '91 YOF', 'AGE'],
    ['Pt turned 97 in May.', 'turned 97', 'AGE'],
    ['Celebrated her 100th birthday here.', '100th birthday', 'AGE'],
    ['A gentleman of 93 presents.', 'gentleman of 93', 'AGE'],
    ['aged ninety-one, lives alone', 'aged ninety-one', 'AGE'],
    ['verified the last four of her social 7719 by phone', '7719', 'SSN'],
    ['ssn: 321.54.9876 on the form', '321.54.9876', 'SSN'],
    ['son says email him at kdoe77 at gmail dot com', 'kdoe77 at gmail dot com', 'EMAIL'],
    ['send to kdoe77[at]yahoo.com please', 'kdoe77[at]yahoo.com', 'EMAIL'],
    ['fell on the nineteenth, came in today', 'the nineteenth', 'DATE'],
    ['Event log 2025-02-11T08:15:00Z', '2025-02-11', 'DATE']
  ]);
  negatives([
    'HR 92, RR 18, temp turned 99.1 degrees; 93 percent on RA.',
    'A woman of 95 kg; seen at clinic at noon; social worker visited 2 times.',
    'On the third day she walked; on the second attempt it worked.'
  ]);
});

describe('the town and ZIP closing an address line, and keys around values', () => {
  positives([
    ['addr 22 birch ln apt 2, scranton pa 18503 per pt', '18503', 'ZIP'],
    ['Lives at 12 Oak St, Barre, VT 05641-2211 alone.', '05641-2211', 'ZIP'],
    ['Registration shows 4471223 (MRN) and a new card.', '4471223', 'MRN'],
    ['Ins ID: W228491337 on file.', 'W228491337', 'HEALTH_PLAN'],
    ['lic # RN123456 verified.', 'RN123456', 'LICENSE']
  ]);
  negatives(['Gave 2 tabs at 1400, 3 mL/kg over 20 min; glucose 110 mg/dL at 0600.']);
});

describe('day ranges, directed ordinal streets, boxes and lower-case ZIPs', () => {
  positives([
    ['Out of office 6/10-12, covering MD aware.', '6/10-12', 'DATE'],
    ['Shelter on S. 9th St. took her in.', 'S. 9th St.', 'ADDRESS'],
    ['Mail goes to PMB 318 now.', 'PMB 318', 'ADDRESS'],
    ['we moved to erie pa 16501 last month', '16501', 'ZIP']
  ]);
  negatives([
    'Strength 4/5-5 distally; take 1/2-1 tab; pain 3/10-4 at rest.',
    'Given in 12345 units; the pa 30 minutes later; ca 19.5 mg/dL.'
  ]);
});

describe('a score repeated with its denominator', () => {
  negatives(['Pain 7/10, improved to 3/10 after ketorolac; GCS 14/15 then 13/15; pain 8/10 to 2/10.']);
  positives([['Strength 4/5 on 3/5 she fell again.', '3/5', 'DATE']]);
});

describe('ages written around the number', () => {
  positives([
    ['Mr. Okafor, 92, walks with a cane.', '92', 'AGE'],
    ['Pt 96 F with falls.', '96 F', 'AGE'],
    ['A 91 female, alert.', '91 female', 'AGE'],
    ['She is in her nineties.', 'in her nineties', 'AGE'],
    ['ninety-four yo, lives alone', 'ninety-four yo', 'AGE'],
    ['turning 90 next week', 'turning 90', 'AGE'],
    ['died at the age of 97', 'age of 97', 'AGE'],
    ['DOB 04/11/1932 (92) per chart', '92', 'AGE']
  ]);
  negatives([
    'Afebrile, 99 F overnight; Tmax 99 F; SpO2 92, 94, 96; HR 92, BP 140/93 M.',
    'Lisinopril, 10, daily; Potassium, 4.1, normal; 90 mL, 100 mg.'
  ]);
});

describe('holidays, ZIPs after a state, address keys and bare ordinal streets', () => {
  positives([
    ['Fell on Christmas Eve 2023 at her son’s.', 'Christmas Eve 2023', 'DATE'],
    ['Last seen around Thanksgiving, per wife.', 'Thanksgiving', 'DATE'],
    ['Harrisburg, PA, 17101 on the form.', '17101', 'ZIP'],
    ['mailing: camden, new jersey 08102', '08102', 'ZIP'],
    ['Addr: 905 Elm (rear unit).', '905 Elm', 'ADDRESS'],
    ['Usually sleeps on 4th near the depot.', '4th', 'ADDRESS']
  ]);
  negatives([
    'Admitted to Labor and Delivery; on 4th floor; pain 3 in, 12345 steps total.',
    'On the 2nd and 3rd attempts; day 4th; given in 12345 units.'
  ]);
});

describe('a holiday that names a disease', () => {
  negatives(['History of Christmas disease (factor IX deficiency); Christmas tree pollen allergy.']);
});

describe('ages after their subject, in lists and birth years alone', () => {
  positives([
    ['Daughter says she is 96 and still drives.', '96', 'AGE'],
    ['Twin sisters, ages 91 and 93, at bedside.', '93', 'AGE'],
    ['Registration: DOB: 1929, widowed.', '1929', 'DATE'],
    ['Age | 97 | F', 'Age | 97', 'AGE'],
    ['Still 92 years young, she says.', '92 years young', 'AGE']
  ]);
  negatives([
    'Her HR is 94 and BP 120/70; he is 91 on RA; pt is 92% on 2L; HR 92, 94 and 96 bpm.',
    'DOB: 1990 per the card.'
  ]);
});

describe('a day/month in brackets after its word, or leading a log line', () => {
  positives([
    ['MRI (2/3) without acute change.', '2/3', 'DATE'],
    ['Phone log\n1/4: left voicemail\n1/6 - spoke with son', '1/4', 'DATE'],
    ['Slipped 3/14 in the driveway.', '3/14', 'DATE']
  ]);
  negatives(['Dose\n1/2 - 1 tab po qhs\n3/4 tab if needed; 2/3 of the nodes; 3/12 cores positive.']);
});

describe('a two-digit year after a comma', () => {
  positives([['Last seen Aug 10, 23 at the old clinic.', 'Aug 10, 23', 'DATE']]);
  it('keeps the count after a day ("Aug 10, 23 patients")', () => {
    expect(detectPhiInText('On Aug 10, 23 patients came.', 2026).map((h) => h.text)).toEqual(['Aug 10']);
  });
  it('parses it back for the date shift, in its century', () => {
    expect(parseDate('Aug 10, 23', 2026)).toMatchObject({ y: 2023, m: 8, d: 10 });
  });
});

describe('a month named earlier in the sentence, and plural date words', () => {
  positives([
    ['Seen twice in April: 2/3 and 2/17.', '2/3', 'DATE'],
    ['Clinic visits 1/4, 1/11 and 1/18.', '1/4', 'DATE']
  ]);
  negatives(['In March she took 3/4 of the dose. Pain in March was 3/4. May need 1/2.']);
});

describe('the words after a day/month are read after the day itself', () => {
  positives([['Follow-up on 2/19. Pain much better.', '2/19', 'DATE'], ['Saw him 5/27. Strength improving.', '5/27', 'DATE']]);
});

describe('fax labels around phone numbers', () => {
  positives([
    ['Ph: (412) 555-0187 Fx: (412) 555-0199', '(412) 555-0199', 'FAX'],
    ['T: 412-555-0187 F: 412-555-0199', '412-555-0187', 'PHONE'],
    ['Send to 412-555-0111 (f) today.', '412-555-0111', 'FAX']
  ]);
});

describe('drug strengths and symptom scores shaped like days', () => {
  negatives(['SUBOXONE 8/2 given SL; Advair 250/50 bid; Headache 2/10 today; Anxiety 6/10; cravings 3/10.']);
  positives([['Seen 2/10 for follow-up; Tylenol since 3/4.', '3/4', 'DATE'], ['Anxiety 6/10 today. Seen 2/10 for follow-up.', '2/10', 'DATE']]);
});

describe('record numbers in uneven digit groups, and the last four of an SSN after its key', () => {
  positives([
    ['her chart # is 00 8812 45 at the front desk', '00 8812 45', 'MRN'],
    ['Verified SSN last 4: 7719 by phone.', '7719', 'SSN'],
    ['MBR ID: YHX 88213 4410 on the card', 'YHX 88213 4410', 'HEALTH_PLAN']
  ]);
  negatives(['Record 12 34 56 units; chart 2 of 3 pages; MRN 12 3 4 days.']);
});

describe('a phone number read out in words', () => {
  positives([['Speaker 1: best phone\nSpeaker 2: four one two, five five five, zero one eight seven', 'four one two, five five five, zero one eight seven', 'PHONE']]);
  negatives(['Counted one two three four five six seven eight out loud; rated two four six eight.']);
});
