/**
 * The shared document of an encounter's code set, and the only code that reads or writes it.
 *
 *   doc.getArray('lines')   Y.Array of Y.Map, one per code line; order = sort by (pos, id)
 *   doc.getText('rationale') the coders' shared rationale
 *
 * A line map holds plain values only: id (stable, never changes), pos (fractional key), system,
 * code, role, poa, modifiers, units, pointers (ids of the diagnosis lines it points at, so they
 * stay right when lines move), note, addedBy. `checkShape` is the gate the server applies to
 * every incoming update (on a shadow copy) before it is accepted: any other key, type or limit
 * makes the update refused.
 */
import * as Y from 'yjs';
import { CODE_ROLES, CODE_SYSTEMS, LIMITS, POA_VALUES, type CodeLine, type CodeRole, type CodeSystem, type Poa } from '../protocol/encounters';
import { CODE_FORMATS, displayCode, normalizeCode } from '../protocol/codes';
import { POSITION_PATTERN, positionBetween, positionsBetween } from './positions';

export interface LiveLine {
  id: string;
  system: CodeSystem;
  code: string;
  role: CodeRole;
  poa: Poa | null;
  modifiers: string[];
  units: number | null;
  pointers: string[];
  note: string;
  addedBy: { id: string; name: string } | null;
}
export type LineField = Exclude<keyof LiveLine, 'id'>;
export const LINE_FIELDS: LineField[] = ['system', 'code', 'role', 'poa', 'modifiers', 'units', 'pointers', 'note', 'addedBy'];
export const MAX_RATIONALE = 20_000;
export const MAX_CODE_CHARS = 12;

export const linesOf = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('lines');
export const rationaleOf = (doc: Y.Doc) => doc.getText('rationale');

const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const FIELD_CHECKS: Record<LineField | 'id' | 'pos', (v: unknown) => boolean> = {
  id: (v) => isStr(v, 64) && v.length > 0,
  pos: (v) => isStr(v, 400) && POSITION_PATTERN.test(v),
  system: (v) => (CODE_SYSTEMS as readonly unknown[]).includes(v),
  code: (v) => isStr(v, MAX_CODE_CHARS),
  role: (v) => (CODE_ROLES as readonly unknown[]).includes(v),
  poa: (v) => v === null || (POA_VALUES as readonly unknown[]).includes(v),
  modifiers: (v) => Array.isArray(v) && v.length <= LIMITS.modifiers && v.every((m) => typeof m === 'string' && /^[A-Z0-9]{2}$/.test(m)),
  units: (v) => v === null || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 9999),
  pointers: (v) => Array.isArray(v) && v.length <= LIMITS.pointers && v.every((p) => isStr(p, 64)),
  note: (v) => isStr(v, LIMITS.note),
  addedBy: (v) => v === null || (typeof v === 'object' && isStr((v as { id?: unknown }).id, 64) && isStr((v as { name?: unknown }).name, 200) && Object.keys(v as object).length === 2)
};
const REQUIRED = ['id', 'pos', 'system', 'code', 'role'] as const;

/** Null when the document has the shape above, else what is wrong (in words for the sender). */
export function checkShape(doc: Y.Doc): string | null {
  for (const name of doc.share.keys()) {
    if (name !== 'lines' && name !== 'rationale') return `the document has no part "${name.slice(0, 40)}"`;
  }
  const lines = linesOf(doc);
  if (!(doc.share.get('lines') instanceof Y.Array) && doc.share.has('lines')) return 'lines must be a list';
  if (lines.length > LIMITS.codeLines) return `a code set holds at most ${LIMITS.codeLines} lines`;
  const ids = new Set<string>();
  let i = 0;
  for (const m of lines) {
    i++;
    if (!(m instanceof Y.Map)) return `line ${i} is not a line`;
    for (const key of REQUIRED) if (!m.has(key)) return `line ${i} has no ${key}`;
    for (const [key, value] of m.entries()) {
      const check = FIELD_CHECKS[key as LineField];
      if (!check) return `line ${i} has an unknown field "${key.slice(0, 40)}"`;
      if (!check(value)) return `line ${i}: ${key} has the wrong type or is out of range`;
    }
    const id = m.get('id') as string;
    if (ids.has(id)) return `two lines have the id ${id.slice(0, 64)}`;
    ids.add(id);
  }
  const rationale = doc.share.get('rationale');
  if (rationale && !(rationale instanceof Y.Text)) return 'the rationale must be text';
  if (rationale && (rationale as Y.Text).length > MAX_RATIONALE) return `the rationale holds at most ${MAX_RATIONALE} characters`;
  return null;
}

/**
 * The verdict of `checkShape` for a document that had the shape before one transaction, looking
 * only at what that transaction changed (`Transaction.changed`): the fields set or removed on
 * existing lines and the rationale. Anything else (lines added or removed, an id changed, a new
 * part, a nested type) falls back to the whole check. This is the per-update gate, so a field
 * edit costs the fields it touched, not the whole code set.
 */
