/**
 * Streets named without a house number: "the Walgreens on colonial dr", "found on 7th St",
 * "daycare on H Street", "corner of 5th and Main", "Labcorp on Brookhurst". A street locates a
 * person like an address (Safe Harbor removes every geographic unit below the state).
 * Also the shapes around a number that street-numbers.ts does not read: "the 1200 block of Elm Street",
 * "Rt 30", "lives at 22 Elm", "Two Penn Plaza", and addresses read out in words ("forty two oak street").
 * Invariants: a street name without a number needs a place preposition or an address label before it
 * ("on", "off", "at", "near", "corner of", "Address:"...) unless it is an ordinal with a street type
 * ("5th Ave"); lower-case streets
 * need an abbreviated street type ("dr", "st", "ave") and no function word, so "on the road" and
 * "on a dirt road" stay; "Dr"/"St" followed by a name are a doctor or a saint ("at Mercy St. Vincent",
 * "on call dr patel"); a bare capitalised name after "on" is a street only after a store or place
 * word and when it is no ordinary or clinical word ("Lasix on Admission" stays).
 */
import type { Hit } from './hits';
import { TOK } from './name-words';
import { isOrdinaryWord } from './ordinary';

const TYPES = 'Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy|Terrace|Ter|Circle|Cir|Trail|Trl|Pike|Alley|Plaza|Expressway|Expy|Freeway|Fwy|Turnpike|Tpke|Causeway|Crescent|Loop|Row';
// No "ct" ("on chest ct" is a scan).
const ABBR_LOWER = 'st|ave|av|rd|dr|blvd|ln|pkwy|hwy|cir|ter|trl|expy|fwy';
const ORD = '\\d{1,3}(?:st|nd|rd|th)';
const PREP = '(?:on|off|at|near|along|onto|down|up|across|behind|past|by|from|to|toward|towards|corner of|intersection of|cross streets?|block of|[Aa]ddress(?:[ \\t]+is)?:?|ADDRESS:?|[Aa]ddr\\.?:?|ADDR:?|[Ss]treet:)';
/** A name before the type: capitalised words, an ordinal ("7th St"), a single letter ("H Street"). */
const NAME = `(?:(?:(?:N|S|E|W|North|South|East|West)\\.?[ \\t]+)?(?:${TOK}|${ORD}|[A-Z])(?:[ \\t]+(?:${TOK}|${ORD})){0,2})`;
const AFTER_TYPE = '\\b\\.?(?![ \\t]+[A-Z][a-z])';
const CAPITAL = new RegExp(`\\b(${PREP})[ \\t]+(?:the[ \\t]+)?(${NAME}[ \\t]+(?:${TYPES})${AFTER_TYPE})`, 'gd');
/** "5th Ave", "3rd Street" need no preposition: an ordinal before a street type is a street. */
const ORDINAL_STREET = new RegExp(`(?<![\\w-])((?:(?:N|S|E|W|North|South|East|West)\\.?[ \\t]+)?${ORD}[ \\t]+(?:Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Lane|Ln|Way|Terrace|Place)${AFTER_TYPE})`, 'gd');
/** Lower case: only the prepositions of location ("at eye dr appt", "to covering dr" are doctors). */
const LOWER_PREP = '(?:on|off|along|near|onto|down|up|past|behind|across from|corner of|block of)';
const LOWER = new RegExp(`\\b${LOWER_PREP}[ \\t]+((?:[a-z]+|${ORD})(?:[ \\t]+[a-z]+)?[ \\t]+(?:${ABBR_LOWER})\\b\\.?)(?:[ \\t]+([a-z]+))?`, 'gd');
/** Function words, counts and clinical nouns that no lower-case street name holds. */
const NOT_IN_LOWER = /^(?:the|a|an|his|her|their|my|our|this|that|to|of|in|at|on|by|and|or|for|with|call|rounds|service|duty|shift|floor|unit|room|bed|day|night|time|pain|meds?|hold|oxygen|dialysis|vent|list|file|record|chart|arrival|exam|admission|discharge|pt|patient|er|ed|icu|or|covering|attending|primary|family|eye|foot|heart|skin|kidney|lung|bone|new|old|regular|usual|pcp|own|other|another|same|team|peds|ortho|psych|surgery|see|seeing|saw|seen|visit|appt|my|your)$/;
/** "corner of 5th and Main", "at Elm & 3rd", "near Main St and Oak Ave". */
const CORNER = new RegExp(`\\b(?:corner of|intersection of|cross streets?:?|at|near|on)[ \\t]+((?:${TOK}|${ORD})(?:[ \\t]+(?:${TYPES})\\b\\.?)?[ \\t]+(?:and|&|at|\\/)[ \\t]+(?:${TOK}|${ORD})(?:[ \\t]+(?:${TYPES})\\b\\.?)?)`, 'gd');
/** "Labcorp on Brookhurst", "the pharmacy off Telegraph": a store, a place word or a capitalised name, then a bare street name. */
const PLACE_ON = new RegExp(`(?:\\b(?:pharmacy|store|clinic|office|lab|shelter|church|school|station|apartments?|house|motel|hotel|branch|location|bus stop|stop|park|plaza|mall|Walgreens|CVS|Rite Aid|Kroger|Target|Walmart)|(?<=[a-z,;][ \\t]+)${TOK})[ \\t]+(?:on|off)[ \\t]+(${TOK}(?:[ \\t]+${TOK})?)(?![\\p{L}'’-]|[ \\t]+(?:${TYPES})\\b|[ \\t]*#?\\d)`, 'gdu');
/** Numbered local roads in their short forms ("Rt 30", "SR-9", "CR 12", "State Hwy 7"); places.ts reads the long ones. */
const SHORT_ROAD = /\b(?:Rt|RT|SR|CR|State Hwy|State Rd|Co\.? Rd|Cty Rd|FM)\.?[ \t-]*#?\d{1,4}[A-Z]?(?![\w-])/g;
/** "One Birch Lane", "Two Penn Plaza": a house number in words before a named street with its type. */
const WORD_NUMBER_STREET = new RegExp(`\\b(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve)[ \\t]+(?:${TOK}[ \\t]+){1,3}(?:${TYPES})\\b\\.?${'(?![ \\t]+[A-Z][a-z])'}`, 'gd');
/** Dictated: "forty two oak street apartment three": a house number in words, lower-case name words and a full street type. */
const NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)';
const SPOKEN_STREET = new RegExp(`\\b${NUMBER_WORD}(?:[ \\t-]+${NUMBER_WORD}){0,4}[ \\t]+((?:[a-z]+[ \\t]+){1,2})(?:street|avenue|road|drive|lane|boulevard|court|place|terrace|way|circle|parkway)\\b(?:[ \\t]+(?:apartment|apt|unit|suite)[ \\t]+(?:${NUMBER_WORD}|\\d{1,5}|[a-z]))?`, 'gd');
/** "the 1200 block of Elm Street", "2400 block of w lehigh": the block number belongs to the street. */
const BLOCK = new RegExp(`(?<![\\w.])\\d{2,5}[ \\t]+block[ \\t]+of[ \\t]+(?:(?:N|S|E|W|North|South|East|West|n|s|e|w)\\.?[ \\t]+)?(?:${TOK}|${ORD}|[a-z]{3,})(?:[ \\t]+(?:${TOK}|[a-z]{3,}))?(?:[ \\t]+(?:${TYPES}|${ABBR_LOWER})\\b\\.?)?`, 'gd');
/** "on 4th near the bus depot", "off 5th.": an ordinal alone after on/off, before punctuation or a place word, never "on 4th floor". */
const BARE_ORDINAL = new RegExp(`\\b(?:on|off|along|near)[ \\t]+((?:(?:N|S|E|W)\\.?[ \\t]+)?${ORD})(?=[ \\t]*(?:[.,;:!?)]|$|\\n)|[ \\t]+(?:near|by|and|between|across|behind|past|at)\\b)`, 'gd');
/** "lives at 22 Elm", "address is 4 Birchwood": a house number and a name after a residence word, no type needed. */
const RESIDENCE_NUMBER = new RegExp(`\\b(?:[Ll]iv(?:es|ing)|[Rr]esid(?:es|ing)|[Ss]tay(?:s|ing)|[Hh]ome|[Aa]ddress(?:[ \\t]+is)?|ADDRESS|[Aa]ddr\\.?|ADDR\\.?|[Mm]oved)(?:[ \\t]*:|[ \\t]+(?:at|to|is))?[ \\t]*((?!0)\\d{1,6}[A-Z]?[ \\t]+(?:(?:N|S|E|W)\\.?[ \\t]+)?${TOK}(?:[ \\t]+${TOK})?)`, 'gd');
const TYPE_GATE = new RegExp(`\\b(?:${TYPES})\\b`);
const LOWER_GATE = new RegExp(`\\b(?:${ABBR_LOWER})\\b`);
const NOT_A_STREET = /^(?:Mon|Tues?|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Medicare|Medicaid)$/;

