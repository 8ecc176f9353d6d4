/**
 * Eighth pass of issue 8 (blind files 33-36 opened after their one measurement): the identifiers of
 * text that machines wrote or read (OCR digits read as letters, numbers and marks spoken in a
 * dictation, EHR logins), a number identifier or a person's initials standing again, extensions,
 * ZIPs after a town, businesses named with their legal form, local public agencies, "Surname, J" in a table.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { ocrDigits } from '../../../server/deid/ocr-digits';
import { spokenPunctuation, isDictation } from '../../../server/deid/dictation';

const found = (t: string) => detectPhiInText(t).map((h) => `${h.type} ${h.text}`);
const names = (t: string) => found(t).filter((f) => f.startsWith('NAME'));

describe('digits an OCR read as letters', () => {
  it('are read as digits in dates, phones and ages, in place', () => {
    expect(found('DOB: O4/12/1961   HOME PH (614) 555-O177')).toEqual(expect.arrayContaining(['DATE O4/12/1961', 'PHONE (614) 555-O177']));
    expect(found('COLLECTED l/22/2025 by lab')).toContain('DATE l/22/2025');
    expect(found('a 1O2 year old man')).toContain('AGE 1O2 year old');
  });
  it('leave words, roads and readings with letters alone', () => {
    for (const t of ['on I-10 near exit 12', 'SpO2 94% on 2L O2, CO2 24, B12 low', 'E. coli O157:H7 isolated']) expect(ocrDigits(t)).toBe(t);
    expect(ocrDigits('O7/19/1988 and 555-O198').length).toBe('O7/19/1988 and 555-O198'.length);
  });
});

describe('a dictation read out', () => {
  it('finds seven digits or more read out in words, typed by the key before them', () => {
    expect(found('wife notified at six one four five five five zero one two two period')).toContain('PHONE six one four five five five zero one two two');
    expect(found('m r n zero zero four one seven seven three two period')).toContain('MRN zero zero four one seven seven three two');
    expect(found('she counted one two three four five six seven eight')).toEqual([]);
  });
  it('finds dates read out with "slash" or after a birth-date cue, and "the" with an ordinal', () => {
    expect(found('ct dated eleven slash four slash twenty three period')).toContain('DATE eleven slash four slash twenty three');
    expect(found('date of birth six twenty nineteen forty one period')).toContain('DATE six twenty nineteen forty one');
    expect(found('date of surgery june the ninth period')).toContain('DATE june the ninth');
    expect(found('seen Tuesday the fourteenth in clinic')).toContain('DATE Tuesday the fourteenth');
    expect(found('we march the patients to the bus; for a period of two weeks')).toEqual([]);
  });
  it('reads spoken marks as marks only in a dictation, and the colon of "sigmoid colon" as the organ', () => {
    const t = 'history colon stable period plan colon repeat labs comma sigmoid colon normal period';
    expect(isDictation(t)).toBe(true);
    const copy = spokenPunctuation(t);
    expect(copy).toHaveLength(t.length);
    expect(copy.startsWith('history:      stable.')).toBe(true);
    expect(copy).toContain('sigmoid colon normal.');
    expect(isDictation('For a period of two weeks, comma splices aside.')).toBe(false);
  });
  it('finds a facility named in lower case in a dictation', () => {
    const t = 'ct from granite falls imaging center period new paragraph follow up at maple hollow family health comma as before period';
    expect(found(t)).toEqual(expect.arrayContaining(['FACILITY granite falls imaging center', 'FACILITY maple hollow family health']));
  });
});

describe('logins made of a name', () => {
  it('are names where systems print them', () => {
    expect(names('Signature: jkowalski   3/2/2025 23:05')).toContain('NAME jkowalski');
    expect(names('Entered by mgarcia 1/15.')).toContain('NAME mgarcia');
    expect(names('CRNA: d.nguyen\nASA 2')).toContain('NAME d.nguyen');
    expect(names('Yuki Tanabe (ytanabe) updated the list')).toContain('NAME ytanabe');
    expect(names('7:02 AM priya.k: on my way')).toContain('NAME priya.k');
  });
  it('are never shorthand, words or a surname alone', () => {
    expect(names('pending MD eval. rhabdo ruled out, xray neg; walked along the hall')).toEqual([]);
    expect(names('seton placed by surgery; stent by IR; q.daily dosing')).toEqual([]);
  });
});

describe('an identifier or a person standing again', () => {
  it('takes every whole occurrence of a number identifier found once', () => {
    const f = found('night coverage (pager 6621)\n[01:12] 6621 <- 4E RN: pt wants a sleep aid\n[01:40] 6621 -> ok');
    expect(f.filter((x) => x === 'PHONE 6621')).toHaveLength(3);
  });
  it('takes the initials of a person named in the text where initials sign, abbreviation or not', () => {
    expect(names('Abigail Ross, RN: urine cloudy. -- AR')).toContain('NAME AR');
    expect(names('Questions to Daniel Murphy.\nDM')).toContain('NAME DM');
    expect(names('Dr. Mark Rosen: moderate MR, mild AR.')).not.toContain('NAME MR');
  });
});

describe('extensions, ZIPs and businesses', () => {
  it('takes an extension and the ZIP after a town or a street', () => {
    expect(found('HIM coding, ext 4412.')).toContain('PHONE ext 4412');
    expect(found('home: 12 Alder Way, Millbrook, 43021')).toContain('ZIP 43021');
    expect(found('Gait with RW x150 ft; (J1756 x 200)')).toEqual([]);
  });
  it('takes a business named with its legal form, not a device maker', () => {
    expect(found('Counsel: Ostrowski & Mbeki Elder Law, PLLC')).toContain('FACILITY Ostrowski & Mbeki Elder Law, PLLC');
    expect(found('Employer: Redfield Bearing Company, 2nd shift')).toContain('FACILITY Redfield Bearing Company');
    expect(found('Lead by Medtronic, Inc. recalled').filter((x) => x.startsWith('FACILITY'))).toEqual([]);
  });
});

describe('local agencies and table names', () => {
  it('takes a local public agency named by its place, not a state agency or a generic one', () => {
    expect(found('referred to Pine Valley Area Agency on Aging for meals')).toContain('FACILITY Pine Valley Area Agency on Aging');
    expect(found('Marlow County Department of Job and Family Services caseworker called')).toContain('FACILITY Marlow County Department of Job and Family Services');
    expect(found('held at Brenton County Jail overnight')).toContain('FACILITY Brenton County Jail');
    expect(found('transferred from the County Jail; State Department of Health form').filter((x) => x.startsWith('FACILITY'))).toEqual([]);
  });
  it('keeps the initial of a "Surname, J" cell with the surname, a given name of the SSA lists after "Surname,"', () => {
    expect(names('404 | Okonjo-Hale, J | shelter')).toContain('NAME Okonjo-Hale, J');
    expect(names('Pt: Villanueva Soto, Wilmer  M 33')).toContain('NAME Villanueva Soto, Wilmer');
    expect(names('Smith, Vitamin D level low')).not.toContain('NAME Smith, Vitamin D');
  });
});

describe('EMS records and table columns', () => {
  it('takes the numbers of run reports, CAD incidents and aircraft tails, and a hyphenated extension', () => {
    expect(found('PCR 24-31877  | Northfield Ambulance')).toContain('OTHER_ID 24-31877');
    expect(found('Ambulance 2  |  Run 25-0944  |  crew of two')).toContain('OTHER_ID 25-0944');
    expect(found('Aircraft: EC-135  Tail N522LF')).toContain('VEHICLE N522LF');
    expect(found('call the charge RN (ext 6-2210)')).toContain('PHONE ext 6-2210');
    expect(found('COVID PCR negative; PCR 2/3 pending; we run 20-30 min')).toEqual([]);
  });
  it('takes a column of record numbers heading three rows or more, not times or codes', () => {
    const tags = 'TAG      COLOR   AGE\nB117204  RED     41\nB117205  YELLOW  33\nB117206  GREEN   8';
    expect(found(tags).filter((f) => f.startsWith('OTHER_ID'))).toEqual(['OTHER_ID B117204', 'OTHER_ID B117205', 'OTHER_ID B117206']);
    expect(found('0800  vitals stable\n0930  ambulated in hall\n1130  tolerated lunch')).toEqual([]);
    expect(found('E0260  hospital bed\nE0277  mattress\nK0001  wheelchair').filter((f) => f.startsWith('OTHER_ID'))).toEqual([]);
  });
});

describe('emergency services and facilities abroad', () => {
  it('takes an emergency service named by its town, and a police department\'s initials', () => {
    expect(found('Bramble Gap EMS on scene at 0412')).toContain('FACILITY Bramble Gap EMS');
    expect(found('Tri-County Dispatch paged the crew')).toContain('FACILITY Tri-County Dispatch');
    expect(found('Picked up by Dunmore Heights PD on a hold.')).toContain('FACILITY Dunmore Heights PD');
    // A town the gazetteer knows is named with its agency, as the blind files 45-48 label it: the agency covers the town.
    expect(found('Brought in by Tucson PD after a fall.')).toContain('FACILITY Tucson PD');
    expect(found('KCPD officer at bedside')).toContain('FACILITY KCPD');
  });
  it('leaves a call for a service, a disease and a pupil finding alone', () => {
    const f = found('Called EMS. Per EMS report. SENT VIA EMS. COPD flare; RAPD on the left; Hx PD on carbidopa.');
    expect(f.filter((x) => x.startsWith('FACILITY'))).toEqual([]);
  });
  it('takes a facility abroad named kind first, not a hospital course or field', () => {
    expect(found('transferred from Hospital Costa Turquesa by air')).toContain('FACILITY Hospital Costa Turquesa');
    expect(found('records from Centro de Salud San Marcos')).toContain('FACILITY Centro de Salud San Marcos');
    expect(found('Hospital Course: uneventful. Hospital Day 3. Hospital MRN 00411.').filter((x) => x.startsWith('FACILITY'))).toEqual([]);
  });
});

describe('addresses with their unit, and in capitals', () => {
  it('takes the floor, suite or apartment with the street', () => {
    expect(found('Office: 51 Harbor St, 2nd Fl, downtown')).toContain('ADDRESS 51 Harbor St, 2nd Fl');
    expect(found('mail to 801 Broadway, Suite 110')).toContain('ADDRESS 801 Broadway, Suite 110');
    expect(found('lives at Apt 2C, 900 Esplanade Ct')).toContain('ADDRESS Apt 2C, 900 Esplanade Ct');
  });
  it('reads a street in an upper-case form, never a dose', () => {
    expect(found('PATIENT ADDRESS: 9 SAGEBRUSH SPUR RD   CITY: ELSEWHERE')).toContain('ADDRESS 9 SAGEBRUSH SPUR RD');
    expect(found('ENOXAPARIN 40 MG SQ DAILY FOR DVT PROPHYLAXIS').filter((x) => x.startsWith('ADDRESS'))).toEqual([]);
  });
});

