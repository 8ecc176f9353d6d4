/**
 * The proper-noun rule: a capitalised word that is NOT a known ordinary word (ordinary.ts: SCOWL,
 * code-set descriptions, exception lexicon) is a proper noun, so PHI, unless its shape or context
 * says it is something else that the lists cannot spell out: an ALL-CAPS abbreviation, a drug
 * (a drug stem such as -mab or -pril, a dose, route or drug verb next to it, a list of drugs), an
 * organism (a Latin species after it), a lab with its value ("Tmax 38.5"), an eponymous sign
 * ("positive Tinel", "Homans' sign"). Lower-case words count only right after a person or place
 * cue ("wife ngozi", "lives in ruidoso"). Names that ARE ordinary words (Hope, Rose, Walker) are
 * not this rule's business: they need census-list evidence and context (people.ts, names.ts).
 * Typing: FACILITY before a facility head word, CITY after a place cue or when the gazetteer knows
 * it, otherwise NAME. Adjacent proper nouns, initials ("Ma.", "J.") and particles ("Van", "de")
 * join into one span ("Ma. Cristina Dela Cruz", "Nguyen Van Thanh").
 * Invariants: hits never cover an ordinary word on their own; a run ends at a line break or
 * punctuation; spans index the original text.
 */
import { type Hit } from './hits';
import { DRUGS, EPONYMS, FACILITY_HEADS, isClinicalOrCommon, nameLists, PLACE_DISEASES } from './lexicon';
import { isStop } from './name-words';
import { isOrdinaryWord } from './ordinary';
import { afterDeterminer, personEvidence } from './person-evidence';
import { CLINICAL_HEAD, eponymPhraseAfter, possessiveDisease } from './people';
import { STATE_NAMES } from './places';
import { afterMaker, makerBefore } from './product-context';
import { cityPopulation } from './gazetteer';
import { isListedDrug } from './drug-names';
import { isCountry, type Token } from './tokens';
import { codeSetWords, englishWords } from './vocabulary';

