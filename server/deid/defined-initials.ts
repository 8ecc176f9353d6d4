/**
 * Initials and handles the text itself defines for a person it names: "Mariel Dizon-Santos, PharmD (MDS)", "Ruairi Mac
 * Giolla (initials RMG)", "Original coder: SLT (Shauna Tremblay)", "Chanel Dupree (CDU)", "Magnus Thorvaldsen (mthorv)",
 * "GT = Greta Thorsdottir, RN". The writer has said whose they are, so every upper-case
 * occurrence is that person (audit tables: "Coder CDU", "Accuracy: CDU 96%, RMO 91%"), not only where initials sign
 * (person-initials.ts). Two-letter initials, and initials that are also a clinical abbreviation or an English word ("AT",
 * "PT"), count only in their definition, where the brackets say what they are.
 * A handle (any case, digits and "._" allowed: "kbl2", "shaddadin") counts when its letters are spelled, in order, from
 * the name's letters, starting with the given name's first and reaching into the surname: the coder's or user's id a
 * team makes from a name. Searched beyond its definition only when three letters or more and no word of any list.
 * Invariants: hits are NAME; upper-case initials of two to four capitals are spelled by the first letters of the name's
 * words (hyphenated parts counted apart or not), or are a handle; the names come from NAME hits.
 */
import { esc, type Hit } from './hits';
import { CLINICAL_ABBREVIATIONS, DRUGS } from './lexicon';
import { isEnglishWord } from './tokens';

const CREDENTIAL = String.raw`(?:,?[ \t]*(?:MD|DO|RN|NP|PA-C|PA|PharmD|RPh|CPhT|LPN|LCSW|MSW|CNA|PhD|DDS|APRN|CCS|CPC|CDIP|RHIT|RHIA|CCDS|CDI))*`;
const HANDLE = String.raw`\p{L}[\p{L}\p{N}._]{1,14}`;
const AFTER = new RegExp(`^${CREDENTIAL}[ \\t]*\\([ \\t]*(?:initials[ \\t]+|user(?:name)?[ \\t]+)?(${HANDLE})[ \\t]*\\)`, 'u');
/** Before a bracketed name ("LT (Luz Tolentino, RDCS)") or a name it stands for ("dlr = Dakota L. Ruelas"). */
const BEFORE = new RegExp(`(?<![\\p{L}\\p{N}._])(${HANDLE})[ \\t]*(\\(|=)[ \\t]*$`, 'u');
/** The bracket the name opened closes after it, perhaps after a comma and a role (", RDCS)", ", device tech)"). */
const CLOSES_BRACKET = new RegExp(`^(?:${CREDENTIAL}|,[^()\\n]{1,30})[ \\t]*\\)`, 'u');

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

const letters = (s: string) => s.normalize('NFD').replace(/[^\p{L}]/gu, '').toLowerCase();

/**
 * "CDU" from "Chanel Dupree", "mthorv" from "Magnus Thorvaldsen", "kbl2" from "Kofi Boateng-Lewis": the handle is the
 * start of the given name, then starts of later words or hyphenated parts, the last from the surname ("CNN" after
 * "Cherise Mwangi-Long RN" is her credential: no part starts with its N).
 */
function spelledFrom(handle: string, name: string): boolean {
  let words = name.split(/[ \t]+/);
  if (name.includes(',')) words = [...name.slice(name.indexOf(',') + 1).split(/[ \t]+/), ...name.slice(0, name.indexOf(',')).split(/[ \t]+/)];
  const parts = words.flatMap((w) => w.split('-')).map(letters).filter(Boolean);
  const h = letters(handle);
  if (parts.length < 2 || h.length < 2) return false;
  // From part i on, can h[k..] be spelled by starts of parts i, then any later ones, ending in the last part?
  const spell = (k: number, i: number): boolean => {
    for (let n = 1; n <= parts[i]!.length && k + n <= h.length && parts[i]!.startsWith(h.slice(k, k + n)); n++) {
      if (k + n === h.length) { if (i === parts.length - 1) return true; continue; }
      for (let j = i + 1; j < parts.length; j++) if (spell(k + n, j)) return true;
    }
    return false;
  };
  return spell(0, 0);
}

/** Initials defined beside a NAME hit, and whether each may be searched beyond its definition. */
export function definedInitials(text: string, hits: readonly Hit[]): { initials: string; anywhere: boolean; at: number }[] {
  const out: { initials: string; anywhere: boolean; at: number }[] = [];
  for (const h of hits) {
    if (h.type !== 'NAME') continue;
    const name = text.slice(h.start, h.end);
    const names = initialsOf(name);
    const after = AFTER.exec(text.slice(h.end, h.end + 40));
    const before = BEFORE.exec(text.slice(Math.max(0, h.start - 20), h.start));
    const beforeOk = before && (before[2] === '=' || CLOSES_BRACKET.test(text.slice(h.end, h.end + 40)));
    for (const [m, at] of [[after, after ? h.end + after[0].lastIndexOf(after[1]!) : -1], [beforeOk ? before : null, before ? h.start - before[0].length : -1]] as const) {
      const v = m?.[1];
      if (!v || !(names.has(v) || withMiddle(v, names) || spelledFrom(v, name))) continue;
      const l = letters(v);
      out.push({ initials: v, anywhere: l.length >= 3 && !CLINICAL_ABBREVIATIONS.has(l) && !isEnglishWord(l) && !DRUGS.has(l), at });
    }
  }
  return out;
}

/** Each whole-word occurrence, as written, of initials and handles defined in the text (only the definition for word-like ones). */
export function findDefinedInitials(text: string, defined: { initials: string; anywhere: boolean; at: number }[]): Hit[] {
  const out: Hit[] = [];
  for (const d of defined) {
    if (!d.anywhere) { if (d.at >= 0 && text.startsWith(d.initials, d.at)) out.push({ start: d.at, end: d.at + d.initials.length, type: 'NAME', reason: 'initials the text defines for a person' }); continue; }
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${esc(d.initials)}(?![\\p{L}\\p{N}])`, 'gu'))) out.push({ start: m.index, end: m.index + d.initials.length, type: 'NAME', reason: 'initials the text defines for a person' });
  }
  return out;
}
