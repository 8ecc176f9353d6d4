/**
 * Cities and towns named without a state ("treated in Chicago", "moved from Miami"), looked up
 * in the GeoNames gazetteer (gazetteer.ts) with context:
 *  - a capitalised gazetteer name after a place word (in, from, to, near, visiting...) is a city;
 *  - a capitalised large city (100,000+) needs no cue unless it is also a common name or word;
 *  - a lower-case name needs a residence cue ("lives in boise", "outside of ruidoso") or its state after it
 *    (any town of 1,000+), or another place word and a town of 20,000+ ("in lodi").
 * Invariants: place-named diseases (Lyme, West Nile, Rocky Mountain spotted fever...) and any
 * name followed by a clinical head word are never cities; a word after an honorific is a person.
 */
import { type Hit } from './hits';
import { isClinicalOrCommon, nameLists, PLACE_DISEASES } from './lexicon';
import { cityPopulation, longestCityWords } from './gazetteer';
import { isStop } from './name-words';
import { CLINICAL_HEAD, SCORE_AFTER } from './people';
import { isEnglish, isTitle, type Token } from './tokens';
import { findContextPlaces } from './place-context';
import { medicalNounAfter } from './proper-nouns';
import { isOrdinaryWord } from './ordinary';
import { findTownCues } from './town-cues';

