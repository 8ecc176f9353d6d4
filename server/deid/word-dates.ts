/**
 * Dates written in words, as dictation software and patients write them: "october third twenty
 * twenty three", "March twenty-first, 2024", "the second of May two thousand nineteen",
 * "June 5th nineteen eighty-five", "August twenty twenty-two".
 * Invariants: every hit holds a month name and either a day in words or a year in words (a
 * month alone, or a month with digits, is left to dates.ts), or is "the <day in words>" after a date
 * preposition ("on the fourteenth", not "on the third day"); the words "may" and "march" in lower
 * case count only with an ordinal day word after them ("may third"), so "you may two" stays.
 * Holidays name a month and day too ("Christmas Eve", "Thanksgiving 2022"; in lower case only between a date word
 * and nothing nounish: "over christmas," but not "christmas disease").
 * These spans do not parse back (parseDate), so redaction writes them as [DATE] in both modes.
 */
import type { Hit } from './hits';

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec';
const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const ORD_UNITS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const ORD_TEENS = 'tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth';
const SEP = '[ \\t-]+';
/** Ordinal day words 1st to 31st. */
const ORD_DAY = `(?:(?:twenty|thirty)${SEP}(?:${ORD_UNITS})|twentieth|thirtieth|${ORD_TEENS}|${ORD_UNITS})`;
/** Cardinal day words 1 to 31 ("March twenty one"): only before a year. */
const CARD_DAY = `(?:twenty(?:${SEP}(?:${UNITS}))?|thirty(?:${SEP}one)?|${TEENS}|${UNITS})`;
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const TWO_DIGITS = `(?:(?:${TENS})(?:${SEP}(?:${UNITS}))?|${TEENS}|(?:oh|o)${SEP}(?:${UNITS}))`;
/** Years in words: "nineteen eighty-five", "twenty twenty three", "two thousand (and) nineteen", "twenty oh five". */
const YEAR_WORDS = `(?:(?:nineteen|twenty)${SEP}${TWO_DIGITS}|two${SEP}thousand(?:${SEP}(?:and${SEP})?(?:${TWO_DIGITS}|${UNITS}))?)`;
/** A year after the day, in words or digits; `name` names its group (one name per alternative). */
const YEAR = (name: string) => `(?<${name}>,?[ \\t]+(?:${YEAR_WORDS}|(?:19|20)\\d{2}(?!\\d)|['’]\\d{2}(?!\\d)))`;
const DIGIT_DAY = '\\d{1,2}(?:st|nd|rd|th)?';

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const PATTERNS: RegExp[] = [
  // Month, day in words, optional year: "october third twenty twenty three", "March twenty one, 2024".
  new RegExp(`${B}(?<mon>${MONTHS})\\.?${SEP}(?:the${SEP})?(?:(?<ord>${ORD_DAY})${YEAR('y1')}?|${CARD_DAY}${YEAR('y2')})${E}`, 'giu'),
  // Day in words before the month: "the third of October", "twenty-first of March twenty twenty".
  new RegExp(`${B}(?:the${SEP})?(?<ord>${ORD_DAY})${SEP}(?:of${SEP})?(?<mon>${MONTHS})${E}${YEAR('y1')}?${E}`, 'giu'),
  // "on the fourteenth", "since the twenty-first.": a day in words alone, after a date preposition and before no noun.
  new RegExp(`(?<=\\b(?:on|since|until|till|by|before|after|around|from|through|thru)[ \\t]+)the${SEP}(?<ord>${ORD_DAY})(?=[ \\t]*(?:[.,;:!?)"'”’]|$|\\n)|[ \\t]+(?:at|and|or|but|when|she|he|they|we|i|my|with)\\b)`, 'giu'),
  // Month (and digit day) with a year in words: "August twenty twenty-two", "June 5th nineteen eighty-five".
  new RegExp(`${B}(?<mon>${MONTHS})\\.?(?:${SEP}${DIGIT_DAY})?,?[ \\t]+(?:of[ \\t]+)?(?<y1>${YEAR_WORDS})${E}`, 'giu'),
  // A weekday and its day in words: "Friday the eighth", "on tuesday the twenty-first".
  new RegExp(`${B}(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)${SEP}the${SEP}(?<ord>${ORD_DAY})${E}`, 'giu')
];

