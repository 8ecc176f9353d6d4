/**
 * Names whose evidence is the layout of a byline, signature or transcription footer, the shapes
 * every chat, forum and dictated report carries (issue 8, round 4):
 *  - a detected name followed by one bare initial closing the byline ("Kelsey B:", "-reg: Lupe T",
 *    "dmitri v:", "-Sam A-L", "KOWALCZYK,STANISLAW J   MR#"): the initial joins the name;
 *  - "Hunt, Raymond" in a table, where the given name is also a town: a census given name after
 *    "Surname, " is the given name, never a city (a city after a comma is followed by its state);
 *  - initials signing a message: "... in plain words. - AJ", "spoke w/ wife. -mv]", "-- MLSO" or a lower-case
 *    abbreviation's letters after a closed sentence ("put acct on hold. -tg"), and a census
 *    given name the same way at the end of the text ("lmk -mark");
 *  - transcription footers: "DICT: GW / TRANS: LMK", "Dictated by: JPS", reference initials "RT/kmb", and the typist's
 *    initials closing a dictation stamp ("D: 01/08/2025  T: 01/09/2025  jrs", "job# 558193 / mkh").
 * Never: a clinical abbreviation ("- PRN", "- ICU", "-NPO"), chat shorthand ("- lmk", "-thx"), a
 * drug or eponym; an initial after a name only when the line or clause closes after it.
 * Invariants: hits are NAME; extended spans only grow an existing NAME hit; spans index the text.
 */
import { type Hit } from './hits';
import { DRUGS, EPONYMS, nameLists } from './lexicon';
import { firstNameBirths } from './baby-names';
import { englishWords, inWordLists } from './vocabulary';
import terms from './lists/clinical-terms.json';

const ABBREVIATIONS = new Set(terms.abbreviations.map((w) => w.toLowerCase()));
/** Chat shorthand that closes messages the way initials do. */
const SHORTHAND = new Set('lmk thx thnx ty tyvm pls plz fyi asap tbd eod eow ok np nvm imo btw brb ttyl jk lol idk omg yes no me us you pt pts dr md rn np pa ma'.split(' '));

/** After the initial: the byline's colon, a bracket or comma, the end of the line, or a wide gap (a table). */
const INITIAL_AFTER_NAME = /^[ \t]+(\p{Lu}(?:-\p{Lu})?|\p{Ll})(?=[ \t]*(?:[:\])|,;]|\n|$)|[ \t]{2,}|\t)/u;
const STATE_AFTER = /^,?[ \t]+\p{Lu}{2}\b/u;
/** ", J", ", JJ", ", M." closing a table cell or a line after a surname; never a credential (", MD", ", RN"). */
const COMMA_INITIALS = /^,[ \t]?(?!(?:MD|DO|RN|NP|PA|MA|PT|OT|DC|SW|JD|CM|ST|SN|RD|RT|MS|DR|JR|SR|II|IV)\b)\p{Lu}{1,2}\.?(?=[ \t]*(?:[|\t\n;)]|$)|[ \t]{2})/u;

const firstFreq = (w: string) => nameLists()?.first.get(w.toLowerCase()) ?? 0;
/** A given name on the 1990 census (1%) or given to a thousand children since (SSA): "Declan", "Wilmer". */
export const givenName = (w: string) => firstFreq(w) >= 0.01 || firstNameBirths(w) >= 1000;

/** Grows NAME hits by a closing initial and reads a given name after "Surname, " as a name; hits sorted by start. */
export function extendNameSpans(text: string, hits: Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    const word = text.slice(h.start, h.end);
    if (last && last.type === 'NAME' && (h.type === 'CITY' || h.type === 'FACILITY') && /^,[ \t]?$/.test(text.slice(last.end, h.start))
      && givenName(word.split(/[ \t]/)[0]!) && !/[ \t]/.test(word) && !STATE_AFTER.test(text.slice(h.end, h.end + 5))) {
      out[out.length - 1] = { ...last, end: h.end };
      continue;
    }
    out.push(h);
  }
  return out.map((h) => {
    if (h.type !== 'NAME') return h;
    // "Bellweather, J | shelter", "Echeverria, JJ": a table's "Surname, Initial" closing its cell.
    const c = COMMA_INITIALS.exec(text.slice(h.end, h.end + 8));
    if (c && !/,/.test(text.slice(h.start, h.end))) return { ...h, end: h.end + c[0].length };
    const m = INITIAL_AFTER_NAME.exec(text.slice(h.end, h.end + 12));
    if (!m) return h;
    // A lower-case initial only after a lower-case name ("dmitri v:"); "Baby a" is no byline.
    if (/\p{Ll}/u.test(m[1]!) && /\p{Lu}/u.test(text.slice(h.start, h.end))) return h;
    return { ...h, end: h.end + m[0].length };
  });
}

