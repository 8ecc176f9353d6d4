/**
 * Coder abbreviations expanded before a text search.
 *
 * Invariants:
 * - Keys are lowercase and matched against a whole query word (after splitting on spaces), so
 *   "pe" expands but "pelvis" does not; `n/v` is matched before punctuation is split.
 * - Expansions use the wording of the ICD-10-CM tabular (not the clinical wording), because the
 *   search matches tabular descriptions: AKI → "acute kidney failure" (N17.-), HTN →
 *   "hypertension" (I10 "Essential (primary) hypertension"), CHF → "heart failure" (I50.-).
 *   Every expansion word is matched as a word prefix, so "vein" also finds "veins".
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  uti: 'urinary tract infection',          // N39.0
  chf: 'heart failure',                     // I50.- (tabular rarely says "congestive")
  copd: 'chronic obstructive pulmonary disease', // J44.-
  ckd: 'chronic kidney disease',            // N18.-
  esrd: 'end stage renal disease',          // N18.6
  htn: 'essential primary hypertension',    // I10 first; I11-I16 follow on the word hypertension
  aki: 'acute kidney failure',              // N17.- (tabular title for acute kidney injury)
  arf: 'acute kidney failure',
  dvt: 'deep vein thrombosis',              // I82.4- "... thrombosis of ... deep veins"
  pe: 'pulmonary embolism',                 // I26.-
  gerd: 'gastro esophageal reflux disease', // K21.- "Gastro-esophageal reflux disease"
  mi: 'myocardial infarction',              // I21.-, I22.-
  ami: 'acute myocardial infarction',
  nstemi: 'non st elevation myocardial infarction', // I21.4 "Non-ST elevation (NSTEMI) ..."
  stemi: 'st elevation myocardial infarction',      // I21.0- .. I21.3
  cva: 'cerebral infarction',               // I63.- (stroke)
  tia: 'transient cerebral ischemic attack', // G45.9
  dm: 'diabetes mellitus',                  // E08-E13
  t1dm: 'type 1 diabetes mellitus',         // E10.-
  t2dm: 'type 2 diabetes mellitus',         // E11.-
  dm2: 'type 2 diabetes mellitus',
  iddm: 'type 1 diabetes mellitus',
  niddm: 'type 2 diabetes mellitus',
  afib: 'atrial fibrillation',              // I48.-
  af: 'atrial fibrillation',
  aflutter: 'atrial flutter',
  cad: 'atherosclerotic heart disease',     // I25.10 "Atherosclerotic heart disease of native coronary artery"
  pna: 'pneumonia',                         // J18.-
  sob: 'shortness of breath',               // R06.02
  'n/v': 'nausea with vomiting',            // R11.2
  bph: 'benign prostatic hyperplasia',      // N40.-
  osa: 'obstructive sleep apnea',           // G47.33
  ra: 'rheumatoid arthritis',               // M05-M06
  oa: 'osteoarthritis',                     // M15-M19
  pvd: 'peripheral vascular disease',       // I73.9
  pad: 'peripheral vascular disease',       // I73.9 (tabular has no "peripheral arterial disease" title)
  uri: 'upper respiratory infection',       // J06.9
  hld: 'hyperlipidemia',                    // E78.5
  bmi: 'body mass index',                   // Z68.-
  hf: 'heart failure',
  hfref: 'systolic heart failure',          // I50.2-
  hfpef: 'diastolic heart failure',         // I50.3-
  cabg: 'coronary artery bypass',           // Z95.1 / PCS 021-
  abd: 'abdominal',
  uc: 'ulcerative colitis',                 // K51.-
  ibs: 'irritable bowel syndrome',          // K58.-
  gi: 'gastrointestinal',
  ugib: 'upper gastrointestinal hemorrhage',
  etoh: 'alcohol',                          // F10.-
  mdd: 'major depressive disorder',         // F32-F33
  gad: 'generalized anxiety disorder',      // F41.1
  adhd: 'attention deficit hyperactivity disorder', // F90.-
  ptsd: 'post traumatic stress disorder',   // F43.1-
  hiv: 'human immunodeficiency virus',      // B20, Z21
  ms: 'multiple sclerosis',                 // G35
  sah: 'subarachnoid hemorrhage',           // I60.-
  sdh: 'subdural hemorrhage',               // I62.0-, S06.5-
  fx: 'fracture',
  ards: 'acute respiratory distress syndrome', // J80
  dka: 'diabetic ketoacidosis',             // E1x.1-
  hhs: 'hyperosmolarity',                   // E1x.0-
  osteo: 'osteomyelitis',
  sirs: 'systemic inflammatory response syndrome', // R65.1-
  lbp: 'low back pain',                     // M54.5-
  ckd3: 'chronic kidney disease stage 3',
  ckd4: 'chronic kidney disease stage 4',
  ckd5: 'chronic kidney disease stage 5'
};

/** Replace whole-word abbreviations in a query by their expansion. */
export function expandAbbreviations(query: string): string {
  // A loop, not split().map().join(): the array `map` returns has a different V8 map when the
  // caller is optimized, and `join` then deoptimized the search mid-benchmark.
  const words = query.split(/\s+/);
  let out = '';
  for (let i = 0; i < words.length; i++) {
    const key = words[i].toLowerCase().replace(/[,;:]+$/, '');
    // Own keys only: "constructor" or "toString" are words, not abbreviations.
    out += (i === 0 ? '' : ' ') + (Object.hasOwn(ABBREVIATIONS, key) ? ABBREVIATIONS[key] : words[i]);
  }
  return out;
}
