/**
 * Streaming parser of the ICD-10-CM Tabular List XML (`icd10cm/tabular/icd10cm-tabular-*.xml`).
 *
 * Shape (what `loadCodeSets` exposes as `codeSets.tabular`, null when the file is absent):
 *   Tabular {
 *     fy: 2026                                  fiscal year the XML describes (<version>)
 *     chapters: TabularChapter[]                { number, title, first, last, notes }
 *     sections: TabularSection[]                { id 'A00-A09' | 'T07', first, last, title, chapter, notes }
 *     entries: Map<code, TabularEntry>          normalized code (no dot) → { code, title, parent, section, chapter, notes }
 *     inclusionTerms: Map<code, string[]>       normalized code → its inclusion terms as printed
 *   }
 *   TabularNotes: only the kinds present are set: inclusionTerm, includes, excludes1, excludes2,
 *   codeFirst, useAdditionalCode, codeAlso, notes, sevenChrNote (string[] each, as printed),
 *   sevenChrDef ({ char, meaning }[]).
 * Search (part B) reads `codeSets.tabular?.inclusionTerms.get('E11621')`.
 *
 * Invariants:
 * - Notes are stored where the Tabular prints them (chapter, section, or the `<diag>` entry);
 *   inheritance (a note applies to every code below) is resolved by tabular-notes.ts, never here.
 * - 7th-character codes are not listed in the XML: `entries` holds codes to the printed level
 *   (category, subcategory, 6-character code); a full code finds its entry by prefix.
 * - Texts are trimmed, inner whitespace collapsed; order is the Tabular's print order.
 * - One pass with saxes over the text; no DOM is built (the file is ~10 MB).
 */
import { SaxesParser } from 'saxes';

export interface SevenChrDef { char: string; meaning: string }

export type TabularTextKind =
  | 'inclusionTerm' | 'includes' | 'excludes1' | 'excludes2' | 'codeFirst'
  | 'useAdditionalCode' | 'codeAlso' | 'notes' | 'sevenChrNote';

export type TabularNotes = Partial<Record<TabularTextKind, string[]>> & { sevenChrDef?: SevenChrDef[] };

export interface TabularChapter { number: number; title: string; first: string; last: string; notes: TabularNotes }
export interface TabularSection { id: string; first: string; last: string; title: string; chapter: number; notes: TabularNotes }
export interface TabularEntry {
  /** Normalized code (no dot). */
  code: string;
  title: string;
  /** Normalized code of the enclosing `<diag>`, null for a category. */
  parent: string | null;
  /** Index into `Tabular.sections`. */
  section: number;
  chapter: number;
  notes: TabularNotes | null;
}
export interface Tabular {
  fy: number;
  chapters: TabularChapter[];
  sections: TabularSection[];
  entries: Map<string, TabularEntry>;
  inclusionTerms: Map<string, string[]>;
}

export const TEXT_KINDS: readonly TabularTextKind[] = [
  'inclusionTerm', 'includes', 'excludes1', 'excludes2', 'codeFirst', 'useAdditionalCode', 'codeAlso', 'notes', 'sevenChrNote'
];
const TEXT_KIND_SET = new Set<string>(TEXT_KINDS);

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const norm = (s: string) => clean(s).replace(/\./g, '').toUpperCase();

type Owner = { kind: 'chapter'; c: TabularChapter } | { kind: 'section'; s: TabularSection } | { kind: 'diag'; d: TabularEntry; named: boolean };

function notesOf(o: Owner): TabularNotes {
  if (o.kind === 'chapter') return o.c.notes;
  if (o.kind === 'section') return o.s.notes;
  return (o.d.notes ??= {});
}