/** Holidays name a month and day ("Christmas Eve", "Thanksgiving 2022", "the Fourth of July"); with or without a year. */
const HOLIDAY = new RegExp(`${B}(?:Christmas(?:[ \\t]+(?:Eve|Day))?|Xmas(?:[ \\t]+Eve)?|Thanksgiving(?:[ \\t]+Day)?|New[ \\t]+Year['’]?s(?:[ \\t]+(?:Eve|Day))?|Easter(?:[ \\t]+Sunday)?|Halloween|Valentine['’]?s[ \\t]+Day|Independence[ \\t]+Day|(?:the[ \\t]+)?Fourth[ \\t]+of[ \\t]+July|Memorial[ \\t]+Day|Labor[ \\t]+Day|Veterans['’]?[ \\t]+Day|Mother['’]?s[ \\t]+Day|Father['’]?s[ \\t]+Day|Juneteenth|Good[ \\t]+Friday)(?:${YEAR('y1')})?${E}`, 'gu');

const HOLIDAY_LOWER = new RegExp(HOLIDAY.source, 'giu');
const LOWER_HOLIDAY_AFTER = /^[ \t]+(?:if|so|but|to|for|this|last|next|was|is|weekend|break|dinner|party)\b|^[ \t]*[?!]/i;
const HOLIDAY_BEFORE = /\b(?:on|since|over|around|before|after|until|till|by|at|for|last|this|next|from|during|through)[ \t]+$/i;
const HOLIDAY_AFTER = /^(?:[ \t]*(?:[.,;:!?)"'”’]|$|\n)|[ \t]+(?:at|in|on|when|she|he|they|we|I|and|or|with|after|before|morning|night|evening|eve)\b)/;

/** Lower-case "may", "march" and short forms that are also words need an ordinal day word to be months. */
const WORDLIKE = /^(?:may|march|mar|jan|jun|jul|aug|sep|sept|oct|nov|dec|feb|apr)$/;
const DATE_WORD_BEFORE = /\b(?:on|since|until|till|by|from|before|after|dated?|dos|service|birth|dob|born|of|around|starting|due)[ \t:]+(?:the[ \t]+)?$/i;

/** Cheap gates (these patterns try every position): a month word with a number word, an ordinal word, a holiday word. */
const MONTH_GATE = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const NUMBER_WORD_GATE = /(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|tieth|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|nineteen)/i;
const ORDINAL_GATE = /(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|tieth)/i;
const HOLIDAY_GATE = /christmas|xmas|thanksgiving|new year|easter|halloween|valentine|independence|fourth of july|memorial day|labor day|veteran|mother|father|juneteenth|good friday/i;

export function findWordDates(text: string): Hit[] {
  const out: Hit[] = [];
  const months = MONTH_GATE.test(text) && NUMBER_WORD_GATE.test(text), ordinals = ORDINAL_GATE.test(text);
  PATTERNS.forEach((re, i) => {
    if (i === 2 || i === 4 ? !ordinals : !months) return;
    for (const m of text.matchAll(re)) {
      const mon = m.groups!.mon ?? 'day';
      // "march first thing", "may second": a lower-case month that is also a word needs a year or a date word before it.
      // "march the fourth" reads as a date ("the" and an ordinal after it).
      if (mon === mon.toLowerCase() && WORDLIKE.test(mon) && !(m.groups!.y1 || m.groups!.y2 || /[ \t-]the[ \t-]/i.test(m[0]) || DATE_WORD_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index)))) continue;
      out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', reason: 'date in words' });
    }
  });
  if (!HOLIDAY_GATE.test(text)) return out;
  // In lower case ("over christmas", "on veterans day??") a holiday needs both a date word before it and nothing nounish after.
  for (const m of text.matchAll(HOLIDAY_LOWER)) {
    if (m[0] !== m[0].toLowerCase()) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16), pre = text.slice(Math.max(0, m.index - 12), m.index);
    if (HOLIDAY_BEFORE.test(pre) && (HOLIDAY_AFTER.test(after) || LOWER_HOLIDAY_AFTER.test(after))) out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', reason: 'holiday' });
  }
  for (const m of text.matchAll(HOLIDAY)) {
    // "Christmas disease" (factor IX deficiency) is an eponym: a holiday needs a date word before it or nothing nounish after it.
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16), pre = text.slice(Math.max(0, m.index - 12), m.index);
    if (!HOLIDAY_BEFORE.test(pre) && !HOLIDAY_AFTER.test(after)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', reason: 'holiday' });
  }
  return out;
}