const PLACE_CUE = /\b(?:in|from|to|near|at|of|visiting|visited|moved|lives|living|resides|residing|born|relocated|outside|around|toward|towards|via|hometown|native|trip|drove|flew|returned)\s+(?:the\s+)?$/i;
const RESIDENCE_CUE = /\b(?:lives|live|lived|living|stays|staying|resides|residing|moved|moving|relocated|relocating|visiting|born|raised|home)\s+(?:back\s+)?(?:in|to|from|near)\s+$|\b(?:from|outside(?: of)?|near)\s+$/i;
const HONORIFIC_BEFORE = /\b(?:Dr|Mr|Mrs|Ms|Miss|Prof|Rev|Nurse)\.?\s+$/i;
/** ", ark", " nm", ", Texas" right after a name: the name is a town of that state. */
const STATE_AFTER = /^,?[ \t]+(?:al|ak|az|ar|ark|ca|calif|co|colo|ct|conn|de|fl|fla|ga|hi|id|il|ill|in|ind|ia|ks|kan|ky|la|me|md|ma|mass|mi|mich|mn|minn|ms|miss|mo|mt|ne|neb|nv|nev|nh|nj|nm|ny|nc|nd|oh|ok|okla|or|ore|pa|penn|ri|sc|sd|tn|tenn|tx|tex|texas|ut|vt|va|wa|wash|wv|wi|wis|wy|alabama|alaska|arizona|arkansas|california|colorado|florida|georgia|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|ohio|oklahoma|oregon|tennessee|utah|vermont|virginia|wisconsin|wyoming)\b(?![ \t]*\d{1,2}\b)/i;
const CITY_WORD = /^[A-Za-z][A-Za-zà-ÿ'’-]*$/;

const lowerStart = (text: string, start: number) => text.slice(start, start + 60).toLowerCase();
const isPlaceDisease = (text: string, start: number) => PLACE_DISEASES.some((d) => lowerStart(text, start).startsWith(d.toLowerCase()));

/** A common first name or frequent surname: as a city it needs a place word before it. */
function alsoAName(word: string): boolean {
  const l = nameLists();
  const w = word.toLowerCase();
  return (l?.first.get(w) ?? 0) >= 0.01 || (l?.last.get(w) ?? Infinity) <= 5000;
}

export function findGazetteerCities(text: string, toks: Token[]): Hit[] {
  const out: Hit[] = [];
  const maxWords = Math.min(4, longestCityWords());
  for (let i = 0; i < toks.length; i++) {
    for (let n = Math.min(maxWords, toks.length - i); n >= 1; n--) {
      const run = toks.slice(i, i + n);
      if (!run.every((t, k) => CITY_WORD.test(t.word) && (k === 0 || /^\.?[ \t]$/.test(text.slice(run[k - 1]!.end, t.start)) && (text[run[k - 1]!.end] !== '.' || /^(?:St|Ste|Ft|Mt)$/.test(run[k - 1]!.word))))) continue;
      const start = run[0]!.start, end = run[n - 1]!.end;
      const phrase = text.slice(start, end);
      const pop = cityPopulation(phrase);
      if (!pop) continue;
      const pre = text.slice(Math.max(0, start - 30), start);
      const after = text.slice(end, end + 40).replace(/^['’]s/, '').trimStart();
      // "Edinburgh 12", "Ottawa ankle rules": a scale or rule named after a town; "Prague C2M4": a graded classification.
      // "Montreal Cognitive Assessment", "Edinburgh Postnatal Depression Scale": one or two more words, then a clinical head.
      const chained = /^(?:[\p{L}-]+[ \t]+){1,2}/u.exec(after);
      if (isPlaceDisease(text, start) || CLINICAL_HEAD.test(after) || medicalNounAfter(text.slice(end, end + 40)) || (chained && /^\p{Lu}/u.test(after) && CLINICAL_HEAD.test(after.slice(chained[0].length))) || SCORE_AFTER.test(text.slice(end, end + 24)) || /^[ \t]+[A-Z]\d{1,2}[A-Z]\d{1,2}\b/.test(text.slice(end, end + 12)) || /^[a-z-]+[ \t]+(?:rules?|criteria|score|scale|classification)\b/i.test(after) || HONORIFIC_BEFORE.test(pre)) break;
      const titleWord = (w: string) => isTitle(w) || /^[A-Z][a-z]+(?:-[a-z]+)*-[A-Z][a-z]+$/.test(w); // "Port-au-Prince"
      const titled = run.every((t) => titleWord(t.word) || /^(?:St|Ste|Ft|Mt)$/.test(t.word) || /^(?:of|de|la|del|los|las)$/.test(t.word)) && titleWord(run[0]!.word.replace(/^(St|Ft|Mt)$/, 'Saint'));
      const single = n === 1 ? run[0]! : undefined;
      const wordy = single ? isStop(single.word) || isClinicalOrCommon(single.word) || isEnglish(single) : false;
      let ok = false;
      if (titled) ok = !wordy && (PLACE_CUE.test(pre) || (pop >= 100_000 && !(single && alsoAName(single.word))));
      // Lower case: a town after a residence word, or a large city after any place word ("in tulsa").
      // A town of any size (1,000+) after a residence word or before its state ("el dorado, ark").
      else if (/^[a-z]/.test(phrase)) ok = !wordy && (RESIDENCE_CUE.test(pre) || STATE_AFTER.test(text.slice(end, end + 20)) || (pop >= 20_000 && PLACE_CUE.test(pre)));
      if (ok) { out.push({ start, end, type: 'CITY', reason: 'city name (GeoNames)' }); i += n - 1; break; }
    }
  }
  return [...out, ...findContextPlaces(text), ...findTownCues(text)].filter((h) => !ordinaryLowerWord(text, h));
}

/**
 * "in the query tool", "from central supply", "playing ball in", "athletic trainer": a lower-case single word that is an
 * ordinary (English or code-set) word is the word, even where a gazetteer holds a town of that name; only a residence
 * verb right before makes it the town ("lives in reading").
 */
const RESIDENCE_VERB = /\b(?:lives?|lived|living|resides?|residing|moved|moving|relocated|born|raised|grew up|stays?|staying)[ \t]+(?:(?:back|out|over|up|down|now|still)[ \t]+)?(?:in|to|from|near|outside(?:[ \t]+of)?)[ \t]+$/i;
function ordinaryLowerWord(text: string, h: Hit): boolean {
  const word = text.slice(h.start, h.end);
  return /^\p{Ll}+$/u.test(word) && isOrdinaryWord(word) && !RESIDENCE_VERB.test(text.slice(Math.max(0, h.start - 30), h.start));
}

