/** Queue filters as they live in the URL (?queue=&status=…), so back/forward and links keep them. */
import { QUEUES, type Queue } from '$lib/protocol/encounters';

export interface Filters { status: string; category: string; setting: string; code: string; q: string; sort: string; order: string }
const KEYS = ['status', 'category', 'setting', 'code', 'q', 'sort', 'order'] as const;

export function fromUrl(params: URLSearchParams): { queue: Queue; filters: Filters; page: number } {
  const queue = (QUEUES as readonly string[]).includes(params.get('queue') ?? '') ? (params.get('queue') as Queue) : 'mine';
  const filters = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as unknown as Filters;
  filters.sort ||= 'updated';
  filters.order ||= 'desc';
  return { queue, filters, page: Math.max(1, Number(params.get('page')) || 1) };
}

export function toSearch(queue: Queue, filters: Filters, page: number): string {
  const p = new URLSearchParams();
  if (queue !== 'mine') p.set('queue', queue);
  for (const k of KEYS) {
    const v = filters[k];
    if (v && !(k === 'sort' && v === 'updated') && !(k === 'order' && v === 'desc')) p.set(k, v);
  }
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? '?' + s : '';
}

/** The API query: same keys, plus the queue and page size. */
export function apiQuery(queue: Queue, filters: Filters, page: number, pageSize: number): string {
  const p = new URLSearchParams({ queue, sort: filters.sort, order: filters.order, page: String(page), pageSize: String(pageSize) });
  for (const k of ['status', 'category', 'setting', 'code', 'q'] as const) if (filters[k]) p.set(k, filters[k]);
  return p.toString();
}
