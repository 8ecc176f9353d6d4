/**
 * Dates with the month in Spanish, Portuguese, French, Italian or German, as translated records, letters from abroad
 * and patients' messages write them: "14 de enero de 2025", "10 de fevereiro de 2025", "12 février 2025",
 * "1er mars", "3. März 2025", "2 de marzo".
 * Invariants: a hit always holds a day in digits before the month word (a month word alone is no date: "mars", "mayo"
 * and "mai" are also words and names); these spans do not parse back (dates.ts's parseDate), so redaction writes
 * them as [DATE] in both modes, as word-dates.ts's.
 */
import type { Hit } from './hits';

const MONTH_WORDS = [
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre', 'noviembre', 'diciembre',
  'janeiro', 'fevereiro', 'março', 'maio', 'junho', 'julho', 'setembro', 'outubro', 'novembro', 'dezembro',
  'janvier', 'février', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'aout', 'septembre', 'octobre', 'novembre', 'décembre', 'decembre',
  'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre',
  'Januar', 'Februar', 'März', 'Maerz', 'Juni', 'Juli', 'Oktober', 'Dezember'
];
const MONTH = `(?:${[...new Set(MONTH_WORDS)].sort((a, b) => b.length - a.length).join('|')})`;
/** A day in digits ("14", "1er", "1º", "3."), "de"/"del" and the month, and an optional year ("de 2025", "2025"). */
const FOREIGN_DATE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:[12]\\d|3[01]|0?[1-9])(?:er|º|°|o(?=[ \\t]+de\\b)|\\.)?[ \\t]+(?:de[ \\t]+|del[ \\t]+)?${MONTH}(?:[ \\t]+(?:de[ \\t]+|del[ \\t]+)?(?:19|20)\\d{2})?(?![\\p{L}\\p{N}])`,
  'giu'
);
/** Cheap gate: these patterns try every position. */
const GATE = new RegExp(MONTH, 'iu');

export function findForeignDates(text: string): Hit[] {
  if (!GATE.test(text)) return [];
  return [...text.matchAll(FOREIGN_DATE)].filter((m) => !wordLike(m[0])).map((m) => ({ start: m.index, end: m.index + m[0].length, type: 'DATE' as const, reason: 'date with a month in another language' }));
}

/** "2 Mayo" (the clinic), "3 Mars": the month words that are English words or names need "de" ("2 de mayo") or French lower case. */
function wordLike(date: string): boolean {
  if (/\bmayo\b/i.test(date)) return !/\bde[ \t]+mayo\b/i.test(date);
  return /\b(?:Mars|MARS|Mai|MAI)\b/.test(date);
}
