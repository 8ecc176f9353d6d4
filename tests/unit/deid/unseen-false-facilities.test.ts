/**
 * Things read as facilities that are none (issue 8, facilities pass 5): an unknown acronym after a
 * place word that is a diagnosis ("due to HLH"), a device milestone ("14 months to MRD"), an injury
 * mechanism ("BIBEMS from MVA"), a network or login ("from VDI, IP ..."), a regulator a report goes
 * to; and upper-case sentences whose words end in a head word ("PT RECOMMENDS SUBACUTE REHAB",
 * "SW LCSW CARE"). Probes written before facility-vetoes.ts, with acronyms and names in no
 * evaluation file (checked by grep when written). Positives: real facilities by acronym after the
 * same place words, and upper-case facility names, stay found.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { probes } from './unseen-place-helpers';
import type { Probe } from './unseen-facilities-probes';

/** FACILITY detections touching the term's first occurrence. */
function facilityOn(text: string, term: string): string[] {
  const at = text.indexOf(term);
  if (at < 0) throw new Error(`"${term}" is not in "${text}"`);
  return detectPhiInText(text, 2026).filter((f) => f.type === 'FACILITY' && f.start < at + term.length && at < f.end).map((f) => `${f.type} "${f.text}"`);
}

const NOT_FACILITIES: [string, string][] = [
  ['Pancytopenia, likely due to HLH; ferritin 9800.', 'HLH'],
  ['Seizures secondary to NMOSD flare per neuro.', 'NMOSD'],
  ['Infant with vomiting thought related to FPIES.', 'FPIES'],
  ['[ ] Hyperglycemia due to HHNK\n[ ] Other (specify)', 'HHNK'],
  ['CML: 14 months to MRD negativity on dasatinib.', 'MRD'],
  ['Sarcoma cohort: median 2.5 yrs to EFS event.', 'EFS'],
  ['BIBEMS from MVA on I-40, restrained driver.', 'MVA'],
  ['34F brought in from GLF at home, struck head.', 'GLF'],
  ['Second login from VDI, IP 10.2.3.4, flagged by audit.', 'VDI'],
  ['Access via SFTP, IP 172.16.4.9, at 02:10.', 'SFTP'],
  ['Breach reported to DHCS within 15 days.', 'DHCS'],
  ['Complaint filed with DOLI by the employee on 4/2.', 'DOLI'],
  ['OT RECOMMENDS SUBACUTE REHAB, FAMILY AGREES.', 'OT RECOMMENDS SUBACUTE REHAB'],
  ['LOCAL TITLE: SW LCSW CARE COORDINATION NOTE', 'SW LCSW CARE'],
  ['PLAN: NEEDS HOME HEALTH, WILL ARRANGE.', 'NEEDS HOME HEALTH'],
  ['Pinecrest Oncology\n88 Main Street, Abingdon, VA 24210', 'VA'],
  ['Vet is VA pension eligible; VA disability claim # 5512 pending.', 'VA'],
  ['Vet is VA pension eligible; VA disability claim # 5512 pending.', 'VA disability'],
  ['Machine: Fresenius 5008S, serial # 5K-22; dialyzer changed.', 'Fresenius'],
  ['Dialysis machine: DaVita-owned Fresenius 2008K2 in bay 4.', 'Fresenius 2008K2']
];

const STILL_FACILITIES: Probe[] = [
  ['Transferred from HMHB for ECMO.', 'HMHB', 'FACILITY'],
  ['Records from KRMC reviewed; echo 2022.', 'KRMC', 'FACILITY'],
  ['Admitted to WCMC last spring for a COPD flare.', 'WCMC', 'FACILITY'],
  ['ACCEPTED AT CALLOWAY NURSING AND REHAB IN ELYRIA.', 'CALLOWAY NURSING AND REHAB', 'FACILITY'],
  ['HOSPITAL COURSE: 71 YO MALE ADMITTED VIA HARTWICK GENERAL ER WITH SEPSIS.', 'HARTWICK GENERAL', 'FACILITY'],
  ['Transferred to the Salem VA for detox.', 'Salem VA', 'FACILITY'],
  ['Seen at VA last week; records requested.', 'VA', 'FACILITY'],
  ['Treatments at the Fresenius on Route 9, MWF.', 'Fresenius', 'FACILITY'],
  ['PCP OFFICE: QUILLAN RIDGE FAMILY MEDICINE', 'QUILLAN RIDGE FAMILY MEDICINE', 'FACILITY'],
  ['Records from QUILLAN RIDGE FAMILY MEDICINE and Dr. Abara reviewed.', 'QUILLAN RIDGE FAMILY MEDICINE', 'FACILITY']
];

describe('acronyms and upper-case sentences that are no facility', () => {
  it.each(NOT_FACILITIES)('no facility on: %s (%s)', (text, term) => {
    expect(facilityOn(text, term)).toEqual([]);
  });
  describe('real facilities after the same place words stay', () => probes(STILL_FACILITIES));
});
