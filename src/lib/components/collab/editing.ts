/** Pure helpers of the live code editor (role defaults, pointer letters). */
import type { CodeRole, CodeSystem } from '$lib/protocol/encounters';
import { pointerLetter, type LiveLine } from '$lib/collab/shape';

/** A PCS, HCPCS or CPT line is a procedure; a diagnosis gets principal/first-listed when there is none yet. */
export function roleForSystem(system: CodeSystem, lines: LiveLine[], self: string | null, inpatient: boolean): CodeRole {
  if (system !== 'ICD-10-CM') return 'procedure';
  const hasLead = lines.some((l) => l.id !== self && (l.role === 'principal' || l.role === 'first-listed'));
  return hasLead ? 'secondary' : inpatient ? 'principal' : 'first-listed';
}

/** Letters of the diagnosis lines (A–L, in order) by line id. */
export function diagnosisLetters(lines: LiveLine[]): Map<string, string> {
  const out = new Map<string, string>();
  lines.filter((l) => l.system === 'ICD-10-CM').forEach((l, i) => out.set(l.id, pointerLetter(i)));
  return out;
}

/** "A C" → the ids of those diagnosis lines (unknown letters are dropped; at most 4). */
export function parsePointers(text: string, letters: Map<string, string>): string[] {
  const byLetter = new Map([...letters].map(([id, l]) => [l, id]));
  const ids = text.toUpperCase().split(/[\s,]+/).map((x) => byLetter.get(x)).filter((x): x is string => !!x);
  return [...new Set(ids)].slice(0, 4);
}
