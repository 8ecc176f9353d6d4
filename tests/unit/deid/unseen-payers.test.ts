/**
 * Payers named bare (issue 8, facilities pass 5): insurers, Medicaid programs, Medicare contractors,
 * PBMs and comp carriers written without a payer label, in letters, chat, call logs, tables and
 * capitals. A payer is no PHI: no detection of any type may touch its name. Probes written before
 * payer-names.ts, with payers and people in no evaluation file (checked by grep when written).
 * Positives: the facilities, towns, people and member numbers beside a payer stay found.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { coverLast } from './unseen-place-helpers';

/** Every detection (any type) touching the term's first occurrence. */
function hitsOn(text: string, term: string): string[] {
  const at = text.indexOf(term);
  if (at < 0) throw new Error(`"${term}" is not in "${text}"`);
  return detectPhiInText(text, 2026).filter((f) => f.start < at + term.length && at < f.end).map((f) => `${f.type} "${f.text}"`);
}

const PAYERS: [string, string][] = [
  ['Palmetto GBA\nAttn: Appeals Department\nPO Box 100238\n\nRE: Claim reconsideration', 'Palmetto GBA'],
  ['Novitas Solutions\nJL Part B Redetermination\n\nDear reviewer,', 'Novitas Solutions'],
  ['Caremark denied the Ozempic refill again, calling tomorrow.', 'Caremark'],
  ['spoke w/ MedImpact rep about the step therapy', 'MedImpact'],
  ['10:12 called Prime Therapeutics PA line, hold 40 min', 'Prime Therapeutics'],
  ['she has TennCare now, not the exchange plan', 'TennCare'],
  ['SoonerCare wont cover the brand', 'SoonerCare'],
  ['mom says the kids are on badgercare since june', 'badgercare'],
  ['KanCare Sunflower pays for the wheelchair', 'KanCare'],
  ['Highmark Blue Shield of Western Pennsylvania\nProvider Appeals', 'Highmark Blue Shield of Western Pennsylvania'],
  ['Ambetter from Arizona Complete Health denied 2 days.', 'Ambetter'],
  ['CareSource Ohio Medicaid   Member ID: CS55120087', 'CareSource'],
  ['Coverage reviewed with Wellmark this morning.', 'Wellmark'],
  ['Secondary pays: BCBSTX 88201-334', 'BCBSTX'],
  ['INSURANCE VERIFIED WITH EMBLEMHEALTH, AUTH PENDING.', 'EMBLEMHEALTH'],
  ['| Payer | Harvard Pilgrim | Denied |', 'Harvard Pilgrim'],
  ['Her comp carrier is Liberty Mutual, adjuster to call.', 'Liberty Mutual'],
  ['Florida Blue said the peer to peer is Thursday.', 'Florida Blue'],
  ['Regence BlueShield sent the denial letter 11/2.', 'Regence'],
  ['CareFirst Community Health Plan Maryland approved it.', 'CareFirst Community Health Plan'],
  ['Kid is on Denali KidCare; dad works in Wasilla.', 'Denali KidCare'],
  ['Dr. Dynasaur covers the braces per mom.', 'Dr. Dynasaur']
];

const BESIDE: [string, string, string][] = [
  ['Primary: Highmark    Facility: Tamarack Ridge Hospital', 'Tamarack Ridge Hospital', 'FACILITY'],
  ['Wellmark member Jodi Vantassel called about her bill.', 'Jodi Vantassel', 'NAME'],
  ['TennCare ID 4471902238, lives in Cookeville.', '4471902238', 'HEALTH_PLAN|OTHER_ID'],
  ['Secondary pays: BCBSTX 88201-334', '88201-334', 'HEALTH_PLAN|OTHER_ID'],
  ['Caremark faxed the form to Ridgeway Family Medicine.', 'Ridgeway Family Medicine', 'FACILITY']
];

describe('payers named bare are no PHI', () => {
  it.each(PAYERS)('no detection on the payer: %s (%s)', (text, payer) => {
    expect(hitsOn(text, payer)).toEqual([]);
  });
  it.each(BESIDE)('still finds what stands beside a payer: %s -> %s (%s)', (text, value, type) => {
    const types = coverLast(text, value);
    expect(types?.length === 1 && type.split('|').includes(types[0]!) ? type : types).toEqual(type);
  });
});
