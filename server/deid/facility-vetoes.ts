/**
 * Facility detections that are none (facilities pass 5). Why: two rules read a shape, not a name,
 * and clinical and office text has the same shape:
 *  - an unknown upper-case acronym after a place word (proper-nouns.ts: "transferred from HCMC") is as
 *    often a diagnosis after a causal phrase ("due to HLH", "secondary to NMOSD"), a milestone after
 *    a span of time ("14 months to MRD negativity"), an injury mechanism after an arrival or injury
 *    word ("BIBEMS from MVA", "brought in from GLF"), a network a login came from ("from VDI, IP
 *    10.2.3.4") or a regulator a report goes to ("reported to DHCS");
 *  - a name found by its head word on an upper-case line ("OT RECOMMENDS SUBACUTE REHAB", "SW LCSW
 *    CARE"): a verb or a staff credential before the head makes it a sentence or a title; the name,
 *    if any, starts after it ("ADMITTED VIA NASH GENERAL ER"), and needs a word that is no English word.
 * Invariant: only these two kinds of hit are judged; every other facility stays as it was.
 */
import type { Hit } from './hits';
import { isEnglishWord, tokenize } from './tokens';
import { englishWords } from './vocabulary';
import { FACILITY_HEADS } from './lexicon';

const ACRONYM_REASON = 'unknown acronym after a place word';

/** Causal and diagnostic phrases: what follows is a condition. */
const CAUSAL = /\b(?:due|secondary|related|attributed|attributable|progress(?:ed|ing|ion)?|convert(?:ed|ing)?|evolv(?:ed|ing)|lead(?:ing)?|led|predispos(?:ed|ing)|prone|exposure|exposed|susceptible|refractory|contribut(?:ed|ing)|sequela(?:e)?|complicat(?:ed|ion)|consistent|concerning|suspicious|worrisome|c\/w|2\/2|d\/t|r\/o|h\/o|s\/p)[ \t]+(?:to|with|for|of|from)?[ \t]*$/i;
/** A span of time before "to": what follows is a milestone ("6 years to ERI"). */
const TIME_TO = /\b\d+(?:\.\d+)?[ \t]*(?:years?|yrs?|y|months?|mos?|mo|weeks?|wks?|days?|d|hours?|hrs?|h|cycles?|doses?)[ \t]+(?:to|until|till)[ \t]+$/i;
/** Arrival or injury words before "from": what follows is how the patient was hurt ("BIBA from MVC"). */
const MECHANISM = /\b(?:BIB[A-Z]*|bib[a-z]*|brought in|injur(?:y|ies|ed)|trauma|sustained|struck|hurt|ejected|extricated)(?:[ \t]+\S+){0,2}[ \t]+from[ \t]+$/i;
/** A network or login after the acronym ("from VPN, IP 73.189.44.152"). */
const NETWORK_AFTER = /^[ \t,;:()-]*(?:IP\b|\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|log[ -]?in|session|connection|workstation|account)/i;
/** A report or complaint goes to a regulator, not a place the patient was. */
const REPORT_TO = /\b(?:reported|report|reportable|reporting|complaint|complaints|filed|self-reported|disclosed|notification)[ \t]+(?:\S+[ \t]+)?(?:to|with)[ \t]+$/i;

/** Staff credentials and roles written in capitals before a head ("SW LCSW CARE", "OT RECOMMENDS"). */
const CREDENTIAL = /^(?:RN|LPN|LVN|MD|DO|NP|PA|OT|PT|SLP|CNA|RT|SW|MSW|LCSW|LICSW|PHARMD|RD|CM|APRN|FNP|CRNA|PACT|PCMHI)$/i;

function acronymVetoed(text: string, h: Hit): boolean {
  const pre = text.slice(Math.max(0, h.start - 40), h.start), post = text.slice(h.end, h.end + 30);
  return CAUSAL.test(pre) || TIME_TO.test(pre) || MECHANISM.test(pre) || REPORT_TO.test(pre) || NETWORK_AFTER.test(post);
}

/** A word that is only a verb in compromise's lexicon ("Recommends", "Needs", "Agrees"), not a noun or adjective too. */
function verbOnly(word: string): boolean {
  const tags = tokenize(word.toLowerCase())[0]?.tags;
  return Boolean(tags && [...tags].some((t) => /Tense|Infinitive/.test(t)) && ![...tags].some((t) => /Noun|Singular|Plural|Adjective|Name|Person|Place|Organization/.test(t)));
}

const HEADS = [...FACILITY_HEADS].map((h) => h.toUpperCase()).sort((a, b) => b.length - a.length);

/**
 * An upper-case sentence read as a name: the start of the name after its last verb or credential ("ADMITTED VIA NASH
 * GENERAL" -> "NASH GENERAL"), or -1 when no name is left ("OT RECOMMEND ACUTE REHAB": only English words remain), or the
 * hit's own start when no such word is in it.
 */
function capsNameStart(text: string, h: Hit): number {
  const words = [...text.slice(h.start, h.end).matchAll(/[^\s/]+/g)];
  const upper = words.map((w) => w[0].toUpperCase());
  // Judge the words before the name's first head ("CALLOWAY" of "CALLOWAY NURSING AND REHAB", "VA NORTHERN INDIANA" of
  // "... HEALTH CARE SYSTEM - MARION CAMPUS").
  const first = upper.findIndex((_, i) => i > 0 && HEADS.some((x) => `${upper.slice(i).join(' ')} `.startsWith(`${x} `)));
  const before = upper.slice(0, first < 0 ? upper.length - 1 : first);
  let last = -1;
  before.forEach((w, i) => { if (CREDENTIAL.test(w) || verbOnly(w) || (last >= 0 && i === last + 1 && /^(?:VIA|TO|AT|FROM|IN|THE|BY)$/.test(w))) last = i; });
  if (last < 0) return h.start;
  const rest = before.slice(last + 1);
  if (!rest.some((w) => !isEnglishWord(w.toLowerCase()) && !englishWords().has(w.toLowerCase()))) return -1;
  return h.start + words[last + 1]!.index;
}

/**
 * A FACILITY hit as it stands once judged (see the file's comment): null when it is no facility, the same hit, or the hit
 * cut to the name after an upper-case sentence's verb. Hits of other types are returned unchanged.
 */
export function judgeFacility(text: string, h: Hit): Hit | null {
  if (h.type !== 'FACILITY') return h;
  if (h.reason.startsWith(ACRONYM_REASON)) return acronymVetoed(text, h) ? null : h;
  if ((h.reason.endsWith('(upper-case text)') && /^facility name/.test(h.reason)) || h.reason === 'facility name in capitals') {
    const start = capsNameStart(text, h);
    return start < 0 ? null : start === h.start ? h : { ...h, start };
  }
  return h;
}
