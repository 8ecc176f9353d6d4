/**
 * Initials the text itself defines for a person it names: "Mariel Dizon-Santos, PharmD (MDS)", "Ruairi Mac Giolla
 * (initials RMG)", "Original coder: SLT (Shauna Tremblay)". The writer has said whose they are, so every upper-case
 * occurrence is that person (audit tables: "Coder CDU", "Accuracy: CDU 96%, RMO 91%"), not only where initials sign
 * (person-initials.ts). Two-letter initials, and initials that are also a clinical abbreviation or an English word ("AT",
 * "PT"), count only in their definition, where the brackets say what they are.
 * Invariants: hits are NAME; initials are two to four capitals, spelled by the first letters of the name's words
 * (hyphenated parts counted apart or not); the names come from NAME hits.
 */
import { esc, type Hit } from './hits';
import { CLINICAL_ABBREVIATIONS } from './lexicon';
import { isEnglishWord } from './tokens';

const CREDENTIAL = String.raw`(?:,?[ \t]*(?:MD|DO|RN|NP|PA-C|PA|PharmD|RPh|CPhT|LPN|LCSW|MSW|CNA|PhD|DDS|APRN|CCS|CPC|CDIP|RHIT|RHIA|CCDS|CDI))*`;
const AFTER = new RegExp(`^${CREDENTIAL}[ \\t]*\\([ \\t]*(?:initials[ \\t]+)?(\\p{Lu}{2,4})[ \\t]*\\)`, 'u');
const BEFORE = /(?<![\p{L}\p{N}])(\p{Lu}{2,4})[ \t]*\([ \t]*$/u;

/** The initials a name can be written with: "Mariel Dizon-Santos" -> MDS, MD; "Ruairi Mac Giolla" -> RMG. */
function initialsOf(name: string): Set<string> {
  const words = name.replace(/,/g, ' ').split(/[ \t]+/).filter((w) => /^\p{Lu}/u.test(w));
  const out = new Set<string>();
  const whole = words.map((w) => w[0]!).join('');
  const parts = words.flatMap((w) => w.split('-').filter((p) => /^\p{Lu}/u.test(p))).map((p) => p[0]!).join('');
  for (const v of [whole, parts]) if (v.length >= 2) out.add(v);
  // "Quintanilla, Rafael": the given name's initial first.
  if (name.includes(',') && words.length >= 2) out.add([...words.slice(1), words[0]!].map((w) => w[0]!).join(''));
  return out;
}

/** "SLT" for "Shauna Tremblay": one middle initial the text leaves out of the name. */
const withMiddle = (v: string, names: Set<string>) => [...names].some((n) => n.length === 2 && v.length === 3 && v[0] === n[0] && v[2] === n[1]);

/** Initials defined beside a NAME hit, and whether each may be searched beyond its definition. */
export function definedInitials(text: string, hits: readonly Hit[]): { initials: string; anywhere: boolean; at: number }[] {
  const out: { initials: string; anywhere: boolean; at: number }[] = [];
  for (const h of hits) {
    if (h.type !== 'NAME') continue;
    const names = initialsOf(text.slice(h.start, h.end));
    const after = AFTER.exec(text.slice(h.end, h.end + 40));
    const before = text[h.end] === ')' ? BEFORE.exec(text.slice(Math.max(0, h.start - 10), h.start)) : null;
    for (const [m, at] of [[after, after ? h.end + after[0].lastIndexOf(after[1]!) : -1], [before, before ? h.start - before[0].length : -1]] as const) {
      const v = m?.[1];
      if (!v || !(names.has(v) || withMiddle(v, names))) continue;
      out.push({ initials: v, anywhere: v.length >= 3 && !CLINICAL_ABBREVIATIONS.has(v.toLowerCase()) && !isEnglishWord(v.toLowerCase()), at });
    }
  }
  return out;
}

/** Each upper-case, whole-word occurrence of initials defined in the text (only the definition for word-like ones). */
export function findDefinedInitials(text: string, defined: { initials: string; anywhere: boolean; at: number }[]): Hit[] {
  const out: Hit[] = [];
  for (const d of defined) {
    if (!d.anywhere) { if (d.at >= 0 && text.startsWith(d.initials, d.at)) out.push({ start: d.at, end: d.at + d.initials.length, type: 'NAME', reason: 'initials the text defines for a person' }); continue; }
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${esc(d.initials)}(?![\\p{L}\\p{N}])`, 'gu'))) out.push({ start: m.index, end: m.index + d.initials.length, type: 'NAME', reason: 'initials the text defines for a person' });
  }
  return out;
}
