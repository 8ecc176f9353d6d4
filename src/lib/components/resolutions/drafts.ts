/** Form drafts → request bodies (numbers parsed here; the server's zod schemas give the errors). */
import type { Reference, ReferenceKind } from '$lib/protocol/resolutions';

export interface RefDraft { kind: ReferenceKind; section: string; year: string; quarter: string; page: string; month: string; chapter: string; payer: string; policyId: string; url: string; title: string }
export const blankReference = (): RefDraft => ({ kind: 'coding-clinic', section: '', year: '', quarter: '', page: '', month: '', chapter: '', payer: '', policyId: '', url: '', title: '' });

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
const str = (s: string) => (s.trim() === '' ? undefined : s.trim());

export function toReference(r: RefDraft): Reference {
  switch (r.kind) {
    case 'guidelines': return { kind: 'guidelines', section: r.section.trim() };
    case 'coding-clinic': return { kind: 'coding-clinic', year: num(r.year)!, quarter: num(r.quarter)!, page: num(r.page)! };
    case 'cpt-assistant': return { kind: 'cpt-assistant', year: num(r.year)!, month: num(r.month)!, ...(num(r.page) ? { page: num(r.page) } : {}) };
    case 'ncci': return { kind: 'ncci', chapter: num(r.chapter)!, ...(str(r.section) ? { section: str(r.section) } : {}) };
    case 'payer-policy': return { kind: 'payer-policy', payer: r.payer.trim(), policyId: r.policyId.trim() };
    case 'url': return { kind: 'url', url: r.url.trim(), ...(str(r.title) ? { title: str(r.title) } : {}) };
  }
}
