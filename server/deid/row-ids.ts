/**
 * A column of record numbers heading the rows of a table or a log ("A004411  RED  41 M ...",
 * "0071  Nguyen, Bao  43", "S-041 | D.K. | 30028814"): triage tags, linked case numbers, screening
 * ids (issue 8, round 10). A value is taken only when three rows or more start with a value of the
 * same shape, so one numbered line is no column.
 * Never: a column of times ("0800  vitals", every value a valid hhmm), of years, of short row or room
 * numbers (three digits without a letter), of codes ("E0260  hospital bed"), or of dates.
 * Invariants: hits are OTHER_ID and start a line.
 */
import type { Hit } from './hits';

const ROW = /^[ \t]*((?:[A-Z]{1,3}-?\d{3,8}|\d{4,8})(?:-\d{1,4})?)(?=[ \t]*\|[ \t]*\S|[ \t]{2,}\S|\t\S)/gm;
const shape = (v: string) => v.replace(/[A-Z]/g, 'A').replace(/\d/g, '9');
const isTime = (v: string) => /^([01]\d|2[0-3])[0-5]\d$/.test(v);
const isYear = (v: string) => /^(?:19|20)\d{2}$/.test(v);

export function findRowIds(text: string): Hit[] {
  const rows = [...text.matchAll(ROW)];
  if (rows.length < 3) return [];
  const byShape = new Map<string, RegExpExecArray[]>();
  for (const m of rows) byShape.set(shape(m[1]!), [...(byShape.get(shape(m[1]!)) ?? []), m as RegExpExecArray]);
  const out: Hit[] = [];
  for (const ms of byShape.values()) {
    const values = ms.map((m) => m[1]!);
    if (values.length < 3 || values.every(isTime) || values.some(isYear)) continue;
    // "E0260  hospital bed", "E1165  diabetes": a column of HCPCS or undotted ICD codes (a letter and 3-5 digits).
    if (values.some((v) => /^[A-Z]\d{3,5}$/.test(v))) continue;
    for (const m of ms) {
      const start = m.index + m[0].indexOf(m[1]!);
      out.push({ start, end: start + m[1]!.length, type: 'OTHER_ID', reason: 'record number heading a row' });
    }
  }
  return out;
}
