/**
 * Guards on the statistical recogniser's spans added when it was retrained on files 7-40 (issue 8,
 * round 10): the new weights read a role word and a name as a facility, two lower-case function
 * words as a name, a payer's name running on as a facility and a people's nation as a facility.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';

const found = (t: string) => detectPhiInText(t).map((h) => `${h.type} ${h.text}`);

describe("the recogniser's spans", () => {
  it('read a role word and a name without a facility word as the person', () => {
    expect(found('Interpreter Nhial assisted by phone.')).toContain('NAME Nhial');
    expect(found('Officer Reyes Hospital sent the form').some((f) => f.startsWith('FACILITY'))).toBe(true);
  });
  it('hold no lower-case function word in a name', () => {
    expect(found('my wife and i hope so')).toEqual([]);
  });
  it("leave a payer's name alone when it runs on past the payer list's span", () => {
    expect(found('Highmark Blue Shield of Western Pennsylvania\nProvider Appeals')).toEqual([]);
  });
  it("leave a people's nation alone, not a health centre named for it", () => {
    expect(found('Navajo Nation resident, lives near the chapter house.')).toEqual([]);
    expect(found('seen at Navajo Nation Health Center')).toContain('FACILITY Navajo Nation Health Center');
  });
});
