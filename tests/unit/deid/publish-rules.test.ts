/**
 * The rules the forum relies on: which candidates are mandatory, the re-check of a copy, the
 * date shift window (fiscal year of the date of service, never into the future), free-text
 * detection for chat messages, and detection without the census name lists.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { applyRedactions, chooseDateShift, detectPhi, detectPhiInText, residualPatientIdentifiers } from '../../../server/deid/index';
import { setNamesDir } from '../../../server/deid/lexicon';
import type { DeidEncounterInput } from '../../../server/deid/types';

const enc = (text: string): DeidEncounterInput => ({
  title: 'Sepsis?', dateOfService: '2026-03-10',
  patient: { name: 'Lena Marchetti', mrn: 'MRN-0091234', dob: '1970-05-06', phone: '612-555-0110', ssn: '123-45-6789', address: '12 Oak Road, Edina, MN 55424' },
  documents: [{ id: 'd1', kind: 'progress-note', title: 'Note', text }], codeLines: []
});

describe('mandatory candidates', () => {
  it('marks the patient identifiers in any form and number-shaped ids required, names on weaker evidence optional', () => {
    const c = detectPhi(enc('LENA MARCHETTI (marchetti) seen 3/10/2026, dob 05/06/1970 aka May 6, 1970. mrn 91234. SSN 123456789. cell 612.555.0110. Seen with Dr. Harlan in Edina. Parkinson disease.'));
    const req = (t: string) => c.filter((x) => x.text === t).map((x) => x.required);
    for (const t of ['LENA MARCHETTI', 'marchetti', '3/10/2026', '05/06/1970', 'May 6, 1970', '91234', '123456789', '612.555.0110', 'Edina']) expect(req(t), t).toEqual([true]);
    expect(req('Harlan')).toEqual([false]);
    expect(c.some((x) => /Parkinson/.test(x.text))).toBe(false);
  });

  it('the re-check finds a patient identifier left in a copy, and nothing once every candidate is applied', () => {
    const input = enc('Lena Marchetti, MRN 0091234, DOB 5/6/70.');
    const none = applyRedactions(input, [], { dateMode: 'year-only' }).encounter;
    expect(residualPatientIdentifiers(input, none).sort()).toEqual(['dob', 'mrn', 'name']);
    const all = applyRedactions(input, detectPhi(input), { dateMode: 'year-only' }).encounter;
    expect(residualPatientIdentifiers(input, all)).toEqual([]);
  });
});

describe('date shift window', () => {
  const lowest = () => 0, highest = (n: number) => n - 1;
  it('keeps the date of service inside its fiscal year and never after today', () => {
    // FY2026 = 2025-10-01 .. 2026-09-30; today 2026-03-20 caps forward shifts at +10 days.
    expect(chooseDateShift('2026-03-10', '2026-03-20', '2026-03-10', lowest)).toEqual({ days: -160, fiscalYear: 2026 });
    expect(chooseDateShift('2026-03-10', '2026-03-20', '2026-03-10', highest)).toEqual({ days: 10, fiscalYear: 2026 });
    // A later date already written in the note (discharge 03/15) narrows the forward room to +5, under the 7-day floor.
    expect(chooseDateShift('2026-03-10', '2026-03-20', '2026-03-15', highest)).toEqual({ days: -7, fiscalYear: 2026 });
    // Oct 2 is the second day of FY2026: one day back at most; with 3 days to today, -1..+3 and no 7-day shift fits.
    expect(chooseDateShift('2025-10-02', '2026-12-01', '2025-10-02', lowest)).toEqual({ days: 7, fiscalYear: 2026 });
    expect(chooseDateShift('2025-10-02', '2025-10-05', '2025-10-02', lowest)).toEqual({ days: -1, fiscalYear: 2026 });
    expect(chooseDateShift('2026-10-02', '2026-12-01', '2026-10-02', lowest)?.fiscalYear).toBe(2027);
  });

  it('never returns 0: no room at all means year-only', () => {
    expect(chooseDateShift('2025-10-01', '2025-10-01', '2025-10-01', lowest)).toBeNull();
    for (let k = 0; k < 50; k++) {
      const s = chooseDateShift('2026-09-29', '2026-12-01', '2026-09-29', (n) => Math.floor(Math.random() * n))!;
      expect(s.days).not.toBe(0);
      expect(s.days).toBeLessThanOrEqual(1);
      expect(s.days).toBeGreaterThanOrEqual(-363);
    }
  });
});

describe('free text and missing word lists', () => {
  afterEach(() => setNamesDir(undefined));

  it('finds PHI in a short chat message', () => {
    const found = detectPhiInText('spoke with Jennifer re: the Okafor chart, MRN 4471192, pt moved from Miami; f/u Aug 10, \'23 at St. Mary\'s Hospital');
    const by = Object.fromEntries(found.map((f) => [f.text, f.type]));
    expect(by).toMatchObject({ Jennifer: 'NAME', Okafor: 'NAME', '4471192': 'MRN', Miami: 'CITY', "Aug 10, '23": 'DATE', "St. Mary's Hospital": 'FACILITY' });
    expect(found.find((f) => f.text === '4471192')?.required).toBe(true);
  });

  it('still works without the census lists, on cues alone', () => {
    setNamesDir(null);
    const found = detectPhiInText('d/w Dr. Okafor; daughter Karen at bedside; SSN 123-45-6789; Parkinson disease.');
    expect(found.map((f) => f.text)).toEqual(expect.arrayContaining(['Okafor', 'Karen', '123-45-6789']));
    expect(found.some((f) => f.text.includes('Parkinson'))).toBe(false);
  });
});
