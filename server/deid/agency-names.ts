/**
 * Local public agencies named by their place ("Tri-Valley Area Agency on Aging", "Llano County
 * Health District", "Fort Collins Housing Authority", "Region 4 Office of Public Health", "Oak Haven
 * R-IV School District", "Delmont County Department of Job and Family Services", "Salt Lake County
 * Jail"): below the state they narrow a patient down as a clinic does, and the blind files label them
 * FACILITY (issue 8, round 9).
 * The name is one to four capitalised words (or a number, a district's roman numerals) and an
 * agency's head; "Office/Department/Board ... of X" takes the capitalised words after "of".
 * Never: a head alone or after generic words only ("the County Jail", "State Department of Health"),
 * or after a state's name alone ("Ohio Department of Health": a state may stay in a Safe Harbor copy).
 * Invariants: hits are FACILITY; pure.
 */
import type { Hit } from './hits';
import { STATE_NAMES } from './places';

const LEAD = "(?:\\p{Lu}[\\p{L}'’.-]*|\\d{1,3}|[IVX]{1,4}(?:-[IVX]{1,4})?|R-[IVX]{1,4})";
const OF_WORDS = "\\p{Lu}[\\p{L}'’-]*(?:[ \\t]+(?:(?:and|&|of|for|the)[ \\t]+)?\\p{Lu}[\\p{L}'’-]*){0,5}";
const HEAD = `(?:Area[ \\t]+Agency[ \\t]+on[ \\t]+Aging|Agency[ \\t]+on[ \\t]+Aging|Council[ \\t]+on[ \\t]+Aging|Housing[ \\t]+Authority|(?:Public[ \\t]+)?Health[ \\t]+(?:District|Department|Dept\\.?)|(?:Unified[ \\t]+|Independent[ \\t]+)?School[ \\t]+District|Sheriff['’]?s[ \\t]+(?:Office|Department|Dept\\.?)|Police[ \\t]+(?:Department|Dept\\.?)|Fire[ \\t]+(?:Department|Dept\\.?|District|Rescue)|Jail|Detention[ \\t]+(?:Center|Centre|Facility)|Correctional[ \\t]+(?:Facility|Center|Centre|Institution)|(?:Office|Department|Dept\\.?|Division|Bureau|Board|Commission)[ \\t]+of[ \\t]+${OF_WORDS})`;
const AGENCY = new RegExp(`(?<![\\p{L}\\p{N}])((?:${LEAD}[ \\t]+){1,4})${HEAD}(?![\\p{L}])`, 'gu');
const GENERIC = /^(?:The|A|An|Our|Your|Their|His|Her|This|That|Local|County|City|State|Regional|Region|Public|Area|District|Municipal|Federal|National|US|U\.S\.|New|Old|Main|Central)$/;
const STATE_ONLY = new RegExp(`^(?:${STATE_NAMES})$`);
const GATE = /Aging|Authority|District|Sheriff|Police|Fire|Jail|Detention|Correctional|Office of|Department of|Dept\.? of|Division of|Bureau of|Board of|Commission of|Health Dep/;

export function findAgencyNames(text: string): Hit[] {
  if (!GATE.test(text)) return [];
  const out: Hit[] = [];
  for (const m of text.matchAll(AGENCY)) {
    const lead = m[1]!.trim().split(/[ \t]+/);
    const specific = lead.filter((w) => !GENERIC.test(w));
    if (!specific.length || STATE_ONLY.test(specific.join(' '))) continue;
    // "The Llano County Health District": the article stays outside.
    const skip = /^(?:The|A|An|Our|Your|Their|This|That)[ \t]+/.exec(m[0])?.[0].length ?? 0;
    out.push({ start: m.index + skip, end: m.index + m[0].length, type: 'FACILITY', reason: 'local public agency' });
  }
  return out;
}
