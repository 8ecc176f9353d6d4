/**
 * The proper-noun rule (server/deid/proper-nouns.ts): a capitalised word that is no known
 * ordinary word (SCOWL, code-set descriptions, exception lexicon) is PHI unless its shape or
 * context explains it. Positive cases use names and towns that no census list or gazetteer
 * rule needs to know; negative cases are the clinical and coding words the rule must leave.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { findProperNouns } from '../../../server/deid/proper-nouns';
import { isOrdinaryWord } from '../../../server/deid/ordinary';
import { setCodeSetVocabularyDir } from '../../../server/deid/vocabulary';
import { setNamesDir } from '../../../server/deid/lexicon';
import { tokenize } from '../../../server/deid/tokens';

const rule = (text: string) => findProperNouns(text, tokenize(text)).map((h) => `${h.type}:${text.slice(h.start, h.end)}`);
const found = (text: string) => detectPhiInText(text).map((h) => h.text);

describe('proper-noun rule: positives', () => {
  it('finds unlisted surnames and foreign given names without any cue word', () => {
    expect(rule('Seen today with Nwachukwu; Oyelaran agrees with the plan.')).toEqual(['NAME:Nwachukwu', 'NAME:Oyelaran']);
    expect(rule('Per Thandiwe the query went out; Bogdanović will answer.')).toEqual(['NAME:Thandiwe', 'NAME:Bogdanović']);
    expect(rule('Okwuosa called back.')).toEqual(['NAME:Okwuosa']);
  });

  it('finds unknown towns after a place cue, capitalised or not, and types them CITY', () => {
    expect(rule('Family drove up from Quilcene for the visit.')).toEqual(['CITY:Quilcene']);
    expect(rule('pt lives in pahrump with her son')).toEqual(['CITY:pahrump']);
    expect(rule('She moved to Tlaquepaque in May.')).toEqual(['CITY:Tlaquepaque']);
  });

  it('finds a lower-case unknown name only right after a person cue', () => {
    expect(rule('wife ngozika at bedside')).toEqual(['NAME:ngozika']);
    expect(rule('ngozika at bedside')).toEqual([]);
  });

  it('joins initials, particles and census names into one span', () => {
    expect(found('Ma. Cristina Dela Cruz signed the consent.')).toContain('Ma. Cristina Dela Cruz');
    expect(found('Interpreter Nguyen Van Thanh was present.')).toContain('Nguyen Van Thanh');
    expect(rule('Anna Wojciechowska spoke with us.')).toEqual(['NAME:Anna Wojciechowska']);
    expect(rule('Message left for Tunde O. about the query.')).toEqual(['NAME:Tunde O.']);
  });

  it('types a proper noun before a facility word as FACILITY', () => {
    expect(rule('Records from Zumbrota Clinic are pending.')).toEqual(['FACILITY:Zumbrota']);
  });

  it('takes a census name listed with a found name ("Okafor, Smith and Zielinski")', () => {
    expect(rule('Charts of Okafor, Smith and Zielinski were audited.')).toEqual(expect.arrayContaining(['NAME:Okafor', 'NAME:Smith', 'NAME:Zielinski']));
  });
});

describe('proper-noun rule: negatives', () => {
  it('keeps eponyms, eponymous compounds and eponymous signs', () => {
    expect(rule('Positive Tinel at the wrist, negative Phalen; Lachman and McMurray negative. Dix-Hallpike positive.')).toEqual([]);
    expect(rule('Known Charcot-Marie-Tooth; Austin Flint murmur; Holter monitor ordered; Hashimoto thyroiditis.')).toEqual([]);
    expect(rule('PROCEDURE: Right inguinal hernia repair with mesh (Lichtenstein).')).toEqual([]);
  });

  it('keeps drug brands by list, stem, dose, route or drug verb, and drug lists', () => {
    expect(rule('Started Ozempic 0.25 mg weekly; continue Jardiance. Eliquis held. Restarted Zarxio.')).toEqual([]);
    expect(rule('Tried Quviviq, then Belsomra: no benefit. Given Blorvatinib. Takes Xolremdi.')).toEqual([]);
    expect(rule('Closed with 4-0 Prolene and Vicryl 3-0, dressed with Xeroform, Kerlix and Gelfoam.')).toEqual([]);
  });

  it('keeps organisms, labs with values and ALL-CAPS abbreviations', () => {
    expect(rule('Cultures grew Enterobacter cloacae and Stenotrophomonas maltophilia; Candida auris screen negative.')).toEqual([]);
    expect(rule('Tmax 38.9, Hgb 7.2, Lactate 4.1. CXR, BNP and TTE done. Htn, Hld and Ckd noted.')).toEqual([]);
  });

  it('keeps sentence-initial ordinary and clinical words, however formed', () => {
    expect(rule('Afebrile. Tachycardic to 110. Nontender, nondistended. Extubated on POD1. Schistocytes on smear. Serologies pending.')).toEqual([]);
    expect(rule('Unfortunately she declined. Overall stable. Thoracentesis planned.')).toEqual([]);
  });

  it('keeps coding and payer vocabulary: Medicare, CMS, Coding Clinic, payers, languages', () => {
    expect(rule('Medicare and CMS guidance per Coding Clinic; Optum and Humana agreed. Spanish interpreter used. I\'ve asked again.')).toEqual([]);
  });

  it('keeps place-named diseases, states and countries', () => {
    expect(rule('Lyme serology positive; West Nile negative; trip to Guatemala and Oregon.')).toEqual([]);
  });

  it('leaves an ordinary word that is also a name to the census rules (Hope, Rose, Walker)', () => {
    expect(rule('Hope to wean O2. Rose-colored rash. Walker at bedside.')).toEqual([]);
  });
});

describe('facilities, upper case and lower case around the rule', () => {
  it('finds institution names made of generic words, abbreviated heads, acronyms and places after a transfer verb', () => {
    expect(found('Transferred to Memorial Hospital, then Children\'s Hospital.')).toEqual(['Memorial Hospital', 'Children\'s Hospital']);
    expect(found('Seen at Riverside Reg Med Ctr; records from HCMC.')).toEqual(['Riverside Reg Med Ctr', 'HCMC']);
    expect(found('Discharged to Sunrise of Edina.')).toEqual(['Sunrise of Edina']);
    expect(found('seen at fairview hospital')).toEqual(['fairview hospital']);
    expect(found('Records from Good Samaritan Society - Waconia.')).toEqual(['Good Samaritan Society - Waconia']);
  });

  it('leaves generic hospitals, departments, known abbreviations and towns to others', () => {
    expect(found('Outside Hospital records reviewed; sent to Radiology; admitted to Labor and Delivery; transferred to ICU from OSH; seen at the psych hospital.')).toEqual([]);
    expect(detectPhiInText('Family moved from Miami.').map((h) => h.type)).toEqual(['CITY']);
  });

  it('finds ALL-CAPS unknown names beside a name or after a cue, and joins "Last, First"', () => {
    expect(found('Pt OKAFOR, Adaeze seen; wife NGOZIKA called.')).toEqual(['OKAFOR, Adaeze', 'NGOZIKA']);
    expect(found('PATIENT: OKAFOR, ADAEZE\nHISTORY: ESRD ON HD. TTE SHOWED EF 35%. ECMO AND HEENT NOTED.')).toEqual(['OKAFOR, ADAEZE']);
  });

  it('finds lower-case unknown names after "per", "d/w" and "w/", not clinical shorthand', () => {
    expect(found('per oyelaran the auth went in; spoke w/ ngozika; with afib and htn per protocol')).toEqual(['oyelaran', 'ngozika']);
  });
});

describe('ordinary-word whitelist', () => {
  afterEach(() => { setCodeSetVocabularyDir(undefined); setNamesDir(undefined); });

  it('knows SCOWL words, code-set words and clinical word formation, not census names that look formed (a+lice, eu+banks)', () => {
    for (const w of ['rose', 'miller', 'klebsiella', 'pembrolizumab', 'parkinson', 'tachycardic', 'nontender', 'cyanotic']) expect(isOrdinaryWord(w), w).toBe(true);
    for (const w of ['okafor', 'chicago', 'nwachukwu', 'alice', 'eubanks']) expect(isOrdinaryWord(w), w).toBe(false);
  });

  it('still runs without the code-set folder (SCOWL and the lexicon only)', () => {
    setCodeSetVocabularyDir(null);
    expect(rule('Seen with Nwachukwu; Parkinson disease; started Eliquis.')).toEqual(['NAME:Nwachukwu']);
  });
});
