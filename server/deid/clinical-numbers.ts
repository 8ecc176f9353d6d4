/**
 * The clinical (or otherwise harmless) readings of a digit-bearing token. suspect-ids.ts treats
 * every digit-bearing token as a possible identifier and asks this module whether it has a
 * reading that is not PHI: a code of a code set (ICD-10-CM/PCS, CPT, HCPCS), a measurement with
 * a unit, a lab value after its analyte, an obstetric or TNM formula, money, a year range.
 * Invariant: pure functions of the text around the token; a "no" here is not a "yes, PHI" (the
 * caller still needs a long or mixed shape, or a key word).
 */
import { before } from './hits';

/** Units and count words written after a number ("150000 copies", "5000 IU", "3450 g"). */
/** On the same line: "Job #: 5530918" above "cc: cardiology" is no volume. */
const UNIT_AFTER = /^[ \t]*(?:[µu]?[gG]\b|mg|mcg|kg|lbs?|oz|ng|pg|mL|ml|cc|dL|L\b|mmol|[µu]mol|mEq|IU|units?|U\b|copies|cells|CFU|cfu|colonies|organisms|k\b|K\b|\/(?:[µu]L|mm3|mL|hpf|lpf|min|hr|day|kg)|per\b|x\b|times|steps|kcal|cal(?:ories)?|dollars|USD|mm|cm|m\b|km|miles?|ft|feet|meters?|bpm|mmHg|min(?:utes?)?|h(?:ou)?rs?\b|hours?|days?|weeks?|months?|years?|%|mOsm|mA|mAs|Gy|cGy|mCi|MBq|mSv|Hz|kHz)/;
/** Units glued to the number: "1000mg", "5000IU", "250mcg", "1500mL", "0800hrs", "24h". */
const GLUED_UNIT = /^\d+(?:mg|mcg|ug|µg|g|kg|lbs?|ng|pg|ml|mL|cc|dl|dL|L|mmol|mEq|IU|iu|U|u|units?|kcal|cal|copies|cells|cfu|k|K|x|X|mm|cm|m|km|ft|bpm|mmHg|hrs?|h|min|mins|s|sec|am|pm|AM|PM|st|nd|rd|th|s|yo|yr|yrs|y|mo|wk|wks|d|F|M|C)$/;
/** Analytes and counts whose values can run to six digits or more ("Plt 250000", "VL 1200000"); on the same line
 *  only ("paid" ending one table row says nothing about the account number starting the next). */
const ANALYTE_BEFORE = /\b(?:plt|platelets?|wbc|rbc|anc|alc|cd4|count|load|vl|rna|dna|pcr|titer|titre|hcg|b-?hcg|β-?hcg|cfu|colon(?:y|ies)|afp|bnp|nt-?probnp|ferritin|ck|cpk|ige|ldh|d-?dimer|amylase|lipase|troponin|esr|crp|ebl|urine output|uop|steps|calories|weight|wt|gravida|para|\$|usd|cost|charge[sd]?|billed|paid|balance|amount|total|price)[ \t]*(?:of|was|is|=|:|-|>|<|≥|≤|~)?[ \t]*$/i;
/** Code systems whose codes are long digit strings (SNOMED, LOINC, NDC, RxNorm) or code shapes. */
const CODE_SYSTEM_BEFORE = /\b(?:SNOMED(?:[- ]CT)?|LOINC|NDC|RxNorm|RxCUI|CUI|ICD(?:-?10|-?9)?(?:-CM|-PCS)?|PCS|CPT|HCPCS|DRG|MS-DRG|APR-DRG|HCC|CDT|revenue code|rev code)\b[^\n#]{0,12}$/i;

const NDC_SHAPE = /^(?:\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1,2})$/;
const DRUG_PRODUCT_LINE = /\b(?:ndc|dispensed?|package|product|vials?|cartons?|labell?ed|pharmacy|refill(?:ed)?|tablets?|capsules?|mg|mcg|insulin|inhaler|syringes?|injection|solution|suspension|cream|ointment)\b/i;
const lineAround = (text: string, start: number, end: number) => text.slice(text.lastIndexOf('\n', start - 1) + 1, (text.indexOf('\n', end) + 1 || text.length + 1) - 1);

