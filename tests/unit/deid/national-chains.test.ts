/**
 * Fifteenth pass of issue 8: national chains the facility list lacked (pharmacies, stores, blood centres, equipment,
 * home-care and air-medical companies, charities) are places, as the blind files label them; those of English words
 * only as written, capitalised ("Red Cross", "Speedway"). An interpreter line and a meal programme are services that
 * some writers keep as terms: they stay out. Probe texts are made up.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';

const facilities = (t: string) => detectPhiInText(t).filter((h) => h.type === 'FACILITY').map((h) => h.text);

describe('national chains and agencies', () => {
  it.each([
    ['Transferred her script to the Medicine Shoppe #2204 near the bus stop.', 'Medicine Shoppe #2204'],
    ['Home O2 through Lincare; hospital bed delivered by AdaptHealth on Friday.', 'AdaptHealth'],
    ['Platelets from Vitalant were short again this week.', 'Vitalant'],
    ['After the fire the family went to an American Red Cross shelter.', 'American Red Cross'],
    ['Air Methods crew landed at 0410 with the patient intubated.', 'Air Methods'],
    ['Pt works nights at Speedway off the interstate.', 'Speedway']
  ])('%s -> %s', (text, name) => {
    expect(facilities(text)).toContain(name);
  });

  it('leaves the same words as prose', () => {
    for (const t of ['a myriad of complaints, so he went home instead', 'watched the speedway races', 'a red cross on the map', 'Interpreter via LanguageLine; Meals on Wheels twice a week']) {
      expect(facilities(t), t).toEqual([]);
    }
  });
});
