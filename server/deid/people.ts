/**
 * Person names WITHOUT a cue word: "Mary Johnson", "Anna S.", a bare "Jennifer", "the henderson
 * chart", and lower-case names right after a person cue ("talked to tamika", "dr. kapoor").
 * Capitalised words that are no ordinary word at all are the proper-noun rule's (proper-nouns.ts);
 * this file is for names that the census lists know, including those that are ordinary words.
 * Evidence: the US Census 1990 first-name and surname frequency lists (lexicon.ts), the NLP
 * library's name lexicon and its English-word knowledge (tokens.ts), and context.
 * Invariants:
 *  - a word on the exception list (eponyms, drugs, common words that are also names) or the
 *    STOP list is never a name on list evidence alone; it needs a first name before it
 *    ("Rachel Stein") or a strong cue handled in names.ts ("Dr. King");
 *  - a word followed by a clinical head word ("Parkinson disease", "Bell's palsy", "Apgar
 *    score") is never a name here, whatever the lists say;
 *  - without the census lists, only cue evidence is used here (lower recall).
 */
import { type Hit } from './hits';
import { COMMON_WORDS, DRUGS, EPONYMS, isClinicalOrCommon, nameLists, NOT_IDENTIFYING, PLACE_DISEASES, type NameLists } from './lexicon';
import { isStop, MONTH_OR_WEEKDAY } from './name-words';
import { afterDeterminer } from './person-evidence';
import { afterMaker } from './product-context';
import { isOrdinaryWord } from './ordinary';
import { isEnglish, isEnglishWord, isTitle, looksPerson, type Token } from './tokens';
import { drugContext, medicalNounAfter } from './proper-nouns';
import { givenName } from './name-signoffs';

