/**
 * Towns named alone in places any writer uses for a town, where the gazetteer rule (cities.ts)
 * holds back because the name is also an English word or a given name (Orange, Troy, Tupelo):
 *  - after a facility word and "in": "CHOC Children's ED in Orange", "Maple Grove Rehab in Troy";
 *  - in brackets after a name signing a message: "- Shantel (Tupelo)", "-- Marguerite T. (Muncie)";
 *  - as the attribute of a transfer, referral or unit: "the Grand Island transfer", "our Kokomo unit".
 * Never here: a place-named disease, a clinical head after the name, a drug; an English word or
 * frequent given name alone as an attribute ("the Mobile unit", "the Grace referral").
 * Invariants: hits are typed CITY, cover whole capitalised words, and the gazetteer holds the
 * phrase with 10,000 people or more; spans index the text.
 */
import { type Hit } from './hits';
import { DRUGS, isClinicalOrCommon, nameLists, PLACE_DISEASES } from './lexicon';
import { cityPopulation } from './gazetteer';
import { isStop } from './name-words';
import { CLINICAL_HEAD } from './people';
import { englishWords } from './vocabulary';

const TOWN = String.raw`\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+){0,2}`;
const MIN_POPULATION = 10_000;
/** A facility word right before "in" (capitalised as part of a name, or a unit abbreviation). */
const FACILITY_IN = new RegExp(String.raw`(?<![\p{L}])(?:ED|ER|ICU|SNF|LTACH|Hospital|Rehab|Rehabilitation|Clinic|Center|Centre|Home|Care|Health|Medical|Memorial|Regional|Children['’]s|Pharmacy|Dialysis|Urgent[ \t]+Care|Nursing[ \t]+Home|Living|Manor|Village)[ \t]+in[ \t]+(${TOWN})(?![\p{L}])`, 'gu');
/** A sign-off dash, one or two name words or an initial, then the town in brackets closing the line. */
const SIGNOFF_TOWN = new RegExp(String.raw`[-–—~][ \t]*\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}(?:\.|[\p{L}'’-]+))?[ \t]*\((${TOWN})\)[ \t]*(?:\n|$)`, 'gu');
/** Words naming a thing a town may qualify. */
const TOWN_ATTRIBUTE = new RegExp(String.raw`(?<![\p{L}])(?:the|our|their|your|a|an)[ \t]+(${TOWN})[ \t]+(?:transfers?|transport|referrals?|unit|office|campus|site|location|branch|satellite|clinic)\b`, 'gu');

const englishWordLike = (w: string) => isStop(w) || isClinicalOrCommon(w) || englishWords().has(w.toLowerCase());
const frequentGivenName = (w: string) => (nameLists()?.first.get(w.toLowerCase()) ?? 0) >= 0.01;

/** The longest leading run of the words that the gazetteer holds as a town of MIN_POPULATION+, or null. */
function townAt(phrase: string): string | null {
  const words = phrase.split(/[ \t]+/);
  for (let n = words.length; n >= 1; n--) {
    const p = words.slice(0, n).join(' ');
    if (cityPopulation(p) >= MIN_POPULATION) return p;
  }
  return null;
}

function placeOk(text: string, start: number, town: string): boolean {
  const lower = text.slice(start, start + 60).toLowerCase();
  const after = text.slice(start + town.length, start + town.length + 40).replace(/^['’]s/, '').trimStart();
  return !PLACE_DISEASES.some((d) => lower.startsWith(d.toLowerCase())) && !CLINICAL_HEAD.test(after) && !DRUGS.has(town.toLowerCase());
}

export function findTownCues(text: string): Hit[] {
  const out: Hit[] = [];
  const take = (m: RegExpMatchArray, reason: string, strict: boolean) => {
    const town = townAt(m[1]!);
    if (!town) return;
    // As a bare attribute an English word or a frequent given name is more often the thing or the person.
    if (strict && !/[ \t]/.test(town) && (englishWordLike(town) || frequentGivenName(town))) return;
    const start = m.index! + m[0].indexOf(m[1]!);
    if (placeOk(text, start, town)) out.push({ start, end: start + town.length, type: 'CITY', reason });
  };
  // "Maple Grove Rehab in Troy": a facility is somewhere, and "in" after it names the town.
  for (const m of text.matchAll(FACILITY_IN)) take(m, 'town after a facility and "in"', false);
  // "- Shantel (Tupelo)": a signer's town in brackets.
  for (const m of text.matchAll(SIGNOFF_TOWN)) take(m, 'town in brackets after a signing name', false);
  // "the Grand Island transfer": the town the transfer or unit is from.
  for (const m of text.matchAll(TOWN_ATTRIBUTE)) take(m, 'town naming a transfer or unit', true);
  return out;
}
