/**
 * The number-bearing side of addresses, beyond places.ts: a house number and a street name with
 * any street type (the long USPS list, lower case in dictation), named streets with a direction
 * and no type ("1450 N Halsted"), rural routes and boxes ("RR 2 Box 15", "Box 118"), and unit
 * numbers ("Apt 4B", "Suite 300", "Unit 4B" after a street). Phones written the international way
 * ("+44 20 7946 0958") and local numbers without an area code ("555-0143", weak) are here too.
 * Streets without a number are street-names.ts; the town and ZIP closing a numbered address line
 * ("…Apt 3, philadelphia pa 19133") are typed CITY and ZIP here.
 * Invariants: an address hit of this file always starts with a digit or a box/route/unit word and holds a digit;
 * lower-case streets need a lower-case street type and no function or unit word inside, so "walked
 * 3 blocks down the road" and "2 visits with dr" stay.
 */
import { scan, type Hit } from './hits';
import { TOK } from './name-words';
import { clinicalReading } from './clinical-numbers';
import { findStreetNames } from './street-names';
import { STATE_ABBR, STATE_NAMES } from './places';
import { cityPopulation } from './gazetteer';
import { isOrdinaryWord } from './ordinary';

/** USPS street suffixes (common ones and their abbreviations). */
const TYPES = 'Street|St|Avenue|Ave|Av|Boulevard|Blvd|Road|Rd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy|Terrace|Ter|Terr|Circle|Cir|Square|Sq|Trail|Trl|Row|Loop|Path|Pike|Alley|Aly|Crescent|Cres|Close|Plaza|Plz|Route|Rte|Run|Ridge|Rdg|Crossing|Xing|Heights|Hts|Bend|Cove|Cv|Glen|Gln|Hill|Hl|Hills|Park|Green|Grn|Mews|Commons|Expressway|Expy|Freeway|Fwy|Turnpike|Tpke|Causeway|Landing|Lndg|Estates|Village|Vlg|Meadow|Meadows|Mdws|Creek|Crk|Springs|Spgs|Woods|Grove|Grv|Knoll|Manor|Mnr|Oval|Spur|Crest|Trace|Trce|Hollow|Holw|Harbor|Hbr|Isle|Junction|Jct|Summit|Valley|Vly|Vista|Dale|Gateway|Lake|Orchard|Pines|Shore|Shores|Wharf|Byway|Fork|Ford|Garden|Gardens|Gdns';
const LOWER_TYPES = 'street|st|avenue|ave|road|rd|drive|boulevard|blvd|lane|ln|court|ct|parkway|pkwy|highway|hwy|terrace|circle|place|way|trail';
const DIR = '(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\\.?';
const ORD = '\\d{1,3}(?:st|nd|rd|th)';
// House numbers do not start with 0 ("0430 Notified Dr. Hunt" is a clock time).
const NUM = '(?<![\\w/.:$-])(?!0)\\d{1,6}(?:[A-Z]|-\\d{1,4}|\\s?1\\/2|½)?';
const UNIT = '(?:,?[ \\t]*(?:Apt|Apartment|Unit|Suite|Ste|Rm|Room|Fl|Floor|Flat|Bldg|Building|Lot|Trlr|Space|Spc|apt|unit|suite|ste|flat|#)\\.?[ \\t]*#?[ \\t]*[A-Z0-9-]{1,6}(?![\\w-]))?';
/** "4417 Martin Luther King Jr. Blvd", "12 Old Mill Run", "220 W. 34th St Apt 5C". */
const CAPITALISED = new RegExp(`${NUM}[ \\t]+(?:${DIR}[ \\t]+)?(?:(?:${TOK}|${ORD}|Jr\\.?|St\\.|Saint|Dr\\.|de|del|la|of|the)[ \\t]+){1,4}(?:${TYPES})\\b\\.?(?:[ \\t]+${DIR}(?![\\w]))?${UNIT}`, 'g');
/** "1450 N Halsted", "88 W. Broadway": a direction marks a street even without its type. */
// Two digits at least, and a one-letter direction: "3 West Oncology" is a ward.
const DIRECTED = new RegExp(`(?<![\\w/.:$-])\\d{2,6}[A-Z]?[ \\t]+[NSEW]\\.?[ \\t]+(?:${TOK}|${ORD})(?:[ \\t]+${TOK})?${UNIT}(?![ \\t]*(?:${TYPES})\\b)`, 'g');
/** ALL-CAPS address lines ("1418 W ALLEGHENY AVE APT 3,"): the type must close the street (a comma, the line end, a unit). */
const CAPS_TYPES = TYPES.toUpperCase();
const CAPS_GATE = new RegExp(`\\b(?:${CAPS_TYPES})\\b`);
const CAPS_UNIT = '(?:,?[ \\t]*(?:APT|APARTMENT|UNIT|SUITE|STE|RM|FL|BLDG|LOT|TRLR|#)\\.?[ \\t]*#?[ \\t]*[A-Z0-9-]{1,6}(?![\\w-]))?';
const CAPS = new RegExp(`${NUM}[ \\t]+(?:(?:N|S|E|W|NE|NW|SE|SW|NORTH|SOUTH|EAST|WEST)\\.?[ \\t]+)?((?:(?:[A-Z][A-Z'’-]+|\\d{1,3}(?:ST|ND|RD|TH))[ \\t]+){1,4})(?:${CAPS_TYPES})\\b\\.?(?:[ \\t]+(?:N|S|E|W|NE|NW|SE|SW)\\b)?${CAPS_UNIT}(?=[ \\t]*(?:[,;|]|$|\\n))`, 'gm');
const NOT_IN_LOWER_STREET = /^(?:the|a|an|to|of|by|down|up|on|in|at|from|for|with|and|or|times?|hours?|hrs?|minutes?|mins?|days?|weeks?|blocks?|miles?|feet|steps|flights?|visits?|doses?|mg|tabs?|pills?|units?|years?|yrs?|months?|people|kids|children|cars?|lanes?)$/;
/** Numbered roads with a house number ("4521 County Road 12", "88 Route 9"), type-first streets ("1 Avenue of the Americas",
 *  "45 Calle Sol", "Calle Sol 45"), and Broadway, the street that needs no type. */
