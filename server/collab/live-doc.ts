/**
 * One encounter's code-set document in memory, with the gate every client update passes.
 *
 * Invariants:
 * - `shadow` holds exactly the state of `doc`. A client update is applied to the shadow first;
 *   only if it decodes, leaves nothing pending (no missing dependencies) and the result passes
 *   `checkShape` (judged on what the update changed: `checkShapeAfter`) is it applied to `doc`. A refused update leaves `doc` untouched (the shadow is
 *   rebuilt from `doc`).
 * - Changes made here on the server (REST, restore) are captured as one update and applied to
 *   the shadow too, so both stay equal.
 */
import * as Y from 'yjs';
import type { Socket } from 'socket.io';
import type { Awareness } from 'y-protocols/awareness';
import type { Actor } from '../context';
import type { ValidationDto } from '../../src/lib/protocol/codes';
import type { Setting } from '../../src/lib/protocol/encounters';
import { checkShape, checkShapeAfter, linesOf, rationaleOf } from '../../src/lib/collab/shape';
import { createServerAwareness } from './awareness';

export interface Member {
  socket: Socket;
  actor: Actor;
  canEdit: boolean;
  checkedAt: number;
  clientIds: Set<number>;
  /** Updates of one socket are handled one after another, in the order they were sent. */
  chain: Promise<unknown>;
}

export interface DocFacts { orgId: string; setting: Setting; dateOfService: string; locked: boolean }

export const MISSING_DEPENDENCIES = 'the update depends on changes the server does not have; sync first';

type Pending = { pendingStructs: unknown; pendingDs: unknown };
const hasPending = (d: Y.Doc) => !!((d.store as unknown as Pending).pendingStructs || (d.store as unknown as Pending).pendingDs);

export class LiveDoc {
  readonly doc = new Y.Doc();
  private shadow = new Y.Doc();
  readonly awareness: Awareness;
  readonly members = new Map<string, Member>();
  validation: ValidationDto | null = null;
  /** JSON of the code lines last written to the encounter (skip writes that change nothing). */
  projected = '';
  lastSeq = 0;
  baseSeq = 0;
  compacting = false;
  evictTimer: ReturnType<typeof setTimeout> | null = null;
  destroyed = false;

  constructor(readonly id: string, public facts: DocFacts) {
    linesOf(this.doc); rationaleOf(this.doc);
    linesOf(this.shadow); rationaleOf(this.shadow);
    this.awareness = createServerAwareness(this.doc);
  }

  get room() { return `collab:${this.id}`; }

  /** Null when `update` may be applied; else why not. Never changes `doc`. */
  gate(update: Uint8Array): string | null {
    let problem: string | null = null;
    let changed: Map<Y.AbstractType<any>, Set<string | null>> | null = null;
    const grab = (tr: Y.Transaction) => { changed = tr.changed; };
    this.shadow.on('afterTransaction', grab);
    try {
      Y.applyUpdate(this.shadow, update);
      if (hasPending(this.shadow)) problem = MISSING_DEPENDENCIES;
      // The shadow had the shape before this update: checking what it changed is enough.
      else problem = changed ? checkShapeAfter(this.shadow, changed) : checkShape(this.shadow);
    } catch {
      problem = 'the update is not a valid Yjs update';
    } finally {
      this.shadow.off('afterTransaction', grab);
    }
    if (problem) this.rebuildShadow();
    return problem;
  }

  /** Applies an update that passed the gate, or one from another server; true when it changed something. */
  apply(update: Uint8Array, origin: unknown, gated: boolean): boolean {
    let changed = false;
    const mark = () => { changed = true; };
    this.doc.on('update', mark);
    try { Y.applyUpdate(this.doc, update, origin); } finally { this.doc.off('update', mark); }
    if (!gated) Y.applyUpdate(this.shadow, update);
    return changed;
  }

  /** Runs a change on `doc` as one transaction; the update it made, or null when nothing changed. */
  change(origin: unknown, fn: (doc: Y.Doc) => void): Uint8Array | null {
    const parts: Uint8Array[] = [];
    const collect = (u: Uint8Array) => parts.push(u);
    this.doc.on('update', collect);
    try { this.doc.transact(() => fn(this.doc), origin); } finally { this.doc.off('update', collect); }
    if (parts.length === 0) return null;
    const update = parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
    Y.applyUpdate(this.shadow, update);
    return update;
  }

  private rebuildShadow() {
    this.shadow.destroy();
    this.shadow = new Y.Doc();
    linesOf(this.shadow); rationaleOf(this.shadow);
    Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc));
  }

  destroy() {
    this.destroyed = true;
    if (this.evictTimer) clearTimeout(this.evictTimer);
    this.awareness.destroy();
    this.doc.destroy();
    this.shadow.destroy();
  }
}
