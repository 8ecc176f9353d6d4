/**
 * Third pass on dates (issue 8): general rules written from probe texts made up here, with words,
 * layouts and values that appear in no evaluation file. Each class has its positives and the clinical
 * or ordinary negatives it must leave alone (lab values, doses, scores, sizes, codes, times alone,
 * years alone). Identifiers, ages and phones of the same pass: unseen-ids-ages.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { parseDate, renderShifted } from '../../../server/deid/dates';
import { negatives, numberHits, positives } from './unseen-helpers';


describe('a weekday written with its date is part of the date', () => {
  positives([
    ['Rounded Wednesday, 4/17/2019 with the fellow.', 'Wednesday, 4/17/2019', 'DATE'],
    ['Sent: Friday, October 6, 2023 7:41 PM', 'Friday, October 6, 2023', 'DATE'],
    ['Clinic Tue 11/5 - wound looks clean.', 'Tue 11/5', 'DATE'],
    ['Callback slot Thurs., Jan. 9 at 3 pm.', 'Thurs., Jan. 9', 'DATE'],
    ['Infusion Sat 01/13/2024 09:30 in chair 4.', 'Sat 01/13/2024', 'DATE'],
    ['Daughter can come Sunday the 22nd.', 'Sunday the 22nd', 'DATE'],
    ['MON 07/22/2019 NIGHT SHIFT', 'MON 07/22/2019', 'DATE'],
    ['Plan to recheck on the 9th (Tuesday) before lunch.', 'the 9th (Tuesday)', 'DATE'],
    ['Visit date: Monday 2 December 2019, video.', 'Monday 2 December 2019', 'DATE'],
    ['Clinic Th 4/18 and Sa 4/20 only.', 'Th 4/18', 'DATE']
  ]);
  negatives([
    'Monday morning rounds: BP 122/78, HR 71.',
    'Seen Tuesday; plan unchanged, strength 4/5.',
    'Dialysis Mon/Wed/Fri, 4 hours, 3 days a week.',
    'Sunday dose held; Friday labs only.'
  ]);
});

describe('dates in capitals keep their ordinal', () => {
  positives([
    ['ADMITTED ON OCTOBER 2ND, 2022 VIA EMS.', 'OCTOBER 2ND, 2022', 'DATE'],
    ['SEEN ON THE 21ST OF JUNE FOR REFILLS.', '21ST OF JUNE', 'DATE'],
    ['NEXT VISIT AUG 30TH', 'AUG 30TH', 'DATE'],
    ['DISCHARGE DATE: 1ST NOV 2018', '1ST NOV 2018', 'DATE'],
    ['FOLLOW UP ON THE 3RD WITH GI.', 'THE 3RD', 'DATE'],
    ['INJURY DATE: SEPT 12TH 2017', 'SEPT 12TH 2017', 'DATE'],
    ['Procedure APRIL 4TH 2021 uneventful.', 'APRIL 4TH 2021', 'DATE'],
    ['DOB: 23RD JULY 1948', '23RD JULY 1948', 'DATE']
  ]);
  negatives([
    'THE 3RD EPISODE THIS YEAR; 2ND OPINION REQUESTED.',
    'LEFT 4TH FINGER, RIGHT 5TH TOE, 2ND ICS.',
    'GRADE 2 OF 4; 1ST LINE THERAPY.'
  ]);
  it('shifts a weekday with its date', () => {
    const p = parseDate('Monday, November 13, 2023', 2026)!;
    expect(renderShifted(p, 2, 2026)).toBe('Wednesday, November 15, 2023');
    expect(renderShifted(parseDate('Tue 03/12/2024', 2026)!, 1, 2026)).toBe('Wed 03/13/2024');
    expect(renderShifted(parseDate('Th 04/18/2024', 2026)!, 1, 2026)).toBe('Fr 04/19/2024');
    expect(renderShifted(parseDate('the 9th (Tuesday)', 2026)!, 0, 2026)).toMatch(/^the 9th \(\w+\)$/);
  });
  it('shifts a capital ordinal in capitals', () => {
    const p = parseDate('OCTOBER 2ND, 2022', 2026)!;
    expect(renderShifted(p, 1, 2026)).toBe('OCTOBER 3RD, 2022');
  });
});

describe('a bare day/month beside a clock time is a date', () => {
  positives([
    ['Nursing 0340 5/6: pt pulled IV.', '5/6', 'DATE'],
    ['2215 3/4 - son at bedside.', '3/4', 'DATE'],
    ['9/27 1610 ambulated 50 ft with PT.', '9/27', 'DATE'],
    ['Glucose rechecked 4/11 0600 and 1800.', '4/11', 'DATE'],
    ['Called 10:45 11/2, left message.', '11/2', 'DATE'],
    ['Event 2/3 @ 14:05: rapid response.', '2/3', 'DATE'],
    ['Last BM 6/7 1:30 pm per wife.', '6/7', 'DATE'],
    ['Pt alert 1/4 2300, no distress.', '1/4', 'DATE']
  ]);
  negatives([
    'At 0800 1/2 NS started at 75 mL/h.',
    '1400 given 1/2 tab of lorazepam.',
    'At 2200 strength 4/5 in both legs.',
    'At 1300 pain 3/4 on the faces scale.',
    'Apgars 8/9 at 0412 and 0417.'
  ]);
});

describe('a bare day/month after a clinical event abbreviation, a vaccine or a value', () => {
  positives([
    ["D/C'd 7/2 to rehab with walker.", '7/2', 'DATE'],
    ['Adm 1/3, weaned off BiPAP by day 2.', '1/3', 'DATE'],
    ['dc 2/4 home with hospice', '2/4', 'DATE'],
    ['s/p lap appy 1/4, drain out.', '1/4', 'DATE'],
    ['S/P TKA RIGHT 2/3', '2/3', 'DATE'],
    ['Shingrix 5/21 and 8/14, Tdap 6/19.', '5/21', 'DATE'],
    ['flu shot 1/9, Prevnar 20 given 2/7', '2/7', 'DATE'],
    ['Tdap 6/19 at pharmacy.', '6/19', 'DATE'],
    ['Lipase 412 (1/3) -> 88 (1/5).', '1/3', 'DATE'],
    ['K 5.9 (2/4), repeat 4.8.', '2/4', 'DATE']
  ]);
  negatives([
    'Dc 1/2 NS, start LR at 75.',
    's/p 1/2 of the planned dose; d/c 1/4 tab.',
    'Advair 250/50 1 puff BID; Norco 5/325 q6h; Bactrim 800/160 BID.',
    'Vytorin 10/20 daily; Lotrel 5/10 daily.',
    'Shingrix 1/2 given, 2/2 due; COVID vaccine 3/3 complete; Hep B 2/3.',
    'Strength 4 (4/5) in the left arm; murmur 2 (2/6).'
  ]);
});

describe('month-year with a dash, lower-case "may", and the first day of a range of ordinals', () => {
  positives([
    ['Last Pap 09-2021, normal.', '09-2021', 'DATE'],
    ['Colonoscopy (03-2019) 2 polyps.', '03-2019', 'DATE'],
    ['started in 4-2022 per old chart', '4-2022', 'DATE'],
    ['can we do may 9 for the recheck', 'may 9', 'DATE'],
    ['appt may 14th at 2', 'may 14th', 'DATE'],
    ['her surgery is on may 3 at 7am', 'may 3', 'DATE'],
    ['last period may 28, 2024', 'may 28, 2024', 'DATE'],
    ['Bandage changes 2nd and 9th of June.', '2nd', 'DATE'],
    ['PT on the 4th and 11th of August.', '4th', 'DATE']
  ]);
  negatives([
    'You may 2x the dose; she may 3-4 times a day.',
    'Doses 5-2000 units; titrate 1-2000 mL over 4 hours.',
    'Per MAR 3 doses given, MAR 2 tabs held.',
    'Range 10-2019 not applicable; 2-3 weeks of rest.'
  ]);
});

describe('holidays written in lower case, as messages write them', () => {
  positives([
    ["we'll be away over christmas, back after", 'christmas', 'DATE'],
    ['fell on thanksgiving at her sons house', 'thanksgiving', 'DATE'],
    ['follow up is on veterans day?? clinic closed', 'veterans day', 'DATE'],
    ['since new years eve she has not slept', 'new years eve', 'DATE'],
    ['out of meds since easter sunday', 'easter sunday', 'DATE'],
    ['admitted the day after memorial day', 'memorial day', 'DATE'],
    ['started the rash around halloween', 'halloween', 'DATE'],
    ['appt before labor day if possible', 'labor day', 'DATE']
  ]);
  negatives([
    'christmas disease (factor IX deficiency) runs in the family.',
    'Christmas tree pattern on the back; easter egg found in the chart.',
    'labor and delivery on call; memorial service planned; mothers day care.'
  ]);
});

describe('six-digit dates after the keys of legacy records', () => {
  positives([
    ['ADM: 071923 DISCH: 072623', '071923', 'DATE'],
    ['DISCH 072623 TO SNF', '072623', 'DATE'],
    ['DT OF SVC: 091524', '091524', 'DATE'],
    ['admitted 120123 via ED', '120123', 'DATE'],
    ['D/C 010224 home', '010224', 'DATE'],
    ['SVC 050624 OFFICE', '050624', 'DATE'],
    ['Admission 112823, discharge 120223.', '112823', 'DATE'],
    ['DC: 041524', '041524', 'DATE']
  ]);
  negatives([
    'Lot 071923 units; pack 120301 pieces.',
    'Viral load 112823 copies/mL; 120123 cells counted.'
  ]);
});

describe('a dotted day/month without a year after a visit word, and clock ranges', () => {
  positives([
    ['Surgery 4.17 went well, drain out.', '4.17', 'DATE'],
    ['Follow-up 5.22 with her PCP.', '5.22', 'DATE'],
    ['seen 11.3 in urgent care', '11.3', 'DATE'],
    ['RTC 6.14 for suture removal', '6.14', 'DATE'],
    ['Appt: 9.30 at the lipid clinic', '9.30', 'DATE'],
    ['Discharged 2.9, readmitted 2.15.', '2.9', 'DATE'],
    ['scheduled on 7.21 with IR', '7.21', 'DATE'],
    ['Admitted 10.28 from the ED.', '10.28', 'DATE']
  ]);
  negatives([
    'Seen 2.5 weeks ago; follow-up 1.5 months; visit 3.5 hours.',
    'Surgery 2.5 cm incision; appt 1.5 mg dose reviewed.',
    'K 3.5, Mg 1.9, temp 37.2, pH 7.31 on 2.5 L.',
    'Clinic hours 9a-5p, 10a-12p Saturdays, 8:30a-4:30p.'
  ]);
});

describe('a day ordinal before a clause', () => {
  positives([
    ['they said not till the 19th can you call them', 'the 19th', 'DATE'],
    ['Needs it by the 28th if possible.', 'the 28th', 'DATE'],
    ['Off until the 12th unless the wound opens.', 'the 12th', 'DATE'],
    ['scheduled for the 6th could you confirm', 'the 6th', 'DATE'],
    ['since the 30th has not eaten', 'the 30th', 'DATE'],
    ['out of town from the 2nd please hold mail', 'the 2nd', 'DATE'],
    ['before the 15th would be better for her', 'the 15th', 'DATE'],
    ['after the 4th is fine for the injection', 'the 4th', 'DATE']
  ]);
  negatives([
    'This is the 4th time; the 3rd dose failed.',
    'On the 2nd attempt the line went in.',
    'After the 3rd cycle counts dropped.',
    'Since the 1st trimester she has vomited.'
  ]);
});

describe('numbers that are sizes, trials and scores with words between', () => {
  negatives([
    'Placed a 7/8 French sheath; 5/6 Fr dilators on the tray.',
    'Enrolled in NCT05512290 (phase 2); NCT04477188 closed.',
    'Reports 7/10 left hip pain, worse at night.',
    'PHQ-2 = 2/6, GAD-7 5/21, AUDIT-C 3/12, CIWA 8/67; Mini-Cog 3/5.',
    'Rates her 3/10 dull low back ache today.',
    'Scan file scan_v2_final.pdf attached.'
  ]);
  positives([
    ['Seen 6/10 for knee pain, improved.', '6/10', 'DATE'],
    ['Image scan_2023_08_14.pdf attached.', '2023_08_14', 'DATE'],
    ['Export visit_20230814.csv sent.', '20230814', 'DATE']
  ]);
});

describe('no hit at all on a full clinical paragraph', () => {
  it('leaves vitals, labs, doses, codes and counts alone', () => {
    const text = 'Vitals 0800: BP 144/92, HR 104, RR 22, T 100.9, SpO2 91% 2L. Na 131, K 5.4, Cr 2.1 (baseline 1.4), '
      + 'Hgb 8.2, Plt 98. Pain 6/10. Strength 4/5 BLE. Lisinopril 20 mg held, metoprolol 12.5 mg BID, Norco 5/325 q6h prn. '
      + 'Codes: N17.9, E87.1, I50.33, CPT 99223, HCPCS J2405. MS-DRG 291. LCD L33822. FY2026, grouper v43. POD 2, HD 5. '
      + 'Page 3 of 7. Repeat labs in 6 hours, 3 days ago cough began, 2019 CABG.';
    expect(numberHits(text)).toEqual([]);
    expect(detectPhiInText(text, 2026).filter((h) => h.type === 'DATE')).toEqual([]);
  });
});
