/**
 * Number-shaped identifiers: phones/faxes, SSNs, emails, URLs, IPs, ages over 89 and labelled
 * identifiers (MRN, account, plan, license, vehicle, device, other). Short digit runs are never
 * flagged on shape alone, because clinical text is full of codes (99214, E11.65), vitals and lab
 * values; long or letter+digit shapes without a clinical reading are (suspect-ids.ts).
 * Invariant: every labelled-identifier value contains at least one digit (or four digit words after a key:
 * "MRN zero zero four five"), and none reads as a date.
 */
import { before, scan, withoutHeldSpans, type Hit } from './hits';
import { KEYS, typeOfKey } from './id-keys';
import { parseDate } from './dates';
import { findSuspectIds, keyTypeBefore } from './suspect-ids';
import { clinicalReading } from './clinical-numbers';
import { findTableIds } from './table-keys';
import { findStreetNumbers } from './street-numbers';

/** Groups joined by '-', '.', '/', en dash or a space, spaced dashes too ("555 - 555 - 1234"); "(555)5551234"; an extension. */
const SEP = '(?:[ \\t]?[-–.][ \\t]?|[ \\t])';
const EXT = '(?:[ \\t]?,?[ \\t]?(?:[xX]|[eE][xX][tT]\\.?|[eE]xtension|[eE][xX][tT]:|#)[ \\t]?\\d{1,5})?';
// Also "(602)-555-0144" and "602.5550144" (area code apart, the rest run together).
const PHONE = new RegExp(`(?<![\\w+\\/.-])(?:\\+?1${SEP}?)?(?:\\(\\d{3}\\)(?:[ \\t]?|[ \\t]?[-.][ \\t]?)\\d{3}${SEP}?|\\d{3}(?:${SEP}|\\/)\\d{3}${SEP}|\\d{3}[.-]\\d{3})\\d{4}${EXT}(?![\\d-])`, 'g');
/** Toll-free numbers written with letters ("1-800-FLOWERS", "888-555-HELP"): seven letters or digits after the code, letters among them. */
const VANITY = /(?<![\w+\/.-])(?:\+?1[\s.-]?)?\(?8(?:00|88|77|66|55|44|33)\)?[\s.-]?(?=[A-Z0-9-]*[A-Z])(?:[A-Z0-9][.-]?){6}[A-Z0-9](?![\w-])/g;
/** A cue word, an optional object ("call her at", "text me on"), then a bare number: ten or seven digits, or "555 1234";
 *  a pager of four or five digits after its own word (an extension alone is EXTENSION's). */
const PHONE_CUE = '(?:phone|ph|tel|telephone|cell|cellphone|mobile|pager|beeper|call(?:ed)?(?:[ \\t]+back)?|callback|call-back|cb|contact|fax|home|work|text(?:ed)?|reach(?:ed)?)';
const LABELLED_PHONE = new RegExp(`\\b${PHONE_CUE}\\b\\.?(?:[ \\t]+(?:me|him|her|them|us|pt|patient|mom|dad|daughter|son|wife|husband))?(?:[ \\t]+(?:at|on|@))?[ \\t]*(?:#|number|no\\.?)?[ \\t]*:?[ \\t]*(\\d{10}|\\d{7}|\\d{3}[ \\t.-]\\d{4})(?![\\d-]|[.,]\\d)`, 'gi');
const PAGER = /\b(?:pager|beeper|pgr)\.?[ \t]*#?[ \t]*:?[ \t]*(\d{4,5}|\d-\d{4})(?![\d-]|[.,]\d)/gi;
/**
 * An extension alone ("ext 5512", "EXT. 4471", "x4412"): the writers of every blind round labelled a staff member's
 * or an office's extension as a phone number, and nothing clinical is written so ("x 200" after a drug code has a space).
 */
