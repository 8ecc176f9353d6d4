/**
 * Places below the state found by context when the gazetteer rule (cities.ts) holds back
 * (issue 8 class 4):
 *  - neighbourhoods and districts: "in the Hill District", "the Cedar-Riverside neighborhood",
 *    "in the Southside area" (capitalised words before an area word, after a place word), and
 *    "lives in the Heights" (capitalised words after "the" after a residence verb; no region larger than a state);
 *  - a town before a local agency ("Flagstaff PD", "Tulsa Fire", "Mesa Public Schools"), lower case too
 *    ("yuma pd"), and lower-case counties ("coconino county": a word that is no ordinary word, or a town of 20,000+);
 *  - a large town whose name is also an English word, after a travel or residence verb or a relative
 *    ("referred from Mobile", "moved to Reading", "friends in Bend"): GeoNames towns of 50,000+;
 *  - a town before "area" ("in the Muskegon area", lower case "the wausau area": 10,000+, no ordinary word);
 *  - a lower-case town of one word after a place preposition when it is no English, clinical or drug
 *    word ("grew up in pawhuska");
 *  - lower-case town names of two or three words after a place word ("at bryn mawr",
 *    "in cherry hill") when the gazetteer knows the phrase and one word is no ordinary word,
 *    or the phrase is a town of 20,000+.
 * Never a place here: place-named diseases (Lyme, West Nile), a name with a clinical head word
 * after it, states and countries (a state may stay in a Safe Harbor copy).
 * Invariants: hits are typed CITY and cover whole words; spans index the original text.
 */
import { type Hit } from './hits';
import { DRUGS, EPONYMS, PLACE_DISEASES } from './lexicon';
import { codeSetWords } from './vocabulary';
import { cityPopulation } from './gazetteer';
import { isStop } from './name-words';
import { isOrdinaryWord } from './ordinary';
import { CLINICAL_HEAD } from './people';
import { STATE_NAMES } from './places';
import { isCountry } from './tokens';

const CAP = String.raw`\p{Lu}[\p{Ll}'’]+`;
const AREA_NAME = String.raw`${CAP}(?:-${CAP})*(?:[ \t]+${CAP}(?:-${CAP})*){0,2}`;
const STATE = new RegExp(`^(?:${STATE_NAMES})$`, 'i');
const AREA_WORD = /^(?:neighbou?rhood|area|district|section|side|part of town|projects|community|reservation|township|borough|suburbs?)$/i;
const NOT_AREA = /^(?:Emergency|Waiting|Surgical|Recovery|Treatment|Exam|Examination|Procedure|Affected|Injured|Operative|Pelvic|Groin|Perineal|Sacral|Buttock|Chest|Left|Right|Upper|Lower|Same|Other|This|That|General|Medical|Surgery|Catchment|Service|Metro|Rural|Urban|Shelter|Housing|Low-income|Low|High)$/;
const PLACE_CUE = /\b(?:in|from|near|around|to|of|at|into|outside(?: of)?|throughout|across|lives in|living in)[ \t]+(?:the[ \t]+)?$/i;
const RESIDENCE_BEFORE = /\b(?:lives?|living|lived|resides?|residing|stays?|staying|moved|moving|relocated|grew up|raised|born|from|near|home|house|apartment|family)\b[^.\n]{0,12}$/i;
const TRAVEL_CUE = /\b(?:(?:friends|family|relatives|sister|brother|daughter|son|mother|father|mom|dad|parents|kids|grandkids|cousins?|aunt|uncle|niece|nephew|girlfriend|boyfriend|wife|husband)[ \t]+(?:in|near|up in|down in|out in)|staying[ \t]+(?:with[ \t]+[A-Za-z ]{1,24}?[ \t]+)?in|commutes?[ \t]+(?:from|to)|drives?[ \t]+(?:in[ \t]+)?from|referred from|transferred from|moved (?:here )?(?:to|from)|relocated (?:to|from)|lives in|living in|lived in|resides in|residing in|born in|raised in|grew up in|drove (?:up |down |in )?(?:from|to)|flew (?:in )?(?:from|to)|came (?:up |down |in )?from|visiting (?:family )?in|back (?:home )?to|home (?:to|in)|trip to|traveled to|travelled to|is from|was from|originally from)[ \t]+$/i;
const RESIDENCE_THE = /\b(?:lives?|living|lived|resides?|residing|stays?|staying|stayed|moved|moving|grew up|raised|born)[ \t]+(?:(?:here|now|over|out|back|up)[ \t]+)?(?:in|on|to|into)[ \t]+the[ \t]+$/i;
/** Regions larger than a state, countries written with "the", and unit, facility or ordinary words a residence verb may take. */
const NOT_NEIGHBOURHOOD = /^(?:Midwest|Northeast|Northwest|Southeast|Southwest|South|North|East|West|Pacific|Atlantic|Deep|New|England|Coast|Plains|Rockies|Mountains|Sunbelt|Rust|Belt|Bible|Gulf|Great|Lakes|United|States|Philippines|Netherlands|Bahamas|Caribbean|Middle|Far|Orient|Hospital|Clinic|ICU|Unit|Home|House|Shelter|Facility|Moment|Past|Present|Future|Meantime|Process|Military|Army|Navy|Service|System|Community|Area|City|Country|County|State|World|Same|Other|Back|Front|Basement|Garage|Car|Woods|Street|Streets)$/;
const AGENCY_AFTER = /^[ \t]+(?:PD|P\.D\.|FD|Police|Fire(?:[ \t]+(?:Department|Dept|Rescue))?|EMS|Sheriff|Transit|Public[ \t]+Schools|City[ \t]+Schools|ISD|Unified|School[ \t]+District|Housing[ \t]+Authority|Municipal[ \t]+Court|City[ \t]+Jail)\b/;

