/**
 * The append-only audit log of PHI access and changes. Records are written through a batcher
 * (one insertMany per tick) and the caller awaits its record: an action the user is told
 * succeeded has its audit record stored. Nothing in the API updates or deletes records.
 */
import { randomUUID } from 'node:crypto';
import type { AuditDoc, Collections } from '../db/collections';
import { createWriteBatcher } from '../db/write-batcher';
import type { Actor } from '../context';

export interface AuditEntry { action: string; targetType: string; targetId: string; details?: Record<string, unknown> }

export interface AuditLog {
  record(actor: Actor, entry: AuditEntry): Promise<void>;
  flush(): Promise<void>;
}

export function createAuditLog(c: Collections): AuditLog {
  const batcher = createWriteBatcher<AuditDoc>(c.audit);
  return {
    record(actor, entry) {
      return batcher.insert({
        _id: randomUUID(),
        orgId: actor.orgId,
        actorId: actor.userId,
        actorName: actor.name,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        at: new Date(),
        address: actor.address,
        ...(entry.details ? { details: entry.details } : {})
      });
    },
    flush: () => batcher.flush()
  };
}