/** Words after an eponym that make it a clinical term. */
/** A clinical head word, singular or plural ("Richardson retractors", "Kelly clamps"); implant parts too ("Exeter stem", "Trident cup"). */
export const CLINICAL_HEAD = /^(?:['’]s\s+)?(?:disease|diseases|syndrome|sign|signs|test|tests|score|scores|scale|criteria|classification|sarcoma|lymphoma|tumou?r|palsy|triad|phenomenon|contracture|esophagus|fracture|fx|maneuver|manoeuvre|lesions?|nodes?|spots?|cells?|variant|pattern|block|reflex|procedure|operation|fever|virus|thyroiditis|carditis|cyst|foot|arteritis|lines|rule|formula|murmur|ulcer|tear|diverticulum|pouch|duct|canal|gland|bodies|body|dementia|chorea|ataxia|an(?:a)?emia|encephalopathy|encephalitis|aphasia|area|stage|type|recluse|count|matter|knot|incision|position|catheter|drain|classification|grade|staging|disorder|deformity|dystrophy|neuralgia|neuroma|node|phenomenon|law|effect|index|ratio|solution|stain|agar|reaction|retractor|forceps|tube|splint|cast|view|shunt|valve|repair|fundoplication|pouch|loop|anastomosis|resection|ligament|tendon|membrane|hernia|oedema|edema|sclerosis|tremor|kit|fingers?|nodules?|bodies|spots|rings?|lines?|bands?|waves?|complex|cysts?|appendages?|granules?|inclusions?|crystals?|needles?|pupils?|nails|level|depth|delusion|agammaglobulinemia|thrombasthenia|angina|respirations|breathing|injury|neuroma|rods|carcinoma|cell|dance|itch|surgery|agitation|lift|hugger|collar|boot|sump|suction|splint|brace|sling|stockings|technique|walker|commode|wheelchair|crutches|chromosome|translocation|diet|protocol|regimen|mixture|questionnaire|inventory|assessment|rules?|strain|serotype|genotype|medium|broth|chair|frame|approach|category|system|clamp|scissors|cannula|elevator|dilator|speculum|needle|bur|burr|rongeur|curette|osteotome|hook|stem|cup|liner|prosthesis|implant|plate|nail|component|baseplate|glenosphere)(?:e?s)?\b/i;


/** Words before a lower-case name that make it one ("wife sarah", "talked to tamika"). */
const LOWER_CUE = /(?:\b(?:wife|husband|spouse|partner|son|daughter|dtr|mother|mom|father|dad|sister|brother|friend|niece|nephew|aunt|uncle|grandson|granddaughter|caregiver|dr|mr|mrs|ms|miss|nurse|rn|np|pa|talked to|spoke (?:to|with|w\/)|ask|asked|ping|pinged|call|called|tell|told|per|d\/w|thanks|thank you|hi|hello|hey|dear|cc|for|with)\.?,?\s+)$/i;

const FIRST_MIN_FREQ = 0.003;
/** "the kessler account": a lower-case surname before a word for a patient's file. */
const FILE_AFTER = /^[ \t]+(?:account|acct|chart|case|claim|file|encounter|admission|denial|bill|referral)\b/i;
const LAST_MAX_RANK = 60000;

interface Ctx { text: string; toks: Token[]; lists: NameLists | null }

const first = (c: Ctx, t: Token) => (c.lists?.first.get(t.word.toLowerCase()) ?? 0) >= FIRST_MIN_FREQ || t.tags.has('FirstName');
const last = (c: Ctx, t: Token) => {
  const r = c.lists?.last.get(t.word.toLowerCase());
  return (r !== undefined && r <= LAST_MAX_RANK) || t.tags.has('LastName');
};
const HONORIFIC_WORD = /^(?:dr|drs|mr|mrs|ms|mx|miss|prof|rev|sr|jr|st|saint|fr|sgt|capt|hon)$/i;
const exceptional = (t: Token) => isStop(t.word) || NOT_IDENTIFYING.has(t.word.toLowerCase()) || isClinicalOrCommon(t.word) || MONTH_OR_WEEKDAY.test(t.word) || HONORIFIC_WORD.test(t.word) || t.word.length < 3;
/** Right before a name whose word is also an ordinary word ("doula Amber", "Thanks Brian", "- Heather"). */
const PERSON_CUE = /(?:\b(?:wife|husband|spouse|partner|son|daughter|dtr|mother|mom|father|dad|sister|brother|friend|niece|nephew|aunt|uncle|grandson|granddaughter|grandmother|grandfather|caregiver|roommate|neighbou?r|girlfriend|boyfriend|fianc[ée]e?|doula|sitter|aide|tech|interpreter|chaplain|midwife|therapist|pharmacist|worker|manager|coordinator|navigator|scribe|student|coworker|colleague|nurse|RN|LPN|NP|PA|CNA|MA|thanks|thank you|hi|hello|hey|dear|ask|asked|ping|pinged|told|tell|call|called|with|from|by|and)\.?,?[ \t]+|(?:^|\n|[.!?)][ \t]+)[-–—~][ \t]*|\b(?:thanks|thank you|thx|regards|best|cheers|sincerely)[,!.]?[ \t]*[-–—~]?[ \t]*\n?[ \t]*)$/i;
/** A place-named disease starts here ("Rocky Mountain spotted fever"). */
const placeDisease = (c: Ctx, t: Token) => PLACE_DISEASES.some((d) => c.text.slice(t.start, t.start + d.length).toLowerCase() === d.toLowerCase());
const initialAt = (c: Ctx, t: Token) => /^[A-Z]$/.test(t.word) && c.text[t.end] === '.';
/** "Miller Fisher variant", "Hoehn and Yahr stage": another eponym, then the head word. */
function eponymChainAfter(c: Ctx, t: Token): boolean {
  // "Foster Kennedy syndrome", "Argyll Robertson pupil": one or two more capitalised words, then the head word.
  const m = /^(?:['’]s)?(?:[ \t]+and)?[ \t-]+([A-Z][a-z]+)(?:[ \t-]+[A-Z][a-z]+)?(?:['’]s)?[ \t]+(\S.{0,30})/.exec(c.text.slice(t.end, t.end + 70));
  return Boolean(m && CLINICAL_HEAD.test(m[2]!));
}
/** "Tanner 1.", "Gleason 3+4", "Hunt and Hess 2": a single-digit stage or grade closing the phrase follows a scale's eponym, never a person. */
const STAGE_AFTER = /^[ \t]+(?:stage[ \t]+)?[0-5](?:[a-c]|[+\/-][0-5])?(?=[ \t]*(?:[.,;:)\n]|$|(?:and|or|to)[ \t]+[0-5]\b))/;
export const stageAfter = (after: string): boolean => STAGE_AFTER.test(after);
/**
 * "Adams forward bend test", "modified Ashworth spasticity scale", "Frazier-style free water protocol": one to three lower-case
 * words that are no function words, then a clinical head word, make the word an eponym ("Called Thomas about test results" stays).
 */
