/**
 * Geography below the state: street addresses, PO boxes, cities and ZIP codes. The state itself
 * is allowed by Safe Harbor and stays in the text ("[CITY], MN [ZIP]").
 * Invariant: a city is only flagged with evidence (the patient's own city, a ", ST"/", State"
 * suffix, "Town ST 12345", a city label, or a residence phrase), never because a word is capitalised.
 */
import { before, scan, type Hit } from './hits';
import { TOK } from './name-words';
import { CAR_MAKERS } from './product-context';
import { isCountry } from './tokens';
import { cityPopulation } from './gazetteer';
import { isClinicalOrCommon } from './lexicon';
import { codeSetWords } from './vocabulary';

const SUFFIX = 'Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy|Terrace|Ter|Circle|Cir|Square|Sq|Trail|Trl|Garden|Gardens|Row|Loop|Path|Pike|Alley|Crescent|Close|Plaza|Route|Rte';
const DIR = '(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\\.?';
const UNIT = '(?:,?\\s*(?:Apt|Apartment|Unit|Suite|Ste|Lot|#)\\.?\\s*#?\\s*[A-Z0-9-]{1,6})?';
// One line only ("Unit: 4 West\n\nDr. Eze" is a ward and a doctor), and never a clock time before a verb ("0430 Notified Dr. Hunt").
const STREET = new RegExp(`(?<![\\w/.-])\\d{1,6}[A-Z]?[ \\t]+(?:${DIR}[ \\t]+)?(?:(?:${TOK}|\\d{1,3}(?:st|nd|rd|th))[ \\t]+){1,3}(?:${SUFFIX})\\b\\.?(?:[ \\t]+${DIR}(?![\\w]))?${UNIT}`, 'g');
/** "0430 Notified Dr.", "2215 Paged Dr.": a clock time, a verb of the nurse's, then a doctor. */
const TIME_VERB_DOCTOR = /^(?:[01]\d|2[0-3])[0-5]\d[ \t]+(?:[A-Z][a-z]+ed|Spoke[ \t]+with|Per|Discussed[ \t]+with|Spoke[ \t]+to|Text(?:ed)?|Message[ \t]+to)[ \t]+Dr\.?$/;
/** Numbered local roads ("Route 9", "hwy 61", "County Road 12") locate a person like a street; interstates cross states and stay. */
const ROAD = /\b(?:(?:Route|Rte|Highway|Hwy|State Route|County Road|County Rd|Farm to Market)[ \t-]*#?\d{1,4}[A-Z]?)(?![\w-])/gi;
const PO_BOX = /\bP\.?\s?O\.?\s+Box\s+\d+/gi;
const UNIT_ALONE = /\b(?:Apt|Apartment|Suite|Ste)\.?\s*#?\s*\d+[A-Z]?\b/g;
/** "Unit 3C": a unit with a letter is a flat ("Unit 5 ICU" is a ward). */
const UNIT_LETTER = /\b(?:Unit|Bldg|Building)\.?\s*#?\s*\d{1,4}[A-Z](?![\w-])/g;
/** "Lot 22", "Space 14", "Unit 7": a plot or a flat after a residence word ("her trailer is Lot 22"). */
const PLOT = /\b(?:Unit|Lot|Space|Trailer|Site|Cabin)\s+#?\d{1,4}[A-Z]?(?![\w-])/g;
const PLOT_CONTEXT = /\b(?:lives?|living|lived|resides?|residing|stays?|staying|trailer|mobile home|manufactured home|RV|camper|park|court|apartments?|complex|address|moved)\b[^.\n]{0,40}$/i;

export const STATE_ABBR = 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
export const STATE_NAMES = 'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming';
/** Abbreviations that are also credentials or clinical words ("Patel, MD", "to the OR"). */
const AMBIGUOUS_STATES = new Set(['MD', 'PA', 'MA', 'ND', 'DC', 'CO', 'OR', 'IN', 'ME', 'OK', 'HI', 'ID', 'LA', 'MS', 'NE', 'SC', 'DE', 'MO', 'AR']);
const CITY_TOKS = `(?:(?:St\\.|Saint|Fort|Ft\\.|Mount|Mt\\.|New|San|Santa|Los|Las|El|La|Port|Lake)\\s+)?${TOK}(?:\\s+${TOK}){0,2}`;
const CITY_STATE = new RegExp(`(${CITY_TOKS}),\\s*(?:(${STATE_ABBR})(?![\\w-])|(${STATE_NAMES})\\b)(\\s+\\d{5}(?:-\\d{4})?(?!\\d))?`, 'g');
const RESIDENCE = new RegExp(`\\b(?:lives|living|resides|residing|resident|moved|relocated|home|native|visiting|hometown|transferred|travell?ed|trip|brought|came|driven|flown)\\s+(?:here\\s+)?(?:in|from|to|of|near|back to|(?:on|off)\\s+[A-Z][A-Za-z' ]{2,30}?\\s+in)\\s+(${CITY_TOKS})`, 'g');
const UPPER_RESIDENCE = /\b(?:LIVES|LIVING|LIVED|RESIDES|RESIDING|MOVED|RELOCATED|FROM|NATIVE OF)[ \t]+(?:HERE[ \t]+)?(?:IN|FROM|TO|NEAR|OF)[ \t]+([A-Z]{3,}(?: [A-Z]{3,})?)(?![\p{L}])/gu;
const CITY_RUN = `(?:(?:St\\.|Ft\\.|Mt\\.)[ \\t]+)?${TOK}(?:[ \\t]+${TOK}){0,3}`;
const CITY_STATE_ZIP = new RegExp(`(?<![\\p{L}])(${CITY_RUN})[ \\t]+(?:${STATE_ABBR})[ \\t]+\\d{5}(?:-\\d{4})?(?!\\d)`, 'gu');
const CITY_LABEL = new RegExp(`(?:^|\\n)[ \\t]*(?:[Cc]ity(?:[ \\t]*[/,][ \\t]*(?:[Ss]tate|ST))?(?:[ \\t]*[/,][ \\t]*(?:[Zz]ip|ZIP))?|CITY|[Tt]own|[Hh]ometown|[Bb]irthplace|[Pp]lace of birth|POB)[ \\t]*:[ \\t]*(${CITY_RUN})`, 'gu');
const NOT_CITY = /^(?:the|a|an|our|his|her|their|this|that|Patient|Hospital|Clinic|Emergency|Medical|County|ED|ER|ICU|North|South|East|West|January|February|March|April|May|June|July|August|September|October|November|December)$/;
const ZIP_AFTER_STATE = new RegExp(`\\b(?:${STATE_ABBR}|${STATE_NAMES})\\s+(\\d{5}(?:-\\d{4})?)(?!\\d)`, 'g');
const ZIP_LABEL = /\b(?:zip|zip code|postal code|zipcode)\s*[:#]?\s*(\d{5}(?:-\d{4})?)(?!\d)/gi;

/** A plate word after the state ("Ohio plate", "Texas tag", "MD tags", "IN lic"). */
const PLATE_AFTER = /^[ \t]*(?:license[ \t]+)?(?:plates?|tags?|lic(?:ense)?|registration|reg)\b/i;
/** National car makers: the word after one is a model, not a town ("Honda Civic, Texas"). */
const CAR_MAKER_BEFORE = new RegExp(`\\b(?:${CAR_MAKERS})[ \\t]+$`);

export function findPlaces(text: string): Hit[] {
  const out: Hit[] = [
    ...scan(text, STREET, 'ADDRESS', 'street address', 0, (m) => !TIME_VERB_DOCTOR.test(m[0])),
    ...scan(text, PO_BOX, 'ADDRESS', 'PO box'),
    ...scan(text, ROAD, 'ADDRESS', 'numbered road'),
    ...scan(text, UNIT_ALONE, 'ADDRESS', 'apartment or suite'),
    ...scan(text, UNIT_LETTER, 'ADDRESS', 'apartment or suite'),
    ...scan(text, ZIP_AFTER_STATE, 'ZIP', 'ZIP after state', 1),
    ...scan(text, ZIP_LABEL, 'ZIP', 'labelled ZIP', 1)
  ];
  for (const m of text.matchAll(CITY_STATE)) {
    const [, city, abbr, , zip] = m;
    if (abbr && AMBIGUOUS_STATES.has(abbr) && !zip) {
      // "Patel, MD" is a signature; accept only with place context before the city.
      const pre = before(text, m.index, 40);
      if (!/(?:\b(?:in|from|to|near|of|at)\s+|(?:St|Ave|Rd|Blvd|Dr|Ln|Way|Street|Avenue|Road|Drive|Lane|Court|Ct|Pl)\.?,\s*|\d+[A-Z]?,\s*)$/.test(pre)) continue;
    }
    const c = trimCity(city!, m.index);
    // "his mother's Corolla, Maryland tag 2EX4471", "a gray Honda Accord, Ohio plate": a state before a plate word is the
    // plate's, and the word before it the car; so is a word after a car maker's name.
    if (c && (PLATE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20)) || CAR_MAKER_BEFORE.test(before(text, c.start, 16)))) continue;
    if (c) out.push({ ...c, type: 'CITY', reason: 'city before state' });
  }
  // "Chandler AZ 85225", "City/State/Zip: Mesa, AZ": a town before a state and a ZIP without a comma, or after a city label.
  for (const m of text.matchAll(CITY_STATE_ZIP)) {
    const c = knownTown(m[1]!, m.index, true);
    if (c) out.push({ ...c, type: 'CITY', reason: 'city before state and ZIP' });
  }
  for (const m of text.matchAll(CITY_LABEL)) {
    const c = knownTown(m[1]!, m.index + m[0].length - m[1]!.length, false);
    if (c) out.push({ ...c, type: 'CITY', reason: 'city label' });
  }
  for (const m of text.matchAll(RESIDENCE)) {
    const c = trimCity(m[1]!, m.index + m[0].length - m[1]!.length);
    if (c) out.push({ ...c, type: 'CITY', reason: 'place of residence' });
  }
  // "LIVES IN PETAL W/ WIFE", "MOVED FROM TUPELO": the same in upper-case notes; a town the gazetteer knows, never a clinical word.
  for (const m of text.matchAll(UPPER_RESIDENCE)) {
    const title = (w: string) => w.split(' ').map((x) => x[0] + x.slice(1).toLowerCase()).join(' ');
    const words = m[1]!.split(' ');
    const town = [words.join(' '), words[0]!].find((t) => cityPopulation(title(t)) > 0 && !isClinicalOrCommon(t) && (!codeSetWords().has(t.toLowerCase()) || cityPopulation(title(t)) >= 20_000) && !/^(?:THE|A|AN|HIS|HER|THEIR|HOME|TOWN|CITY|COUNTY|STATE|AREA)$/.test(t));
    if (town) out.push({ start: m.index + m[0].length - m[1]!.length, end: m.index + m[0].length - m[1]!.length + town.length, type: 'CITY', reason: 'place of residence (upper case)' });
  }
  // "a shelter on Mission St", "Walgreens on Peoria Ave": a street without a number, after a place word.
  out.push(...scan(text, new RegExp(`\\b(?:on|off|at|near|along)\\s+((?:${TOK}\\s+){1,2}(?:Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Lane|Ln|Parkway|Pkwy|Highway|Hwy|Court|Ct|Place|Pl|Drive|Terrace|Circle)\\b\\.?)`, 'g'), 'ADDRESS', 'street name', 1));
  // "lives on Calle Sol": a street named without a number is still an address.
  out.push(...scan(text, new RegExp(`\\b(?:lives|living|resides|residing|stays)\\s+(?:on|off)\\s+(${TOK}(?:\\s+${TOK}){0,2})`, 'g'), 'ADDRESS', 'street of residence', 1));
  // Counties and parishes are geography below the state too ("Volusia County").
  out.push(...scan(text, new RegExp(`\\b(?:${TOK}[ \\t]+){1,2}(?:County|Parish|Borough)\\b`, 'g'), 'CITY', 'county'));
  for (const m of text.matchAll(PLOT)) {
    if (PLOT_CONTEXT.test(text.slice(Math.max(0, m.index - 50), m.index))) out.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS', reason: 'lot or unit of a residence' });
  }
  // The town after a street address ("41 Quarry Hill Rd, Barre").
  for (const h of out.filter((x) => x.type === 'ADDRESS')) {
    const t = new RegExp(`^,[ \\t]*(${CITY_TOKS})(?![\\w-])`).exec(text.slice(h.end, h.end + 40));
    if (t && cityPopulation(t[1]!) > 0) { const s = h.end + t[0].length - t[1]!.length; out.push({ start: s, end: s + t[1]!.length, type: 'CITY', reason: 'town after a street address' }); }
  }
  // A ZIP right after a city found here ("Laredo, 78046"); detect.ts applies the same to every rule's and the recogniser's towns.
  out.push(...zipsAfterPlaces(text, out));
  return out;
}

