/**
 * applyRedactions: builds the de-identified copy from the redactions the reviewer accepted
 * (detected candidates and manual additions alike; rejected candidates are simply absent).
 * Invariants:
 *  - patient identifier fields never reach the copy; only sex and an age band ("90+" above 89);
 *  - overlapping spans in one field are merged into one placeholder typed by the longest span;
 *  - year-only mode writes "[DATE-YYYY]" (or "[DATE]" when there is no year, or when the year
 *    would reveal an age over 89); shift mode moves every date, dateOfService included, by the
 *    same number of days and writes it in its original format, so intervals survive;
 *  - a redaction whose text no longer matches its location is skipped and reported, never
 *    applied at a guessed position;
 *  - flag anchors are remapped to the redacted text or dropped with a reason.
 */
import { remapAnchor, type Edit } from './anchors';
import { parseDate, renderShifted, shiftIso } from './dates';
import { fieldKey, textFields } from './fields';
import type { Candidate, DeidEncounterInput, DeidentifiedEncounter, DeidentifiedFlag, ManualRedaction, PatientIdField, PhiType,
  RedactionOptions, RedactionResult, RedactionSummary, SpanLocation } from './types';
import { PATIENT_ID_FIELDS } from './types';

interface Span { start: number; end: number; type: PhiType; text: string }

/** Readable placeholder for one merged span. */
export function placeholder(span: Span, options: RedactionOptions, refYear: number): string {
  if (span.type === 'AGE') return '[AGE-90+]';
  if (span.type !== 'DATE') return `[${span.type}]`;
  const parsed = parseDate(span.text.trim(), refYear);
  if (!parsed) {
    // "10/17-10/18", "March 3-5": a range found as one span; in shift mode each end that parses moves, the rest is [DATE].
    const range = options.dateMode === 'shift' ? /^(.+?)([ \t]*[-–][ \t]*)(.+)$/.exec(span.text) : null;
    const first = range ? placeholder({ ...span, text: range[1]! }, options, refYear) : '[DATE]';
    return first === '[DATE]' ? '[DATE]' : first + range![2] + placeholder({ ...span, text: range![3]! }, options, refYear);
  }
  // Safe Harbor: even the year goes when it points at someone over 89 (e.g. a 1931 birth date).
  const tooOld = parsed.y !== undefined && parsed.y <= refYear - 90;
  if (options.dateMode === 'shift') return tooOld ? '[DATE]' : span.text.replace(span.text.trim(), renderShifted(parsed, options.shiftDays ?? 0, refYear));
  return parsed.y !== undefined && !tooOld ? `[DATE-${parsed.y}]` : '[DATE]';
}

/** Sorts and merges overlapping spans; the merged span takes the type of its longest member. */
export function mergeSpans(spans: Span[], value: string): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: (Span & { longest: number })[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end - s.start > last.longest) { last.type = s.type; last.longest = s.end - s.start; }
      last.end = Math.max(last.end, s.end);
      last.text = value.slice(last.start, last.end);
    } else out.push({ ...s, longest: s.end - s.start });
  }
  return out.map(({ longest: _l, ...s }) => s);
}

function redactValue(value: string, spans: Span[], options: RedactionOptions, refYear: number, counts: RedactionSummary['counts']) {
  const edits: Edit[] = [];
  let out = '', cursor = 0;
  for (const s of mergeSpans(spans, value)) {
    out += value.slice(cursor, s.start);
    const rep = placeholder(s, options, refYear);
    edits.push({ start: s.start, end: s.end, newStart: out.length, newEnd: out.length + rep.length });
    out += rep;
    cursor = s.end;
    counts[s.type] = (counts[s.type] ?? 0) + 1;
  }
  return { text: out + value.slice(cursor), edits };
}

