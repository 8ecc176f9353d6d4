/**
 * What follows a change of a live document, each debounced per document:
 * - validation (~150 ms): the pure validator on the current lines; findings go to this
 *   server's members of the room (every server validates its own copy, and the copies converge);
 * - projection (~1 s): the encounter's stored codeLines/codes rewritten from the document
 *   through mutateEncounter (derived fields stay consistent), skipped when nothing changed;
 * - version (a pause of VERSION_PAUSE_MS, at most MAX_VERSION_GAP_MS apart): history.
 * A change that arrives while a task runs makes it run again afterwards, so the last run
 * always sees the last state.
 */
import type { Server } from 'socket.io';
import type { Actor, AppContext } from '../context';
import { validationFor } from '../codes/validation-service';
import { mutateEncounter } from '../commands/encounter-state';
import { readLines, rationaleOf, toCodeLines } from '../../src/lib/collab/shape';
import { COLLAB_EVENTS, type CollabFindingsDto } from '../../src/lib/protocol/collab';
import { insertVersion } from './history';
import type { LiveDoc } from './live-doc';

export interface TaskTimings { validateMs: number; projectMs: number; versionPauseMs: number; maxVersionGapMs: number }
export const DEFAULT_TIMINGS: TaskTimings = { validateMs: 150, projectMs: 1000, versionPauseMs: 3000, maxVersionGapMs: 30_000 };

/**
 * Debounce with "run again if changed while running". A poke during a wait only moves the due
 * time (the timer re-arms itself when it fires early), so the hot path sets no timer per change.
 */
class Debounced {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private due = 0;
  private running: Promise<void> | null = null;
  private again = false;
  constructor(private readonly ms: number, private readonly run: () => Promise<void>, private readonly onError: (e: unknown) => void) {}
  poke(ms = this.ms) {
    if (this.running) { this.again = true; return; }
    const due = Date.now() + ms;
    if (this.timer) {
      if (due >= this.due) { this.due = due; return; }
      clearTimeout(this.timer); // due sooner than planned (a version forced by the gap)
    }
    this.due = due;
    this.timer = setTimeout(this.onTimer, ms);
  }
  private onTimer = () => {
    const wait = this.due - Date.now();
    if (wait > 0) { this.timer = setTimeout(this.onTimer, wait); return; }
    void this.fire();
  };
  get pending() { return this.timer !== null || this.running !== null; }
  async flush() {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; await this.fire(); }
    else if (this.running) await this.running;
  }
  cancel() { if (this.timer) clearTimeout(this.timer); this.timer = null; }
  private async fire() {
    this.timer = null;
    this.again = false;
    this.running = this.run().catch(this.onError);
    await this.running;
    this.running = null;
    if (this.again) this.poke();
  }
}

/** The server acting for the document when it writes the projection (same organisation). */
const projector = (orgId: string): Actor => ({ userId: 'collab', orgId, role: 'admin', name: 'Live code editor', teamIds: [], address: 'server' });

export class DocTasks {
  private readonly validate: Debounced;
  private readonly project: Debounced;
  private readonly version: Debounced;
  private firstChangeAt = 0;
  /** Authors since the last version, and editors since the last projection (for the audit log). */
  readonly authors = new Map<string, { id: string; name: string }>();
  private readonly editors = new Map<string, Actor>();

  constructor(private readonly ctx: AppContext, private readonly io: () => Server | null, private readonly live: LiveDoc, private readonly t: TaskTimings) {
    const warn = (what: string) => (err: unknown) => ctx.log.warn({ err, encounterId: live.id }, `collab: ${what} failed`);
    this.validate = new Debounced(t.validateMs, () => this.runValidation(), warn('validation'));
    this.project = new Debounced(t.projectMs, () => this.writeProjection(), warn('projection'));
    this.version = new Debounced(t.versionPauseMs, () => this.writeVersion(), warn('version'));
  }

  /** After every change of the document (local or from another server). */
  changed(author: Actor | null) {
    this.validate.poke();
    this.project.poke();
    if (!author) return;
    this.authors.set(author.userId, { id: author.userId, name: author.name });
    if (author.userId !== 'collab') this.editors.set(author.userId, author);
    const now = Date.now();
    if (!this.firstChangeAt) this.firstChangeAt = now;
    // At every pause, and at least every maxVersionGapMs during continuous editing.
    this.version.poke(now - this.firstChangeAt >= this.t.maxVersionGapMs ? 0 : this.t.versionPauseMs);
  }

  async runValidation() {
    const live = this.live;
    if (live.destroyed) return;
    const lines = toCodeLines(readLines(live.doc));
    const validation = await validationFor(this.ctx, live.facts.orgId, live.facts, lines);
    if (live.destroyed) return;
    live.validation = validation;
    const payload: CollabFindingsDto = { encounterId: live.id, validation };
    this.io()?.local.to(live.room).emit(COLLAB_EVENTS.findings, payload);
  }

  async writeProjection() {
    const live = this.live;
    const lines = toCodeLines(readLines(live.doc));
    const json = JSON.stringify(lines);
    if (json === live.projected) return;
    const { encounter } = await mutateEncounter(this.ctx, projector(live.facts.orgId), live.id, 'editCodes', () => ({
      // Read at write time: a retry after a collision writes the newest state.
      changes: { codeLines: toCodeLines(readLines(live.doc)) }
    }));
    live.projected = JSON.stringify(encounter.codeLines);
    const editors = [...this.editors.values()];
    this.editors.clear();
    await Promise.all(editors.map((a) => this.ctx.audit.record(a, { action: 'encounters.update-codes', targetType: 'encounter', targetId: live.id, details: { via: 'live', lines: lines.length } })));
    return;
  }

  async writeVersion(label = 'Edited') {
    const live = this.live;
    if (this.authors.size === 0) return;
    const authors = [...this.authors.values()];
    this.authors.clear();
    this.firstChangeAt = 0;
    await insertVersion(this.ctx.db.c, {
      docId: live.id, orgId: live.facts.orgId, at: new Date(), authors, label,
      lines: readLines(live.doc), rationale: rationaleOf(live.doc).toString()
    });
  }

  /** A version now (restore marks its own), with whatever authors are pending. */
  async versionNow(label: string, author: Actor) {
    this.version.cancel();
    this.authors.set(author.userId, { id: author.userId, name: author.name });
    await this.writeVersion(label);
  }

  get idle() { return !this.validate.pending && !this.project.pending && !this.version.pending; }

  /** Writes what is pending now (eviction, shutdown). */
  async flush() {
    this.validate.cancel();
    await Promise.all([this.project.flush(), this.version.flush()]);
  }

  cancel() { this.validate.cancel(); this.project.cancel(); this.version.cancel(); }
}
