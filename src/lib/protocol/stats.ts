/**
 * Coding-quality statistics, shared by browser and server. Definitions (docs/ARCHITECTURE.md
 * "Quality statistics"): a review record is an active resolution of a coder's encounter or a
 * finished mentor review (approved or completed); code-level accuracy = codes unchanged / codes
 * reviewed; record-level accuracy = records with no change / records; the usual target is 95%.
 */
import { z } from 'zod';
import type { ErrorTag } from './resolutions';

export const ACCURACY_TARGET = 0.95;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')), 'must be a real date');

export const statsQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  period: z.enum(['week', 'month']).default('week')
}).strict().refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });
export type StatsQuery = z.infer<typeof statsQuerySchema>;

export interface TrendPointDto { bucket: string; records: number; codeAccuracy: number | null; recordAccuracy: number | null; meetsTarget: boolean | null }

export interface CoderStatsDto {
  coder: { id: string; name: string };
  from: string | null;
  to: string | null;
  encountersReviewed: number;
  records: number;
  codesReviewed: number;
  codesUnchanged: number;
  codeAccuracy: number | null;
  recordsUnchanged: number;
  recordAccuracy: number | null;
  errors: { material: number; nonMaterial: number; byTag: Partial<Record<ErrorTag, { material: number; nonMaterial: number }>> };
  disputes: { upheld: number; overturned: number; pending: number };
  doubleCoding: { sessions: number; agreed: number; agreement: number | null; lineAgreement: number | null };
  trend: TrendPointDto[];
  target: number;
}

export interface TeamStatsDto { coders: CoderStatsDto[]; total: CoderStatsDto; target: number }
