/**
 * Person names: the patient's own name in any written form, and other people's names found
 * next to cues (honorifics, credentials, signature phrases, labelled roles, relatives).
 * Names found by cue are then searched again everywhere in the encounter (a surname seen once
 * as "Dr. Harlan" is also removed when it later appears as "Harlan agrees").
 * Invariants: cue-based names must be capitalised tokens and survive the STOP list; the
 * honorific or credential itself stays outside the span ("Dr. [NAME]", "[NAME], MD").
 */
import { esc, scan, type Hit } from './hits';
import { isCommonWord, type PatientContext } from './context';
import { isEnglishWord } from './tokens';
import { isOrdinaryWord } from './ordinary';
import { CLINICAL_HEAD } from './people';
import { DRUGS, nameLists, NOT_IDENTIFYING } from './lexicon';
import { drugContext } from './proper-nouns';
import { echoTokens, findNameEchoes } from './name-echoes';
import { AMBIGUOUS_CREDS, CREDS, HONORIFIC, INITIAL, NAME_AFTER, NAME_BEFORE, TOK, isStop, trimName } from './name-words';

const WB = '(?<![\\p{L}\\p{N}])';
const WE = '(?![\\p{L}\\p{N}])';

export function findPatientName(text: string, ctx: PatientContext): Hit[] {
  const out: Hit[] = [];
  const lit = (needle: string, ci: boolean, reason: string) => {
    if (needle.length < 2) return;
    out.push(...scan(text, new RegExp(`${WB}${esc(needle)}${WE}`, ci ? 'giu' : 'gu'), 'NAME', reason));
  };
  lit(ctx.fullName, true, 'matches patient name');
  for (const l of ctx.lastNames) lit(l, !isCommonWord(l), 'matches patient last name');
  // Given names in any case, except ordinary words ("Hope", "Will"): those only capitalised.
  for (const g of ctx.givenNames) {
    if (isCommonWord(g)) { lit(g, false, 'matches patient first name'); lit(g.toUpperCase(), false, 'matches patient first name'); }
    else lit(g, true, 'matches patient first name');
  }
  return joinAdjacentNames(text, out);
}

/** Joins "Olsen" + ", " + "Marguerite" and pulls in initials/possessives so the whole
 *  written form ("M. Olsen", "Olsen, Marguerite") is one span. */
function joinAdjacentNames(text: string, hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h0 of sorted) {
    const h = { ...h0 };
    const pre = /(?:[A-Z]\.\s?){1,2}$/.exec(text.slice(Math.max(0, h.start - 6), h.start));
    if (pre) h.start -= pre[0].length;
    const last = out[out.length - 1];
    if (last && h.start <= last.end + 2 && /^[\s,]*$/.test(text.slice(last.end, Math.max(last.end, h.start)))) {
      last.end = Math.max(last.end, h.end);
      last.reason = 'matches patient name';
    } else out.push(h);
  }
  return out;
}

const CRED_ALT = CREDS.join('|');
const HONORIFIC_RE = new RegExp(`\\b${HONORIFIC}\\.?\\s+(${NAME_AFTER})`, 'g');
const CRED_RE = new RegExp(`(${NAME_BEFORE})(\\s*,?\\s*)(${CRED_ALT})(?![\\w-])`, 'g');
const SIGN_CUE = /\b(?:(?:electronically |e-|co-?)?signed|dictated|transcribed|authored|authenticated|reviewed|verified|read|interpreted|performed|attested|seen|examined|evaluated|referred|ordered|accepted|approved|witnessed|reported|paged|notified|discussed|spoke|covered|relieved|handed off|assisted)\s+(?:by|with|to)\s*:?\s*/gi;
const ROLE_CUE = /\b(?:attending|resident|fellow|intern|pcp|primary care(?: physician| provider)?|surgeon|assistant|anesthesiologist|anesthesia|provider|physician|author|referring(?: physician| provider)?|consultant|nurse|case manager|social worker|interpreter|chaplain|emergency contact|contact|proxy|health care proxy|guardian|patient(?: name)?|pt(?: name)?|name|cc|signature|signed|witness|employer)\s*:\s*/gi;
const RELATIVE_CUE = /\b(?:wife|husband|spouse|partner|son|daughter|mother|father|mom|dad|sister|brother|grandson|granddaughter|grandmother|grandfather|niece|nephew|aunt|uncle|cousin|friend|caregiver|guardian|neighbou?r|roommate|fianc[ée]e?|boyfriend|girlfriend|stepson|stepdaughter|son-in-law|daughter-in-law|employer|boss|coworker)(?:,|\s+named|\s+is)?\s+/gi;
const NAME_STICKY = new RegExp(NAME_AFTER, 'y');
const RELATION_AFTER = new RegExp(`(${TOK}(?:\\s+${TOK})?)\\s*(?:\\(|,\\s*(?:his|her|their|the patient's|pt's)\\s+)(?:wife|husband|spouse|partner|son|daughter|mother|father|sister|brother|friend|caregiver|guardian|niece|nephew|grandson|granddaughter)\\b`, 'g');
/** Safe Harbor counts an employer's name as an identifier of the patient. */
const EMPLOYER = new RegExp(`\\b(?:(?:[Ww]orks|[Ww]orked|[Ww]orking|[Ee]mployed)(?:\\s+as\\s+an?\\s+[a-z ]{2,30}?)?\\s+(?:at|for|by)\\s+(?:an?\\s+|the\\s+)?|\\bat work\\s*\\(\\s*)(${TOK}(?:[ \\t]+${TOK}){0,3})`, 'g');
/** "J. Moreau" without a credential: a single initial then a surname. The word before must not
 *  make the letter a category ("type B. Patient", "vitamin D. Follow"). */
