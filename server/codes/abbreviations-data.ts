/**
 * Clinical abbreviations, lay words and brand names coders type, each mapped to the words the
 * code sets print (ICD-10-CM Tabular, ICD-10-PCS and HCPCS descriptions), not to the clinical
 * wording: AKI → "acute kidney failure" (N17.-), CHF → "heart failure" (I50.-).
 *
 * Sources: the abbreviations of the common published lists of medical abbreviations (hospital
 * and nursing abbreviation lists, medical dictionaries' appendices), restricted to ones that
 * name a diagnosis, procedure, drug or supply; ambiguous ones take the meaning a coder means
 * in a code box (CP = chest pain, MS = multiple sclerosis) or are left out (ED, PD, AS, ALL).
 *
 * Invariants (tests/unit/codes/search-abbreviations.test.ts):
 * - Keys are lowercase, one to four words as typed ("a fib", "n/v", "c-section").
 * - Every word of an expansion is printed in some description or Tabular term, and each
 *   expansion finds at least one code.
 */
export const ABBREVIATION_DATA: Readonly<Record<string, string>> = {
  // --- cardiovascular
  htn: 'essential primary hypertension', hf: 'heart failure', chf: 'heart failure', ccf: 'heart failure',
  hfref: 'systolic heart failure', hfpef: 'diastolic heart failure', cad: 'atherosclerotic heart disease',
  ashd: 'atherosclerotic heart disease', mi: 'myocardial infarction', ami: 'acute myocardial infarction',
  stemi: 'st elevation myocardial infarction', nstemi: 'non st elevation myocardial infarction',
  afib: 'atrial fibrillation', 'a fib': 'atrial fibrillation', af: 'atrial fibrillation', 'a-fib': 'atrial fibrillation',
  aflutter: 'atrial flutter', 'a flutter': 'atrial flutter', svt: 'supraventricular tachycardia', psvt: 'paroxysmal supraventricular tachycardia',
  vtach: 'ventricular tachycardia', 'v tach': 'ventricular tachycardia', vt: 'ventricular tachycardia',
  vfib: 'ventricular fibrillation', 'v fib': 'ventricular fibrillation', vf: 'ventricular fibrillation',
  pvc: 'ventricular premature depolarization', pac: 'atrial premature depolarization', sss: 'sick sinus syndrome',
  chb: 'complete atrioventricular block', avb: 'atrioventricular block', lbbb: 'left bundle branch block',
  rbbb: 'right bundle branch block', wpw: 'wolff parkinson white', dcm: 'dilated cardiomyopathy',
  hcm: 'hypertrophic cardiomyopathy', hocm: 'obstructive hypertrophic cardiomyopathy', cmp: 'cardiomyopathy',
  mvp: 'mitral valve prolapse', mr: 'mitral valve insufficiency', tr: 'tricuspid insufficiency',
  pvd: 'peripheral vascular disease', pad: 'peripheral vascular disease', dvt: 'deep vein thrombosis',
  vte: 'venous embolism and thrombosis', pe: 'pulmonary embolism', aaa: 'abdominal aortic aneurysm',
  pah: 'pulmonary hypertension', cp: 'chest pain', sscp: 'chest pain', bp: 'blood pressure',
  'high bp': 'hypertension', 'low bp': 'hypotension', aicd: 'automatic implantable cardiac defibrillator',
  ppm: 'pacemaker', cabg: 'coronary artery bypass', ptca: 'dilation coronary artery', pci: 'dilation coronary artery',
  tavr: 'replacement aortic valve', tavi: 'replacement aortic valve', 'heart attack': 'acute myocardial infarction',
  rhd: 'rheumatic heart disease', raynauds: 'raynaud', pots: 'postural orthostatic tachycardia syndrome',
  // --- respiratory
  copd: 'chronic obstructive pulmonary disease', ards: 'acute respiratory distress syndrome', osa: 'obstructive sleep apnea',
  sob: 'shortness of breath', doe: 'dyspnea', pna: 'pneumonia', cap: 'pneumonia', vap: 'ventilator associated pneumonia',
  uri: 'upper respiratory infection', urti: 'upper respiratory infection', lrti: 'acute lower respiratory infection',
  rsv: 'respiratory syncytial virus', tb: 'tuberculosis', ptx: 'pneumothorax', ild: 'interstitial pulmonary disease',
  ipf: 'idiopathic pulmonary fibrosis', cf: 'cystic fibrosis', ohs: 'obesity hypoventilation syndrome',
  resp: 'respiratory', arf: 'acute kidney failure', 'resp failure': 'respiratory failure', hypoxic: 'hypoxia',
  'sleep apnoea': 'sleep apnea', 'sinus infection': 'sinusitis', 'chest cold': 'acute bronchitis',
  'common cold': 'acute nasopharyngitis', 'head cold': 'acute nasopharyngitis',
  vent: 'ventilation', 'mech vent': 'mechanical ventilation', ecmo: 'extracorporeal oxygenation membrane',
  // --- kidney and urinary
  aki: 'acute kidney failure', ckd: 'chronic kidney disease', esrd: 'end stage renal disease', uti: 'urinary tract infection',
  cauti: 'infection due to indwelling urethral catheter', bph: 'benign prostatic hyperplasia', luts: 'lower urinary tract symptoms',
  oab: 'overactive bladder', sui: 'stress incontinence', pkd: 'polycystic kidney', ckd3: 'chronic kidney disease stage 3',
  ckd4: 'chronic kidney disease stage 4', ckd5: 'chronic kidney disease stage 5', 'kidney stone': 'calculus of kidney',
  'kidney stones': 'calculus of kidney', 'bladder infection': 'cystitis', 'kidney infection': 'pyelonephritis',
  pyelo: 'pyelonephritis', 'enlarged prostate': 'benign prostatic hyperplasia', turp: 'transurethral resection prostate',
  // --- digestive
  gerd: 'gastro esophageal reflux disease', gord: 'gastro esophageal reflux disease', gi: 'gastrointestinal',
  ugib: 'gastrointestinal hemorrhage', lgib: 'gastrointestinal hemorrhage', 'gi bleed': 'gastrointestinal hemorrhage',
  ibs: 'irritable bowel syndrome', uc: 'ulcerative colitis', sbo: 'intestinal obstruction', lbo: 'intestinal obstruction',
  'n/v': 'nausea with vomiting', 'n&v': 'nausea with vomiting', nv: 'nausea with vomiting',
  abd: 'abdominal', ruq: 'right upper quadrant', luq: 'left upper quadrant', rlq: 'right lower quadrant', llq: 'left lower quadrant',
  'c diff': 'clostridium difficile', cdiff: 'clostridium difficile', 'c. diff': 'clostridium difficile', cdi: 'clostridium difficile',
  hcv: 'hepatitis c', 'hep c': 'hepatitis c', hbv: 'hepatitis b', 'hep b': 'hepatitis b', hav: 'hepatitis a', 'hep a': 'hepatitis a',
  nash: 'nonalcoholic steatohepatitis', nafld: 'fatty liver', pud: 'peptic ulcer', sbp: 'spontaneous bacterial peritonitis',
  'stomach flu': 'viral gastroenteritis', 'stomach bug': 'viral gastroenteritis',
  'belly pain': 'abdominal pain', 'stomach ache': 'abdominal pain', stomachache: 'abdominal pain', 'tummy ache': 'abdominal pain',
  'throwing up': 'vomiting', gallstone: 'calculus of gallbladder', gallstones: 'calculus of gallbladder',
  'ruptured appendix': 'appendicitis with perforation', 'trouble swallowing': 'dysphagia', 'difficulty swallowing': 'dysphagia',
  appy: 'appendectomy', chole: 'cholecystectomy', egd: 'inspection upper intestinal tract endoscopic',
  peg: 'percutaneous endoscopic gastrostomy', 'g tube': 'gastrostomy', 'g-tube': 'gastrostomy', 'ng tube': 'nasogastric',
  // --- endocrine and metabolic
  dm: 'diabetes mellitus', t1dm: 'type 1 diabetes mellitus', t2dm: 'type 2 diabetes mellitus', dm1: 'type 1 diabetes mellitus',
  dm2: 'type 2 diabetes mellitus', dmii: 'type 2 diabetes mellitus', dmi: 'type 1 diabetes mellitus', iddm: 'type 1 diabetes mellitus',
  niddm: 'type 2 diabetes mellitus', dka: 'diabetes mellitus with ketoacidosis', hhs: 'hyperosmolarity', hhnk: 'hyperosmolarity',
  gdm: 'gestational diabetes mellitus', hld: 'hyperlipidemia', hlp: 'hyperlipidemia', 'high cholesterol': 'pure hypercholesterolemia',
  'high triglycerides': 'hyperglyceridemia', pcos: 'polycystic ovarian syndrome',
  hypothyroid: 'hypothyroidism', hyperthyroid: 'hyperthyroidism', 'high blood sugar': 'hyperglycemia', 'low blood sugar': 'hypoglycemia',
  'vit d': 'vitamin d', bmi: 'body mass index', 'low potassium': 'hypokalemia', 'low sodium': 'hyponatremia', 'low magnesium': 'hypomagnesemia',
  uncontrolled: 'hyperglycemia',
  // --- nervous system
  cva: 'cerebral infarction', stroke: 'cerebral infarction', 'mini stroke': 'transient cerebral ischemic attack',
  tia: 'transient cerebral ischemic attack', sah: 'subarachnoid hemorrhage', sdh: 'subdural hemorrhage', edh: 'epidural hemorrhage',
  ich: 'intracerebral hemorrhage', tbi: 'intracranial injury', loc: 'loss of consciousness', ms: 'multiple sclerosis',
  als: 'amyotrophic lateral sclerosis', ams: 'altered mental status', ha: 'headache', sz: 'seizure', szs: 'seizure',
  rls: 'restless legs syndrome', cts: 'carpal tunnel syndrome', gbs: 'guillain barre syndrome', nph: 'normal pressure hydrocephalus',
  alzheimers: 'alzheimer', parkinsons: 'parkinson', 'passed out': 'syncope', 'passing out': 'syncope', fainting: 'syncope',
  fainted: 'syncope', lp: 'lumbar puncture', 'spinal tap': 'lumbar puncture',
  // --- mental and behavioural
  mdd: 'major depressive disorder', gad: 'generalized anxiety disorder', adhd: 'attention deficit hyperactivity disorder',
  ptsd: 'post traumatic stress disorder', ocd: 'obsessive compulsive disorder', si: 'suicidal ideations', etoh: 'alcohol',
  aud: 'alcohol dependence', oud: 'opioid dependence', dts: 'alcohol withdrawal delirium', smoker: 'nicotine dependence cigarettes',
  smoking: 'nicotine dependence', 'tobacco abuse': 'nicotine dependence', asd: 'autistic disorder', bipolar: 'bipolar disorder',
  // --- musculoskeletal and injury
  oa: 'osteoarthritis', ra: 'rheumatoid arthritis', djd: 'osteoarthritis', ddd: 'intervertebral disc degeneration',
  lbp: 'low back pain', fx: 'fracture', fxs: 'fracture', broken: 'fracture', acl: 'anterior cruciate ligament',
  mcl: 'medial collateral ligament', pcl: 'posterior cruciate ligament', rtc: 'rotator cuff', sle: 'systemic lupus erythematosus',
  pmr: 'polymyalgia rheumatica', osteo: 'osteomyelitis', mva: 'motor vehicle accident', mvc: 'motor vehicle accident',
  gsw: 'gunshot wound', lac: 'laceration', abr: 'abrasion', fb: 'foreign body', tka: 'total knee replacement',
  tkr: 'total knee replacement', tha: 'total hip replacement', thr: 'total hip replacement', bka: 'below knee amputation',
  aka: 'above knee amputation',
  decubitus: 'pressure ulcer', 'pressure injury': 'pressure ulcer', 'pressure sore': 'pressure ulcer', sprained: 'sprain', torn: 'tear',
  // --- infections, blood and neoplasms
  hiv: 'human immunodeficiency virus', mrsa: 'methicillin resistant staphylococcus aureus', mssa: 'methicillin susceptible staphylococcus aureus',
  vre: 'resistance to vancomycin', ecoli: 'escherichia coli', 'e coli': 'escherichia coli', 'e. coli': 'escherichia coli',
  strep: 'streptococcus', 'strep throat': 'streptococcal pharyngitis', staph: 'staphylococcus', hsv: 'herpes simplex',
  vzv: 'zoster', shingles: 'zoster', cmv: 'cytomegaloviral', ebv: 'epstein barr', hpv: 'papillomavirus', std: 'sexually transmitted',
  sti: 'sexually transmitted', covid: 'covid 19', 'covid-19': 'covid 19', flu: 'influenza', pid: 'pelvic inflammatory disease',
  om: 'otitis media', aom: 'acute otitis media', 'ear infection': 'otitis media', mono: 'infectious mononucleosis',
  'chicken pox': 'varicella', chickenpox: 'varicella', sirs: 'systemic inflammatory response syndrome',
  ca: 'malignant neoplasm', cancer: 'malignant neoplasm', mets: 'secondary malignant neoplasm', metastatic: 'secondary malignant neoplasm',
  ida: 'iron deficiency anemia', scd: 'sickle cell disease', itp: 'immune thrombocytopenic purpura', dic: 'disseminated intravascular coagulation',
  cll: 'chronic lymphocytic leukemia', aml: 'acute myeloblastic leukemia', cml: 'chronic myeloid leukemia', nhl: 'non hodgkin lymphoma',
  mgus: 'monoclonal gammopathy', chemo: 'antineoplastic chemotherapy', xrt: 'antineoplastic radiation therapy', bcc: 'basal cell carcinoma',
  scc: 'squamous cell carcinoma', ak: 'actinic keratosis', sjs: 'stevens johnson syndrome', anaemia: 'anemia',
  // --- pregnancy and newborn
  iup: 'intrauterine pregnancy', sab: 'spontaneous abortion', iugr: 'poor fetal growth', pprom: 'preterm premature rupture of membranes',
  prom: 'premature rupture of membranes', pih: 'gestational hypertension', ppd: 'postpartum depression', pph: 'postpartum hemorrhage',
  nsvd: 'delivery', svd: 'delivery', 'c-section': 'cesarean section', 'c section': 'cesarean section', csection: 'cesarean section',
  cesarean: 'cesarean section', vbac: 'previous cesarean delivery', wks: 'weeks', wk: 'week', nb: 'newborn', rds: 'respiratory distress syndrome of newborn',
  ttn: 'transient tachypnea of newborn', pregnant: 'pregnancy', preggo: 'pregnancy',
  // --- eye, ear, skin
  amd: 'age related macular degeneration', armd: 'age related macular degeneration', poag: 'primary open angle glaucoma',
  npdr: 'nonproliferative diabetic retinopathy', pdr: 'proliferative diabetic retinopathy', snhl: 'sensorineural hearing loss',
  'pink eye': 'conjunctivitis', 'lazy eye': 'amblyopia', 'ringing in ears': 'tinnitus', 'ringing in the ears': 'tinnitus',
  hives: 'urticaria', itching: 'pruritus', itchy: 'pruritus', itch: 'pruritus', 'nose bleed': 'epistaxis', 'runny nose': 'rhinorrhea',
  swelling: 'edema', 'blood clot': 'embolism',
  'blood clot in lung': 'pulmonary embolism', clot: 'thrombosis',
  // --- status, history, encounters, sides
  hx: 'personal history', 'h/o': 'personal history', pmh: 'personal history', phx: 'personal history', fhx: 'family history',
  fh: 'family history', 's/p': 'status', dnr: 'do not resuscitate', 'on insulin': 'long term use of insulin',
  'on coumadin': 'long term use of anticoagulants', 'on blood thinners': 'long term use of anticoagulants',
  'flu shot': 'encounter for immunization', 'annual physical': 'general adult medical examination', physical: 'general adult medical examination',
  'well child': 'routine child health examination', wcc: 'routine child health examination', 'well child check': 'routine child health examination',
  'screening colonoscopy': 'screening for malignant neoplasm of colon',
  rt: 'right', lt: 'left', bil: 'bilateral', bilat: 'bilateral', lle: 'left lower limb', rle: 'right lower limb',
  lue: 'left upper limb', rue: 'right upper limb', 'w/': 'with', w: 'with', 'w/o': 'without', wo: 'without', after: 'following',
  'no residual': 'without residual deficits', 'hip fx': 'fracture of neck of femur', 'hip fracture': 'fracture of neck of femur',
  'distal radius': 'lower end of radius', 'distal femur': 'lower end of femur', 'distal humerus': 'lower end of humerus',
  'distal tibia': 'lower end of tibia', 'distal fibula': 'lower end of fibula', 'proximal humerus': 'upper end of humerus',
  'proximal tibia': 'upper end of tibia', 'urinary retention': 'retention of urine', preeclampsia: 'pre-eclampsia',
  'newborn jaundice': 'neonatal jaundice', bac: 'blood alcohol', 'blood alcohol': 'blood alcohol level',
  // --- procedures (PCS)
  lap: 'laparoscopic', tah: 'total abdominal hysterectomy', tvh: 'total vaginal hysterectomy', bso: 'bilateral salpingo oophorectomy',
  ett: 'endotracheal', cath: 'catheterization', 'i&d': 'drainage', 'd&c': 'extraction endometrium', trach: 'tracheostomy',
  ercp: 'endoscopic retrograde cholangiopancreatography',
  // --- drugs and supplies (HCPCS): brand → generic as HCPCS prints it
  inj: 'injection', zofran: 'ondansetron', toradol: 'ketorolac', rocephin: 'ceftriaxone', 'solu-medrol': 'methylprednisolone',
  solumedrol: 'methylprednisolone', 'depo-medrol': 'methylprednisolone', kenalog: 'triamcinolone', decadron: 'dexamethasone',
  phenergan: 'promethazine', benadryl: 'diphenhydramine', lasix: 'furosemide', narcan: 'naloxone', ativan: 'lorazepam',
  dilaudid: 'hydromorphone', humira: 'adalimumab', remicade: 'infliximab', neulasta: 'pegfilgrastim', neupogen: 'filgrastim',
  procrit: 'epoetin', epogen: 'epoetin', prolia: 'denosumab', botox: 'onabotulinumtoxina', 'depo-provera': 'medroxyprogesterone',
  keytruda: 'pembrolizumab', lovenox: 'enoxaparin', tylenol: 'acetaminophen', ofirmev: 'acetaminophen', zithromax: 'azithromycin',
  vanco: 'vancomycin', zosyn: 'piperacillin', unasyn: 'ampicillin sulbactam', ancef: 'cefazolin', 'bicillin': 'penicillin g benzathine',
  venofer: 'iron sucrose', reglan: 'metoclopramide', haldol: 'haloperidol', versed: 'midazolam', demerol: 'meperidine',
  'b12 shot': 'vitamin b 12 injection', 'b-12': 'b 12',
  'w/c': 'wheelchair', wc: 'wheelchair', 'tens unit': 'transcutaneous electrical nerve stimulation', dme: 'durable medical equipment',
  'test strips': 'blood glucose test strips', glucometer: 'blood glucose monitor', neb: 'nebulizer',
  o2: 'oxygen', 'o2 concentrator': 'oxygen concentrator', 'diabetic shoes': 'diabetics shoe', bsc: 'commode chair',
  'bedside commode': 'commode chair', bls: 'basic life support', iv: 'intravenous'
};
