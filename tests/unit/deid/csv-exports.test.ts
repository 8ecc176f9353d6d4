/**
 * Fifteenth pass of issue 8: a comma-separated export pasted into a note (an order list, a roster) is a table too.
 * Its column names join words with underscores ("member_id"); a ZIP column holds ZIP codes, a patient-name column
 * holds people (quoted when the name has a comma), and a cell is read alone, not with the neighbours its commas touch.
 */
import { describe, expect, it } from 'vitest';
import { cover, nameTexts } from './unseen-helpers';

const EXPORT = [
  'order_id,created,pt_name,dob,item,member_id,ship_zip,status',
  'R-88120,2025-02-11,"Quarles, Benedikt",1958-07-30,CPAP mask,QX4471902,43085,shipped',
  'R-88121,2025-02-11,Imogen Tsvetkova,1971-12-02,walker,QX5519034,43214-2207,back-ordered',
  'R-88122,2025-02-12,"Abernathy, Lou \'Sonny\'",1949-03-09,glucometer,,44017,held'
].join('\n');

describe('a comma-separated export', () => {
  it.each([
    ['Quarles, Benedikt', 'NAME'],
    ['Imogen Tsvetkova', 'NAME'],
    ['QX4471902', 'HEALTH_PLAN'],
    ['QX5519034', 'HEALTH_PLAN'],
    ['43085', 'ZIP'],
    ['43214-2207', 'ZIP'],
    ['44017', 'ZIP']
  ])('takes %s as %s', (value, type) => {
    expect(cover(EXPORT, value)).toEqual([type]);
  });

  it('leaves the item and status columns and takes no header as a name', () => {
    const names = nameTexts(EXPORT);
    expect(names.some((n) => /CPAP|walker|glucometer|shipped|held|pt_name/.test(n))).toBe(false);
    expect(names).toEqual(expect.arrayContaining(['Quarles, Benedikt', 'Imogen Tsvetkova']));
  });

  it('keeps a bare "name" column (a drug list) and prose with commas out of it', () => {
    const drugs = 'name,dose,route,freq\nmetoprolol,25 mg,PO,BID\nWarfarin,5 mg,PO,daily';
    expect(nameTexts(drugs)).toEqual([]);
    const prose = 'Seen today, stable, afebrile, eating well, 12345 steps logged, plan unchanged.';
    expect(cover(prose, '12345')).toBeNull();
  });
});
