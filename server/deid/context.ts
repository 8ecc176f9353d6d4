/**
 * What detection knows about the patient, derived once from the patient fields: name parts,
 * identifier values and address pieces to look for anywhere in the encounter.
 * Invariant: only non-trivial values (>= 2 characters) are kept, so a one-letter middle
 * initial never turns every "A" into a candidate.
 */
import type { DeidEncounterInput } from './types';

export interface PatientContext {
  refYear: number;
  fullName: string;
  /** Surname parts (case-insensitive search) and given-name parts (capitalised search). */
  lastNames: string[];
  givenNames: string[];
  /** Literal identifier values with their type. */
  values: { text: string; type: 'MRN' | 'PHONE' | 'EMAIL' | 'SSN' | 'ACCOUNT' | 'HEALTH_PLAN' | 'ADDRESS' | 'CITY' | 'ZIP' | 'DATE'; reason: string }[];
}

/** Words too common in clinical English to match case-insensitively as a name part. */
const COMMON = new Set(['rose', 'hope', 'faith', 'joy', 'will', 'mark', 'bill', 'young', 'long', 'white', 'brown', 'green', 'black', 'gray', 'grey',
  'hall', 'wood', 'stone', 'may', 'june', 'april', 'august', 'king', 'love', 'best', 'little', 'small', 'short', 'north', 'south', 'west', 'east',
  'lane', 'fields', 'field', 'ward', 'nurse', 'bell', 'moore', 'rich', 'early', 'case', 'page', 'cross', 'price', 'low', 'high', 'major', 'hart', 'heart']);
export const isCommonWord = (w: string): boolean => COMMON.has(w.toLowerCase());

function splitAddress(address: string) {
  // "1182 Linden Ave, Minneapolis, MN 55408": street first, then city, then state + ZIP.
  const parts = address.split(',').map((s) => s.trim()).filter(Boolean);
  const zip = /\b(\d{5})(?:-\d{4})?\b/.exec(address)?.[1];
  const street = parts[0] && /\d/.test(parts[0]) ? parts[0] : undefined;
  const streetName = street?.replace(/^\d+[A-Z]?\s+/, '').replace(/\s*(?:Apt|Unit|Suite|Ste|#).*$/i, '');
  const city = parts.length >= 3 ? parts[parts.length - 2] : parts.length === 2 && !/\d/.test(parts[0]!) ? parts[0] : undefined;
  return { street, streetName, city: city && !/\d/.test(city) ? city : undefined, zip };
}

export function patientContext(enc: DeidEncounterInput): PatientContext {
  const p = enc.patient;
  const refYear = Number(enc.dateOfService.slice(0, 4)) || new Date().getUTCFullYear();
  const tokens = p.name.replace(/[(),]/g, ' ').split(/\s+/).map((t) => t.replace(/\.$/, '')).filter((t) => t.length >= 2);
  // "Last, First" is honoured; otherwise the last token is the surname.
  const commaLast = p.name.includes(',') ? p.name.split(',')[0]!.trim().split(/\s+/) : undefined;
  const lastTok = commaLast ?? tokens.slice(-1);
  const lastNames = new Set<string>();
  for (const t of lastTok) { lastNames.add(t); for (const h of t.split('-')) if (h.length >= 2) lastNames.add(h); }
  const givenNames = new Set<string>();
  for (const t of tokens) if (!lastTok.includes(t)) { givenNames.add(t); for (const h of t.split('-')) if (h.length >= 2) givenNames.add(h); }
  const values: PatientContext['values'] = [];
  const add = (text: string | undefined, type: PatientContext['values'][number]['type'], reason: string) => {
    if (text && text.trim().length >= 2) values.push({ text: text.trim(), type, reason });
  };
  add(p.mrn, 'MRN', "matches patient's MRN");
  // A prefixed MRN ("MRN-4417302") is often written as its bare number.
  if (p.mrn) { const digits = /\d{4,}/.exec(p.mrn)?.[0]; if (digits && digits !== p.mrn) add(digits, 'MRN', "matches patient's MRN number"); }
  add(p.phone, 'PHONE', "matches patient's phone");
  add(p.email, 'EMAIL', "matches patient's email");
  add(p.ssn, 'SSN', "matches patient's SSN");
  add(p.accountNumber, 'ACCOUNT', "matches patient's account number");
  add(p.insuranceId, 'HEALTH_PLAN', "matches patient's insurance ID");
  if (p.address) {
    const a = splitAddress(p.address);
    add(p.address, 'ADDRESS', "matches patient's address");
    add(a.street, 'ADDRESS', "matches patient's street address");
    if (a.streetName && a.streetName.split(/\s+/).length >= 2) add(a.streetName, 'ADDRESS', "matches patient's street");
    add(a.city, 'CITY', "matches patient's city");
    add(a.zip, 'ZIP', "matches patient's ZIP");
  }
  if (p.dob) add(p.dob, 'DATE', "matches patient's date of birth");
  return { refYear, fullName: p.name.trim(), lastNames: [...lastNames], givenNames: [...givenNames], values };
}
