/**
 * Makers whose next capitalised word is a product's model, not a person or a town: national car
 * makers ("Honda Accord", "Toyota Corolla") and makers of implants, cardiac devices and monitors
 * ("Abbott Gallant", "Medtronic Percept", "Stryker Exeter", "Boston Scientific Accolade"). A curated
 * list of national brands, as the chain and payer lists are: their names are identifiers of nobody.
 * Invariants: pure; matches whole capitalised or upper-case words only.
 */
import { nameLists } from './lexicon';
export const CAR_MAKERS = 'Honda|Toyota|Ford|Chevy|Chevrolet|Nissan|Hyundai|Kia|Subaru|Mazda|Jeep|Dodge|Ram|GMC|Buick|Cadillac|Lexus|Acura|BMW|Mercedes|Audi|Volkswagen|VW|Tesla|Chrysler|Volvo|Mitsubishi|Infiniti|Pontiac|Saturn|Mercury|Plymouth|Oldsmobile';
const DEVICE_MAKERS = 'Medtronic|Abbott|Boston[ \\t]+Scientific|Biotronik|St\\.?[ \\t]+Jude|Stryker|Zimmer(?:[ \\t]+Biomet)?|Biomet|DePuy(?:[ \\t]+Synthes)?|Synthes|Smith[ \\t]+(?:&|and)[ \\t]+Nephew|Exactech|Arthrex|Globus|NuVasive|Philips|ResMed|Respironics|Dexcom|Insulet|Tandem|Edwards|LivaNova|Cochlear|Nevro|Inspire[ \\t]+Medical|Baxter|Fresenius|Hillrom|Hill-Rom|Masimo|Omron|Welch[ \\t]+Allyn|Olympus|Karl[ \\t]+Storz|Cook|Bard|Teleflex|Cardinal|Cordis|Terumo|Penumbra|Gore|Microport|Sorin|Impella|Abiomed|Integra|Orthofix|Wright|Conmed|Hologic|Siemens|GE';
/**
 * A frequent surname after a maker's name is a person more often than a model: makers share their
 * names with people ("Called Ram Patel back", "Met with Cook Harrington"), models mostly are no
 * census surname or a rare one ("Percept", "Accord", "Corolla"; "Gallant" ranks 2,840).
 */
const PERSON_SURNAME_RANK = 2000;
/** The maker right before the word, in title case or capitals. */
const MAKER_END = new RegExp(`(?<![\\p{L}])(?:${CAR_MAKERS}|${DEVICE_MAKERS})[ \\t]+$`, 'iu');
/** A maker's name alone ("Baxter", "Welch Allyn", "ABBOTT"). */
export const isMakerName = (span: string): boolean => MAKER_WORD.test(span);
const MAKER_WORD = new RegExp(`^(?:${CAR_MAKERS}|${DEVICE_MAKERS})$`, 'i');

/** Whether a maker's name stands right before `start` (same line): the word there is its model. */
export function afterMaker(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(Math.max(lineStart, start - 24), start);
  // Capitalised as a name is: "Abbott Gallant", "ABBOTT ASSURITY"; a lower-case "cook" or "gore" is no maker.
  const m = MAKER_END.exec(before);
  if (!m || !/^\p{Lu}/u.test(m[0])) return false;
  const word = /^\p{L}+/u.exec(text.slice(start, start + 40))?.[0]?.toLowerCase();
  return !(word && (nameLists()?.last.get(word) ?? Infinity) <= PERSON_SURNAME_RANK);
}
/** Whether the word is a maker's name followed by its model ("Honda" in "Honda Civic"). */
export function makerBefore(text: string, start: number, end: number): boolean {
  return MAKER_WORD.test(text.slice(start, end)) && /^\p{Lu}/u.test(text.slice(start, end)) && /^[ \t]+\p{Lu}/u.test(text.slice(end, end + 3));
}
