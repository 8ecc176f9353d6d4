/**
 * Facilities and places, pass 4 (issue 8): probes written before the rules of facility-shapes.ts and
 * the pass-4 edits of facilities.ts / places.ts, with names, stores and towns that appear in no
 * evaluation file (checked by grep when written). Each class has its negatives: products, services,
 * units, payers, clinical abbreviations and a doctor after a clock time.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { keeps, probes } from './unseen-place-helpers';
import type { Keep, Probe } from './unseen-facilities-probes';

const CHILDRENS: Probe[] = [
  ["Transferred to Levine Children's for ECMO evaluation.", "Levine Children's", 'FACILITY'],
  ["Cardiology follow-up at Golisano Children's next month.", "Golisano Children's", 'FACILITY'],
  ["She was born at Cook Children's and followed there.", "Cook Children's", 'FACILITY'],
  ["Records requested from Hasbro Children's on 3/2.", "Hasbro Children's", 'FACILITY'],
  ["Seen in the ED at Blank Children's overnight.", "Blank Children's", 'FACILITY'],
  ["Referred to Children's Wisconsin for neurosurgery.", "Children's Wisconsin", 'FACILITY'],
  ["Previously treated at Children's Minnesota for asthma.", "Children's Minnesota", 'FACILITY'],
  ["Had a VCUG at Primary Children's in 2022.", "Primary Children's", 'FACILITY']
];
const CHILDRENS_KEEPS: Keep[] = [
  ["Gave Children's Motrin 10 mL at 0200.", 'Motrin'],
  ["Children's Tylenol dosing per weight reviewed.", 'Tylenol'],
  ["Mother brought the children's vaccine cards.", "children's"]
];
const STORES: Probe[] = [
  ['Refills go to the Meijer pharmacy on 28th St.', 'Meijer pharmacy', 'FACILITY'],
  ['Picked up at Hy-Vee pharmacy yesterday.', 'Hy-Vee pharmacy', 'FACILITY'],
  ['Sent the script to Vons pharmacy.', 'Vons pharmacy', 'FACILITY'],
  ['Fills at the Wegmans pharmacy near her work.', 'Wegmans pharmacy', 'FACILITY'],
  ['Drawn at Quarrystone lab on Tuesday.', 'Quarrystone lab', 'FACILITY'],
  ['Her Costco pharmacy refused the early refill.', 'Costco pharmacy', 'FACILITY'],
  ["Called Fry's pharmacy to cancel the old script.", "Fry's pharmacy", 'FACILITY'],
  ['Labs from Sonic lab show K 5.9.', 'Sonic lab', 'FACILITY']
];
const STORE_KEEPS: Keep[] = [
  ['Sent to specialty pharmacy for prior auth.', 'specialty pharmacy'],
  ['Brought to the Cath lab emergently.', 'Cath lab'],
  ['Sleep lab study scheduled.', 'Sleep lab'],
  ['Per Central lab the sample hemolyzed.', 'Central lab'],
  ['Vascular lab duplex negative.', 'Vascular lab'],
  ['Mail-order pharmacy delivers monthly.', 'Mail-order pharmacy'],
  ['Language: Haitian Creole   Preferred pharmacy: none', 'Preferred pharmacy']
];
const HEADS: Probe[] = [
  ['Antibiotics delivered by Maplecrest Home Infusion.', 'Maplecrest Home Infusion', 'FACILITY'],
  ['PICC care by Pinnacle Home Infusion nurses.', 'Pinnacle Home Infusion', 'FACILITY'],
  ['IVF cycle at Bellwether Fertility in 2021.', 'Bellwether Fertility', 'FACILITY'],
  ['Lives at Alderwood Convalescent Hospital.', 'Alderwood Convalescent Hospital', 'FACILITY'],
  ['Came from Bayview Convalescent with a stage 3 sacral wound.', 'Bayview Convalescent', 'FACILITY']
];
const HEAD_KEEPS: Keep[] = [
  ['Male fertility workup negative.', 'fertility'],
  ['Home infusion of IVIG arranged.', 'Home infusion'],
  ['Convalescent plasma given in 2020.', 'Convalescent plasma']
];
const CAPITALS: Probe[] = [
  ['PCP: DR ANA RUIZ, HOLLOWAY VALLEY FAMILY MEDICINE', 'HOLLOWAY VALLEY FAMILY MEDICINE', 'FACILITY'],
  ['BRIARCLIFF DIAGNOSTIC IMAGING CENTER - 210 Oak St', 'BRIARCLIFF DIAGNOSTIC IMAGING CENTER', 'FACILITY'],
  ['REFERRED BY: WESTBROOK PEDIATRICS\nREASON: cough', 'WESTBROOK PEDIATRICS', 'FACILITY'],
  ['Seen at WILLOWBEND IMAGING CENTER for the MRI.', 'WILLOWBEND IMAGING CENTER', 'FACILITY']
];
const CAPITAL_KEEPS: Keep[] = [
  ['HISTORY: seen in CHEST PAIN CLINIC last week', 'CHEST PAIN CLINIC'],
  ['PLAN: NEPHROLOGY CLINIC FOLLOW UP', 'NEPHROLOGY CLINIC'],
  ['Taken to CARDIAC CATH LAB emergently.', 'CARDIAC CATH LAB']
];
const TOWN_AFTER_IN: Probe[] = [
  ['Transferred from Pellston Memorial in Paris on admission.', 'Paris', 'CITY'],
  ['Seen at the Thistle Creek Clinic ED in Lebanon.', 'Lebanon', 'CITY'],
  ['Delivered at Bluewater Regional in Florence last spring.', 'Florence', 'CITY'],
  ['Was in the ICU at Greenfield Medical Center in Independence for a week.', 'Independence', 'CITY']
];
const TOWN_KEEPS: Keep[] = [
  ['Treated at Sandstone Hospital in March for sepsis.', 'March'],
  ['Admitted to Pellston Memorial in Afib with RVR.', 'Afib']
];
const GROWN: Probe[] = [
  ['Transferred from St. Anne Mercy Toledo overnight.', 'St. Anne Mercy Toledo', 'FACILITY'],
  ['Report from St. Vincent Evansville attached.', 'St. Vincent Evansville', 'FACILITY'],
  ['CATH REPORT\nSt. Agnes Mercy Sandusky - Cath Lab 1\nPatient: X', 'St. Agnes Mercy Sandusky', 'FACILITY'],
  ['PT Evaluation - Marlowe Rehabilitation Hospital Upper Cumberland\nPt: Ana', 'Marlowe Rehabilitation Hospital Upper Cumberland', 'FACILITY'],
  ['Agency: Lighthouse Nursing Service of the Finger Lakes    Visit 2', 'Lighthouse Nursing Service of the Finger Lakes', 'FACILITY']
];
const GROWN_KEEPS: Keep[] = [['Seen at Bridgeton Hospital Emergency Department today.', 'Emergency Department']];
/** An upper-case line inside mixed text: the residence rule in capitals. */
const UPPER_TOWNS: Probe[] = [
  ['Nursing note by Ames.\nSOCIAL: ROOFER, LIVES IN LAUREL W/ WIFE.', 'LAUREL', 'CITY'],
  ['Nursing note by Ames.\nSOCIAL: LIVES IN SALEM WITH SON.', 'SALEM', 'CITY'],
  ['Seen today.\nSOCIAL: RETIRED FARMER, LIVES IN KOSCIUSKO W/ DAUGHTER.', 'KOSCIUSKO', 'CITY']
];
const UPPER_TOWN_KEEPS: Keep[] = [
  ['Nursing note by Ames.\nPT MOVED FROM CHAIR TO BED.', 'CHAIR'],
  ['Nursing note by Ames.\nMOVED TO FLOOR AT 1400.', 'FLOOR']
];
const SCHOOLS: Probe[] = [
  ['Moved to Juniper Hill K-8 this fall.', 'Juniper Hill K-8', 'FACILITY'],
  ['IEP meeting at Coltrane Academy K-12 next week.', 'Coltrane Academy K-12', 'FACILITY']
];
const SCHOOL_KEEPS: Keep[] = [['He reads at a K-8 level.', 'K-8'], ['Screening offered for grades K-8.', 'K-8']];
/** Not facilities, not addresses: payers, hospital units, a doctor after a clock time and a verb. */
const NOT_PLACES: [string, string][] = [
  ['Transferred to 4 West for telemetry.', '4 West'],
  ['Unit: 6 North\n\nDr. Dunmore, the note documents AKI.', '6 North'],
  ['0430 Notified Dr. Yarbrough of the lactate.', '0430 Notified'],
  ['2215 Paged Dr. Ostrander re: BP.', '2215 Paged'],
  ['PA submitted to Express Scripts today.', 'Express Scripts'],
  ['OptumRx requires step therapy first.', 'OptumRx'],
  ['The refill was denied by CVS Caremark.', 'Caremark']
];

