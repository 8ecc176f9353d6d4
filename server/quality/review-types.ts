/** Sub-documents of a mentor review (server/quality/collections.ts ReviewDoc). */
import type { DiffEntry } from './diff';
export type { ReviewState } from '../../src/lib/protocol/reviews';

export interface ReviewCommentDoc { id: string; lineId: string | null; body: string; byId: string; byName: string; at: Date }
export interface ReviewChangeDoc extends DiffEntry {
  id: string;
  byId: string;
  response: { value: 'agree' | 'dispute'; reason: string | null; at: Date } | null;
  decision: { value: 'uphold' | 'overturn'; reason: string; byId: string; byName: string; at: Date } | null;
}
