/** PHI types as the de-identifier names them (server/deid/types.ts), with colours for highlights. */
export const PHI_TYPES = [
  'NAME', 'DATE', 'AGE', 'PHONE', 'FAX', 'EMAIL', 'SSN', 'MRN', 'ACCOUNT', 'HEALTH_PLAN',
  'LICENSE', 'VEHICLE', 'DEVICE', 'URL', 'IP', 'ADDRESS', 'CITY', 'ZIP', 'OTHER_ID', 'FACILITY'
] as const;

const GROUP: Record<string, string> = {
  NAME: 'name', DATE: 'date', AGE: 'date', PHONE: 'contact', FAX: 'contact', EMAIL: 'contact', URL: 'contact', IP: 'contact',
  ADDRESS: 'place', CITY: 'place', ZIP: 'place', FACILITY: 'facility'
};
/** Readable names for the type labels (a facility also reveals where the patient was treated). */
export const PHI_LABELS: Record<string, string> = { FACILITY: 'Facility', HEALTH_PLAN: 'Health plan', OTHER_ID: 'Other ID' };
/** A CSS class per group of types (ids and anything unknown share one). */
export const phiClass = (type: string) => `phi-${GROUP[type] ?? 'id'}`;

export const FIELD_LABELS: Record<string, string> = {
  'patient.name': 'Patient name', 'patient.mrn': 'MRN', 'patient.dob': 'Date of birth', 'patient.phone': 'Phone',
  'patient.email': 'Email', 'patient.address': 'Address', 'patient.ssn': 'SSN', 'patient.accountNumber': 'Account number',
  'patient.insuranceId': 'Insurance ID', title: 'Encounter title', 'document.title': 'Section title',
  'document.author': 'Section author', 'flag.question': 'Flag question', 'codeLine.note': 'Code-line note'
};

/** A redaction the coder added by selecting text (key is local to the page). */
export interface Manual { key: number; documentId: string; start: number; end: number; type: string; text: string }