describe("children's hospitals by their short name", () => probes(CHILDRENS));
describe("children's products stay", () => keeps(CHILDRENS_KEEPS));
describe('a store before pharmacy or lab', () => probes(STORES));
describe('services and units before pharmacy or lab stay', () => keeps(STORE_KEEPS));
describe('home infusion, fertility and convalescent heads', () => probes(HEADS));
describe('the same words as clinical words stay', () => keeps(HEAD_KEEPS));
describe('facility names in capitals inside mixed text', () => probes(CAPITALS));
describe('services in capitals stay', () => keeps(CAPITAL_KEEPS));
describe('a town after a facility and "in"', () => probes(TOWN_AFTER_IN));
describe('months and clinical words after a facility and "in" stay', () => keeps(TOWN_KEEPS));
describe('a facility grows over its saint-and-system name, its region and "of the <region>"', () => probes(GROWN));
describe('a department after a hospital is no region', () => keeps(GROWN_KEEPS));
describe('a town after a residence verb in capitals', () => probes(UPPER_TOWNS));
describe('furniture and floors after a residence verb in capitals stay', () => keeps(UPPER_TOWN_KEEPS));
describe('schools named by their grades', () => probes(SCHOOLS));
describe('grades alone stay', () => keeps(SCHOOL_KEEPS));
describe('payers, units and clock times are no places', () => {
  it.each(NOT_PLACES)('%s keeps %s', (text, term) => {
    const at = text.indexOf(term);
    const hits = detectPhiInText(text, 2026).filter((f) => f.start < at + term.length && at < f.end);
    expect(hits.map((h) => `${h.type} "${h.text}"`)).toEqual([]);
  });
});
