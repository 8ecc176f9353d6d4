/** Form drafts: every field a string, so inputs bind directly; `compact` drops the empty ones. */
export interface DocumentDraft { kind: string; title: string; author: string; text: string }
export interface MetaDraft { title: string; setting: string; dateOfService: string; specialty: string; payerClass: string }
export interface PatientDraft {
  name: string; mrn: string; dob: string; sex: string; phone: string; email: string;
  address: string; ssn: string; accountNumber: string; insuranceId: string;
}
export const emptyDocument = (): DocumentDraft => ({ kind: 'progress-note', title: '', author: '', text: '' });
export const emptyPatient = (): PatientDraft => ({ name: '', mrn: '', dob: '', sex: '', phone: '', email: '', address: '', ssn: '', accountNumber: '', insuranceId: '' });

export const PATIENT_FIELDS: { key: keyof PatientDraft; label: string; type?: string }[] = [
  { key: 'name', label: 'Patient name' }, { key: 'mrn', label: 'MRN' }, { key: 'dob', label: 'Date of birth', type: 'date' },
  { key: 'sex', label: 'Sex' }, { key: 'phone', label: 'Phone' }, { key: 'email', label: 'Email', type: 'email' },
  { key: 'address', label: 'Address' }, { key: 'ssn', label: 'SSN' }, { key: 'accountNumber', label: 'Account number' },
  { key: 'insuranceId', label: 'Insurance ID' }
];

/** What a new flag points at, with a human label ("Discharge summary" / "code line N39.0"). */
export interface FlagTarget { anchor?: import('$lib/protocol/encounters').FlagAnchor; label: string; quote?: string }
