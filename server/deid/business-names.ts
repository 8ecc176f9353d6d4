/**
 * A local business or organisation named by its trade ("Lotus Garden Restaurant", "Hi-Desert
 * Freight", "Summit Crest Nurse Staffing", "Red Hills Co-op", "GLOW THEORY MED SPA", "Dorrance
 * Street YMCA"): employers, vendors, transport companies and places a record names, FACILITY as
 * the blind files label them. The facility rules know health-care heads ("Clinic", "Hospital");
 * these are the trade nouns of everything else, which the blind rounds missed most (FACILITY was
 * the weakest type on every unseen round).
 * The name is one to four capitalised words right before the trade noun, all in one case style
 * (Title Case or ALL CAPS). Never: a run whose words are all clinical or generic words ("Medical
 * Supply", "Patient Transport", "Home Health Staffing": a service, not a name), one starting with a
 * function word alone ("The Restaurant"), a maker ("Medtronic Group"), or one word and its trade
 * alone on a line (a heading).
 * Invariants: hits are FACILITY; pure apart from the word lists (loaded once).
 */
import type { Hit } from './hits';
import { isMakerName } from './product-context';
import { codeSetWords } from './vocabulary';
import { allServiceWords } from './facility-services';
import { clinicalAfterRun } from './proper-nouns';

