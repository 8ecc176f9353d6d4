/**
 * detectPhi: runs every detector over every free-text field and returns reviewable candidates.
 * Invariants:
 *  - candidates never overlap within a field: a span contained in a longer one is dropped
 *    (longest wins; on equal spans the more specific type wins), partially overlapping spans
 *    are kept both, and applyRedactions merges them;
 *  - each patient identifier field that is present is always a candidate;
 *  - ids are stable: a hash of type + location (see candidateId).
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { textFields } from './fields';
import { scan, type Hit } from './hits';
import { patientValuePatterns, type ValuePattern } from './patient-values';
import { patientContext, type PatientContext } from './context';
import { findDates } from './dates';
import { findAges, findLabelledIds, findNetAndIds, findPhones, withExtensions } from './numbers';
import { findCueNames, findKnownNames, findPatientName, nameTokens } from './names';
import { findPlaces, STATE_NAMES, zipsAfterPlaces } from './places';
import { findListNames } from './people';
import { findGazetteerCities } from './cities';
import { findFacilities } from './facilities';
import { findLabelledPeople } from './label-names';
import { drugContext, findProperNouns } from './proper-nouns';
import { findMessageNames } from './message-names';
import { extendNameSpans, findSignoffNames } from './name-signoffs';
import { findDepartmentAndFamilyNames } from './name-departments';
import { inPayer, payerSpans } from './payers';
import { startPastPayer } from './payer-names';
import { judgeFacility } from './facility-vetoes';
import { censusOrUnknownWords, findOrdinaryWordNames } from './ordinary-names';
import { tokenize } from './tokens';
import { nameLists } from './lexicon';
import { findRecognisedEntities } from './ner/recognise';
import { recognisedBeyondRules } from './ner/beyond-rules';
import { facilityAcronyms, findFacilityAcronyms } from './facility-acronyms';
import { findSpokenNumbers } from './spoken-numbers';
import { findLoginNames } from './login-names';
import { findCompanyNames } from './company-names';
import { findBusinessNames } from './business-names';
import { findNamedWings } from './named-wings';
import { withoutProducts } from './product-runs';
import { findForeignScriptIds } from './foreign-scripts';
import { findAgencyNames } from './agency-names';
import { findRowIds } from './row-ids';
import { findStreetNumbers } from './street-numbers';
import { findForeignFacilities } from './foreign-facilities';
import { isDictation, spokenPunctuation, titleCased } from './dictation';
import { changedWithin, ocrDigits } from './ocr-digits';
import { findIdentifierEchoes, identifierValues } from './identifier-echoes';
import { findPersonInitials, personInitials } from './person-initials';
import { widenFacilityEdges } from './facility-edges';
import { widenFacilityTails } from './facility-tails';
import { widenPlaceEdges } from './place-edges';
import { widenNameEdges } from './name-edges';
import { definedInitials, findDefinedInitials } from './defined-initials';
import { findRecordAuthors } from './record-authors';
import { findMilitaryPlaces } from './military-places';
import { PATIENT_ID_FIELDS, type Candidate, type DeidEncounterInput, type Location, type PhiType, type TextPhi } from './types';

const PATIENT_FIELD_TYPE: Record<(typeof PATIENT_ID_FIELDS)[number], PhiType> = {
  name: 'NAME', mrn: 'MRN', dob: 'DATE', phone: 'PHONE', email: 'EMAIL', address: 'ADDRESS',
  ssn: 'SSN', accountNumber: 'ACCOUNT', insuranceId: 'HEALTH_PLAN'
};

/** Lower = preferred when two detectors claim exactly the same span. */
const PRIORITY: PhiType[] = ['SSN', 'MRN', 'HEALTH_PLAN', 'ACCOUNT', 'FAX', 'PHONE', 'EMAIL', 'URL', 'IP', 'DEVICE', 'VEHICLE', 'LICENSE',
  'OTHER_ID', 'AGE', 'DATE', 'ZIP', 'ADDRESS', 'FACILITY', 'CITY', 'NAME'];

/** Kinds that may be a clinical term or an ordinary word (Parkinson, Lyme, Mercy): the reviewer may drop them. */
const MAY_BE_CLINICAL: ReadonlySet<PhiType> = new Set(['NAME', 'CITY', 'FACILITY']);

