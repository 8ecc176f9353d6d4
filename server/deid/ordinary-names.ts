/**
 * Names that are ordinary English words ("Faith", "Summer Hill", "Bill", "Walker") and names in
 * lower-case chat ("per bill in pfs", "i think tyrone coded it"). Capitalisation mid-sentence is
 * the evidence the other rules throw away for these words; here it counts when the US Census 1990
 * lists know the word as a name AND one more piece of context agrees:
 *  - a pair: a census first name then a census surname, both capitalised ("Crystal Young",
 *    "Hunter Ward"), or a census first name and a surname that is no English word;
 *  - a person cue before it (a relation word, a staff role, per / with / spoke to / called /
 *    thanks / hi, a role with the name in brackets: "sitter (Faith)");
 *  - a person's verb after it ("Walker will call", "Young also has a question") or a patient's
 *    file word ("the King chart");
 *  - lower case: a census first name that is no English word at all, or any census first name
 *    right after a strong person cue ("husband bill", "per brenda").
 * Never a name here: eponyms, drugs, place-named diseases, stop words (months, weekdays, clinical
 * vocabulary), a word followed by a clinical head word ("Graves disease", "Tommy John surgery"),
 * a facility head word, or a street type; sentence-initial pairs of English words need a person
 * verb or a credential after them; title-case heading lines are skipped.
 * Invariants: every hit is whole words typed NAME; spans index the original text.
 */
import { type Hit } from './hits';
import { findInitialNames } from './initial-names';
import { COMMON_WORDS, DRUGS, EPONYMS, FACILITY_HEADS, nameLists, PLACE_DISEASES } from './lexicon';
import { isStop, MONTH_OR_WEEKDAY } from './name-words';
import { isOrdinaryWord } from './ordinary';
import { CLINICAL_HEAD, DISEASE_BEFORE, SCORE_AFTER } from './people';
import { drugContext, medicalNounAfter } from './proper-nouns';
import { isEnglishWord, type Token } from './tokens';
import terms from './lists/clinical-terms.json';

