/**
 * Names in chat transcripts and portal messages, where capitalisation is no evidence:
 *  - a speaker header: a line that starts with one to three words and a clock time ("jess 2:41 PM",
 *    "[9:02] Dana:"); a lower-case speaker counts only when the same shape names speakers at
 *    least twice in the text (a transcript) or the word is a census first name;
 *  - a self-introduction or sign-off: "this is kim,", "its june from the front desk",
 *    "thanks in advance - bree", "thx kim" at the end of a line: a census first name there;
 *  - a month name or other ordinary word right after a relation word ("Daughter April present"),
 *    and a census first name in brackets after a role ("Social work (Dawn)"), or after "Coach".
 * Invariants: every hit is one or more whole words typed NAME; stop words and the exception
 * list's clinical words are never hits; spans index the original text.
 */
import { type Hit } from './hits';
import { codeSetWords, englishWords } from './vocabulary';
import { COMMON_WORDS, EPONYMS, DRUGS, nameLists } from './lexicon';
import { isStop } from './name-words';
import { CLINICAL_HEAD } from './people';
import { isEnglishWord } from './tokens';
import { isOrdinaryWord } from './ordinary';

const WORD = String.raw`\p{L}[\p{L}'’-]*`;
/** A chat handle may carry dots, underscores and digits ("marcus.h", "j_ortiz2"). */
const HANDLE = String.raw`(?:\p{L}[\p{L}\p{N}'’._-]*\p{L}|\p{L})`;
const SPEAKER = new RegExp(String.raw`^(?:\[\d{1,2}:\d{2}(?:[ \t]*[AaPp][Mm])?\][ \t]*(${HANDLE}(?:[ \t]${WORD}){0,2})[ \t]*:|(${WORD}(?:[ \t]${WORD}){0,2})[ \t]+\d{1,2}:\d{2}(?:[ \t]*[AaPp][Mm])?[ \t]*(?:$|[ \t]{2}|:))`, 'dgmu');
// "its me faith again": "me" may come between, and the name may close with again / here / calling or a full stop.
const INTRO = /\b(?:this is|it['’]?s|its|i am|i['’]m|my name is)[ \t]+(?:me[ \t]+)?(\p{L}[\p{L}'’-]+)(?=[ \t]*(?:,|\bfrom\b|\bat\b|\bwith\b|\bagain\b|\bhere\b|\bcalling\b|[.!]|$))/dgimu;
/** "this is june walker i had my appt": an introduction with a census given name and a census surname. */
const INTRO_FULL = /\b(?:this is|my name is|it['’]?s|its)[ \t]+(?:me[ \t]+)?((\p{L}[\p{L}'’-]+)[ \t]+(\p{L}[\p{L}'’-]+))\b/dgimu;
const NOT_SURNAME = /^(?:day|days|time|week|month|year|morning|night|again|here|calling|speaking|writing|today|now|the|and|from|with|about|just|back|still|also|not|going|so|first|second|third|last|next|over|done|ok|fine|good|bad|better|worse)$/i;
const SIGN_OFF = /(?:\b(?:thanks|thank you|thx|ty|regards|best|cheers|sincerely)\b[^\n]{0,24}?[ \t]*[-–—,]?|(?:^|[.!?])[ \t]*[-–—~])[ \t]*(\p{L}[\p{L}'’-]+)[ \t]*[.!]?[ \t]*$/dgimu;
const RELATION_MONTH = /\b(?:daughter|son|wife|husband|sister|brother|mother|father|mom|dad|niece|nephew|aunt|uncle|cousin|granddaughter|grandson|grandmother|grandfather|grandma|grandpa|stepdaughter|stepson|girlfriend|boyfriend|fianc[ée]e?|roommate|friend|partner)[ \t]+(January|February|March|April|May|June|July|August|September|October|November|December|Hope|Faith|Joy|Dawn|Grace|Summer|Autumn|Winter|Sky)\b/dgiu;
const ROLE_BRACKET = /\b(?:social work(?:er)?|case manag(?:er|ement)|chaplain|interpreter|pharmacy|pharmacist|dietitian|dietary|nutrition|PT|OT|SLP|RN|charge nurse|nursing|scheduler|front desk|billing|coding)[ \t]*\((\p{Lu}\p{Ll}+)\)/dgiu;
const COACH = /\b(?:[Cc]oach|[Pp]astor|[Tt]eacher|[Cc]ounselor|[Pp]rincipal|[Oo]fficer|[Dd]eputy)[ \t]+(\p{Lu}\p{Ll}+)\b/dgu;

/** "Hunter, Paige (RN)", "Whitecloud, Leonard<tab>": "Last, First [Middle]" closed by a table or list delimiter. */
// The surname may carry a prefix with an inner capital ("O'Brien", "D'Angelo", "McAllister"); a semicolon closes a list item.
const LAST_FIRST = /(?<![\p{L},'’][ \t]?)(\p{Lu}(?:['’](?=\p{Lu}))?\p{L}*\p{Ll}(?:[-'’]\p{Lu}?\p{Ll}+)?),[ \t](\p{Lu}\p{Ll}+)(?:[ \t]\p{Lu}\p{Ll}+)?(?=[ \t]*(?:\t|[ \t]{2}|[ \t]\(|[ \t]*[|;]|[ \t]*$|[ \t]+[-–—][ \t]))/dgmu;
const firstName = (w: string) => (nameLists()?.first.get(w.toLowerCase()) ?? 0) >= 0.003;
const clinical = (w: string) => EPONYMS.has(w.toLowerCase()) || DRUGS.has(w.toLowerCase());
const usable = (w: string) => !isStop(w) && !clinical(w) && w.length >= 2;
/** After an introduction, a relation word or a role the cue is strong: a stop-listed word ("june", "April", "Dawn") may be the name. */
const cuedUsable = (w: string) => !clinical(w) && w.length >= 2;

/** The regular expressions carry the d flag: each group's own offsets. */
function group(m: RegExpMatchArray, g: number, reason: string): Hit {
  const [start, end] = (m as RegExpMatchArray & { indices: [number, number][] }).indices[g]!;
  return { start, end, type: 'NAME', reason };
}

export function findMessageNames(text: string): Hit[] {
  const out: Hit[] = [];
  const speakers = [...text.matchAll(SPEAKER)].map((m) => ({ m, g: m[1] ? 1 : 2 }));
  const transcript = speakers.length >= 2;
  for (const { m, g } of speakers) {
    const words = m[g]!.split(/[ \t]+/);
    if (!words.every(usable)) continue;
    if (!transcript && !(words.some(firstName) || /^\p{Lu}/u.test(m[g]!))) continue;
    out.push(group(m, g, 'chat speaker'));
  }
  for (const re of [INTRO, SIGN_OFF]) {
    for (const m of text.matchAll(re)) {
      // "its me zainab,", "my name is priyamvada": "me" or "my name is" makes the word a name even when no census list
      // holds it, if it is no ordinary or clinical word ("its me again" stays).
      const named = re === INTRO && /\bme[ \t]|\bname is/i.test(m[0]) && !isOrdinaryWord(m[1]!) && !isEnglishWord(m[1]!.toLowerCase());
      if ((re === INTRO ? cuedUsable(m[1]!) : usable(m[1]!)) && (firstName(m[1]!) || named)) out.push(group(m, 1, re === INTRO ? 'self-introduction' : 'sign-off'));
    }
  }
  for (const re of [RELATION_MONTH, ROLE_BRACKET, COACH]) {
    // After a title ("Coach Baker") an eponym is the person unless its clinical head follows ("Baker cyst").
    // After a relation word a month or virtue name is the person in lower-case text too ("her sister june"), except the verbs may / march.
    const capsOk = (w: string) => /^\p{Lu}/u.test(w) || (re === RELATION_MONTH && !/^(?:may|march)$/.test(w));
    for (const m of text.matchAll(re)) if ((re === COACH ? !CLINICAL_HEAD.test(text.slice(m.index! + m[0].length).trimStart()) : cuedUsable(m[1]!)) && capsOk(m[1]!) && (re === RELATION_MONTH || firstName(m[1]!) || (nameLists()?.last.get(m[1]!.toLowerCase()) ?? Infinity) <= 20000)) out.push(group(m, 1, 'name after a relation or role'));
  }
  for (const m of text.matchAll(INTRO_FULL)) {
    const given = m[2]!, surname = m[3]!;
    const rank = nameLists()?.last.get(surname.toLowerCase()) ?? Infinity;
    if (cuedUsable(given) && firstName(given) && rank <= 20000 && !NOT_SURNAME.test(surname) && !DRUGS.has(surname.toLowerCase()) && !isStop(surname)) out.push(group(m, 1, 'self-introduction'));
  }
  for (const m of text.matchAll(LAST_FIRST)) {
    const last = m[1]!, given = m[2]!;
    const surnameOk = (nameLists()?.last.get(last.toLowerCase()) ?? Infinity) <= 60000 || !isEnglishWord(last.toLowerCase());
    // "Tran, Quoc Bao": a given name the 1990 lists do not hold still counts when it is no ordinary word.
    // A name-like stop word may be the surname here ("Ward, Hunter"): the shape is the cue.
    const lastOk = usable(last) || (COMMON_WORDS.has(last.toLowerCase()) && !clinical(last));
    // "Okafor, Declan": in this shape a given name that no English or code-set word list holds is a name too.
    const givenOk = firstName(given) || !isOrdinaryWord(given) || (!englishWords().has(given.toLowerCase()) && !codeSetWords().has(given.toLowerCase()));
    if (surnameOk && givenOk && lastOk && (!isStop(given) || COMMON_WORDS.has(given.toLowerCase())) && !clinical(given)) out.push({ start: m.index!, end: m.index! + m[0].length, type: 'NAME', reason: 'Last, First' });
  }
  return out;
}
