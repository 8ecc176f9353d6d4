/**
 * A business named with its legal form ("Feldstein & Amadi Elder Law, PLLC", "MORRISON VALDEZ &
 * KHOURY, LLP", "Keystone Bearing Company", "DM Property Holdings LLC"): employers, law firms,
 * landlords and vendors a record names, all FACILITY as the blind files label them (issue 8, round 9).
 * The name is the run of capitalised words before the legal form, joined by "&", "and", "of" or a
 * comma between two capitalised words (a firm of partners); the legal form is part of it.
 * Never: a maker of drugs or devices ("Medtronic, Inc.": its name is nobody's identifier), a run
 * that starts with a function word alone ("The Company"), or more than six words (an upper-case line).
 * Invariants: hits are FACILITY; pure.
 */
import type { Hit } from './hits';
import { isMakerName } from './product-context';

const WORD = "\\p{Lu}[\\p{L}'’.-]*";
const JOIN = '(?:[ \\t]+(?:&|and|of|the)[ \\t]+|,[ \\t]+(?=\\p{Lu}[\\p{L}\'’-]*[ \\t]+(?:&|and)[ \\t])|[ \\t]+)';
const FORM = '(?:LLC|L\\.L\\.C\\.|LLP|L\\.L\\.P\\.|PLLC|P\\.L\\.L\\.C\\.|Inc\\.?|INC\\.?|Incorporated|Corp\\.?|CORP\\.?|Corporation|Co\\.|Company|COMPANY|Ltd\\.?|LTD|P\\.C\\.)';
const COMPANY = new RegExp(`(?<![\\p{L}\\p{N}])(${WORD}(?:${JOIN}${WORD}){0,5}),?[ \\t]+${FORM}(?![\\p{L}])`, 'gu');
const FUNCTION_WORD = /^(?:The|A|An|This|That|Our|Your|Their|His|Her|Its|Any|Each|Every|No|Per|Via|And|Of)$/;

export function findCompanyNames(text: string): Hit[] {
  if (!/(?:LLC|LLP|PLLC|Inc|INC|Corp|CORP|Co\.|Company|COMPANY|Ltd|LTD|P\.C\.)/.test(text)) return [];
  const out: Hit[] = [];
  for (const m of text.matchAll(COMPANY)) {
    const words = m[1]!.split(/[ \t,&]+/).filter(Boolean);
    if (words.length === 1 && FUNCTION_WORD.test(words[0]!)) continue;
    if (words.some((w) => isMakerName(w)) || isMakerName(m[1]!)) continue;
    let start = m.index;
    // "The Copper Kettle Co.": the article stays outside.
    const lead = /^(?:The|A|An)[ \t]+/.exec(m[0]);
    if (lead) start += lead[0].length;
    out.push({ start, end: m.index + m[0].length, type: 'FACILITY', reason: 'business named with its legal form' });
  }
  return out;
}
