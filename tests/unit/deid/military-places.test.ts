/**
 * Sixteenth pass of issue 8: posts, bases, ships and military treatment facilities reveal where a service member
 * lives or served (the writers of the military and veterans' file label them FACILITY); specialty practices named by
 * their specialty ("... Family Eyecare", "... Periodontics").
 */
import { describe, expect, it } from 'vitest';
import { cover } from './unseen-helpers';

describe('military places', () => {
  it.each([
    ['PCS from Camp Courtney to Fort Riley in 2019.', 'Camp Courtney'],
    ['PCS from Camp Courtney to Fort Riley in 2019.', 'Fort Riley'],
    ['Deployed FOB Tarnak. Blast exposure x2.', 'FOB Tarnak'],
    ['Flew out of Spangdahlem AB on a C-17.', 'Spangdahlem AB'],
    ['Stationed at Aviano Air Base 2015-2018.', 'Aviano Air Base'],
    ['Served aboard USS Tarawa (LHA-1) as a corpsman.', 'USS Tarawa (LHA-1)'],
    ['Evacuated to LRMC, then WRNMMC for limb salvage.', 'WRNMMC'],
    ['Dental cleaning at Harborview Periodontics next week.', 'Harborview Periodontics']
  ])('%s -> %s', (text, v) => {
    expect(cover(text, v)).toEqual(['FACILITY']);
  });

  it.each([
    ['Camp counselor form signed; Camp Nurse called back.', 'Camp'],
    ['Hep B surface AB positive, immune.', 'AB'],
    ['Periodontics referral placed for deep scaling.', 'Periodontics']
  ])('leaves %s', (text, v) => {
    expect(cover(text, v)).toBeNull();
  });
});

describe('the fractures and procedures beside them', () => {
  it.each([
    ['CT face: Le Fort II fracture pattern, bilateral.', 'Le Fort II'],
    ['D4341 Perio SRP, 4+ teeth per quadrant, at Sierra Ridge Periodontics.', 'SRP']
  ])('leaves %s', (text, v) => {
    expect(cover(text, v)).toBeNull();
  });
});
