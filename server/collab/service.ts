/**
 * The live code sets of one server process: which documents are in memory, how they load,
 * how updates are accepted, stored and relayed, and when documents leave memory.
 *
 * Invariants:
 * - Loading: a document is registered as "loading" before the database is read; updates that
 *   other servers relay meanwhile are buffered and applied after the stored state, so a late
 *   joiner never sees a state older than an update acknowledged elsewhere.
 * - An accepted client update is applied, queued for this tick's relay round (relay.ts: this
 *   server's room members and, with a Redis adapter, the other servers, which apply it to their
 *   copy and pass it to their members) and for the document's next group commit (writer.ts);
 *   the sender's ack waits for the stored entry, the relay does not.
 * - A lock or unlock reaches every server's copy at once (a server-side message), so no server
 *   accepts an edit of a locked code set; a lock that arrives while a copy loads applies after.
 * - A refused update is not applied, stored or relayed, and the sender is told why.
 * - Seeding: a document with nothing stored starts from the encounter's code lines, written
 *   as a byte-identical update (client id 0) under the fixed id `seed:<encounter>`, so servers
 *   that seed at once store it once and merge it as one.
 * - A document leaves memory `graceMs` after its last member, after its projection and version
 *   are written.
 */
import * as Y from 'yjs';
import type { Server } from 'socket.io';
import { Adapter } from 'socket.io-adapter';
import type { Actor, AppContext } from '../context';
import type { EncounterDoc } from '../db/collections';
import { AppError, conflict, notFound } from '../errors';
import { fromCodeLines, readLines, seedUpdate, toCodeLines } from '../../src/lib/collab/shape';
import { COLLAB_EVENTS } from '../../src/lib/protocol/collab';
import { createCollabStore, type CollabStore } from './store';
import { LiveDoc, MISSING_DEPENDENCIES, type Member } from './live-doc';
import { DEFAULT_TIMINGS, DocTasks, type TaskTimings } from './tasks';
import { insertVersion } from './history';
import { RoomRelay } from './relay';
import { PresenceRelay } from './presence';
import { DocWriter } from './writer';

export interface CollabOptions extends TaskTimings { graceMs: number; compactAfter: number }
export const DEFAULT_OPTIONS: CollabOptions = { ...DEFAULT_TIMINGS, graceMs: 5_000, compactAfter: 400 };

const RELAY = { update: 'collab:relay-update', awareness: 'collab:relay-awareness', lock: 'collab:relay-lock' } as const;
/** The Redis adapter sends server-side events as JSON, so bytes cross as base64. */
const toWire = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('base64');
const fromWire = (v: unknown): Uint8Array | null => (typeof v === 'string' && v.length <= 2 * 1024 * 1024 ? new Uint8Array(Buffer.from(v, 'base64')) : null);
/** A relayed round: a list of base64 updates (one round of another server). */
const listFromWire = (v: unknown): Uint8Array[] | null => {
  if (!Array.isArray(v) || v.length > 10_000) return null;
  const out = v.map(fromWire);
  return out.every((x): x is Uint8Array => x !== null) ? out : null;
};

export const readOnlyError = (live: LiveDoc) => live.facts.locked
  ? new AppError('forbidden', 'The code set is locked; nobody can change it until it is reopened')
  : new AppError('forbidden', 'You may view these code lines but not change them');

export class CollabService {
  readonly store: CollabStore;
  private readonly docs = new Map<string, LiveDoc>();
  private readonly tasks = new WeakMap<LiveDoc, DocTasks>();
  private readonly writers = new WeakMap<LiveDoc, DocWriter>();
  private readonly loading = new Map<string, { promise: Promise<LiveDoc>; buffered: Uint8Array[]; locked?: boolean }>();
  private readonly relay: RoomRelay;
  private readonly presence: PresenceRelay;
  private io: Server | null = null;

  constructor(private readonly ctx: AppContext, readonly opts: CollabOptions = DEFAULT_OPTIONS) {
    this.store = createCollabStore(ctx.db.c, ctx.db.storage);
    this.relay = new RoomRelay(() => this.io, (docId, updates) => {
      if (this.crossServer) this.io!.serverSideEmit(RELAY.update, docId, updates.map(toWire));
    });
    this.presence = new PresenceRelay(() => this.io, (docId, bytes) => {
      if (this.crossServer) this.io!.serverSideEmit(RELAY.awareness, docId, toWire(bytes));
    });
  }

  attach(io: Server) {
    if (this.io === io) return;
    this.io = io;
    io.on(RELAY.update, (docId: string, updates: unknown) => this.fromOtherServer(docId, updates));
    io.on(RELAY.lock, (docId: unknown, locked: unknown) => {
      if (typeof docId === 'string' && typeof locked === 'boolean') this.applyLock(docId, locked);
    });
    io.on(RELAY.awareness, (docId: string, update: unknown) => {
      const live = this.docs.get(docId);
      const bytes = fromWire(update);
      if (live && bytes) this.presence.fromOtherServer(live, bytes);
    });
  }

