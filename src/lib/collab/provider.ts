/**
 * A Yjs provider over the app's Socket.IO connection (browser and Node tests alike).
 *
 * Invariants:
 * - On every (re)connect: join, then y-protocols sync (send our state vector, apply what we
 *   lack, send what the server lacks). Edits made while offline are therefore sent on
 *   reconnect, and nothing needs queueing: a sent update that was not acknowledged is simply
 *   part of the next sync.
 * - Local changes (any transaction whose origin is not this provider) are sent as
 *   `collab.update`, those of one synchronous run merged into one update (sent in a microtask,
 *   so nothing waits); changes from the server (a round of updates, applied in one
 *   transaction) are applied with this provider as origin, so an UndoManager tracking
 *   LOCAL_ORIGIN never undoes someone else's change.
 * - A 409 answer (the server lacks something our update builds on) triggers a fresh sync.
 * - destroy() leaves the room and destroys the awareness it created; the caller owns the doc.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Socket } from 'socket.io-client';
import type { Ack } from '../protocol/errors';
import { COLLAB_EVENTS, toBytes, type CollabJoinDto, type CollabSyncDto, type ReadOnlyReason } from '../protocol/collab';
import { bytesList } from './wire';
import type { ValidationDto } from '../protocol/codes';

/** The origin of the user's own edits (pass it to doc.transact; UndoManager tracks it). */
export const LOCAL_ORIGIN = 'local-user';

export type ProviderStatus = 'connecting' | 'synced' | 'offline' | 'failed';
export interface ProviderState {
  status: ProviderStatus;
  readOnly: boolean;
  reason: ReadOnlyReason | null;
  locked: boolean;
  validation: ValidationDto | null;
  /** The last refusal or failure, in words. */
  error: string | null;
  color: string;
}

type AnySocket = Pick<Socket, 'on' | 'off' | 'emit' | 'connected' | 'timeout'>;

export class CollabProvider {
  readonly awareness: awarenessProtocol.Awareness;
  state: ProviderState = { status: 'connecting', readOnly: true, reason: null, locked: false, validation: null, error: null, color: '#64748b' };
  private readonly listeners = new Set<(s: ProviderState) => void>();
  private syncing: Promise<void> | null = null;
  private destroyed = false;
  private synced!: () => void;
  /** Resolves after the first successful sync. */
  readonly whenSynced = new Promise<void>((resolve) => (this.synced = resolve));
  /** Acks still outstanding, local changes not yet sent included (tests and the benchmark wait for zero). */
  inFlight = 0;
  /** Local updates of the current synchronous run, sent together in a microtask. */
  private outgoing: Uint8Array[] = [];