const TITLE = /^\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*$/u;
const LOWER = /^\p{Ll}{3,}$/u;
const HEADS = new Set(FACILITY_HEADS.map((h) => h.split(/\s+/)[0]!.toLowerCase()));
const STREET_AFTER = /^[ \t]+(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|way|court|ct|place|pl|parkway|pkwy|highway|hwy|circle|cir|trail|terrace|county|parish|township|city|park|heights|valley|springs)\b\.?/i;
/** Clinical heads the shared list lacks: "Tommy John surgery", "Charles Bonnet hallucinations". */
const MORE_CLINICAL = /^(?:['’]s)?[ \t]+(?:surgery|reconstruction|hallucinations?|procedure|repair|syndrome|disease|sign|test|score|scale|stain|staining|solution|criteria|classification|phenomenon|maneuver|malformation|anomaly|sequence|paralysis|deformity|jaw|pupils?|lesions?|fracture)\b/i;
const STAGE_AFTER = /^[ \t]+(?:stage[ \t]+)?[0-5](?:[a-c]|[+\/-][0-5])?(?![\d.])/;

/** A staff role, relation or conversational cue right before a name. */
const CUE_BEFORE = /(?:\b(?:wife|husband|spouse|partner|son|daughter|dtr|mother|mom|father|dad|sister|brother|friend|niece|nephew|aunt|uncle|cousin|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|stepson|stepdaughter|caregiver|roommate|neighbou?r|girlfriend|boyfriend|fianc[ée]e?|sitter|aide|tech|technician|interpreter|chaplain|midwife|doula|therapist|pharmacist|worker|manager|coordinator|navigator|scribe|scheduler|registrar|coder|biller|rep|representative|supervisor|director|receptionist|auditor|reviewer|analyst|specialist|educator|clerk|assistant|liaison|advocate|volunteer|counselor|dietitian|nutritionist|phlebotomist|secretary|transporter|dispatcher|nurse|charge|bedside|primary|RN|LPN|LVN|NP|PA|CNA|MA|PT|OT|SLP|RT|CM|SW|EMT|medic|paramedic|officer|deputy|coach|teacher|pastor|per|with|w\/|from|by|via|cc|attn|spoke(?:[ \t]+(?:to|with|w\/))?|talked(?:[ \t]+(?:to|with))?|called|paged|texted|emailed|messaged|asked|ask|tell|told|let|ping|pinged|thanks|thank you|thx|ty|hi|hello|hey|dear|named|name is|goes by|(?:left )?(?:a )?(?:message|msg|vm|voicemail|note) (?:for|with|to)|loop in|looped in|cc'?d|forwarded to|sent to|assigned to|reassigned to)\.?,?[ \t]+)$/i;
const HONORIFIC_LOWER = /\b(?:dr|doctor|mr|mrs|ms|miss|patient|pt|named)\.?[ \t]+$/i;
/** "pt will", "patient states": modal and reporting verbs after a patient word are no names. */
const isEnglishVerbLike = (w: string) => /^(?:will|may|can|must|shall|should|would|could|says|said|states|stated|reports|reported|denies|denied|agrees|is|was|has|had|does|did|gets|got|went|goes|came|comes|feels|felt|seems|appears|returns|returned|presents|presented|tolerated|tolerates|ambulates|walks|lives|needs|wants|takes|took|uses|used|refuses|refused|declines|declined|asks|asked|notes|noted|admits|admitted|understands|verbalizes|continues|remains|awake|alert|doing|resting|sleeping|seen|here|home|today|now|also|still|ok|okay|fell|falls|given|care|chart|info|pain|status|education|name|plan|data|rose|mark)$/i.test(w);

/** A relation word right before the name: the strongest cue. */
const RELATION_BEFORE = /\b(?:wife|husband|spouse|partner|son|daughter|dtr|mother|mom|father|dad|sister|brother|friend|niece|nephew|aunt|uncle|cousin|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|stepson|stepdaughter|caregiver|roommate|neighbou?r|girlfriend|boyfriend|fianc[ée]e?)[ \t]+$/i;
/** A line of thanks or regards, then the name on the next line. */
const SIGNED_LINE = /(?:^|\n)[ \t]*(?:thanks|thank you|thx|ty|tyvm|regards|best|best regards|kind regards|cheers|sincerely|respectfully|warmly|love|xoxo)[ \t]*[,.!-]*[ \t]*\n[ \t]*$/i;
/** "Pain is noted", "Walker was needed": a passive or finding after the word makes it a thing. */
const PASSIVE_AFTER = /^[ \t]+(?:is|was|has|had|will)[ \t]+(?:be[ \t]+)?(?:noted|seen|present|positive|negative|normal|done|performed|given|required|needed|recommended|indicated|used|placed|removed|applied|ordered|pending)\b/i;
/** Verbs only people do, with an optional adverb ("Young also has a question", "Bill said"). */
const STRONG_VERB_AFTER = /^(?:,[ \t]+)?[ \t]+(?:(?:also|already|just|still)[ \t]+(?:has|had|is|was|wants|said|called|asked|thinks|needs|agrees|sent|coded)|said|says|asked|asks|wants|wanted|thinks|thought|mentioned|agrees|agreed|emailed|texted|replied|answered|coded|faxed|told|explained|believes|prefers)\b/i;
const PATIENT_IS = /\b(?:pt|patient)[ \t]+is[ \t]+$/i;
const BABY_BEFORE = /\b(?:baby|infant|newborn|twin)[ \t]+$/i;
const MODAL = /^(?:will|may|can|shall|should|would|could|must|might)$/;
/** After a month that is also a given name: a verb of talking or sending, never "said to be" or a date's number. */
const MONTH_PERSON_VERB = /^[ \t]+(?:(?:also|already|just)[ \t]+)?(?:said|says|asked|asks|wants|wanted|called|calls|emailed|texted|replied|answered|faxed|told|thinks|mentioned|agreed|agrees|sent|will (?:call|send|fax|email|check|look|review|follow|reach|get back))\b(?![ \t]+to[ \t]+be\b)/i;
/** "flag it for Hope.", "sending it to Hope": for / to before a name that closes the sentence. */
const FOR_TO_BEFORE = /\b(?:for|to)[ \t]+$/i;
const CLOSES = /^(?:['’]s)?[ \t]*(?:[.!?;]|\n|$)/;
/** Only these cues lift a lower-case ordinary word ("husband bill", "per bill"): a relation, a role, or a conversational verb. */
const STRONG_LOWER_CUE = /\b(?:wife|husband|spouse|partner|son|daughter|dtr|mother|mom|father|dad|sister|brother|friend|niece|nephew|aunt|uncle|cousin|grandson|granddaughter|caregiver|roommate|neighbou?r|girlfriend|boyfriend|sitter|aide|interpreter|chaplain|coder|biller|rep|nurse|rn|per|spoke (?:to|with|w\/)|talked to|ask|asked|tell|told|let|ping|pinged|thanks|thank you|thx|hi|hello|hey|dear)[ \t]+$/i;
/** "sitter (Faith)", "Social work (Dawn)": a role word and a name in brackets. */
const ROLE_BRACKET_BEFORE = /\b(?:sitter|aide|tech|nurse|rn|lpn|cna|np|pa|pt|ot|slp|rt|interpreter|chaplain|social work(?:er)?|case manag(?:er|ement)|cm|sw|pharmacist|pharmacy|dietitian|therapist|scheduler|coder|biller|rep|daughter|son|wife|husband|sister|brother|mother|father|friend|neighbou?r|caregiver)[ \t]*\($/i;
/** A person's verb after the word ("Walker will call", "Young also has a question", "Bill said"). */
const VERB_AFTER = /^(?:,[ \t]+)?[ \t]+(?:(?:also|already|just|still|then|never|will|can|could|would|should|may|might|must)[ \t]+)?(?:said|says|called|calls|asked|asks|wants|wanted|thinks|thought|mentioned|agrees|agreed|confirmed|emailed|texted|paged|replied|answered|approved|signed|reviewed|coded|requested|sent|faxed|will|can|could|would|should|has|had|is|was|knows|needs|told|tells|recommended|recommends|noted|notes|feels|believes|reports|reported|states|stated|spoke|explained|verified|checked|visited|visits|brought|drove|lives|works|helps|helped)\b/i;
/** "the King chart", "for the Young account": a surname before a word for a patient's file. */
const FILE_AFTER = /^[ \t]+(?:account|acct|chart|case|claim|file|encounter|admission|denial|referral|family|kid|kids|baby|twins)\b/i;
const CREDENTIAL_AFTER = /^,?[ \t]*(?:RN|LPN|NP|PA-C|PA|MD|DO|CNA|LCSW|MSW|PT|OT|PharmD|APRN|CM)\b/;

function firstFreq(w: string): number { return nameLists()?.first.get(w.toLowerCase()) ?? 0; }
function surnameRank(w: string): number { return nameLists()?.last.get(w.toLowerCase()) ?? Infinity; }
const isFirst = (w: string) => firstFreq(w) >= 0.003;
/** A lower-case census first name that is no English word needs no cue above this frequency (percent of people). */
const LOWER_FIRST_MIN = 0.01;
const isSurname = (w: string) => surnameRank(w) <= 30000;
const clinicalWord = (w: string) => { const l = w.toLowerCase(); return EPONYMS.has(l) || DRUGS.has(l); };

/** `headings`: whether each line (by its start) is a heading, judged once per line: a long line holds many tokens. */
interface Ctx { text: string; toks: Token[]; headings: Map<number, boolean> }

/** "Joseph nodule", "Robin sequence": one or two more capitalised words, then a clinical head. */
const CHAIN = /^(?:['’]s)?[ \t]+\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)?(?:['’]s)?(?=[ \t])/u;

function clinicalAfter(c: Ctx, end: number): boolean {
  const after = c.text.slice(end, end + 50);
  const direct = (a: string) => CLINICAL_HEAD.test(a.replace(/^['’]s/, '').replace(/^[\s-]+/, '')) || MORE_CLINICAL.test(a) || STAGE_AFTER.test(a) || /^(?:['’]s)?-\p{Lu}/u.test(a)
    || /^(?:['’]s)?[ \t]+(?:positive|negative|pos|neg)\b(?![ \t]+for\b)/i.test(a);
  if (SCORE_AFTER.test(after) || medicalNounAfter(after) || /^['’]s?[ \t]*(?:[,.;)]|$)/.test(after) && DISEASE_BEFORE.test(c.text.slice(Math.max(0, end - 60), end).replace(/\S+$/, ''))) return true;
  const chain = CHAIN.exec(after);
  return direct(after) || Boolean(chain && direct(c.text.slice(end + chain[0].length, end + chain[0].length + 50)));
}

function placeDiseaseAt(c: Ctx, start: number): boolean {
  const s = c.text.slice(start, start + 40).toLowerCase();
  return PLACE_DISEASES.some((d) => s.startsWith(d.toLowerCase()));
}

/** A word that may be a name here at all: not a stop word, month, eponym, drug or facility head. */
/** A cue word itself ("Coach", "Officer", "Nurse") is a title or role, not the name. */
const isCueWord = (w: string) => CUE_BEFORE.test(`${w} `) || RELATION_BEFORE.test(`${w} `);
function usable(t: Token): boolean {
  return t.word.length >= 3 && !isCueWord(t.word) && !isStop(t.word) && !MONTH_OR_WEEKDAY.test(t.word) && !clinicalWord(t.word) && !HEADS.has(t.word.toLowerCase());
}
/**
 * In a first-name + surname pair the pair itself is the evidence: a common surname that is also an
 * eponym ("Carol King", "Summer Hill") or a name-like stop word ("Hunter Ward") may be the surname;
 * a clinical head after the pair still vetoes it ("Marcus Gunn pupil"). Drugs never.
 */
function usableInPair(t: Token): boolean {
  const w = t.word.toLowerCase();
  return t.word.length >= 3 && !isCueWord(t.word) && !MONTH_OR_WEEKDAY.test(w) && !DRUGS.has(w) && !HEADS.has(w) && (!isStop(w) || COMMON_WORDS.has(w));
}

/** A line of title-case words only ("Hunter Ward Discharge Summary"): a heading, not a sentence. */
function headingLine(c: Ctx, t: Token): boolean {
  const s = c.text.lastIndexOf('\n', t.start - 1) + 1;
  const known = c.headings.get(s);
  if (known !== undefined) return known;
  let e = c.text.indexOf('\n', t.end);
  if (e < 0) e = c.text.length;
  const words = c.text.slice(s, e).match(/\p{L}+/gu) ?? [];
  const heading = words.length >= 4 && words.every((w) => /^\p{Lu}/u.test(w) || /^(?:of|and|for|the|to|in|at|with)$/.test(w));
  c.headings.set(s, heading);
  return heading;
}

const adjacent = (c: Ctx, a: Token, b: Token) => /^[ \t]$/.test(c.text.slice(a.end, b.start));
const before = (c: Ctx, i: number, n = 28) => c.text.slice(Math.max(0, i - n), i);

export function findOrdinaryWordNames(text: string, toks: Token[]): Hit[] {
  if (!nameLists()) return [];
  const c: Ctx = { text, toks, headings: new Map() };
  const out: Hit[] = [];
  const push = (start: number, end: number, reason: string) => out.push({ start, end, type: 'NAME', reason });
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const after = text.slice(t.end, t.end + 50);
    if (TITLE.test(t.word)) {
      if (isFirst(t.word) && SIGNED_LINE.test(before(c, t.start, 30)) && /^[ \t]*[.!]?[ \t]*(?:\n|$)/.test(after) && !clinicalWord(t.word)) { push(t.start, t.end, 'name signing a message'); continue; }
      if (placeDiseaseAt(c, t.start) || headingLine(c, t)) continue;
      // "First [M.] Last": a census first name, then a census surname.
      let j = i + 1;
      if (toks[j] && /^\p{Lu}$/u.test(toks[j]!.word) && text[toks[j]!.end] === '.' && adjacent(c, t, toks[j]!) && toks[j + 1] && /^[ \t]$/.test(text.slice(toks[j]!.end + 1, toks[j + 1]!.start))) j++;
      const u = toks[j];
      const gapOk = u && (j === i + 1 ? adjacent(c, t, u) : true);
      if (u && gapOk && usableInPair(t) && TITLE.test(u.word) && usableInPair(u) && isFirst(t.word) && (isSurname(u.word) || !isOrdinaryWord(u.word))
        && !clinicalAfter(c, u.end) && !STREET_AFTER.test(text.slice(u.end, u.end + 14)) && !HEADS.has((toks[j + 1]?.word ?? '').toLowerCase())) {
        const english = isEnglishWord(t.word) && isEnglishWord(u.word);
        const cued = CUE_BEFORE.test(before(c, t.start)) || VERB_AFTER.test(text.slice(u.end, u.end + 40)) || CREDENTIAL_AFTER.test(text.slice(u.end, u.end + 10));
        const alone = /^[ \t]*(?:\n|$)/.test(text.slice(u.end, u.end + 3)) && (t.start === 0 || /\n[ \t]*$/.test(before(c, t.start, 4)));
        if (!t.sentenceStart || !english || cued || alone) { push(t.start, u.end, 'census first name and surname'); i = j; continue; }
      }
      // One census name word with a person cue before or a person's verb after it.
      // "sent to Call Center": a word before a facility head word is the facility's (facilities.ts).
      const headNext = toks[i + 1] && adjacent(c, t, toks[i + 1]!) && TITLE.test(toks[i + 1]!.word) && HEADS.has(toks[i + 1]!.word.toLowerCase());
      if (!(isFirst(t.word) || isSurname(t.word)) || clinicalAfter(c, t.end) || headNext) continue;
      const pre = before(c, t.start);
      // After a relation word a month or an eponym may be the name ("neighbor June says", "Daughter April").
      const relation = RELATION_BEFORE.test(pre);
      // "the Whipple case", "the Nissen case": an eponymous procedure before "case" is the operation, not the patient's file.
      const procedureCase = EPONYMS.has(t.word.toLowerCase()) && /^[ \t]+cases?\b/i.test(after);
      const file = /\bthe[ \t]+$/i.test(pre) && FILE_AFTER.test(after) && !DRUGS.has(t.word.toLowerCase()) && !MONTH_OR_WEEKDAY.test(t.word) && !procedureCase;
      // "June called back", "August will send the records": a month that is a census first name, before a verb only people use.
      const monthPerson = MONTH_OR_WEEKDAY.test(t.word) && isFirst(t.word) && MONTH_PERSON_VERB.test(after);
      if (monthPerson && !drugContext(text, t.start, t.end)) { push(t.start, t.end, "month-name first name before a person's verb"); continue; }
      if (!usable(t) && !(relation && isFirst(t.word) && !DRUGS.has(t.word.toLowerCase())) && !file) continue;
      const cued = relation || CUE_BEFORE.test(pre) || (FOR_TO_BEFORE.test(pre) && CLOSES.test(after) && !t.sentenceStart) || ROLE_BRACKET_BEFORE.test(before(c, t.start, 30)) && /^\)/.test(after);
      // Mid-sentence any person's verb; at a sentence start only one that only people do ("Young also has a question", "Bill said").
      const verb = (!t.sentenceStart && VERB_AFTER.test(after) && !PASSIVE_AFTER.test(after)) || STRONG_VERB_AFTER.test(after);
      if ((cued || verb || file) && !drugContext(text, t.start, t.end)) push(t.start, t.end, cued ? 'census name after a person cue' : verb ? "census name before a person's verb" : 'census name before a file word');
      continue;
    }
    if (CAPS.test(t.word) && capsPair(c, i)) { push(t.start, toks[i + 1]!.end, 'census first name and surname (upper case)'); i++; continue; }
    if (!LOWER.test(t.word) || clinicalAfter(c, t.end)) continue;
    const freq = firstFreq(t.word);
    // "the baker account": a frequent surname before a word for a patient's file, even when it is an English word.
    if (/\bthe[ \t]+$/i.test(before(c, t.start, 6)) && FILE_AFTER.test(after) && !/^[ \t]+(?:family|kids?|baby|twins)\b/i.test(after) && surnameRank(t.word) <= 5000
      && !isStop(t.word) && !DRUGS.has(t.word) && !isCueWord(t.word)) { push(t.start, t.end, 'census name before a file word'); continue; }
    if (freq < 0.003) continue;
    const ordinary = isOrdinaryWord(t.word) || isEnglishWord(t.word);
    // A message signed on its own line after a sign-off ("thx\nmaria"): the line is the name, whatever else the word means.
    if (SIGNED_LINE.test(before(c, t.start, 30)) && /^[ \t]*[.!]?[ \t]*(?:\n|$)/.test(after) && !DRUGS.has(t.word) && !EPONYMS.has(t.word)) { push(t.start, t.end, 'name signing a message'); continue; }
    if (!usable(t)) continue;
    // "son will drive her", "roommate will call them": a modal before a lower-case ordinary word is the verb phrase, not a
    // name ("will harjo" stays: the word after is no ordinary word).
    const nextTok = toks[i + 1];
    if (MODAL.test(t.word) && nextTok && adjacent(c, t, nextTok) && LOWER.test(nextTok.word) && isOrdinaryWord(nextTok.word)) continue;
    // "pt is winnifred from the 10am", "patient is clementine, 4 yo": a census given name introduced as the patient, closed by a
    // comma, "from", "who" or the sentence's end ("pt is improving" and "pt is alert" are no census names).
    if (PATIENT_IS.test(before(c, t.start, 14)) && /^(?:[ \t]*[,.(]|[ \t]+(?:from|who|with|at|in[ \t]+room|in[ \t]+bed)\b|[ \t]*$)/.test(after) && !/(?:ed|ing|ly)$/.test(t.word)) { push(t.start, t.end, 'census first name introduced as the patient'); continue; }
    // "patient grace kowalczyk": a lower-case census first name before a census surname that is no ordinary word.
    const u = toks[i + 1];
    const strongCue = STRONG_LOWER_CUE.test(before(c, t.start, 20)) || /\b(?:named|patient|pt|name is)[ \t]+$/i.test(before(c, t.start, 12));
    // After a cue the surname may be an English word ("named betty price").
    // "grace will visit", "kelly may call": a modal after a given name is the verb, not a surname ("will harjo" stays: a
    // modal may be the given name).
    if (u && adjacent(c, t, u) && LOWER.test(u.word) && !MODAL.test(u.word) && isSurname(u.word) && (!isOrdinaryWord(u.word) || (strongCue && !isStop(u.word) && surnameRank(u.word) <= 5000))
      && !DRUGS.has(u.word) && !clinicalAfter(c, u.end)) { push(t.start, u.end, 'census first name and surname (lower case)'); i++; continue; }
    // "mrs. hill", "doctor grant", "patient rose": after an honorific or a patient word, a census name that is no verb,
    // adverb or adjective is the name, even when it is an English word (dictation and chat write names in lower case).
    if (HONORIFIC_LOWER.test(before(c, t.start, 12)) && (freq >= 0.003 || isSurname(t.word)) && !['Verb', 'Auxiliary', 'Adverb', 'Adjective', 'Modal', 'Preposition', 'Determiner', 'Pronoun'].some((x) => t.tags.has(x))
      && !(/\b(?:patient|pt)[ \t]+$/i.test(before(c, t.start, 10)) && isEnglishVerbLike(t.word))) { push(t.start, t.end, 'census name after an honorific (lower case)'); continue; }
    // Lower case: a census first name that is no English or clinical word, or any census first name after a strong cue.
    if (!ordinary && freq >= LOWER_FIRST_MIN) push(t.start, t.end, 'census first name (lower case)');
    // "deb and i looked", "me and tina": a name coordinated with the writer.
    // "baby isabella", "newborn philomena": a word for a baby names it, as a relation word names a relative.
    else if (!ordinary && BABY_BEFORE.test(before(c, t.start, 12))) push(t.start, t.end, 'census first name after a word for a baby');
    else if (/^[ \t]+and[ \t]+(?:i|me|myself)\b/i.test(after) || /\b(?:me|myself)[ \t]+and[ \t]+$/i.test(before(c, t.start, 12))) push(t.start, t.end, 'census first name beside the writer');
    else if (STRONG_LOWER_CUE.test(before(c, t.start, 20)) && !/(?:ed|ing|ly)$/.test(t.word)) push(t.start, t.end, 'census first name after a person cue');
  }
  return [...out, ...nicknames(c), ...particleNames(c), ...userNames(text), ...findInitialNames(text, toks)];
}

const CAPS = /^\p{Lu}{3,}$/u;
const ABBREVIATIONS = new Set(terms.abbreviations.map((w) => w.toLowerCase()));
/**
 * "Patient JOHN SMITH was seen", "CONTACT: ROSE WALKER (DAUGHTER)": two upper-case words, a common census first name then a
 * census surname, neither an abbreviation; two English words ("WILL CALL") need a person cue or a relation in brackets after.
 */
function capsPair(c: Ctx, i: number): boolean {
  const t = c.toks[i]!, u = c.toks[i + 1];
  if (!u || !CAPS.test(u.word) || !adjacent(c, t, u) || firstFreq(t.word) < 0.02 || !isSurname(u.word)) return false;
  const abbreviation = (w: string) => ABBREVIATIONS.has(w.toLowerCase());
  // An eponym may be the surname of a pair ("JOHN SMITH"); the clinical head after it still vetoes ("SMITH FRACTURE").
  if ([t, u].some((x) => abbreviation(x.word) || DRUGS.has(x.word.toLowerCase()) || (isStop(x.word) && !COMMON_WORDS.has(x.word.toLowerCase())) || MONTH_OR_WEEKDAY.test(x.word) || isCueWord(x.word))) return false;
  if (clinicalAfter(c, u.end)) return false;
  if (!(isEnglishWord(t.word) && isEnglishWord(u.word))) return true;
  return CUE_BEFORE.test(before(c, t.start)) || /(?:^|\n)[^:\n]{0,30}:[ \t]*$/.test(before(c, t.start, 32)) || /^[ \t]*\((?:[A-Za-z]+)\)/.test(c.text.slice(u.end, u.end + 20));
}

/** "Benedicto "Benny" Villaflor", "Terrence 'T.J.' Middleton": a quoted nickname between two name words is one name. */
const NICKNAME = /(?<![\p{L}])(\p{Lu}\p{Ll}+)[ \t]+["“'‘(]([\p{L}.]{1,14})["”'’)][ \t]+(\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}])/gu;
function nicknames(c: Ctx): Hit[] {
  const out: Hit[] = [];
  for (const m of c.text.matchAll(NICKNAME)) {
    const [, a, , b] = m as unknown as [string, string, string, string];
    const nameish = (w: string) => isFirst(w) || isSurname(w) || !isOrdinaryWord(w);
    // Two words no list knows around a quoted nickname ("Benedicto 'Benny' Villaflor") are a name by the shape alone.
    if (!nameish(a) || !nameish(b) || clinicalWord(a) || clinicalWord(b) || isStop(a) || isStop(b) || !(isFirst(a) || isSurname(b) || (!isOrdinaryWord(a) && !isOrdinaryWord(b)))) continue;
    if (!clinicalAfter(c, m.index + m[0].length)) out.push({ start: m.index, end: m.index + m[0].length, type: 'NAME', reason: 'name with a quoted nickname' });
  }
  return out;
}

/** "Herman van der Berg", "Mr. van der Berg", "Lucia de la Rosa": surname particles after a given name or an honorific join the surname. */
const PARTICLE_NAME = /(?:(?<![\p{L}])(\p{Lu}\p{Ll}+)|\b(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?)[ \t]+((?:van|von|de|der|den|del|della|da|di|du|dos|das|ter|ten|le|la)(?:[ \t]+(?:der|den|de|la|las|los|del|van))?)[ \t]+(\p{Lu}\p{Ll}+)(?![\p{L}])/gu;
function particleNames(c: Ctx): Hit[] {
  const out: Hit[] = [];
  for (const m of c.text.matchAll(PARTICLE_NAME)) {
    const given = m[1];
    if (given && (!isFirst(given) || clinicalWord(given) || isStop(given))) continue;
    if (isStop(m[3]!) || clinicalWord(m[3]!) || clinicalAfter(c, m.index + m[0].length)) continue;
    const start = given ? m.index : m.index + m[0].indexOf(m[2]!);
    out.push({ start, end: m.index + m[0].length, type: 'NAME', reason: 'surname with particles' });
  }
  return out;
}

/** "user=mkowalski", "login: jsmith2": a user name in an access log names the person. */
const USER_NAME = /\b(?:user(?:[ _]?name)?|user[ _]?id|login|logon|operator|uid)[ \t]*[=:][ \t]*([A-Za-z][A-Za-z0-9._-]{2,30})(?![A-Za-z0-9@])/gi;
/** A chat handle heading its message ("brandi.k  10:02", "j.okafor 9:14 AM") or mentioned ("@kofi.a"): a person's login. */
const HANDLE_LINE = /^[ \t]*([a-z][a-z0-9]*[._][a-z0-9]+(?:[._][a-z0-9]+)?)[ \t]+\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]*$/gm;
const MENTION = /(?<![\w.@])@([A-Za-z][\w]*[._][\w]+|[A-Za-z]{3,}\b)(?![\w@.-]*\.(?:com|org|net|edu|gov)\b)/g;
/**
 * A forum post's or reply's author ("Posted by ckwiatkowski_CCS", "original post by lupe.fonoti:", "MRowe_coder wrote:",
 * "reply from kwame.a:", "Reply: bernie.okonkwo | Mar 5"); a login or a word that is no ordinary word (handleLike).
 */
const POST_AUTHOR = /\b(?:(?:originally[ \t]+)?posted by|(?:original[ \t]+)?post by|(?:reply|response|comment) (?:from|by)|(?:replied|commented|answered) by|^[ \t]*(?:re:[ \t]*)?(?:reply|response|comment)[ \t]*:)[ \t]+([A-Za-z][\w.]*[A-Za-z0-9])|^[ \t>]*([A-Za-z][\w.]*[A-Za-z0-9])[ \t]+(?:wrote|replied|posted|commented|said)[ \t]*:/dgim;
/** A login of letters with an underscore ("MRowe_coder", "wren_t"): no word of clinical text is written so. */
const UNDERSCORE_HANDLE = /(?<![\w.@\/\\-])([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+)(?![\w@\/\\]|\.[A-Za-z])/g;
const handleLike = (h: string) => /[._\d]/.test(h) || !isOrdinaryWord(h);
function userNames(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(POST_AUTHOR)) {
    const [start, end] = m.indices![m[1] ? 1 : 2]!;
    if (handleLike(text.slice(start, end))) out.push({ start, end, type: 'NAME', reason: 'author of a post' });
  }
  for (const m of text.matchAll(UNDERSCORE_HANDLE)) {
    // "ICD_10", "FINAL_DX": a part of 3+ letters in lower or mixed case that is no ordinary word makes it a person's login.
    if (m[1]!.split('_').some((p) => /^(?=.*\p{Ll})\p{L}{3,}$/u.test(p) && !isOrdinaryWord(p))) out.push({ start: m.index, end: m.index + m[1]!.length, type: 'NAME', reason: 'user name' });
  }
  for (const re of [HANDLE_LINE, MENTION]) {
    for (const m of text.matchAll(re)) {
      const start = m.index + m[0].indexOf(m[1]!);
      if (/[._]/.test(m[1]!) || !isOrdinaryWord(m[1]!)) out.push({ start, end: start + m[1]!.length, type: 'NAME', reason: 'chat handle' });
    }
  }
  for (const m of text.matchAll(USER_NAME)) {
    const start = m.index + m[0].length - m[1]!.length;
    if (!isOrdinaryWord(m[1]!) || /\d|[._]/.test(m[1]!)) out.push({ start, end: start + m[1]!.length, type: 'NAME', reason: 'user name' });
  }
  return out;
}

/**
 * Every word of a name span (initials aside) is a census name or no ordinary word: "Clifford R. Stone", not "Follow Up" or
 * "Shortness Of Breath" found after a cue in an upper-case line, where capitals say nothing about names.
 */
export function censusOrUnknownWords(span: string): boolean {
  const words = span.split(/[\s,]+/).filter((w) => w && !/^\p{Lu}\.$/u.test(w));
  // "DR MAY QUIROGA": a month that is also a given name counts before another word of the name.
  const givenMonth = (w: string, k: number) => k < words.length - 1 && /^(?:april|may|june|august)$/i.test(w);
  return words.length > 0 && words.every((w, k) => givenMonth(w, k) || w.split('-').every((p) => p.length >= 2 && !isStop(p) && (isFirst(p) || isSurname(p) || !isOrdinaryWord(p))));
}