/** Whether the server applies a hit whatever the reviewer decides (see Candidate.required). */
export function isRequired(h: Hit): boolean {
  if (h.reason.startsWith('matches patient')) return true;
  if (h.weak || h.reason === 'street of residence') return false;
  return !MAY_BE_CLINICAL.has(h.type);
}

/** cyrb53: small, deterministic, dependency-free; collisions are irrelevant at this scale. */
function hash(s: string): string {
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function candidateId(type: PhiType, loc: Location): string {
  const l = loc as Record<string, unknown>;
  const key = [type, loc.field, l.documentId ?? l.flagId ?? l.codeLineId ?? '', l.start ?? '', l.end ?? ''].join('|');
  return 'phi_' + hash(key);
}

function patientValueHits(text: string, patterns: ValuePattern[]): Hit[] {
  return patterns.flatMap((p) => scan(text, p.re, p.type, p.reason));
}

/** Keeps the longest of nested spans; identical spans keep the higher-priority type. */
export function pruneContained(hits: Hit[]): Hit[] {
  // On one span, the higher-priority type wins, then the mandatory reading (the patient's own value).
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end || PRIORITY.indexOf(a.type) - PRIORITY.indexOf(b.type) || Number(isRequired(b)) - Number(isRequired(a)));
  const out: Hit[] = [];
  for (const h of sorted) {
    if (out.some((o) => o.start <= h.start && h.end <= o.end)) continue;
    out.push(h);
  }
  return out;
}

