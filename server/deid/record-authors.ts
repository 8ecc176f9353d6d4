/**
 * Names whose evidence is a machine's layout (issue 8, sixteenth pass), read from the misses of files 69-72:
 *  - person names in DICOM and HL7 fields, components joined by carets: "LINDQVIST^ASTRID", "Taufa^Sione^Latu"
 *    (the empty components and a trailing prefix or degree, "^^DR", stay out);
 *  - the author of a log or chart entry, right after the entry's date and time at a line's start: "10/03/24 09:14
 *    lbv: Pharm states", "03/18/2024 09:12  [RJK]  Exam", "--- 03/15/2025 10:12  smabry ---", "06:14 jbaptiste68w:".
 * Never: a clinical abbreviation or vital sign after a time ("09:14 BP: 120/80", "0800 HR:"), an English word
 * ("10:02 note:"), a drug, chat shorthand.
 * Never either: an HL7 coded value, code^text^table ("F^Female^HL70001", "IP^Inpatient").
 * Invariants: hits are NAME; spans index the text; a caret name has two components or more, each of letters.
 */
import type { Hit } from './hits';
import { CLINICAL_ABBREVIATIONS, DRUGS, nameLists } from './lexicon';
import { englishWords } from './vocabulary';

const PART = String.raw`\p{L}[\p{L}'’-]*`;
/** "SURNAME^GIVEN[^MIDDLE]", not inside a longer caret run of codes ("ORU^R01" has digits). */
const CARET_NAME = new RegExp(`(?<![\\p{L}\\p{N}^])(${PART}\\^${PART}(?:\\^${PART})?)(?![\\p{L}\\p{N}])`, 'gu');
const DEGREE = /^(?:MD|DO|DR|RN|NP|PA|PHD|JR|SR|II|III|IV|MR|MRS|MS)$/i;

/** An entry's date and time at a line's start, then the author: "10/03/24 09:14 lbv:", "03/18/2024 09:12  [RJK]". */
const ENTRY_AUTHOR = /^[ \t]*(?:-{2,}[ \t]*)?(?:\d{1,2}\/\d{1,2}(?:\/\d{2,4})?[ \t]+)?\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m\.?)?[ \t]+(?:\[([\p{L}][\p{L}\p{N}._]{1,20})\]|([\p{L}][\p{L}\p{N}._]{1,20})(?=[ \t]*(?::[ \t]|-{2,})))/dgimu;

/** Chat words and vital signs that open a timed line the way a speaker does ("09:14 BP: 120/80", "10:05 bgl: 212"). */
const NOT_AUTHORS = new Set(('note notes call called pt patient me rn md np pa dr rph pharmd cma lpn lvn cna ma tech crna aprn lab pharm pharmacy fax msg vm tc ok fyi update addendum system auto bot admin '
  + 'bp hr rr sbp dbp map cvp icp bgl bs fsbs cbg poc wt ht bmi spo2 sao2 etco2 fio2 peep uop ios io temp tmax pulse resp sat sats o2 gcs rass cows ciwa').split(' '));

function authorWord(w: string): boolean {
  const l = w.toLowerCase();
  if (NOT_AUTHORS.has(l) || CLINICAL_ABBREVIATIONS.has(l) || DRUGS.has(l)) return false;
  // A login's digits or dot make it no word ("jbaptiste68w", "k.obi"); a bare word must be in no English list.
  if (/[\d._]/.test(w)) return /^[a-z][a-z._]*\d{0,3}[a-z]?$/.test(w) && (w.match(/[a-z]/g) ?? []).length >= 4 && !englishWords().has(l.replace(/[\d._]/g, ''));
  return !englishWords().has(l) && w.length <= 16;
}

export function findRecordAuthors(text: string): Hit[] {
  const out: Hit[] = [];
  if (text.includes('^')) {
    for (const m of text.matchAll(CARET_NAME)) {
      const parts = m[1]!.split('^');
      // A degree or prefix is no component of the name: "SMITH^JOHN^^^DR" keeps "SMITH^JOHN".
      while (parts.length > 2 && DEGREE.test(parts[parts.length - 1]!)) parts.pop();
      if (parts.some((p) => DEGREE.test(p) || CLINICAL_ABBREVIATIONS.has(p.toLowerCase()))) continue;
      // An HL7 coded value is code^text^table ("F^Female^HL70001", "IP^Inpatient"): a one-letter first component or
      // an English second one that is no given name is a code and its meaning, not a surname and a given name.
      if (parts[0]!.length === 1 || (englishWords().has(parts[1]!.toLowerCase()) && !nameLists()?.first.has(parts[1]!.toLowerCase()))) continue;
      const name = parts.join('^');
      out.push({ start: m.index, end: m.index + name.length, type: 'NAME', reason: 'person name in a DICOM or HL7 field' });
    }
  }
  for (const m of text.matchAll(ENTRY_AUTHOR)) {
    const g = m[1] ? 1 : 2;
    const w = m[g]!;
    if (!authorWord(w)) continue;
    const [start, end] = (m as RegExpMatchArray & { indices: [number, number][] }).indices[g]!;
    out.push({ start, end, type: 'NAME', reason: 'author of a timed entry' });
  }
  return out;
}
