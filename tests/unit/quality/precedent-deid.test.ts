/**
 * Precedent texts through the redaction rules, measured on the de-identification evaluation set
 * (tests/fixtures/deid-eval, written by others and not used to build this feature): each document
 * is a fact pattern; a labelled identifier leaks when its text is still in the precedent. Also:
 * the encounter's own patient identifiers never survive, even where the detector has no cue.
 */
import { describe, expect, it } from 'vitest';
import { deidentifyPrecedent } from '../../../server/quality/deidentify';
import { loadEvalSet } from '../../fixtures/deid-eval/load';
import type { EncounterDoc } from '../../../server/db/collections';

const enc = (patient: EncounterDoc['patient']): EncounterDoc => ({ _id: 'e', dateOfService: '2026-09-14', title: 't', patient } as EncounterDoc);

describe('precedent de-identification', () => {
  it('on the evaluation set: identifiers removed, clinical terms kept (figures printed)', () => {
    const docs = loadEvalSet();
    let labelled = 0, leaked = 0, keep = 0, kept = 0;
    const leaks: string[] = [];
    for (const d of docs) {
      const out = deidentifyPrecedent(enc({ name: 'Zzyzx Qwerty' }), { title: '', factPattern: d.text, question: '', answer: '', rationale: '' }, []).texts.factPattern;
      for (const s of d.spans) {
        labelled++;
        // Short spans ("MA", "03") may occur elsewhere in the text by chance: only spans of 4+ characters are checked verbatim.
        if (s.text.length >= 4 && out.includes(s.text)) { leaked++; leaks.push(`${d.id} ${s.type} "${s.text}"`); }
      }
      for (const k of d.keep) { keep++; if (out.includes(k.text)) kept++; }
    }
    console.log(`precedent redaction on ${docs.length} documents: ${labelled - leaked}/${labelled} identifiers removed (${((100 * (labelled - leaked)) / labelled).toFixed(1)}%), ${kept}/${keep} clinical terms kept`);
    if (leaks.length) console.log('left in the precedent:\n  ' + leaks.join('\n  '));
    expect((labelled - leaked) / labelled).toBeGreaterThanOrEqual(0.98);
    expect(kept / keep).toBeGreaterThanOrEqual(0.9);
  });

  it('the patient\'s own identifiers never survive, in any case or without cue words', () => {
    const patient = { name: 'Marguerite Olsen', mrn: 'MRN-4417302', dob: '1951-03-22', phone: '(612) 555-0143', address: '1182 Linden Ave, Minneapolis, MN 55408', accountNumber: 'AC-99812' };
    const text = 'olsen came back; MARGUERITE said the 4417302 label was wrong. Call 612-555-0143. Lives at 1182 Linden Ave. Account AC-99812.';
    const { texts } = deidentifyPrecedent(enc(patient), { title: 'Olsen case', factPattern: text, question: 'Was Marguerite septic?', answer: 'No.', rationale: 'Olsen had no organ dysfunction.' }, []);
    const all = JSON.stringify(texts).toLowerCase();
    for (const v of ['marguerite', 'olsen', '4417302', '555-0143', '1182 linden', 'ac-99812']) expect(all, v).not.toContain(v);
    expect(texts.rationale).toMatch(/had no organ dysfunction/);
  });
});