const disease = (text: string, start: number) => PLACE_DISEASES.some((d) => text.slice(start, start + d.length).toLowerCase() === d.toLowerCase());
const clinicalAfter = (text: string, end: number) => CLINICAL_HEAD.test(text.slice(end, end + 40).replace(/^['’]s/, '').trimStart());
const placeOk = (text: string, start: number, end: number) => {
  const s = text.slice(start, end);
  return !disease(text, start) && !clinicalAfter(text, end) && !STATE.test(s) && !isCountry(s);
};

export function findContextPlaces(text: string): Hit[] {
  const out: Hit[] = [];
  const push = (start: number, end: number, reason: string) => { if (placeOk(text, start, end)) out.push({ start, end, type: 'CITY', reason }); };
  // "in the Hill District", "the Cedar-Riverside neighborhood".
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])the[ \t]+(${AREA_NAME})(?:[ \t]+(neighbou?rhood|area|district|section|side|projects|community|reservation|township|borough|suburbs?|District|Heights|Hills|Village|Flats|Bottoms|Projects|Reservation|Township|Borough|Corridor|Quarter|Ward))?(?![\p{L}])`, 'gu'))) {
    let name = m[1]!, area = m[2];
    // "the Hill District": the name took the capitalised area word.
    const tail = /[ \t]+(District|Heights|Hills|Village|Flats|Bottoms|Projects|Reservation|Township|Borough|Corridor|Quarter|Ward)$/.exec(name);
    if (!area && tail) { area = tail[1]!; name = name.slice(0, tail.index); }
    if (!area) continue;
    const first = name.split(/[ \t-]+/)[0]!;
    // "the Broca area", "the sacral area": an eponym or an anatomical word names a body region, not a neighbourhood.
    // A bare "area" or "side" needs a residence word before it ("lives in the Southside area", not "in the Broca area").
    const lowerArea = /^\p{Ll}/u.test(area);
    const bodyWord = (w: string) => lowerArea && (EPONYMS.has(w.toLowerCase()) || DRUGS.has(w.toLowerCase()) || codeSetWords().has(w.toLowerCase()));
    // A town the gazetteer knows needs no residence word ("works in the Muskegon area"); an eponym or a body word never is one.
    const town = cityPopulation(name) > 0 && !name.split(/[ \t-]+/).some((w) => EPONYMS.has(w.toLowerCase()) || DRUGS.has(w.toLowerCase()) || codeSetWords().has(w.toLowerCase()));
    if (lowerArea && /^(?:area|side|section|community)$/.test(area) && !town && !RESIDENCE_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    if (NOT_AREA.test(first) || isStop(first) || name.split(/[ \t-]+/).some(bodyWord) || !PLACE_CUE.test(text.slice(Math.max(0, m.index - 24), m.index) + 'the ')) continue;
    const start = m.index + m[0].indexOf(name);
    // "the Hill District": a capitalised area word is part of the name; a lower-case one is not ("area" is no clinical head here).
    const end = AREA_WORD.test(area) && /^\p{Ll}/u.test(area) ? start + name.length : m.index + m[0].length;
    if (!disease(text, start) && !clinicalAfter(text, m.index + m[0].length)) out.push({ start, end, type: 'CITY', reason: 'neighbourhood or district' });
  }
  // "moved to the wausau area": a lower-case town of 10,000+ the gazetteer knows, no ordinary word, before "area".
  for (const m of text.matchAll(/(?<![\p{L}])the[ \t]+([\p{Ll}]{3,}(?:[ \t]+[\p{Ll}]{3,})?)[ \t]+area\b/gu)) {
    const name = m[1]!;
    if (cityPopulation(name) >= 10_000 && !name.split(/[ \t]+/).every((w) => isOrdinaryWord(w)) && PLACE_CUE.test(text.slice(Math.max(0, m.index - 24), m.index) + 'the ')) {
      const start = m.index + m[0].indexOf(name);
      // Not push(): "area" is a clinical head word ("Broca area"), and this town is no eponym.
      if (!disease(text, start)) out.push({ start, end: start + name.length, type: 'CITY', reason: 'town before "area" (lower case)' });
    }
  }
  // "coconino county", "st. tammany parish", "yuma pd", "bozeman fire dept": lower-case counties and towns before a local agency.
  for (const m of text.matchAll(/(?<![\p{L}.])((?:(?:st\.?|saint|fort|ft\.|mount|mt\.)[ \t]+)?(?!county\b|parish\b)[\p{Ll}]{3,}(?:[ \t]+(?!county\b|parish\b)[\p{Ll}]{3,})?)[ \t]+(county|parish|borough|pd|ems|fd|police|sheriff|fire(?:[ \t]+(?:dept|department|rescue))?)(?![\p{L}])/gu)) {
    let name = m[1]!;
    const county = /^(?:county|parish|borough)$/.test(m[2]!);
    // "a rural county", "the other county jail": the words must carry a name, not just describe.
    while (name.includes(' ') && (isStop(name.split(/[ \t]+/)[0]!) || isOrdinaryWord(name.split(/[ \t]+/)[0]!) && !cityPopulation(name))) name = name.slice(name.indexOf(' ') + 1);
    const words = name.split(/[ \t]+/);
    if (words.some((w) => isStop(w) || DRUGS.has(w) || EPONYMS.has(w))) continue;
    const named = words.some((w) => !isOrdinaryWord(w)) || cityPopulation(name) >= 20_000;
    if (!named || (!county && !cityPopulation(name))) continue;
    const start = m.index + m[1]!.length - name.length;
    const end = county ? m.index + m[0].length : start + name.length;
    if (!disease(text, start)) out.push({ start, end, type: 'CITY', reason: county ? 'county (lower case)' : 'town before a local agency (lower case)' });
  }
  // "lives in the Heights", "staying in the Tenderloin": capitalised words after "the" after a residence verb name a neighbourhood
  // (never a region larger than a state, a country, a unit or facility word, a clinical word).
  for (const m of text.matchAll(/(?<=\bthe[ \t]+)(\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)?)(?![\p{L}'’-])/gu)) {
    if (!RESIDENCE_THE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const name = m[1]!;
    const words = name.split(/[ \t]+/);
    // No eponym veto here: after "lives on the", "Hill" is no Hill-Sachs lesion.
    if (words.some((w) => isStop(w) || NOT_NEIGHBOURHOOD.test(w) || DRUGS.has(w.toLowerCase())) || isCountry(name) || isCountry(`the ${name}`) || STATE.test(name)) continue;
    push(m.index, m.index + name.length, 'neighbourhood after a residence verb');
  }
  // "Flagstaff PD", "Tulsa Fire": a town before a local agency.
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(${CAP}(?:[ \t]+${CAP}){0,2})(?=${AGENCY_AFTER.source.slice(1)})`, 'gu'))) {
    let name = m[1]!;
    while (!cityPopulation(name) && name.includes(' ')) name = name.slice(name.indexOf(' ') + 1);
    if (cityPopulation(name) > 0) { const s = m.index + m[1]!.length - name.length; push(s, s + name.length, 'town before a local agency'); }
  }
  // "referred from Mobile": a large town that is also an English word, after a travel or residence verb.
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(${CAP}(?:[ \t]+${CAP})?)(?![\p{L}])`, 'gu'))) {
    if (!TRAVEL_CUE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    let name = m[1]!;
    if (!cityPopulation(name) && name.includes(' ')) name = name.slice(0, name.indexOf(' '));
    if (cityPopulation(name) >= 50_000 && !isStop(name)) push(m.index, m.index + name.length, 'large town after a travel word');
  }
  // "grew up in pawhuska", "her mom in tahlequah": a lower-case town the gazetteer knows that is no English, clinical or drug word, after a place preposition.
  for (const m of text.matchAll(/(?<=\b(?:in|to|from|near|past|beyond|toward|towards|outside(?:[ \t]+of)?|around|out[ \t]+of)[ \t]+)([\p{Ll}]{4,})(?![\p{L}'’-])/gu)) {
    const w = m[1]!;
    if (cityPopulation(w) > 0 && !isOrdinaryWord(w) && !DRUGS.has(w) && !EPONYMS.has(w) && !isStop(w)) push(m.index, m.index + w.length, 'town name after a place word (lower case)');
  }
  // "at bryn mawr", "in cherry hill": lower-case town names of two or three words after a place word.
  for (const m of text.matchAll(/(?<![\p{L}])([\p{Ll}]{3,}(?:[ \t]+[\p{Ll}]{2,}){1,2})(?![\p{L}])/gu)) {
    if (!PLACE_CUE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    const words = m[1]!.split(/[ \t]+/);
    for (let n = words.length; n >= 2; n--) {
      const phrase = words.slice(0, n).join(' ');
      const pop = cityPopulation(phrase);
      if (!pop || words.slice(0, n).some((w) => isStop(w))) continue;
      if (pop >= 20_000 || words.slice(0, n).some((w) => !isOrdinaryWord(w))) push(m.index, m.index + phrase.length, 'town name (lower case)');
      break;
    }
  }
  return out;
}
