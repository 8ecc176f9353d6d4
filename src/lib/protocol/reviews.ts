/**
 * Mentor review and blind double coding, shared by browser and server.
 *
 * Review states: requested → approved (final) | changes-requested → (coder answers every
 * change) → disputed (while a dispute waits for its decider) → completed. Every transition is
 * appended to the review's history. A dispute is decided by an admin or a senior who is
 * neither the reviewer nor the coder; that decision is final and counted in the statistics.
 * Double coding: each side's lines are hidden from the other until both have submitted; the
 * difference exists only then.
 */
import { z } from 'zod';
import { codeLineWithIdSchema, LIMITS, type CodeLine } from './encounters';
import { errorTagInputSchema, type ErrorTagDto } from './resolutions';

export const REVIEW_STATES = ['requested', 'approved', 'changes-requested', 'disputed', 'completed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

const id = z.string().uuid('must be an id');
const reason = z.string().max(2_000).refine((s) => s.trim().length > 0, 'must not be empty');

export const requestReviewSchema = z.object({ reviewerId: id.optional(), teamId: id.optional(), note: z.string().trim().max(1_000).optional() })
  .strict().refine((v) => (v.reviewerId ? 1 : 0) + (v.teamId ? 1 : 0) === 1, { message: 'name a reviewer or a team (one of them)', path: ['reviewerId'] });

export const submitReviewSchema = z.object({
  decision: z.enum(['approve', 'request-changes']),
  /** The reviewer's code set: what differs from the coder's submitted lines are the reviewer's changes. */
  codeLines: z.array(codeLineWithIdSchema).max(LIMITS.codeLines).optional(),
  comments: z.array(z.object({ lineId: z.string().min(1).max(64).nullable().optional(), body: reason }).strict()).max(100).default([]),
  errorTags: z.array(errorTagInputSchema).max(20).default([]),
  note: z.string().trim().max(1_000).optional()
}).strict();

export const respondSchema = z.object({ response: z.enum(['agree', 'dispute']), reason: z.string().max(2_000).optional() }).strict()
  .refine((v) => v.response === 'agree' || (v.reason ?? '').trim().length > 0, { message: 'a dispute needs a reason', path: ['reason'] });
export const decideSchema = z.object({ decision: z.enum(['uphold', 'overturn']), reason }).strict();

export const startDoubleCodingSchema = z.object({}).strict();
/** `codeLines` (the senior's blind lines, or any side's own), or `current: true`: the coder submits
 * the encounter's live code set as it is now (the server reads it, so no edit of the last second
 * is missed). */
export const submitCodingSchema = z.object({ codeLines: z.array(codeLineWithIdSchema).max(LIMITS.codeLines).optional(), current: z.literal(true).optional() }).strict()
  .refine((v) => (v.codeLines === undefined) !== (v.current === undefined), { message: 'send either codeLines or current: true', path: ['codeLines'] });
export const diffThreadSchema = z.object({ key: z.string().min(1).max(120), clientId: z.string().uuid('must be a UUID made by the client') }).strict();

type Person = { id: string; name: string };
export interface LineBriefDto { id: string; system: CodeLine['system']; code: string; role: CodeLine['role']; poa: string | null; modifiers: string[]; position: number }
export interface DiffEntryDto { key: string; kind: 'added' | 'removed' | 'changed' | 'resequenced' | 'principal-changed'; before: LineBriefDto | null; after: LineBriefDto | null; fields: string[] }

export interface ReviewChangeDto extends DiffEntryDto {
  id: string;
  response: { value: 'agree' | 'dispute'; reason: string | null; at: string } | null;
  decision: { value: 'uphold' | 'overturn'; reason: string; by: Person; at: string } | null;
}
export interface ReviewDto {
  id: string;
  encounterId: string;
  encounterTitle: string;
  coder: Person;
  reviewer: Person | null;
  teamId: string | null;
  state: ReviewState;
  submittedCodeLines: CodeLine[];
  comments: { id: string; lineId: string | null; body: string; by: Person; at: string }[];
  changes: ReviewChangeDto[];
  errorTags: ErrorTagDto[];
  history: { state: ReviewState; by: Person; at: string; note: string | null }[];
  createdAt: string;
  updatedAt: string;
}

export interface DoubleCodingDto {
  id: string;
  encounterId: string;
  coder: Person;
  senior: Person;
  /** Your own lines; the other side's only after both submitted. */
  coderLines: CodeLine[] | null;
  seniorLines: CodeLine[] | null;
  coderSubmitted: boolean;
  seniorSubmitted: boolean;
  complete: boolean;
  threads: { key: string; threadId: string }[];
}
export interface DoubleCodingDiffDto { entries: DiffEntryDto[]; agreed: boolean; lineAgreement: number; coderLines: CodeLine[]; seniorLines: CodeLine[] }
