/**
 * The shared document's shape (src/lib/collab/shape.ts): the gate's verdicts (whole and
 * incremental), the projection to stored code lines and back, edits by line id, seeding.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  checkShape, checkShapeAfter, fromCodeLines, insertLine, linesOf, makePrincipal, moveLine, rationaleOf, readLines,
  removeLine, replaceLines, seedUpdate, setField, toCodeLines, type LiveLine
} from '../../../src/lib/collab/shape';

const line = (id: string, code: string, over: Partial<LiveLine> = {}): LiveLine => ({
  id, system: 'ICD-10-CM', code, role: 'secondary', poa: null, modifiers: [], units: null, pointers: [], note: '', addedBy: null, ...over
});
const docOf = (lines: LiveLine[]) => { const d = new Y.Doc(); Y.applyUpdate(d, seedUpdate(lines)); return d; };

/** Applies `mutate` to a copy of `base` as one remote update and returns both verdicts. */
function verdicts(base: Y.Doc, mutate: (d: Y.Doc) => void) {
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(base));
  const sv = Y.encodeStateVector(writer);
  mutate(writer);
  const update = Y.encodeStateAsUpdate(writer, sv);
  const target = new Y.Doc();
  linesOf(target); rationaleOf(target); // typed parts first, as the server's copies have them
  Y.applyUpdate(target, Y.encodeStateAsUpdate(base));
  let changed: Map<Y.AbstractType<any>, Set<string | null>> | null = null;
  target.on('afterTransaction', (tr: Y.Transaction) => { changed = tr.changed; });
  Y.applyUpdate(target, update);
  return { whole: checkShape(target), after: checkShapeAfter(target, changed!) };
}

describe('checkShape and checkShapeAfter', () => {
  const base = docOf([line('a', 'N39.0', { role: 'principal' }), line('b', 'B96.20', { pointers: ['a'] })]);
  const m = (d: Y.Doc, i = 0) => linesOf(d).get(i);
  const cases: [string, (d: Y.Doc) => void, RegExp | null][] = [
    ['a note edit', (d) => m(d).set('note', 'ok'), null],
    ['a code and a units edit', (d) => { m(d).set('code', 'A41.9'); m(d, 1).set('units', 2); }, null],
    ['a rationale edit', (d) => rationaleOf(d).insert(0, 'because'), null],
    ['a move', (d) => moveLine(d, 'a', 1), null],
    ['an added line', (d) => insertLine(d, line('c', 'E11.9'), 1), null],
    ['a removed line', (d) => removeLine(d, 'a'), null],
    ['units of the wrong type', (d) => m(d).set('units', 'three'), /units has the wrong type/],
    ['units out of range', (d) => m(d, 1).set('units', 0), /units has the wrong type or is out of range/],
    ['an unknown field', (d) => m(d).set('colour', 'red'), /unknown field "colour"/],
    ['a required field removed', (d) => m(d).delete('code'), /line \d has no code/],
    ['an optional field removed', (d) => m(d).delete('note'), null],
    ['a bad position', (d) => m(d).set('pos', 'A0'), /pos has the wrong type/],
    ['a nested type as a value', (d) => m(d).set('note', new Y.Map()), /note has the wrong type/],
    ['a lowercase modifier', (d) => m(d).set('modifiers', ['lt']), /modifiers has the wrong type/],
    ['a duplicated id', (d) => m(d, 1).set('id', 'a'), /two lines have the id a/],
    ['an id removed', (d) => m(d).delete('id'), /has no id/],
    ['a line without id', (d) => { const x = new Y.Map(); x.set('pos', 'z'); x.set('system', 'CPT'); x.set('code', '99213'); x.set('role', 'procedure'); linesOf(d).push([x]); }, /has no id/],
    ['a line that is not a map', (d) => linesOf(d).push(['plain' as unknown as Y.Map<unknown>]), /is not a line/],
    ['an unknown part', (d) => d.getMap('extra').set('x', 1), /no part "extra"/],
    ['a rationale too long', (d) => rationaleOf(d).insert(0, 'x'.repeat(20_001)), /at most 20000 characters/]
  ];
  for (const [name, mutate, expected] of cases) {
    it(`${name}: ${expected ? 'refused' : 'accepted'}, the same by both checks`, () => {
      const { whole, after } = verdicts(base, mutate);
      if (expected) expect(whole).toMatch(expected);
      else expect(whole).toBeNull();
      expect(after).toBe(whole);
    });
  }
});

