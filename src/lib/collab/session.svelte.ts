/**
 * One open live code set in the browser: the Y.Doc, its provider over the app's socket, an
 * UndoManager for the user's own changes only (LOCAL_ORIGIN), and rune state the components
 * read (lines, rationale, findings, peers, undo/redo availability).
 * destroy() releases everything (provider, awareness, undo manager, doc).
 */
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { CollabProvider, LOCAL_ORIGIN, type ProviderState } from './provider';
import { linesOf, rationaleOf, readLines, type LiveLine } from './shape';

export interface Peer { clientId: number; user: { id: string; name: string; color: string }; lineId?: string; field?: string; cursor?: { anchor: string; head: string } }

const toB64 = (u: Uint8Array) => btoa(String.fromCharCode(...u));
const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export class LiveCodeSet {
  readonly doc = new Y.Doc();
  readonly provider: CollabProvider;
  private readonly undo: Y.UndoManager;
  lines = $state<LiveLine[]>([]);
  rationale = $state('');
  status = $state<ProviderState>({ status: 'connecting', readOnly: true, reason: null, locked: false, validation: null, error: null, color: '#64748b' });
  peers = $state<Peer[]>([]);
  canUndo = $state(false);
  canRedo = $state(false);

  constructor(readonly encounterId: string, socket: Socket) {
    this.provider = new CollabProvider(socket, encounterId, this.doc);
    this.undo = new Y.UndoManager([linesOf(this.doc), rationaleOf(this.doc)], { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 400 });
    this.doc.on('update', this.refresh);
    this.provider.awareness.on('change', this.refreshPeers);
    this.provider.subscribe((s) => (this.status = s));
    for (const e of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) this.undo.on(e, this.refreshUndo);
    this.refresh();
  }

  private refresh = () => {
    this.lines = readLines(this.doc);
    this.rationale = rationaleOf(this.doc).toString();
  };
  private refreshUndo = () => { this.canUndo = this.undo.canUndo(); this.canRedo = this.undo.canRedo(); };
  private refreshPeers = () => {
    const out: Peer[] = [];
    for (const [clientId, s] of this.provider.awareness.getStates()) {
      if (clientId === this.doc.clientID || !s?.user) continue;
      out.push({ clientId, ...(s as Omit<Peer, 'clientId'>) });
    }
    this.peers = out;
  };

  get readOnly() { return this.status.readOnly || this.status.status !== 'synced'; }

  /** Runs an edit as the user's own (undoable) change. */
  edit(fn: (doc: Y.Doc) => void) {
    if (this.status.readOnly) return;
    this.doc.transact(() => fn(this.doc), LOCAL_ORIGIN);
  }
  undoOwn() { this.undo.undo(); }
  redoOwn() { this.undo.redo(); }

  /** Presence: which line (and field) the user is on; null when they leave the editor's lines. */
  focus(lineId: string | null, field?: string) {
    const a = this.provider.awareness;
    a.setLocalState({ ...(a.getLocalState() ?? {}), lineId: lineId ?? undefined, field, cursor: undefined });
  }
  /** Presence in the rationale: the selection as Yjs relative positions. */
  rationaleCursor(anchor: number, head: number) {
    const t = rationaleOf(this.doc);
    const enc = (i: number) => toB64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(t, i)));
    const a = this.provider.awareness;
    a.setLocalState({ ...(a.getLocalState() ?? {}), lineId: undefined, field: 'rationale', cursor: { anchor: enc(anchor), head: enc(head) } });
  }
  /** A peer's rationale cursor as an index into the current text, or null. */
  cursorIndex(p: Peer): number | null {
    if (!p.cursor) return null;
    try {
      const abs = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromB64(p.cursor.head)), this.doc);
      return abs ? abs.index : null;
    } catch { return null; }
  }
  /** Replaces the rationale text by the smallest edit (common prefix and suffix kept). */
  setRationale(next: string) {
    const prev = rationaleOf(this.doc).toString();
    if (prev === next) return;
    let start = 0;
    while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
    let end = 0;
    while (end < prev.length - start && end < next.length - start && prev[prev.length - 1 - end] === next[next.length - 1 - end]) end++;
    this.edit((doc) => {
      const t = rationaleOf(doc);
      if (prev.length - start - end > 0) t.delete(start, prev.length - start - end);
      if (next.length - start - end > 0) t.insert(start, next.slice(start, next.length - end));
    });
  }

  destroy() {
    this.doc.off('update', this.refresh);
    this.provider.awareness.off('change', this.refreshPeers);
    this.undo.destroy();
    this.provider.destroy();
    this.doc.destroy();
  }
}
