/**
 * Key words that introduce an identifier, and the type each one gives the value after it.
 * Types follow the labelling conventions of the evaluation sets: MRN for MRN / Med Rec # / MR# /
 * Chart # / EMR / record #; ACCOUNT for Acct / FIN / CSN / HAR / visit # / Hosp # / Enc #;
 * LICENSE for NPI, DEA and driver's licences; OTHER_ID for claims, authorisations, accessions,
 * incidents, bookings, student and interpreter ids and any key this table does not know.
 * Invariant: keys are regex sources without capture groups, matched case-insensitively as whole words;
 * more specific tables come first (typeOfKey returns the first table that matches).
 */
import type { PhiType } from './types';

export const KEYS: [string, PhiType][] = [
  ['MRNs?|M\\.R\\.N\\.?|MR\\s?#|MR no\\.?|med(?:ical)?\\.? rec(?:ord)?s?\\.?(?: number| no\\.?| #)?|EMR|EHR|medical record(?: number| no\\.?| #)?|record (?:number|no\\.?|#)|rec(?:ord)? ?#|chart(?: number| no\\.?| #| ID)?|unit (?:number|no\\.?)|patient (?:number|no\\.?)', 'MRN'],
  ['accounts?|accts?\\.?|billing (?:number|no\\.?|#|ID)|enc(?:ounter)?\\.?(?: number| no\\.?| #| ID)|enc ?#|enc\\.?|encounter|visit (?:number|no\\.?|#|ID)|visit ?#|hosp(?:ital)?\\.?(?: number| no\\.?| #| ID)|hosp ?#|FIN|HAR|CSN|invoice|admission (?:number|no\\.?|#|ID)', 'ACCOUNT'],
  ['member(?:ship)?|mbr|subscriber|ins(?:urance)?\\.? card|ins(?:urance)?\\.? (?:plan|policy)|policy(?:holder)?|pol\\.?(?=[ \\t]*[#:]|[ \\t]+[A-Z0-9]*\\d)|group(?: number| no\\.?| #| ID)?|grp|insurance(?: ID| number| no\\.?| #)?|health plan (?:ID|number|no\\.?|#)|plan (?:ID|number|no\\.?|#)|Medicare(?: ID| number| no\\.?| #)?|Medicaid(?: ID| number| no\\.?| #)?|MBI|HICN|beneficiary(?: ID| number)?|payer ID|BIN|PCN|ins\\.? (?:ID|#|no\\.?|number)|Medi-?Cal|CIN|(?:BCBS|BC\\/BS|Blue Cross|Aetna|Cigna|UHC|United(?:Healthcare)?|Humana|Anthem|Tricare|Kaiser|Molina|Ambetter|WellCare|Highmark|Oscar|Amerigroup|Caresource|Medica) (?:ID|#|no\\.?|number|member)', 'HEALTH_PLAN'],
  ['(?:driver[\'’]?s )?licen[cs]e|lic\\.?(?=\\s?[#:])|DL(?=\\s?[#:])|certificate|cert\\.?\\s?#|DEA|NPI|registration (?:number|no\\.?|#)|permit|board cert(?:ification)?', 'LICENSE'],
  ['(?:license )?plate|VIN|tail(?: number| no\\.?| #)?(?=[ \t]*#?:?[ \t]*N\\d)|vehicle(?: ID| identification number| registration)?|tag (?:number|no\\.?|#)', 'VEHICLE'],
  ['serial|S\\/N|SN|lot|model|device(?: ID| identifier)?|UDI|catalog (?:number|no\\.?|#)|implant ID|pacemaker ID|IMEI|ref(?:erence)? (?:number|no\\.?|#) of the (?:device|implant)', 'DEVICE'],
  ['claim|accession|acc\\.?(?=\\s?#)|auth(?:ori[sz]ation)?|prior auth|precert(?:ification)?|incident|booking|interpreter(?: ID| number| #)?|student(?: ID| number| #)?|EMS run|run (?:number|no\\.?|#)|run(?=[ \t]*#?[ \t]*\\d{2}-\\d{3,})|e?PCR(?=[ \t]*#?:?[ \t]*\\d{2}-\\d{3,})|CAD(?: number| no\\.?| #| incident)?(?=[ \t]*#?:?[ \t]*\\d)|trip (?:number|no\\.?|#)|specimen|case|order|requisition|req|patient ID|pt ID|employee(?: ID)?|badge|passport|barcode|ID|identifier|reference|ref\\.?|confirmation|conf\\.?|ticket|report|referral|query|request|tracking|transaction|file|voucher|inmate|booking|docket|locker|wristband|bracelet|PIN|user(?:name)? ID|login|rx|prescription', 'OTHER_ID']
];

const KEY_RES = KEYS.map(([src, type]) => [new RegExp(`(?<![\\w-])(?:${src})(?![\\w])`, 'i'), type] as const);
/** Any key of any table, for "the nearest key before a value". */
export const ANY_KEY = KEYS.map(([s]) => `(?:${s})`).join('|');

/** The type a key gives its value (first matching table), or null when the words are no key. */
export function typeOfKey(words: string): PhiType | null {
  for (const [re, type] of KEY_RES) if (re.test(words)) return type;
  return null;
}

/** Words before '#' / 'no.' that count things in clinical text: their numbers are no identifiers. */
export const COUNTER_WORDS = /^(?:problem|item|step|day|pod|hd|hospital day|cycle|dose|lesion|size|gauge|page|line|question|trial|attempt|week|wk|gravida|para|tube|level|grade|stage|type|class|phase|bed|room|rm|bay|chair|station|pod|floor|suite|apt|lead|view|image|slide|block|core|site|node|finger|toe|rib|vertebra|tooth|teeth|vial|bottle|set|round|session|fraction|fx|pack|pill|tab|tablet|capsule|cap|no|number|num)$/i;
