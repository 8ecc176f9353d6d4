/**
 * Logins built from a person's name, as EHRs, portals and mail systems print them (issue 8,
 * round 9): an initial or two and a surname ("jbarrera", "mtorres", "hwbae", "oadebayo3"), an
 * initial, a dot and a surname ("d.pham", "b.okafor"), a given name, a dot and an initial
 * ("kwame.r", "wren_t", "bao.tq"), one or two initials, a dot and a surname ("dm.kolawole"). In lower case only, as
 * systems write them.
 * Only where systems print logins (after "by", "user:", "agent:", "Signature:", "cc:", a role, a sign-off dash, in
 * parentheses, as a chat line's speaker before or after the time, in a log's cell between pipes, after an entry's date
 * before "--"): "eval", "rhabdo", "xray" in prose are shorthand that no list holds.
 * Never: an ordinary word (English, a code-set word, the exception lexicon: "along" is no
 * a + Long, "stent" no s + Tent), a drug, a system or app ("mychart"), part of an e-mail address or a domain; the
 * surname must be on the census list (rank 60,000 or better), except seven letters or more that no list holds after a
 * system's "user" or a record's action ("exported by sraghunathan"), or five after two initials and a dot; the given
 * name frequent on the census or SSA lists.
 * Invariants: hits are NAME and cover the whole login (digits included).
 */
import type { Hit } from './hits';
import { DRUGS, nameLists } from './lexicon';
import { isOrdinaryWord } from './ordinary';
import { firstNameBirths } from './baby-names';
import { codeSetWords, inWordLists } from './vocabulary';

const LOGIN = /(?<![\p{L}\p{N}@._\/-])(?:([a-z]{1,2})\.([a-z]{3,14})|([a-z]{4,16})(\d{0,3}))(?![\p{L}\p{N}@_\/-]|\.[a-z])/gu;
/** "kwame.r", "wren_t", "bao.tq": a given name, a dot or underscore, one or two initials. */
const GIVEN_INITIAL = /(?<![\p{L}\p{N}@._\/-])([a-z]{3,12})[._]([a-z]{1,2})(?![\p{L}\p{N}@_\/-]|\.[a-z])/gu;
const SURNAME_MAX_RANK = 60000;
/** Where systems print a login: after "by", "cc", "user:", "Signature:", a role and its colon, a sign-off dash, a list's ";" or "(". */
const BEFORE = /(?:\b(?:by(?:[ \t]+user)?|cc|bcc|signed|e-?signed|assigned[ \t]+to)\b[ \t]*:?[ \t]*|\b(?:user(?:[ \t]?(?:name|id))?|login|signature|author|owner|agent|crna|rn|lpn|lvn|np|pa|md|ma|cna|tech|scribe|reviewer|coder)[ \t]*:[ \t]*|(?:^|\n)[ \t]*[-–—~]{1,2}[ \t]*|;[ \t]*|\([ \t]*)$/i;
/** Where only a login can stand: a system's "user", or a record's action by someone ("exported by", "appended by"); "seen by hepatology" is a service. */
const SYSTEM_AUTHOR = /(?:\buser(?:[ \t]?(?:name|id))?[ \t]*:?|\b(?:exported|appended|entered|e-?signed|signed|run|created|modified|updated|closed|opened|printed|released|accessed|viewed|faxed|scanned)(?:[ \t]+[\d\/:.-]+(?:[ \t]*(?:[AP]M|[ECMP][SD]T))?){0,3}[ \t]+by)[ \t]+$/i;
/** ... or as a chat line's speaker ("kwame.r: me."), or closed by ")" after "(". */
const AFTER = /^[ \t]*(?::|\))/;
/** A chat export's speaker before the message's time ("kayla.m 01:12: anyone", "beth.k 10:02  ok"), at a line's start. */
const SPEAKER_BEFORE_TIME = /^[ \t]+\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m\.?)?(?::|[ \t]{2}|[ \t]*\])/i;
/** An audit log's cell ("| jmcallister2 | VDI") or a dated entry's author ("9/30/21 rtakahashi -- pt switched"). */
const IN_CELL = (before: string, after: string) => /\|[ \t]*$/.test(before) && /^[ \t]*\|/.test(after);
const DATED_AUTHOR = (before: string, after: string) => /(?:^|\n)[ \t]*\d{1,2}\/\d{1,2}\/\d{2,4}(?:[ \t]+\d{1,2}:\d{2})?[ \t]+$/.test(before) && /^[ \t]+--/.test(after);
const placed = (text: string, start: number, end: number) => {
  const before = text.slice(Math.max(0, start - 24), start), after = text.slice(end, end + 12);
  return BEFORE.test(before) || (AFTER.test(after) && /(?:^|\n|\]|\(|AM|PM|\d)[ \t]*$/.test(before.slice(-12)))
    || (SPEAKER_BEFORE_TIME.test(after) && /(?:^|\n)[ \t]*$/.test(before)) || IN_CELL(before, after) || DATED_AUTHOR(before, after);
};

const surname = (w: string) => (nameLists()?.last.get(w) ?? Infinity) <= SURNAME_MAX_RANK;
const givenName = (w: string) => (nameLists()?.first.get(w) ?? 0) >= 0.003 || firstNameBirths(w) >= 1000;
/** Systems and apps named in lower case after "by" the way logins are ("sent by mychart"). */
const SYSTEMS = new Set('mychart followmyhealth healthelife doximity docusign rightfax efax doordash instacart medline athenanet athenahealth eclinicalworks nextgen meditech allscripts pointclickcare netsmart drchrono surescripts covermymeds availity navinet updox kareo webpt carecloud'.split(' '));
const ordinary = (w: string) => isOrdinaryWord(w) || DRUGS.has(w) || SYSTEMS.has(w);

export function findLoginNames(text: string): Hit[] {
  if (!/[a-z]/.test(text)) return [];
  const out: Hit[] = [];
  for (const m of text.matchAll(LOGIN)) {
    // "d.pham": the surname after the dot must be no word ("q.daily"); "jbarrera", "hwbae": one or two initials, then
    // a surname, and the login no word of its own ("jfarrow" is a login though "farrow" is a word; "along" is a word).
    // A surname alone ("stocker", "seton") is no login of initials: it is a name for the other rules, or a word.
    if (!placed(text, m.index, m.index + m[0].length)) continue;
    // A two-letter prefix's surname may be one the 1990 census lacks ("dm.kolawole"): five letters and no word then.
    // A surname the 1990 census lacks ("sraghunathan", "jalvaradokim"): seven letters or more that no list holds.
    const ok = m[1] ? !ordinary(m[2]!) && (surname(m[2]!) || (m[1].length === 2 && m[2]!.length >= 5))
      : !ordinary(m[3]!) && !surname(m[3]!) && ([1, 2].some((k) => surname(m[3]!.slice(k)))
        || (m[3]!.length >= 7 && !inWordLists(m[3]!) && !codeSetWords().has(m[3]!) && SYSTEM_AUTHOR.test(text.slice(Math.max(0, m.index - 30), m.index))));
    if (ok) out.push({ start: m.index, end: m.index + m[0].length, type: 'NAME', reason: 'login made of a name' });
  }
  for (const m of text.matchAll(GIVEN_INITIAL)) {
    // The dot or underscore and the initial make it a login even when the given name is a word too ("wren_t", "beth.k").
    if (givenName(m[1]!) && !DRUGS.has(m[1]!) && placed(text, m.index, m.index + m[0].length)) out.push({ start: m.index, end: m.index + m[0].length, type: 'NAME', reason: 'login made of a name' });
  }
  return out;
}
