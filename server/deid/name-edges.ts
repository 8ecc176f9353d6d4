/**
 * The edges of a person's name that its detectors stop short of, and the pieces of one name found
 * as several spans. The measure (and a reader of the redacted copy) sees what is left beside the
 * placeholder: "[NAME]." of "D.K.", "L [NAME]" of "L DeGroot", "[NAME], Rami" of "Haddad, Rami",
 * "[NAME] 'Kenz' [NAME]" of "McKinley 'Kenz' O'Shaughnessy". After the spans are joined, a NAME grows:
 *  - by the full stop of its closing initial or suffix ("R.B" + ".", "Remy Jr" + "."), and the
 *    initials after that ("Dmytrenko T." + "V.");
 *  - by one initial before it ("L. Two Bulls", "K Saltzman") and one after it ("Raj P.", "deb h",
 *    "Jaylen W-M"), never the pronoun "I" or the article "a" without a full stop;
 *  - by a suffix ("Jr.", "Sr.", "III") and a nickname word before a given name ("Big Rick", "Mama Pearl");
 *  - over "Surname, " before a given name found alone, and ", Given" after a surname found alone, where
 *    the layout is a record's (line or cell start, after a label's colon): "STRAUSS, Gerhard", "Haddad, Rami  MRN";
 * and two names one space, a quoted nickname or a hyphen apart are one name ("Oluwadamilare "Dami" Ige"),
 * as is a given name read as a town before one ("Theresa" + " M Kowalczyk").
 * Invariant: a span grows only over the words above; a span another one now holds is dropped, so
 * spans stay apart (detect.ts's invariant).
 */
import { withoutHeldSpans, type Hit } from './hits';
import { CLINICAL_ABBREVIATIONS as ABBREVIATIONS, DRUGS, isClinicalOrCommon, nameLists } from './lexicon';
import { givenName } from './name-signoffs';
import { englishWords } from './vocabulary';
import { STATE_ABBR, STATE_NAMES } from './places';