/** After "Surname, ": a given name, alone or with an initial ("Okafor, Adaeze", "Bellamy, Constance R."). */
const SURNAME_COMMA_GIVEN = /^\p{L}[\p{L}'’-]*(?:[ \t]\p{Lu}\.?)?$/u;

/**
 * "Fitzgerald, Declan P.", "Dubois, Marie-Claire": a frequent surname the rules took for a town (or a facility's
 * name) before a comma and a given name is the surname of that person.
 */
function surnameAsPlace(value: string, h: Hit): boolean {
  if (h.type !== 'CITY' && h.type !== 'FACILITY') return false;
  const w = value.slice(h.start, h.end);
  return /^\p{Lu}[\p{L}'’-]+$/u.test(w) && (nameLists()?.last.get(w.toLowerCase()) ?? Infinity) <= 20_000;
}

/** "Dorota" + " " + "Grzybowski" found by two rules is one name ("Providence" + "Holy Cross" one facility): one span, one placeholder. */
function joinNames(value: string, hits: Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const h of [...hits].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    const gap = last ? value.slice(last.end, h.start) : '';
    // "Good Samaritan Society - Waconia", "Essentia–Deer River": a facility's town or campus after it is part of its name;
    // "Okafor, Adaeze": a surname, a comma and a given name are one name.
    const joins = last && ((last.type === h.type && (h.type === 'NAME' || h.type === 'FACILITY') && /^[ \t]$/.test(gap))
      || (last.type === 'FACILITY' && (h.type === 'CITY' || h.type === 'FACILITY') && /^[ \t]*[-–—\/][ \t]*$|^[ \t]$/.test(gap))
      // "10/17-10/18", "Dec 18-19, 2024": a range of days written as one is one date (its dash would stay between placeholders).
      || (last.type === 'DATE' && h.type === 'DATE' && /^[-–]$/.test(gap))
      || (h.type === 'NAME' && /^,[ \t]?$/.test(gap) && SURNAME_COMMA_GIVEN.test(value.slice(h.start, h.end)) && (last.type === 'NAME' || surnameAsPlace(value, last))));
    if (last && joins) {
      // The joined span stays mandatory when either part was the patient's own name; a surname read as a place joins as a name.
      out[out.length - 1] = { ...last, type: h.type === 'NAME' ? 'NAME' : last.type, end: h.end, ...(isRequired(h) && !isRequired(last) ? { reason: h.reason } : {}) };
    } else out.push(h);
  }
  return extendNameSpans(value, out);
}

/**
 * ALL-CAPS lines (legacy systems, headers) defeat the capitalisation cues: they are read again
 * lower-cased, where the conservative lower-case rules (a name after a relation word, a city after
 * a place word) apply. Only hits inside those lines are kept; offsets are unchanged because the
 * lower-casing of ASCII keeps the length.
 */
function capsLineHits(value: string): Hit[] {
  const lines = [...value.matchAll(/[^\n]+/g)].filter((m) => !/[a-z]/.test(m[0]) && (m[0].match(/[A-Z]/g)?.length ?? 0) >= 12);
  if (!lines.length) return [];
  const lower = value.toLowerCase();
  if (lower.length !== value.length) return [];
  const inCaps = (h: Hit) => lines.some((m) => m.index <= h.start && h.end <= m.index + m[0].length);
  const toks = tokenize(lower);
  // Facility names are found by their capitalised words: read those lines title-cased.
  // Not after an apostrophe: "ST. CASIMIR'S" reads "St. Casimir's".
  const titled = lower.replace(/(?<!['’])\b[a-z]/g, (ch) => ch.toUpperCase());
  // Title-cased, the proper-noun rule applies to words of 4+ letters (3-letter capitals are mostly acronyms: TTE, EGD).
  const proper = findProperNouns(titled, tokenize(titled)).filter((h) => titled.slice(h.start, h.end).replace(/[^\p{L}]/gu, '').length >= 4);
  // "ATTENDING: CLIFFORD R. STONE, M.D.": the cue rules read the line title-cased with its credentials in capitals again.
  const named = titled.replace(/\b(?:Md|Do|Rn|Np|Pa-C|Pa|Lpn|Lvn|Crna|Aprn|Fnp|Dnp|Pharmd|Phd|Lcsw|Msw|Otr|Slp|Rrt|Cna|Dds|Dpm)\b/g, (m) => m.toUpperCase());
  // "ADDRESS: 9 SAGEBRUSH SPUR RD": the street rules need a capitalised street type too.
  // (never a dose: "40 MG SQ" is no square).
  const streets = findStreetNumbers(titled).filter((h) => h.type === 'ADDRESS' && !/\d[ \t]*(?:mg|mcg|ml|meq|units?|g|mmol|iu)\b/i.test(value.slice(h.start, h.end)));
  return [...findListNames(lower, toks), ...findGazetteerCities(lower, toks), ...findLabelledPeople(lower), ...findFacilities(titled), ...proper, ...streets, ...findCueNames(named, false).filter((h) => censusOrUnknownWords(named.slice(h.start, h.end)))]
    .filter(inCaps).map((h) => ({ ...h, reason: `${h.reason} (upper-case text)` }));
}

function fieldHits(value: string, isAuthor: boolean, ctx: PatientContext, patterns: ValuePattern[] = []): Hit[] {
  const hits = textHits(value, isAuthor, ctx, patterns);
  if (!isDictation(value)) return hits;
  // Unedited speech recognition: the rules read the text as it is and a copy with its spoken marks as marks (dictation.ts).
  const copy = spokenPunctuation(value);
  // A facility of two words or more in the title-cased copy (a dictation has no capitals for the facility rules).
  const facilities = findFacilities(titleCased(copy)).filter((h) => /[ \t]/.test(value.slice(h.start, h.end).trim())).map((h) => ({ ...h, reason: `${h.reason} (dictation)` }));
  // A span read on the text as it is may run into a spoken mark ("... family health comma"): it ends before it.
  const trimmed = hits.map((h) => { const m = SPOKEN_MARK_END.exec(value.slice(h.start, h.end)); return m && m.index > 0 ? { ...h, end: h.start + m.index } : h; });
  return [...trimmed, ...textHits(copy, isAuthor, ctx, patterns), ...facilities];
}

const SPOKEN_MARK_END = /[ \t]+(?:period|comma|colon|semicolon|new paragraph|new line|full stop)$/i;

function textHits(value: string, isAuthor: boolean, ctx: PatientContext, patterns: ValuePattern[]): Hit[] {
  const toks = tokenize(value);
  const payers = payerSpans(value);
  const rules = vetted(value, payers, ruleHits(value, toks, isAuthor, ctx, patterns));
  const all = [...rules, ...vetted(value, payers, recognisedBeyondRules(value, findRecognisedEntities(value, toks), rules))];
  return [...all, ...zipsAfterPlaces(value, all)];
}

/**
 * "Secondary: Mutual of Omaha", "Bluestem Health Medicaid": a payer is no facility or town (payers.ts); "due to SIADH",
 * "OT RECOMMEND ACUTE REHAB": an acronym or an upper-case sentence read as a facility is none (facility-vetoes.ts);
 * "ins plan # BCBSMS 7730129-04": the member number is the identifier, the plan's name before it stays (payer-names.ts);
 * "Rec CroFab", "gray Ford F-150": no name holds a drug, a model or a car maker with its model (product-runs.ts).
 */
function vetted(value: string, payers: ReturnType<typeof payerSpans>, hits: Hit[]): Hit[] {
  return hits.filter((h) => !inPayer(payers, h.type, h.start, h.end))
    .map((h) => (h.type === 'HEALTH_PLAN' ? { ...h, start: startPastPayer(value, h.start, h.end) } : judgeFacility(value, h)))
    .map((h) => h && withoutProducts(value, h))
    .filter((h): h is Hit => h !== null);
}

function ruleHits(value: string, toks: ReturnType<typeof tokenize>, isAuthor: boolean, ctx: PatientContext, patterns: ValuePattern[]): Hit[] {
  return [
    ...findPatientName(value, ctx),
    ...findListNames(value, toks),
    ...findProperNouns(value, toks),
    ...findGazetteerCities(value, toks),
    ...findFacilities(value),
    ...findCompanyNames(value),
    ...findBusinessNames(value),
    ...findNamedWings(value),
    ...findAgencyNames(value),
    ...findForeignFacilities(value),
    ...findMilitaryPlaces(value),
    ...findForeignScriptIds(value),
    ...findCueNames(value, isAuthor),
    ...findLabelledPeople(value),
    ...findMessageNames(value),
    ...findSignoffNames(value),
    ...findLoginNames(value),
    ...findRecordAuthors(value),
    ...findDepartmentAndFamilyNames(value),
    ...findOrdinaryWordNames(value, toks),
    ...capsLineHits(value),
    ...patientValueHits(value, patterns),
    ...numberHits(value, ctx.refYear),
    ...findSpokenNumbers(value),
    ...findRowIds(value),
    // "HIV on Biktarvy, KS lesions stable": a drug before a comma and a state-like abbreviation
    // (KS: Kaposi sarcoma) is no "City, ST".
    ...findPlaces(value).filter((h) => h.reason !== 'city before state' || !drugContext(value, h.start, h.end))
  ];
}

/** Dates, ages, phones and ids; on an OCR'd page also those whose digits were read as letters (ocr-digits.ts). */
function numberHits(value: string, refYear: number): Hit[] {
  const find = (v: string) => [...findDates(v, refYear), ...findAges(v), ...findPhones(v), ...findNetAndIds(v), ...findLabelledIds(v)];
  const hits = find(value);
  const copy = ocrDigits(value);
  if (copy === value) return hits;
  const changed = changedWithin(value, copy);
  return [...hits, ...find(copy).filter((h) => changed(h.start, h.end)).map((h) => ({ ...h, reason: `${h.reason} (digits read as letters)` }))];
}

/** A state may stay in a Safe Harbor copy, and "Oregon" or "Georgia" found as a name is the state. */
const STATE_NAME = new RegExp(`^(?:${STATE_NAMES})$`);
const notAState = (value: string) => (h: Hit) => h.type !== 'NAME' || !STATE_NAME.test(value.slice(h.start, h.end));

export function detectPhi(enc: DeidEncounterInput): Candidate[] {
  const steps = detectPhiSteps(enc);
  for (;;) { const r = steps.next(); if (r.done) return r.value; }
}

/**
 * The same detection, letting the event loop run after each text field: an encounter holds up to
 * 50 documents of 100,000 characters, and detection costs ~17 ms per 1,000 characters, so a
 * publication of a long encounter would otherwise stop every other request for seconds.
 */
export async function detectPhiYielding(enc: DeidEncounterInput): Promise<Candidate[]> {
  const steps = detectPhiSteps(enc);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await yieldToEventLoop();
  }
}

function* detectPhiSteps(enc: DeidEncounterInput): Generator<void, Candidate[]> {
  const ctx = patientContext(enc);
  const patterns = patientValuePatterns(enc, ctx);
  const fields = textFields(enc);
  const perField: Hit[][] = [];
  for (const f of fields) {
    perField.push(fieldHits(f.value, f.isAuthor, ctx, patterns));
    yield;
  }
  // Second pass: names learned from cues anywhere, the initials of facilities and people found and the number identifiers found are searched in every field.
  const tokens = new Set<string>(), acronyms = new Set<string>(), numbers = new Map<string, PhiType>();
  fields.forEach((f, i) => nameTokens(f.value, perField[i]!).forEach((t) => tokens.add(t)));
  fields.forEach((f, i) => facilityAcronyms(f.value, perField[i]!).forEach((a) => acronyms.add(a)));
  fields.forEach((f, i) => identifierValues(f.value, perField[i]!).forEach(([v, t]) => numbers.set(v, t)));
  const initials = new Set<string>();
  fields.forEach((f, i) => personInitials(f.value, perField[i]!).forEach((x) => initials.add(x)));
  const defined = fields.map((f, i) => definedInitials(f.value, perField[i]!));
  const definedAnywhere = defined.flat().filter((d) => d.anywhere);
  const out: Candidate[] = [];
  for (const key of PATIENT_ID_FIELDS) {
    const value = enc.patient[key];
    if (!value) continue;
    const location: Location = { field: `patient.${key}` };
    const type = PATIENT_FIELD_TYPE[key];
    out.push({ id: candidateId(type, location), type, location, text: value, reason: 'patient identifier field', required: true });
  }
  for (const [i, f] of fields.entries()) {
    const again = [...findKnownNames(f.value, [...tokens]), ...findFacilityAcronyms(f.value, [...acronyms]), ...findIdentifierEchoes(f.value, [...numbers], perField[i]!), ...findPersonInitials(f.value, [...initials]), ...findDefinedInitials(f.value, [...defined[i]!.filter((d) => !d.anywhere), ...definedAnywhere])];
    const hits = withExtensions(f.value, widenNameEdges(f.value, widenPlaceEdges(f.value, widenFacilityTails(f.value, widenFacilityEdges(f.value, joinNames(f.value, pruneContained([...perField[i]!, ...again].filter(notAState(f.value)))))))));
    for (const h of hits) {
      const location = f.at(h.start, h.end);
      out.push({ id: candidateId(h.type, location), type: h.type, location, text: f.value.slice(h.start, h.end), reason: h.reason, required: isRequired(h) });
    }
    yield;
  }
  return out;
}

const NO_PATIENT: PatientContext = { refYear: new Date().getUTCFullYear(), fullName: '', lastNames: [], givenNames: [], values: [] };

/**
 * PHI in one short free text with no encounter around it (a chat message, a forum question):
 * the same detectors minus the patient's own values; names found by a cue, and the initials of
 * facilities found, are searched again in the rest of the text. Spans are sorted, and nested ones are pruned as in detectPhi.
 */
export function detectPhiInText(text: string, refYear = NO_PATIENT.refYear): TextPhi[] {
  const ctx = { ...NO_PATIENT, refYear };
  const hits = fieldHits(text, false, ctx);
  const again = [...findKnownNames(text, nameTokens(text, hits)), ...findFacilityAcronyms(text, facilityAcronyms(text, hits)), ...findIdentifierEchoes(text, identifierValues(text, hits), hits), ...findPersonInitials(text, personInitials(text, hits)), ...findDefinedInitials(text, definedInitials(text, hits))];
  return withExtensions(text, widenNameEdges(text, widenPlaceEdges(text, widenFacilityTails(text, widenFacilityEdges(text, joinNames(text, pruneContained([...hits, ...again].filter(notAState(text)))))))))
    .map((h) => ({ type: h.type, start: h.start, end: h.end, text: text.slice(h.start, h.end), reason: h.reason, required: isRequired(h) }));
}
