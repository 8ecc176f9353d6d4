/**
 * The words of a town's name its detectors leave beside it: a place-word after it ("Hot Springs", "Gulf Shores",
 * "Elk Hollow"), the word before a place-word found alone ("Saguaro" + "Bend", "Tuba" + "City"), or a direction or
 * harbour word before it ("East Marrow", "Port Avery", "Little Haiti", "east harlan"). A redaction that leaves "Springs" or "Port" beside its placeholder
 * leaves half the town's name.
 * Invariant: a town grows only over one such word, or over a neighbouring name found across that word ("Port" +
 * "Avery"), never past a disease word ("San Joaquin Valley fever" stays), so spans stay apart (detect.ts's invariant).
 */
import { withoutHeldSpans, type Hit } from './hits';
import { nameLists } from './lexicon';

const SUFFIXES = 'City|Springs?|Shores?|Hollow|Bay|Bend|Park|Creek|Mesa|Bluffs?|Terrace|Heights|Falls|Valley|Ridge|Junction|Crossing|Lake|Hills?|Grove|Station|Beach|Harbou?r|Point|Landing|Mills?|Wells|Gap|Flats?|Prairie|Meadows?|Woods|Forest|Glen|Village|Corners?|Center|Centre|Township|Borough';
const PREFIXES = 'East|West|North|South|Lower|Upper|New|Port|Fort|Mount|Mt\\.?|Little|Lake|Glen|Old|Saint|St\\.?';
/** "Elk" + " Hollow": a place-word after the town (sameCase decides whether it is written as the town is). */
const SUFFIX_AFTER = new RegExp(`^[ \\t](${SUFFIXES})(?![\\p{L}\\p{N}'’-])`, 'iu');
const PREFIX_WORD = new RegExp(`^(?:${PREFIXES})$`, 'i');
const SUFFIX_WORD = new RegExp(`^(?:${SUFFIXES})$`);
const PREFIX_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}.])(${PREFIXES})[ \\t]$`, 'iu');
/** What a town's name never runs into: "Valley fever", "Lake Louise disease". */
const DISEASE_AFTER = /^[ \t]+(?:fever|disease|virus|syndrome|encephalitis|spotted|tick|flu)\b/i;

/** Whether `word` is written as the town is: both capitalised, both upper case or both lower case. */
function sameCase(word: string, town: string): boolean {
  const kind = (w: string) => (w === w.toUpperCase() ? 'upper' : w === w.toLowerCase() ? 'lower' : /^\p{Lu}/u.test(w) ? 'title' : 'mixed');
  return kind(word) === kind(town);
}

export function widenPlaceEdges(text: string, hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  const out: Hit[] = [];
  for (const hit of sorted) {
    const h = { ...hit };
    const last = out[out.length - 1];
    // "Port" (a town) + " " + "Avery" (read as a name): the name is the town's second word.
    if (last && last.type === 'CITY' && h.type === 'NAME' && text.slice(last.end, h.start) === ' ' && PREFIX_WORD.test(text.slice(last.start, last.end))) {
      out[out.length - 1] = { ...last, end: h.end };
      continue;
    }
    // "Alder" (read as a name) + " Park", "Palm" + " Terrace": a word no given name list holds before a place-word is a town.
    if (h.type === 'NAME' && /^\p{Lu}\p{Ll}+$/u.test(text.slice(h.start, h.end)) && !nameLists()?.first.has(text.slice(h.start, h.end).toLowerCase()) && placeWordAfter(text, h)) h.type = 'CITY';
    if (h.type === 'CITY') widen(text, h);
    out.push(h);
  }
  return withoutHeldSpans(out);
}

const placeWordAfter = (text: string, h: Hit) => { const m = SUFFIX_AFTER.exec(text.slice(h.end, h.end + 16)); return !!m && sameCase(m[1]!, text.slice(h.start, h.end)); };

/** "Saguaro" + "Bend" (found alone), "Tuba" + "City": a place-word found as the town takes the capitalised word before it. */
const WORD_BEFORE = /(?<![\p{L}\p{N}.'’-])(\p{Lu}[\p{Ll}'’-]+)[ \t]$/u;
const FUNCTION_WORDS = /^(?:In|At|The|To|From|Of|On|By|Near|Lives|And|Or|For|With|Dear|Re|Pt|Patient)$/;

function widen(text: string, h: Hit): void {
  const town = text.slice(h.start, h.end);
  if (SUFFIX_WORD.test(town)) {
    const w = WORD_BEFORE.exec(text.slice(Math.max(0, h.start - 24), h.start));
    if (w && !FUNCTION_WORDS.test(w[1]!)) h.start -= w[0].length;
  }
  const after = SUFFIX_AFTER.exec(text.slice(h.end, h.end + 16));
  if (after && sameCase(after[1]!, town) && !DISEASE_AFTER.test(text.slice(h.end + after[0].length, h.end + after[0].length + 16))) h.end += after[0].length;
  const before = PREFIX_BEFORE.exec(text.slice(Math.max(0, h.start - 8), h.start));
  if (before && sameCase(before[1]!, town)) h.start -= before[0].length;
}
