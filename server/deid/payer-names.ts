/**
 * Known payers by name (lists/payers.json): insurers, Blue plans, Medicaid programs, Medicare
 * contractors, PBMs, workers' compensation carriers. Why: a payer is written in every shape a
 * facility or a person is ("the Apple Health # on this one", "Noridian Healthcare Solutions /
 * Attn: Redetermination Unit", "called Express Scripts PA line"), and no cue tells them apart; the
 * name itself does, and these names are few and well known. A payer identifies nobody (Safe Harbor
 * removes the member number, not the plan).
 * A span is the listed name, grown over a corporate tail ("Healthcare Solutions", "Health Plan")
 * and a state ("Aetna Better Health of Kentucky", "BCBS of Texas"), or a Blue plan written with its
 * state's abbreviation ("BCBSTX"). Invariant: a name matches as listed or in capitals; in lower case
 * only when a word of it is no English word ("my humana card", never "family care").
 */
import { esc } from './hits';
import { STATE_ABBR, STATE_NAMES } from './places';
import { isEnglishWord } from './tokens';
import payers from './lists/payers.json';

const NAMES: string[] = [...payers.insurers, ...payers.programs, ...payers.contractors, ...payers.pharmacyBenefits, ...payers.workersComp];

/** "Healthcare Solutions", "Health Plan of Nevada": words a payer's legal name ends with. */
const TAIL = String.raw`(?:[ \t]+(?:Health(?:[ \t]?care)?|HealthCare|Health[ \t]+Care|Health[ \t]?Plans?|Community[ \t]+Plan|Solutions|Services|Insurance(?:[ \t]+Company)?|Administrators|Medicare|Medicaid|Advantage|Commercial|HMO|PPO|EPO|Dual|Complete|Inc\.?|LLC|Co\.|Company))*`;
const REGION = String.raw`(?:(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Northeastern|Northwestern|Southeastern|Southwestern|Upstate)[ \t]+)?`;
const OF_STATE = String.raw`(?:[ \t]+of[ \t]+(?:the[ \t]+)?${REGION}(?:${STATE_NAMES}))?`;
/** "BCBSTX", "BCBS-IL": a Blue plan and its state. */
const BLUE_STATE = new RegExp(String.raw`(?<![\p{L}\p{N}])BCBS[ -]?(?:${STATE_ABBR})(?![\p{L}\p{N}])`, 'gu');

let known: RegExp | undefined;
function knownRe(): RegExp {
  if (known) return known;
  const forms = new Set<string>();
  for (const n of NAMES) {
    forms.add(n);
    forms.add(n.toUpperCase());
    if (n.split(/[\s-]+/).some((w) => /^[A-Za-z]+$/.test(w) && !isEnglishWord(w))) forms.add(n.toLowerCase());
  }
  const alt = [...forms].sort((a, b) => b.length - a.length).map((f) => esc(f).replace(/'/g, "['’]").replace(/ /g, '[ \\t]+')).join('|');
  known = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])${TAIL}${OF_STATE}(?![\\p{L}\\p{N}])`, 'gu');
  return known;
}

/** Spans of known payer names in the text. */
export function knownPayerSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(knownRe())) out.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(BLUE_STATE)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/**
 * "ins plan # BCBSMS 7730129-04": the member number's span may open with the plan's name; the number
 * is the identifier, the name stays. Returns the start past a leading payer name, or the start itself.
 */
export function startPastPayer(text: string, start: number, end: number): number {
  const value = text.slice(start, end);
  // Only a name standing apart ("BCBSMS 7730129-04", "Wellmark: 8812"); "UHC-44Y92011" is one identifier.
  for (const [s, e] of knownPayerSpans(value)) {
    const gap = /^(?:[ \t]*[#:][ \t]*|[ \t]+)(?=\S*\d)/.exec(value.slice(e));
    if (s === 0 && gap) return start + e + gap[0].length;
  }
  return start;
}
