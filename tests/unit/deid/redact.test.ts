/**
 * applyRedactions: placeholders, patient fields dropped, age band, date modes (interval kept
 * under shift), overlap merging, manual and stale redactions, anchor remapping, preview.
 */
import { describe, expect, it } from 'vitest';
import { applyRedactions, detectPhi, previewRedactions, type Candidate, type DeidEncounterInput } from '../../../server/deid/index';

const TEXT = '92-year-old female (Marguerite Olsen, DOB 03/22/1931) seen by Dr. Harlan. Phone (612) 555-0143, MRN-4417302. '
  + 'Admitted 09/14/2026, discharged 09/17/2026. Lives at 1182 Linden Ave, Minneapolis, MN 55408. WBC 14.2, BP 108/64, E11.65.';

function enc(extra: Partial<DeidEncounterInput> = {}): DeidEncounterInput {
  return {
    title: 'Olsen sepsis question',
    dateOfService: '2026-09-14',
    patient: { name: 'Marguerite Olsen', mrn: 'MRN-4417302', dob: '1931-03-22', sex: 'female', phone: '(612) 555-0143', address: '1182 Linden Ave, Minneapolis, MN 55408' },
    documents: [{ id: 'd1', kind: 'discharge-summary', title: 'Discharge summary', author: 'L. Nguyen, MD', text: TEXT }],
    codeLines: [{ id: 'c1', system: 'ICD-10-CM', code: 'A41.51', role: 'principal', poa: 'Y', note: 'Ask Dr. Harlan' }],
    flags: [{ id: 'f1', question: 'Did Dr. Harlan document sepsis on 09/14/2026?' }],
    ...extra
  };
}

describe('applyRedactions', () => {
  // The patient's full address is one span (state included); elsewhere "City, ST ZIP" keeps the state.
  it('replaces accepted spans with typed placeholders and keeps clinical content', () => {
    const e = enc();
    const { encounter: out, summary } = applyRedactions(e, detectPhi(e), { dateMode: 'year-only' });
    const t = out.documents[0]!.text;
    expect(t).toBe('[AGE-90+] female ([NAME], DOB [DATE]) seen by Dr. [NAME]. Phone [PHONE], [MRN]. '
      + 'Admitted [DATE-2026], discharged [DATE-2026]. Lives at [ADDRESS]. WBC 14.2, BP 108/64, E11.65.');
    expect(out.title).toBe('[NAME] sepsis question');
    expect(out.documents[0]!.author).toBe('[NAME], MD');
    expect(out.flags[0]!.question).toBe('Did Dr. [NAME] document sepsis on [DATE-2026]?');
    expect(out.codeLines[0]!.note).toBe('Ask Dr. [NAME]');
    expect(summary.counts.NAME).toBe(6); // text 2, title, author, flag, code-line note
    expect(summary.counts.DATE).toBe(4);
    expect(summary.patientFieldsDropped).toEqual(['name', 'mrn', 'dob', 'phone', 'address']);
  });

  it('drops patient identifier fields, keeping only sex and an age band (90+ above 89)', () => {
    const e = enc();
    const { encounter: out } = applyRedactions(e, [], { dateMode: 'year-only' });
    expect(out.patient).toEqual({ sex: 'female', ageBand: '90+' });
    expect(out.dateOfService).toBe('2026');
    const young = applyRedactions(enc({ patient: { name: 'A B', dob: '1984-04-12' } }), [], { dateMode: 'year-only' });
    expect(young.encounter.patient).toEqual({ ageBand: '40-49' });
    expect(JSON.stringify(out.patient)).not.toMatch(/4417302|Olsen|1931|555/);
  });

  it('shift mode moves every date by the same offset and keeps the format, so intervals survive', () => {
    const e = enc();
    const { encounter: out } = applyRedactions(e, detectPhi(e), { dateMode: 'shift', shiftDays: -45 });
    const t = out.documents[0]!.text;
    expect(t).toContain('Admitted 07/31/2026, discharged 08/03/2026.');
    expect(out.dateOfService).toBe('2026-07-31');
    // The birth date of someone over 89 loses its year too, even under shift.
    expect(t).toContain('DOB [DATE]');
    const stay = (s: string) => { const [a, b] = [...s.matchAll(/(\d\d)\/(\d\d)\/(\d{4})/g)].map((m) => Date.UTC(+m[3]!, +m[1]! - 1, +m[2]!)); return (b! - a!) / 864e5; };
    expect(stay(t)).toBe(stay(TEXT.replace('03/22/1931', '')));
    expect(out.flags[0]!.question).toContain('07/31/2026');
  });

  it('writes shifted dates in their original layout', () => {
    const text = 'Seen March 22, 2025; again 22 Mar 2026, 2026-01-05, 3/2/26, on 06/19, Sept 3rd and 1-Feb-2026.';
    const e = enc({ documents: [{ id: 'd1', kind: 'progress-note', title: 'Note', text }] });
    const { encounter: out } = applyRedactions(e, detectPhi(e), { dateMode: 'shift', shiftDays: 10 });
    expect(out.documents[0]!.text).toBe('Seen April 1, 2025; again 1 Apr 2026, 2026-01-15, 3/12/26, on 06/29, Sept 13th and 11-Feb-2026.');
    const y = applyRedactions(e, detectPhi(e), { dateMode: 'year-only' });
    expect(y.encounter.documents[0]!.text).toBe('Seen [DATE-2025]; again [DATE-2026], [DATE-2026], [DATE-2026], on [DATE], [DATE] and [DATE-2026].');
  });

  it('requires an integer shift', () => {
    expect(() => applyRedactions(enc(), [], { dateMode: 'shift' })).toThrow(RangeError);
  });

  it('merges overlapping spans (longest wins) and applies manual redactions; stale ones are skipped', () => {
    const e = enc({ documents: [{ id: 'd1', kind: 'progress-note', title: 'Note', text: 'Call Jo Smith at home about the Smith Farm visit.' }] });
    const loc = (start: number, end: number) => ({ field: 'document.text' as const, documentId: 'd1', start, end });
    const manual = [
      { type: 'NAME' as const, location: loc(5, 13), text: 'Jo Smith' },
      { type: 'OTHER_ID' as const, location: loc(8, 21), text: 'Smith at home' },
      { type: 'ADDRESS' as const, location: loc(32, 42), text: 'Smith Farm' },
      { id: 'old', type: 'NAME' as const, location: loc(0, 4), text: 'Olsen' }
    ];
    const { encounter: out, summary } = applyRedactions(e, manual, { dateMode: 'year-only' });
    expect(out.documents[0]!.text).toBe('Call [OTHER_ID] about the [ADDRESS] visit.');
    expect(summary.skipped).toEqual([{ id: 'old', reason: 'text does not match its location (stale redaction)' }]);
    expect(summary.counts).toEqual({ OTHER_ID: 1, ADDRESS: 1 });
  });

  it('remaps flag anchors to the redacted text, or drops them with a reason', () => {
    const quote = 'discharged 09/17/2026. Lives at';
    const start = TEXT.indexOf(quote);
    const nameAt = TEXT.indexOf('Marguerite Olsen');
    const wbcAt = TEXT.indexOf('WBC 14.2');
    const e = enc({ flags: [
      { id: 'f1', question: 'When?', anchor: { sectionId: 'd1', start, end: start + quote.length, quote } },
      { id: 'f2', question: 'Who?', anchor: { sectionId: 'd1', start: nameAt, end: nameAt + 16, quote: 'Marguerite Olsen' } },
      { id: 'f3', question: 'Labs?', anchor: { sectionId: 'd1', start: wbcAt, end: wbcAt + 8, quote: 'WBC 14.2' } },
      { id: 'f4', question: 'Gone?', anchor: { sectionId: 'd9', start: 0, end: 3, quote: 'abc' } }
    ] });
    const { encounter: out, summary } = applyRedactions(e, detectPhi(e), { dateMode: 'year-only' });
    const t = out.documents[0]!.text;
    const [f1, f2, f3, f4] = out.flags;
    expect(f1!.anchor!.quote).toBe('discharged [DATE-2026]. Lives at');
    expect(t.slice(f1!.anchor!.start, f1!.anchor!.end)).toBe(f1!.anchor!.quote);
    expect(f2!.anchor).toBeUndefined();
    expect(f2!.anchorDropped).toBe('the anchored passage was entirely redacted');
    expect(f3!.anchor).toEqual({ sectionId: 'd1', start: t.indexOf('WBC 14.2'), end: t.indexOf('WBC 14.2') + 8, quote: 'WBC 14.2' });
    expect(f4!.anchorDropped).toBe('anchor points at an unknown document');
    expect(summary.droppedAnchors.map((d) => d.flagId)).toEqual(['f2', 'f4']);
  });
});