export function checkShapeAfter(doc: Y.Doc, changed: Map<Y.AbstractType<any>, Set<string | null>>): string | null {
  const lines = doc.share.get('lines');
  const rationale = doc.share.get('rationale');
  // Only for a document whose parts are typed already (as the server's copies are).
  if (doc.share.size > 2 || !(lines instanceof Y.Array) || !(rationale instanceof Y.Text)) return checkShape(doc);
  for (const [type, keys] of changed) {
    if (type === rationale) {
      if (rationale.length > MAX_RATIONALE) return `the rationale holds at most ${MAX_RATIONALE} characters`;
      continue;
    }
    if (!(type instanceof Y.Map) || type.parent !== lines) return checkShape(doc);
    for (const key of keys) {
      if (key === null || key === 'id') return checkShape(doc);
      const line = () => (lines as Y.Array<unknown>).toArray().indexOf(type) + 1;
      if (!type.has(key)) {
        if ((REQUIRED as readonly string[]).includes(key)) return `line ${line()} has no ${key}`;
        continue;
      }
      const check = FIELD_CHECKS[key as LineField];
      if (!check) return `line ${line()} has an unknown field "${key.slice(0, 40)}"`;
      if (!check(type.get(key))) return `line ${line()}: ${key} has the wrong type or is out of range`;
    }
  }
  return null;
}

function readLine(m: Y.Map<unknown>): LiveLine & { pos: string } {
  const g = <T>(k: string, d: T) => (m.has(k) ? (m.get(k) as T) : d);
  return {
    id: m.get('id') as string, pos: m.get('pos') as string,
    system: m.get('system') as CodeSystem, code: m.get('code') as string, role: m.get('role') as CodeRole,
    poa: g('poa', null), modifiers: g('modifiers', []), units: g('units', null), pointers: g('pointers', []),
    note: g('note', ''), addedBy: g('addedBy', null)
  };
}

const byPosition = (a: { pos: string; id: string }, b: { pos: string; id: string }) =>
  a.pos < b.pos ? -1 : a.pos > b.pos ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The lines in order, each with its map (for editing) and position key. */
export function orderedMaps(doc: Y.Doc): { map: Y.Map<unknown>; line: LiveLine & { pos: string } }[] {
  return linesOf(doc).toArray().map((map) => ({ map, line: readLine(map) })).sort((a, b) => byPosition(a.line, b.line));
}
export const readLines = (doc: Y.Doc): LiveLine[] => orderedMaps(doc).map(({ line: { pos: _pos, ...l } }) => l);

function lineMap(line: LiveLine, pos: string): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  // A fixed field order keeps a seed byte-identical on every server.
  m.set('id', line.id); m.set('pos', pos);
  for (const f of LINE_FIELDS) m.set(f, line[f]);
  return m;
}

/** Inserts a line at an index of the ordered list; returns its id. */
export function insertLine(doc: Y.Doc, line: LiveLine, index: number): string {
  const ordered = orderedMaps(doc);
  const before = ordered[index - 1]?.line.pos ?? '';
  const after = ordered[index]?.line.pos ?? null;
  linesOf(doc).push([lineMap(line, safeBetween(before, after))]);
  return line.id;
}

/** Between two keys; equal keys (two people inserted at one place at once) still order by id. */
function safeBetween(a: string, b: string | null): string {
  return b !== null && a >= b ? positionBetween(a, null) : positionBetween(a, b);
}

/** Moves a line to an index of the ordered list (resequencing), setting only its position. */
export function moveLine(doc: Y.Doc, lineId: string, toIndex: number): void {
  const others = orderedMaps(doc).filter((x) => x.line.id !== lineId);
  const me = linesOf(doc).toArray().find((m) => m.get('id') === lineId);
  if (!me) return;
  const before = others[toIndex - 1]?.line.pos ?? '';
  const after = others[toIndex]?.line.pos ?? null;
  me.set('pos', safeBetween(before, after));
}

export function removeLine(doc: Y.Doc, lineId: string): void {
  const arr = linesOf(doc);
  const i = arr.toArray().findIndex((m) => m.get('id') === lineId);
  if (i >= 0) arr.delete(i, 1);
  // Pointers at the removed diagnosis go with it.
  for (const m of arr) {
    const p = m.get('pointers') as string[] | undefined;
    if (p?.includes(lineId)) m.set('pointers', p.filter((x) => x !== lineId));
  }
}

export function setField<F extends LineField>(doc: Y.Doc, lineId: string, field: F, value: LiveLine[F]): void {
  const m = linesOf(doc).toArray().find((x) => x.get('id') === lineId);
  if (m && JSON.stringify(m.get(field) ?? null) !== JSON.stringify(value ?? null)) m.set(field, value);
}