export function findStreetNames(text: string): Hit[] {
  const out: Hit[] = [];
  const push = (m: RegExpExecArray | RegExpMatchArray, group: number, reason: string) => {
    const [start, end] = (m as RegExpExecArray).indices![group]!;
    out.push({ start, end, type: 'ADDRESS', reason });
  };
  // Cheap gates: each rule needs its street type, digit, joining word or "on"/"off" somewhere in the text.
  const typed = TYPE_GATE.test(text), digits = /\d/.test(text);
  if (typed) for (const m of text.matchAll(CAPITAL)) {
    // "referred to Family Dr", "seen by Eye Dr": after to/by/from a "Dr" is a doctor.
    if (/^(?:to|from|by|toward|towards)$/.test(m[1]!) && /\bDr\.?$/.test(m[2]!)) continue;
    push(m, 2, 'street name after a place word');
  }
  if (typed && digits) for (const m of text.matchAll(ORDINAL_STREET)) push(m, 1, 'numbered street');
  if (typed) for (const m of text.matchAll(WORD_NUMBER_STREET)) out.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS', reason: 'house number in words and street' });
  if (digits) {
    for (const m of text.matchAll(BLOCK)) out.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS', reason: 'block of a street' });
    for (const m of text.matchAll(SHORT_ROAD)) out.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS', reason: 'numbered road' });
    for (const m of text.matchAll(BARE_ORDINAL)) push(m, 1, 'numbered street');
    // "moved to 5 East", "home 2 Weeks": wards and durations are no streets.
    for (const m of text.matchAll(RESIDENCE_NUMBER)) if (!/\b(?:North|South|East|West|Tower|Wing|Pavilion|Unit|Floor|Weeks?|Days?|Months?|Years?|Hours?|Times?)\b/.test(m[1]!)) push(m, 1, 'house number after a residence word');
  }
  if (/\b(?:and|at)\b|[&\/]/.test(text)) for (const m of text.matchAll(CORNER)) {
    // One side at least must be a street: an ordinal or a street type ("5th and Main"), or the word corner/intersection.
    // Two ordinals alone are counts ("on 2nd and 3rd dose"); an ordinal and a name, a type or a corner word make a corner.
    const ordinals = (m[1]!.match(/\d/g) ? m[1]!.match(new RegExp(ORD, 'g'))?.length ?? 0 : 0);
    const typed = new RegExp(`\\b(?:${TYPES})\\b`).test(m[1]!);
    if (/corner|intersection|cross/i.test(m[0]) || typed || ordinals === 1) push(m, 1, 'street corner');
  }
  for (const m of text.matchAll(SPOKEN_STREET)) if (m[1]!.trim().split(/[ \t]+/).every((w) => !NOT_IN_LOWER.test(w) && !/^(?:blocks?|miles?|times|days|weeks|houses|doors|steps|flights|lanes|down|up|the)$/.test(w))) out.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS', reason: 'street address in words' });
  if (LOWER_GATE.test(text)) for (const m of text.matchAll(LOWER)) {
    const words = m[1]!.split(/[ \t]+/).slice(0, -1);
    if (words.some((w) => NOT_IN_LOWER.test(w))) continue;
    // "on call dr patel": a lower-case "dr" before a word that is no English word is a doctor.
    if (/\bdr\.?$/.test(m[1]!) && m[2] && !isOrdinaryWord(m[2])) continue;
    push(m, 1, 'street name after a place word (lower case)');
  }
  if (/\b(?:on|off)[ \t]+[A-Z]/.test(text)) for (const m of text.matchAll(PLACE_ON)) {
    const name = m[1]!;
    if (name.split(/[ \t]+/).some((w) => NOT_A_STREET.test(w))) continue;
    const placeWord = /^(?:pharmacy|store|clinic|office|lab|shelter|church|school|station|apartments?|house|motel|hotel|branch|location|bus stop|stop|park|plaza|mall|Walgreens|CVS|Rite Aid|Kroger|Target|Walmart)$/i.test(m[0].slice(0, m[0].search(/[ \t]+(?:on|off)[ \t]/)));
    // After a capitalised name only an unknown word is a street ("Lasix on Admission" stays); after a place word any name.
    if (!placeWord && name.split(/[ \t]+/).some((w) => isOrdinaryWord(w))) continue;
    push(m, 1, 'street named after a place');
  }
  return out;
}
