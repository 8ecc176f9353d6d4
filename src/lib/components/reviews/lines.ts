/**
 * A code set as plain text, one line each: "CODE ROLE [POA]" (e.g. "A41.51 principal Y").
 * The system follows from the code's shape; the server checks every line again.
 */
import type { CodeLine } from '$lib/protocol/encounters';

export const linesToText = (lines: Pick<CodeLine, 'code' | 'role' | 'poa'>[]) => lines.map((l) => [l.code, l.role, l.poa ?? ''].join(' ').trim()).join('\n');

function systemOf(code: string): CodeLine['system'] {
  const c = code.replace('.', '').toUpperCase();
  if (/^\d{4}[0-9A-Z]$/.test(c) && /^\d/.test(c)) return 'CPT';
  if (/^[A-Z]\d{4}$/.test(c) && !/^[A-Z]\d{2}\.?\d/.test(code)) return 'HCPCS';
  if (c.length === 7 && /^[0-9A-HJ-NP-Z]{7}$/.test(c) && /^[0-9B-DF-HX]/.test(c) && !code.includes('.')) return 'ICD-10-PCS';
  return 'ICD-10-CM';
}

export function textToLines(text: string) {
  return text.split('\n').map((s) => s.trim()).filter(Boolean).map((row) => {
    const [code = '', role = 'secondary', poa] = row.split(/\s+/);
    return { system: systemOf(code), code, role, ...(poa ? { poa } : {}) };
  });
}
