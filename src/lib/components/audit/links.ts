/**
 * Where an audit record's target and the ids in its details lead, and its details as readable
 * key/value text. Only kinds with a page of their own become links; the rest stay text.
 */

/** The page of an audit target; undefined when it has none (queues, the organisation, the log itself). */
export function targetHref(type: string, id: string): string | undefined {
  const safe = encodeURIComponent(id);
  switch (type) {
    case 'encounter': return `/encounters/${safe}`;
    case 'forum-post': return `/forum/${safe}`;
    case 'user': return `/admin#user-${safe}`;
    case 'team': return `/admin#team-${safe}`;
    default: return undefined;
  }
}

export const TARGET_LABEL: Record<string, string> = { encounter: 'Encounter', 'forum-post': 'Forum post', user: 'User', team: 'Team', queue: 'Queue', org: 'Organisation', audit: 'Audit log' };

/** Detail keys that hold ids of a linkable kind. */
const ID_KINDS: Record<string, string> = {
  encounterId: 'encounter', encounterIds: 'encounter', postId: 'forum-post', postIds: 'forum-post', userId: 'user', userIds: 'user', teamId: 'team', teamIds: 'team'
};

export interface DetailPart { text: string; href?: string; title?: string }
export interface DetailRow { label: string; parts: DetailPart[] }

const MAX_LISTED = 5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** "encounterIds" → "encounters", "pageSize" → "page size", "flagId" → "flag". */
export function detailLabel(key: string): string {
  const plural = /Ids$/.test(key);
  const words = key.replace(/Ids?$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return plural ? `${words}s` : words;
}

const plain = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return UUID.test(v) ? v.slice(0, 8) : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length ? v.map(plain).join(', ') : 'none';
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  return entries.length ? entries.map(([k, x]) => `${detailLabel(k)} ${plain(x)}`).join(', ') : 'none';
};

export function detailRows(details: Record<string, unknown> | undefined): DetailRow[] {
  if (!details) return [];
  return Object.entries(details).filter(([, v]) => v !== undefined).map(([key, value]) => {
    const kind = ID_KINDS[key];
    const list = Array.isArray(value) ? value : [value];
    if (kind && list.every((x) => typeof x === 'string')) {
      if (list.length === 0) return { label: detailLabel(key), parts: [{ text: 'none' }] };
      const parts: DetailPart[] = (list as string[]).slice(0, MAX_LISTED).map((id) => ({ text: id.slice(0, 8), href: targetHref(kind, id), title: id }));
      if (list.length > MAX_LISTED) parts.push({ text: `and ${list.length - MAX_LISTED} more` });
      return { label: detailLabel(key), parts };
    }
    if (Array.isArray(value) && value.length > MAX_LISTED * 2) {
      return { label: detailLabel(key), parts: [{ text: `${plain(value.slice(0, MAX_LISTED))} and ${value.length - MAX_LISTED} more` }] };
    }
    return { label: detailLabel(key), parts: [{ text: plain(value), title: typeof value === 'string' ? value : undefined }] };
  });
}
