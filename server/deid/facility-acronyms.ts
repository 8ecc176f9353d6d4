/**
 * A facility found by name is also written by its initials: "Phillips County Hospital" ... "PCH MRN 00418827",
 * "San Juan Tribal Medical Center (SJTMC)", "University of Nebraska Medical Center" ... "UNMC". The initials name the
 * same place, so they are redacted as the facility is, wherever they occur in the encounter (as names found by a cue
 * are searched again in every field, names.ts).
 * Only initials of 3+ letters spelled by the start of a found facility name count, and never a clinical abbreviation
 * ("Community Health Foundation" does not make CHF a facility) or an English word ("Pacific Eye Trust" does not make
 * a PET scan one).
 */
import { esc, scan, type Hit } from './hits';
import { CLINICAL_ABBREVIATIONS } from './lexicon';
import { isEnglishWord } from './tokens';

/** Words a facility's initials skip: "University of Nebraska", "Women's & Children's". */
const SKIPPED = /^(?:of|the|and|&|at|for|in|on|de|la|del)$/i;

/** The initials a facility name's leading words spell: "Phillips County Hospital & Clinics" -> PCH, PCHC. */
function initialsOf(name: string): string[] {
  const letters = name.split(/[\s\/–—-]+/).filter((w) => w && !SKIPPED.test(w)).map((w) => /^\p{Lu}/u.exec(w)?.[0]);
  const out: string[] = [];
  let run = '';
  for (const l of letters) {
    if (!l) break;
    run += l;
    if (run.length >= 3) out.push(run);
  }
  return out;
}

/** The initials of every facility detected in `text`: to be searched in every field. */
export function facilityAcronyms(text: string, hits: readonly Hit[]): string[] {
  const out = new Set<string>();
  for (const h of hits) {
    // The recogniser's facilities are weak evidence ("Epstein-Barr VCA"): their initials would spread a guess.
    if (h.type !== 'FACILITY' || h.reason.includes('trained recogniser')) continue;
    for (const a of initialsOf(text.slice(h.start, h.end))) if (!CLINICAL_ABBREVIATIONS.has(a.toLowerCase()) && !isEnglishWord(a.toLowerCase())) out.add(a);
  }
  for (const a of definedAcronyms(text, hits)) out.add(a);
  return [...out];
}

/** "Brightwater Acute Rehab (BAR)", "Hennepin Healthcare (HCMC)", "KCEC (Kettle Creek Emergency Communications)". */
const AFTER = /^[ \t]*\([ \t]*(\p{Lu}[\p{Lu}&]{2,6})[ \t]*\)/u;
const BEFORE = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}&]{2,6})[ \t]*\([ \t]*$/u;

/**
 * An abbreviation the text defines in brackets beside a facility it names is that facility, even when its letters are
 * not the name's initials (HCMC for "Hennepin Healthcare") or spell a word (BAR): the writer said so. Its first letter
 * must still be the name's, and a clinical abbreviation is never one ("Mercy Hospital (ICU)").
 */
function definedAcronyms(text: string, hits: readonly Hit[]): string[] {
  const out: string[] = [];
  for (const h of hits) {
    if (h.type !== 'FACILITY') continue;
    const name = text.slice(h.start, h.end);
    // "KCEC (Kettle Creek ...)": the abbreviation before, when the facility closes the brackets.
    const candidates = [AFTER.exec(text.slice(h.end, h.end + 14))?.[1], text[h.end] === ')' ? BEFORE.exec(text.slice(Math.max(0, h.start - 12), h.start))?.[1] : undefined];
    const initial = name.split(/[\s\/–—-]+/).find((w) => w && !SKIPPED.test(w))?.[0]?.toUpperCase();
    for (const a of candidates) if (a && a[0] === initial && !CLINICAL_ABBREVIATIONS.has(a.toLowerCase())) out.push(a);
  }
  return out;
}

/** Each whole-word, upper-case occurrence of a facility's initials. */
export function findFacilityAcronyms(text: string, acronyms: string[]): Hit[] {
  if (!acronyms.length) return [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${acronyms.map(esc).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return scan(text, re, 'FACILITY', 'initials of a facility named in the encounter');
}
