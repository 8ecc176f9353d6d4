/**
 * Dates and number-bearing identifiers: "numbers are suspect unless they are clinical".
 * Positives: many date shapes and ids after keys the detector has no table entry for, typed by the
 * labelling conventions (MRN / ACCOUNT / LICENSE / OTHER_ID). Negatives: vitals, labs, doses,
 * scores, code-set codes, formulas, money and fractions must stay.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { findDates, parseDate } from '../../../server/deid/dates';
import { hasIdShape } from '../../../server/deid/suspect-ids';
import { isCodeShape } from '../../../server/deid/clinical-numbers';
import { placeholder } from '../../../server/deid/index';

const NUMBER_TYPES = new Set(['DATE', 'AGE', 'MRN', 'ACCOUNT', 'HEALTH_PLAN', 'OTHER_ID', 'LICENSE', 'DEVICE', 'VEHICLE', 'PHONE', 'FAX', 'SSN', 'IP', 'URL', 'EMAIL', 'ZIP', 'ADDRESS']);

/** Whether every character of `value` (its first occurrence in `text`) is covered by a detection. */
function covered(text: string, value: string): boolean {
  const at = text.indexOf(value);
  if (at < 0) throw new Error(`"${value}" is not in "${text}"`);
  const found = detectPhiInText(text, 2026);
  for (let i = at; i < at + value.length; i++) if (!found.some((f) => f.start <= i && i < f.end)) return false;
  return true;
}
const typeOf = (text: string, value: string) => detectPhiInText(text, 2026).find((f) => f.text === value)?.type;
const numberHits = (text: string) => detectPhiInText(text, 2026).filter((f) => NUMBER_TYPES.has(f.type)).map((f) => `${f.type} "${f.text}"`);

describe('dates in any shape', () => {
  const cases: [string, string][] = [
    ['Seen 12Jan2024 for follow-up.', '12Jan2024'],
    ['Echo 03MAR24 showed EF 40%.', '03MAR24'],
    ['f/u Jan-12-2024', 'Jan-12-2024'],
    ['Labs drawn 2024-Jan-12.', '2024-Jan-12'],
    ['Last mammogram Aug \'23.', 'Aug \'23'],
    ['Fell 10 Aug \'23 at home.', '10 Aug \'23'],
    ['Fell on the 14th and again later.', 'the 14th'],
    ['Monday the 3rd she called the clinic.', 'the 3rd'],
    ['Seen Tuesday 3/4 at clinic.', '3/4'],
    ['CT 1/12 negative for PE.', '1/12'],
    ['Symptoms began 3/15, worse by the weekend.', '3/15'],
    ['Stitches out 1/30.', '1/30'],
    ['Seen 14/03/2024 in London.', '14/03/2024'],
    ['Report dated 31.12.2023.', '31.12.2023'],
    ['Scan 2024.03.14 unchanged.', '2024.03.14'],
    ['Seen 12.03.24 in clinic.', '12.03.24'],
    ['DOB 01011950.', '01011950'],
    ['Inpatient 3/4-3/6 for CHF.', '3/6'],
    ['Inpatient 1/2/24-1/5/24 for CHF.', '1/2/24'],
    ['Admitted March 3-5, 2024.', '5'],
    ['Therapy 3-5 March 2024.', '3'],
    ['Boosted 4-Mar with Pfizer.', '4-Mar'],
    ['Restarted on the 2nd of May.', '2nd of May'],
    ['Vaccinated 9/2021.', '9/2021']
  ];
  it.each(cases)('%s -> %s', (text, value) => {
    expect(covered(text, value)).toBe(true);
    expect(detectPhiInText(text, 2026).some((f) => f.type === 'DATE' && f.start <= text.indexOf(value) && text.indexOf(value) < f.end)).toBe(true);
  });

  it('parses the new shapes, so shift mode can rewrite them', () => {
    expect(parseDate('12Jan2024', 2026)).toMatchObject({ y: 2024, m: 1, d: 12 });
    expect(parseDate('14/03/2024', 2026)).toMatchObject({ y: 2024, m: 3, d: 14 });
    expect(parseDate('2024.03.14', 2026)).toMatchObject({ y: 2024, m: 3, d: 14 });
    expect(parseDate("Aug '23", 2026)).toMatchObject({ y: 2023, m: 8 });
    expect(parseDate('01011950', 2026)).toMatchObject({ y: 1950, m: 1, d: 1 });
    expect(parseDate('02301950', 2026)).toBeNull();
  });

  it('shifts a military date in its own layout and writes a range end as [DATE]', () => {
    const text = 'Seen 12Jan2024; rehab March 3-5.';
    const found = detectPhiInText(text, 2026).filter((f) => f.type === 'DATE');
    const out = found.map((f) => placeholder({ start: f.start, end: f.end, type: f.type, text: f.text } as never, { dateMode: 'shift', shiftDays: 10 }, 2026));
    expect(out).toEqual(['22Jan2024', 'March 13-[DATE]']);
  });

  it('finds a range of days written as one as one date, and shifts each end that parses', () => {
    const text = 'held approx 10/17-10/18; visit of Sept 17-19.';
    const found = detectPhiInText(text, 2026).filter((f) => f.type === 'DATE');
    expect(found.map((f) => f.text)).toEqual(['10/17-10/18', 'Sept 17-19']);
    const shift = (f: (typeof found)[number]) => placeholder({ start: f.start, end: f.end, type: f.type, text: f.text } as never, { dateMode: 'shift', shiftDays: 10 }, 2026);
    expect(found.map(shift)).toEqual(['10/27-10/28', 'Sept 27-[DATE]']);
    expect(placeholder({ start: 0, end: 11, type: 'DATE', text: '10/17-10/18' } as never, { dateMode: 'year-only' }, 2026)).toBe('[DATE]');
  });

  const notDates = [
    'Pain 7/10, strength 4/5 bilaterally, reflexes 2/4, GCS 15/15, MMSE 28/30.',
    'Take 1/2 tab daily; 2/3 of the dose given; 3/4 inch laceration.',
    'Blood cultures 2/4 bottles positive; 2/17 lymph nodes positive.',
    'Apgars 8/9. BP 120/80. 2/6 SEM at the apex.',
    'See you the 3rd time this week; on the 2nd attempt the line went in.',
    'Seen in 2019 and 2021-2023; version 1.2.3 installed.'
  ];
  it.each(notDates)('no date in: %s', (text) => {
    expect(findDates(text, 2026).map((h) => text.slice(h.start, h.end))).toEqual([]);
  });
});