function ageBand(dob: string | undefined, dos: string): string | undefined {
  if (!dob) return undefined;
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [sy, sm, sd] = dos.split('-').map(Number) as [number, number, number];
  const age = sy - by - (sm < bm || (sm === bm && sd < bd) ? 1 : 0);
  if (!Number.isFinite(age) || age < 0) return undefined;
  if (age >= 90) return '90+';
  const lo = Math.floor(age / 10) * 10;
  return `${lo}-${lo + 9}`;
}

export function applyRedactions(enc: DeidEncounterInput, accepted: (Candidate | ManualRedaction)[], options: RedactionOptions): RedactionResult {
  if (options.dateMode === 'shift' && !Number.isInteger(options.shiftDays)) throw new RangeError('shift mode needs an integer shiftDays');
  const refYear = Number(enc.dateOfService.slice(0, 4));
  const fields = textFields(enc);
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const spans = new Map<string, Span[]>();
  const summary: RedactionSummary = { counts: {}, total: 0, patientFieldsDropped: [], droppedAnchors: [], skipped: [] };
  for (const r of accepted) {
    if (r.location.field.startsWith('patient.')) continue; // whole field: dropped below anyway
    const loc = r.location as SpanLocation;
    const f = byKey.get(fieldKey(loc));
    if (!f) { summary.skipped.push({ id: r.id, reason: 'location does not exist in this encounter' }); continue; }
    if (!(loc.start >= 0 && loc.end > loc.start && loc.end <= f.value.length) || f.value.slice(loc.start, loc.end) !== r.text) {
      summary.skipped.push({ id: r.id, reason: 'text does not match its location (stale redaction)' });
      continue;
    }
    const list = spans.get(f.key) ?? [];
    list.push({ start: loc.start, end: loc.end, type: r.type, text: r.text });
    spans.set(f.key, list);
  }
  const result = new Map<string, { text: string; edits: Edit[] }>();
  for (const f of fields) result.set(f.key, redactValue(f.value, spans.get(f.key) ?? [], options, refYear, summary.counts));
  const get = (key: string, fallback: string) => result.get(key)?.text ?? fallback;

  const flags: DeidentifiedFlag[] = (enc.flags ?? []).map((fl) => {
    const out: DeidentifiedFlag = { id: fl.id, question: get(`flag.question:${fl.id}`, fl.question) };
    if (fl.anchor) {
      const doc = enc.documents.find((d) => d.id === fl.anchor!.sectionId);
      const r = doc ? result.get(`document.text:${doc.id}`) : undefined;
      const o = remapAnchor(fl.anchor, doc?.text, r?.text, r?.edits ?? []);
      if ('anchor' in o) out.anchor = o.anchor;
      else { out.anchorDropped = o.dropped; summary.droppedAnchors.push({ flagId: fl.id, reason: o.dropped }); }
    }
    return out;
  });
  const copy: DeidentifiedEncounter = {
    title: get('title', enc.title),
    dateOfService: options.dateMode === 'shift' ? shiftIso(enc.dateOfService, options.shiftDays!) : enc.dateOfService.slice(0, 4),
    patient: { ...(enc.patient.sex ? { sex: enc.patient.sex } : {}), ...(ageBand(enc.patient.dob, enc.dateOfService) ? { ageBand: ageBand(enc.patient.dob, enc.dateOfService) } : {}) },
    documents: enc.documents.map((d) => ({
      id: d.id, kind: d.kind,
      title: get(`document.title:${d.id}`, d.title),
      ...(d.author !== undefined ? { author: get(`document.author:${d.id}`, d.author) } : {}),
      text: get(`document.text:${d.id}`, d.text)
    })),
    codeLines: enc.codeLines.map((c) => (c.note === undefined ? { ...c } : { ...c, note: get(`codeLine.note:${c.id}`, c.note) })),
    flags
  };
  summary.patientFieldsDropped = PATIENT_ID_FIELDS.filter((k): k is PatientIdField => Boolean(enc.patient[k]));
  summary.total = Object.values(summary.counts).reduce((a, b) => a + (b ?? 0), 0);
  return { encounter: copy, summary };
}
