/**
 * When a date-shaped number in prose is a date: the context rules of dates.ts's patterns. A day/month
 * without a year collides with fractions, scores and doses, a day ordinal with counts, a dotted date
 * with versions, a spaced date with lists of numbers; each cue reads the words around the match.
 * Invariant: pure functions of the text; a cue never widens a match, it only accepts it ('strong'),
 * keeps it as weak evidence the reviewer may drop ('weak') or refuses it (false).
 */
import { before } from './hits';
import { clinicalReading } from './clinical-numbers';
import { DRUGS } from './lexicon';

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Date parts; `wd` is a weekday written with the date (dates.ts's parseDate). */
export type Groups = Partial<Record<'y' | 'm' | 'd' | 'mon' | 'sfx' | 'wd', string>>;

/** Day/month pairs without a year collide with fractions and scores; accept them only when
 *  written like a date (zero padded / two digits each) or introduced by a date word. */
export const MD_CUE = /(?:\b(?:on|since|from|until|till|through|thru|dated?|by|seen|visit|appt|appointment|f\/u|follow[- ]?up|fu|rtc|returns?|seen|sees|surgery|admission|clinic|DOS|DOB|of|dtd|admit(?:ted)?|discharged?|collected|drawn|started|stopped|due|between|last|next|as of|DOS|returned|presented|performed|scheduled|effective|expire[sd]?|exp|today|tomorrow|yesterday|tonight|interrogated|checked|obtained|done|placed|removed|inserted|repeated|rechecked|before|after|prior to|around|approx\.?|circa|week of|night of|morning of|evening of|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?|CT|CTA|MRI|MRA|echo|TTE|TEE|EKG|ECG|CXR|XR|x-?ray|US|u\/s|ultrasound|scan|EGD|colonoscopy|biopsy|cath|culture|cx|UA|labs?|PFTs?|EEG|EMG|mammo(?:gram)?|DEXA|PET|stress test|Holter)\s*:?\s*|@\s*|\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*(?:to|-|–|through|thru|and|until)\s*)$/i;
export const MD_NEG = /\b(?:bipap|cpap|ipap|epap|peep|vent(?:ilator)?|settings|fio2|apgars?|gcs|pain|score|strength|scale|GCS|MoCA|MMSE|reflex(?:es)?|pulses?|power|vision|acuity|BP|blood pressure|ratio|grade|graded|motor|sensation|VAS|NRS|SLUMS|DTRs?|rated|rates|rating|bottles|cultures?|cx|nodes|murmur|headaches?|nausea|anxiety|itch(?:ing)?|fatigue|dyspnea|SOB|discomfort|stress|mood|energy|craving|cravings|PHQ-?\d*|GAD-?\d*|AUDIT(?:-C)?|CAGE|EPDS|CIWA(?:-Ar)?|COWS|NIHSS|Braden|Morse|Barthel|Katz|ECOG|NYHA|Borg|Wells|CURB-?65|CHA2DS2-VASc|HAS-BLED|Glasgow|Mini-Cog|screen(?:ing)?|questionnaire|subscale|items?)\s*(?:is|of|at|was|=|score[ds]?)?\s*:?\s*$/i;
/** MD_NEG's scale words alone (its source up to the connectors). */
const MD_NEG_WORDS = MD_NEG.source.slice(0, MD_NEG.source.indexOf('\\s*(?:is|of|at|was|'));
const SCALE_WORD = new RegExp(MD_NEG_WORDS, 'i');
export const mdCue = (text: string, start: number, g: Groups): false | 'strong' | 'weak' => {
  const pre = before(text, start, 32);
  // "Strength 4 (4/5)", "murmur 2 (2/6)": a scale word, its value and the score in brackets.
  if (MD_NEG.test(pre) || MD_NEG.test(pre.replace(/\d+(?:\.\d+)?[ \t]*\([ \t]*$/, ''))) return false;
  // Fractions are written reduced (1/2, 1/3, 2/3, 1/4, 3/4); "2/4" after a cue is a day.
  const fraction = Number(g.m) < Number(g.d) && FRACTION_DENOMINATORS.has(Number(g.d)) && !(Number(g.m) === 2 && Number(g.d) === 4);
  const afterDay = text.slice(start, start + 40).replace(/^\d{1,2}\/\d{1,2}/, '');
  // A fraction shape (1/2, 3/4) after a weaker cue needs nothing wordy after it ("Dc 1/2 NS" is half-normal saline).
  const plain = !fraction || /^(?:[ \t]*(?:[.,;:)\]]|$|\n|[-–—][ \t]|and\b|to\b)|[ \t]*@?[ \t]*(?:[01]?\d|2[0-3]):?[0-5]\d(?![\d.]))/i.test(afterDay);
  // "Shingrix 5/21", "Tdap 6/19", "Prevnar 20 given 2/3": a vaccine is given on a day, never dosed in pairs of strengths.
  // A dose of a series is no day: "Shingrix 1/2", "COVID vaccine 3/3", "Hep B 2/3" (a dose count up to 4, over the count).
  const doseOfSeries = Number(g.m) <= Number(g.d) && Number(g.d) <= 4;
  if (VACCINE_BEFORE.test(pre) && plain && !doseOfSeries && !FRACTION_AFTER.test(afterDay)) return 'strong';
  // "SUBOXONE 8/2", "Advair 250/50": a drug name right before a pair of numbers is its strengths.
  const word = /([A-Za-z][A-Za-z-]+)[ \t]+$/.exec(pre);
  if (word && DRUGS.has(word[1]!.toLowerCase())) return false;
  // "Pain 7/10, improved to 3/10": the same denominator after a score a few words back is that score again.
  const dateWord = MD_CUE.test(pre) && !/\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*(?:to|-|–|through|thru|and|until)\s*$/.test(pre);
  if (!dateWord && new RegExp(`${MD_NEG_WORDS}[^\\n]{0,40}?\\b\\d{1,2}\\/${Number(g.d)}(?!\\d)[^\\n]{0,60}$`, 'i').test(before(text, start, 100))) return false;
  // The words after the day itself (not after its punctuation: "3/18. Pain ..." starts a new sentence).
  const after = text.slice(start, start + 40).replace(/^\d{1,2}\/\d{1,2}\s*/, '');
  // "cultures 2/4 bottles", "labs 4/5 positive": a counting word after wins over a date word before.
  if (FRACTION_AFTER.test(after) && !/^\s*(?:of|in)\b/i.test(after)) return false;
  // "Reports 7/10 left hip pain", "rates her 3/10 dull ache": a score out of 10 with its symptom a few words on
  // (no preposition between: "seen 6/10 for knee pain" is a day).
  if (Number(g.d) === 10 && !MD_CUE.test(pre) && SCORE_SYMPTOM_AFTER.test(after)) return false;
  const padded = (g.m?.length === 2 && g.d?.length === 2) || g.m?.startsWith('0') || g.d?.startsWith('0');
  // "CT (3/4) negative", "[3/4] called": a bracket between the date word and the day.
  // ... and the plural or past form of a date word ("visits 3/4, 3/11", "labs rechecked 3/4").
  if (padded || MD_CUE.test(pre) || MD_CUE.test(pre.replace(/[(\[][ \t]*$/, '')) || MD_CUE.test(pre.replace(/(?:s|ed|d)([ \t]*:?[ \t]*)$/, '$1'))) return 'strong';
  // "Reflexes diminished 2/4 at the ankles": a scale word a few words back (a date word right before the day returned above).
  if (SCALE_WORD.test(pre)) return false;
  if (MD_AFTER.test(after)) return 'strong';
  // "0340 5/6: pulled IV", "9/27 1610 ambulated", "1/4 2300,": a clock time right beside it; "Adm 1/3", "D/C'd 7/2",
  // "s/p lap appy 1/4": an admission, discharge or procedure abbreviation; "Lipase 412 (1/3)": a value's day in brackets.
  if ((CLOCK_BEFORE.test(pre) || CLOCK_AFTER.test(after) || EVENT_BEFORE.test(pre) || VALUE_BRACKET.test(pre)) && plain) return 'strong';
  // "approved 3/3", "cancelled 3/4).", "signed 2/3 in clinic": a past event's verb, and no count after the day.
  if (eventVerbBefore(pre) && plain && !FRACTION_AFTER.test(after)) return 'strong';
  // A log line led by its day: "3/4: called pt", "1/2 - labs back".
  if (/(?:^|\n)[ \t]*$/.test(pre) && /^[ \t]*(?::(?![ \t]*\d)|[-–—][ \t]+(?!\d))/.test(text.slice(start).replace(/^\d{1,2}\/\d{1,2}/, ''))) return 'strong';
  // "3/4 and 3/5", "3/4 to 3/6": the first of two days joined like dates is a date when the second reads as one.
  const next = /^\s*(?:and|to|through|thru|-|–|&)\s*(\d{1,2})\/(\d{1,2})(?![\d/])/.exec(after);
  if (next && (Number(next[1]) > Number(next[2]) || !FRACTION_DENOMINATORS.has(Number(next[2]))) && !FRACTION_AFTER.test(after.slice(next[0].length))) return 'strong';
  // A title line that ends with the day: "Hospitalist Progress Note  HD#3  3/4", "ICU update - 5/6".
  if (NOTE_LINE.test(lineBefore(text, start)) && /^[ \t]*(?:\n|$|[-–—|:])/.test(text.slice(start).replace(/^\S+/, ''))) return 'strong';
  // Fractions are written small-over-large; a month over a smaller day, or over a day that is no
  // bare fraction's denominator (3/14, 10/23, 1/30), is a date.
  const m = Number(g.m), d = Number(g.d);
  // "Seen twice in March: 3/4 and 3/18." A month named earlier in the sentence makes even a fraction shape a day,
  // when nothing that counts follows it.
  if (SENTENCE_MONTH.test(sentenceBefore(text, start)) && !SCALE_WORD.test(sentenceBefore(text, start)) && /^[ \t]*(?:[.,;)\]]|$|\n|and\b|to\b|[-–])/.test(after)) return 'strong';
  if (!(m > d || !FRACTION_DENOMINATORS.has(d))) return false;
  // "Fell 3/14 in the yard": "in"/"of" after a day that is no fraction's denominator leave it a (weak) date.
  return FRACTION_AFTER.test(after) && !/^\s*(?:of|in)\b/i.test(after) ? false : 'weak';
};
/** A verb in the past right before the day; not one that scores, measures or counts ("scored 3/4", "passed 2/3"). */
const PAST_VERB = /\b([a-z]{1,}(?:ed|ent))[ \t]*:?[ \t]*$/i;
const COUNTING_VERBS = /^(?:scored|rated|graded|reduced|decreased|increased|dilated|measured|weighed|tapered|titrated|completed|attended|passed|failed|answered|achieved|filled|used|needed|required|showed|demonstrated|improved|worsened|estimated|effaced|listed|dosed|halved|split|recalled|identified|named|missed|correct|present|absent|consistent|went|spent|bent|dependent|independent)$/i;
const eventVerbBefore = (pre: string) => { const m = PAST_VERB.exec(pre); return !!m && !COUNTING_VERBS.test(m[1]!) && !/(?:need|seed|feed|bleed|speed|breed)$/i.test(m[1]!); };
// "May" counts only before a day ("May 3"): "May need 1/2" is the verb.
const SENTENCE_MONTH = new RegExp(`\\b(?:${MONTHS.filter((x) => x !== 'May').join('|')}|May(?=[ \\t]+\\d))\\b`);
const sentenceBefore = (text: string, start: number) => { const b = before(text, start, 120); return b.slice(Math.max(b.lastIndexOf('. '), b.lastIndexOf('\n')) + 1); };
const NOTE_LINE = /\b(?:note|progress|update|summary|consult(?:ation)?|addendum|H&P|HD\s*#?\s*\d+|POD\s*#?\s*\d+|hospital day\s*#?\s*\d+)\b/i;
const lineBefore = (text: string, start: number) => text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
/** A clock time right before or after a bare day/month: "0340 5/6", "10:45 11/2", "9/27 1610", "2/3 @ 14:05", "6/7 1:30 pm". */
const CLOCK_BEFORE = /(?:^|[^\d:.\/])(?:(?:[01]\d|2[0-3])[0-5]\d|(?:[01]?\d|2[0-3]):[0-5]\d(?:[ \t]*[ap]\.?m\.?)?)[ \t]+$/i;
const CLOCK_AFTER = /^[ \t]*@?[ \t]*(?:(?:[01]\d|2[0-3])[0-5]\d(?![\d.]|[ \t]*(?:mg|mcg|ml|mL|units?|cc|g|kg|steps|ft|feet|m)\b)|(?:[01]?\d|2[0-3]):[0-5]\d)(?![\d\/])/;
const EVENT_BEFORE = /\b(?:adm|admit|dc|d\/c(?:['’]?d)?|disch|s\/p\b[^\n.;,\d]{0,30}?|status post\b[^\n.;,\d]{0,30}?)[ \t]*:?[ \t]*$/i;
const VACCINE_BEFORE = /\b(?:vaccines?|vaccinated|vax|immuni[sz]ed|immuni[sz]ation|tdap|dtap|td|flu(?:[ \t]+(?:shot|vaccine))?|influenza|pneumovax|pneumococcal|prevnar|ppsv-?23|pcv-?\d+|shingrix|zostavax|gardasil|hpv|mmr|varicella|hep(?:atitis)?[ \t]?[ab]|covid(?:-?19)?|booster|moderna|pfizer|novavax|tetanus|rsv|arexvy|abrysvo)(?:[ \t]+(?:shot|vaccine|dose|booster|#?\d{1,2}))?(?:[ \t]+(?:given|received|done|on|was|#?\d))?[ \t]*:?[ \t]*$/i;
const VALUE_BRACKET = /(?:^|[^\d\/.])\d+(?:\.\d+)?[ \t]*\([ \t]*$/;
const SCORE_SYMPTOM_AFTER = /^(?:(?!(?:for|with|of|due|after|from|since|to|and|because|at|in|on|by|re|regarding|when|was|were|is)\b)[A-Za-z-]+[ \t]+){0,4}(?:pain|ache|aching|discomfort|tenderness|soreness|cramp(?:s|ing)?|headache|burning|pressure)\b/i;
/** Bare halves, thirds and quarters are fractions (1/2 tab, 2/3, 3/4); the scales (strength /5,
 *  murmur /6, pain /10, GCS /15, MMSE /30) are told by their word before or after (MD_NEG, FRACTION_AFTER),
 *  and without one "3/15" or "1/30" is a date. */
const FRACTION_DENOMINATORS = new Set([2, 3, 4]);
const FRACTION_AFTER = /^\s*(?:of|ratio|in|Fr\.?|French|gauge|g(?=\b)|daily|bid|tid|qid|qhs|qd|qam|qpm|q\d+h?|prn|po|nightly|puffs?|murmur|SEM|HSM|systolic|diastolic|holosystolic|nodes?|lymph|cores?|positive|pos|points?|criteria|tabs?|tablets?|doses?|days?|wks?|weeks?|sessions?|bottles?|sets?|strength|power|reflex(?:es)?|pain|on (?:the )?pain|scale)\b/i;
const MD_AFTER = /^(?:admission|admit|visit|encounter|appt|appointment|note|surgery|discharge|procedure|labs?|op|ED|clinic|CT|MRI|echo|cath|by|at|with|per|@|-\s*\d(?![^\n]{0,6}\b(?:tabs?|tablets?|caps?|capsules?|mg|mcg|puffs?|drops?|units?|ml|pills?)\b))/i;

/** "the 14th" is a date after a date preposition or a weekday, unless a noun follows ("on the 3rd attempt"). */
const ORD_BEFORE = /(?:\b(?:on|since|from|until|till|by|before|after|through|thru|of|around|about|approx\.?|approximately|starting|due|as of|between|and|to|was|is|were|for|scheduled for|set for|booked for|week of|night of|morning of|evening of)\s+|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)$/i;
// What may follow a day ordinal: punctuation or a closing quote ("around the 14th"), a time, a clause ("the 3rd with dr X").
const ORD_AFTER = /^(?:\s*$|\s*[.,;:!?)\]"'”’]|\s+@|\s+(?:of\s+(?:this|last|next|the)\s+month|at|and|or|but|so|when|then|which|because|she|he|they|we|I|i|my|pt|patient|in the|to|through|until|with|w\/|after|before|morning|afternoon|evening|night|can|could|will|would|should|might|must|if|unless|please|pls|plz|has|had|hasn't|hadn't|is fine|is ok|is okay|is good|is better|works?)\b|\s+[-–\d]|\s*\((?:sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?\.?\))|\s*[-–]\s*\d/i;
export const ordCue = (text: string, start: number, g: Groups, end: number): false | 'strong' => {
  if (!g.sfx) return false;
  const pre = before(text, start, 24);
  if (!ORD_BEFORE.test(pre) || !ORD_AFTER.test(text.slice(end, end + 30))) return false;
  // "on the 2nd and 3rd attempts": a second ordinal with a noun after it counts things.
  const pair = /^\s*(?:and|or|&|-|–|to)\s*\d{1,2}(?:st|nd|rd|th)\s+([a-z]+)/.exec(text.slice(end, end + 30));
  if (pair && !/^(?:of|at|in|when|she|he|they|we|i|my|and|or|with|after|before)$/.test(pair[1]!)) return false;
  // After a verb or "for" only "the 14th" is a day ("was 2nd to trauma" ranks).
  return /\b(?:was|is|were|for)\s+$/i.test(pre) && !/^the\s/i.test(text.slice(start, end)) ? false : 'strong';
};
/** Words that count or measure after a number: "MAR 3 doses given" is no March 3rd. */
const COUNT_AFTER = /^[ \t]*(?:doses?|times|x\b|tabs?|tablets?|caps?|capsules?|units?|pills?|puffs?|drops?|hours?|hrs?|days?|weeks?|wks?|months?|mg|mcg|ml|mL|g\b|kg|cc|%)/i;
export const notACount = (text: string, _start: number, g: Groups, end: number): false | 'strong' => (!g.y && COUNT_AFTER.test(text.slice(end, end + 12)) ? false : 'strong');

/** "09-2021": a padded month and a year; "4-2022" only after a date word. Never before a unit ("5-2000 units" is a range). */
export const myDashCue = (text: string, start: number, g: Groups, end: number): false | 'strong' => {
  if (COUNT_AFTER.test(text.slice(end, end + 12)) || /\b(?:range|between|from)\s*:?\s*$/i.test(before(text, start, 12))) return false;
  return g.m!.length === 2 || MD_CUE.test(before(text, start, 32)) || /\b(?:in|since)\s+$/i.test(before(text, start, 8)) ? 'strong' : false;
};

/** "may 9", "mar 3rd": the lower-case words as months need a day that counts nothing ("she may 3-4 times" is the verb). */
export const lowerMonthCue = (text: string, _start: number, g: Groups, end: number): false | 'strong' => {
  if (COUNT_AFTER.test(text.slice(end, end + 12))) return false;
  // "mar" is also the medication administration record ("MAR 3"); in lower case it needs a suffix or a year.
  return g.mon === 'may' || g.sfx || g.y ? 'strong' : false;
};

/** "Surgery 4.17", "RTC 6.14", "Admitted 10.28": a visit or admission word right before, nothing that counts or measures after. */
const VISIT_BEFORE = /\b(?:seen|visit|appt|appointment|f\/u|follow[- ]?up|surgery|admit(?:ted)?|admission|discharged?|dated?|DOS|returns?|rtc|scheduled|booked|readmitted)[ \t]*:?[ \t]*(?:on[ \t]+)?$/i;
export const mdDotCue = (text: string, start: number, _g: Groups, end: number): false | 'strong' => {
  const after = text.slice(end, end + 14);
  if (!VISIT_BEFORE.test(before(text, start, 24)) || COUNT_AFTER.test(after) || clinicalReading(text, start, end)) return false;
  // A digit or a short word that is no preposition after it reads as a unit ("2.5 L", "1.5 cm").
  return /^[ \t]*(?:\d|(?!(?:with|at|in|for|and|to|from|by|on|is|was|am|pm)\b)[a-z]{1,3}\b)/i.test(after) ? false : 'strong';
};

/** "12.03.24": dotted with a two-digit year only when written padded or after a date word (versions share the shape). */
export const dotCue = (text: string, start: number, g: Groups): false | 'strong' => {
  const pre = before(text, start, 32);
  if (MD_NEG.test(pre) || /\b(?:v|version|ver)\.?\s*$/i.test(pre)) return false;
  return (g.m?.length === 2 && g.d?.length === 2) || MD_CUE.test(pre) ? 'strong' : false;
};

/** Spaced dates stand alone: no digit group, decimal or unit next to them ("0 0 4 5 8" is a spelled-out number). */
export const SPACED_BEFORE = '(?<![\\w.,/:-]|(?:^|\\D)\\d{1,2}[ \\t])';
export const SPACED_AFTER = '(?![\\w/-]|[.,]\\d|[ \\t]\\d|[ \\t]*(?:mg|mcg|g|kg|ml|mL|units?|%|x)\\b)';
export const BIRTH_CUE = /\b(?:dob|d\.o\.b\.?|birth|birthday|birthdate|born|bday)\b[^\n\d]{0,12}$/i;
export const spacedCue = (text: string, start: number, g: Groups, end: number): false | 'strong' => {
  const pre = before(text, start, 32);
  if (BIRTH_CUE.test(pre)) return 'strong';
  if (MD_NEG.test(pre) || clinicalReading(text, end - g.y!.length, end)) return false;
  return g.y!.length === 4 || MD_CUE.test(pre) ? 'strong' : false;
};
