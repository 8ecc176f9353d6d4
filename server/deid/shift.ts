/**
 * Choosing the date shift of a forum copy. One offset moves every date of the encounter, so
 * intervals survive; it is bounded so that
 *  - the shifted date of service stays in the same fiscal year (Oct 1 - Sep 30, by date of
 *    service), the year the codes were validated against;
 *  - no shifted date that was in the past lands in the future (`today`);
 *  - it is at least a week either way when the window allows, and never 0.
 * Invariant: pure; the caller passes the random source. Returns null when no non-zero shift
 * fits (date of service on Oct 1 published the same day): the caller falls back to year-only.
 */
import { fiscalYearFor, fiscalYearRange } from '../codes/fiscal-year';
import { parseDate } from './dates';
import type { Candidate, DeidEncounterInput } from './types';

const DAY = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(iso + 'T00:00:00Z') / DAY);
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export interface ShiftChoice { days: number; fiscalYear: number }

/** The latest full date (day, month, year) written in the encounter that is not after today. */
export function latestPastDate(enc: DeidEncounterInput, candidates: Candidate[], today: string): string {
  const refYear = Number(enc.dateOfService.slice(0, 4));
  let latest = enc.dateOfService;
  for (const c of candidates) {
    if (c.type !== 'DATE' || c.location.field.startsWith('patient.')) continue;
    const p = parseDate(c.text.trim(), refYear);
    if (!p?.y || !p.m || !p.d) continue;
    const d = iso(p.y, p.m, p.d);
    if (d <= today && d > latest) latest = d;
  }
  return latest;
}

export function chooseDateShift(dateOfService: string, today: string, latest: string, random: (n: number) => number): ShiftChoice | null {
  const fiscalYear = fiscalYearFor(dateOfService);
  const { start, end } = fiscalYearRange(fiscalYear);
  const dos = dayNumber(dateOfService);
  const min = dayNumber(start) - dos;
  const max = Math.min(dayNumber(end) - dos, dayNumber(today) - Math.max(dos, dayNumber(latest)));
  const pick = (minAbs: number): number | null => {
    const options: [number, number][] = [];
    const negTop = Math.min(-minAbs, max);
    if (min <= negTop) options.push([min, negTop]);
    if (max >= minAbs) options.push([minAbs, max]);
    const total = options.reduce((n, [a, b]) => n + b - a + 1, 0);
    if (total <= 0) return null;
    let k = random(total);
    for (const [a, b] of options) { if (k <= b - a) return a + k; k -= b - a + 1; }
    return null;
  };
  const days = pick(7) ?? pick(1);
  return days === null ? null : { days, fiscalYear };
}