describe('identifiers after any key word, typed by the key', () => {
  const cases: [string, string, string][] = [
    ['FIN: 88120044 on the face sheet.', '88120044', 'ACCOUNT'],
    ['CSN 5512009381 for this visit.', '5512009381', 'ACCOUNT'],
    ['HAR# 441-229 pending.', '441-229', 'ACCOUNT'],
    ['Enc # 55123 closed.', '55123', 'ACCOUNT'],
    ['Hosp # 77812 on the band.', '77812', 'ACCOUNT'],
    ['visit # 4452 billed.', '4452', 'ACCOUNT'],
    ['FIN for this admission is 88120044.', '88120044', 'ACCOUNT'],
    ['acct ending in 4421 on file.', '4421', 'ACCOUNT'],
    ['MR# 0044721 per the label.', '0044721', 'MRN'],
    ['Med Rec #: 55-1204 in Epic.', '55-1204', 'MRN'],
    ['Chart # 99812 pulled.', '99812', 'MRN'],
    ['EMR: 7712093 (old system).', '7712093', 'MRN'],
    ['MRN - 1234567 confirmed.', '1234567', 'MRN'],
    ['Claim # CLM-2024-00123 denied.', 'CLM-2024-00123', 'OTHER_ID'],
    ['auth no. A99812 valid 30 days.', 'A99812', 'OTHER_ID'],
    ['accession S24-11873 sent to path.', 'S24-11873', 'OTHER_ID'],
    ['incident no. 2024-0091 filed.', '2024-0091', 'OTHER_ID'],
    ['Booking ID BK7731 at county jail.', 'BK7731', 'OTHER_ID'],
    ['student ID S0098812 on the form.', 'S0098812', 'OTHER_ID'],
    ['interpreter # 4471 used.', '4471', 'OTHER_ID'],
    ['NPI 1234567893 on the order.', '1234567893', 'LICENSE'],
    ['DEA AB1234563 verified.', 'AB1234563', 'LICENSE'],
    ['Member: XYZ123456789 active.', 'XYZ123456789', 'HEALTH_PLAN'],
    ['Locker no. 2291 holds belongings.', '2291', 'OTHER_ID'],
    ['Her Medicare Beneficiary Identifier is 1EG4-TE5-MK73.', '1EG4-TE5-MK73', 'HEALTH_PLAN'],
    ['Inpatient admission #A009981 closed.', 'A009981', 'ACCOUNT'],
    ['Billed to Medicare; claim # 44100299 denied.', '44100299', 'OTHER_ID'],
    ['Encounter ID: E-7741290 opened.', 'E-7741290', 'ACCOUNT'],
    ['ins card # W 228 491 337 on file.', 'W 228 491 337', 'HEALTH_PLAN']
  ];
  it.each(cases)('%s -> %s (%s)', (text, value, type) => {
    expect(covered(text, value)).toBe(true);
    expect(typeOf(text, value)).toBe(type);
  });
});