const NUMBERED_ROAD = new RegExp(`${NUM}[ \\t]+(?:(?:(?:State|County|US|U\\.S\\.|Farm to Market|FM|Old)[ \\t]+)(?:Route|Rte|Road|Rd|Highway|Hwy)|Route|Rte|Highway|Hwy)[ \\t]*#?\\d{1,4}[A-Z]?(?![\\w-])${UNIT}`, 'g');
const TYPE_FIRST = new RegExp(`${NUM}[ \\t]+(?:Avenue|Calle|Avenida|Av\\.|Rua|Rue|Via|Camino|Paseo)[ \\t]+(?:(?:of|the|de|del|la|los|las)[ \\t]+)*${TOK}(?:[ \\t]+${TOK})?${UNIT}|\\b(?:Calle|Avenida|Rua|Rue|Camino|Paseo)[ \\t]+(?:(?:de|del|la|los|las)[ \\t]+)*${TOK}(?:[ \\t]+${TOK})?,?[ \\t]+(?:#[ \\t]?)?\\d{1,5}[A-Z]?(?![\\w-])|${NUM}[ \\t]+Broadway\\b`, 'g');
const LOWER = new RegExp(`${NUM}[ \\t]+((?:[a-z]+[ \\t]+){1,2})(?:${LOWER_TYPES})\\b\\.?${UNIT}`, 'g');
// "RR 22" alone is a respiratory rate: a rural route needs its box, unless spelled out.
const RURAL = /\b(?:RR|R\.R\.|HC|PSC|CMR|Rte|Route|RT)\s*\d{1,4},?\s*Box\s*\d{1,5}\b|\b(?:Rural Route|Star Route)\s*\d{1,4}(?:,?\s*Box\s*\d{1,5})?\b|\b(?:P\.?\s?O\.?\s?B(?:ox|\.)?|Post Office Box|POB|PMB|Box|p\.?\s?o\.?\s?box|po box)\s*#?\s*\d{1,6}\b/g;
const UNIT_ALONE = /\b(?:Apt|Apartment|Suite|Ste|Trlr|Flat)\.?\s*#?\s*(?:\d{1,5}[A-Z]?|[A-Z]\d{0,3})(?![\w-])|\b(?:apt|apartment|APT|APARTMENT)\.?\s*#?\s*\d{1,5}[A-Za-z]?(?![\w-])/g;
/** A ZIP after a state abbreviation written in lower or title case ("scranton pa 18503", "Erie, Pa 16501"); places.ts reads the capital forms. */
// "in", "or" and "me" are words too: never right after a number ("3 in 12345" counts).
const LOWER_STATE_ZIP = /\b(?:[Aa][lkzr]|[Cc][aot]|[Dd][ec]|[Ff]l|[Gg]a|[Hh]i|[Ii][dla]|[Kk][sy]|[Ll]a|[Mm][dainsot]|[Nn][evhjmycd]|[Oo][hk]|[Pp][ar]|[Rr]i|[Ss][cd]|[Tt][nx]|[Uu]t|[Vv][ta]|[Ww][aviy]|(?<!\d[ \t]*)(?:in|or|me|In|Or|Me))\.?,?[ \t]+(\d{5}(?:-\d{4})?)(?![\w-]|[.,]\d|[ \t]*(?:mg|mcg|ml|units?|%|steps|cells|copies|feet|ft|miles)\b)/g;
/** "PA, 19133", "Pennsylvania 19133", "new jersey 08002": ZIPs after a state written with a comma or in full, any case
 *  (a lower-case abbreviation is LOWER_STATE_ZIP's). */
