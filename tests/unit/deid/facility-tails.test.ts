/**
 * The rest of a facility's name (server/deid/facility-tails.ts): a service or kind after a place's name, the words
 * after a joint its detector cut, a court's or a centre's words before it, a store number, and two pieces
 * of one name joined; never a clinical service, an eponym, a herb or two given names. Probe texts are made up.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';

const spans = (t: string) => detectPhiInText(t).map((h) => h.text);

describe('the rest of a facility name', () => {
  it.each([
    ['Referred back to Wauwatosa FM for the diabetes follow-up.', 'Wauwatosa FM'],
    ['Biologic prescribed by Aisha Noor, MD, of Summit Rheumatology. The patient', 'Summit Rheumatology'],
    ['AVF placed by Dr. Park (Valley Vascular), not yet mature.', 'Valley Vascular'],
    ['Order faxed from the Hale clinic in Verona.', 'Hale clinic'],
    ['Rx sent: H-E-B Pharmacy #4410 (Bandera Rd), ph on file.', 'H-E-B Pharmacy #4410'],
    ['Refill to Walmart Pharmacy 10-2231, Opelousas.', 'Walmart Pharmacy 10-2231'],
    ['Transfer from Coweta Regional ED at 0300, stable.', 'Coweta Regional ED'],
    ['HOLLOW CREEK POISON AND DRUG INFORMATION CENTER - call log', 'HOLLOW CREEK POISON AND DRUG INFORMATION CENTER'],
    ['RIVERGATE EYE INSTITUTE FOR TRANSPLANT & RESEARCH - RECOVERY RECORD', 'RIVERGATE EYE INSTITUTE FOR TRANSPLANT & RESEARCH'],
    ['I authorize Saint Brigid\'s Home for the Aged to release my records.', 'Saint Brigid\'s Home for the Aged'],
    ['Suit filed in the Circuit Court of Dane County last month.', 'Circuit Court of Dane County'],
    ['Pt in custody of Ramsey Co. Sheriff since 0200.', 'Ramsey Co. Sheriff'],
    ['Receiving: Heart of the Ozarks Medical Center, Rolla', 'Heart of the Ozarks Medical Center'],
    ['Chair 9   Infusion Pavilion at Tidewater Medical Center\nRegimen: FOLFOX', 'Infusion Pavilion at Tidewater Medical Center'],
    ['Served by plaintiff\'s counsel (Varga & Oyelaran) on Monday.', 'Varga & Oyelaran'],
    ['Outside lab (Quest Diagnostics, Maplewood PSC) drew the levels.', 'Quest Diagnostics, Maplewood PSC'],
  ])('%s -> %s', (text, name) => {
    expect(spans(text)).toContain(name);
  });

  it('joins the pieces of one name: an abbreviation\'s stop, "and", a campus after a dash', () => {
    expect(spans('U.S. Renal Care - Eastgate Dialysis | treatment record')).toContain('U.S. Renal Care - Eastgate Dialysis');
    expect(spans('You may write to the Texas Health and Human Services Commission at the address above.')).toContain('Texas Health and Human Services Commission');
    expect(spans('Driven to NOW Care Occupational Clinic - Southwest by a coworker.')).toContain('NOW Care Occupational Clinic - Southwest');
  });

  it('never takes a clinical service, an eponym, a herb or two given names', () => {
    expect(spans('Seen at Mercy Clinic for cardiac rehab today.')).not.toContain('Mercy Clinic for cardiac rehab');
    expect(spans('went to Rush for Guillain-Barre workup').some((s) => /Guillain/.test(s))).toBe(false);
    // The herb's saint is no person either (a first-name detector reads "John" in it).
    expect(spans('takes St. John\'s wort daily')).toEqual([]);
    expect(spans('Referred to Mayo Clinic for Addison\'s disease workup.')).toEqual(['Mayo Clinic']);
    // A hospital's ED, or a second body after " and ", is no part of the name.
    expect(spans('Seen at Mercy Hospital ED overnight.')).toEqual(['Mercy Hospital']);
    expect(spans('referred to Tidewater Legal Aid and Harbor Street Food Bank')).toEqual(['Tidewater Legal Aid', 'Harbor Street Food Bank']);
    expect(spans('parents Bob & Mary came with him')).not.toContain('Bob & Mary');
  });
});
