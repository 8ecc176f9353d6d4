/**
 * Live co-editing of an encounter's code lines (Yjs over Socket.IO). Event names, payload
 * schemas and answers shared by browser and server.
 *
 * Every payload names its encounter; binary fields are Yjs/y-protocols bytes. Socket.IO hands
 * them over as Buffer in Node and ArrayBuffer (or a typed array) in browsers, so the schemas
 * accept all three and give a Uint8Array.
 * Sync follows y-protocols: the client sends its state vector (step 1) and gets back what it
 * lacks plus the server's state vector (step 2 and the server's step 1), then sends what the
 * server lacks as an ordinary `collab.update`.
 */
import { z } from 'zod';
import type { ValidationDto } from './codes';

export const COLLAB_EVENTS = {
  join: 'collab.join',
  leave: 'collab.leave',
  sync: 'collab.sync',
  update: 'collab.update',
  awareness: 'collab.awareness',
  findings: 'collab.findings',
  state: 'collab.state',
  history: 'collab.history',
  diff: 'collab.diff',
  restore: 'collab.restore'
} as const;

/** An update larger than this is refused (a whole 200-line code set is a few tens of kB). */
export const MAX_UPDATE_BYTES = 256 * 1024;

export const toBytes = (v: unknown): Uint8Array | null => {
  if (v instanceof Uint8Array) return v.constructor === Uint8Array ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return null;
};

export const bytesSchema = (max = MAX_UPDATE_BYTES) => z.custom<Uint8Array>((v) => toBytes(v) !== null, 'must be binary')
  .transform((v) => toBytes(v)!)
  .refine((b) => b.byteLength > 0, 'must not be empty')
  .refine((b) => b.byteLength <= max, `must be at most ${max} bytes`);

const encounterId = z.string().min(1).max(64);

export const collabJoinSchema = z.object({ encounterId }).strict();
export const collabLeaveSchema = collabJoinSchema;
export const collabSyncSchema = z.object({ encounterId, stateVector: bytesSchema(64 * 1024) }).strict();
export const collabUpdateSchema = z.object({ encounterId, update: bytesSchema() }).strict();
export const collabAwarenessSchema = z.object({ encounterId, update: bytesSchema(16 * 1024) }).strict();
export const collabHistorySchema = collabJoinSchema;
export const collabDiffSchema = z.object({ encounterId, from: z.string().min(1).max(64), to: z.string().min(1).max(64) }).strict();
export const collabRestoreSchema = z.object({ encounterId, versionId: z.string().min(1).max(64) }).strict();

/** Why a member may only read: their role/relation, or a locked code set. */
export type ReadOnlyReason = 'permission' | 'locked';

export interface CollabJoinDto {
  encounterId: string;
  readOnly: boolean;
  reason: ReadOnlyReason | null;
  locked: boolean;
  /** The latest findings of the document (null before the first validation). */
  validation: ValidationDto | null;
  /** The awareness states already present (y-protocols awareness update), or null. */
  awareness: Uint8Array | null;
  /** The joining user's marker colour. */
  color: string;
}
export interface CollabSyncDto { update: Uint8Array; stateVector: Uint8Array }
export interface CollabUpdateAckDto { stored: true }
/** Server → room: the updates the document accepted in one round (one tick), in order; a member
 * never gets its own back. Apply them in one transaction. */
export interface CollabUpdatesDto { encounterId: string; updates: Uint8Array[] }
/** Server → room: the validation of the document's current lines. */
export interface CollabFindingsDto { encounterId: string; validation: ValidationDto }
/** Server → room: the lock or a member's right changed. */
export interface CollabStateDto { encounterId: string; locked: boolean }

export interface VersionAuthorDto { id: string; name: string }
export interface VersionDto { id: string; at: string; authors: VersionAuthorDto[]; label: string; lines: number }

export interface LineChangeDto { lineId: string; code: string; field: string; before: unknown; after: unknown }
export interface VersionDiffDto {
  from: string; to: string;
  added: { lineId: string; code: string; system: string; role: string }[];
  removed: { lineId: string; code: string; system: string; role: string }[];
  changed: LineChangeDto[];
  resequenced: { lineId: string; code: string; from: number; to: number }[];
  principal: { before: string | null; after: string | null } | null;
  rationaleChanged: boolean;
}
