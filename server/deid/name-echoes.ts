/**
 * A name found once by a cue, met again in the same text: "his wife June ... June reports",
 * "Daughter April present ... HEP issued to April.", "daughter june is here ... tell june ill be
 * there". names.ts searches found names again everywhere, but only words that are no ordinary
 * word and written capitalised; a given name that is also a month, a virtue or another word
 * (June, April, Hope, Rich, Bill, rose) or a name written in lower case was found once and missed
 * after. Here those words come back, in the case they were found in, where the second place does
 * not read as the word's other meaning:
 *  - a month is no name in a date's place ("in June", "June 4", "since April");
 *  - at a sentence start, or written in lower case when the word is an ordinary one, the place
 *    needs evidence of a person (person-evidence.ts: "June reports", "tell june") or the word
 *    alone on its line (a sign-off);
 *  - a clinical head after it or a drug context makes it the term ("Hope score", "on Rich ...").
 * Only names found by a cue or by a census pair count (a bare "common first name" is itself weak).
 * Invariants: pure; every hit is whole words typed NAME, spans index the text.
 */
import { esc, type Hit } from './hits';
import { nameLists } from './lexicon';
import { MONTH_OR_WEEKDAY } from './name-words';
import { isOrdinaryWord } from './ordinary';
import { CLINICAL_HEAD } from './people';
import { personEvidence } from './person-evidence';
import { drugContext } from './proper-nouns';

/** Reasons too weak to spread a word that has another meaning. */
const WEAK = /^(?:initial and surname|common first name|common surname|name seen elsewhere|proper noun|census name before a file word|census name in a list|surname in a list|mention)|upper-case text/;
/** Before a month used as a date ("in June", "since April", "early August"). */
const DATE_BEFORE = /\b(?:in|on|since|of|by|until|till|through|thru|from|during|before|after|early|late|mid|last|next|this|every|each|around|about|past|until)[ \t]+$/i;
/** After a month used as a date ("June 4", "April '23", "June-July", "June through August"). */
const DATE_AFTER = /^(?:[ \t]*(?:\d|['’]\d)|[ \t]*[-–\/][ \t]*\p{L}|[ \t]+(?:to|through|thru|and|or)[ \t]+(?:early|late|mid[- ])?\p{Lu}\p{Ll}+[ \t]*\d)/u;

/** A census given name, or a surname among the 10,000 most frequent. */
function censusName(w: string): boolean {
  const l = nameLists(), k = w.toLowerCase();
  return (l?.first.get(k) ?? 0) >= 0.003 || (l?.last.get(k) ?? Infinity) <= 10000;
}

/** Words of cue-found names that the plain search skips: ordinary words on the census lists, and lower-case names. */
export function echoTokens(text: string, hits: Hit[]): string[] {
  const out = new Set<string>();
  for (const h of hits) {
    if (h.type !== 'NAME' || WEAK.test(h.reason)) continue;
    for (const w of text.slice(h.start, h.end).split(/[\s,]+/)) {
      const t = w.replace(/['’]s$/, '').replace(/[.:;!?]+$/, '');
      if (t.length < 3 || !/^\p{L}+$/u.test(t)) continue;
      const lower = /^\p{Ll}/u.test(t);
      if ((isOrdinaryWord(t) && censusName(t)) || (lower && !isOrdinaryWord(t))) out.add(t);
    }
  }
  return [...out];
}

const sentenceStart = (text: string, start: number) => /(?:^|\n|[.!?:][ \t]+|^[ \t]+)[ \t]*["“'(]?$/.test(text.slice(Math.max(0, start - 4), start)) || start === 0;

export function findNameEchoes(text: string, tokens: string[]): Hit[] {
  const out: Hit[] = [];
  for (const tok of tokens) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}'’-])${esc(tok)}(?![\\p{L}\\p{N}-])`, 'gu');
    const ordinary = isOrdinaryWord(tok);
    for (const m of text.matchAll(re)) {
      const s = m.index, e = s + tok.length;
      const before = text.slice(Math.max(0, s - 12), s), after = text.slice(e, e + 40);
      if (MONTH_OR_WEEKDAY.test(tok) && (DATE_BEFORE.test(before) || DATE_AFTER.test(after))) continue;
      if (CLINICAL_HEAD.test(after.replace(/^['’]s/, '').trimStart()) || drugContext(text, s, e)) continue;
      const needsEvidence = ordinary && (sentenceStart(text, s) || /^\p{Ll}/u.test(tok));
      // "...at the conference.\nFrank": a found name alone on its line signs the message.
      const alone = /(?:^|\n)[ \t]*[-–—~]?[ \t]*$/.test(text.slice(Math.max(0, s - 6), s)) && /^[ \t.,!]*(?:\n|$)/.test(after);
      if (needsEvidence && !alone && !personEvidence(text, s, e)) continue;
      out.push({ start: s, end: e, type: 'NAME', reason: 'name seen elsewhere in the text' });
    }
  }
  return out;
}