// "L&D. Oxytocin": the letter closing "L&D" is no initial either.
const INITIAL_SURNAME = new RegExp(`(?<![\\w.\\/&-]|\\d\\s)(${INITIAL}\\s?${TOK})`, 'g');
const CATEGORY_BEFORE = /\b(?:type|stage|class|vitamin|hepatitis|hep|grade|group|part|zone|phase|category|appendix|schedule|section|plan|option|level|factor|lead|wave|strep|influenza|flu|lane|gate|wing|pod|tower|bed|room|unit|exhibit|figure|table)\s*$/i;

/** A census given name of some frequency or a frequent census surname: such a word may be a person whatever else it means. */
function censusNameWord(w: string): boolean {
  const l = nameLists(), k = w.toLowerCase();
  if (!l) return true;
  return (l?.first.get(k) ?? 0) >= 0.003 || (l?.last.get(k) ?? Infinity) <= 10000;
}

function push(out: Hit[], text: string, s: number, raw: string, reason: string): void {
  const t = trimName(raw, s);
  // "husband is Welsh", "speaks French": a language or people alone is no name (after "Mr." or "Dr." it is a surname;
  // an employer, "works at an Amazon warehouse", is an identifier whatever else it names).
  if (t && NOT_IDENTIFYING.has(text.slice(t.start, t.end).toLowerCase()) && !/^name after (?!signature|role)|^employer/.test(reason)) return;
  // "Sister Mary Joseph nodule", "Dr. Parkinson's disease": a cue word before an eponymous term.
  if (t && !CLINICAL_HEAD.test(text.slice(t.end, t.end + 40).replace(/^['’]s/, '').trimStart())) out.push({ start: t.start, end: t.end, type: 'NAME', reason });
}

/** "Relationship: son   Callback: 555-0104": a word closed by a colon (one lower-case word may come first) is a form's next label. */
const LABEL_AFTER = /^(?:[ \t]+[a-z#]+)?[ \t]*:(?!\d)/;

function afterCue(text: string, cue: RegExp, reason: string, out: Hit[]): void {
  for (const m of text.matchAll(cue)) {
    NAME_STICKY.lastIndex = m.index + m[0].length;
    const n = NAME_STICKY.exec(text);
    if (!n || (cue === RELATIVE_CUE && LABEL_AFTER.test(text.slice(n.index + n[0].length, n.index + n[0].length + 24)))) continue;
    // "Pt: Afebrile, tolerating diet", "Contact: Unavailable": one ordinary word that is no census name after a label is its value.
    if (cue === ROLE_CUE && !/\s/.test(n[0].trim()) && isOrdinaryWord(n[0].trim()) && !censusNameWord(n[0].trim())) continue;
    push(out, text, n.index, n[0], reason);
  }
}

export function findCueNames(text: string, isAuthor: boolean): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(HONORIFIC_RE)) {
    const title = /^\S+/.exec(m[0])![0];
    push(out, text, m.index + m[0].length - m[1]!.length, m[1]!, `name after ${title}`);
  }
  for (const m of text.matchAll(CRED_RE)) {
    const [, name, sep, cred] = m as unknown as [string, string, string, string];
    const parts = name.split(/\s+/).length;
    if (AMBIGUOUS_CREDS.has(cred) && !sep.includes(',') && parts < 2) continue;
    // "Sending MD", "Wound RN", "Ordering NP": a role word before a credential, not a name. The compromise lexicon misses
    // many ("Triage RN", "Intake RN", "Hospice MD", "Flight RN"): an ordinary word that the census lists do not hold as a
    // given name or a frequent surname is the unit or task, not the person ("Walker RN" and "Hope RN" stay names).
    if (parts === 1 && !sep.includes(',') && (isEnglishWord(name) || (isOrdinaryWord(name) && !censusNameWord(name)))) continue;
    // "Started Xarelto, MD to follow": a listed drug after a drug verb, then the prescriber's credential.
    const t = trimName(name, m.index);
    const word = t ? text.slice(t.start, t.end) : '';
    if (t && !/\s/.test(word) && DRUGS.has(word.toLowerCase()) && drugContext(text, t.start, t.end)) continue;
    push(out, text, m.index, name, `name before ${cred}`);
  }
  afterCue(text, SIGN_CUE, 'name after signature phrase', out);
  afterCue(text, ROLE_CUE, 'name after role label', out);
  afterCue(text, RELATIVE_CUE, 'name of a relative or contact', out);
  for (const m of text.matchAll(EMPLOYER)) push(out, text, m.index + m[0].length - m[1]!.length, m[1]!, 'employer name');
  for (const m of text.matchAll(RELATION_AFTER)) push(out, text, m.index, m[1]!, 'name of a relative or contact');
  for (const m of text.matchAll(INITIAL_SURNAME)) {
    if (CATEGORY_BEFORE.test(text.slice(Math.max(0, m.index - 14), m.index))) continue;
    // "A. Colon, sigmoid" / "B. Rectum, biopsy": a lettered specimen or list item opening its line names no one.
    if (/(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, m.index - 8), m.index)) && isOrdinaryWord(m[1]!.replace(/^[A-Z]\.\s?/, '')) && !/^[ \t]*,?[ \t]*(?:MD|DO|RN|NP|PA)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) continue;
    // "Coxsackie B. Also ...": a letter, a full stop, then an ordinary word.
    if (isEnglishWord(m[1]!.replace(/^[A-Z]\.\s?/, ''))) continue;
    push(out, text, m.index, m[1]!, 'initial and surname');
  }
  // An author line is a signature: a bare "Jane Smith" there is a person.
  if (isAuthor && out.length === 0) {
    const m = new RegExp(`^\\s*(${TOK}(?:\\s+${INITIAL})?\\s+${TOK}(?:\\s+${TOK})?)\\s*$`).exec(text);
    if (m && !m[1]!.split(/\s+/).some(isStop)) push(out, text, text.indexOf(m[1]!), m[1]!, 'author name');
  }
  return out;
}

/** Name tokens worth searching elsewhere (surnames and given names of cue-found names). */
export function nameTokens(text: string, hits: Hit[]): string[] {
  const toks = new Set<string>();
  for (const h of hits) {
    // An initial + capitalised word can be a sentence boundary ("... stage C. Blood"): too weak to spread.
    if (h.type !== 'NAME' || h.reason === 'initial and surname') continue;
    for (const w of text.slice(h.start, h.end).split(/[\s,]+/)) {
      const t = w.replace(/['’]s$/, '');
      if (t.length >= 3 && /^[A-Z]/.test(t) && !/^[A-Z]\.$/.test(t) && !isStop(t) && !isCommonWord(t)) toks.add(t);
    }
  }
  // Ordinary-word and lower-case names come back only where their place reads as a person (name-echoes.ts).
  for (const t of echoTokens(text, hits)) toks.add(t);
  return [...toks];
}

/** The plain search takes every occurrence; a word that has another meaning or was written in lower case is checked in place. */
// An ordinary word on the census lists ("Ruby", "Penny") is checked in place too: "Ruby laser", "Penny whistle".
const plainToken = (t: string) => /^[A-Z]/.test(t) && !isStop(t) && !isCommonWord(t) && !(isOrdinaryWord(t) && censusNameWord(t));

export function findKnownNames(text: string, tokens: string[]): Hit[] {
  const plain = tokens.filter(plainToken);
  const echoes = findNameEchoes(text, tokens.filter((t) => !plainToken(t)));
  if (plain.length === 0) return echoes;
  const re = new RegExp(`${WB}(?:${plain.map(esc).join('|')})${WE}`, 'gu');
  return [...scan(text, re, 'NAME', 'name seen elsewhere in the encounter'), ...echoes];
}
