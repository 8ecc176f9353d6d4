/**
 * How the statistical recogniser's spans join the rules' hits (detect.ts). It adds what the
 * rules did not find: a span where no rule fired, or a longer span around rule hits ("Coral
 * Street" before the rule's "Speech & Language Clinic"), which keeps the reason of a rule hit of
 * its kind inside it (a patient's own name stays mandatory). A longer span must add a word that
 * only a name or place explains: ordinary words around a rule's hit are its neighbours
 * ("Interpreter Nhial", "Bridgeton Hospital Emergency Department"), and there, as inside a
 * rule's span, the rule's span, kind and reason stand.
 */
import type { Hit } from '../hits';
import { properWord } from './span-words';
import { hasFacilityHead } from './word-features';

/** "bozeman fire dept", "yuma pd": a town's public services keep the town a CITY (the labelling convention of the evaluation files). */
const PUBLIC_SERVICE = /\b(?:dept|department|fire|police|pd|ems|sheriff'?s?|office)\b/gi;

/** The text of a span with the rule hits inside it blanked out: the words the recogniser adds. */
function wordsAround(value: string, m: Hit, inside: Hit[]): string {
  const chars = [...value.slice(m.start, m.end)];
  for (const r of inside) for (let i = Math.max(r.start, m.start); i < Math.min(r.end, m.end); i++) chars[i - m.start] = ' ';
  return chars.join('').replace(PUBLIC_SERVICE, ' ');
}

/** Heads after which a facility's name ends and its departments follow. */
const INSTITUTION_END = /(?:Hospital|Medical Cent(?:er|re)|Health System|Infirmary|Medical Ctr)$/i;
/** Capitalised words, "&", "and", "of" and "the": a facility's name goes on in them ("Puget Sound Endocrine & Diabetes"). */
const NAME_GOES_ON = /^(?:[ \t]*(?:\p{Lu}[\p{L}'’.-]*|&|and|of|the))+[ \t]*$/u;

/**
 * "Mercy Valley Neurosciences", "Blue Ridge Open MRI", "Bethany Rehab & Nursing": the recogniser's facility runs on past
 * the rule's town, person or shorter facility in capitalised words, as one name does; not past a hospital, whose
 * departments follow it.
 */
function extendsName(value: string, m: Hit, inside: Hit[]): boolean {
  if (m.type !== 'FACILITY' || inside.some((r) => r.reason.startsWith('matches patient') || !['FACILITY', 'CITY', 'NAME'].includes(r.type))) return false;
  // After a hospital come its departments ("Bridgeton Hospital Emergency Department"): the rule's span stands.
  if (inside.some((r) => r.type === 'FACILITY' && INSTITUTION_END.test(value.slice(r.start, r.end)))) return false;
  const first = Math.min(...inside.map((r) => r.start)), last = Math.max(...inside.map((r) => r.end));
  const rest = value.slice(m.start, first) + ' ' + value.slice(last, m.end);
  return rest.trim() !== '' && NAME_GOES_ON.test(rest);
}

export function recognisedBeyondRules(value: string, model: Hit[], rules: Hit[]): Hit[] {
  // Names the rules found, whole and by their words ("Ruby Okafor-Hale": "ruby okafor-hale", "ruby", "okafor-hale").
  const ruleNames = new Set(rules.filter((r) => r.type === 'NAME').flatMap((r) => {
    const whole = value.slice(r.start, r.end).toLowerCase();
    return [whole, ...whole.split(/[\s,]+/).filter((w) => w.length >= 3)];
  }));
  return model.flatMap((m) => {
    const inside = rules.filter((r) => r.start < m.end && m.start < r.end);
    if (!inside.length) {
      // "Penny says... Penny whistle exercises": a name the rules found elsewhere is searched again by their echo checks
      // (name-echoes.ts), which judge each occurrence; one they left is no name there.
      return m.type === 'NAME' && ruleNames.has(value.slice(m.start, m.end).toLowerCase()) ? [] : [m];
    }
    const added = wordsAround(value, m, inside);
    // "kuskokwim family clinic" around the rule's town: a facility word makes a facility of a town or a person.
    const named = m.type === 'FACILITY' && inside.every((r) => r.type !== 'FACILITY') && hasFacilityHead(added);
    if (!named && !extendsName(value, m, inside) && !added.split(/[^\p{L}\p{N}'’-]+/u).some((w) => w && properWord(w))) return [];
    const same = inside.find((r) => r.type === m.type);
    return [same ? { ...m, reason: same.reason, weak: same.weak } : m];
  });
}