export function eponymPhraseAfter(after: string): boolean {
  const m = /^(?:['’]s)?[ \t]+(\p{Ll}[\p{Ll}-]+)(?:[ \t]+(\p{Ll}[\p{Ll}-]+))?(?:[ \t]+(\p{Ll}[\p{Ll}-]+))?(?:[ \t]+(\p{Ll}[\p{Ll}-]+))?/u.exec(after);
  if (!m) return false;
  const words = m.slice(1).filter((w): w is string => Boolean(w));
  for (let k = 1; k < words.length; k++) {
    if (words.slice(0, k).some((w) => isStop(w) || w.length < 3)) return false;
    if (CLINICAL_HEAD.test(words[k]!)) return true;
  }
  return false;
}
const clinicalAfter = (c: Ctx, t: Token) => eponymChainAfter(c, t) || eponymPhraseAfter(c.text.slice(t.end, t.end + 70)) || STAGE_AFTER.test(c.text.slice(t.end, t.end + 20)) || CLINICAL_HEAD.test(c.text.slice(t.end, t.end + 40).replace(/^[\s-]+/, (s) => (s.includes('-') ? '' : ' ')).trimStart())
  || /^(?:['’]s)?-[A-Z]/.test(c.text.slice(t.end, t.end + 4)) || /[A-Za-z]-$/.test(c.text.slice(Math.max(0, t.start - 2), t.start))
  // "Ely negative", "Kernig positive": a finding after the word makes it a sign (not "Okafor positive for flu").
  || /^(?:['’]s)?[ \t]+(?:positive|negative|pos|neg)\b(?![ \t]+for\b)/i.test(c.text.slice(t.end, t.end + 20))
  || SCORE_AFTER.test(c.text.slice(t.end, t.end + 24)) || possessiveDisease(c.text, t.start, t.end) || medicalNounAfter(c.text.slice(t.end, t.end + 40));
/**
 * "Hamilton 18,", "Edinburgh 12", "Berg 38/56": a bare score right after a word closes a scale's name, not a person's
 * (an age, a time, a date or a unit after the number reads otherwise).
 */
/**
 * "history of Meniere's", "diagnosed with Sheehan's", "early Alzheimer's": a possessive word after a diagnosis cue is an
 * eponymous disease written without its head word, not a person.
 */
export const DISEASE_BEFORE = /(?:\b(?:h\/o|hx(?:[ \t]+of)?|history[ \t]+of|dx(?:[ \t]+of|[ \t]+with)?|diagnosed[ \t]+with|diagnosis[ \t]+of|known|suspected|presumed|r\/o|rule[ \t]+out|c\/w|consistent[ \t]+with|concern[ \t]+for|secondary[ \t]+to|2\/2|related[ \t]+to|early|late|advanced|mild|severe|juvenile|familial|atypical|possible|probable|worsening|untreated|uncontrolled|stable|active|refractory|flare[ \t]+of|pmh[ \t]*:?|pmhx[ \t]*:?|w\/u[ \t]+for|workup[ \t]+for|eval(?:uation)?[ \t]+for|screening[ \t]+for|treated[ \t]+for|tx[ \t]+for|on[ \t]+treatment[ \t]+for|f\/u[ \t]+(?:of|for)))[ \t]+$/i;
export const possessiveDisease = (text: string, start: number, end: number): boolean =>
  /^['’]s?(?![ \t]+\p{Ll}+[ \t]+(?:said|says|called|asked|is|was|will|has|had|wants|mother|father|wife|husband|son|daughter|office|team|note|clinic|patient|nurse))/u.test(text.slice(end, end + 40))
  && /['’]/.test(text.slice(end, end + 1)) && DISEASE_BEFORE.test(text.slice(Math.max(0, start - 30), start));

export const SCORE_AFTER = /^[ \t]*:?[ \t]*\d{1,3}(?:\/\d{1,3})?(?![\d:\/-])(?!\.\d)(?![ \t]*(?:y\/?o|yrs?|years?|days?|d|weeks?|wks?|months?|mos?|hours?|hrs?|h|min|minutes|am|pm|a\.m|p\.m|st|nd|rd|th|times|x)\b)(?=[ \t]*(?:[,;.)\n]|$|and\b|on\b|at\b|with\b|\(|points?\b|pts\b))/i;

/** Only a space or tab between two tokens (names never span a line or punctuation). */
const adjacent = (c: Ctx, a: Token, b: Token) => /^[ \t]{1,2}$/.test(c.text.slice(a.end, b.start));
/**
 * "Raj P.": a given name of the SSA lists that the 1990 census lacks, before a closing initial, is a person too (the
 * retrained weights of the fifteenth pass stopped reading it); never an English or clinical word ("Grade A.").
 */
const givenBeforeInitial = (c: Ctx, t: Token, next: Token | undefined) =>
  !!next && adjacent(c, t, next) && initialAt(c, next) && givenName(t.word) && !isClinicalOrCommon(t.word) && !isEnglish(t);

function hit(start: number, end: number, reason: string): Hit { return { start, end, type: 'NAME', reason }; }

/** A usable name word: Title case, not an exception, not an ordinary English word here. */
function nameWord(c: Ctx, t: Token): boolean {
  return isTitle(t.word) && !exceptional(t) && (!isEnglish(t) || looksPerson(t)) && !clinicalAfter(c, t) && !placeDisease(c, t);
}

const BARE_SURNAME_MAX_RANK = 8000;
const cuedBefore = (c: Ctx, t: Token) => PERSON_CUE.test(c.text.slice(Math.max(0, t.start - 24), t.start));

export function findListNames(text: string, toks: Token[]): Hit[] {
  const c: Ctx = { text, toks, lists: nameLists() };
  const out: Hit[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const next = toks[i + 1];
    if (isTitle(t.word)) {
      // "First Last" (and "First Middle Last", "First M. Last"): the first word carries the evidence.
      if ((first(c, t) || givenBeforeInitial(c, t, next)) && next && adjacent(c, t, next) && !placeDisease(c, t)) {
        let j = i + 1;
        const run: Token[] = [t];
        while (j < toks.length && run.length < 4 && adjacent(c, run[run.length - 1]!, toks[j]!) && (initialAt(c, toks[j]!) || (isTitle(toks[j]!.word) && !isStop(toks[j]!.word)))) {
          run.push(toks[j]!); j++;
        }
        while (run.length > 1 && (initialAt(c, run[run.length - 1]!) ? false : clinicalAfter(c, run[run.length - 1]!) || isClinicalOrCommon(run[run.length - 1]!.word) && !last(c, run[run.length - 1]!))) run.pop();
        const lastTok = run[run.length - 1]!;
        // "Epic In Basket", "At Home Infusion": a preposition or article that a census list also holds opens no name.
        const functionWord = isStop(t.word) && ['Preposition', 'Determiner', 'Conjunction'].some((x) => t.tags.has(x));
        const firstOk = functionWord ? false : !exceptional(t) || (run.length > 1 && ((last(c, lastTok) && !isClinicalOrCommon(lastTok.word) && !isEnglish(lastTok)) || (cuedBefore(c, t) && nameWord(c, lastTok))));
        if (run.length > 1 && firstOk && !clinicalAfter(c, lastTok)) {
          const end = initialAt(c, lastTok) ? lastTok.end + 1 : lastTok.end;
          out.push(hit(t.start, end, initialAt(c, lastTok) ? 'first name and initial' : 'first and last name'));
          i = j - 1;
          continue;
        }
      }
      const rank = c.lists?.last.get(t.word.toLowerCase()) ?? Infinity;
      // "on Allegra 180 mg", "took Ella": a census name in a drug context is a brand.
      // "her Libre", "the Merlin download": a name takes no article or possessive pronoun (person-evidence.ts);
      // "Abbott Gallant HF": a maker's next word is its model (product-context.ts).
      if (nameWord(c, t) && (first(c, t) || (last(c, t) && (looksPerson(t) || (!t.sentenceStart && rank <= BARE_SURNAME_MAX_RANK)))) && !drugContext(text, t.start, t.end) && !afterDeterminer(text, t.start, t.end) && !afterMaker(text, t.start)) {
        out.push(hit(t.start, t.end, first(c, t) ? 'common first name' : 'common surname'));
        continue;
      }
      // An ordinary word that is also a first name, right after a person cue ("doula Amber", "- Heather").
      // "Faith and Joy": a bare "and" is too weak a cue for a word that is also an ordinary one.
      if (isTitle(t.word) && !NOT_IDENTIFYING.has(t.word.toLowerCase()) && !(isClinicalOrCommon(t.word) && /\band[ \t]+$/i.test(text.slice(Math.max(0, t.start - 5), t.start))) && (first(c, t) || c.lists?.first.has(t.word.toLowerCase()) || looksPerson(t)) && !isStop(t.word) && !HONORIFIC_WORD.test(t.word) && !clinicalAfter(c, t) && !placeDisease(c, t) && !MONTH_OR_WEEKDAY.test(t.word) && cuedBefore(c, t)
        && !(next && adjacent(c, t, next) && isTitle(next.word) && isStop(next.word))) {
        out.push(hit(t.start, t.end, 'first name after a person cue'));
        continue;
      }
      continue;
    }
    // Lower-case names only right after a person cue.
    if (/^[a-z][a-z'’-]{2,}$/.test(t.word) && (LOWER_CUE.test(text.slice(Math.max(0, t.start - 20), t.start))
      || (/\bthe[ \t]+$/i.test(text.slice(Math.max(0, t.start - 6), t.start)) && FILE_AFTER.test(text.slice(t.end, t.end + 16))))) {
      const lw = t.word.toLowerCase();
      // After an honorific ("dr. nwosu") any word that is not ordinary English is a name.
      const honorific = /\b(?:dr|mr|mrs|ms|miss|wife|husband|son|daughter|dtr|mother|mom|father|dad|sister|brother|niece|nephew|grandson|granddaughter|partner|boyfriend|girlfriend)\.?\s+$/i.test(text.slice(Math.max(0, t.start - 16), t.start));
      const listed = honorific || (c.lists?.first.get(lw) ?? 0) >= FIRST_MIN_FREQ * 3 || (c.lists?.last.get(lw) ?? Infinity) <= 20000;
      // "daughter emailed", "son visiting": a verb after the cue word is not a name.
      // "with meals", "for bath", "with stairs": after the weak cues "with" and "for" an ordinary word (plurals too) is the thing.
      const weakCue = /\b(?:with|for)\s+$/i.test(text.slice(Math.max(0, t.start - 6), t.start));
      // "his mother separately": an ordinary word that is no census given name is no name even after a relation.
      const verbLike = /(?:ed|ing)$/.test(lw) || isEnglishWord(lw) || ((weakCue || (c.lists?.first.get(lw) ?? 0) < FIRST_MIN_FREQ) && isOrdinaryWord(lw));
      if (listed && !exceptional(t) && !isEnglishLower(t) && !verbLike && !clinicalAfter(c, t)) out.push(hit(t.start, t.end, 'name after a person cue'));
    }
  }
  // "@Priyanka": a chat mention names a person.
  for (const m of text.matchAll(/(?<![\w@])@([A-Za-z][A-Za-z'’-]{1,30})(?![\w@.])/g)) {
    const s = m.index + 1;
    if (!isStop(m[1]!)) out.push(hit(s, s + m[1]!.length, 'mention'));
  }
  return withListNeighbours(c, out);
}

/** "(Wallace, Pemberton)": a surname-list word next to a found name, in a list of names, is one too. */
function withListNeighbours(c: Ctx, found: Hit[]): Hit[] {
  const out = [...found];
  const covered = (t: Token) => out.some((h) => h.start <= t.start && t.end <= h.end);
  for (let round = 0; round < 2; round++) {
    c.toks.forEach((t, i) => {
      if (covered(t) || !isTitle(t.word) || !last(c, t) || isStop(t.word) || COMMON_WORDS.has(t.word.toLowerCase()) || DRUGS.has(t.word.toLowerCase()) || clinicalAfter(c, t) || placeDisease(c, t)) return;
      const near = [c.toks[i - 1], c.toks[i + 1]].filter((x): x is Token => Boolean(x) && covered(x!));
      const joined = near.some((n) => /^\s*(?:,|and|&|\/)\s*$/.test(n.end <= t.start ? c.text.slice(n.end, t.start) : c.text.slice(t.end, n.start)));
      if (joined) out.push(hit(t.start, t.end, 'surname in a list of names'));
    });
  }
  return out;
}

/** For a lower-case word, the tagger's Person guess is weak; ask the lexicon and the word class. */
function isEnglishLower(t: Token): boolean {
  return isEnglish({ ...t, tags: new Set([...t.tags].filter((x) => !['Person', 'FirstName', 'LastName', 'ProperNoun', 'MaleName', 'FemaleName'].includes(x))) })
    || ['Verb', 'Adjective', 'Adverb', 'Preposition', 'Determiner', 'Pronoun'].some((x) => t.tags.has(x));
}
