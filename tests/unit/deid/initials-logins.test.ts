/**
 * Seventh pass of issue 8 (blind files 29-32 measured once before and after it): a facility's
 * initials wherever it is named, forum authors and underscore logins, and the SSA first names the
 * recogniser reads.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { firstNameBirths } from '../../../server/deid/baby-names';
import { facilityAcronyms } from '../../../server/deid/facility-acronyms';
import type { Hit } from '../../../server/deid/hits';

const found = (t: string) => detectPhiInText(t).map((h) => `${h.type} ${h.text}`);

describe("a facility's initials", () => {
  it('are redacted wherever the facility is named in full', () => {
    const t = 'Seen at Harlan County Memorial Hospital last spring. HCMH records requested; HCMH fax pending.';
    expect(found(t).filter((f) => f === 'FACILITY HCMH')).toHaveLength(2);
  });
  it('skip "of", "&" and "the" as the facility writes them ("University of Nebraska Medical Center" is UNMC)', () => {
    expect(found('Bronchoscopy at University of Nebraska Medical Center in 2021; UNMC notes on file.')).toContain('FACILITY UNMC');
  });
  it('never make a clinical abbreviation or an English word a facility', () => {
    const t = 'Records from Cedar Hills Family Clinic and from Pacific Eye Trust.';
    const facility = (name: string): Hit => ({ type: 'FACILITY', start: t.indexOf(name), end: t.indexOf(name) + name.length, reason: 'facility name' });
    const initials = facilityAcronyms(t, [facility('Cedar Hills Family Clinic'), facility('Pacific Eye Trust')]);
    expect(initials).toContain('CHFC');
    expect(initials).not.toContain('CHF');
    expect(initials).not.toContain('PET');
    expect(found('Seen at Cedar Hills Family Clinic. CHF exacerbation, on furosemide.')).not.toContain('FACILITY CHF');
  });
  it('are not spread from a facility only the recogniser proposed', () => {
    const t = 'Records from Eastern Bay Valley Clinic.';
    const span = { type: 'FACILITY' as const, start: 13, end: t.length - 1 };
    expect(facilityAcronyms(t, [{ ...span, reason: 'facility name' }])).toContain('EBV');
    expect(facilityAcronyms(t, [{ ...span, reason: 'likely a place of care or business (trained recogniser)' }])).toEqual([]);
  });
});

describe('forum authors and logins', () => {
  it('take the author of a post and an underscore login as a name', () => {
    const t = 'Posted by dkowalczyk_CCS -- 2 replies\n\nMPerez_coder wrote:\nagree with E11.65 first.\n\noriginal post by tuyet.nguyen: the note says hyperglycemia.';
    const f = found(t);
    expect(f).toContain('NAME dkowalczyk_CCS');
    expect(f).toContain('NAME MPerez_coder');
    expect(f).toContain('NAME tuyet.nguyen');
  });
  it('leave code-like and ordinary words alone', () => {
    const f = found('Field FINAL_DX is blank; see ICD_10 mapping. Posted by admin. The doctor wrote: follow up.');
    expect(f.filter((x) => x.startsWith('NAME'))).toEqual([]);
  });
  it('take the author of a reply ("reply from kwame.a:", "Reply: bernie.okonkwo | Mar 5")', () => {
    const f = found('reply from kwame.a:\nnot integral imo\n\nReply: bernie.okonkwo  |  Mar 5\nagree\n\ncomment by dlee_cdi: same');
    expect(f).toContain('NAME kwame.a');
    expect(f).toContain('NAME bernie.okonkwo');
    expect(f).toContain('NAME dlee_cdi');
  });
  it('leave a reply from an organisation and a reply\'s ordinary words alone', () => {
    const f = found('Reply from the payer: denied again.\nResponse: agree with the second query.\nReply from Medicare: no change.');
    expect(f.filter((x) => x.startsWith('NAME'))).toEqual([]);
  });
});

describe("a typist's initials closing a dictation stamp", () => {
  it('are a name after the D:/T: dates or a job number', () => {
    expect(found('Gunnar Thorsen, DO    D: 01/08/2025  T: 01/09/2025  jrs\ncc: chart')).toContain('NAME jrs');
    expect(found('T: 06/03/2025 17:32   job# 558193 / mkh')).toContain('NAME mkh');
    expect(found('D: 3/4/24 T: 3/5/24 09:12 JS/kmb')).toEqual(expect.arrayContaining(['NAME JS', 'NAME kmb']));
  });
  it('are never a time of day, a clinical abbreviation or chat shorthand', () => {
    for (const t of ['T: 3/5/24 9:40 pm', 'T: 3/5/24 pm', 'Job #: 11223 bid', 'D: 01/08/2025 T: 01/09/2025 prn', 'job 44812 / am']) {
      expect(found(t).filter((x) => x.startsWith('NAME'))).toEqual([]);
    }
  });
});

describe('SSA first names', () => {
  it('hold the names of patients born since 1990 and of many origins, not clinical words', () => {
    for (const n of ['Priya', 'Kwame', 'Odalys', 'Brayden']) expect(firstNameBirths(n)).toBeGreaterThan(1000);
    for (const w of ['Parkinson', 'Crohn', 'Cushing', 'Lasix', 'Eliquis']) expect(firstNameBirths(w)).toBe(0);
  });
});