describe('projection to stored code lines', () => {
  it('turns pointers (line ids) into 1-based positions among the diagnoses, in document order', () => {
    const lines = [
      line('p', '0DTJ4ZZ', { system: 'ICD-10-PCS', role: 'procedure', pointers: [] }),
      line('d1', 'k35.80', { role: 'principal' }),
      line('c', '99213', { system: 'CPT', role: 'procedure', pointers: ['d2', 'd1', 'gone'], units: 2, modifiers: ['25'] }),
      line('d2', 'E11.9')
    ];
    const stored = toCodeLines(lines);
    expect(stored.map((l) => l.code)).toEqual(['0DTJ4ZZ', 'K35.80', '99213', 'E11.9']);
    expect(stored[2]).toEqual({ id: 'c', system: 'CPT', code: '99213', role: 'procedure', units: 2, modifiers: ['25'], pointers: [2, 1] });
    expect(stored[0]).not.toHaveProperty('pointers');
  });

  it('leaves out lines whose code is not well formed yet (being typed)', () => {
    expect(toCodeLines([line('a', 'N3'), line('b', 'N39.0'), line('c', '9921', { system: 'CPT', role: 'procedure' })]).map((l) => l.id)).toEqual(['b']);
  });

  it('round-trips through fromCodeLines, keeping addedBy of lines it knew', () => {
    const by = { id: 'u1', name: 'Ada' };
    const lines = [line('d1', 'N39.0', { role: 'principal', poa: 'Y', addedBy: by }), line('c', '99213', { system: 'CPT', role: 'procedure', pointers: ['d1'] })];
    const back = fromCodeLines(toCodeLines(lines), null, new Map(lines.map((l) => [l.id, l])));
    expect(back).toEqual(lines);
    expect(fromCodeLines(toCodeLines(lines), { id: 'u2', name: 'Bo' })[1]!.addedBy).toEqual({ id: 'u2', name: 'Bo' });
  });
});

describe('edits by line id', () => {
  it('a move and a concurrent edit of the moved line both survive', () => {
    const a = docOf([line('x', 'N39.0'), line('y', 'E11.9'), line('z', 'I10')]);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveLine(a, 'x', 2);
    setField(b, 'x', 'note', 'checked');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readLines(a)).toEqual(readLines(b));
    expect(readLines(a).map((l) => [l.id, l.note])).toEqual([['y', ''], ['z', ''], ['x', 'checked']]);
  });

  it('makePrincipal demotes the old principal and moves the new one first among the diagnoses', () => {
    const d = docOf([line('p', '0DTJ4ZZ', { system: 'ICD-10-PCS', role: 'procedure' }), line('a', 'N39.0', { role: 'principal' }), line('b', 'A41.9')]);
    makePrincipal(d, 'b', 'principal');
    expect(readLines(d).map((l) => [l.id, l.role])).toEqual([['p', 'procedure'], ['b', 'principal'], ['a', 'secondary']]);
  });

  it('replaceLines reaches the target by id: fields, removals, additions and order', () => {
    const d = docOf([line('a', 'N39.0'), line('b', 'E11.9'), line('c', 'I10')]);
    const target = [line('c', 'I10', { note: 'n' }), line('new', 'R69'), line('a', 'N39.0')];
    replaceLines(d, target);
    expect(readLines(d)).toEqual(target);
    expect(checkShape(d)).toBeNull();
  });

  it('removing a diagnosis removes pointers at it', () => {
    const d = docOf([line('a', 'N39.0'), line('c', '99213', { system: 'CPT', role: 'procedure', pointers: ['a'] })]);
    removeLine(d, 'a');
    expect(readLines(d)[0]!.pointers).toEqual([]);
  });
});

describe('seedUpdate', () => {
  it('is byte-identical for the same lines (servers that seed at once store it once)', () => {
    const lines = [line('a', 'N39.0', { role: 'principal' }), line('b', 'E11.9')];
    expect(Buffer.from(seedUpdate(lines)).equals(Buffer.from(seedUpdate(lines)))).toBe(true);
    expect(readLines(docOf(lines))).toEqual(lines);
    expect(checkShape(docOf(lines))).toBeNull();
  });
});
