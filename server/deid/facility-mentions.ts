/**
 * Facilities named a second way in the same text (issue 8, facilities/places pass 3):
 *  - again, by the first words of a name already found ("Colfax Valley Hospital ... Colfax Valley
 *    sent the films", "Anand Family Practice ... Anand Family called"): the words left when head
 *    words are taken off the end, if one of them can carry a name (no ordinary word, a frequent
 *    surname, a town, a health system's word, a word neither common English nor clinical: "Ironwood") or they are two capitalised words or more that are
 *    not all generic ("Silver Lake");
 *  - in a list with a facility ("Harmony Pines and Juniper Hills Care Center"): 1-3 capitalised words
 *    that can be a place's name (facility-beside.ts: no person, service, month, payer, clinical word);
 *  - by an unknown upper-case abbreviation before a hospital unit ("the KRMC ED", "SJRH cath lab",
 *    "FHMC ER"): an acronym that is no clinical abbreviation, state or English word.
 * Never: a name after an honorific ("Dr. Anand" is the doctor), an occurrence inside a longer
 * capitalised run, clinical abbreviations before a unit ("the CT ED" does not exist; "STEMI cath lab").
 * Invariants: hits are typed FACILITY and cover whole words; spans index the original text.
 */
import { esc, type Hit } from './hits';
import { CLINICAL_ABBREVIATIONS, FACILITY_HEADS, FACILITY_SYSTEMS } from './lexicon';
import { distinctiveWord } from './facility-context';
import { placeName } from './facility-beside';
import { isStop } from './name-words';
import { isOrdinaryWord } from './ordinary';
import { isEnglishWord } from './tokens';
import { codeSetWords } from './vocabulary';
import { STATE_ABBR } from './places';
import terms from './lists/clinical-terms.json';

const HEAD_WORDS = new Set(FACILITY_HEADS.flatMap((h) => h.toLowerCase().split(/[ \t]+/)));
const SYSTEM_WORDS = new Set(FACILITY_SYSTEMS.filter((n) => !/[\s-]/.test(n)).map((n) => n.toLowerCase()));
const GENERIC = /^(?:The|A|An|Our|Outside|Patient|Pt|From|At|To|In|Of|And|For|St\.?|Saint|Mount|Mt\.?|North|South|East|West|New|Old|Main|General|Memorial|Regional|Community|University|County|City|Medical|Health|Care|Family|Children['’]s|Women['’]s)$/;
const HONORIFIC_BEFORE = /\b(?:Dr|Drs|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Nurse|Rev)\.?[ \t]+$/;
const CAPS = String.raw`\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){0,2}`;
const STATE = new RegExp(`^(?:${STATE_ABBR})$`);
/** Hospital units that follow a hospital's abbreviation ("the KRMC ED", "UAB cath lab"). */
const UNIT_AFTER = /^[ \t]+(?:ED|ER|ICU|MICU|SICU|CCU|CVICU|NICU|PICU|PACU|OR|L&D|cath(?:eterization)? lab|Cath Lab|EP lab|ED\/ER|emergency (?:room|department)|Emergency (?:Room|Department)|campus|Campus|main campus|ortho(?:pedics)? clinic|trauma bay|burn unit)(?![\p{L}])/u;

/** The shorter forms a facility's name may be called by later: its words without trailing head words. */
function shortForms(name: string): string[] {
  const words = name.split(/[ \t]+/);
  while (words.length && (GENERIC.test(words[0]!) || isStop(words[0]!))) words.shift();
  const out: string[] = [];
  for (let n = words.length - 1; n >= 1; n--) {
    // Only words of head words come off: "Anand Family Practice" -> "Anand Family" -> "Anand".
    if (!words.slice(n).every((w) => HEAD_WORDS.has(w.toLowerCase()) || GENERIC.test(w))) break;
    const rest = words.slice(0, n);
    const carry = rest.some((w) => !GENERIC.test(w) && !isStop(w) && (distinctiveWord(w, false) || SYSTEM_WORDS.has(w.toLowerCase()) || (!isEnglishWord(w) && !codeSetWords().has(w.toLowerCase()))));
    const twoWords = rest.length >= 2 && rest.filter((w) => !GENERIC.test(w) && !isStop(w)).length >= 2 && rest.every((w) => /^\p{Lu}/u.test(w));
    if (carry || twoWords) out.push(rest.join(' '));
  }
  return out;
}

export function findFacilityMentions(text: string, facilities: Hit[]): Hit[] {
  const out: Hit[] = [];
  const forms = new Set<string>();
  for (const f of facilities) for (const s of shortForms(text.slice(f.start, f.end))) forms.add(s);
  for (const form of forms) {
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}'’.-])${esc(form)}(?![\\p{L}\\p{N}'’-])`, 'gu'))) {
      const start = m.index, end = start + form.length;
      if (facilities.some((f) => f.start <= start && end <= f.end) || HONORIFIC_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
      // Inside a longer capitalised run ("Colfax Valley Road") it is another name.
      if (/^[ \t]+\p{Lu}\p{Ll}/u.test(text.slice(end, end + 3)) && !/^[ \t]+(?:ED|ER)\b/.test(text.slice(end, end + 4))) continue;
      if (/\p{Lu}\p{Ll}+[ \t]+$/u.test(text.slice(Math.max(0, start - 20), start)) && !/(?:^|[.!?;:\n])[ \t]*\p{Lu}\p{Ll}+[ \t]+$/u.test(text.slice(Math.max(0, start - 20), start))) continue;
      out.push({ start, end, type: 'FACILITY', reason: 'facility named again by a shorter form' });
    }
  }
  // "Harmony Pines and Juniper Hills Care Center", "Wyndham Lakes Nursing Center and Quail Hollow": a name listed with a facility.
  for (const f of facilities) {
    const after = new RegExp(`^[ \\t]+(?:and|or|&)[ \\t]+(${CAPS})(?![\\p{L}'’-]|[ \\t]+\\p{Lu})`, 'u').exec(text.slice(f.end, f.end + 60));
    if (after && placeName(after[1]!, false)) { const s = f.end + after[0].length - after[1]!.length; out.push({ start: s, end: s + after[1]!.length, type: 'FACILITY', reason: 'name listed with a facility' }); }
    const pre = text.slice(Math.max(0, f.start - 60), f.start);
    const before = new RegExp(`(?<![\\p{L}'’-]|\\p{Lu}\\p{Ll}*[ \\t])(${CAPS})[ \\t]+(?:and|or|&)[ \\t]+$`, 'u').exec(pre);
    if (before && placeName(before[1]!, false) && !/(?:^|[.!?:\n])[ \t]*$/.test(pre.slice(0, before.index))) {
      const s = f.start - pre.length + before.index; out.push({ start: s, end: s + before[1]!.length, type: 'FACILITY', reason: 'name listed with a facility' });
    }
  }
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])[A-Z]{3,5}(?![\p{L}\p{N}])/gu)) {
    const w = m[0];
    if (CLINICAL_ABBREVIATIONS.has(w.toLowerCase()) || STATE.test(w) || isOrdinaryWord(w) || !UNIT_AFTER.test(text.slice(m.index + w.length, m.index + w.length + 30))) continue;
    out.push({ start: m.index, end: m.index + w.length, type: 'FACILITY', reason: 'hospital abbreviation before a unit' });
  }
  return out;
}
