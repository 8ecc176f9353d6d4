/**
 * A hospital building or wing named after a donor, as census, transport and staffing lists write
 * it: "Ruan 2 rm 214", "Ashcombe 5 North", "Birnbaum 4 room 411", "Delacourt ICU". The name tells
 * which hospital (FACILITY, as the blind files label it), and it stands with a floor and a room or
 * a unit, never with a cue a person's name would have. Once found, the name is taken at its other
 * floors in the same text ("Kilbride 3 ... Kilbride 5").
 * Never: a word that is English or clinical ("Tower 5", "Bay 9", "Pod 2 rm 4"), an eponymous score
 * or stage with its number ("Tanner 2", "Mobitz 2", "Rancho 4"): a score has no room after it.
 * Invariants: hits are FACILITY and cover the name only; pure apart from the word lists.
 */
import type { Hit } from './hits';
import { EPONYMS } from './lexicon';
import { isOrdinaryWord } from './ordinary';

const NAME = "(\\p{Lu}\\p{Ll}{2,}(?:[-'’]\\p{Lu}?\\p{Ll}+)?)";
const SIDE = '(?:[ \\t]+(?:North|South|East|West|[NSEW]))?';
/** A floor, then a room or bed number: "Ruan 2 rm 214", "Birnbaum 4 room 411", "Prudhomme 6 - 612" (never "Humphrey 24-2", a test's pattern). */
const FLOOR_ROOM = new RegExp(`(?<![\\p{L}\\p{N}])${NAME}[ \\t]+\\d{1,2}${SIDE}[ \\t,]*(?:(?:rm|Rm|RM|room|Room|bed|Bed|#)[ \\t.#]*|-[ \\t]+)\\d{1,4}`, 'gu');
/** A floor with its side spelt out: "Ashcombe 5 North" (a cabinet's "Pyxis 4W" is no building). */
const FLOOR_SIDE = new RegExp(`(?<![\\p{L}\\p{N}])${NAME}[ \\t]+\\d{1,2}[ \\t]+(?:North|South|East|West)(?![\\p{L}\\p{N}])`, 'gu');
/** A unit in the building: "Delacourt ICU", "Hartwell NICU". */
const UNIT = new RegExp(`(?<![\\p{L}\\p{N}])${NAME}[ \\t]+(?:ICU|CCU|NICU|PICU|MICU|SICU|CVICU|PCU|Tower|Wing|Pavilion|Building|Bldg\\.?)(?![\\p{L}])`, 'gu');
const NOT_A_WING = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Room|Rm|Bed|Bay|Pod|Unit|Floor|Level|Suite|Station|Ward|Stage|Grade|Class|Type|Zone|Area|Tower|Wing|North|South|East|West)$/;

function wingName(word: string): boolean {
  return !NOT_A_WING.test(word) && !isOrdinaryWord(word) && !EPONYMS.has(word.toLowerCase());
}

export function findNamedWings(text: string): Hit[] {
  const names = new Set<string>();
  const out: Hit[] = [];
  for (const re of [FLOOR_ROOM, FLOOR_SIDE, UNIT]) {
    for (const m of text.matchAll(re)) {
      if (!wingName(m[1]!)) continue;
      names.add(m[1]!);
      out.push({ start: m.index, end: m.index + m[1]!.length, type: 'FACILITY', reason: 'building or wing with its floor and room' });
    }
  }
  for (const name of names) {
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${name}(?=[ \\t]+\\d{1,2}(?![\\p{N}]))`, 'gu'))) {
      if (out.some((h) => h.start === m.index)) continue;
      out.push({ start: m.index, end: m.index + name.length, type: 'FACILITY', reason: 'building or wing named again' });
    }
  }
  return out;
}