const STATE_ZIP = new RegExp(`(?:\\b(?:${STATE_ABBR})\\.?,|\\b(?:${STATE_NAMES}),?)[ \\t]*(\\d{5}(?:-\\d{4})?)(?![\\w-]|[.,]\\d)`, 'gi');
/** A ZIP used as a place: "lives in 19133", "moved to the 08102 area", "zip code is 19133", "19133 zip". */
const ZIP_AS_PLACE = /\b(?:(?:lives?|living|resides?|residing|moved|moving|relocated|stays|staying|from)[ \t]+(?:in|to|near|from|at)?[ \t]*(?:the[ \t]+)?(\d{5}(?:-\d{4})?)(?![\w-]|[.,]\d|[ \t]*(?:mg|mcg|ml|units?|%|steps|cells|copies|feet|ft|miles)\b)|(?:zip|zipcode|zip[ \t]code|postal[ \t]code)(?:[ \t]+(?:is|of|was))?[ \t]*[:#]?[ \t]*(\d{5}(?:-\d{4})?)(?![\w-])|(\d{5}(?:-\d{4})?)[ \t]+(?:zip|zip[ \t]code|zipcode|area)\b)/gid;
/** "Boston 02115", "camden, 08102": a ZIP right after a town the gazetteer knows, no state between. */
const TOWN_ZIP = /\b((?:[A-Za-z][a-z.'’-]+[ \t]){0,2}[A-Za-z][a-z.'’-]+),?[ \t]+(\d{5}(?:-\d{4})?)(?![\w-]|[.,]\d|[ \t]*(?:mg|mcg|ml|units?|%|steps|cells|copies|feet|ft|miles)\b)/g;
const LOCAL_PHONE = /(?<![\w+\/.:$-])[2-9]\d{2}-\d{4}(?![\w-]|[.,]\d)/g;
/** International numbers: '+', a country code, then groups (8 to 15 digits in all). */
const INTL_PHONE = /(?<![\w+])\+(?:[1-9]\d{0,2})(?:[ .-]?\(?\d{1,4}\)?){2,5}(?![\w-])/g;

export function findStreetNumbers(text: string): Hit[] {
  // Cheap gates: the ZIP rules need a five-digit run, the capital lines an upper-case street type.
  const zips = /(?<![\d-])\d{5}(?![\d])/.test(text), caps = CAPS_GATE.test(text);
  const out: Hit[] = [
    // "1200 Oak Dr. Smith ...": a "Dr." before a name is a doctor, not the street's type.
    ...scan(text, CAPITALISED, 'ADDRESS', 'street address', 0, (m, _s, e) => !(/\bDr\.?$/.test(m[0]) && /^[ \t]+[A-Z][a-z]/.test(text.slice(e, e + 4)) && !/^[ \t]+(?:Apt|Suite|Ste|Unit)\b/.test(text.slice(e, e + 8)))),
    ...(caps ? scan(text, CAPS, 'ADDRESS', 'street address (upper case)', 0, (m) => m[1]!.trim().split(/[ \t]+/).every((w) => !NOT_IN_LOWER_STREET.test(w.toLowerCase()) && !/^(?:MG|MCG|ML|TAB|TABS|PO|IV|BID|TID|QID|PRN|BY|DAILY|PER|AND|OR|TO|THE|X)$/.test(w))) : []),
    ...findStreetNames(text),
    ...(zips ? [...scan(text, LOWER_STATE_ZIP, 'ZIP', 'ZIP after a state (lower case)', 1), ...zipsAsPlaces(text), ...townZips(text),
      ...scan(text, STATE_ZIP, 'ZIP', 'ZIP after a state', 1, (m) => !/^[a-z]{2}\.?,?$/.test(m[0].split(/[ \t]/)[0]!))] : []),
    ...scan(text, DIRECTED, 'ADDRESS', 'house number and directed street'),
    ...scan(text, NUMBERED_ROAD, 'ADDRESS', 'house number on a numbered road'),
    ...scan(text, TYPE_FIRST, 'ADDRESS', 'street named type first'),
    ...scan(text, LOWER, 'ADDRESS', 'street address (lower case)', 0, (m) => m[1]!.trim().split(/[ \t]+/).every((w) => !NOT_IN_LOWER_STREET.test(w))),
    ...scan(text, RURAL, 'ADDRESS', 'rural route or box', 0, (m) => /\d/.test(m[0])),
    ...scan(text, UNIT_ALONE, 'ADDRESS', 'apartment or unit number', 0, (m) => /^(?:Apt|Apartment|Trlr|Flat)/.test(m[0]) || /\d/.test(m[0]))
  ];
  out.push(...addressTails(text, out));
  out.push(...addressUnits(text, out));
  // A local number without its area code ("reach her at 555-0143"): weak, and never a value with a unit or an analyte.
  for (const m of text.matchAll(LOCAL_PHONE)) {
    // Value ranges share the shape: only round ones ("100-1500", "800-1200") are read as ranges here.
    const reading = clinicalReading(text, m.index, m.index + m[0].length);
    if (reading && (reading !== 'range of values' || /^\d\d0-\d\d00$/.test(m[0]))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, type: 'PHONE', reason: 'local phone number shape', weak: true });
  }
  for (const m of text.matchAll(INTL_PHONE)) {
    const n = m[0].replace(/\D/g, '').length;
    if (n >= 8 && n <= 15) out.push({ start: m.index, end: m.index + m[0].length, type: 'PHONE', reason: 'international phone number' });
  }
  return out;
}

/** "…Apt 3, philadelphia pa 19133", "…Rd, Barre, VT 05641-2211": the town and ZIP that close an address line, in any case. */
const TAIL = /^,?[ \t]+((?:[A-Za-z][A-Za-z.'’-]*[ \t]){0,2}[A-Za-z][A-Za-z.'’-]*),?[ \t]+(?:[A-Za-z]{2}|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)\.?,?[ \t]+(\d{5}(?:-\d{4})?)(?![\w-])/;
const TAIL_STOP = /^(?:to|from|in|at|on|of|the|and|or|but|moved|moving|lives|living|near|with|for|by|her|his|their|is|was|are|apt|unit|suite|call|phone|ph|cell|tel)$/i;
function addressTails(text: string, hits: Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const h of hits) {
    if (h.type !== 'ADDRESS' || !/\d/.test(text.slice(h.start, h.end))) continue;
    const t = TAIL.exec(text.slice(h.end, h.end + 60));
    // "PMB 221, moved to scranton pa 18503": the words between must be a town's, not a clause.
    if (!t || t[1]!.split(/[ \t]+/).some((w) => TAIL_STOP.test(w))) continue;
    const cityAt = h.end + t[0].indexOf(t[1]!), zipAt = h.end + t[0].length - t[2]!.length;
    out.push({ start: cityAt, end: cityAt + t[1]!.length, type: 'CITY', reason: 'town of a street address' });
    out.push({ start: zipAt, end: zipAt + t[2]!.length, type: 'ZIP', reason: 'ZIP of a street address' });
  }
  return out;
}

/** ", 2nd Fl", ", 9th Floor", ", Suite 110", ", unit 214 apartment" after a street address, or "Apt 2C, " before one: one address. */
const UNIT_AFTER = /^,?[ \t]*(?:\d{1,2}(?:st|nd|rd|th)[ \t]+(?:fl|flr|floor)\b\.?|(?:suite|ste\.?|apt\.?|apartment|unit|bldg\.?|building|rm\.?|room|#)[ \t]*#?[ \t]*[A-Za-z0-9-]{1,6}\b)(?:[ \t]+(?:apartment|apt|unit|rear|front|upstairs|downstairs)\b)?/i;
const UNIT_BEFORE = /(?:^|[^\w])((?:apt|apartment|unit|suite|ste)\.?[ \t]*#?[ \t]*[A-Za-z0-9-]{1,5},[ \t]*)$/i;

function addressUnits(text: string, hits: Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const h of hits) {
    if (h.type !== 'ADDRESS' || !/\d/.test(text.slice(h.start, h.end))) continue;
    const after = UNIT_AFTER.exec(text.slice(h.end, h.end + 40));
    const before = UNIT_BEFORE.exec(text.slice(Math.max(0, h.start - 24), h.start));
    if (!after && !before) continue;
    out.push({ start: before ? h.start - before[1]!.length : h.start, end: after ? h.end + after[0].length : h.end, type: 'ADDRESS', reason: h.reason });
  }
  return out;
}

function zipsAsPlaces(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(ZIP_AS_PLACE)) {
    const g = [1, 2, 3].find((i) => m[i]);
    if (g) { const [s, e] = m.indices![g]!; out.push({ start: s, end: e, type: 'ZIP', reason: 'ZIP as a place' }); }
  }
  return out;
}

function townZips(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(TOWN_ZIP)) {
    const words = m[1]!.split(/[ \t]/);
    // The longest run of last words that names a known town ("Cherry Hill 08002", "Boston 02115").
    const at = words.findIndex((_w, i) => cityPopulation(words.slice(i).join(' ')) > 0);
    if (at < 0) continue;
    // "count normal 12000": a one-word lower-case town must be no English word ("camden" is a town, "normal" here is not).
    const last = words[words.length - 1]!;
    if (at === words.length - 1 && !/^[A-Z]/.test(last) && isOrdinaryWord(last)) continue;
    const s = m.index + m[0].length - m[2]!.length;
    out.push({ start: s, end: s + m[2]!.length, type: 'ZIP', reason: 'ZIP after a town' });
  }
  return out;
}
