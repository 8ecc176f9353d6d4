/**
 * Collections of resolutions, precedents, mentor reviews and double coding. They live here, not
 * in db/collections.ts, so this feature owns its documents; indexes are created once per
 * database handle before the first read or write of them (`qualityCollections` awaits it).
 *
 * Write discipline (server/db/storage):
 * - append-only records (claims, resolutions, reopens, precedents, baselines) are plain inserts;
 *   "exactly one wins" is a unique _id (a resolution claim per encounter, target and generation);
 * - documents that change (reviews, double-coding sessions) go through `storage.versioned`.
 */
import type { Collection, Db } from 'mongodb';
import type { Database } from '../db/client';
import type { VersionedStore } from '../db/storage';
import type { CodeLine, FlagCategory, Setting } from '../../src/lib/protocol/encounters';
import type { ErrorTagDto, Outcome, Reference, SeverityChangeDto } from '../../src/lib/protocol/resolutions';
import type { ReviewChangeDoc, ReviewCommentDoc, ReviewState } from './review-types';


export type Target = { type: 'flag'; flagId: string } | { type: 'encounter' };

/** `_id` = `<encounterId>:<flagId|encounter>:<generation>`; its insert is the right to resolve. */
export interface ResolutionClaimDoc { _id: string; orgId: string; encounterId: string; at: Date }

export interface ResolutionDoc {
  _id: string;
  orgId: string;
  encounterId: string;
  claimId: string;
  target: Target;
  flagIds: string[];
  categories: FlagCategory[];
  summary: string;
  rationale: string;
  references: Reference[];
  outcome: Outcome;
  errorTags: ErrorTagDto[];
  severityChange: SeverityChangeDto | null;
  proposedCodeLines: CodeLine[];
  finalCodeLines: CodeLine[];
  encounterRevision: number;
  collabVersionId: string | null;
  setting: Setting;
  coderId: string;
  coderName: string;
  resolvedById: string;
  resolvedByName: string;
  at: Date;
}

/** `_id` = the claim id of the resolution it reopens: one reopen per resolution. */
export interface ReopenDoc { _id: string; orgId: string; encounterId: string; resolutionId: string; reason: string; byId: string; byName: string; at: Date }

/** The code lines when a flag was raised: "the original coding" a resolution compares with. */
export interface BaselineDoc { _id: string; orgId: string; encounterId: string; flagId: string; codeLines: CodeLine[]; at: Date }

/** A de-identified precedent; `_id` = its resolution's id. Never holds a patient identifier. */
export interface PrecedentDoc {
  _id: string;
  orgId: string;
  resolutionId: string;
  encounterId: string;
  title: string;
  setting: Setting;
  categories: FlagCategory[];
  factPattern: string;
  question: string;
  answer: string;
  rationale: string;
  references: Reference[];
  outcome: Outcome;
  codes: { system: CodeLine['system']; code: string; role: CodeLine['role'] }[];
  resolvedByName: string;
  at: Date;
  redactions: number;
}

export interface ReviewDoc {
  _id: string;
  orgId: string;
  encounterId: string;
  /** `<encounterId>#<n>`: the n-th review of the encounter, unique, so two requests at once cannot both open one. */
  slot?: string;
  encounterTitle: string;
  coderId: string;
  coderName: string;
  reviewerId: string | null;
  /** Who actually reviewed (the named reviewer, or the senior of the team who took it). */
  reviewedById: string | null;
  reviewedByName: string | null;
  teamId: string | null;
  reviewerLines: CodeLine[] | null;
  errorTags: ErrorTagDto[];
  state: ReviewState;
  submittedCodeLines: CodeLine[];
  history: { state: ReviewState; byId: string; byName: string; at: Date; note: string | null }[];
  comments: ReviewCommentDoc[];
  changes: ReviewChangeDoc[];
  createdAt: Date;
  updatedAt: Date;
  revision?: number;
}

export interface DoubleCodingDoc {
  _id: string;
  orgId: string;
  encounterId: string;
  coderId: string;
  coderName: string;
  seniorId: string;
  seniorName: string;
  coder: { lines: CodeLine[]; submittedAt: Date } | null;
  senior: { lines: CodeLine[]; submittedAt: Date } | null;
  threads: { key: string; threadId: string }[];
  createdAt: Date;
  revision?: number;
}

export interface QualityCollections {
  claims: Collection<ResolutionClaimDoc>;
  resolutions: Collection<ResolutionDoc>;
  reopens: Collection<ReopenDoc>;
  baselines: Collection<BaselineDoc>;
  precedents: Collection<PrecedentDoc>;
  reviews: Collection<ReviewDoc>;
  doubleCoding: Collection<DoubleCodingDoc>;
  reviewStore: VersionedStore<ReviewDoc>;
  doubleCodingStore: VersionedStore<DoubleCodingDoc>;
}

const cache = new WeakMap<Db, Promise<QualityCollections>>();

async function open(database: Pick<Database, 'db' | 'storage'>): Promise<QualityCollections> {
  const { db } = database;
  const q = {
    claims: db.collection<ResolutionClaimDoc>('resolution_claims'),
    resolutions: db.collection<ResolutionDoc>('resolutions'),
    reopens: db.collection<ReopenDoc>('resolution_reopens'),
    baselines: db.collection<BaselineDoc>('flag_baselines'),
    precedents: db.collection<PrecedentDoc>('precedents'),
    reviews: db.collection<ReviewDoc>('reviews'),
    doubleCoding: db.collection<DoubleCodingDoc>('double_coding')
  };
  await Promise.all([
    q.claims.createIndex({ encounterId: 1 }, { name: 'encounter' }),
    q.resolutions.createIndex({ claimId: 1 }, { unique: true, name: 'claim_unique' }),
    q.resolutions.createIndex({ orgId: 1, encounterId: 1 }, { name: 'org_encounter' }),
    q.reopens.createIndex({ orgId: 1, encounterId: 1 }, { name: 'org_encounter' }),
    q.baselines.createIndex({ encounterId: 1 }, { name: 'encounter' }),
    q.precedents.createIndex({ orgId: 1, at: -1 }, { name: 'org_time' }),
    q.reviews.createIndex({ orgId: 1, encounterId: 1 }, { name: 'org_encounter' }),
    q.reviews.createIndex({ slot: 1 }, { unique: true, sparse: true, name: 'slot_unique' }),
    q.doubleCoding.createIndex({ orgId: 1, encounterId: 1 }, { name: 'org_encounter' })
  ]);
  return {
    ...q,
    reviewStore: database.storage.versioned('reviews', q.reviews),
    doubleCodingStore: database.storage.versioned('double_coding', q.doubleCoding)
  };
}

export function qualityCollections(database: Pick<Database, 'db' | 'storage'>): Promise<QualityCollections> {
  let p = cache.get(database.db);
  if (!p) {
    p = open(database);
    p.catch(() => cache.delete(database.db));
    cache.set(database.db, p);
  }
  return p;
}
