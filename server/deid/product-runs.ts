/**
 * A person's or town's name never holds a drug, a model number or a product compound: "Rec CroFab
 * 4 vials", "Skip Neosporin", "Riddell SpeedFlex helmet", "Masimo Rad-97", "2017 Ford F-150" are
 * products a rule or the recogniser read as names (blind round 12). A NAME or CITY hit is cut
 * before a drug word it holds, and dropped when it holds a model or compound, or is a car maker
 * with its model or model year; a compound of a care or transport word ("AirCare") makes it a FACILITY.
 * Invariants: only NAME and CITY hits change; a hit only shrinks, goes or becomes a FACILITY; pure apart from the drug list.
 */
import type { Hit } from './hits';
import { DRUGS, nameLists } from './lexicon';
import { isListedDrug } from './drug-names';
import { productCompound } from './proper-nouns';
import { CAR_MAKERS } from './product-context';
import { isOrdinaryWord } from './ordinary';

/** "F-150", "G5", "Rad-97", "RAV4", "CR-V": letters and digits, or capitals joined by a hyphen. */
const MODEL = /^(?:\p{L}{0,4}-?\d[\p{L}\d-]*|\p{Lu}{1,3}-\p{Lu}{1,3}|\p{L}+\d+\p{L}*)$/u;
const CAR_MAKER = new RegExp(`^(?:${CAR_MAKERS})$`);
const AFTER_CAR_MAKER = new RegExp(`(?<![\\p{L}])(?:${CAR_MAKERS})[ \\t]+$`, 'u');
const YEAR_OR_COLOUR = /(?:\b(?:19|20)\d{2}|\b(?:white|black|gray|grey|silver|red|blue|green|tan|gold|maroon|beige|brown|dark|light))[ \t]+$/i;
const WORD = /[\p{L}\d][\p{L}\d'’-]*/gu;
const ORG_COMPOUND = /^\p{Lu}\p{Ll}+(?:Care|Med|Air|Flight|Health|Clinic|Rx|Rehab|Hospice|Pharmacy|Labs?)$/u;

const onCensus = (w: string) => { const l = nameLists(); return Boolean(l && (l.first.has(w.toLowerCase()) || l.last.has(w.toLowerCase()))); };
const isDrug = (w: string) => DRUGS.has(w.toLowerCase()) || isListedDrug(w);

export function withoutProducts(text: string, h: Hit): Hit | null {
  if (h.type !== 'NAME' && h.type !== 'CITY') return h;
  const span = text.slice(h.start, h.end);
  const words = [...span.matchAll(WORD)].map((m) => ({ word: m[0], start: h.start + m.index, end: h.start + m.index + m[0].length }));
  if (!words.length) return h;
  const next = /^[ \t]+([\p{L}\d][\p{L}\d-]*)/u.exec(text.slice(h.end, h.end + 20))?.[1];
  const before = text.slice(Math.max(0, h.start - 20), h.start);
  // "gray Ford F-150", "2017 Ford": a car maker with its model or model year is the car.
  if (words.length === 1 && CAR_MAKER.test(words[0]!.word) && ((next && MODEL.test(next)) || YEAR_OR_COLOUR.test(before))) return null;
  // "a silver Toyota Tacoma", "Hyundai Tucson": a model named after a town follows its maker (a name after "Ram" or "Mercedes" stays).
  if (h.type === 'CITY' && AFTER_CAR_MAKER.test(before)) return null;
  // "Appalachian AirCare", "QuickCare Biscayne": a compound of a care or transport word names the business, not a product.
  if (words.some((w) => ORG_COMPOUND.test(w.word))) return { ...h, type: 'FACILITY', reason: `${h.reason}; a business's compound name` };
  // "marco_sd88": a login is one word whatever it holds.
  if (/[ \t]/.test(span) && words.some((w) => MODEL.test(w.word) || productCompound(w.word))) return null;
  const drug = words.findIndex((w) => isDrug(w.word));
  if (drug < 0) return h;
  // "Skip Neosporin", "Rec CroFab": what stays before the drug must itself look like a name, not a word of the order.
  const kept = words.slice(0, drug);
  if (!kept.length || kept.every((w) => isOrdinaryWord(w.word) || (w.word.length < 4 && !onCensus(w.word)))) return null;
  return { ...h, end: kept[kept.length - 1]!.end };
}
