/**
 * Facilities abroad name their kind first ("Hospital Costa Turquesa", "Clínica Dental Escazú
 * Premier", "Hospital Dr. Agostinho Neto", "Centro de Salud San Marcos", "Hôpital Saint-Louis"),
 * which the English rules (a name, then its head word) never see (issue 8, round 10).
 * The name is the head and one to four capitalised words after it, with the particles of those
 * languages between them; at least one of those words is no English word, so "Hospital Course",
 * "Hospital Day 3", "Clinic Visit" and "Hospital Medicine" stay.
 * Invariants: hits are FACILITY; pure.
 */
import type { Hit } from './hits';
import { englishWords } from './vocabulary';

const HEAD = "(?:Hospital(?:[ \\t]+(?:General|Pediátrico|Pediatrico|Universitario|Regional|Militar|Infantil|Materno[- ]Infantil|Central|Nacional|Provincial|Municipal|de[ \\t]+Clínicas))?|Clínica|Clinica|Clinique|Hôpital|Hopital|Centre[ \\t]+Hospitalier|Centro[ \\t]+(?:de[ \\t]+Salud|Médico|Medico|Hospitalar)|Sanatorio|Policlínica|Policlinica|Posto[ \\t]+de[ \\t]+Saúde|Maternidade|Maternidad|Ospedale|Krankenhaus|Klinikum)(?:[ \\t]+Dental)?";
const WORD = "(?:Dr\\.|Dra\\.|St\\.|Sta\\.|\\p{Lu}[\\p{L}'’-]*)";
const PARTICLE = '(?:de|del|de la|dos|das|do|da|di|du|des|la|le|el|y|e|und)';
const FOREIGN = new RegExp(`(?<![\\p{L}])${HEAD}((?:[ \\t]+(?:${PARTICLE}[ \\t]+)?${WORD}){1,4})(?![\\p{L}])`, 'gu');

export function findForeignFacilities(text: string): Hit[] {
  if (!/Hospital|Cl[ií]nic|H[oô]pital|Centr|Sanatorio|Policl|Posto|Maternid|Ospedale|Kranken|Klinikum/.test(text)) return [];
  const out: Hit[] = [];
  for (const m of text.matchAll(FOREIGN)) {
    const words = m[1]!.trim().split(/[ \t]+/).filter((w) => /^\p{Lu}/u.test(w));
    // "Hospital MRN", "Hospital Acct", "Hospital LOS": a field of the hospital's, no name (an upper-case word or an abbreviation).
    if (words.some((w) => /^\p{Lu}{2,}$/u.test(w) || /^(?:Acct|Adm|Admit|Day|Dept|Stay|Course|Policy|Bill|Record|Chart|No|Rm|Bed)\.?$/.test(w))) continue;
    if (!words.some((w) => !/^(?:Dr|Dra|St|Sta)\.$/.test(w) && !englishWords().has(w.toLowerCase()))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, type: 'FACILITY', reason: 'facility named abroad (its kind first)' });
  }
  return out;
}
