/** Display helpers shared by the encounter, queue and forum screens. */
import type { ApiClientError } from '$lib/api/client';

/** "history-and-physical" → "History and physical". */
export const humanize = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1).replaceAll('-', ' ') : s);

export const fmtDate = (iso: string) => {
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: iso.length === 10 ? 'UTC' : undefined });
};
export const fmtDateTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const STATUS_CLASS: Record<string, string> = {
  open: 'bg-amber-50 text-amber-800 ring-amber-200',
  'in-discussion': 'bg-sky-50 text-sky-800 ring-sky-200',
  resolved: 'bg-emerald-50 text-emerald-800 ring-emerald-200'
};

/** Removes empty strings (and objects left empty) so optional fields are omitted, not sent as "". */
export function compact<T extends Record<string, unknown>>(obj: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string' && v.trim() === '') continue;
    if (v === undefined || v === null) continue;
    out[k] = v;
  }
  return out as Partial<T>;
}

/** A server error as a message, for a field map keyed like "documents.0.text". */
export function errorMessage(e: unknown, fallback: string): string {
  const err = e as Partial<ApiClientError>;
  return typeof err?.message === 'string' && err.message ? err.message : fallback;
}