const TRADE = [
  'Restaurant', 'Cafe', 'Café', 'Diner', 'Grill', 'Bakery', 'Bistro', 'Tavern', 'Pub', 'Brewery', 'Pizza', 'Deli',
  'Studio', 'Studios', 'Salon', 'Spa', 'Med Spa', 'Barbershop', 'Gym', 'Fitness', 'CrossFit', 'YMCA', 'YWCA',
  'Motel', 'Hotel', 'Hotels', 'Hotel Group', 'Inn', 'Resort', 'Casino', 'Apartments', 'Shoppes', 'Mall', 'Market', 'Supermarket', 'Grocery', 'Foods',
  'Farms', 'Farm', 'Ranch', 'Dairy', 'Orchards', 'Harvesting', 'Grain', 'Feed', 'Feed & Seed', 'Co-op', 'Cooperative', 'Trading Post', 'Outfitters', 'Harness & Tack', 'Tack',
  'Freight', 'Trucking', 'Transport', 'Transportation', 'Logistics', 'Distribution', 'Warehouse', 'Moving', 'Towing', 'Courier', 'Medevac', 'Air Medical', 'Air Ambulance',
  'Staffing', 'Nurse Staffing', 'Rentals', 'Supply', 'Supplies', 'Hardware', 'Lumber', 'Auto', 'Motors', 'Garage', 'Construction', 'Roofing', 'Plumbing',
  'Electric', 'Landscaping', 'Cleaners', 'Laundry', 'Lock & Key', 'Daycare', 'Day Care', 'Preschool', 'Montessori', 'Academy', 'Apothecary', 'Drug', 'Drug Store',
  'Network', 'Foundation', 'Ministries', 'Fellowship', 'Chapel', 'Temple', 'Mosque', 'Synagogue', 'Parish', 'Tabernacle', 'Assembly of God',
  'Group', 'Holdings', 'Enterprises', 'Industries', 'Manufacturing', 'Mills', 'Works', 'Unlimited', 'Companions', 'Wellness', 'Telehealth', 'Optical', 'Tire',
  'Insurance Agency', 'Realty', 'Properties', 'Storage', 'Wireless', 'Printing',
  'Food Bank', 'Milk Bank', 'Legal Aid', 'Law Center', 'Legal Services', 'Pantry', 'Soup Kitchen', 'Rescue Mission', 'Charities', 'Committee', 'Coalition',
  'Alliance', 'Society', 'Association', 'Federation', 'League', 'Club', 'Solutions', 'Services', 'Air', 'Aviation', 'Airways'
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HEAD = [...TRADE].sort((a, b) => b.length - a.length).map((h) => escape(h).replace(/ /g, '[ \\t]+')).join('|');
// A word ends at a full stop only as "St." or "Mt.": "Dr. Ifeoma Chukwu. Transport" is two sentences.
const TITLE_WORD = "(?:St\\.|Mt\\.|Ft\\.|\\p{Lu}\\p{Ll}[\\p{L}'’-]*|\\p{Lu}[\\p{Ll}]*-\\p{Lu}\\p{Ll}+|\\p{Lu}{2,5}(?=[ \\t]))";
const TITLE = new RegExp(`(?<![\\p{L}\\p{N}])((?:${TITLE_WORD}|&)(?:[ \\t]+(?:${TITLE_WORD}|&|of)){0,4})[ \\t]+(${HEAD})(?![\\p{L}])`, 'gu');
const UPPER = new RegExp(`(?<![\\p{L}\\p{N}])((?:ST\\.|\\p{Lu}[\\p{Lu}'’-]+|&)(?:[ \\t]+(?:ST\\.|\\p{Lu}[\\p{Lu}'’-]+|&)){0,4})[ \\t]+(${HEAD.toUpperCase().replace(/\\T/g, '\\t')})(?![\\p{L}])`, 'gu');

/** Function words and the workflow verbs that open a line ("Notify ICU Group", "Called Lotus Garden Restaurant"): never a name's first word. */
const FUNCTION_WORD = /^(?:The|A|An|This|That|Our|Your|Their|His|Her|Its|My|Any|Each|Every|No|Per|Via|And|Of|At|To|From|For|With|By|In|On|Or|Pt|Patient|New|Old|Local|Outside|Same|Other|Prior|Previous|Current|Call|Called|Calls|Contact|Contacted|Notify|Notified|Page|Paged|Consult|Consulted|Refer|Referred|Transfer|Transferred|Send|Sent|Fax|Faxed|Email|Emailed|Message|Messaged|Ask|Asked|Inform|Informed|Update|Updated|Arrange|Arranged|Schedule|Scheduled|Order|Ordered|Request|Requested|Discussed|Spoke|See|Seen|Attends|Attended|Joined|Left)$/i;
/** Words that name what a business does, not which one it is ("Home Health", "Medical", "Patient"). */
const GENERIC = new Set(('home health medical patient patients hospital hospice nursing nurse nurses care community county city state public private ' +
  'national regional local family senior seniors adult adults child children pediatric womens mens dental vision hearing mobile ' +
  'emergency urgent primary specialty general main central north south east west northern southern eastern western ' +
  'social human services service protective behavioral mental rehab rehabilitation therapy physical occupational speech ' +
  'equipment durable infusion oxygen respiratory wound ostomy diabetic diabetes cardiac heart lung kidney spine pain sleep ' +
  'transport transportation ambulance air ground medevac critical life flight rescue fire police safety security ' +
  'group team staff staffing agency office department unit program programs clinic clinical lab laboratory imaging ' +
  'interpreter interpreters language translation appeals appeal grievance grievances ethics compliance quality risk utilization review case management ' +
  'discharge planning director perioperative therapeutics pharmacy court-ordered outpatient inpatient disability determination financial billing ' +
  'environmental nutrition food volunteer volunteers spiritual pastoral guest support supply chain credentialing infection control peer ' +
  'anonymous alcoholics narcotics bereavement grief parenting caregiver caregivers ' +
  'dot urine screen screening test testing the of and & a an new old first second third united american').split(' '));

function leadWords(run: string): string[] {
  return run.split(/[ \t]+/).filter((w) => w && w !== '&');
}

/** Whether every lead word is a generic, department or clinical word: a service named by what it does, no business's own name. */
function allGeneric(words: string[]): boolean {
  const code = codeSetWords();
  return words.every((w) => {
    const l = w.toLowerCase().replace(/['’]s$/, '');
    // "Tri-County", "Hi-Desert": a compound is a name's own word, whatever its parts are (facility-services splits it).
    return GENERIC.has(l) || code.has(l) || (!w.includes('-') && allServiceWords(w));
  });
}

function trimLead(text: string, start: number, run: string): { start: number; words: string[] } | null {
  let words = leadWords(run), at = start;
  // "Called Lotus Garden Restaurant", "at The Shoppes": a leading cue or article stays outside the name.
  while (words.length && FUNCTION_WORD.test(words[0]!)) {
    const next = text.slice(at).search(/[ \t]+/);
    at += next + (/^[ \t]+/.exec(text.slice(at + next))?.[0].length ?? 0);
    words = words.slice(1);
  }
  return words.length ? { start: at, words } : null;
}

/** A line that holds nothing but the run and its noun is a heading ("Patient Transport", "EQUIPMENT SUPPLY"), not a name in a sentence. */
function wholeLine(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  return text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd < 0 ? text.length : lineEnd).replace(/[:.]/g, '').trim() === '';
}

export function findBusinessNames(text: string): Hit[] {
  const out: Hit[] = [];
  for (const re of [TITLE, UPPER]) {
    for (const m of text.matchAll(re)) {
      const lead = trimLead(text, m.index, m[1]!);
      if (!lead) continue;
      const end = m.index + m[0].length;
      if (allGeneric(lead.words) || lead.words.some((w) => isMakerName(w)) || isMakerName(lead.words.join(' '))) continue;
      if (wholeLine(text, lead.start, end) && lead.words.length < 2) continue;
      // "a Dutch Lipid Clinic Network score of 11": a scale or criteria named so is clinical.
      if (clinicalAfterRun(text, lead.start, end)) continue;
      out.push({ start: lead.start, end, type: 'FACILITY', reason: `business named by its trade ("${m[2]!.replace(/[ \t]+/g, ' ')}")` });
    }
  }
  return out;
}