/** Code-set shapes: ICD-10-CM "E11" (the decimal part is its own token), HCPCS "J1100", CPT II/III "0001F"/"0042T", PCS "0DTJ4ZZ". */
const CODE_SHAPES: RegExp[] = [
  /^[A-TV-Z]\d[0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/,
  /^[A-V]\d{4}$/,
  /^\d{4}[FTU]$/,
  // A CPT or HCPCS code with its modifier ("99214-25", "J1100-JW").
  /^(?:\d{5}|\d{4}[FTU]|[A-V]\d{4})-(?:\d{2}|[A-Z]{2}|[A-Z]\d)$/,
  // ICD-10-PCS: 7 characters from its alphabet (no I, no O); letters in the last four mark it as a code, not a number.
  /^[0-9BCDFGHX][0-9A-HJ-NP-Z]{2}(?=[0-9A-HJ-NP-Z]{0,3}[A-HJ-NP-Z])[0-9A-HJ-NP-Z]{4}$/,
  // Obstetric formulas (G2P1001, G3P2A1) and TNM stages (pT2N0M0, T4N1M0).
  /^G\d{1,2}P\d{1,4}(?:A\d{1,2})?$/i,
  /^[cpy]?T[0-4xX][a-d]?N[0-3xX][a-c]?M[01xX][a-c]?$/,
  // Gene, antigen and virus names that carry digits (CYP2D6, H1N1, COVID19, HLA-B27, SARS-CoV-2, nCoV-2019).
  // Fiscal and calendar years, quarters, claim forms and code-set editions (FY2025, Q3-2023, CMS-1500, UB-04, ICD10).
  /^(?:FY|CY|PY|MY)-?(?:19|20)?\d{2}$|^Q[1-4]-?(?:19|20)\d{2}$|^(?:CMS|HCFA)-?\d{3,4}[A-Z]?$|^UB-?\d{2}$|^ICD-?\d{1,2}(?:-?(?:CM|PCS))?$/i,
  // Trial registry numbers name a study, not a person (NCT05512290, ISRCTN12345678, EudraCT 2019-001234-56 has its key).
  /^(?:NCT\d{8}|ISRCTN\d{8})$/,
  /^(?:CYP\d\w*|H\d+N\d+|COVID-?19|SARS-CoV-2|2019-?nCoV|nCoV-?2019|HLA-[A-Z]+\d+\w*|HPV-?\d+|CD\d+\w*|IL-?\d+\w*|ISO-?\d+)$/i
];

export function isCodeShape(token: string): boolean {
  return CODE_SHAPES.some((re) => re.test(token));
}

/** Why the digit-bearing token text[start, end) is clinical or harmless, or null when it has no such reading. */
export function clinicalReading(text: string, start: number, end: number): string | null {
  const token = text.slice(start, end);
  if (isCodeShape(token)) return 'code shape';
  // A sex or temperature letter follows an age or a reading ("93F", "37C"), never five digits or more ("44122C" is an id).
  if (GLUED_UNIT.test(token) && !/^\d{5,}[CF]$/.test(token)) return 'number with a unit';
  if (/^(?:19|20)\d{2}-(?:(?:19|20)\d{2}|\d{2})$/.test(token)) return 'year range';
  // Clock times and hours: "10a-12p", "9a", "1130p".
  if (/^(?:[01]?\d|2[0-3])(?:[0-5]\d)?[ap]m?(?:-(?:[01]?\d|2[0-3])(?:[0-5]\d)?[ap]m?)?$/i.test(token)) return 'clock time';
  // A number joined to a lower-case word is a compound adjective ("360-degree", "6-minute", "10-point"), a range with a
  // glued unit a measurement ("48-72h", "5-10mg").
  if (/^\d+(?:-\d+)?-[a-z]{2,}$/.test(token)) return 'number in a compound word';
  if (/^\d{1,4}-\d{1,4}[a-zA-Z]{1,4}$/.test(token) && GLUED_UNIT.test(token.replace(/^\d+-/, ''))) return 'range with a unit';
  // A range of values ("100-120", "135-145", "1000-2000"): short or round parts, the first smaller ("1234-5678" is an id).
  const range = /^(\d{1,4})-(\d{1,4})$/.exec(token);
  if (range && Number(range[1]) < Number(range[2]) && (token.length <= 7 || /0-\d*0$/.test(token))) return 'range of values';
  // A decimal or a thousands-grouped number is a value ("1,500", "7.25"), a number after '$' money.
  const prevChar = text[start - 1] ?? '', nextTwo = text.slice(end, end + 2);
  if (/^[.,]\d/.test(nextTwo) || /\d[.,]$/.test(text.slice(Math.max(0, start - 2), start))) return 'part of a decimal or grouped number';
  if (prevChar === '$' || /[$€£]\s?$/.test(before(text, start, 2))) return 'money';
  if (UNIT_AFTER.test(text.slice(end, end + 12))) return 'number with a unit';
  // HGVS variant notation: "c.5946delT", "p.Gly12Cys".
  if (/\b[cgpmnr]\.$/.test(before(text, start, 3))) return 'sequence variant';
  const pre = before(text, start, 40);
  if (ANALYTE_BEFORE.test(pre)) return 'lab or count value';
  // An NDC layout (4-4-2, 5-3-2, 5-4-1, billing 5-4-2) on a line about a drug product names the product, not a person;
  // without such words it stays a weak id the reviewer may drop.
  if (NDC_SHAPE.test(token) && DRUG_PRODUCT_LINE.test(lineAround(text, start, end))) return 'drug product code';
  if (CODE_SYSTEM_BEFORE.test(pre)) return 'code of a code system';
  return null;
}
