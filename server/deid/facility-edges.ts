/**
 * The edges of a facility's name that its detectors stop short of: "The" before it ("outside The Copper
 * Kettle Tavern"), "St."/"Saint"/"Mt." before it ("St. Brendan's" found as "Brendan's"), the possessive
 * after it ("St. Isidore" + "'s"), a store number ("Kroger Pharmacy #C-512"), a second part after "&"
 * ("Phillips County Hospital & Clinics") and a town or a second facility after "of"/"at" ("Lutheran Home
 * of Stoughton", "Downstate Burn Unit at Ridgewood Presbyterian"). A redaction that leaves "The", "'s"
 * or "& Clinics" beside its placeholder leaves a piece of the name.
 * Invariant: spans only grow over the words listed here; a span another one now holds is dropped, so
 * spans stay apart (detect.ts's invariant).
 */
import { withoutHeldSpans, type Hit } from './hits';

/** Words before a facility that belong to its name. */
const LEAD = /(?:^|(?<=[^\p{L}\p{N}]))(?:The|THE|St\.?|ST\.?|Saint|SAINT|Mt\.?|MT\.?|Mount)[ \t]+$/u;
/** "'s" closing a facility's name ("St. Elowen's", "Coral Bay Children's"). */
const POSSESSIVE = /^['’]s(?![\p{L}\p{N}])/u;
/** A store or site number right after a chain's name: "#621", "#C-512", "# 10382". */
const STORE_NUMBER = /^[ \t]*#[ \t]?(?:[A-Z]-?)?\d{1,6}(?![\p{L}\p{N}])/u;
/** "& Clinics", "& Spine", "& Throat", "& Mohs Surgery": one to three capitalised words after an ampersand. */
const AMPERSAND_PART = /^[ \t]*&[ \t]*(?:\p{Lu}[\p{L}'’-]*)(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,2}(?![\p{L}\p{N}])/u;
/** The joints between a facility and a town or second facility that names its site. */
const SITE_JOINT = /^[ \t]+(?:of|at)[ \t]+$/;

export function widenFacilityEdges(text: string, hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  const out: Hit[] = [];
  for (const hit of sorted) {
    const h = { ...hit };
    const last = out[out.length - 1];
    // "Lutheran Home" + " of " + "Stoughton": one facility.
    if (last && last.type === 'FACILITY' && (h.type === 'CITY' || h.type === 'FACILITY') && SITE_JOINT.test(text.slice(last.end, h.start))) {
      out[out.length - 1] = { ...last, end: Math.max(last.end, h.end) };
      continue;
    }
    if (h.type === 'FACILITY' || childrensName(text, h)) widen(text, h);
    out.push(h);
  }
  // A widened span may now hold a neighbour (the store number found as an id): the neighbour goes.
  return withoutHeldSpans(out);
}

/** "Mary Bridge Children" + "'s": a name that ends in "Children" before a possessive is a children's hospital. */
function childrensName(text: string, h: Hit): boolean {
  if (h.type !== 'NAME' || !/Children$/.test(text.slice(h.start, h.end)) || !POSSESSIVE.test(text.slice(h.end))) return false;
  h.type = 'FACILITY';
  return true;
}

function widen(text: string, h: Hit): void {
  const lead = LEAD.exec(text.slice(Math.max(0, h.start - 8), h.start));
  if (lead) h.start -= lead[0].length;
  const possessive = POSSESSIVE.exec(text.slice(h.end));
  if (possessive) h.end += possessive[0].length;
  const store = STORE_NUMBER.exec(text.slice(h.end));
  if (store) h.end += store[0].length;
  const part = AMPERSAND_PART.exec(text.slice(h.end));
  if (part) h.end += part[0].length;
}