/** The longest run of the words that the gazetteer knows, ending at the last word (before a state) or starting at the first (after a label). */
function knownTown(words: string, start: number, endAnchored: boolean): { start: number; end: number } | null {
  const ws = [...words.matchAll(/\S+/g)];
  for (let n = Math.min(ws.length, 4); n >= 1; n--) {
    const pick = endAnchored ? ws.slice(ws.length - n) : ws.slice(0, n);
    const s = pick[0]!.index, e = pick[n - 1]!.index + pick[n - 1]![0].length;
    // "Norco MD 10325": a drug or an eponym before a state-like abbreviation is no town.
    if (cityPopulation(words.slice(s, e)) > 0 && !(n === 1 && isClinicalOrCommon(words.slice(s, e)))) return { start: start + s, end: start + e };
  }
  return null;
}

/** Drops leading words like "Patient" that the capitalised-token pattern swallowed. */
function trimCity(city: string, start: number): { start: number; end: number } | null {
  const words = [...city.matchAll(/\S+/g)];
  let i = 0;
  while (i < words.length && NOT_CITY.test(words[i]![0])) i++;
  if (i >= words.length) return null;
  const last = words[words.length - 1]!;
  if (NOT_CITY.test(last[0])) return null;
  // A state or a country may stay in a Safe Harbor copy ("a trip to Connecticut").
  if (new RegExp(`^(?:${STATE_NAMES})$`).test(city.slice(words[i]!.index)) || isCountry(city.slice(words[i]!.index))) return null;
  return { start: start + words[i]!.index, end: start + last.index + last[0].length };
}

/** "Laredo, 78046", "2716 Larkspur Ln, Eastbrook, 40921", "Riverport 43607": five digits right after a town or a street found, with no state between, are its ZIP (never a count: "20000 steps"). */
const ZIP_NEXT = /^,?\s*(\d{5}(?:-\d{4})?)(?![\d-]|[.,]\d|[ \t]*(?:mg|mcg|ml|units?|%|x|times|steps|feet|ft|lbs?|kg)\b)/i;

export function zipsAfterPlaces(text: string, hits: Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const h of hits) {
    if (h.type !== 'CITY' && h.type !== 'ADDRESS') continue;
    const m = ZIP_NEXT.exec(text.slice(h.end, h.end + 20));
    if (m) out.push({ start: h.end + m[0].length - m[1]!.length, end: h.end + m[0].length, type: 'ZIP', reason: h.type === 'CITY' ? 'ZIP after city' : 'ZIP after a street' });
  }
  return out;
}
