/**
 * A payer's name never reaches across a table's column gap: "Patient: <name>    Medicare # ..."
 * holds a person, then a plan: the person stays a NAME and the plan is not part of it; a payer written as one name still
 * drops the facility or name read inside it.
 */
import { describe, expect, it } from 'vitest';
import { coveredAsName, nameTexts as names } from './unseen-helpers';

describe('payers and the column gap', () => {
  it.each([
    ['Patient: Tomasz Wierzbicki    Medicare # 1EG4-TE5-MK73', 'Tomasz Wierzbicki'],
    ['Name: Ilse Vandermeer     Medicaid ID 99812277', 'Ilse Vandermeer'],
    ['PATIENT: Oskar Lindqvist     HMO member ID W7781230', 'Oskar Lindqvist']
  ])('%s keeps the person', (text, name) => {
    expect(coveredAsName(text, name)).toBe(true);
    // ... and no name reaches over the gap to the plan word (the plan is no identifier).
    expect(names(text).filter((n) => /Medica|HMO/.test(n))).toEqual([]);
  });

  it.each([
    'Covered by Pinnacle Health Partners HMO since 2019.',
    'Primary ins: Bluestem Health Medicaid'
  ])('%s names no person', (text) => {
    expect(names(text)).toEqual([]);
  });
});
