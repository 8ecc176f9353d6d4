/**
 * ICD-10-CM chapters and ICD-10-PCS sections.
 *
 * Invariants:
 * - The chapter is derived from the 3-character category by plain ASCII comparison against the
 *   ranges of the data README (every FY2026 category falls in exactly one range). FY2027 adds
 *   category QA1 to chapter 17, so chapter 17 ends at QA1 here (QA0 < QA1 keeps FY2026 intact).
 * - Chapter 22 (U codes) sits after chapter 21 in tabular order although `U` < `V` in ASCII,
 *   so the table is searched by range, never by position.
 */
export interface Chapter {
  number: number;
  /** First and last category, e.g. `A00`, `B99`. */
  from: string;
  to: string;
  title: string;
}

export const CHAPTERS: readonly Chapter[] = [
  { number: 1, from: 'A00', to: 'B99', title: 'Certain infectious and parasitic diseases' },
  { number: 2, from: 'C00', to: 'D49', title: 'Neoplasms' },
  { number: 3, from: 'D50', to: 'D89', title: 'Diseases of the blood and blood-forming organs and certain disorders involving the immune mechanism' },
  { number: 4, from: 'E00', to: 'E89', title: 'Endocrine, nutritional and metabolic diseases' },
  { number: 5, from: 'F01', to: 'F99', title: 'Mental, Behavioral and Neurodevelopmental disorders' },
  { number: 6, from: 'G00', to: 'G99', title: 'Diseases of the nervous system' },
  { number: 7, from: 'H00', to: 'H59', title: 'Diseases of the eye and adnexa' },
  { number: 8, from: 'H60', to: 'H95', title: 'Diseases of the ear and mastoid process' },
  { number: 9, from: 'I00', to: 'I99', title: 'Diseases of the circulatory system' },
  { number: 10, from: 'J00', to: 'J99', title: 'Diseases of the respiratory system' },
  { number: 11, from: 'K00', to: 'K95', title: 'Diseases of the digestive system' },
  { number: 12, from: 'L00', to: 'L99', title: 'Diseases of the skin and subcutaneous tissue' },
  { number: 13, from: 'M00', to: 'M99', title: 'Diseases of the musculoskeletal system and connective tissue' },
  { number: 14, from: 'N00', to: 'N99', title: 'Diseases of the genitourinary system' },
  { number: 15, from: 'O00', to: 'O9A', title: 'Pregnancy, childbirth and the puerperium' },
  { number: 16, from: 'P00', to: 'P96', title: 'Certain conditions originating in the perinatal period' },
  { number: 17, from: 'Q00', to: 'QA1', title: 'Congenital malformations, deformations and chromosomal abnormalities' },
  { number: 18, from: 'R00', to: 'R99', title: 'Symptoms, signs and abnormal clinical and laboratory findings, not elsewhere classified' },
  { number: 19, from: 'S00', to: 'T88', title: 'Injury, poisoning and certain other consequences of external causes' },
  { number: 20, from: 'V00', to: 'Y99', title: 'External causes of morbidity' },
  { number: 21, from: 'Z00', to: 'Z99', title: 'Factors influencing health status and contact with health services' },
  { number: 22, from: 'U00', to: 'U85', title: 'Codes for special purposes' }
];

/** Chapter of a normalized ICD-10-CM code (any length ≥ 3), or null when outside every range. */
export function chapterOf(code: string): Chapter | null {
  const cat = code.slice(0, 3).toUpperCase();
  for (const ch of CHAPTERS) if (cat >= ch.from && cat <= ch.to) return ch;
  return null;
}

export function chapterByNumber(n: number): Chapter | null {
  return CHAPTERS.find((c) => c.number === n) ?? null;
}

/** ICD-10-PCS sections: the first character of the code. */
export const PCS_SECTIONS: Readonly<Record<string, string>> = {
  '0': 'Medical and Surgical', '1': 'Obstetrics', '2': 'Placement', '3': 'Administration',
  '4': 'Measurement and Monitoring', '5': 'Extracorporeal or Systemic Assistance and Performance',
  '6': 'Extracorporeal or Systemic Therapies', '7': 'Osteopathic', '8': 'Other Procedures',
  '9': 'Chiropractic', B: 'Imaging', C: 'Nuclear Medicine', D: 'Radiation Therapy',
  F: 'Physical Rehabilitation and Diagnostic Audiology', G: 'Mental Health',
  H: 'Substance Abuse Treatment', X: 'New Technology'
};
