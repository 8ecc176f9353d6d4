/** Code shapes shared by browser and server (existence is checked against the loaded code sets). */
export const CODE_FORMATS = {
  /** Letter, digit, then up to 5 alphanumerics (A00 … Z99, U07.1, C4A, S72.001A). */
  'ICD-10-CM': /^[A-Z][0-9][0-9A-Z]([0-9A-Z]{1,4})?$/,
  /** 7 characters from the PCS alphabet (digits and letters without I and O); headers have 3. */
  'ICD-10-PCS': /^[0-9A-HJ-NP-Z]{7}$/,
  /** 5 digits (Category I), or 4 digits + F (Category II), T (Category III), U (PLA). */
  CPT: /^(\d{5}|\d{4}[FTU])$/,
  /** A letter and four digits (J1100). */
  HCPCS: /^[A-Z]\d{4}$/,
  /** Two letters or digits. */
  modifier: /^[A-Z0-9]{2}$/
} as const;

export const CODE_FORMAT_HINTS = {
  'ICD-10-CM': 'an ICD-10-CM code is a letter, a digit, then 1 to 5 letters or digits (E11.65)',
  'ICD-10-PCS': 'an ICD-10-PCS code is exactly 7 letters or digits, without I or O (0DTJ4ZZ)',
  CPT: 'a CPT code is five digits, or four digits followed by F, T or U (99213, 3074F)',
  HCPCS: 'a HCPCS Level II code is a letter and four digits (J1100)'
} as const;

/** Trim, uppercase, remove dots and spaces: the form every lookup uses. */
export function normalizeCode(input: string): string {
  return input.trim().toUpperCase().replace(/[.\s]/g, '');
}

/** ICD-10-CM shows a dot after the third character; other systems never take one. */
export function displayCode(system: string, code: string): string {
  const c = normalizeCode(code);
  return system === 'ICD-10-CM' && c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
}
