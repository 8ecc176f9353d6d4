/**
 * Evidence that a word is a person's name, beyond being an unknown word. The proper-noun rule
 * (proper-nouns.ts) asks for it when a single capitalised word is on no census list and no word
 * list: such a word, written alone, is as often a brand drug, device or product ("her Eversense",
 * "Tukysa added", "the Impella") as a name of an origin the 1990 census lists miss ("wife Ngozi").
 * Names nearly always come with something only people have: a title, relation or role before
 * them ("Dr.", "son", "interpreter", "seen by", "lives with"), a credential or a verb people do after
 * them ("Wanjiru, RN", "Nizhoni reports", "Jocelyne is a 71 y/o"), a possessive relation ("Ngozika's
 * husband"), a vocative ("Kwabena, can you ..."), a label ("Signed:"), a sign-off line.
 * Invariants: pure; reads only the text around the word (same line before, up to 40 characters
 * after); a product cue elsewhere is not this module's business (proper-nouns.ts explained()).
 */

/** Titles, relations, roles and the verbs of speaking or meeting with someone, right before the word (a bracket or quote may open). */
const PERSON_BEFORE = new RegExp(String.raw`(?:\b(?:dr|drs|mr|mrs|ms|mx|miss|prof|sr|fr|rev|pastor|officer|deputy|sgt|` +
  String.raw`wife|husband|spouse|partner|son|daughter|dtr|child|mother|mom|father|dad|sister|brother|sibling|friend|niece|nephew|aunt|uncle|cousin|` +
  String.raw`grand(?:son|daughter|ma|pa|mother|father|child)|step(?:son|daughter|mother|father|dad|mom)|(?:mother|father|son|daughter|brother|sister)-in-law|` +
  String.raw`caregiver|guardian|poa|hcpoa|roommate|neighbou?r|boyfriend|girlfriend|fianc[ée]e?|fiancee|ex|ex-partner|` +
  String.raw`pt|patient|client|resident|baby|infant|interpreter|translator|pharmacist|surgeon|attending|intern|fellow|hospitalist|provider|physician|doctor|` +
  String.raw`np|pa|pa-c|rn|lpn|cna|nurse|tech|technician|therapist|aide|sitter|chaplain|coordinator|manager|navigator|coder|scribe|midwife|doula|counselor|` +
  String.raw`sw|social worker|case manager|cm|cdi|cds|pcp|student|[a-z]+(?:ologist|iatrist|ician)|` +
  String.raw`name|named|name is|goes by|aka|called|calls|paged|texted|emailed|messaged|notified|informed|asked|ask|tell|told|thanks|thank you|thx|hi|hello|hey|dear|cc|attn|` +
  String.raw`educated|updated|reassured|instructed|counseled|counselled|taught|contacted|phoned|reached|consoled|thanked|greeted|advised|reminded|explained to|introduced to|reviewed with|went over with|` +
  // Verbs whose object is a patient ("Saw Nkem in clinic", "Roomed Amarachi", "Discharged Afolabi home"); a drug after
  // "gave" or "given" never gets here (proper-nouns.ts explains it first).
  String.raw`saw|see|seeing|met|examined|examining|assessed|reassessed|interviewed|roomed|admitted|admitting|consented|triaged|discharged|evaluated|evaluating|` +
  String.raw`escorted|transported|weighed|swabbed|vaccinated|rounded on|checked on|followed up with|introduced myself to|gave|handed|offered|` +
  String.raw`per|w\/|d\/w|c\/w|talked (?:to|with)|spoke (?:to|with)|speaking with|discussed with|met with|meeting with|held with|conference with|seen with|here with|` +
  String.raw`lives with|living with|stays with|staying with|came with|comes with|visited with|along with|together with|home with|conversation with|call with|visit with|` +
  String.raw`(?:message|msg|vm|voicemail|note) (?:left )?for|left (?:a )?(?:message|msg|vm|voicemail) (?:for|with)|` +
  String.raw`(?:seen|assisted|accompanied|signed|reviewed|dictated|transcribed|referred|evaluated|examined|interpreted|authored|written|ordered|approved|cosigned|co-signed|witnessed|verified|entered|performed|sent|brought|driven|picked up) by)` +
  String.raw`\.?,?[ \t]*(?:[("“'][ \t]*)?)$`, 'i');

/** A label line whose label names a person ("Signed:", "Attending:", "Emergency contact:", "From:"). */
const PERSON_LABEL = /(?:^|\n)[ \t]*[\w /&-]{0,30}\b(?:name|patient|pt|signed|signature|attending|surgeon|provider|physician|nurse|rn|from|to|cc|by|contact|interpreter|guardian|caregiver|poa|pcp|referring|author|coder|reviewer|cosigner|witness|assistant|anesthesia|anesthesiologist|resident|fellow|team|attendees|present|participants|members|staff|nurses|reviewed|approved|verified|seen|assigned|owner)[ \t]*:[ \t]*(?:[^\n:]{0,40}[,/;&][ \t]*)?$/i;

