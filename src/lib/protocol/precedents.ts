/**
 * The precedent library: de-identified decisions the team can find again. Precedents never
 * carry a patient identifier, an encounter id or the original documentation.
 */
import { z } from 'zod';
import { FLAG_CATEGORIES, SETTINGS, type CodeLine, type FlagCategory, type Setting } from './encounters';
import { REFERENCE_KINDS, type Outcome, type Reference } from './resolutions';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const precedentQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  /** Comma-separated codes; every one must be among the precedent's final codes (a 3-character category matches its family). */
  codes: z.string().trim().max(200).regex(/^[A-Za-z0-9., ]*$/, 'must be codes separated by commas').optional(),
  category: z.enum(FLAG_CATEGORIES).optional(),
  setting: z.enum(SETTINGS).optional(),
  reference: z.enum(REFERENCE_KINDS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional()
}).strict();
export type PrecedentQuery = z.infer<typeof precedentQuerySchema>;

export interface PrecedentDto {
  id: string;
  title: string;
  setting: Setting;
  categories: FlagCategory[];
  factPattern: string;
  question: string;
  answer: string;
  rationale: string;
  references: (Reference & { cite: string })[];
  outcome: Outcome;
  codes: Pick<CodeLine, 'system' | 'code' | 'role'>[];
  resolvedBy: string;
  resolvedAt: string;
}

export interface PrecedentHitDto extends PrecedentDto {
  score: number;
  /** Why it is shown: shared codes, shared families, same category, similar words. */
  why: string[];
}

export interface SimilarPrecedentsDto {
  byFlag: Record<string, PrecedentHitDto[]>;
  /** Precedents that decided this line's code together with another code of the encounter. */
  byLine: Record<string, PrecedentHitDto[]>;
}
