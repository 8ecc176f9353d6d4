/** Encounter inputs for tests, in the API's request shape, with overrides. */
import type { CreateEncounterInput } from '../../src/lib/protocol/encounters';

export const NOTE = 'Mrs. Ada Quill, DOB 04/12/1950, seen 09/14/2026 for dysuria. MRN-8812345. Impression: urinary tract infection. Call (612) 555-0199.';

export function encounterInput(over: Partial<CreateEncounterInput> = {}): CreateEncounterInput {
  return {
    title: 'UTI or sepsis?',
    setting: 'inpatient',
    dateOfService: '2026-09-14',
    specialty: 'hospital medicine',
    patient: { name: 'Ada Quill', mrn: 'MRN-8812345', dob: '1950-04-12', phone: '(612) 555-0199', address: '14 Elm Street, Duluth, MN 55802' },
    documents: [{ kind: 'progress-note', title: 'Progress note', author: 'R. Patel, MD', text: NOTE }],
    codeLines: [
      { system: 'ICD-10-CM', code: 'N39.0', role: 'principal', poa: 'Y' },
      { system: 'ICD-10-CM', code: 'B96.20', role: 'secondary', poa: 'Y' }
    ],
    flags: [],
    ...over
  };
}