const SIGN_INITIALS = /(?<![\p{L}\p{N}])[-–—~][ \t]?(\p{Lu}{2,3}|\p{Ll}{2,3})[ \t]*[\])]?[ \t]*$/gmu;
/** "... put acct on hold. -tg", "Please also get DXA. -- MLSO": after a sentence's end, a dash and initials close the line. */
const SIGN_AFTER_SENTENCE = /(?<=[.!?)][ \t]+)[-–—~]{1,2}[ \t]?(\p{Lu}{2,4}|\p{Ll}{2,3})[ \t]*$/dgmu;
const SIGN_GIVEN = /(?<=\S)[ \t]+[-–—~](\p{Ll}{3,}|\p{Lu}\p{Ll}{2,})[ \t]*[\])]?[ \t]*$/u;
const FOOTER = /\b(?:dict|dictated(?:[ \t]+by)?|dictator|trans|transcribed(?:[ \t]+by)?|transcriptionist|typed[ \t]+by|scribed[ \t]+by)[ \t]*:[ \t]*(\p{L}{2,4})(?:[ \t]*\/[ \t]*(\p{L}{2,4}))?(?=[ \t]*(?:\/|,|$|[ \t]{2}|\t|\n))/dgimu;
// A dictation stamp closed by the typist's initials: "D: 01/08/2025  T: 01/09/2025  jrs", "job# 558193 / mkh", "T: 3/4/24 09:12 JS/kmb".
const STAMP = /(?:\b(?:D|T|DD|DT|DOD|DOT|DICT|TRANS|TR)[ \t]*:[ \t]*\d{1,2}[\/.-]\d{1,2}[\/.-]\d{2,4}(?:[ \t]+\d{1,2}:?\d{2}(?:[ \t]*[ap]\.?m\b\.?)?)?|\bjob[ \t]*(?:#|no\.?|number)?[ \t]*:?[ \t]*\d{3,})[ \t]*(?:[\/|][ \t]*)?(\p{L}{2,4})(?:[ \t]*\/[ \t]*(\p{L}{2,4}))?[ \t]*$/dgimu;
// Typist's reference initials are upper/lower ("RT/kmb"); upper/upper is mostly views or routes ("AP/PA", "PO/IV").
const REFERENCE = /^[ \t]*(\p{Lu}{2,4})[ \t]*\/[ \t]*(\p{Ll}{2,4})[ \t]*$/dgmu;
/** "Posted by Kelsey B:", "[9:15 AM] dmitri v:", "-reg: Lupe T", "thx marcus t": a byline's start, then given name and initial. */
const BYLINE = /(?:^[ \t]*(?:\[[^\]\n]{1,12}\][ \t]*)?(?:[-–—~][ \t]*)?(?:\p{L}{2,8}[ \t]*:[ \t]*)?|(?<![\p{L}\p{N}])[-–—~][ \t]*|\b(?:posted by|reply from|replied by|from|by|thx|thanks|thank you|ty|cc)[ \t]*:?[ \t]*)(\p{L}[\p{L}'’-]+)[ \t](\p{L}(?:-\p{L})?)(?=[ \t]*(?::|\]|\)|$))/dgimu;
/** "KOWALCZYK,STANISLAW J", "ATT: LINDQVIST,HAAKON MD": legacy systems' upper-case "SURNAME,GIVEN [M]". */
const CAPS_LAST_FIRST = /(?<![\p{L},])(\p{Lu}{2,}(?:[-'’]\p{Lu}{2,})?),[ \t]?(\p{Lu}{2,})(?:[ \t]\p{Lu}(?![\p{L}.]))?(?![\p{L},])/dgu;

const notInitials = (w: string) => ABBREVIATIONS.has(w.toLowerCase()) || SHORTHAND.has(w.toLowerCase()) || DRUGS.has(w.toLowerCase())
  || (/\p{Ll}/u.test(w) && englishWords().has(w));

function group(m: RegExpExecArray | RegExpMatchArray, g: number, reason: string): Hit {
  const [start, end] = (m as RegExpMatchArray & { indices: [number, number][] }).indices[g]!;
  return { start, end, type: 'NAME', reason };
}

export function findSignoffNames(text: string): Hit[] {
  const out: Hit[] = [];
  const lastLine = text.replace(/\s+$/, '').length;
  for (const m of text.matchAll(new RegExp(SIGN_INITIALS.source, 'dgmu'))) {
    const start = m.index!, end = start + m[0].length;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    // A sign-off closes a message: text before it on its line, or the text's last line ("- CT" in a list is an item).
    const closes = /\S/.test(text.slice(lineStart, start)) || text.slice(end).trim() === '';
    if (closes && !notInitials(m[1]!)) out.push(group(m, 1, 'initials signing off'));
  }
  // A closed sentence before the dash leaves no clinical reading: lower-case "-dm", "-kb" sign too (not "-- ok", "- PRN").
  for (const m of text.matchAll(SIGN_AFTER_SENTENCE)) {
    const w = m[1]!, l = w.toLowerCase();
    const vetoed = SHORTHAND.has(l) || DRUGS.has(l) || (/\p{Lu}/u.test(w) ? ABBREVIATIONS.has(l) : l.length === 3 && englishWords().has(l) && !givenName(l));
    if (!vetoed) out.push(group(m, 1, 'initials signing off'));
  }
  const tail = text.slice(0, lastLine);
  const g = SIGN_GIVEN.exec(tail);
  if (g) {
    const w = g[1]!.toLowerCase();
    if (firstFreq(w) >= 0.01 && !DRUGS.has(w) && !EPONYMS.has(w) && !ABBREVIATIONS.has(w) && !SHORTHAND.has(w)) {
      const start = g.index + g[0].indexOf(g[1]!);
      out.push({ start, end: start + g[1]!.length, type: 'NAME', reason: 'given name signing off' });
    }
  }
  for (const m of text.matchAll(BYLINE)) {
    const given = m[1]!, initial = m[2]!;
    const w = given.toLowerCase();
    // The initial's case follows the name's ("dmitri v", "Kelsey B"); "Vitamin D", "Group A" are no given names.
    if (/\p{Lu}/u.test(given[0]!) !== /\p{Lu}/u.test(initial[0]!) || (firstFreq(w) < 0.003 && inWordLists(w))) continue;
    // An eponym that is a given name is the person here (no clinical phrase closes a line with "Marcus G:").
    if (DRUGS.has(w) || ABBREVIATIONS.has(w) || /^(?:baby|twin|type|group|grade|stage|class|vitamin|hepatitis|hep|plan|lot)$/.test(w)) continue;
    const [start] = (m as RegExpMatchArray & { indices: [number, number][] }).indices[1]!;
    out.push({ start, end: (m as RegExpMatchArray & { indices: [number, number][] }).indices[2]![1], type: 'NAME', reason: 'byline: given name and initial' });
  }
  for (const m of text.matchAll(CAPS_LAST_FIRST)) {
    const last = m[1]!.toLowerCase(), given = m[2]!.toLowerCase();
    const surname = (nameLists()?.last.get(last) ?? Infinity) <= 60000 || !englishWords().has(last);
    // A given name the 1990 lists lack ("HAAKON") counts when neither word is English and both are long.
    const givenOk = firstFreq(given) >= 0.003 || (!inWordLists(given) && !inWordLists(last) && given.length >= 5 && last.length >= 5);
    if (!surname || !givenOk || [last, given].some((x) => ABBREVIATIONS.has(x) || DRUGS.has(x) || EPONYMS.has(x))) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, type: 'NAME', reason: 'upper-case SURNAME,GIVEN' });
  }
  for (const re of [FOOTER, STAMP, REFERENCE]) {
    for (const m of text.matchAll(re)) {
      // After a dictation label chat shorthand is initials too ("TRANS: LMK").
      const vetoed = (w: string) => (re === FOOTER ? ABBREVIATIONS.has(w.toLowerCase()) || DRUGS.has(w.toLowerCase()) : notInitials(w) || (re === STAMP && /^[ap]m$/i.test(w)));
      for (const i of [1, 2]) if (m[i] && !vetoed(m[i]!)) out.push(group(m, i, 'transcription initials'));
    }
  }
  return out;
}