/** The full stop of a closing initial or suffix, then more initials ("T." + "V."). */
const CLOSING_STOP = /^\.(?:-?\p{Lu}\.){0,3}/u;
const MORE_INITIALS = /^(?:-?\p{Lu}\.){1,3}/u;
const ENDS_IN_INITIAL = /(?:^|[^\p{L}'’])\p{L}$|(?:^|[^\p{L}])(?:Jr|Sr|JR|SR)$/u;
const ENDS_IN_STOPPED_INITIAL = /(?:^|[^\p{L}])\p{Lu}\.$/u;
/** One initial before a name: "L. ", "K ", "r. ", never the pronoun or the article alone. */
const INITIAL_BEFORE = /(?<![\p{L}\p{N}.'’\/&+-])(?:(\p{Lu})\.?|(\p{Ll})\.)[ \t]$/u;
/** One initial after a name, closing it: " P.", " W-M", " h" (then a gap, punctuation or the end). */
const INITIAL_AFTER = /^[ \t](\p{Lu}(?:-\p{Lu})?\.?|\p{Ll}\.?)(?![\p{L}\p{N}'’+-]|\.\p{L})/u;
const SUFFIX_AFTER = /^,?[ \t](?:Jr|Sr|JR|SR|II|III|IV)\.?(?![\p{L}\p{N}])/u;
/** "Le Fort II", "Mallampati I", "Fitzpatrick V", "Zoll X": a class or a model after a one-word name is no suffix or initial. */
const CLASS_AFTER = /^,?[ \t](?:I|II|III|IV|V|X)\.?(?![\p{L}\p{N}])/u;
const NICKNAME_BEFORE = /(?<![\p{L}\p{N}])(?:Big|Lil|Lil'|Little|Mama|Papa|Mamaw|Papaw)[ \t]$/u;
/** What may stand between two names of one person: a space, a quoted nickname's quote, a hyphen. */
const NAME_JOINT = /^(?:[ \t]|[ \t]?["'“”‘’][ \t]?|[-–])$/u;
/** Where a record writes "Surname, Given": a line or cell start, a label's colon, a dash or a number before it. */
const RECORD_START = /(?:^|\n|[|\t:]|[ \t]{2}|[ \t][-–][ \t]|\d[ \t])[ \t]*$/u;
/** After "Surname, Given": where the name ends in a record. */
const RECORD_END = /^(?:$|[ \t]*(?:\n|[|\t,;)]|\(|\.?$)|[ \t]{2}|[ \t]+(?:MRN|DOB|dob|Acct|age|\d))/u;
const STATES = new RegExp(`^(?:${STATE_NAMES}|${STATE_ABBR})$`, 'i');
const GIVEN_WORDS = /^\p{Lu}[\p{L}'’]*(?:-\p{L}+)?(?:[ \t]\p{Lu}[\p{L}'’]*(?:-\p{L}+)?){0,2}(?:[ \t]\p{Lu}\.?)?/u;

const ordinary = (w: string) => englishWords().has(w.toLowerCase()) || isClinicalOrCommon(w) || DRUGS.has(w.toLowerCase()) || ABBREVIATIONS.has(w.toLowerCase());
const surname = (w: string) => (nameLists()?.last.get(w.toLowerCase()) ?? Infinity) <= 40_000;
/** A word that may be a person's surname or given name in a record: on a list, or no English or clinical word. */
const nameWord = (w: string, list: (w: string) => boolean) => !STATES.test(w) && (list(w) || !ordinary(w)) && !(w.length <= 3 && ABBREVIATIONS.has(w.toLowerCase()));

export function widenNameEdges(text: string, hits: Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    const h = { ...hit };
    if (h.type === 'NAME') grow(text, h, out[out.length - 1]);
    const last = out[out.length - 1];
    if (last && joins(text, last, h)) {
      out[out.length - 1] = { ...last, type: 'NAME', end: Math.max(last.end, h.end) };
      closeStop(text, out[out.length - 1]!);
      continue;
    }
    out.push(h);
  }
  return withoutHeldSpans(out);
}

function joins(text: string, last: Hit, h: Hit): boolean {
  if (h.type !== 'NAME') return false;
  // A surname grown over ", Thi Lan" holds the given name found on its own.
  if (h.start < last.end) return last.type === 'NAME';
  const gap = text.slice(last.end, h.start);
  if (last.type === 'NAME') return NAME_JOINT.test(gap) || /^,[ \t]?$/.test(gap) && GIVEN_WORDS.test(text.slice(h.start, h.end)) && RECORD_START.test(text.slice(Math.max(0, last.start - 4), last.start));
  // "Theresa" (read as a town) + " M Kowalczyk", "Raymond" + ' "Ray-Ray" Etheridge': a given name before the rest of the name.
  const word = text.slice(last.start, last.end);
  return last.type === 'CITY' && /^\p{Lu}\p{Ll}+$/u.test(word) && givenName(word) && NAME_JOINT.test(gap) && /^\p{Lu}/u.test(text.slice(h.start, h.end));
}

/** Grows one NAME by the edges its detectors leave; `previous` bounds how far left it may grow. */
function grow(text: string, h: Hit, previous: Hit | undefined): void {
  const floor = previous?.end ?? 0;
  const before = text.slice(Math.max(floor, h.start - 40), h.start);
  const initial = INITIAL_BEFORE.exec(before);
  const first = text.slice(h.start, h.end);
  // "C. diff": an upper-case initial goes with a capitalised name, a lower-case one ("r. okafor") with either.
  if (initial && (initial[2] || /^\p{Lu}/u.test(first)) && !(initial[1] && /^[AI]$/.test(initial[1]) && !initial[0].includes('.'))) h.start -= initial[0].length;
  else {
    const nick = NICKNAME_BEFORE.exec(before);
    if (nick && /^\p{Lu}\p{Ll}+$/u.test(first)) h.start -= nick[0].length;
    else surnameBefore(text, h, floor);
  }
  const name = text.slice(h.start, h.end);
  const next = text.slice(h.end, h.end + 6);
  const suffix = SUFFIX_AFTER.exec(next);
  // A one-word name before a class or a model letter takes neither as its suffix or initial.
  if (CLASS_AFTER.test(next) && !/[ \t]/.test(name)) { closeStop(text, h); return; }
  if (suffix) h.end += suffix[0].length;
  else if (!givenAfter(text, h)) {
    const after = INITIAL_AFTER.exec(text.slice(h.end, h.end + 6));
    const letter = after?.[1];
    if (letter && initialAfter(letter, text.slice(h.start, h.end))) h.end += after[0].length;
  }
  closeStop(text, h);
}

/**
 * Whether a letter after a name is its initial: "Maria I said" and "Maria a" are a pronoun and an article, and
 * "w", "c", "s", "x" and "o" are shorthand for with, without, times and no ("Hoyer w assist"); a lower-case initial
 * follows only a lower-case name ("deb h"), never "Hoyer" or "Médecins du Sénégal".
 */
function initialAfter(letter: string, name: string): boolean {
  if (/^[AI]$/.test(letter)) return false;
  if (!/\p{Ll}/u.test(letter)) return true;
  return name === name.toLowerCase() && !/^[aiwcsxo]$/.test(letter);
}

/** "R.B" + ".", "Dmytrenko T." + "V.": a name that closes on an initial or a suffix takes its full stop and the initials after it. */
function closeStop(text: string, h: Hit): void {
  const name = text.slice(h.start, h.end);
  const rest = text.slice(h.end, h.end + 10);
  const m = ENDS_IN_INITIAL.test(name) ? CLOSING_STOP.exec(rest) : ENDS_IN_STOPPED_INITIAL.test(name) ? MORE_INITIALS.exec(rest) : null;
  if (m && !/^\p{L}/u.test(rest.slice(m[0].length))) h.end += m[0].length;
}

/** "STRAUSS, " + "Gerhard", "| Walker, " + "Summer": a surname before a given name found alone, in a record's layout. */
function surnameBefore(text: string, h: Hit, floor: number): void {
  const given = text.slice(h.start, h.end);
  if (!/^\p{Lu}/u.test(given) || /,/.test(given)) return;
  const m = /(?<![\p{L}\p{N}'’-])(\p{Lu}[\p{L}'’]+(?:-\p{Lu}[\p{L}'’]+)?),[ \t]?$/u.exec(text.slice(Math.max(floor, h.start - 30), h.start));
  if (!m || !nameWord(m[1]!, surname) || !givenName(given.split(/[ \t]/)[0]!)) return;
  const at = h.start - m[0].length;
  if (!RECORD_START.test(text.slice(Math.max(0, at - 4), at))) return;
  h.start = at;
}

/** "Haddad" + ", Rami  MRN", "ZHANG" + ", WEI   DOB": a given name after a surname found alone, in a record's layout. */
function givenAfter(text: string, h: Hit): boolean {
  const name = text.slice(h.start, h.end);
  if (/[,\s]/.test(name) || !/^\p{Lu}/u.test(name) || !RECORD_START.test(text.slice(Math.max(0, h.start - 4), h.start))) return false;
  const m = /^,[ \t]?/.exec(text.slice(h.end, h.end + 2));
  if (!m) return false;
  const g = GIVEN_WORDS.exec(text.slice(h.end + m[0].length, h.end + m[0].length + 40));
  if (!g) return false;
  const words = g[0].split(/[ \t]/).filter((w) => w.length > 1 || /\p{Ll}/u.test(w));
  const upper = name === name.toUpperCase();
  // An upper-case surname is written with an upper-case given name ("ZHANG, WEI"), a capitalised one with a capitalised one.
  if (!words.length || words.some((w) => (w === w.toUpperCase()) !== upper && w.length > 2) || !words.every((w) => nameWord(w.replace(/\.$/, ''), givenName))) return false;
  const end = h.end + m[0].length + g[0].length;
  if (!RECORD_END.test(text.slice(end, end + 8))) return false;
  h.end = end;
  return true;
}
