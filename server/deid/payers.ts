/**
 * Health plans and insurers written like facilities or towns: "Primary ins: Bluestem Health
 * Medicaid", "Secondary: Mutual of Omaha", "covered by Pinnacle Health Partners HMO", "Brightpath
 * Health Plan". A payer identifies no patient and names no place the patient was (Safe Harbor
 * removes the member number, not the plan), and the evaluation sets keep payers as terms.
 * A payer span is:
 *  - the capitalised words after a payer label on its line ("Ins:", "Insurance:", "Payer:", "Plan:",
 *    "Carrier:", never a SOAP "Plan:"; "Secondary:" when an insurance word is on the line before), or after "covered by",
 *    "insured through", "coverage through/with", "plan is";
 *  - capitalised words right before a plan word ("Health Plan", "HMO", "PPO", "Medicaid", "Medicare
 *    Advantage", "member ID", "policy");
 *  - a known payer's name anywhere (payer-names.ts, lists/payers.json), like a plan word for names too.
 * Invariants: spans cover whole words of one line; after a label only FACILITY and CITY hits are
 * dropped (a subscriber's name may follow), before a plan word NAME hits too; a plan word alone is no span.
 */

import { knownPayerSpans } from './payer-names';

// Capitalised words of one name, one space or tab apart (a wider gap is a table's column: "Patient: Ann Roe    Medicare #"
// holds a person, then a plan); a full stop only in "St." (never across a sentence end: "UMass Memorial. His Medicare").
const WORD = String.raw`(?:St\.|\p{Lu}[\p{L}'’-]*)`;
const WORDS = String.raw`${WORD}(?:[ \t](?:of|and|&|the|de|${WORD}))*`;
const LABEL = /(?:^|\n|[;|][ \t]*)[ \t]*(?:(?:primary|secondary|tertiary|other)[ \t]+)?(?:ins|insurance|insurer|payer|payor|health plan|carrier|coverage|guarantor plan|financial class)\.?[ \t]*(?:name)?[ \t]*[:#-][ \t]*/gi;
const ORDINAL_LABEL = /(?:^|\n)[ \t]*(?:primary|secondary|tertiary)[ \t]*:[ \t]*/gi;
const INSURANCE_NEAR = /\b(?:ins|insurance|payer|payor|medicare|medicaid|plan|policy|member|mbi|subscriber)\b/i;
const PHRASE = /\b(?:covered by|insured (?:by|through|with)|coverage (?:through|with|by|from)|insurance (?:is|through|with)|plan is|enrolled in)[ \t]+(?:the[ \t]+)?/gi;
const PLAN_AFTER = new RegExp(String.raw`(?<![\p{L}])(${WORDS})[ \t](?:Health[ \t]+Plans?|Community[ \t]+Plan|HMO|PPO|EPO|Medicaid|Medicare(?:[ \t]+Advantage)?|Advantage[ \t]+Plan|Managed[ \t]+Care|Insurance|member[ \t]+(?:ID|id|#|number)|policy)\b`, 'gu');

function wordsAt(text: string, start: number): [number, number] | null {
  const m = new RegExp(`^${WORDS}`, 'u').exec(text.slice(start, start + 80));
  return m ? [start, start + m[0].length] : null;
}

export interface PayerSpan { start: number; end: number; /** a plan word closes it: no person's name either */ planWord: boolean }

/** Spans of payer names in the text. */
export function payerSpans(text: string): PayerSpan[] {
  const out: PayerSpan[] = [];
  const add = (s: [number, number] | null, planWord = false) => { if (s && s[1] > s[0]) out.push({ start: s[0], end: s[1], planWord }); };
  for (const m of text.matchAll(LABEL)) add(wordsAt(text, m.index + m[0].length));
  for (const m of text.matchAll(ORDINAL_LABEL)) {
    // "Secondary: Mutual of Omaha" under "Primary Ins: Medicare"; never "SECONDARY: Atrial fibrillation" of a diagnosis list.
    const around = text.slice(Math.max(0, m.index - 80), m.index + m[0].length + 80);
    if (INSURANCE_NEAR.test(around)) add(wordsAt(text, m.index + m[0].length));
  }
  for (const m of text.matchAll(PHRASE)) add(wordsAt(text, m.index + m[0].length));
  for (const m of text.matchAll(PLAN_AFTER)) add([m.index, m.index + m[0].length], true);
  // "the Apple Health # on this one", "called Express Scripts PA line": a known payer needs no label; its name is no person's.
  for (const s of knownPayerSpans(text)) add(s, true);
  return out;
}

/**
 * Whether a hit lies inside a payer's name: a facility or a town inside any payer span, a name only
 * inside one closed by a plan word ("Pinnacle Health Partners HMO"); after a label a person's name
 * may follow ("Insurance: John Smith (subscriber)"), so names stay there.
 */
export function inPayer(spans: PayerSpan[], type: string, start: number, end: number): boolean {
  // Inside the payer's name, or a facility starting inside it and running on ("Highmark Blue Shield of Western Pennsylvania").
  return spans.some((p) => p.start <= start && (end <= p.end || (type === 'FACILITY' && start < p.end)) && (type === 'FACILITY' || type === 'CITY' || (type === 'NAME' && p.planWord)));
}