export function parseTabularXml(xml: string, what = 'Tabular XML'): Tabular {
  const tab: Tabular = { fy: 0, chapters: [], sections: [], entries: new Map(), inclusionTerms: new Map() };
  const refs = new Map<string, { first: string; last: string }>(); // sectionRef id → range
  const owners: Owner[] = [];
  const path: string[] = [];
  let text = '';
  let extChar = '';
  const p = new SaxesParser();
  p.on('error', (e) => { throw new Error(`${what}: ${e.message}`); });
  p.on('text', (t) => { text += t; });
  p.on('opentag', (n) => {
    path.push(n.name);
    text = '';
    if (n.name === 'chapter') {
      const c: TabularChapter = { number: 0, title: '', first: '', last: '', notes: {} };
      tab.chapters.push(c);
      owners.push({ kind: 'chapter', c });
    } else if (n.name === 'section') {
      const id = String(n.attributes.id ?? '');
      const ch = owners.find((o) => o.kind === 'chapter') as { c: TabularChapter } | undefined;
      const r = refs.get(id);
      const [f, l] = id.split('-');
      const s: TabularSection = { id, first: r?.first ?? f, last: r?.last ?? l ?? f, title: '', chapter: ch?.c.number ?? 0, notes: {} };
      tab.sections.push(s);
      owners.push({ kind: 'section', s });
    } else if (n.name === 'diag') {
      const up = owners[owners.length - 1];
      const d: TabularEntry = {
        code: '', title: '', parent: up?.kind === 'diag' ? up.d.code : null,
        section: tab.sections.length - 1, chapter: tab.sections[tab.sections.length - 1]?.chapter ?? 0, notes: null
      };
      owners.push({ kind: 'diag', d, named: false });
    } else if (n.name === 'sectionRef') {
      refs.set(String(n.attributes.id), { first: String(n.attributes.first), last: String(n.attributes.last) });
    } else if (n.name === 'extension') {
      extChar = String(n.attributes.char ?? '');
    }
  });
  p.on('closetag', (n) => {
    const name = n.name;
    path.pop();
    const parentTag = path[path.length - 1];
    const owner = owners[owners.length - 1];
    if (name === 'chapter' || name === 'section' || name === 'diag') { owners.pop(); text = ''; return; }
    if (name === 'version' && parentTag === 'ICD10CM.tabular') { tab.fy = Number(clean(text)); text = ''; return; }
    if (!owner || path.includes('introduction') || path.includes('visualImpairment')) { text = ''; return; }
    if (name === 'name' && parentTag === 'chapter' && owner.kind === 'chapter') owner.c.number = Number(clean(text));
    else if (name === 'name' && parentTag === 'diag' && owner.kind === 'diag') {
      owner.d.code = norm(text);
      tab.entries.set(owner.d.code, owner.d);
    } else if (name === 'desc') {
      const t = clean(text);
      if (owner.kind === 'chapter') {
        owner.c.title = t.replace(/\s*\([A-Z0-9]+-[A-Z0-9]+\)$/, '');
        const m = /\(([A-Z0-9]+)-([A-Z0-9]+)\)$/.exec(t);
        if (m) { owner.c.first = m[1]; owner.c.last = m[2]; }
      } else if (owner.kind === 'section') owner.s.title = t.replace(/\s*\([A-Z0-9-]+\)$/, '');
      else owner.d.title = t;
    } else if (name === 'note' && TEXT_KIND_SET.has(parentTag)) {
      const notes = notesOf(owner);
      (notes[parentTag as TabularTextKind] ??= []).push(clean(text));
      if (parentTag === 'inclusionTerm' && owner.kind === 'diag') {
        const l = tab.inclusionTerms.get(owner.d.code) ?? [];
        l.push(clean(text));
        tab.inclusionTerms.set(owner.d.code, l);
      }
    } else if (name === 'extension' && parentTag === 'sevenChrDef') {
      (notesOf(owner).sevenChrDef ??= []).push({ char: extChar, meaning: clean(text) });
    }
    text = '';
  });
  p.write(xml).close();
  if (tab.chapters.length === 0 || tab.entries.size === 0) throw new Error(`${what}: no chapters or codes found`);
  return tab;
}