/** Title case in any alphabet: "Okafor", "McDonald", "O'Brien", "Ferreira-Campos", "Łukasz"; not "CT", not "iPhone". */
const CAPITALISED = /^\p{Lu}[\p{Ll}'’]*\p{Ll}(?:[-'’]?\p{Lu}?\p{Ll}+)*$/u;
const LOWER = /^\p{Ll}[\p{Ll}'’-]{3,}$/u;
const VOWEL = /[aeiouyà-ÿ]/i;
const DRUG_STEM = /(?:mab|nib|pril|sartan|olol|statin|azole|cillin|mycin|micin|prazole|gliptin|glutide|parin|xaban|gatran|floxacin|cycline|dipine|semide|tidine|azepam|zolam|oxetine|triptan|profen|caine|olone|asone|formin|gliflozin|afil|lukast|terol|tropium|dronate|setron|ciclib|lisib|rubicin|platin|taxel|trexate|cept|plase|codone|morphone|apine|idone|navir|previr|buvir|tegravir|vudine|penem|bactam|fungin|grel|triptyline|pramine|peridol|azosin|oxacin|thromycin)$/i;
const DOSE_AFTER = /^(?:['’]s)?[ \t]*[(,-]?[ \t]*(?:\d+(?:\.\d+)?[ \t]*(?:mg|mcg|µg|g|gm|ml|l|units?|u|iu|meq|mmol|%|puffs?|tabs?|caps?|sprays?|drops?)\b|(?:er|xr|sr|cr|xl|la|odt|hct|xt|hfa|pen|inhaler|tablets?|capsules?|injections?|inj|infusion|drip|gtt|po|iv|im|sq|subq|sl|prn|bid|tid|qid|qd|qhs|daily|nightly|weekly|dose|doses|dosing|dosed|levels?|therapy|regimen|taper|pack|ppx|prophylaxis|cream|ointment|gel|lotion|nasal|nebs?|induced|associated|related|refill|prescription|use|user|overdose|toxicity|withdrawal|intolerance|shots?|vaccines?|vaccination|booster|series|autoinjector|biosimilar|generic|formulary|copay|prior auth(?:orization)?|samples?|starter|was held|held|was stopped|was discontinued|discontinued|restarted|tapered|titrated)\b|[ \t]*(?:(?:was|were)[ \t]+)?(?:given|administered|dispensed|infused|injected|instilled)\b(?![ \t]+(?:instructions|education|teaching|information|info|results|copies|copy|paperwork|papers|forms?|a|an|the|his|her|their|them|him|me|us)\b))/i;
const DRUG_BEFORE = /(?:\b(?:on|off|started|starting|start|restart(?:ed)?|resumed?|resuming|continued?|continuing|discontinued?|d\/c(?:'?d)?|dc'?d|stopped|held|hold|holding|increased?|decreased?|reduced?|tapered?|tapering|titrated?|weaned?|switched (?:from|to)|changed (?:from|to)|converted (?:from|to)|bridged? (?:to|with)|prescribed|gave|given|give|received|receiving|administered|trial of|dose of|doses of|course of|allergic to|allergy to|allergies|intolerant (?:of|to)|takes|taking|took|tried|trying|failed|using|used|apply|applying|applied|placed|injected|infiltrated|instilled|irrigated|prepped|packed|dressed|closed|sutured|covered|iv|po|im|sq|subq|sl|inhaled|topical|prn|meds?|medications?|rx|(?:prior auth(?:orization)?|pa|auth|coverage|copay|refills?|script|samples?|formulary) (?:for|of))\b(?:[ \t]+with)?[ \t]*:?[ \t]*|(?:\d+-0|\d+(?:\.\d+)?[ \t-]?(?:mm|cm|fr|french|gauge|ga|g|%|mg|mcg|ml|cc))[ \t]+|\b(?:with|using|of|in)[ \t]+#?[0-5][ \t]+)$/i;
/** A line that lists medications or allergies: its unknown words are drugs. */
const MED_LINE = /^[ \t]*(?:home |discharge |current |outpatient )?(?:meds|medications|medication list|rx|allergies|allergy|drugs)[ \t]*:(?:[^.\n]|\.(?!\s))*$|^[ \t]*nkda\b(?:[^.\n]|\.(?!\s))*$/i;
/** A line labelled with a procedure or diagnosis: its unknown words are techniques and eponyms ("mesh repair (Lichtenstein)"). */
const CLINICAL_LINE = /^[ \t]*(?:(?:pre|post)-?(?:op|operative)[ \t]+)?(?:procedures?(?:[ \t]+performed)?|operations?(?:[ \t]+performed)?|diagnos[ie]s|dx|indications?|technique|findings|pmh|psh|pmhx|pshx|past medical(?: history)?|past surgical(?: history)?|medical history|surgical history|problem list|problems|active problems|comorbidities|pathology|path|impression)[ \t]*:(?:[^.\n]|\.(?!\s))*$/i;
/** One or two more capitalised words, then a clinical head word ("Austin Flint murmur", "Argyll Robertson pupil"). */
const EPONYM_CHAIN = /^(?:['’]s?)?(?:[ \t]+and)?[ \t-]+\p{Lu}\p{Ll}+(?:[ \t-]+\p{Lu}\p{Ll}+)?(?:['’]s?)?[ \t]+/u;
const SPECIES_AFTER = /^[ \t]+([a-z]{4,})\b/;
const SPECIES = /(?:ae|ii|us|is|um|ans|ens|ica|ella|osa|ata|ides|ila|ile|ia|i)$/;
/** "Medihoney to base", "Aquacel over the incision": a product applied to a wound part. */
const APPLIED_AFTER = /^[ \t]+(?:to|on|over|into|onto)[ \t]+(?:the[ \t]+)?(?:wound[ \t]+(?:base|bed)|base|bed|ulcer|incision|periwound|stoma|wound edges|edges|skin)\b/i;
/** A value after it: a lab or vital ("Tmax 38.9"), a suture or device size ("Vicryl 3-0", "Midas 5-mm bur"). */
const LAB_VALUE = /^[ \t]*[:=]?[ \t]*[<>≤≥]?[ \t]*\d+(?:\.\d+)?(?![\d\/\p{L}-])(?![ \t]*(?:y\/?o|yrs?|years?|days?|d|weeks?|wks?|w|months?|mos?|hours?|hrs?|h|min|minutes|am|pm|a\.m|p\.m|times|x|visits?|calls?)\b)|^[ \t]+\d+-0\b|^[ \t]+\d+(?:\.\d+)?[ \t-]?(?:mm|cm|fr|french|gauge|ga)\b/iu;
/** A device size after a run of words: "2.75 x 20 mm", "3.0x15mm", "27 mm", "6 Fr". */
const DEVICE_SIZE_AFTER = /^[ \t]+\d+(?:\.\d+)?[ \t]*(?:(?:x|×)[ \t]*\d+(?:\.\d+)?[ \t]*)?(?:mm|cm|fr|french)\b/i;
const SIGN_BEFORE = /(?:\b(?:positive|negative|pos|neg|equivocal|elicited)|\([+-]\))[ \t]+$/i;
/** After an eponym: the thing it names, a finding ("Kernig negative", not "Okafor positive for flu") or a class ("Mallampati II", "Hurley III"). */
const SIGN_AFTER = /^(?:['’]s?)?[ \t]+(?:sign|test|maneuver|manoeuvre|point|reflex|monitor|gait|smear|stockings?|hose|wrap|graft|flap|mask|pump|approach|technique|method|protocol|equation|wire|pins?|frame|nail|plate|screws?|rod|suction|sump|bag|port|clips?|coil|mesh|sling|brace|boots?|collar|dressings?|bandage|tape|strips?|glue|sponge|packing|gauze|pads?|mattress|sensor|meter|lancets?|syringe|spacer|nebulizer|cannula|vent|ventilator|machine|device|implant|prosthesis|stent|balloon|sheath|electrode|leads?|generator|pacemaker|defibrillator|filter|sutures?|staples?|scope|blade|clamp|lens|shunt|solution|wash|spray|drops)\b|^(?:['’]s?)?[ \t]+(?:positive|negative)\b(?![ \t]+for\b)/i;
const CLASS_AFTER = /^[ \t]+(?:I{1,3}|IV|VI{0,3}|IX|X)[a-cA-C]?\b(?!['’])(?!\.(?=[ \t]*\p{Ll}))/u;
const PERSON_BEFORE = /(?:\b(?:dr|drs|mr|mrs|ms|mx|miss|prof|nurse|wife|husband|spouse|partner|son|daughter|dtr|mother|mom|father|dad|sister|brother|friend|niece|nephew|aunt|uncle|cousin|grandson|granddaughter|grandma|grandpa|grandmother|grandfather|caregiver|roommate|neighbou?r|boyfriend|girlfriend|fianc[ée]e?|talked to|spoke (?:to|with|w\/)|d\/w|per|w\/|attn|called|thanks|thank you|hi|hello|hey|dear|cc|ask|asked|tell|told|named|name is|goes by|aka)\.?,?[ \t]+)$/i;
/** "tamika said", "oyelaran called back": a person's verb after an unknown lower-case word. */
const PERSON_VERB_AFTER = /^[ \t]+(?:said|says|called|asked|asks|wants|wanted|thinks|mentioned|agrees|agreed|confirmed|emailed|texted|paged|replied|answered|approved|signed|is out|will call|can cover|is covering)\b/i;
const PLACE_BEFORE = /\b(?:in|from|near|outside(?: of)?|around|toward|towards|to|visiting|moved (?:to|from)|relocated (?:to|from)|lives in|living in|lived in|resides in|born in|raised in|back to|home to|trip to)[ \t]+$/i;
const LOWER_PLACE_BEFORE = /\b(?:lives in|living in|lived in|resides in|residing in|moved (?:to|from|back to)|relocated (?:to|from)|from|born in|raised in|visiting|outside(?: of)?|near|home in|back to|trip to|travell?ed to)[ \t]+$/i;
const PARTICLE = /^(?:van|von|de|der|den|del|della|dela|da|das|dos|di|du|le|la|bin|ibn|al|el|ter|ten|y|mac|st)$/i;
const MONTH_DAY = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$/i;
const STREET_THEN_TOWN = /\d+[ \t]+(?:[\p{L}.'-]+[ \t]+){1,4}(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|ct|court|way|pl|place|pkwy|parkway|hwy|highway|ter|terrace|cir|circle)\.?,[ \t]*$/iu;
const STATE = new RegExp(`^(?:${STATE_NAMES})$`, 'i');
const HEADS = new Set(FACILITY_HEADS.map((h) => h.split(/\s+/)[0]!.toLowerCase()));

interface Ctx { text: string; toks: Token[] }

const pre = (c: Ctx, start: number, n = 30) => c.text.slice(Math.max(0, start - n), start);
const post = (c: Ctx, end: number, n = 40) => c.text.slice(end, end + n);
/** An initial or an abbreviated given name with its full stop ("J.", "Ma." for María), never an honorific ("Dr."). */
const INITIAL = /^(?:\p{Lu}|Ma|Wm|Jas|Jos|Geo|Chas|Thos)$/u;
const initial = (c: Ctx, t: Token) => INITIAL.test(t.word) && c.text[t.end] === '.';
const adjacent = (c: Ctx, a: Token, b: Token) => /^[ \t]{1,2}$/.test(c.text.slice(a.end, b.start)) || (/^\.[ \t]{1,2}$/.test(c.text.slice(a.end, b.start)) && initial(c, a));
const isDrugWord = (w: string) => DRUGS.has(w.toLowerCase()) || DRUG_STEM.test(w) || isListedDrug(w);

/** Part of an e-mail address, a URL or a handle: other detectors own those. */
function inAddress(c: Ctx, t: Token): boolean {
  const s = c.text.lastIndexOf(' ', t.start) + 1;
  let e = c.text.slice(t.end).search(/\s/);
  e = e < 0 ? c.text.length : t.end + e;
  return /[@/]|www\.|\.(?:com|org|net|edu|gov)\b/i.test(c.text.slice(s, e)) || /[\p{L}\p{N}]$/u.test(c.text.slice(Math.max(0, t.start - 1), t.start));
}

const LIST_WORD = /^(?:and|or|plus|then|vs|versus)$/i;
const LIST_GAP = /^[ \t]*(?:,|\/|\+|&|and|or|plus|then|vs\.?|versus|\(|\))?[ \t]*(?:and|or|plus|then|vs\.?|versus)?[ \t]*\)?[ \t]*$/i;

/** Drug or product evidence on the word itself: a known drug, a stem, a dose after it or a drug verb before it. */
const productAt = (c: Ctx, t: Token) => isDrugWord(t.word) || DOSE_AFTER.test(post(c, t.end)) || DRUG_BEFORE.test(pre(c, t.start))
  // "Dupuytren contracture, Ledderhose, Peyronie disease": a neighbour in the list is an eponymous term with its clinical head.
  || (/^\p{Lu}/u.test(t.word) && CLINICAL_HEAD.test(post(c, t.end).replace(/^['’]s?/, '').trimStart()) && !PERSON_BEFORE.test(pre(c, t.start, 24)));

/** In a comma/slash/"and" list with a drug or product ("aspirin, Plavix and Lipitor", "with Xeroform, Kerlix and Gelfoam"). */
function drugListNeighbour(c: Ctx, i: number): boolean {
  const gap = (a: Token, b: Token) => c.text.slice(a.end, b.start);
  for (const step of [-1, 1]) {
    for (let k = i, n = 0; n < 6; n++) {
      let j = k + step;
      // "and"/"or" are tokens of their own: step over them ("Kerlix and Gelfoam").
      if (c.toks[j] && LIST_WORD.test(c.toks[j]!.word) && /^[ \t]+$/.test(step < 0 ? gap(c.toks[j]!, c.toks[k]!) : gap(c.toks[k]!, c.toks[j]!))) j += step;
      const a = c.toks[Math.min(k, j)], b = c.toks[Math.max(k, j)];
      if (!a || !b || !LIST_GAP.test(c.text.slice(a.end, b.start)) || c.text.slice(a.end, b.start).trim() === '') break;
      // "Bankart repair and Latarjet": the neighbour is the clinical head of an eponymous term.
      if (productAt(c, c.toks[j]!) || (step < 0 && CLINICAL_HEAD.test(c.toks[j]!.word) && /^\p{Lu}/u.test(c.toks[j - 1]?.word ?? ''))) return true;
      k = j;
    }
  }
  return false;
}

/** A dose, route or drug verb around the word, or a medication line: the word is a drug (shared with people.ts and ordinary-names.ts). */
export function drugContext(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start), after = text.slice(end, end + 40);
  const line = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  const possessive = /^['’]s\b/.test(text.slice(end, end + 3));
  return DOSE_AFTER.test(after) || (DRUG_BEFORE.test(before) && !possessive && !PERSON_BEFORE.test(before)) || MED_LINE.test(line);
}

/**
 * "Takotsubo cardiomyopathy", "Kikuchi lymphadenitis": a lower-case medical noun after the word (a code-set description word
 * with a disease suffix, or one that is no common English word) makes it an eponym or a place-named disease.
 */
const MEDICAL_SUFFIX = /(?:pathy|itis|oma|omas|osis|oses|emia|algia|plasia|trophy|ectomy|otomy|ostomy|plasty|megaly|penia|rrhea|uria|plegia|paresis|ectasia|dystrophy|myopathy|neuropathy|encephalopathy|lymphadenopathy|malformation|anomaly|syndrome)$/;
export function medicalNounAfter(after: string): boolean {
  const m = /^(?:['’]s?)?[ \t]+(\p{Ll}[\p{Ll}-]{5,})\b/u.exec(after);
  if (!m) return false;
  const w = m[1]!;
  return codeSetWords().has(w) && (MEDICAL_SUFFIX.test(w) || !englishWords().has(w));
}

/** "s/p Nissen", "underwent Whipple", "scheduled for Ross": a word after a procedure cue names the procedure. */
const PROCEDURE_BEFORE = /\b(?:s\/p|status post|underwent|undergoing|scheduled for|planned for|candidate for|converted to|revision of|redo|post-?op(?:erative)? day \d+ (?:from|after)?)[ \t]+(?:a[ \t]+|an[ \t]+|the[ \t]+|lap(?:aroscopic)?[ \t]+|open[ \t]+|robotic[ \t]+)?$/i;

/** Shape or context says drug, organism, lab, sign, place-named disease or country: not a proper noun. */
/** A line label for a clinical thing, right before the word ("Protocol:", "Guideline:", "Device:", "Scale:"). */
const THING_LABEL = /(?:^|[;|])[ \t]*(?:triage[ \t]+)?(?:protocols?|guidelines?|pathways?|algorithms?|devices?|models?|scales?|tools?|instruments?|implants?|criteria|methods?|regimens?|order[ \t]+sets?|generator|lead|leads)[ \t]*:[ \t]*$/i;
/** A quoted title of two or more capitalised words ("Fever - Child", "Chest Pain - Adult"). */
const QUOTED_TITLE_AFTER = /^[ \t]*["“]\p{Lu}[\p{L}]*(?:[ \t]+(?:-|–|\/|&|and|or|of|the|with|\p{Lu}[\p{L}]*))+["”]/u;

function explained(c: Ctx, i: number): boolean {
  const t = c.toks[i]!;
  const before = pre(c, t.start), after = post(c, t.end);
  const line = c.text.slice(c.text.lastIndexOf('\n', t.start - 1) + 1, t.start);
  // "given Okafor's history", "on Okafor's team": a possessive is no drug.
  const possessive = /^['’]s\b/.test(c.text.slice(t.end, t.end + 3));
  if (DRUG_STEM.test(t.word) || isListedDrug(t.word) || DOSE_AFTER.test(after) || (DRUG_BEFORE.test(before) && !possessive) || MED_LINE.test(line) || CLINICAL_LINE.test(line) || drugListNeighbour(c, i)) return true;
  // "Mounjaro (tirzepatide)", "tirzepatide (Mounjaro)": a brand next to its generic.
  const generic = /^[ \t]*\([ \t]*([a-z][a-z-]{3,})/.exec(after)?.[1] ?? /([a-z][a-z-]{3,})[ \t]*\([ \t]*$/.exec(before)?.[1];
  if (generic && (isDrugWord(generic) || (codeSetWords().has(generic) && !englishWords().has(generic)))) return true;
  const species = SPECIES_AFTER.exec(after);
  // "Enterobacter cloacae": a Latin species after it (English words only when Latin plurals or genitives).
  if (species && SPECIES.test(species[1]!) && (!englishWords().has(species[1]!) || /(?:ae|ii)$/.test(species[1]!))) return true;
  // "Acct #: DA220482", "Grp no. 4471": a field label before its number.
  if (/^[ \t]+(?:spp|sp|species)\b/.test(after) || APPLIED_AFTER.test(after) || LAB_VALUE.test(after) || /^[ \t]*(?:#|no\.[ \t]*\d)/i.test(after)) return true;
  if (SIGN_BEFORE.test(before) || SIGN_AFTER.test(after) || CLASS_AFTER.test(after) || CLINICAL_HEAD.test(after.replace(/^['’]s?/, '').trimStart())) return true;
  if (possessiveDisease(c.text, t.start, t.end) || PROCEDURE_BEFORE.test(before) || medicalNounAfter(after) || eponymPhraseAfter(post(c, t.end, 70))) return true;
  const chain = EPONYM_CHAIN.exec(post(c, t.end, 70));
  if (chain && CLINICAL_HEAD.test(post(c, t.end + chain[0].length))) return true;
  // "a blue Honda Civic", "Abbott Gallant HF CRT-D": a maker and the model after it are a product, not a person (product-context.ts).
  if (makerBefore(c.text, t.start, t.end) || afterMaker(c.text, t.start)) return true;
  // "Protocol: Schmitt-Thompson, Fever - Child", "Device: ...": the value of a label for a clinical thing names the thing.
  if (THING_LABEL.test(line)) return true;
  // "per Schmitt-Thompson \"Fever - Child\"": a quoted title of capitalised words after it names a protocol or guideline.
  if (QUOTED_TITLE_AFTER.test(after)) return true;
  // "Prague C1M3", "Los Angeles C2M4"-like grades: a letter-digit-letter-digit code right after the word scores a classification.
  if (/^[ \t]+[A-Z]\d{1,2}[A-Z]\d{1,2}\b/.test(after)) return true;
  // "Conf Rm 2B", "Quiet Rm 3": a word before a room's abbreviation and number names a room; "Rm"/"Bldg" themselves too.
  if (/^[ \t]+(?:Rm|Bldg|Ste)\.?[ \t]*#?\d/.test(after) || (/^(?:Rm|Bldg|Ste)$/.test(t.word) && /^\.?[ \t]*#?\d/.test(after))) return true;
  const lower = c.text.slice(t.start, t.start + 60).toLowerCase();
  if (PLACE_DISEASES.some((d) => lower.startsWith(d.toLowerCase()))) return true;
  return STATE.test(t.word) || isCountry(t.word) || MONTH_DAY.test(t.word);
}

/** Capitals inside a word that a surname prefix explains ("McDonald", "DeShawn", "LaRose", "VanBuren"). */
const NAME_PREFIX = /^(?:Mc|Mac|Da|De|Di|Du|Del|Della|Des|La|Le|Lo|Van|Von|Fitz|St|Ja|Ka|Ke|Sha|Ta|Te|Ty)$/;
/**
 * "NuStep", "SureScan", "CareLink", "EpiPen": a compound with an inner capital that starts an English word
 * is a product or device name, never a person's (whose inner capitals follow a surname prefix).
 */
export function productCompound(word: string): boolean {
  const m = /^(\p{Lu}\p{Ll}+)(\p{Lu}\p{Ll}{2,})$/u.exec(word);
  // "MaryBeth", "JoAnn": a first name in front makes it a person's double name.
  // "MyChart", "OurPath": a function word in front is no given name, whatever the census lists hold ("my" is on them).
  const given = (nameLists()?.first.get(m?.[1]!.toLowerCase() ?? '') ?? 0) >= 0.003 && !isStop(m?.[1] ?? '');
  return Boolean(m && !NAME_PREFIX.test(m[1]!) && !given && englishWords().has(m[2]!.toLowerCase()));
}

/**
 * Whether the i-th word reads as a clinical thing where it stands (a drug, device, eponymous
 * sign or disease, organism, score, protocol...): the vetoes of the proper-noun rule, for other
 * finders (the statistical recogniser) to share.
 */
export function clinicalHere(text: string, toks: Token[], i: number): boolean {
  const t = toks[i]!;
  return explained({ text, toks }, i) || productCompound(t.word) || isDrugWord(t.word);
}

/**
 * Whether the words right after a run of words make it a clinical thing ("Whipple surgery",
 * "Miller Fisher variant", "Baxter cycler", "Wagner grade 2"): a clinical head, a sign or device
 * word, a class numeral or a medical noun; or a maker and model around it ("Abbott Gallant").
 */
export function clinicalAfterRun(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 40);
  return SIGN_AFTER.test(after) || CLASS_AFTER.test(after) || CLINICAL_HEAD.test(after.replace(/^['’]s?/, '').trimStart()) || medicalNounAfter(after)
    || eponymPhraseAfter(text.slice(end, end + 70)) || possessiveDisease(text, start, end) || makerBefore(text, start, end) || afterMaker(text, start)
    || DEVICE_SIZE_AFTER.test(text.slice(end, end + 30));
}

function suspectCapitalised(c: Ctx, i: number): boolean {
  const t = c.toks[i]!;
  const letters = t.word.replace(/[-'’]/g, '');
  return CAPITALISED.test(t.word) && letters.length >= 3 && VOWEL.test(letters) && !isOrdinaryWord(t.word) && !productCompound(t.word) && !inAddress(c, t) && !explained(c, i);
}

function suspectLower(c: Ctx, i: number): 'NAME' | 'CITY' | null {
  const t = c.toks[i]!;
  if (!LOWER.test(t.word) || !VOWEL.test(t.word) || isOrdinaryWord(t.word) || inAddress(c, t) || explained(c, i)) return null;
  const before = pre(c, t.start, 24);
  if (PERSON_BEFORE.test(before) || PERSON_VERB_AFTER.test(post(c, t.end, 20)) || (i === 0 && /^[ \t]*[,:]/.test(post(c, t.end, 3)))) return 'NAME';
  if (LOWER_PLACE_BEFORE.test(before)) return 'CITY';
  return null;
}

const FACILITY_CUE = /\b(?:at|from|to|transferred (?:to|from)|transfer (?:to|from)|admitted (?:to|at)|seen at|records from|followed at|treated at|outside)[ \t]+(?:the[ \t]+)?$/i;
const STATE_ABBR = /^(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR)$/;

/** "transferred from HCMC", "seen at OHSU": an ALL-CAPS word that is no known abbreviation, after a place word, is a facility. */
function facilityAcronym(c: Ctx, i: number): boolean {
  const t = c.toks[i]!;
  return /^[A-Z]{3,5}$/.test(t.word) && !STATE_ABBR.test(t.word) && !isOrdinaryWord(t.word) && FACILITY_CUE.test(pre(c, t.start, 30)) && !inAddress(c, t) && !explained(c, i);
}

/** "Pt OKAFOR, Adaeze", "wife NGOZIKA": an ALL-CAPS unknown word (4+ letters, 2+ vowels) after a person cue or beside a proper noun. */
function capsName(c: Ctx, i: number): boolean {
  const t = c.toks[i]!;
  if (!/^\p{Lu}{4,}$/u.test(t.word) || (t.word.match(/[AEIOUY]/g)?.length ?? 0) < 2 || isOrdinaryWord(t.word) || inAddress(c, t) || explained(c, i)) return false;
  const near = (k: number, gapOk: RegExp) => {
    const o = c.toks[k];
    if (!o) return false;
    const gap = k < i ? c.text.slice(o.end, t.start) : c.text.slice(t.end, o.start);
    return gapOk.test(gap) && suspectCapitalised(c, k);
  };
  return PERSON_BEFORE.test(pre(c, t.start, 24)) || near(i - 1, /^[ \t]$/) || near(i + 1, /^,?[ \t]$/);
}

/** "Park Nicollet", "Adaeze Rose": a capitalised ordinary word beside a proper noun, mid-sentence, is part of the name (never a clinical word or a stop word). */
function ordinaryNeighbour(c: Ctx, t: Token): boolean {
  const w = t.word.toLowerCase();
  return CAPITALISED.test(t.word) && !t.sentenceStart && t.word.length >= 3 && !isStop(t.word) && !HEADS.has(w) && !STATE.test(t.word) && !MONTH_DAY.test(t.word)
    && !EPONYMS.has(w) && !DRUGS.has(w) && !PLACE_DISEASES.some((d) => d.toLowerCase() === w);
}

/** A census name word next to a suspect one belongs to the same name ("Cristina" in "Ma. Cristina Dela Cruz"). */
function nameNeighbour(c: Ctx, t: Token): boolean {
  const l = nameLists();
  const w = t.word.toLowerCase();
  const census = (p: string) => Boolean(l && ((l.first.get(p) ?? 0) >= 0.003 || (l.last.get(p) ?? Infinity) <= 60000));
  // "Pierre-Louis": each part of a hyphenated name a census name.
  return CAPITALISED.test(t.word) && !isStop(t.word) && !HEADS.has(w) && !STATE.test(t.word) && w.split('-').every((p) => p.length >= 2 && census(p));
}


function typeOf(c: Ctx, start: number, end: number, next: Token | undefined): Hit['type'] {
  const before = pre(c, start, 24);
  if (PERSON_BEFORE.test(before)) return 'NAME';
  if (next && /^[ \t]+$/.test(c.text.slice(end, next.start)) && HEADS.has(next.word.toLowerCase()) && /^\p{Lu}/u.test(next.word)) return 'FACILITY';
  // "1200 Blue Hill Ave, Mattapan": the word after a street type and a comma is the town of the address.
  if (PLACE_BEFORE.test(before) || STREET_THEN_TOWN.test(before) || cityPopulation(c.text.slice(start, end)) > 0) return 'CITY';
  return 'NAME';
}

export function findProperNouns(text: string, toks: Token[]): Hit[] {
  const c: Ctx = { text, toks };
  const out: Hit[] = [], unproven: Hit[] = [];
  for (let i = 0; i < toks.length; i++) {
    const lowerType = suspectLower(c, i);
    if (lowerType) { out.push({ start: toks[i]!.start, end: toks[i]!.end, type: lowerType, reason: `unknown word after a ${lowerType === 'NAME' ? 'person' : 'place'} cue` }); continue; }
    if (capsName(c, i)) { out.push({ start: toks[i]!.start, end: toks[i]!.end, type: 'NAME', reason: 'unknown upper-case word next to a name' }); continue; }
    if (facilityAcronym(c, i)) { out.push({ start: toks[i]!.start, end: toks[i]!.end, type: 'FACILITY', reason: 'unknown acronym after a place word' }); continue; }
    if (!suspectCapitalised(c, i)) continue;
    // Grow over joinable neighbours: other proper nouns, census names, initials, particles.
    let a = i, b = i;
    const joinable = (k: number, towards: number): boolean => {
      const t = toks[k];
      if (!t) return false;
      if (suspectCapitalised(c, k) || nameNeighbour(c, t) || ordinaryNeighbour(c, t)) return true;
      if (initial(c, t) && towards > 0) return true;
      return PARTICLE.test(t.word) && Boolean(toks[k + towards]) && adjacent(c, towards > 0 ? t : toks[k + towards]!, towards > 0 ? toks[k + towards]! : t)
        && (suspectCapitalised(c, k + towards) || nameNeighbour(c, toks[k + towards]!));
    };
    while (a > 0 && adjacent(c, toks[a - 1]!, toks[a]!) && joinable(a - 1, 1)) a--;
    while (b + 1 < toks.length && adjacent(c, toks[b]!, toks[b + 1]!) && !initial(c, toks[b + 1]!) && joinable(b + 1, -1)) b++;
    // A trailing initial ("Anna S.") belongs to the name.
    let end = toks[b]!.end;
    const tail = /^[ \t]\p{Lu}\.(?![\p{L}])/u.exec(text.slice(end, end + 3));
    if (tail) end += tail[0].length;
    const start = toks[a]!.start;
    // "Orsiro Mission 3.0 x 15 mm stent", "Promus 2.75 x 20 mm": a run before a device size is the device's brand.
    if (DEVICE_SIZE_AFTER.test(text.slice(end, end + 30))) { i = b; continue; }
    const hit: Hit = { start, end, type: typeOf(c, start, end, toks[b + 1]), reason: 'proper noun (not an English or clinical word)' };
    // One unknown word on no census list, with nothing of a person around it, is as often a brand or device written alone
    // ("her Eversense", "Tukysa added"): it needs evidence (person-evidence.ts) or a name beside it in a list.
    if (a === b && end === toks[b]!.end && hit.type === 'NAME' && !onCensus(toks[a]!.word) && !personEvidence(text, start, end)) unproven.push(hit);
    // "a Hoyer", "her Libre": no person's name takes an article or a possessive pronoun.
    else if (b - a < 2 && hit.type === 'NAME' && afterDeterminer(text, start, end)) { i = b; continue; }
    // "with a Bookwalter and Harrington": a town the gazetteer knows, after "a" or "her" and no place word, is a thing too.
    else if (b - a < 2 && hit.type === 'CITY' && !PLACE_BEFORE.test(pre(c, start, 24)) && afterDeterminer(text, start, end, true)) { i = b; continue; }
    else out.push(hit);
    i = b;
  }
  return withListedNeighbours(c, [...out, ...unproven.filter((h) => listedWithName(c, out, h))]);
}

function onCensus(word: string): boolean {
  const l = nameLists(), w = word.toLowerCase().replace(/['’]s$/, '');
  return Boolean(l && (l.first.has(w) || l.last.has(w) || w.split('-').some((p) => l.first.has(p) || l.last.has(p))));
}

/** "Hieu and Jae-won", "Oyelaran / Kiplagat / Mensah": beside a name in a list ("and", "&", a comma, slash or semicolon), an unknown word is a name too. */
function listedWithName(c: Ctx, names: Hit[], h: Hit): boolean {
  const gap = /^[ \t]*(?:,|&|\/|;|and|or)[ \t]*$/i;
  return names.some((n) => n.type === 'NAME' && ((n.end <= h.start && gap.test(c.text.slice(n.end, h.start)) && c.text.slice(n.end, h.start).trim() !== '') || (h.end <= n.start && gap.test(c.text.slice(h.end, n.start)) && c.text.slice(h.end, n.start).trim() !== '')));
}

/** "Okafor, Smith and Zielinski": a census name in a list with a proper-noun name is a name too. */
function withListedNeighbours(c: Ctx, found: Hit[]): Hit[] {
  const out = [...found];
  const named = (t: Token | undefined) => Boolean(t) && out.some((h) => h.type === 'NAME' && h.start <= t!.start && t!.end <= h.end);
  for (let round = 0; round < 2; round++) {
    c.toks.forEach((t, i) => {
      // A sign-off ("Best, Alisha") starts its line: a common word there is no surname.
      // A listed eponym with a value after it ("APGAR 8/9", "GLEASON 3+4") is a score, not a listed person.
      const scored = EPONYMS.has(t.word.toLowerCase()) && /^[ \t]*:?[ \t]*\d/.test(c.text.slice(t.end, t.end + 6));
      if (named(t) || scored || !nameNeighbour(c, t) || DRUGS.has(t.word.toLowerCase()) || (t.sentenceStart && isClinicalOrCommon(t.word)) || explained(c, i)) return;
      const prev = c.toks[i - 1], next = c.toks[i + 1];
      const list = (a: Token, b: Token) => /^[ \t]*(?:,|&|\/|and)[ \t]*$/.test(c.text.slice(a.end, b.start));
      const prevName = prev && LIST_WORD.test(prev.word) ? c.toks[i - 2] : prev;
      const nextName = next && LIST_WORD.test(next.word) ? c.toks[i + 2] : next;
      if ((named(prevName) && (list(prevName!, t) || (prev !== prevName && list(prev!, t)))) || (named(nextName) && (list(t, nextName!) || (next !== nextName && list(t, next!))))) {
        out.push({ start: t.start, end: t.end, type: 'NAME', reason: 'census name in a list of names' });
      }
    });
  }
  return out;
}
