/**
 * "Marcus T.:", "Deja M.", "Whitfield, Grant A.": a census given name followed by one initial with its full stop is a
 * person, whatever else the word means (an eponym, an English word, a rare given name): no clinical phrase puts a
 * capital letter and a full stop after a given name. The other name rules stop at such words (Marcus Gunn pupil,
 * Grant, Deja), so this one reads the shape alone.
 * Invariants: the word is on the census first-name list and no stop word, month or category word ("Lane B.",
 * "Group B."); what follows the initial is no capitalised word (that is "First M. Last", found elsewhere, or a
 * sentence: "Grade A. Esophagus") unless it is a credential; spans cover the name and the initial's full stop.
 */
import { type Hit } from './hits';
import { DRUGS, nameLists } from './lexicon';
import { CREDS, isStop, MONTH_OR_WEEKDAY } from './name-words';
import { type Token } from './tokens';

const NAME_WORD = /^(?:\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*|\p{Lu}{2,})$/u;
const INITIAL_AFTER = /^[ \t](\p{Lu})\.(?![\p{L}\p{N}])/u;
/** "| Thandiwe N |", "Lerato K<tab>": an initial without its full stop only where a table cell or the line ends. */
const BARE_INITIAL_AFTER = /^[ \t](\p{Lu})(?=[ \t]*(?:\||\t|\n|$)|[ \t]{2})/u;
/** Without the full stop the given name must be a frequent one (percent of people). */
const BARE_MIN_FREQ = 0.01;
const CREDENTIAL = new RegExp(`^,?[ \\t]*(?:${CREDS.join('|')})(?![\\w-])`);
/** After the initial: the end of the line or clause, a bracket, a lower-case word, a number: the name ends there. */
const NAME_ENDS = /^(?:[ \t]*(?:[:,;)\]|]|\n|$)|[ \t]{2,}|\t|[ \t]+(?:\(|\p{Ll}|\d|&))/u;
const CATEGORY = /^(?:lane|gate|wing|tower|pod|bay|zone|group|class|type|stage|grade|level|lead|plan|option|phase|part|section|unit|room|bed|factor)$/i;
const CATEGORY_BEFORE = /\b(?:type|stage|class|vitamin|hepatitis|hep|grade|group|part|zone|phase|category|schedule|section|plan|option|level|factor|lead|strep|lane|gate|wing|pod|tower|bed|room|unit|table|figure)[ \t]*$/i;
/** Census given names this rare are mostly other words: an initial is evidence enough above it (percent of people). */
const MIN_FREQ = 0.001;

export function findInitialNames(text: string, toks: Token[]): Hit[] {
  const lists = nameLists();
  if (!lists) return [];
  const out: Hit[] = [];
  for (const t of toks) {
    const dotted = INITIAL_AFTER.exec(text.slice(t.end, t.end + 4));
    const m = dotted ?? (/^\p{Lu}\p{Ll}/u.test(t.word) ? BARE_INITIAL_AFTER.exec(text.slice(t.end, t.end + 5)) : null);
    if (!m || !NAME_WORD.test(t.word)) continue;
    const w = t.word.toLowerCase();
    if ((lists.first.get(w) ?? 0) < (dotted ? MIN_FREQ : BARE_MIN_FREQ) || isStop(w) || MONTH_OR_WEEKDAY.test(w) || CATEGORY.test(w) || DRUGS.has(w)) continue;
    if (CATEGORY_BEFORE.test(text.slice(Math.max(0, t.start - 14), t.start))) continue;
    const end = t.end + m[0].length;
    const rest = text.slice(end, end + 20);
    if (!NAME_ENDS.test(rest) && !CREDENTIAL.test(rest)) continue;
    out.push({ start: t.start, end, type: 'NAME', reason: 'given name and initial' });
  }
  return out;
}
