/**
 * An unknown capitalised word on its own (on no census list, no English or clinical word) is a
 * person's name only with some evidence of a person around it: a title, relation or role before it,
 * a credential or a verb people do after it, a vocative, a sign-off, a list with another name.
 * Without that evidence it is most often a brand drug, device or product written alone (issue 8,
 * class "no clinical term redacted"). The words here appear in no evaluation file: brands that the
 * lists do not know, and names of many origins that are on no 1990 census list.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { nameTexts as names } from './unseen-helpers';

const texts = (text: string) => detectPhiInText(text).map((h) => `${h.type} ${h.text}`);

describe('an unknown brand, device or product written alone is no name', () => {
  it.each([
    'Glucose trends reviewed on her Eversense overnight.',
    'Tukysa added to the regimen last cycle.',
    'The Impella was removed on day 3 after recovery.',
    'He uses his Inogen at night and on walks.',
    'Zio mailed back; results pending.',
    'Brought his Breztri and Velphoro to the visit.',
    'Optune worn about 18 hours a day, scalp intact.',
    'Remote transmission from the Heartmate looked stable.',
    'Secondary HPT: PTH 912, Parsabiv with each run.',
    'Camzyos continued pending the echo.',
    'Evolut valve deployed without paravalvular leak.',
    'Nuplazid helps with the hallucinations, per the family.',
    'Her Lifepak readings were uploaded before the visit.',
    'Iqirvo started by hepatology; ALP trending down.',
    'Plan: continue Jakafi / Promacta; counts stable.',
    'Ocaliva is being held for pruritus.',
    'Optune is causing scalp irritation.',
  ])('%s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('reads a stent or valve before its size as a device, even two unknown words', () => {
    expect(texts('Promus 2.75 x 20 mm drug-eluting stent deployed at 12 atm.')).toEqual([]);
    expect(texts('An Ultimaster Tansei 3.0 x 15 mm stent was placed in the LAD.')).toEqual([]);
    expect(texts('Navitor 27mm valve seated well.')).toEqual([]);
  });
});

describe('an unknown name with evidence of a person stays a name', () => {
  it.each([
    ['Interpreter Nhial assisted by phone.', 'Nhial'],
    ['Seen today with her son Oluwadamilare.', 'Oluwadamilare'],
    ['Per Chinonso in registration, the card is expired.', 'Chinonso'],
    ['Message left for Thandiwe to call back.', 'Thandiwe'],
    ['Kwabena, can you recheck the DRG on this one?', 'Kwabena'],
    ['Dressing reinforced by Wanjiru, RN.', 'Wanjiru'],
    ['Accompanied by Przemysław (husband) and their dog.', 'Przemysław'],
    ['Thanks,\nIfeoma', 'Ifeoma'],
    ['The patient, Mbali, is a 34 yo G2P1.', 'Mbali'],
    ["Ngozika's husband called twice about the bill.", 'Ngozika'],
    ['Nizhoni reports the pain is better today.', 'Nizhoni'],
    ['Lives with Faduma and two children in a walk-up.', 'Faduma'],
    ['Jocelyne is a 71 y/o woman with CHF.', 'Jocelyne'],
    ['Case discussed with Abdiwali from CDI.', 'Abdiwali'],
    ['Efua presented with fever and rash.', 'Efua'],
    ['Signed: Tamunotonye', 'Tamunotonye'],
    ['Family meeting with Wilnick and the palliative team.', 'Wilnick'],
    ['Chart reviewed by Bogusława for the second level.', 'Bogusława'],
    ['Ikaika drove her home after discharge.', 'Ikaika'],
    ['Educated Nnamdi on the insulin pen.', 'Nnamdi'],
    ['Updated Chiamaka by phone at 1500.', 'Chiamaka'],
    ['Amaechi translated for the family.', 'Amaechi'],
    ['Ebere brought the medication list.', 'Ebere'],
    ['Team: Oyelaran / Kiplagat / Mensah', 'Kiplagat'],
    ['Best regards, Folasade', 'Folasade'],
    ['Reviewed: Kiplagat 3/4', 'Kiplagat'],
    ['Nurses: Tuyet; Kehinde', 'Tuyet'],
    ['Sounds good.\n– Nnamdi', 'Nnamdi'],
  ])('%s -> %s', (text, name) => {
    expect(names(text)).toContain(name);
  });
});

describe('unknown names in ordinary clinical sentences (written before the rules that keep them)', () => {
  it.each([
    ["Nkemdirim is doing much better today and is tolerating a regular diet.", "Nkemdirim"],
    ["Spoke to the family; Oyinkansola will stay the night.", "Oyinkansola"],
    ["Bedside handoff to Soraya at 1900.", "Soraya"],
    ["Care conference: Olamide, Dr. Lee, and SW present.", "Olamide"],
    ["PT eval completed with Ngozichukwu assisting.", "Ngozichukwu"],
    ["Chaplain visited; Akosua requested prayer.", "Akosua"],
    ["Transport arranged; Tavita to pick up at 2 pm.", "Tavita"],
    ["Msg from Fekadu re: the prior auth.", "Fekadu"],
    ["Discharged to home with Zyanya and her two sons.", "Zyanya"],
    ["Imani-Grace, the granddaughter, has POA.", "Imani-Grace"],
    ["Pt and Ifeanyi both deny any falls at home.", "Ifeanyi"],
    ["Referral faxed; confirmation from Laleh at the front desk.", "Laleh"],
    ["Called Abebech back, no answer.", "Abebech"],
    ["Wound care nurse Oyebola recommends offloading.", "Oyebola"],
    ["Per conversation with Rustam, pt lives alone.", "Rustam"],
    ["Dear Adaora, thank you for the referral.", "Adaora"],
    ["Yuki and Haruto (parents) at bedside.", "Haruto"],
    ["Met with Waleed and Hiba to discuss goals of care.", "Waleed"],
    ["Eilidh reported the pain at 6/10.", "Eilidh"],
    ["Olufunmilayo's results were sent to the PCP.", "Olufunmilayo"],
    ["Kiah, the charge nurse, was notified.", "Kiah"],
    ["Ms. Ekpo-Ita asked about the bill.", "Ekpo-Ita"],
    ["Mother Tsehay reports cough for 3 days.", "Tsehay"],
    ["Taught Ngaio to use the spacer.", "Ngaio"],
    ["Husband (Teodor) present for the visit.", "Teodor"],
    ["Seen together with her partner Ximena.", "Ximena"],
    ["Sione arrived from Tonga last year.", "Sione"],
    ["Interpreted by Abdiqani via video.", "Abdiqani"],
    ["Chukwuemeka is the primary caregiver.", "Chukwuemeka"],
  ])('%s -> %s', (text, name) => {
    expect(detectPhiInText(text).map((h) => h.text).join(' ')).toContain(name);
  });
});

describe('unknown names as the object of a clinical verb (a second set written before its rules)', () => {
  it.each([
    ["Saw Nkem in clinic today for follow-up.", "Nkem"],
    ["Examined Tolulope at the bedside; lungs clear.", "Tolulope"],
    ["Assessed Bolanle for fall risk.", "Bolanle"],
    ["Interviewed Keoni and his mother separately.", "Keoni"],
    ["Roomed Amarachi at 0915.", "Amarachi"],
    ["Admitted Ebuka overnight for observation.", "Ebuka"],
    ["Consented Chiamaka for the procedure.", "Chiamaka"],
    ["Triaged Simbarashe as ESI 3.", "Simbarashe"],
    ["Hamdi's appointment was moved to Friday.", "Hamdi"],
    ["Called and spoke to Kamalei, who confirmed the date.", "Kamalei"],
    ["Oyenike verbalized understanding of the plan.", "Oyenike"],
    ["Discharged Afolabi home in stable condition.", "Afolabi"],
    ["Wanjiku, age 34, presents with headache.", "Wanjiku"],
    ["Introduced myself to Tanvir and his wife.", "Tanvir"],
  ])('%s -> %s', (text, name) => {
    expect(detectPhiInText(text).map((h) => h.text).join(' ')).toContain(name);
  });
});
