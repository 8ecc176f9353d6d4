/**
 * Relaying accepted updates to a document's room, one round per tick.
 *
 * Invariants:
 * - Every update queued here reaches every member of the room on this server except the socket
 *   it came from, in the order it was accepted, without waiting for the database (the sender's
 *   ack waits for the stored entry; see writer.ts).
 * - One round per tick (setImmediate), or sooner when the loop is so busy that the oldest
 *   queued update has waited MAX_WAIT_MS: the updates a document accepted meanwhile go out as one `collab.update` `{encounterId, updates}` broadcast to the room minus the
 *   senders, plus one message per sender holding the others' updates. A burst of N updates from
 *   M senders costs 1 + M messages per member instead of N, and one encoding per message.
 * - Updates that came from this server's clients or server-side changes are passed to the other
 *   servers (with a cross-server adapter) in the same round, as one message; updates that came
 *   from another server are never passed on again.
 */
import type { Server, Socket } from 'socket.io';
import { COLLAB_EVENTS, type CollabUpdatesDto } from '../../src/lib/protocol/collab';
import { asBuffer } from './wire';

interface Queued { bytes: Uint8Array; from: Socket | null; forward: boolean }
interface Outbox { room: string; items: Queued[] }

/** A round never holds an update back longer than this, however long the current tick runs. */
export const MAX_WAIT_MS = 4;

export type ForwardToServers = (docId: string, updates: Uint8Array[]) => void;

export class RoomRelay {
  private readonly outboxes = new Map<string, Outbox>();
  private scheduled = false;
  private firstAt = 0;

  constructor(private readonly io: () => Server | null, private readonly forward: ForwardToServers) {}

  /**
   * Queues an accepted update of document `docId` (room `room`). `from` is the sending socket
   * (null for server-side changes and updates relayed by other servers); `forward` says whether
   * other servers still need it.
   */
  push(docId: string, room: string, bytes: Uint8Array, from: Socket | null, forward: boolean): void {
    const box = this.outboxes.get(docId);
    if (box) box.items.push({ bytes, from, forward });
    else this.outboxes.set(docId, { room, items: [{ bytes, from, forward }] });
    if (!this.scheduled) {
      this.scheduled = true;
      this.firstAt = performance.now();
      setImmediate(() => { if (this.scheduled) this.flush(); });
    } else if (performance.now() - this.firstAt > MAX_WAIT_MS) {
      this.flush();
    }
  }

  /** Sends every queued round now (also called at shutdown). */
  flush(): void {
    this.scheduled = false;
    const boxes = [...this.outboxes];
    this.outboxes.clear();
    const io = this.io();
    for (const [docId, box] of boxes) {
      const toServers = box.items.filter((x) => x.forward).map((x) => x.bytes);
      if (toServers.length > 0) this.forward(docId, toServers);
      if (io) sendRound(io, docId, box);
    }
  }
}

function sendRound(io: Server, encounterId: string, box: Outbox): void {
  const senders = new Set<Socket>();
  for (const x of box.items) if (x.from) senders.add(x.from);
  const all: CollabUpdatesDto = { encounterId, updates: box.items.map((x) => asBuffer(x.bytes)) };
  const except = [...senders].map((s) => s.id);
  io.local.to(box.room).except(except).emit(COLLAB_EVENTS.update, all);
  // Each sender gets the round minus its own updates (it has those already).
  for (const s of senders) {
    if (!s.connected || !s.rooms.has(box.room)) continue;
    const others = box.items.filter((x) => x.from !== s);
    if (others.length > 0) s.emit(COLLAB_EVENTS.update, { encounterId, updates: others.map((x) => asBuffer(x.bytes)) } satisfies CollabUpdatesDto);
  }
}
