/** Code-line drafts: editable strings ↔ the API's CodeLineInput. */
import type { CodeLine, CodeLineInput, CodeRole, CodeSystem, Poa } from '$lib/protocol/encounters';

export interface LineDraft { key: number; id?: string; system: CodeSystem; code: string; role: CodeRole; poa: string; modifiers: string; units: string; pointers: string; note: string }

let nextKey = 1;
export const toDraft = (l: CodeLine): LineDraft => ({
  key: nextKey++, id: l.id, system: l.system, code: l.code, role: l.role, poa: l.poa ?? '',
  modifiers: (l.modifiers ?? []).join(' '), units: l.units?.toString() ?? '', pointers: (l.pointers ?? []).join(' '), note: l.note ?? ''
});
export const newDraft = (system: CodeSystem = 'ICD-10-CM', role: CodeRole = 'secondary'): LineDraft =>
  ({ key: nextKey++, system, code: '', role, poa: '', modifiers: '', units: '', pointers: '', note: '' });

const list = (s: string) => s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);

export function fromDraft(d: LineDraft): CodeLineInput & { id?: string } {
  return {
    ...(d.id ? { id: d.id } : {}),
    system: d.system, code: d.code.trim().toUpperCase(), role: d.role,
    ...(d.poa ? { poa: d.poa as Poa } : {}),
    ...(list(d.modifiers).length ? { modifiers: list(d.modifiers).map((m) => m.toUpperCase()) } : {}),
    ...(d.units.trim() ? { units: Number(d.units) } : {}),
    ...(list(d.pointers).length ? { pointers: list(d.pointers).map(Number) } : {}),
    ...(d.note.trim() ? { note: d.note } : {})
  };
}
