/**
 * Rules from the Tabular's instructional notes, applied to the diagnosis lines of an encounter:
 * - `manifestation-first` (error): a manifestation code ("… in diseases classified elsewhere",
 *   under a Code first note) is principal or first-listed.
 * - `code-first-missing`: a Code first note names a condition (by code references) and no code
 *   of it is on the list: a warning for a manifestation code, a suggestion otherwise (many such
 *   notes say "if applicable").
 * - `code-first-sequence` (warning): a manifestation code is listed before the underlying
 *   condition its Code first note names ("they must be listed following the underlying
 *   condition", the Tabular's introduction).
 * - `use-additional-code` (suggestion): no code from the note's range is on the list.
 * - `code-also` (info): the note, unless a code it names is already on the list.
 *
 * Invariants:
 * - Pure; notes are the FY2026 Tabular's (used for FY2027 dates too; the details say so).
 * - Notes apply from the section and every listed level down to the code. Chapter-level
 *   Use additional code / Code first notes ("resistance to antimicrobial drugs (Z16.-)") are
 *   shown in code details but not turned into findings: on every code of a chapter they would
 *   bury the specific instructions.
 * - One printed note block (one <codeFirst>, <useAdditionalCode> or <codeAlso> at one level) is
 *   one requirement whose alternatives are all the codes it names: its notes are list items of
 *   one instruction (E11 "code to identify control using:" insulin (Z79.4) / oral antidiabetic
 *   drugs (Z79.84); A41's list of "if applicable" conditions). One finding per block keeps a
 *   long list from becoming many findings. A block without code references cannot be checked
 *   and yields no finding (except the manifestation rule's "nothing coded besides it").
 * - A line never satisfies its own note.
 */
import { displayCode, normalizeCode } from './normalize';
import { isManifestation } from './manifestation';
import { describeReferences, referencesInNote, referencesMatchAny } from './note-references';
import type { Tabular, TabularNotes } from './parse-tabular';
import { tabularChain } from './tabular-notes';
import type { CodeLine, CodeReference, Finding } from './types';

export interface Requirement { text: string; references: CodeReference[]; printedAt: string }

// Note blocks are immutable once loaded, so each is parsed once (the validator runs per edit).
const parsed = new WeakMap<string[], Requirement>();

/** One printed note block as one requirement (see the header): texts joined, references united. */
export function requirementOf(texts: string[], printedAt: string): Requirement {
  const hit = parsed.get(texts);
  if (hit && hit.printedAt === printedAt) return hit;
  const r = parseRequirement(texts, printedAt);
  parsed.set(texts, r);
  return r;
}

function parseRequirement(texts: string[], printedAt: string): Requirement {
  let text = '';
  for (const t of texts) text += !text ? t : /:\s*$/.test(text) ? ` ${t}` : `; ${t}`;
  const references = texts.flatMap((t) => referencesInNote(t)).filter((r, i, all) => all.findIndex((x) => x.token === r.token) === i);
  return { text, references, printedAt };
}

type Kind = 'codeFirst' | 'useAdditionalCode' | 'codeAlso';

function requirementsFor(tab: Tabular, code: string, kind: Kind): Requirement[] {
  const chain = tabularChain(tab, code);
  if (chain.length === 0) return [];
  const sources: { notes: TabularNotes | null; at: string }[] = [];
  const section = tab.sections[chain[0].section];
  if (section) sources.push({ notes: section.notes, at: `section ${section.id}` });
  for (const e of chain) sources.push({ notes: e.notes, at: displayCode('ICD-10-CM', e.code) });
  return sources.flatMap((s) => (s.notes?.[kind]?.length ? [requirementOf(s.notes[kind]!, s.at)] : []));
}

const PRIMARY = new Set(['principal', 'first-listed']);
/** `Code first` + `, if applicable, …` / ` underlying disease` as the Tabular prints it. */
const instruction = (lead: string, r: Requirement) => `${lead}${/^[,;]/.test(r.text) ? '' : ' '}${r.text} (note at ${r.printedAt})`;

/** Rule ids of this module (the other validator tests filter them out). */
export const TABULAR_NOTE_RULES = ['manifestation-first', 'code-first-missing', 'code-first-sequence', 'use-additional-code', 'code-also'] as const;

export function checkTabularNotes(tab: Tabular | null, dx: CodeLine[], out: Finding[]): void {
  if (!tab) return;
  const codes = dx.map((l) => normalizeCode('ICD-10-CM', l.code));
  dx.forEach((line, i) => {
    const code = codes[i];
    const shown = displayCode('ICD-10-CM', code);
    const others = codes.filter((_, j) => j !== i && codes[j] !== code);
    const manifestation = isManifestation(tab, code);
    const codeFirst = requirementsFor(tab, code, 'codeFirst');
    if (manifestation && PRIMARY.has(line.role)) {
      const first = codeFirst.map((r) => r.text).join('; ');
      out.push({
        rule: 'manifestation-first', severity: 'error', lineIds: [line.id],
        message: `${shown} is a manifestation code ("in diseases classified elsewhere"): it is never the ${line.role} diagnosis. List the underlying condition first${first ? ` (Code first: ${first})` : ''} and make ${shown} secondary.`,
        suggestions: ['secondary']
      });
    }
    for (const r of codeFirst) {
      if (r.references.length === 0) {
        if (manifestation && others.length === 0) {
          out.push({ rule: 'code-first-missing', severity: 'warning', lineIds: [line.id], message: `${shown} is a manifestation code and no underlying condition is coded: ${instruction('Code first', r)}.` });
        }
        continue;
      }
      if (referencesMatchAny(r.references, others)) {
        // The underlying condition is coded; a manifestation must also follow it in the list.
        // (Listed first it already has the manifestation-first error.)
        if (manifestation && !PRIMARY.has(line.role) && !referencesMatchAny(r.references, codes.slice(0, i).filter((c) => c !== code))) {
          const after = codes.slice(i + 1).find((c) => referencesMatchAny(r.references, [c]))!;
          out.push({
            rule: 'code-first-sequence', severity: 'warning', lineIds: [line.id, dx[codes.indexOf(after, i + 1)].id],
            message: `${shown} is a manifestation code listed before its underlying condition ${displayCode('ICD-10-CM', after)}: ${instruction('Code first', r)}. Move ${displayCode('ICD-10-CM', after)} above ${shown}.`
          });
        }
        continue;
      }
      out.push({
        rule: 'code-first-missing', severity: manifestation ? 'warning' : 'suggestion', lineIds: [line.id],
        message: `${shown}: ${instruction('Code first', r)}. No code from ${describeReferences(r.references)} is on the list${manifestation ? '; add the underlying condition and list it before ' + shown : '; add one if the condition is documented'}.`
      });
    }
    for (const r of requirementsFor(tab, code, 'useAdditionalCode')) {
      if (r.references.length === 0 || referencesMatchAny(r.references, others)) continue;
      out.push({
        rule: 'use-additional-code', severity: 'suggestion', lineIds: [line.id],
        message: `${shown}: ${instruction('Use additional', r)}. No code from ${describeReferences(r.references)} is on the list.`
      });
    }
    for (const r of requirementsFor(tab, code, 'codeAlso')) {
      if (r.references.length > 0 && referencesMatchAny(r.references, others)) continue;
      out.push({ rule: 'code-also', severity: 'info', lineIds: [line.id], message: `${shown}: ${instruction('Code also', r)}, when documented; the order of the two codes depends on the reason for the encounter.` });
    }
  });
}