/** The line that is principal (inpatient) or first-listed, first in order. */
export function makePrincipal(doc: Y.Doc, lineId: string, role: 'principal' | 'first-listed'): void {
  for (const { line } of orderedMaps(doc)) {
    if (line.id !== lineId && (line.role === 'principal' || line.role === 'first-listed')) setField(doc, line.id, 'role', 'secondary');
  }
  setField(doc, lineId, 'role', role);
  const firstDx = orderedMaps(doc).findIndex((x) => x.line.system === 'ICD-10-CM');
  moveLine(doc, lineId, Math.max(0, firstDx));
}

/**
 * Makes the document's lines equal `target` by id (edits fields, removes and adds lines, and
 * resequences only when the order differs). Used by the REST endpoint, restore and seeding.
 */
export function replaceLines(doc: Y.Doc, target: LiveLine[]): void {
  const wanted = new Map(target.map((l) => [l.id, l]));
  const arr = linesOf(doc);
  for (let i = arr.length - 1; i >= 0; i--) if (!wanted.has(arr.get(i).get('id') as string)) arr.delete(i, 1);
  const present = new Map(orderedMaps(doc).map((x) => [x.line.id, x]));
  for (const l of target) {
    const cur = present.get(l.id);
    if (!cur) continue;
    for (const f of LINE_FIELDS) if (JSON.stringify(cur.line[f]) !== JSON.stringify(l[f])) cur.map.set(f, l[f]);
  }
  const order = orderedMaps(doc).map((x) => x.line.id);
  const keptInOrder = target.filter((l) => present.has(l.id)).map((l) => l.id);
  const sameOrder = order.length === keptInOrder.length && order.every((id, i) => id === keptInOrder[i]);
  if (sameOrder && target.every((l) => present.has(l.id))) return;
  // Resequence: every target line gets a fresh key in target order; new lines are inserted.
  const keys = positionsBetween('', null, target.length);
  target.forEach((l, i) => {
    const cur = present.get(l.id);
    if (cur) { if (cur.line.pos !== keys[i]) cur.map.set('pos', keys[i]); }
    else arr.push([lineMap(l, keys[i]!)]);
  });
}

/** Builds the first state of a document from stored lines with client id 0, so that two
 * servers seeding the same encounter produce byte-identical updates (Yjs merges them as one). */
export function seedUpdate(lines: LiveLine[], rationale = ''): Uint8Array {
  const seed = new Y.Doc();
  seed.clientID = 0;
  seed.transact(() => {
    const keys = positionsBetween('', null, lines.length);
    linesOf(seed).push(lines.map((l, i) => lineMap(l, keys[i]!)));
    if (rationale) rationaleOf(seed).insert(0, rationale);
  });
  const update = Y.encodeStateAsUpdate(seed);
  seed.destroy();
  return update;
}

// ---------------------------------------------------------------------------------------------
// The stored projection (encounter.codeLines): pointers are 1-based positions among the
// ICD-10-CM lines, codes well-formed for their system.

const dxIds = (lines: LiveLine[]) => lines.filter((l) => l.system === 'ICD-10-CM').map((l) => l.id);

export const isWellFormed = (l: Pick<LiveLine, 'system' | 'code'>) => CODE_FORMATS[l.system].test(normalizeCode(l.code));

export function toCodeLines(lines: LiveLine[]): CodeLine[] {
  const kept = lines.filter(isWellFormed);
  const dx = dxIds(kept);
  return kept.map((l) => {
    const pointers = l.pointers.map((id) => dx.indexOf(id) + 1).filter((n) => n > 0);
    return {
      id: l.id, system: l.system, code: displayCode(l.system, normalizeCode(l.code)), role: l.role,
      ...(l.poa ? { poa: l.poa } : {}),
      ...(l.modifiers.length ? { modifiers: l.modifiers } : {}),
      ...(l.units !== null ? { units: l.units } : {}),
      ...(pointers.length ? { pointers } : {}),
      ...(l.note ? { note: l.note } : {})
    };
  });
}

export function fromCodeLines(codeLines: CodeLine[], addedBy: LiveLine['addedBy'] = null, previous?: Map<string, LiveLine>): LiveLine[] {
  const dx = codeLines.filter((l) => l.system === 'ICD-10-CM').map((l) => l.id);
  return codeLines.map((l) => ({
    id: l.id, system: l.system, code: l.code, role: l.role, poa: l.poa ?? null,
    modifiers: l.modifiers ?? [], units: l.units ?? null,
    pointers: (l.pointers ?? []).map((p) => dx[p - 1]).filter((x): x is string => !!x),
    note: l.note ?? '', addedBy: previous?.get(l.id)?.addedBy ?? addedBy
  }));
}

/** Letters A–L for diagnosis pointers, as on a claim form. */
export const pointerLetter = (index: number) => 'ABCDEFGHIJKL'[index] ?? String(index + 1);
