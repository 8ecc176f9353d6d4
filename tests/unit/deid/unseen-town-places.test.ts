/**
 * Names pass 5, class "a town named alone where any writer puts one": after a facility and "in"
 * ("discharged to Birchwood Rehab in Concord"), in brackets after a signing name ("- Keisha
 * (Dothan)"), as the attribute of a transfer, referral or unit ("the Grand Island transfer", "our
 * Kokomo unit"); and its negatives, town names that are terms here: a car model before a state's
 * plate, an implant part named for a town ("Exeter stem"), a classification with its code ("Prague
 * C2M4"), and lower-case ordinary words that a gazetteer also holds ("the query tool", "from
 * central supply"). Towns and names in no evaluation file.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { cover } from './unseen-helpers';

const placeTexts = (text: string) => detectPhiInText(text, 2026).filter((h) => h.type === 'CITY' || h.type === 'NAME').map((h) => h.text);

describe('a town alone where a writer puts one', () => {
  it.each([
    ['Then they discharged her to Birchwood Rehab in Concord without telling me.', 'Concord'],
    ['Advised the ED at St. Anselm Hospital in Surprise; family prefers a closer one.', 'Surprise'],
    ['He was sent to Pinecrest Nursing Home in Enterprise last spring.', 'Enterprise'],
    ['Thanks! - Ludmila (Dothan)', 'Dothan'],
    ['See you at the meeting.\n-- Marguerite T. (Muncie)', 'Muncie'],
    ['anyone have the Grand Island transfer? came in overnight', 'Grand Island'],
    ['She dialyzes at our Kokomo unit three times weekly.', 'Kokomo'],
    ['Who took the Joplin referral from Friday?', 'Joplin']
  ])('%s -> %s', (text, town) => {
    expect(cover(text, town)).toEqual(['CITY']);
  });
});

describe('town names that are terms here', () => {
  it.each([
    ['Officers found him in his silver Corolla, Indiana plate 7KD221.', 'Corolla'],
    ['Vehicle: a blue Honda Civic, Texas tag ZXT 4410', 'Civic'],
    ['Right hip hemiarthroplasty with an Exeter stem, cemented.', 'Exeter'],
    ['Trial reduction stable; Exeter stem placed in anteversion.', 'Exeter'],
    ['Barrett segment Prague C2M4, no nodules.', 'Prague'],
    ['Please answer in the query tool by Friday.', 'tool'],
    ['Dressings from central supply, restocked.', 'central'],
    ['no sale at the pharmacy today, try again', 'sale'],
    ['seen by the athletic trainer after practice', 'trainer'],
    ['hurt his knee playing ball in the yard', 'ball'],
    ['Back to the ED in Lyme carditis with heart block.', 'Lyme'],
    ['Seen at the Clinic in March for follow-up.', 'March'],
    ['Thanks - Fenella (Charge RN)', 'Charge'],
    ['the Mobile unit came by for the flu shots', 'Mobile']
  ])('keeps %s', (text, word) => {
    expect(placeTexts(text).some((t) => t.includes(word))).toBe(false);
  });
  it.each([
    ['Moved to Concord from Ohio last year.', 'Concord'],
    ['lives in kokomo with her sister', 'kokomo']
  ])('still takes the town in %s', (text, town) => {
    expect(cover(text, town)).toEqual(['CITY']);
  });
});