  get loaded(): ReadonlyMap<string, LiveDoc> { return this.docs; }
  tasksOf(live: LiveDoc): DocTasks { return this.tasks.get(live)!; }

  private fromOtherServer(docId: string, updates: unknown) {
    const list = listFromWire(updates);
    if (!list) return;
    const pending = this.loading.get(docId);
    if (pending) { pending.buffered.push(...list); return; }
    const live = this.docs.get(docId);
    if (!live) return;
    let changed = false;
    for (const bytes of list) {
      try {
        if (live.apply(bytes, 'relay', false)) {
          this.relay.push(docId, live.room, bytes, null, false);
          changed = true;
        }
      } catch (err) {
        this.ctx.log.warn({ err, encounterId: docId }, 'collab: a relayed update did not apply');
      }
    }
    if (changed) this.tasksOf(live).changed(null);
  }

  /** The document in memory, loading (and seeding) it first if needed. */
  async open(enc: EncounterDoc): Promise<LiveDoc> {
    const live = this.docs.get(enc._id);
    if (live) return live;
    const pending = this.loading.get(enc._id);
    if (pending) return pending.promise;
    const entry: { buffered: Uint8Array[]; promise: Promise<LiveDoc>; locked?: boolean } = { buffered: [], promise: null as unknown as Promise<LiveDoc> };
    entry.promise = this.load(enc, entry).finally(() => this.loading.delete(enc._id));
    this.loading.set(enc._id, entry);
    return entry.promise;
  }

  private async load(enc: EncounterDoc, pending: { buffered: Uint8Array[]; locked?: boolean }): Promise<LiveDoc> {
    const live = new LiveDoc(enc._id, { orgId: enc.orgId, setting: enc.setting, dateOfService: enc.dateOfService, locked: enc.codeSetLocked === true });
    try {
      let state = await this.store.load(enc._id);
      if (state.empty) {
        const lines = fromCodeLines(enc.codeLines);
        const seed = await this.store.append(enc._id, seedUpdate(lines), null, `seed:${enc._id}`);
        if (!seed.duplicate) {
          await insertVersion(this.ctx.db.c, { docId: enc._id, orgId: enc.orgId, at: new Date(), authors: [], label: 'Code lines when live editing began', lines, rationale: '' });
        }
        state = await this.store.load(enc._id);
      }
      live.apply(state.update, 'load', false);
      for (const u of pending.buffered) live.apply(u, 'relay', false);
      live.lastSeq = state.lastSeq;
      live.baseSeq = state.baseSeq;
      live.projected = JSON.stringify(enc.codeLines);
      // The lock as stored now (this copy was registered as loading before this read, so a lock
      // written after it arrives as a message and is applied below).
      if (this.crossServer) {
        const fresh = await this.ctx.db.c.encounters.findOne({ _id: enc._id }, { projection: { codeSetLocked: 1 } });
        if (fresh) live.facts.locked = fresh.codeSetLocked === true;
      }
    } catch (err) {
      live.destroy();
      throw err;
    }
    // A lock or unlock told by another server while this copy loaded is the newest word.
    if (pending.locked !== undefined) live.facts.locked = pending.locked;
    const tasks = new DocTasks(this.ctx, () => this.io, live, this.opts);
    this.tasks.set(live, tasks);
    this.writers.set(live, new DocWriter(this.store, live.id, (seq) => this.landed(live, seq)));
    this.docs.set(enc._id, live);
    // The stored projection may lag (a crash before it was written): bring it up to date.
    if (JSON.stringify(toCodeLines(readLines(live.doc))) !== live.projected) tasks.changed(null);
    void tasks.runValidation().catch(() => {});
    this.scheduleEviction(live);
    return live;
  }

  /**
   * With other servers, a document already in memory may not have received an update another
   * server acknowledged a moment ago (the relay is in flight): read what landed since the last
   * entry this server knows of, so a joiner gets everything acknowledged before it joined.
   */
  async catchUp(live: LiveDoc): Promise<void> {
    if (!this.crossServer) return;
    const got = await this.store.since(live.id, live.lastSeq);
    if (!got || live.destroyed) return;
    if (live.apply(got.update, 'relay', false)) {
      this.relay.push(live.id, live.room, got.update, null, false);
      this.tasksOf(live).changed(null);
    }
    live.lastSeq = Math.max(live.lastSeq, got.lastSeq);
  }

  private get crossServer(): boolean {
    const adapter = this.io?.of('/').adapter;
    return !!adapter && adapter.serverSideEmit !== Adapter.prototype.serverSideEmit;
  }

  join(live: LiveDoc, member: Member) {
    live.members.set(member.socket.id, member);
    if (live.evictTimer) { clearTimeout(live.evictTimer); live.evictTimer = null; }
  }

  leave(live: LiveDoc, socketId: string) {
    const m = live.members.get(socketId);
    if (!m) return;
    live.members.delete(socketId);
    this.presence.removeMember(live, m);
    this.scheduleEviction(live);
  }

