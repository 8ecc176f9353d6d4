/**
 * National chains and vendors as places (issue 8, facilities pass 5): suppliers, labs, urgent-care
 * chains and stores named bare, with a store number, in lower case, in capitals and in tables.
 * Probes written before facility-chains.ts and lists/chains.json, with chains, towns and people in
 * no evaluation file (checked by grep when written). Negatives: device and drug makers, tests named
 * for their lab, and English phrases that are also chain names.
 */
import { describe } from 'vitest';
import { keeps, probes } from './unseen-place-helpers';
import type { Keep, Probe } from './unseen-facilities-probes';

const SUPPLIERS: Probe[] = [
  ['DME: oxygen concentrator from Rotech, serial RT-5512, alarm checked.', 'Rotech', 'FACILITY'],
  ['CPAP supplies through AdaptHealth every 90 days.', 'AdaptHealth', 'FACILITY'],
  ['wheelchair eval w/ numotion on tues, mom will bring the old chair', 'numotion', 'FACILITY'],
  ['Intermittent catheters shipped by Byram Healthcare monthly.', 'Byram Healthcare', 'FACILITY'],
  ['AFO FITTED BY HANGER CLINIC 4/2, WEAR SCHEDULE REVIEWED.', 'HANGER CLINIC', 'FACILITY'],
  ['Home TPN compounded and delivered by Option Care.', 'Option Care', 'FACILITY'],
  ['Vent and suction set up by his DME vendor, Viemed. RT visits weekly.', 'Viemed', 'FACILITY'],
  ['Viemed delivered the backup tank Friday.', 'Viemed', 'FACILITY']
];
const LABS: Probe[] = [
  ['Block A2 sent to Caris for molecular profiling.', 'Caris', 'FACILITY'],
  ['Germline testing sent to Invitae, results in 3 weeks.', 'Invitae', 'FACILITY'],
  ['Liquid biopsy (Guardant Health) showed KRAS G12C.', 'Guardant Health', 'FACILITY'],
  ['| Test | Lab | Result |\n| BRCA1/2 | Ambry Genetics | negative |', 'Ambry Genetics', 'FACILITY']
];
const CLINICS: Probe[] = [
  ['Went to FastMed Saturday, got a Z-pack.', 'FastMed', 'FACILITY'],
  ['she was seen at a CareSpot over the weekend for the cough', 'CareSpot', 'FACILITY'],
  ['we went to the little clinic inside the grocery and they said strep', 'little clinic', 'FACILITY'],
  ['and the carespot lady said its viral', 'carespot', 'FACILITY'],
  ['the afc urgent care guy said to come here', 'afc urgent care', 'FACILITY'],
  ['the best buy guy said the lift chair ships monday', 'best buy', 'FACILITY'],
  ['Seen at AFC Urgent Care 5/3, CXR read as clear.', 'AFC Urgent Care', 'FACILITY']
];
const STORES: Probe[] = [
  ["Employer: Lowe's #1187, Salisbury", "Lowe's #1187", 'FACILITY'],
  ['Pt works nights at the Best Buy distribution center.', 'Best Buy', 'FACILITY'],
  ['Injured at work (Tractor Supply store 2219) lifting feed bags.', 'Tractor Supply store 2219', 'FACILITY'],
  ['i work at the menards off hwy 70 so mornings are better', 'menards', 'FACILITY'],
  ['WORKS AT AUTOZONE, ON HIS FEET ALL DAY.', 'AUTOZONE', 'FACILITY'],
  ['he works at home depot now, days', 'home depot', 'FACILITY'],
  ['dad is a cashier at the giant in Hagerstown', 'giant', 'FACILITY'],
  ['and call the tractor supply by his house, they know him there', 'tractor supply', 'FACILITY'],
  ['best buy says the amplified phone is on backorder', 'best buy', 'FACILITY']
];
const KEEPS: Keep[] = [
  ['the patient first noticed swelling in May.', 'patient first'],
  ['Per ED note the patient first called her daughter, then EMS.', 'patient first'],
  ['She eats whole foods and avoids added sugar.', 'whole foods'],
  ['Target INR 2-3 on warfarin.', 'Target'],
  ['the needle was aimed at the target on fluoroscopy', 'target'],
  ['Inogen One G5 portable concentrator at 2 L pulse.', 'Inogen'],
  ['Medtronic 780G pump settings reviewed.', 'Medtronic'],
  ['Guardant360 CDx detected EGFR L858R.', 'Guardant360'],
  ['Oncotype DX recurrence score 18.', 'Oncotype DX'],
  ['Signatera negative at 6 months.', 'Signatera'],
  ['a myriad of complaints today', 'myriad'],
  ['Lupron Depot 22.5 mg given IM.', 'Lupron Depot'],
  ['Home depot injection of paliperidone reviewed.', 'Home depot'],
  ['Giant cell arteritis suspected; ESR 88.', 'Giant'],
  ['Staples removed POD 10, incision clean.', 'Staples']
];

describe('national chains and vendors named bare are facilities', () => {
  describe('home medical equipment and supply companies', () => probes(SUPPLIERS));
  describe('reference and specialty labs', () => probes(LABS));
  describe('urgent-care and retail-clinic chains', () => probes(CLINICS));
  describe('stores and employers, with a store number, in lower case or capitals', () => probes(STORES));
  describe('device makers, tests named for a lab and English phrases stay', () => keeps(KEEPS));
});