/** A credential or a bracketed relation after the word ("Wanjiru, RN", "Przemysław (husband)"). */
const CREDENTIAL_AFTER = /^,?[ \t]+(?:MD|DO|RN|NP|PA|PA-C|LPN|LVN|CNA|CNM|CRNA|APRN|FNP|DNP|ANP|DDS|DMD|PharmD|RPh|PhD|PsyD|MSW|LCSW|LICSW|LPC|OTR|OTR\/L|PT|DPT|SLP|CCC-SLP|RRT|RT|MA|CMA|EMT|CCDS|CDIP|CCS|RHIT|RHIA)\b|^[ \t]*\([ \t]*(?:wife|husband|spouse|partner|son|daughter|mother|mom|father|dad|sister|brother|friend|niece|nephew|aunt|uncle|cousin|grand\w+|caregiver|guardian|interpreter|patient|pt|rn|md|np)\b/;

/** A verb only people do, or an age, after the word ("Nizhoni reports", "Efua presented", "Jocelyne is a 71 y/o", "Mbali, 34,"). */
const PERSON_AFTER = /^(?:,[ \t]*(?:a[ \t]+)?\d{1,3}[ \t]*(?:y\/?o|yo|yrs?|years?|-year-old|,|[MF]\b)|[ \t]+(?:said|says|stated|states|reports|reported|reporting|denies|denied|endorses|endorsed|complains|complained|notes|noted|feels|felt|prefers|preferred|declined|refused|requests|requested|wants|wanted|wishes|agrees|agreed|called|calls|asked|asks|thinks|mentioned|confirmed|emailed|texted|paged|replied|answered|signed|presents|presented|presenting|arrived|returned|returns|came|comes|lives|lived|works|worked|was admitted|was seen|was discharged|was brought|is here|is at bedside|is out|is off|is covering|is on call|can cover|(?:will|can|should|to|must|needs to|wants to|would) (?:call|answer|reply|respond|check|follow up|see|review|send|email|text|cover|talk|speak|meet|come|drive|pick up|sign|decide|let)|has been|would like|understands|verbalized|verbalizes|tolerated|ambulated|slept|ate|walked|got|went|drove|drives|brought|brings|translated|translates|interpreted|interprets|consented|visited|visits|cried|picked up|dropped off|(?:is|was)[ \t]+(?:present|worried|upset|concerned|tearful|aware|here|at (?:the )?bedside)|at (?:the )?bedside)\b|[ \t]+(?:is|was)[ \t]+(?:a|an)[ \t]+\d|[ \t]+(?:assisting|interpreting|helping)\b|,?[ \t]+(?:age|aged)[ \t]*\d|[ \t]+(?:and|&)[ \t]+(?:his|her|their)[ \t]+(?:wife|husband|spouse|partner|son|daughter|mother|mom|father|dad|sister|brother|parents|family|children|kids)\b|,[ \t]+(?:and[ \t]+)?(?:Dr|Mr|Mrs|Ms|Mx)\.?[ \t])/i;
/**
 * "Nkemdirim is doing better", "Oyinkansola will stay", "Chukwuemeka is the primary caregiver": a progressive, a future
 * of a verb a product does not do, or a person's role after "is the" (never "was started", "will help").
 */
const PERSON_CLAUSE_AFTER = /^[ \t]+(?:(?:is|was|are|were)[ \t]+(?:\p{Ll}+ly[ \t]+)?(?!(?:being|causing|working|helping|running|infusing|dripping|functioning|pacing|sensing|reading|recording|alarming|leaking|failing|charging|draining|holding|lasting|wearing|showing|trending|improving|hurting|burning|stinging)\b)\p{Ll}{2,}ing\b|will[ \t]+(?!be\b|need\b|require\b|help\b|lower\b|work\b|improve\b|reduce\b|treat\b|control\b|cause\b|last\b|expire\b)\p{Ll}{3,}\b|(?:is|was)[ \t]+(?:the|her|his|their|our|a|an)[ \t]+(?:\p{Ll}+[ \t]+)?(?:caregiver|contact|daughter|son|wife|husband|mother|father|sister|brother|poa|hcpoa|guardian|spouse|partner|friend|neighbou?r|nurse|patient|interpreter|proxy|surrogate|representative|decision[- ]maker|parent|grandparent|aunt|uncle|niece|nephew|cousin)\b)/u;
/** A possessive ("Naveen's case", "Ngozika's husband"); brands written alone rarely own anything in a note. */
const POSSESSIVE_AFTER = /^['’]s\b/;
/** Right after a titled name and a comma: a second name or the person's affiliation ("Dr. Grant, OrthoCarolina"). */
const AFTER_TITLED_NAME = /\b(?:dr|mr|mrs|ms|mx)\.?[ \t]+\p{Lu}[\p{L}'’-]+,[ \t]*$/iu;

/** A vocative: the word opens its line or sentence and a comma follows, then a pronoun, modal or request ("Kwabena, can you ..."). */
const VOCATIVE_AFTER = /^,[ \t]+(?:can|could|would|will|please|pls|thanks|thank|thx|i|i'm|i've|we|you|are|did|do|does|just|fyi|any|is|quick|sorry|see|got|re|ok|okay|yes|no)\b/i;
const SIGN_OFF_SAME_LINE = /^[ \t]*(?:thanks|thank you|thx|regards|best|best regards|kind regards|cheers|sincerely|respectfully|warmly|take care)[ \t!.]*[,-][ \t]*$/i;
const SIGN_OFF_LINE = /(?:thanks|thank you|thx|regards|best|cheers|sincerely|respectfully|warmly|talk soon|take care)[ \t!.,]*\n[ \t]*$/i;

/** Whether the text around [start, end) shows the word is a person's name. */
export function personEvidence(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(Math.max(lineStart, start - 40), start);
  const after = text.slice(end, end + 40);
  if (PERSON_BEFORE.test(before) || PERSON_LABEL.test(text.slice(Math.max(0, start - 40), start))) return true;
  if (CREDENTIAL_AFTER.test(after) || PERSON_AFTER.test(after) || PERSON_CLAUSE_AFTER.test(after) || AFTER_TITLED_NAME.test(before)) return true;
  if (POSSESSIVE_AFTER.test(after) && !/\p{Ll}\p{Lu}/u.test(text.slice(start, end))) return true;
  // "the Oyelade claim", "the Hollister chart": "the", the word, then a patient's file or family word ("case" is no evidence:
  // "the Bentall case" is as often the operation).
  if (/(?:^|[^\p{L}])[Tt]he[ \t]+$/u.test(before) && FAMILY_OR_FILE_AFTER.test(after) && !/^s\b|^['’]s\b|^[ \t]+cases?\b/.test(after)) return true;
  const opens = /^[ \t]*(?:[-*•>][ \t]*)?$/.test(text.slice(lineStart, start)) || /[.!?][ \t]+$/.test(before);
  if (opens && VOCATIVE_AFTER.test(after)) return true;
  // A sign-off: the word alone on its line after a closing word ("Thanks,\nIfeoma").
  const lineEnd = text.indexOf('\n', end);
  const alone = /^[ \t.,]*$/.test(text.slice(end, lineEnd < 0 ? text.length : lineEnd));
  // "Best regards, Folasade", "– Nnamdi": a sign-off on the same line, or a dash before a name closing its line.
  if (alone && (SIGN_OFF_SAME_LINE.test(text.slice(lineStart, start)) || /^[ \t]*[-–—~][ \t]*$/.test(text.slice(lineStart, start)))) return true;
  return alone && /^[ \t]*$/.test(text.slice(lineStart, start)) && SIGN_OFF_LINE.test(text.slice(Math.max(0, lineStart - 30), lineStart));
}

/** An article or possessive pronoun right before the word. */
// "a Bookwalter and Harrington": the article governs both words of a coordinated pair.
// Without the i flag: case-insensitive \p{Lu} would match any letter ("The patient, Mbali" is no pair).
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:[Aa]|[Aa]n|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Yy]our|[Oo]ur|[Ii]ts|A|AN|THE|HIS|HER|THEIR)[ \t]+(?:\p{Lu}[\p{L}'’-]+[ \t]*(?:,|and|or|&)[ \t]+(?:(?:a|an|the)[ \t]+)?)?$/u;
const PLACE_PREPOSITION = /\b(?:at|in|from|to|near|into|outside|toward|towards|across|behind|past|inside|by|via|works? (?:at|for))[ \t]+the[ \t]+$/i;
/** After "the X": a family or a patient's file ("the Okafor family", "the Hollister chart") is a person's. */
const FAMILY_OR_FILE_AFTER = /^(?:['’]s)?[ \t]+(?:family|families|household|kids|children|twins|residence|account|acct|chart|case|claim|file|encounter|admission|denial|bill|referral|note|notes|letter|records?)\b|^s\b|^['’]s\b/i;

/**
 * "a Hoyer", "her Libre", "the Bovie": a person's name takes no article or possessive pronoun, so a name-like word right
 * after one is a thing (a product, device or brand), unless a family or file word or a person's verb follows it.
 */
export function afterDeterminer(text: string, start: number, end: number, notThe = false): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(Math.max(lineStart, start - 40), start);
  const after = text.slice(end, end + 40);
  // "at the Kwik Trip", "in the Tercero dorms": after a place preposition the word is a place, which other rules type.
  if (PLACE_PREPOSITION.test(text.slice(Math.max(lineStart, start - 24), start))) return false;
  // A town takes "the" ("the Bronx", "the Dalles"), never "a" or "her".
  if (notThe && /\b(?:[Tt]he|THE)[ \t]+(?:\p{Lu}[\p{L}'’-]+[ \t]*(?:,|and|or|&)[ \t]+)?$/u.test(before)) return false;
  return DETERMINER_BEFORE.test(before) && !FAMILY_OR_FILE_AFTER.test(after) && !CREDENTIAL_AFTER.test(after);
}