  private scheduleEviction(live: LiveDoc) {
    if (live.members.size > 0 || live.evictTimer || live.destroyed) return;
    live.evictTimer = setTimeout(() => void this.evict(live), this.opts.graceMs);
    live.evictTimer.unref?.();
  }

  private async evict(live: LiveDoc) {
    live.evictTimer = null;
    if (live.members.size > 0 || live.destroyed) return;
    const tasks = this.tasksOf(live);
    await tasks.flush().catch((err) => this.ctx.log.warn({ err, encounterId: live.id }, 'collab: writing before eviction failed'));
    if (live.members.size > 0) return; // someone came back meanwhile
    if (!tasks.idle || !this.writers.get(live)!.idle) return this.scheduleEviction(live);
    tasks.cancel();
    this.docs.delete(live.id);
    live.destroy();
  }

  /**
   * A client's update: gate and apply now (throws when refused), relay at the end of this tick,
   * store in the document's next group commit; the returned promise resolves once it is stored.
   */
  acceptUpdate(live: LiveDoc, member: Member, update: Uint8Array): Promise<void> {
    if (!member.canEdit || live.facts.locked) throw readOnlyError(live);
    const problem = live.gate(update);
    // Missing dependencies are the client's cue to sync again (409), everything else is bad input.
    if (problem === MISSING_DEPENDENCIES) throw conflict(`Update refused: ${problem}; nothing was changed`);
    if (problem) throw new AppError('invalid_input', `Update refused: ${problem}; nothing was changed`, { field: 'update' });
    if (!live.apply(update, member, true)) return Promise.resolve();
    this.relay.push(live.id, live.room, update, member.socket, true);
    this.tasksOf(live).changed(member.actor);
    return this.persist(live, update, member.actor);
  }

  /** A change made on the server (REST, restore), relayed to every member and stored. */
  async serverChange(live: LiveDoc, actor: Actor, fn: (doc: Y.Doc) => void): Promise<boolean> {
    if (live.facts.locked) throw conflict('The code set is locked; nobody can change it until it is reopened');
    const update = live.change('server', fn);
    if (!update) return false;
    this.relay.push(live.id, live.room, update, null, true);
    this.tasksOf(live).changed(actor);
    await this.persist(live, update, actor);
    return true;
  }

  private persist(live: LiveDoc, update: Uint8Array, actor: Actor): Promise<void> {
    return this.writers.get(live)!.write(update, { id: actor.userId, name: actor.name });
  }

  /** After an entry of this document landed: track the newest entry and compact past the threshold. */
  private landed(live: LiveDoc, seq: number) {
    live.lastSeq = Math.max(live.lastSeq, seq);
    if (live.lastSeq - live.baseSeq >= this.opts.compactAfter && !live.compacting) {
      live.compacting = true;
      this.store.compact(live.id)
        .then((r) => { if (r) live.baseSeq = Math.max(live.baseSeq, r.upToSeq); })
        .catch((err) => this.ctx.log.warn({ err, encounterId: live.id }, 'collab: compaction failed (the log stays; retried later)'))
        .finally(() => { live.compacting = false; });
    }
  }

  /** A member's awareness update, owned ids only, user from the session (presence.ts). */
  awarenessFrom(live: LiveDoc, member: Member, update: Uint8Array): Uint8Array {
    return this.presence.fromMember(live, member, update);
  }

  /**
   * Lock or unlock (resolution): read-only for everyone, at once on every server. This server's
   * copy and members first; then the other servers, which do the same for theirs.
   */
  setLocked(encounterId: string, locked: boolean) {
    this.applyLock(encounterId, locked);
    if (this.crossServer) this.io!.serverSideEmit(RELAY.lock, encounterId, locked);
  }

  private applyLock(encounterId: string, locked: boolean) {
    const pending = this.loading.get(encounterId);
    if (pending) pending.locked = locked;
    const live = this.docs.get(encounterId);
    if (!live) return;
    live.facts.locked = locked;
    this.io?.local.to(live.room).emit(COLLAB_EVENTS.state, { encounterId, locked });
  }

  requireLoaded(encounterId: string): LiveDoc {
    const live = this.docs.get(encounterId);
    if (!live) throw notFound('Encounter');
    return live;
  }

  /** Writes the document's projection now when it is open on this server, so the stored code
   * lines match it (it otherwise lags the last edit by about a second). */
  async writeProjectionNow(encounterId: string): Promise<void> {
    const live = this.docs.get(encounterId);
    if (live) await this.tasksOf(live).writeProjection();
  }

  /** Shutdown: write every pending projection and version, then drop the documents. */
  async close() {
    this.relay.flush();
    await Promise.all([...this.docs.values()].map(async (live) => {
      await this.writers.get(live)?.settled();
      await this.tasksOf(live).flush().catch(() => {});
      this.tasksOf(live).cancel();
      live.destroy();
    }));
    this.docs.clear();
  }
}
