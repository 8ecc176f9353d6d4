/**
 * Seventh pass of issue 8 (blind files 29-32 measured once before and after it): a facility's
 * initials wherever it is named, forum authors and underscore logins, and the SSA first names the
 * recogniser reads.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { firstNameBirths } from '../../../server/deid/baby-names';

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
    const t = 'Records from Cedar Hills Family Clinic. CHF exacerbation, on furosemide. Pacific Eye Trust did a PET scan.';
    const f = found(t);
    expect(f).not.toContain('FACILITY CHF');
    expect(f).not.toContain('FACILITY PET');
  });
  it('are not spread from a facility only the recogniser proposed', () => {
    // Nothing names a facility by rule here, so the letters stay.
    expect(found('EBV serology negative; monospot negative.')).toEqual([]);
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
});

describe('SSA first names', () => {
  it('hold the names of patients born since 1990 and of many origins, not clinical words', () => {
    for (const n of ['Priya', 'Kwame', 'Odalys', 'Brayden']) expect(firstNameBirths(n)).toBeGreaterThan(1000);
    for (const w of ['Parkinson', 'Crohn', 'Cushing', 'Lasix', 'Eliquis']) expect(firstNameBirths(w)).toBe(0);
  });
});
