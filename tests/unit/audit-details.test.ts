/** Audit records read by a person: targets and ids in details become links, the rest key/value text. */
import { describe, expect, it } from 'vitest';
import { detailLabel, detailRows, targetHref } from '../../src/lib/components/audit/links';

const id = (n: number) => `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;

describe('audit links', () => {
  it('links targets that have a page, and only those', () => {
    expect(targetHref('encounter', id(1))).toBe(`/encounters/${id(1)}`);
    expect(targetHref('forum-post', id(2))).toBe(`/forum/${id(2)}`);
    expect(targetHref('user', id(3))).toBe(`/admin#user-${id(3)}`);
    expect(targetHref('team', id(4))).toBe(`/admin#team-${id(4)}`);
    for (const t of ['queue', 'org', 'audit', 'something-new']) expect(targetHref(t, 'x')).toBeUndefined();
    expect(targetHref('encounter', '../x?y')).toBe('/encounters/..%2Fx%3Fy');
  });

  it('labels keys as words', () => {
    expect(detailLabel('encounterIds')).toBe('encounters');
    expect(detailLabel('pageSize')).toBe('page size');
    expect(detailLabel('flagId')).toBe('flag');
    expect(detailLabel('via')).toBe('via');
  });

  it('renders details as key/value text with linked ids, never as JSON', () => {
    const rows = detailRows({
      via: 'import', fields: ['title', 'patient'], lines: 3, filters: { status: 'open', code: 'E11' }, empty: [],
      encounterId: id(1), postIds: [id(1), id(2), id(3), id(4), id(5), id(6), id(7)], flagId: id(9)
    });
    const text = Object.fromEntries(rows.map((r) => [r.label, r.parts.map((p) => p.text).join(', ')]));
    expect(text).toEqual({
      via: 'import', fields: 'title, patient', lines: '3', filters: 'status open, code E11', empty: 'none',
      encounter: '00000001', 'posts': '00000001, 00000002, 00000003, 00000004, 00000005, and 2 more', flag: '00000009'
    });
    const links = rows.flatMap((r) => r.parts.filter((p) => p.href).map((p) => p.href));
    expect(links).toEqual([`/encounters/${id(1)}`, ...[1, 2, 3, 4, 5].map((n) => `/forum/${id(n)}`)]);
    expect(JSON.stringify(rows)).not.toMatch(/\{\\"/);
    expect(detailRows(undefined)).toEqual([]);
  });

  it('shortens long lists that are not ids', () => {
    const [row] = detailRows({ recordIds: Array.from({ length: 50 }, (_, i) => `r${i}`) });
    expect(row!.label).toBe('records');
    expect(row!.parts[0]!.text).toBe('r0, r1, r2, r3, r4 and 45 more');
  });
});