describe('long or mixed shapes without a clinical reading', () => {
  it('flags long digit runs and letter+digit mixes with no key, as optional OTHER_ID', () => {
    const text = 'Form ref A8831902 attached; sample X4K-22913 sent; tracking 1Z999AA10123456784; old number 55120934; card 1234-5678.';
    for (const v of ['A8831902', 'X4K-22913', '1Z999AA10123456784', '55120934', '1234-5678']) expect(covered(text, v), v).toBe(true);
    const h = detectPhiInText(text, 2026).find((f) => f.text === 'X4K-22913');
    expect(h).toMatchObject({ type: 'OTHER_ID', required: false });
  });

  it('tells identifier shapes from code and clinical shapes', () => {
    for (const t of ['A8831902', '123456', 'X4K-22913', 'AB1234563', 'CLM-2024-00123']) expect(hasIdShape(t), t).toBe(true);
    for (const t of ['12345', 'HbA1c', 'T4', 'E11', 'CYP2D6', 'H1N1', 'B12']) expect(hasIdShape(t), t).toBe(false);
    // Long shapes that are codes, formulas or values with units are no identifiers by their reading.
    for (const t of ['0DTJ4ZZ', 'J1100', '0001F', '99214-25', 'G2P1001', '1000mg', '1990s', '5000IU']) expect(isCodeShape(t) || /^\d+[a-zA-Z]+$/.test(t), t).toBe(true);
  });

  const clinical = [
    'Plt 250000, viral load 1200000 copies/mL, HbA1c 7.2%, Na 134, K 4.1, BP 120/80, HR 88, SpO2 97%, GCS 15.',
    'ICD-10 E11.65, I10, Z79.4; CPT 99213, 99214-25, 0001F; HCPCS J1100; PCS 0DTJ4ZZ, 02703ZZ; SNOMED 44054006.',
    'G2P1001 at 39 weeks; pT2N0M0 adenocarcinoma; CYP2D6 poor metabolizer; COVID-19 negative; HLA-B27 positive.',
    'Metformin 1000mg BID, vitamin D 50000 IU weekly, heparin 5000 units q8h, EBL 1500, UOP 2400 mL.',
    'Seen at 0930 and 14:20; q6h; x3 days; 2.3 cm lesion; 64yo; cost $125000; NDC 0002-1433-80.',
    'Problem #2: DM. Bed #12. Cycle #4 of chemo. Room 412. Step 3 of 5. Visit #3 this year.',
    'EBL 100-1500 mL; goal 120-1400; 800-1200 kcal diet; years 2019-2023.',
    'Vitals: RR 22, HR 112. BRCA2 c.5946delT. Coder query: DRG 291 vs 292. Goal SBP 100-120; range 135-145 mmol/L.',
    'Per Coding Clinic Q3 2023 and the FY2025 update, bill on the CMS-1500 (UB-04 for the facility), ICD10 edition.',
    'Walked 3 blocks down the road; 2 visits with dr Chen; transferred to 3 West Oncology; Unit 5 ICU; given 2 Rd 3.'
  ];
  it.each(clinical)('leaves clinical numbers alone: %s', (text) => {
    expect(numberHits(text)).toEqual([]);
  });
});

describe('addresses and phones', () => {
  const cases: [string, string][] = [
    ['Lives at 4417 Martin Luther King Jr. Blvd, Apt 5C with her son.', '4417 Martin Luther King Jr. Blvd, Apt 5C'],
    ['Mail to RR 2 Box 15.', 'RR 2 Box 15'],
    ['Mail to Box 118, Hilltop.', 'Box 118'],
    ['Home is 1450 N Halsted near the lake.', '1450 N Halsted'],
    ['Moved to 12 Old Mill Run last year.', '12 Old Mill Run'],
    ['address is 123 main st apt 4 per the daughter', '123 main st apt 4'],
    ['Stays at 31 Crescent Ridge Dr with a friend.', '31 Crescent Ridge Dr'],
    ['Farm at 4521 County Road 12, no phone.', '4521 County Road 12'],
    ['House at 88 Route 9 past the church.', '88 Route 9'],
    ['Lives at 45 Calle Sol with her aunt.', '45 Calle Sol'],
    ['Lives on Calle Luna 12 in the old town.', 'Calle Luna 12'],
    ['Works at 1619 Broadway.', '1619 Broadway'],
    ['Call her in Mexico at +52 55 1234 5678.', '+52 55 1234 5678'],
    ['UK mobile +44 20 7946 0958.', '+44 20 7946 0958'],
    ['Reach her at 555-0143 after five.', '555-0143'],
    ['Her neighbour is at 555-1234.', '555-1234']
  ];
  it.each(cases)('%s -> %s', (text, value) => {
    expect(covered(text, value)).toBe(true);
  });
});
