/**
 * Names pass 5, two classes of person names that are ordinary words or written in lower case:
 *  - a name found once by a cue and met again in the same text ("his wife Hazel ... Hazel reports",
 *    "daughter ruby is here ... tell ruby"), where the second place has no cue of its own;
 *  - lower-case names in chat after a word for a baby, a patient introduced by "pt is", and an
 *    introduction of a name no census list holds ("its me zainab").
 * Names, words and layouts are in no evaluation file; each group has the word's other meanings
 * beside it (months as dates, virtues and colours as words, a modal after a relation word).
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { nameTexts } from './unseen-helpers';

/** The start offsets of NAME detections covering the n-th occurrence of `word` (exact case). */
function namedOccurrences(text: string, word: string): boolean[] {
  const hits = detectPhiInText(text, 2026).filter((h) => h.type === 'NAME');
  const out: boolean[] = [];
  const re = new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'gu');
  for (const m of text.matchAll(re)) out.push(hits.some((h) => h.start <= m.index && m.index + word.length <= h.end));
  return out;
}

describe('a name found by a cue is the same person where it comes back', () => {
  it.each([
    ['Accompanied by his wife Hazel, who drove. Hazel reports he wanders at night.', 'Hazel', [true, true]],
    ['Daughter Pearl present for the visit. Handout given to Pearl.', 'Pearl', [true, true]],
    ['Please route it to Penny. Penny will sign it off tomorrow.', 'Penny', [true, true]],
    ['sister ruby is here asking for you\ncan you tell ruby ill call after rounds', 'ruby', [true, true]],
    ['HUSBAND: Sandy Whitcombe (cell)\nSandy asked about the visiting hours.', 'Sandy', [true, true]],
    ['Lives with granddaughter Holly Brannigan. Holly reports he skips doses.', 'Holly', [true, true]],
    ['son Gerhardt visiting; Gerhardt prefers a morning call', 'Gerhardt', [true, true]],
    ['From: Ivy Castellanet, MD\nTo: Coding\n\nSorry for the delay, I was away.\nIvy', 'Ivy', [true, true]],
    ['friend ginger drove her in\nginger said she has the med list', 'ginger', [true, true]]
  ])('%s', (text, word, expected) => {
    expect(namedOccurrences(text, word)).toEqual(expected);
  });
  it.each([
    // The other meaning stays where it reads as one.
    ['Daughter Hazel present. Seen last in August 2023; eyes hazel.', 'August', [false]],
    ['His wife May was at bedside. Follow up in May 2025.', 'May', [true, false]],
    ['Mother Ginger at bedside. Ginger ale given. Diet: ginger ale ok.', 'ginger', [false]],
    ['Contact: Ruby Okafor-Hale (daughter). Ruby laser trial discussed.', 'Ruby', [true, false]],
    ['wife Penny says he is better. Penny whistle exercises for breath control.', 'Penny', [true, false]],
    ['daughter hazel called. eyes hazel, pupils equal', 'hazel', [true, false]]
  ])('keeps the other meaning in %s', (text, word, expected) => {
    expect(namedOccurrences(text, word)).toEqual(expected);
  });
});

describe('lower-case names in chat', () => {
  it.each([
    ['baby hortense is feeding well now', 'hortense'],
    ['newborn philomena has jaundice again', 'philomena'],
    ['pt is eulalia from the 10am w/ dr ames', 'eulalia'],
    ['patient is clementine, the 4 yo with the rash', 'clementine'],
    ['hi its me zainab, my mom had her scan monday', 'zainab'],
    ['hey its me yusra again, any news on the refill', 'yusra'],
    ['HI ITS ME OTTILIE, QUESTION ABOUT MY BILL', 'OTTILIE'],
    ['my name is priyamvada and i had a question', 'priyamvada']
  ])('%s -> %s', (text, name) => {
    expect(nameTexts(text).some((n) => n.toLowerCase().includes(name.toLowerCase()))).toBe(true);
  });
  it.each([
    'baby aspirin daily, start today',
    'baby wipes and formula sent home',
    'pt is improving, ambulating in hall',
    'patient is afebrile, tolerating diet',
    'its me again about the refill',
    'hi its me, question about my dose',
    'son will drive her to the ED tonight',
    'roommate will call them after dinner',
    'wife may come in later today',
    'daughter can pick up the rx'
  ])('keeps %s', (text) => {
    expect(nameTexts(text)).toEqual([]);
  });
});
