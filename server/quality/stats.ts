/**
 * Coding-quality statistics from review records. Pure: the caller gathers the records
 * (stats-source.ts); tests feed a seeded history with known answers.
 * Weeks are ISO weeks (Monday, UTC), labelled by their Monday; months "YYYY-MM".
 */
import { ACCURACY_TARGET, type CoderStatsDto, type TrendPointDto } from '../../src/lib/protocol/stats';
import type { ErrorTag } from '../../src/lib/protocol/resolutions';

export interface ReviewRecord {
  coderId: string;
  encounterId: string;
  at: Date;
  codesReviewed: number;
  codesUnchanged: number;
  changed: boolean;
  errors: { tag: ErrorTag; material: boolean }[];
}
export interface DisputeRecord { coderId: string; at: Date; outcome: 'upheld' | 'overturned' | 'pending' }
export interface DoubleCodingRecord { coderId: string; at: Date; agreed: boolean; lineAgreement: number }
export interface History { records: ReviewRecord[]; disputes: DisputeRecord[]; doubleCoding: DoubleCodingRecord[] }

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function bucketOf(at: Date, period: 'week' | 'month'): string {
  if (period === 'month') return at.toISOString().slice(0, 7);
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export interface Window { from: Date | null; to: Date | null }
const inWindow = (at: Date, w: Window) => (!w.from || at >= w.from) && (!w.to || at <= w.to);

export function coderStats(coder: { id: string; name: string }, h: History, w: Window, period: 'week' | 'month', all = false): CoderStatsDto {
  const mine = <T extends { coderId: string; at: Date }>(xs: T[]) => xs.filter((x) => (all || x.coderId === coder.id) && inWindow(x.at, w));
  const records = mine(h.records), disputes = mine(h.disputes), dc = mine(h.doubleCoding);
  const codesReviewed = records.reduce((s, r) => s + r.codesReviewed, 0);
  const codesUnchanged = records.reduce((s, r) => s + r.codesUnchanged, 0);
  const recordsUnchanged = records.filter((r) => !r.changed).length;
  const byTag: CoderStatsDto['errors']['byTag'] = {};
  let material = 0, nonMaterial = 0;
  for (const e of records.flatMap((r) => r.errors)) {
    const t = (byTag[e.tag] ??= { material: 0, nonMaterial: 0 });
    if (e.material) { t.material++; material++; } else { t.nonMaterial++; nonMaterial++; }
  }
  const buckets = new Map<string, ReviewRecord[]>();
  for (const r of records) {
    const b = bucketOf(r.at, period);
    buckets.set(b, [...(buckets.get(b) ?? []), r]);
  }
  const trend: TrendPointDto[] = [...buckets.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([bucket, rs]) => {
    const codeAccuracy = ratio(rs.reduce((s, r) => s + r.codesUnchanged, 0), rs.reduce((s, r) => s + r.codesReviewed, 0));
    return { bucket, records: rs.length, codeAccuracy, recordAccuracy: ratio(rs.filter((r) => !r.changed).length, rs.length), meetsTarget: codeAccuracy === null ? null : codeAccuracy >= ACCURACY_TARGET };
  });
  return {
    coder, from: w.from?.toISOString().slice(0, 10) ?? null, to: w.to?.toISOString().slice(0, 10) ?? null,
    encountersReviewed: new Set(records.map((r) => r.encounterId)).size, records: records.length,
    codesReviewed, codesUnchanged, codeAccuracy: ratio(codesUnchanged, codesReviewed),
    recordsUnchanged, recordAccuracy: ratio(recordsUnchanged, records.length),
    errors: { material, nonMaterial, byTag },
    disputes: { upheld: disputes.filter((d) => d.outcome === 'upheld').length, overturned: disputes.filter((d) => d.outcome === 'overturned').length, pending: disputes.filter((d) => d.outcome === 'pending').length },
    doubleCoding: {
      sessions: dc.length, agreed: dc.filter((d) => d.agreed).length, agreement: ratio(dc.filter((d) => d.agreed).length, dc.length),
      lineAgreement: dc.length === 0 ? null : dc.reduce((s, d) => s + d.lineAgreement, 0) / dc.length
    },
    trend, target: ACCURACY_TARGET
  };
}

const pct = (v: number | null) => (v === null ? '' : (v * 100).toFixed(1));

/** One row per coder (and the total), for spreadsheets. */
export function statsCsv(rows: CoderStatsDto[]): string {
  const head = ['coder', 'from', 'to', 'encounters_reviewed', 'records', 'codes_reviewed', 'codes_unchanged', 'code_accuracy_pct', 'record_accuracy_pct',
    'material_errors', 'non_material_errors', 'disputes_upheld', 'disputes_overturned', 'disputes_pending', 'double_coding_sessions', 'double_coding_agreement_pct', 'meets_target'];
  const cell = (v: string | number) => { const s = String(v); return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""').replace(/^([=+\-@])/, "'$1")}"` : s; };
  const lines = rows.map((r) => [r.coder.name, r.from ?? '', r.to ?? '', r.encountersReviewed, r.records, r.codesReviewed, r.codesUnchanged, pct(r.codeAccuracy), pct(r.recordAccuracy),
    r.errors.material, r.errors.nonMaterial, r.disputes.upheld, r.disputes.overturned, r.disputes.pending, r.doubleCoding.sessions, pct(r.doubleCoding.agreement),
    r.codeAccuracy === null ? '' : r.codeAccuracy >= r.target ? 'yes' : 'no'].map(cell).join(','));
  return [head.join(','), ...lines].join('\r\n') + '\r\n';
}