  constructor(private readonly socket: AnySocket, readonly encounterId: string, readonly doc: Y.Doc, private readonly timeoutMs = 15_000) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    socket.on(COLLAB_EVENTS.update, this.onRemoteUpdate);
    socket.on(COLLAB_EVENTS.awareness, this.onRemoteAwareness);
    socket.on(COLLAB_EVENTS.findings, this.onFindings);
    socket.on(COLLAB_EVENTS.state, this.onState);
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    if (socket.connected) this.onConnect();
  }

  subscribe(fn: (s: ProviderState) => void): () => void {
    this.listeners.add(fn);
    fn(this.state);
    return () => this.listeners.delete(fn);
  }
  private set(patch: Partial<ProviderState>) {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn(this.state);
  }

  private call<T>(event: string, payload: unknown): Promise<Ack<T>> {
    if (!this.socket.connected) return Promise.resolve({ ok: false, error: { code: 'offline', message: 'Not connected' } } as Ack<T>);
    return new Promise((resolve) => {
      this.socket.timeout(this.timeoutMs).emit(event, payload, (err: Error | null, ack: Ack<T>) =>
        resolve(err ? ({ ok: false, error: { code: 'timeout', message: 'The server did not answer in time' } } as Ack<T>) : ack));
    });
  }

  /** Joins and syncs; safe to call again (reconnect, 409). */
  sync(): Promise<void> {
    this.syncing ??= this.runSync().finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async runSync() {
    this.set({ status: 'connecting' });
    const joined = await this.call<CollabJoinDto>(COLLAB_EVENTS.join, { encounterId: this.encounterId });
    if (this.destroyed) return;
    if (!joined.ok) return this.set({ status: joined.error.code === 'offline' ? 'offline' : 'failed', error: joined.error.message });
    const j = joined.data;
    this.set({ readOnly: j.readOnly, reason: j.reason, locked: j.locked, color: j.color, ...(j.validation ? { validation: j.validation } : {}) });
    if (j.awareness) awarenessProtocol.applyAwarenessUpdate(this.awareness, toBytes(j.awareness)!, this);
    const step = await this.call<CollabSyncDto>(COLLAB_EVENTS.sync, { encounterId: this.encounterId, stateVector: wire(Y.encodeStateVector(this.doc)) });
    if (this.destroyed) return;
    if (!step.ok) return this.set({ status: 'failed', error: step.error.message });
    const update = toBytes(step.data.update);
    const serverVector = toBytes(step.data.stateVector);
    if (!update || !serverVector) {
      const kind = (v: unknown) => Object.prototype.toString.call(v);
      return this.set({ status: 'failed', error: `The server's sync answer was not binary (${kind(step.data.update)}, ${kind(step.data.stateVector)})` });
    }
    Y.applyUpdate(this.doc, update, this);
    const missing = j.readOnly ? null : Y.encodeStateAsUpdate(this.doc, serverVector);
    // From here on every local change is sent as it happens (no gap after the diff).
    this.set({ status: 'synced', error: null });
    if (this.awareness.getLocalState()) this.sendAwareness([this.doc.clientID]);
    if (missing && hasContent(missing)) await this.send(missing);
    this.synced();
  }

  private async send(update: Uint8Array) {
    this.inFlight++;
    try {
      const ack = await this.call<unknown>(COLLAB_EVENTS.update, { encounterId: this.encounterId, update: wire(update) });
      if (ack.ok || this.destroyed) return;
      if (ack.error.code === 'offline' || ack.error.code === 'timeout') return; // the next sync carries it
      this.set({ error: ack.error.message });
      if (ack.error.code === 'conflict') void this.sync();
    } finally {
      this.inFlight--;
    }
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this || this.destroyed) return;
    if (this.state.status !== 'synced') return; // sent by the sync on (re)connect
    if (this.outgoing.push(update) > 1) return;
    this.inFlight++;
    queueMicrotask(this.flushOutgoing);
  };

  private flushOutgoing = () => {
    const parts = this.outgoing;
    this.outgoing = [];
    this.inFlight--;
    if (this.destroyed || parts.length === 0) return;
    // A merged update holds every part; if the connection dropped meanwhile the next sync carries them.
    void this.send(parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts));
  };

  private onRemoteUpdate = (p: { encounterId: string; updates?: unknown }) => {
    if (p.encounterId !== this.encounterId) return;
    const updates = bytesList(p.updates);
    if (updates.length === 0) return;
    Y.transact(this.doc, () => { for (const u of updates) Y.applyUpdate(this.doc, u, this); }, this);
  };

  private onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin !== 'local' || this.state.status !== 'synced') return;
    this.sendAwareness([...added, ...updated, ...removed].filter((id) => id === this.doc.clientID));
  };
  private sendAwareness(ids: number[]) {
    if (ids.length === 0) return;
    void this.call(COLLAB_EVENTS.awareness, { encounterId: this.encounterId, update: wire(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)) });
  }
  private onRemoteAwareness = (p: { encounterId: string; update: unknown }) => {
    if (p.encounterId !== this.encounterId) return;
    const u = toBytes(p.update);
    if (u) awarenessProtocol.applyAwarenessUpdate(this.awareness, u, this);
  };

  private onFindings = (p: { encounterId: string; validation: ValidationDto }) => {
    if (p.encounterId === this.encounterId) this.set({ validation: p.validation });
  };
  private onState = (p: { encounterId: string; locked: boolean }) => {
    if (p.encounterId !== this.encounterId) return;
    this.set({ locked: p.locked, readOnly: p.locked || this.state.reason === 'permission', reason: p.locked ? 'locked' : this.state.reason === 'locked' ? null : this.state.reason });
  };
  private onConnect = () => { if (!this.destroyed) void this.sync(); };
  private onDisconnect = () => {
    if (this.destroyed) return;
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
    this.set({ status: 'offline' });
  };

  destroy() {
    if (this.destroyed) return;
    if (this.state.status === 'synced') void this.call(COLLAB_EVENTS.leave, { encounterId: this.encounterId });
    this.destroyed = true;
    this.doc.off('update', this.onDocUpdate);
    this.socket.off(COLLAB_EVENTS.update, this.onRemoteUpdate);
    this.socket.off(COLLAB_EVENTS.awareness, this.onRemoteAwareness);
    this.socket.off(COLLAB_EVENTS.findings, this.onFindings);
    this.socket.off(COLLAB_EVENTS.state, this.onState);
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.listeners.clear();
  }
}

/** Bytes as an ArrayBuffer: the browser's MessagePack encoder (notepack) encodes ArrayBuffer as
 * binary but a Uint8Array as a plain object; Node's accepts both. */
const wire = (u: Uint8Array): ArrayBuffer => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

/** An update with no structs and no deletions is two zero bytes. */
const hasContent = (u: Uint8Array) => !(u.length === 2 && u[0] === 0 && u[1] === 0);
