/**
 * Client for /api/codes. Search has its own fetch because the shared client cannot take an
 * AbortSignal, and autocomplete must drop stale requests. Recent search answers are cached so
 * typing back over a prefix (backspace) answers at once without another round trip.
 */
import { api, ApiClientError } from './client';
import type { CodeSearchResultDto, CodeSetStatusDto, ValidationDto } from '$lib/protocol/codes';
import type { CodeLineInput, Setting } from '$lib/protocol/encounters';
import type { ApiError } from '$lib/protocol/errors';

export type CodeSystemName = CodeSearchResultDto['system'];

export interface CodeRefDto { code: string; description: string; billable: boolean }
export interface ExcludesNoteDto { type: 'excludes1' | 'excludes2'; level: string; from: string; printedAt: string; title: string; chapter: number; text: string }
export interface CodeChangeDto { kind: string; code: string; fy: number; billable?: boolean; previousBillable?: boolean; short?: string; long?: string; previousShort?: string; previousLong?: string }
export type TabularNoteKind = 'includes' | 'excludes1' | 'excludes2' | 'codeFirst' | 'useAdditionalCode' | 'codeAlso' | 'notes';
export interface TabularNoteGroupDto { kind: TabularNoteKind; from: 'chapter' | 'section' | 'category' | 'subcategory' | 'code'; printedAt: string; title: string; texts: string[] }
export interface TabularDetailsDto {
  chapter: { number: number; title: string; first: string; last: string } | null;
  section: { id: string; title: string; first: string; last: string } | null;
  inclusionTerms: string[]; notes: TabularNoteGroupDto[];
  sevenChr: { printedAt: string; from: string; note: string[]; chars: { char: string; meaning: string }[] } | null;
  manifestation: boolean;
}
/** Mirrors server/codes/details.ts (the protocol module has no DTO for it yet). */
export interface CodeDetailsDto {
  system: CodeSystemName; code: string; description: string; shortDescription: string; billable: boolean;
  kind: 'code' | 'header' | 'modifier'; year: number | null; inYear: boolean; years: number[];
  parents: CodeRefDto[]; children: CodeRefDto[];
  chapter: { number: number; from: string; to: string; title: string } | null; section: string | null;
  excludes1: ExcludesNoteDto[]; excludes2: ExcludesNoteDto[]; changes: CodeChangeDto[];
  tabular: TabularDetailsDto | null; notesSource: string; severity: 'CC' | 'MCC' | null;
  hcpcs?: { dateAdded: string | null; actionEffectiveDate: string | null; terminationDate: string | null; actionCode: string; coverageCode: string };
}

const CACHE_SIZE = 60;
const cache = new Map<string, CodeSearchResultDto[]>();

export interface SearchParams { q: string; system: CodeSystemName | 'all'; date?: string; limit?: number }

/** Throws ApiClientError (503 `unavailable` when code sets are off); AbortError when superseded. */
export async function searchCodes(p: SearchParams, signal?: AbortSignal): Promise<CodeSearchResultDto[]> {
  const q = p.q.trim();
  const key = `${p.system}|${p.date ?? ''}|${p.limit ?? ''}|${q.toLowerCase()}`;
  const hit = cache.get(key);
  if (hit) { cache.delete(key); cache.set(key, hit); return hit; } // refresh LRU position
  const qs = new URLSearchParams({ q, system: p.system, ...(p.date ? { date: p.date } : {}), ...(p.limit ? { limit: String(p.limit) } : {}) });
  const res = await fetch(`/api/codes/search?${qs}`, { credentials: 'same-origin', signal });
  const json = (await res.json().catch(() => null)) as { data?: CodeSearchResultDto[]; error?: ApiError } | null;
  if (!res.ok || !json?.data) {
    throw new ApiClientError(res.status, json?.error?.code ?? 'unknown', json?.error?.message ?? `Search failed (${res.status})`, json?.error?.field);
  }
  cache.set(key, json.data);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return json.data;
}

export const codeDetails = (system: CodeSystemName, code: string, date?: string) =>
  api.get<CodeDetailsDto>(`/api/codes/${encodeURIComponent(system)}/${encodeURIComponent(code)}${date ? `?date=${date}` : ''}`);

export const codeSetStatus = () => api.get<CodeSetStatusDto>('/api/codes/status');

export const validateCodeLines = (body: { setting: Setting; dateOfService: string; codeLines: (CodeLineInput & { id: string })[] }) =>
  api.post<ValidationDto>('/api/codes/validate', body);

export const uploadCpt = (csv: string) => api.put<{ loaded: number }>('/api/codes/cpt', { csv });
