/**
 * Services and units inside a hospital, named with a facility head word: "Sleep Medicine",
 * "Palliative Care", "Cardiac Rehab", "EP Lab", "Pain Clinic and Wound Care", "Interventional
 * Radiology". They name no place, so they are no FACILITY, even capitalised or in an ALL-CAPS
 * header. A name is a service when every word before the head is a clinical or department word:
 * a word of the code-set descriptions that is no town and no frequent surname ("Summit", "Cooper"
 * stay names), a hospital unit or service abbreviation, or a department word; and one word at least
 * must be a department word or unit abbreviation ("Main Line Surgical Associates" is a practice).
 * Invariant: institution heads (Hospital, Medical Center, Health System, Infirmary) are never a
 * service here: "Heart Hospital" is still a building somewhere (facilities.ts decides on it).
 */
import { cityPopulation } from './gazetteer';
import { CLINICAL_ABBREVIATIONS, nameLists } from './lexicon';
import { isStop } from './name-words';
import { tokenize } from './tokens';
import { codeSetWords } from './vocabulary';
import terms from './lists/clinical-terms.json';

/** Units and services a patient goes to inside one hospital, as US notes abbreviate them. */
const UNIT_ABBREVIATIONS = new Set(('ep cath ir gi pt ot slp ob gyn obgyn l&d ld nicu picu micu sicu cvicu ccu icu pacu pcu ed er or ' +
  'ent neuro peds ortho onc heme cards cardio pulm renal uro derm psych rheum endo id vir tele stepdown ccl ctu cdu rt').split(' '));
const DEPARTMENT_WORDS = new Set(('palliative supportive hospice comfort wound ostomy sleep pain memory spine hand foot eye heart cancer breast diabetes ' +
  'lipid anticoagulation coumadin infusion dialysis transplant fertility allergy headache epilepsy stroke trauma burn weight bariatric ' +
  'vein vascular kidney liver lung skin travel device pacemaker lactation prenatal well child teen employee student occupational ' +
  'procedure interventional diagnostic therapeutic cardiac pulmonary vestibular pelvic floor geriatric adolescent neonatal maternal ' +
  'fetal women\'s men\'s children\'s integrative functional lifestyle preventive sports nuclear behavioral mental addiction ' +
  'emergency urgent primary internal family critical intensive acute subacute inpatient outpatient ambulatory same day express walk-in ' +
  'clinic center care medicine health services service unit department dept program team division section lab labs laboratory imaging ' +
  'radiology rehab rehabilitation therapy physical speech respiratory infectious disease diseases failure clinical research and & of the for ' +
  'cardiology oncology neurology nephrology urology dermatology gastroenterology pulmonology rheumatology endocrinology hematology ' +
  'orthopedics orthopaedics pediatrics psychiatry psychology surgery podiatry ophthalmology optometry audiology gynecology obstetrics ' +
  'geriatrics neurosurgery otolaryngology anesthesia anesthesiology pathology genetics immunology hepatology ' +
  'home peritoneal hemodialysis partial').split(' '));
/** Heads that are themselves a service: before them, clinical adjectives alone name the service ("Acute Dialysis"). */
const SERVICE_HEAD = /^(?:Dialysis|Rehab|Rehabilitation|Lab|Labs|Laboratory|Laboratories|Imaging|Radiology|Medicine|Care|Therapy|Physical Therapy|Pathology|Cardiology|Oncology|Hematology|Psychiatry|Pediatrics|Orthopedics|Ortho|Peds|Cardio|Health|Clinic|Center)$/;
/** "Catholic Church", "Baptist Church": a denomination names no place. */
const DENOMINATION = /^(?:Catholic|Roman|Baptist|Southern|Methodist|United|Lutheran|Episcopal|Presbyterian|Orthodox|Greek|Russian|Mormon|Adventist|Seventh-day|Pentecostal|Evangelical|Anglican|Christian|Reformed|Mennonite|Amish|Quaker|Unitarian|Apostolic|Catholic|LDS|AME|Church|of|the|God|Christ|Jesus|Latter-day|Saints|Nazarene|Assembly|Assemblies|Witnesses|Jehovah['’]s)$/;

/** Heads that name a building whatever the words before them. */
const INSTITUTION = /^(?:Hospitals?|Medical Cent(?:er|re)|Med Center|Med Ctr|Medical Ctr|Health System|Infirmary|Children['’]s Hospital|Women['’]s Hospital|Rehabilitation Hospital|Regional|Memorial|General|Sanatorium)$/;

/** An institution word among the words, wherever it stands ("Red River Regional Burn" + "Center"). */
const INSIDE = /(?:^|\s)(?:Hospitals?|Medical|Med|Health System|Infirmary|Regional|Memorial|General)(?:\s|$)/;

function serviceWord(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (DEPARTMENT_WORDS.has(w) || UNIT_ABBREVIATIONS.has(w) || isStop(word)) return true;
  if (/^[A-Z&]{2,5}$/.test(word)) return CLINICAL_ABBREVIATIONS.has(w);
  // A clinical word of the code sets, unless it is also a town or a frequent surname ("Summit Clinic", "Cooper Care").
  return codeSetWords().has(w) && !cityPopulation(word) && (nameLists()?.last.get(w) ?? Infinity) > 1500;
}

/** Every word a clinical or department word ("Atrial Fibrillation"): names a service before a lower-case or second head. */
export function allServiceWords(words: string): boolean {
  const ws = words.split(/[\s/-]+/).filter(Boolean);
  return ws.length > 0 && ws.every(serviceWord);
}

/** A faith's name ("Methodist", "Baptist"): as one word it names a hospital only after a place word. */
export const isDenomination = (word: string): boolean => DENOMINATION.test(word) && !/^(?:of|the|Church|God|Christ|Jesus|Saints)$/.test(word);

/** Whether "<words> <head>" names a service or unit, not a place ("Sleep Medicine", "EP Lab"). */
export function isServiceName(words: string, head: string): boolean {
  // "Mountain View Regional Medical" + "Center": an institution head may sit inside the words the pattern took.
  if (INSTITUTION.test(head) || INSIDE.test(words)) return false;
  const ws = words.split(/[\s/-]+/).filter(Boolean);
  if (/^(?:Church|Adventist|Episcopal|Franciscan|Baptist|Methodist|Lutheran|Presbyterian)$/.test(head) && ws.every((w) => DENOMINATION.test(w))) return true;
  const dept = (w: string) => DEPARTMENT_WORDS.has(w.toLowerCase().replace(/['’]s$/, '')) && !/^(?:and|&|of|the|for)$/i.test(w) || UNIT_ABBREVIATIONS.has(w.toLowerCase());
  // At least one word must be a service or unit word proper: code-set words alone ("Main Line") are often places;
  // before a service head, clinical adjectives do ("Acute Dialysis"; "River Dialysis" stays a place).
  return ws.length > 0 && ws.every(serviceWord) && (ws.some(dept) || (SERVICE_HEAD.test(head) && ws.every((w) => dept(w) || isStop(w) || tokenize(w)[0]?.tags.has('Adjective'))));
}
