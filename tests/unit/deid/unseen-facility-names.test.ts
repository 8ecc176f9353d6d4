/**
 * Long facility names and practice names (issue 8, facilities pass 5): systems with their division or
 * campus, institutes named for a person, prisons by their abbreviation or "Correctional Institution",
 * residential and supply companies, and practices named by a pair of specialties ("Ear, Nose &
 * Throat", "Foot & Ankle") or "... of <place>". Probes written before the pass-5 edits of
 * facilities.ts and facility-names.ts, with names and towns in no evaluation file (checked by grep
 * when written). Negatives: departments, exam phrases, officers, closets and services.
 */
import { describe } from 'vitest';
import { keeps, probes } from './unseen-place-helpers';
import type { Keep, Probe } from './unseen-facilities-probes';

const SYSTEMS: Probe[] = [
  ['Records from VA Black Hills Health Care System - Hot Springs Campus reviewed.', 'VA Black Hills Health Care System', 'FACILITY'],
  ['Records from VA Black Hills Health Care System - Hot Springs Campus reviewed.', 'Hot Springs Campus', 'FACILITY|CITY'],
  ['VA NORTHERN INDIANA HEALTH CARE SYSTEM - MARION CAMPUS\nPRIMARY CARE NOTE', 'VA NORTHERN INDIANA HEALTH CARE SYSTEM', 'FACILITY'],
  ['Central Tidewater Health Care System - Greenbrier Division\nLOCAL TITLE: SOCIAL WORK NOTE', 'Greenbrier Division', 'FACILITY'],
  ['Tumor board - Huntsman Cancer Institute, Room 3 / Teams', 'Huntsman Cancer Institute', 'FACILITY'],
  ['Second opinion: Knight Cancer Institute, 2023.', 'Knight Cancer Institute', 'FACILITY']
];
const PRISONS: Probe[] = [
  ['Inmate seen at Waupun Correctional Institution HSU for chest pain.', 'Waupun Correctional Institution', 'FACILITY'],
  ['Transferred from SCI Albion with his MAR.', 'SCI Albion', 'FACILITY'],
  ['records request to FMC Devens medical records', 'FMC Devens', 'FACILITY'],
  ['He was at USP Hazelton until 2021.', 'USP Hazelton', 'FACILITY'],
  ['SICK CALL - Coventry State Prison, Unit B', 'Coventry State Prison', 'FACILITY']
];
const HOMES: Probe[] = [
  ['This is an 84-year-old man sent from Pine Knoll Care Center after a fall.', 'Pine Knoll Care Center', 'FACILITY'],
  ['Resident of Maple View Care Center, DNR on file.', 'Maple View Care Center', 'FACILITY'],
  ['brought in by staff from his group home, Cedar Lane Residential Services, after a seizure', 'Cedar Lane Residential Services', 'FACILITY'],
  ['Pathways Supported Living staff report poor intake.', 'Pathways Supported Living', 'FACILITY']
];
const SUPPLY: Probe[] = [
  ['The supplier (Tri-County Medical Supply in Dothan) needs the face-to-face note.', 'Tri-County Medical Supply', 'FACILITY'],
  ['Walker ordered through Winthrop Home Medical.', 'Winthrop Home Medical', 'FACILITY'],
  ['O2 vendor: Glenwood Medical Equipment, 2 L NC.', 'Glenwood Medical Equipment', 'FACILITY']
];
const PRACTICES: Probe[] = [
  ['Chesapeake Ear, Nose & Throat\n410 Harbor Ave Suite 2, Annapolis MD 21401', 'Chesapeake Ear, Nose & Throat', 'FACILITY'],
  ['Referred to Piedmont Foot & Ankle for orthotics.', 'Piedmont Foot & Ankle', 'FACILITY'],
  ['-- Thandiwe (MA, Skin & Cancer Associates of Birchwood)', 'Skin & Cancer Associates of Birchwood', 'FACILITY'],
  ['Follows with Bone & Joint Specialists of Sweetwater.', 'Bone & Joint Specialists of Sweetwater', 'FACILITY'],
  ['PCP: Stillwater Eye & Ear Associates', 'Stillwater Eye & Ear Associates', 'FACILITY'],
  ['Seen by Dr. Quarshie at Roanoke Spine & Pain.', 'Roanoke Spine & Pain', 'FACILITY']
];
const KEEPS: Keep[] = [
  ['Consult: Division of Cardiology, attending to staff.', 'Division of Cardiology'],
  ['Ear, nose & throat exam: TMs clear.', 'Ear, nose & throat'],
  ['EAR, NOSE & THROAT: NORMAL', 'EAR, NOSE & THROAT'],
  ['Foot & ankle: no edema.', 'Foot & ankle'],
  ['Correctional officer at bedside per policy.', 'Correctional officer'],
  ['Dressings taken from the medical supply closet.', 'medical supply'],
  ['Residential services coordinator notified.', 'Residential services'],
  ['Levine grade 2/6 systolic murmur at the apex.', 'Levine'],
  ['Allergy & Asthma: seasonal rhinitis, on fluticasone.', 'Allergy & Asthma'],
  ['Home medical equipment: walker, shower chair.', 'Home medical equipment'],
  ['Health care system navigation discussed with the family.', 'Health care system'],
  ['Surgery Division conference at noon.', 'Surgery Division']
];

describe('long facility and practice names', () => {
  describe('systems with a division or campus, institutes named for a person', () => probes(SYSTEMS));
  describe('prisons by abbreviation or correctional head', () => probes(PRISONS));
  describe('care centers and residential providers', () => probes(HOMES));
  describe('medical supply companies', () => probes(SUPPLY));
  describe('practices named by a pair of specialties or "of <place>"', () => probes(PRACTICES));
  describe('departments, exam phrases and services stay', () => keeps(KEEPS));
});