describe('detectPhi and previewRedactions', () => {
  it('always proposes the patient fields and gives stable ids', () => {
    const a = detectPhi(enc()), b = detectPhi(enc());
    expect(a.map((c) => c.id)).toEqual(b.map((c) => c.id));
    expect(new Set(a.map((c) => c.id)).size).toBe(a.length);
    expect(a.filter((c) => c.location.field.startsWith('patient.')).map((c) => c.location.field))
      .toEqual(['patient.name', 'patient.mrn', 'patient.dob', 'patient.phone', 'patient.address']);
  });

  it('finds nothing in identifier-free clinical prose', () => {
    const text = 'T 38.4 C, HR 104, BP 108/64. WBC 14.2, lactate 1.8, >100,000 CFU/mL E. coli. Codes E11.65, 99214-25, J1100. '
      + 'Metformin 1000 mg BID, 1/2 tab, pain 7/10, strength 4/5, GCS 15. 75-year-old female. Dr. visit in 2 weeks. Chest PA and lateral. Plan: 1500 kcal diet.';
    const e = enc({ title: 'Sepsis', patient: { name: 'Zed Quill' }, flags: [], codeLines: [], documents: [{ id: 'd1', kind: 'ed-note', title: 'ED note', text }] });
    expect(detectPhi(e).filter((c: Candidate) => !c.location.field.startsWith('patient.')).map((c) => c.text)).toEqual([]);
  });

  it('preview gives sorted, non-overlapping highlight segments per document', () => {
    const p = previewRedactions(enc());
    const segs = p.documents[0]!.segments;
    expect(segs.length).toBeGreaterThan(8);
    for (let i = 1; i < segs.length; i++) expect(segs[i]!.start).toBeGreaterThanOrEqual(segs[i - 1]!.end);
    for (const s of segs) expect(p.candidates.some((c) => c.id === s.candidateId)).toBe(true);
    expect(p.fields['document.author:d1']).toEqual([{ start: 0, end: 9, type: 'NAME', candidateId: expect.any(String) }]);
  });
});
