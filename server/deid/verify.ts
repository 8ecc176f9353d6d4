/**
 * The last check before a de-identified copy is written: searches every text of the copy for
 * the patient's own identifiers in any written form (the same patterns detection uses, see
 * patient-values.ts, plus the name parts). The forum refuses a copy that still holds one, so a
 * bug anywhere upstream cannot publish a patient identifier.
 * Invariant: pure; returns the names of the patient fields found (empty = safe to write).
 */
import { patientContext } from './context';
import { findPatientName } from './names';
import { patientValuePatterns } from './patient-values';
import type { DeidEncounterInput, DeidentifiedEncounter } from './types';

export function copyTexts(copy: DeidentifiedEncounter): string[] {
  return [copy.title, ...copy.documents.flatMap((d) => [d.title, d.author ?? '', d.text]),
    ...copy.flags.flatMap((f) => [f.question, f.anchor?.quote ?? '']), ...copy.codeLines.map((c) => c.note ?? '')];
}

export function residualPatientIdentifiers(original: DeidEncounterInput, copy: DeidentifiedEncounter): string[] {
  const ctx = patientContext(original);
  // The date of service itself is allowed to remain as a year or a shifted date; only DOB counts here.
  const patterns = patientValuePatterns(original, ctx).filter((p) => p.field !== 'dateOfService');
  const found = new Set<string>();
  for (const text of copyTexts(copy)) {
    if (!text) continue;
    if (findPatientName(text, ctx).length) found.add('name');
    for (const p of patterns) { p.re.lastIndex = 0; if (p.re.test(text)) found.add(p.field); }
  }
  return [...found];
}
