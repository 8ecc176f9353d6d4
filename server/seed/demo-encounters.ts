/**
 * Demo encounters written for Graycase (invented people, numbers and places that look like PHI
 * on purpose). Seeded on first run into the demo organisation: one shared with the senior,
 * one shared with the inpatient team, one still private to its coder.
 */
import type { CreateEncounterInput } from '../../src/lib/protocol/encounters';
import { buildEncounter } from '../commands/encounters';
import type { AppContext } from '../context';
import type { Collections, UserDoc } from '../db/collections';

type Demo = { owner: string; share: 'senior' | 'team' | 'none'; input: CreateEncounterInput };

export const DEMO_ENCOUNTERS: Demo[] = [
  {
    owner: 'coder1@lakeside.demo', share: 'senior',
    input: {
      title: 'AKI in the progress notes, ATN in the nephrology consult', setting: 'inpatient', dateOfService: '2026-10-19',
      specialty: 'hospital medicine', payerClass: 'medicare',
      patient: { name: 'Theodore Vance', mrn: 'MRN-5520981', dob: '1948-02-11', sex: 'male', phone: '(503) 555-0178', address: '77 Alder Court, Salem, OR 97301' },
      documents: [
        { kind: 'progress-note', title: 'Hospitalist progress note, day 2', author: 'M. Okafor, MD', text: 'Mr. Vance is a 78-year-old man admitted 10/19/2026 with dehydration after a week of diarrhea. Creatinine 2.9 on admission (baseline 1.1 in 2025). Assessment: acute kidney injury, prerenal, improving with IV fluids. Continue lactated Ringer\'s, hold lisinopril.' },
        { kind: 'consultation', title: 'Nephrology consult', author: 'J. Brandt, MD', text: 'Asked to see Theodore Vance for AKI. Urine sediment with muddy brown granular casts, FENa 3.2%. Impression: acute tubular necrosis following prolonged prerenal state. Expect recovery over 1 to 3 weeks. Renal diet, avoid nephrotoxins.' }
      ],
      codeLines: [
        { system: 'ICD-10-CM', code: 'N17.9', role: 'principal', poa: 'Y' },
        { system: 'ICD-10-CM', code: 'E86.0', role: 'secondary', poa: 'Y' },
        { system: 'ICD-10-CM', code: 'A09', role: 'secondary', poa: 'Y' }
      ],
      flags: [{ category: 'conflicting documentation', question: 'The attending documents prerenal AKI, nephrology documents ATN (N17.0). Can we code N17.0 from the consultant, or do we need to query the attending first?' }]
    }
  },
  {
    owner: 'coder2@lakeside.demo', share: 'team',
    input: {
      title: 'Rule out DVT in the ED, ultrasound negative', setting: 'emergency', dateOfService: '2026-11-02', specialty: 'emergency medicine',
      patient: { name: 'Priya Raman', mrn: 'MRN-7713024', dob: '1986-09-30', sex: 'female', phone: '(503) 555-0122', email: 'priya.raman@example.com' },
      documents: [
        { kind: 'ed-note', title: 'ED provider note', author: 'S. Lindqvist, PA-C', text: 'Ms. Raman presents with 3 days of left calf pain and swelling after a long flight on 10/29/2026. Wells score 1. Impression: left calf pain, rule out DVT. Venous duplex ordered.' },
        { kind: 'radiology', title: 'Venous duplex, left lower extremity', author: 'K. Osei, MD', text: 'No evidence of deep venous thrombosis in the left lower extremity. Small Baker cyst, 2.1 cm.' }
      ],
      codeLines: [
        { system: 'ICD-10-CM', code: 'I82.402', role: 'first-listed' },
        { system: 'CPT', code: '93971', role: 'procedure', pointers: [1] }
      ],
      flags: [{ category: 'uncertain diagnosis', question: 'Outpatient rules say no coding of "rule out". Is the first-listed code M79.662 (pain in left lower leg), and do we add M71.22 for the Baker cyst seen on imaging?' }]
    }
  },
  {
    owner: 'coder1@lakeside.demo', share: 'none',
    input: {
      title: 'Type 2 diabetes with foot ulcer: which combination code?', setting: 'professional', dateOfService: '2026-09-24', specialty: 'podiatry',
      patient: { name: 'Walter Brennan', mrn: 'MRN-3308417', dob: '1959-12-05', sex: 'male', address: '412 Birch Lane, Eugene, OR 97401' },
      documents: [
        { kind: 'progress-note', title: 'Podiatry visit', author: 'A. Castillo, DPM', text: 'Walter presents for wound care. Type 2 diabetes, A1c 8.4. Ulcer of the right plantar forefoot, 1.5 x 1.2 cm, fat layer exposed, no bone. Diabetic peripheral neuropathy, monofilament absent bilaterally. Debridement of subcutaneous tissue performed.' }
      ],
      codeLines: [
        { system: 'ICD-10-CM', code: 'E11.621', role: 'first-listed' },
        { system: 'ICD-10-CM', code: 'L97.512', role: 'secondary' },
        { system: 'ICD-10-CM', code: 'E11.42', role: 'secondary' },
        { system: 'CPT', code: '11042', role: 'procedure', pointers: [1, 2] }
      ],
      flags: [{ category: 'combination codes', question: 'Is the plantar forefoot L97.51- (other part of right foot) and is E11.65 also needed for the A1c of 8.4 without a documented "hyperglycemia"?' }]
    }
  }
];

export function demoEncounterSeeder(ctx: Pick<AppContext, 'db'> & Partial<AppContext>) {
  return async (c: Collections, org: { orgId: string; users: UserDoc[] }) => {
    const byEmail = new Map(org.users.map((u) => [u.email, u]));
    const senior = byEmail.get('senior@lakeside.demo')!;
    for (const demo of DEMO_ENCOUNTERS) {
      const owner = byEmail.get(demo.owner)!;
      const actor = { userId: owner._id, orgId: org.orgId, role: owner.role, name: owner.name, teamIds: owner.teamIds, address: 'seed' };
      const enc = await buildEncounter(ctx as AppContext, actor, demo.input);
      if (demo.share === 'senior') { enc.sharedUserIds = [senior._id]; enc.shared = true; }
      if (demo.share === 'team') { enc.sharedTeamIds = [...owner.teamIds]; enc.shared = true; }
      await c.encounters.insertOne(enc);
    }
  };
}