const EXTENSION = /(?<![\w-])(?:ext(?:ension)?\.?[ \t]*#?[ \t]*:?[ \t]*(\d{2,6}|\d-\d{4})|x(\d{3,6}))(?![\w-]|[.,]\d|[ \t]*(?:ft|feet|foot|m|meters?|yards?|yds?|mg|mcg|g|ml|mL|cc|units?|reps?|steps|times|min|mins|minutes|sec|secs|seconds|hours?|hrs?|days?|mm|cm|%)\b)/gi;
const FAX_CUE = /(?:\bfax(?:ed)?\b|facsimile|\bF:|\bFx\b|\bFX\b)[^\n.;]{0,36}$/i;
/** "555-0198 x2", "(312) 555-0199 ext. 14": a number's extension is part of it, whichever rule found the number. */
export function withExtensions(text: string, hits: Hit[]): Hit[] {
  return withoutHeldSpans(hits.map((h) => {
    const x = h.type === 'PHONE' || h.type === 'FAX' ? EXTENSION_AFTER.exec(text.slice(h.end, h.end + 14)) : null;
    return x ? { ...h, end: h.end + x[0].length } : h;
  }));
}
const EXTENSION_AFTER = /^[ \t]*,?[ \t]*(?:x|ext\.?|extension)[ \t]*\d{1,6}(?![\w-]|[.,]\d)/i;
/** "(555) 555-1234 (fax)", "555-555-1234 (f)", "555-555-1234 fax": the word after the number ("F: ..." after it labels the next one). */
const FAX_AFTER = /^[ \t]*(?:[(\[][ \t]*(?:fax|facsimile|f)[ \t]*[)\]]|(?:fax|facsimile)\b(?![ \t]*[:#]))/i;

/** A phone number read out in digit words ("five five five, two one two, four four nine nine"): 7 to 11 of them, after a phone word. */
const WORD_DIGIT = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)';
const WORD_PHONE = new RegExp(`\\b${WORD_DIGIT}(?:[ \\t,.-]+${WORD_DIGIT}){6,10}\\b`, 'gi');
const WORD_PHONE_CUE = /\b(?:phone|number|call|cell|mobile|tel|telephone|reach|text|fax)\b[^\n]{0,40}(?:\n[^\n]{0,30})?$/i;

/** "Tel.: 0044 20 7946 0958": an international number dialled with 00 instead of '+', after a phone word (8 to 15 digits after it). */
const INTL_00 = /(?<![\w+.\/-])00[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,5}(?![\w-])/g;
const INTL_CUE = /\b(?:phone|ph|tel|telephone|cell|mobile|call|contact|whatsapp|number|fax)\b[^\n\d]{0,16}$/i;

export function findPhones(text: string): Hit[] {
  const hits = [...scan(text, INTL_00, 'PHONE', 'international phone number', 0, (m, s) => INTL_CUE.test(before(text, s, 24)) && ((m[0].match(/\d/g) ?? []).length - 2 >= 8) && ((m[0].match(/\d/g) ?? []).length - 2 <= 15)),...scan(text, PHONE, 'PHONE', 'phone number'), ...scan(text, VANITY, 'PHONE', 'toll-free number with letters'),
    ...scan(text, LABELLED_PHONE, 'PHONE', 'labelled phone number', 1), ...scan(text, PAGER, 'PHONE', 'pager or extension', 1),
    // The whole "ext 5512": the writers label the word with its digits, and "ext [PHONE]" says no more than "[PHONE]".
    ...[...text.matchAll(EXTENSION)].map((m) => ({ start: m.index, end: m.index + m[0].length, type: 'PHONE' as const, reason: 'extension' }))];

  for (const m of text.matchAll(WORD_PHONE)) if (WORD_PHONE_CUE.test(before(text, m.index, 80))) hits.push({ start: m.index, end: m.index + m[0].length, type: 'PHONE', reason: 'phone number in words' });
  for (const h of hits) if (FAX_CUE.test(before(text, h.start, 44)) || FAX_AFTER.test(text.slice(h.end, h.end + 12))) { h.type = 'FAX'; h.reason = 'fax number'; }
  return hits;
}

const SSN = /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g;
// "SSN 123.45.6789", "social 123456789", "last four of her social 4471".
const LABELLED_SSN = /\b(?:SSN|SS#|soc(?:ial)?\.? sec(?:urity)?\.?(?: (?:number|no\.?|#))?|social(?= *[:#]? *(?:is +)?\d)|last (?:4|four)(?: digits)? of (?:(?:his|her|their|the|pt'?s|patient'?s) )?(?:ssn|social(?: security)?(?: number)?))\s*[:#]?\s*(?:is\s+|ending(?: in)?\s+|last (?:4|four)(?: digits)?\s*[:#-]?\s*)?((?:\d{3}|[xX*]{3})[-. ]?(?:\d{2}|[xX*]{2})[-. ]?\d{4}|\d{9}|\d{4})(?!\d)/gi;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** Written to dodge scrapers: "jdoe at gmail dot com", "jdoe[at]gmail.com", "jdoe (at) mail (dot) org". */
const AT = '(?:[ \\t]*[\\[(][ \\t]*at[ \\t]*[\\])][ \\t]*|[ \\t]+at[ \\t]+)';
const DOT = '(?:[ \\t]*[\\[(][ \\t]*dot[ \\t]*[\\])][ \\t]*|[ \\t]+dot[ \\t]+|\\.)';
const SPELLED_EMAIL = new RegExp(`[A-Za-z0-9._%+-]+${AT}[A-Za-z0-9-]+(?:${DOT}[A-Za-z0-9-]+)*${DOT}(?:com|org|net|edu|gov|us|io|info|biz|co|uk|ca)(?![\\w])`, 'gi');
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'()\]]+[^\s<>"'()\].,;:!?]/gi;
const BARE_DOMAIN = /(?<![@\w.\/-])(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|io|health|info|us|co|me)(?:\/[^\s<>"'()]*[^\s<>"'().,;:!?])?(?![\w@-])/gi;
const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?!\d|\.\d)/g;
const IPV6 = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{1,4}(?![\w:])/gi;

export function findNetAndIds(text: string): Hit[] {
  return [
    ...scan(text, SSN, 'SSN', 'social security number shape'),
    ...scan(text, LABELLED_SSN, 'SSN', 'labelled SSN', 1),
    ...scan(text, EMAIL, 'EMAIL', 'email address'),
    // Spelled out, it needs a bracketed "at" or a spoken "dot" ("seen at clinic.com" is no address).
    ...scan(text, SPELLED_EMAIL, 'EMAIL', 'email address written out', 0, (m) => /[\[(]\s*at|\bdot\b/i.test(m[0])),
    ...scan(text, URL, 'URL', 'web address'),
    ...scan(text, BARE_DOMAIN, 'URL', 'web domain'),
    ...scan(text, IPV4, 'IP', 'IPv4 address'),
    // Clock times (10:30:45) share the shape; an address has a hex letter or a '::' gap.
    ...scan(text, IPV6, 'IP', 'IPv6 address', 0, (m) => /[a-f]|::/i.test(m[0]) && m[0].split(':').length >= 3),
    ...findStreetNumbers(text)
  ];
}

const AGE_NUM = '(9\\d|1[01]\\d|12[0-5])';
const WORD_AGE = 'ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one hundred(?:(?: and)? \\w+)?';
const AGE_PATTERNS: [RegExp, number][] = [
  [new RegExp(`\\b${AGE_NUM}[\\s-]*(?:years?|yrs?|y)\\.?[\\s-]*(?:old|o\\b|\\/o\\b|\\.o\\b\\.?)`, 'gi'), 0],
  // "Age/Sex: 93/F", "F/93": an age and a sex joined by a slash.
  [new RegExp(`(?<![\\d/.])\\b${AGE_NUM}[ \\t]?\\/[ \\t]?(?:F|M|female|male)\\b|\\b(?:F|M)[ \\t]?\\/[ \\t]?${AGE_NUM}(?![\\d/]|\\.\\d)\\b`, 'g'), 0],
  [new RegExp(`\\b${AGE_NUM}[\\s-]+years?[\\s-]+young\\b|\\b${AGE_NUM}[\\s-]?(?:yo[mf]?|y\\/o|y\\.o\\.|yrs?|years)(?![\\w])|\\b${AGE_NUM}y(?![\\w])`, 'gi'), 0],
  // "she is 94", "mom just turned 96", "who was 91": a person's age after its subject (group 1), never a value with a unit.
  [new RegExp(`\\b(?:hes|shes)[ \\t]+(?:now[ \\t]+|almost[ \\t]+|nearly[ \\t]+)?${AGE_NUM}\\b(?![ \\t]*(?:%|mg|bpm|\\/|kg|lbs?|degrees|°|mmHg))`, 'gi'), 1],
  [new RegExp(`\\b(?:she|he|patient|pt|mom|mother|dad|father|grandma|grandmother|grandpa|grandfather|husband|wife|aunt|uncle|sister|brother|who)(?:['’]s|[ \\t]+(?:is|was|will be|turns|turned|just turned))(?:[ \\t]+(?:now|almost|nearly|about|over|already))?[ \\t]+${AGE_NUM}\\b(?![ \\t]*(?:%|mg|bpm|\\/|kg|lbs?|degrees|°|mmHg|beats|percent|on|over))`, 'gi'), 1],
  // "i'm 94 and my hip", "I will be 93 on the 2nd", "she's ninety three", "who is ninety-one": an age said by or of a person (group 1).
  [new RegExp(`\\b(?:I['’]?m|I[ \\t]+am|I[ \\t]+will[ \\t]+be)[ \\t]+(?:now[ \\t]+|almost[ \\t]+|nearly[ \\t]+)?${AGE_NUM}\\b(?![ \\t]*(?:%|mg|bpm|\\/|kg|lbs?|pounds|degrees|°|mmHg|beats|percent|over|minutes?|mins?))`, 'gi'), 1],
  [new RegExp(`\\b(?:I['’]?m|I[ \\t]+am|I[ \\t]+will[ \\t]+be|(?:she|he|who|mom|mother|dad|father|grandma|grandpa)(?:['’]s|[ \\t]+is|[ \\t]+was))[ \\t]+(?:now[ \\t]+|almost[ \\t]+|nearly[ \\t]+)?(${WORD_AGE})\\b`, 'gi'), 1],
  // "Age at admission: 93", "Age at dx: 91": an age keyed by a longer label (group 1).
  [new RegExp(`\\bage\\b[^\\n:=|]{1,16}[:=][ \\t]*${AGE_NUM}(?![\\d.%\\/])`, 'gi'), 1],
  // "alive at 93 in Guadalajara", "alive, 91, unaffected": a relative's age in a family history (group 1).
  [new RegExp(`\\balive[ \\t]*(?:,|at)[ \\t]*${AGE_NUM}(?![\\d.%\\/])`, 'gi'), 1],
  // "turned 95", "her 95th birthday", "a woman of 97", "age ninety-six".
  [new RegExp(`\\bturned\\s+${AGE_NUM}(?!\\d|\\.\\d|\\s*(?:%|mg|degrees|°))|\\b${AGE_NUM}(?:st|nd|rd|th)\\s+birthday\\b|\\b(?:man|woman|gentleman|lady|male|female)\\s+of\\s+${AGE_NUM}\\b(?!\\s*(?:%|mg|kg|lbs?|units?))|\\b(?:age[ds]?|aged)\\s*:?\\s*(?:${WORD_AGE})\\b`, 'gi'), 0],
  [new RegExp(`\\b(?:age[ds]?|aged|Age:)(?:[ \\t]*\\((?:years|yrs|y)\\))?\\s*[:|=-]?\\s*${AGE_NUM}\\b`, 'gi'), 0],
  [new RegExp(`\\b${AGE_NUM}(?:M|F|yoM|yoF)\\b`, 'g'), 0],
  // "sister passed at 101", "died at age 93": an age at death (group 1 only).
  [new RegExp(`\\b(?:passed(?: away)?|died|deceased|death)\\s+(?:at|aged?)\\s+(?:age\\s+)?${AGE_NUM}(?!\\d|\\.\\d)`, 'gi'), 1],
  [new RegExp(`\\b(?:${WORD_AGE})[\\s-]+years?[\\s-]+old\\b`, 'gi'), 0],
  [new RegExp(`\\b(?:in (?:his|her|their) )(?:(?:late|early|mid)[- ]?)?(?:(?:9\\d|1\\d\\d)['’]?s|nineties)\\b|\\b(?:nonagenarian|centenarian)\\b`, 'gi'), 0],
  // "ninety-three yo", "ninety four years of age", "turning 91", "at the age of 93".
  [new RegExp(`\\b(?:${WORD_AGE})[\\s-]*(?:yo|y\\/o|y\\.o\\.|(?:years?|yrs?)[\\s-]+of[\\s-]+age)(?![\\w])|\\b(?:turning|turns)\\s+${AGE_NUM}(?!\\d|\\.\\d|\\s*(?:%|mg|degrees|°))|\\bage\\s+of\\s+${AGE_NUM}\\b`, 'gi'), 0],
  // "93 F", "93yo M", "93 female with ...": an age before a sex, never a value after a slash or a decimal.
  [new RegExp(`(?<![\\d/.:-])\\b${AGE_NUM}(?:[ -]?(?:y|yo|y\\/o|y\\.o\\.))?[ -]?(?:M|F|female|male|woman|man|gentleman|lady|W|B)\\b`, 'g'), 0],
  // "Mrs. Alvarez, 94, lives alone", "patient (91)": an age between commas or brackets after a name or a person word (group 1).
  [new RegExp(`(?:\\b[A-Z][a-z]+|\\b(?:patient|pt|woman|man|lady|gentleman|female|male|widow(?:er)?|resident|mother|father|mom|dad|grandmother|grandfather|grandma|grandpa|wife|husband|aunt|uncle|sister|brother))[ \\t]*(?:,|\\()[ \\t]*${AGE_NUM}[ \\t]*(?:,|\\)|\\.(?!\\d)|$|\\((?!\\d))`, 'gm'), 1],
  // "her aunt, now 97, still drives", "Grandpa, now aged 101,": an age set off by commas after a person, with "now" (group 1).
  [new RegExp(`(?:\\b[A-Z][a-z]+|\\b(?:aunt|uncle|mother|father|mom|dad|grandmother|grandfather|grandma|grandpa|sister|brother|wife|husband|widow(?:er)?|patient|pt|she|he))[ \\t]*,[ \\t]*now[ \\t]+(?:aged?[ \\t]+)?${AGE_NUM}(?=[ \\t]*[,;)])`, 'g'), 1],
  // "At 93 he still splits wood", "at 96 she lives alone": an age before a person and a verb of everyday life (group 1).
  [new RegExp(`(?:^|[.;!?][ \\t]+|\\n)[Aa]t[ \\t]+${AGE_NUM},?[ \\t]+(?:she|he)[ \\t]+(?:still|lives|lived|moved|remains|retired|drives|walks|works|cooks|travels|volunteers)\\b`, 'g'), 1],
  // "DOB 03/02/1931 (93)", "born 1930 (age 94)": the age in brackets after a birth date (group 1).
  [new RegExp(`\\b(?:DOB|D\\.O\\.B\\.?|born|birth(?:date| date)?)\\b[^\\n()]{0,24}\\([ \\t]*(?:age[ \\t]*)?${AGE_NUM}(?:[ \\t]*(?:y|yo|y\\/o|yrs?|years?)\\.?)?[ \\t]*\\)`, 'gi'), 1]
];
/** "99F" after a temperature word is a temperature, not a 99-year-old female. */
const TEMP_CUE = /\b(?:t|temp|temperature|tmax|febrile|fever|afebrile)\s*[:=]?\s*$/i;
/** A temperature or saturation word shortly before: "afebrile, 99 F", "Tmax of 99 F", "SpO2 92 on RA". */
const TEMP_NEAR = /\b(?:temp|temperature|tmax|febrile|fever|afebrile|spo2|sat(?:uration)?s?|o2|pulse ox|HR|heart rate|pulse|weight|wt|glucose|BG)\b[^\n.;]{0,20}$/i;

/** "ages 91 and 93", "91, 94 and 96 years": more ages joined to one found. */
const AGE_LIST = /^[ \t]*(?:,|and|&|\/|or)[ \t]*(?:and[ \t]+)?(9\d|1[01]\d|12[0-5])(?![\d%]|\.\d|[ \t]*(?:%|mg|kg|lbs?|bpm))/;
/** "DOB: 1931", "YOB 1929": a birth year alone reveals an age over 89 (group 1; a full date is dates.ts's). */
const BIRTH_YEAR = /\b(?:DOB|D\.O\.B\.?|date of birth|birth ?year|year of birth|YOB)\b[ \t]*[:#-]?[ \t]*((?:18|19|20)\d{2})(?![\d\/-]|\.\d)/gi;

export function findAges(text: string, refYear = new Date().getUTCFullYear()): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(BIRTH_YEAR)) {
    if (Number(m[1]) <= refYear - 90) { const s = m.index + m[0].length - 4; out.push({ start: s, end: s + 4, type: 'DATE', reason: 'birth year of someone over 89' }); }
  }
  // Cheap gate: no number from 90 to 125 and no age word, no age over 89.
  if (!/(?:^|\D)(?:9\d|1[01]\d|12[0-5])(?!\d)|ninety|hundred|nonagenarian|centenarian|nineties/i.test(text)) return out;
  for (const [re, group] of AGE_PATTERNS) {
    out.push(...scan(text, re, 'AGE', 'age over 89', group, (_m, s, e) => !TEMP_CUE.test(before(text, s, 14)) && !TEMP_NEAR.test(before(text, s, 30)) && !/^\s*(?:°|degrees|deg\b|%)/.test(text.slice(e, e + 8))));
  }
  for (const h of [...out]) {
    if (h.type !== 'AGE') continue;
    const l = AGE_LIST.exec(text.slice(h.end, h.end + 16));
    if (l) { const s = h.end + l[0].length - l[1]!.length; out.push({ start: s, end: s + l[1]!.length, type: 'AGE', reason: 'age over 89 in a list' }); }
  }
  return out;
}

/** Labels (id-keys.ts), most specific first; value = letters/digits with at least one digit. */
const FILLER = '(?:\\s*(?:(?:numbers|number|nums?\\.?|nos\\.?|no\\.?|IDs|ID|identifier|code|plate)(?![\\w])|#))?(?:\\s*(?:is|was|of|on file|reads))?\\s*[:#=\\-–—]?\\s*(?:#\\s*)?';
// Values may be written in spaced digit groups ("W228 491 337").
const VALUE = '([A-Z0-9](?:[A-Z0-9]|[-/.](?=[A-Z0-9])| (?=\\d{3,}(?!\\w|\\.\\d))){3,29})';
const LABEL_RES = KEYS.map(([l, type]) => [new RegExp(`(?<![\\w-])(?:${l})(?![\\w])${FILLER}${VALUE}(?![\\w-])`, 'gi'), type] as const);
/** Dictated values, one character at a time ("medical record number 0 0 4 5 8 8 1 2", "member ID W 2 2 8 4 9"). */
const SPELLED_VALUE = '((?:[A-Z0-9][ \\t]){3,19}[A-Z0-9])(?![\\w]|[ \\t]\\d)';
/** Digits dictated as words after a key ("MRN zero zero four five eight"): four or more digit words. */
const DIGIT_WORD = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)';
const WORD_VALUE = `(${DIGIT_WORD}(?:[ \\t,-]+${DIGIT_WORD}){3,19})(?![\\w-])`;
const WORD_RES = KEYS.map(([l, type]) => [new RegExp(`(?<![\\w-])(?:${l})(?![\\w])${FILLER}${WORD_VALUE}`, 'gi'), type] as const);
/** Digits read out in uneven groups ("chart # is 00 8812 45"): three or more groups, five digits or more in all. */
const GROUPED_VALUE = '((?:\\d{1,4}[ \\t]){2,5}\\d{1,4})(?![\\w]|[ \\t]\\d|[.,]\\d|[ \\t]*(?:mg|mcg|ml|units?|%|x|times|days?|weeks?|months?|years?|pages?)\\b)';
const GROUPED_RES = KEYS.map(([l, type]) => [new RegExp(`(?<![\\w-])(?:${l})(?![\\w])${FILLER}${GROUPED_VALUE}`, 'gi'), type] as const);
const SPELLED_RES = KEYS.map(([l, type]) => [new RegExp(`(?<![\\w-])(?:${l})(?![\\w])${FILLER}${SPELLED_VALUE}`, 'gi'), type] as const);
const UNIT_AFTER = /^[ \t]*(?:mg|mcg|g|kg|ml|mL|L|units?|%|mmol|mEq|cc|hours?|days?|weeks?)\b/i;

/** Plates are often written with their state first ("plate TX KLM-2291"). */
const PLATE = /\bplate\b\s*(?:number|no\.?|#)?\s*[:#]?\s*((?:[A-Z]{2}\s)?[A-Z0-9]{2,4}[- ]?[A-Z0-9]{2,4})(?![\w-])/gi;

/** "MRN from UCSF was 38201177": the label, a few words, then the number. */
const DISTANT_MRN = /\b(?:MRN|medical record number|record number|chart number)\b[^.\n\d]{1,30}?\b(?:was|is|of|=|:)\s*#?\s*([A-Z]{0,3}\d{5,12})(?![\w-])/gi;

/** "the old one ending 4471", "card ends in 0093": the last digits of an id, after an id word on the same line (group 1). */
const ENDING_DIGITS = /\b(?:ending|ends)(?:[ \t]+(?:in|with))?[ \t]+(\d{4})(?![\d.,\/-])/gi;
const ID_WORD_BEFORE = /\b(?:card|account|acct|number|no\.|#|policy|member|id|one|mrn|ssn|social|claim|plan)\b[^\n]{0,40}$/i;

/** "Query # Q-55812", "Ticket #A-20931": any word, a number sign, then a value with 4+ digits. */
const HASH_ID = /\b[A-Za-z]{3,}\.?\s*#\s*([A-Z]{0,4}-?\d{4,}(?:-\d+)*)(?![\w-])/g;

export function findLabelledIds(text: string): Hit[] {
  // A value that reads as a date stays a DATE ("auth dated 3/4/2024"): an id on its span would win and lose its shift.
  const notADate = (h: Hit) => { const v = text.slice(h.start, h.end); return /^(?:19|20)\d{2}$/.test(v) || parseDate(v, 2100) === null; };
  const hits = [...labelledIds(text), ...findSuspectIds(text), ...findTableIds(text, (v) => parseDate(v, 2100) !== null)].filter(notADate);
  // A generic key ("identifier", "ID") after a specific one types the value by the specific one.
  for (const h of hits) if (h.type === 'OTHER_ID') { const t = keyTypeBefore(text, h.start); if (t && t !== 'OTHER_ID') h.type = t; }
  hits.push(...listedAfter(text, hits));
  // "4471223 (MRN)", "88120044 - FIN": a key right after the value types it too.
  for (const h of hits) {
    if (h.type !== 'OTHER_ID') continue;
    const k = /^[ \t]*(?:\(|-|–|,)?[ \t]*([A-Za-z][A-Za-z.#' ]{1,24}?)[ \t]*\)?(?=[ \t]*(?:[,;.)\n]|$))/.exec(text.slice(h.end, h.end + 30));
    const t = k ? typeOfKey(k[1]!) : null;
    if (t && t !== 'OTHER_ID') { h.type = t; delete h.weak; h.reason = `identifier before "${k![1]}"`; }
  }
  return hits;
}

/** The next value of a list after a keyed one: "MRNs 3381022, 3381023", "Claim nos. 8812200 / 8812201", "accts 61120 and 61188". */
const LIST_NEXT = /^[ \t]*(?:,|\/|;|&|\band\b|\bor\b)[ \t]*(?:(?:and|or|&)[ \t]+)?([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){2,29})(?![\w-]|[.,]\d)/i;
const shapeOf = (v: string) => v.replace(/\d/g, '9').replace(/[A-Za-z]/g, 'A');

/** A key leads every value of a list written after it, when each has the first one's shape (length within one, digits
 *  and letters in the same places at the start) and no unit or clinical reading: "problems 4, 5" have no key value to start from. */
function listedAfter(text: string, hits: Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const h of hits) {
    if (h.weak) continue;
    const first = text.slice(h.start, h.end);
    if ((first.match(/\d/g) ?? []).length < 4 || /\s/.test(first)) continue;
    let end = h.end;
    for (let i = 0; i < 8; i++) {
      const m = LIST_NEXT.exec(text.slice(end, end + 48));
      if (!m) break;
      const v = m[1]!, s = end + m[0].length - v.length, e = end + m[0].length;
      if (Math.abs(v.length - first.length) > 1 || shapeOf(v).slice(0, 2) !== shapeOf(first).slice(0, 2) || !/\d/.test(v)) break;
      if (parseDate(v, 2100) || clinicalReading(text, s, e) || UNIT_AFTER.test(text.slice(e, e + 10))) break;
      out.push({ start: s, end: e, type: h.type, reason: `${h.reason} (listed)` });
      end = e;
    }
  }
  return out;
}

function labelledIds(text: string): Hit[] {
  const out: Hit[] = scan(text, PLATE, 'VEHICLE', 'labelled plate', 1, (m) => /\d/.test(m[1]!));
  out.push(...scan(text, HASH_ID, 'OTHER_ID', 'number after #', 1));
  for (const m of text.matchAll(ENDING_DIGITS)) {
    const s = m.index + m[0].length - 4;
    if (ID_WORD_BEFORE.test(before(text, m.index, 48)) && !/^(?:19|20)\d{2}$/.test(m[1]!) && !clinicalReading(text, s, s + 4)) out.push({ start: s, end: s + 4, type: keyTypeBefore(text, s) ?? 'OTHER_ID', reason: 'last digits of an id' });
  }
  out.push(...scan(text, DISTANT_MRN, 'MRN', 'labelled MRN', 1));
  // Cheap gates: the spelled-out forms need four digit words, or single characters spaced out, somewhere in the text.
  if (new RegExp(`${DIGIT_WORD}(?:[ \\t,-]+${DIGIT_WORD}){3}`, 'i').test(text)) for (const [re, type] of WORD_RES) out.push(...scan(text, re, type, `${type.toLowerCase().replace('_', ' ')} in words`, 1));
  if (/\d[ \t]\d+[ \t]\d/.test(text)) for (const [re, type] of GROUPED_RES) out.push(...scan(text, re, type, `${type.toLowerCase().replace('_', ' ')} in digit groups`, 1, (m) => (m[1]!.match(/\d/g) ?? []).length >= 5));
  if (/(?<![\w])[A-Z0-9][ \t]\d[ \t]\d[ \t]\d/i.test(text)) for (const [re, type] of SPELLED_RES) out.push(...scan(text, re, type, `spelled-out ${type.toLowerCase().replace('_', ' ')}`, 1, (m) => (m[1]!.match(/\d/g) ?? []).length >= 4));
  // "Employee badge 22817", "Rx filled 2023-11-02": a word in lower case is no part of a value (the value starts after
  // it, and a date there stays a date).
  const leadingWord = (v: string) => /^[A-Za-z]*[a-z][A-Za-z]*[ \t]+/.exec(v)?.[0].length ?? 0;
  for (const [re, type] of LABEL_RES) {
    out.push(...scan(text, re, type, `labelled ${type.toLowerCase().replace('_', ' ')}`, 1, (m, s0, e) => {
      const s = s0 + leadingWord(text.slice(s0, e)), v = text.slice(s, e);
      if (!/\d/.test(v)) return false;
      if (/^\d{1,3}$/.test(v)) return false;
      // "Coder query: DRG 291": a code system's name before its code is no identifier.
      if (/^(?:MS-DRG|APR-DRG|DRG|CPT|ICD|HCPCS|PCS|NDC|LOINC|SNOMED|HCC|RxNorm)\b/i.test(v)) return false;
      if (UNIT_AFTER.test(text.slice(e, e + 10))) return false;
      return true;
    }).map((h) => ({ ...h, start: h.start + leadingWord(text.slice(h.start, h.end)) })));
  }
  return out;
}
