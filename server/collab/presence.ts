/**
 * Presence of a live document's members as the server relays it (awareness.ts has the codec
 * and the cleaning). Invariants: a member's awareness entries are accepted only for client ids
 * no other connection owns, with `user` from the session; accepted states go to this server's
 * room (not back to the sender) and, with a cross-server adapter, to the other servers, which
 * pass them to their own members; a member's states are removed, and the removal relayed, when
 * it leaves or drops.
 */
import type { Server } from 'socket.io';
import { AppError, forbidden } from '../errors';
import { COLLAB_EVENTS } from '../../src/lib/protocol/collab';
import { awarenessProtocol, decodeAwareness, encodeAwareness, sanitizeState } from './awareness';
import type { LiveDoc, Member } from './live-doc';
import { asBuffer } from './wire';

type ToOtherServers = (docId: string, bytes: Uint8Array) => void;

export class PresenceRelay {
  constructor(private readonly io: () => Server | null, private readonly toOtherServers: ToOtherServers) {}

  /** A member's awareness update: owned ids only, user from the session; returns what was relayed. */
  fromMember(live: LiveDoc, member: Member, update: Uint8Array): Uint8Array {
    const entries = decodeAwareness(update);
    if (!entries) throw new AppError('invalid_input', 'update: not a valid awareness update', { field: 'update' });
    for (const e of entries) {
      const owner = [...live.members.values()].find((m) => m !== member && m.clientIds.has(e.clientId));
      if (owner) throw forbidden('That presence belongs to another connection');
    }
    const clean = entries.map((e) => ({ ...e, state: sanitizeState(e.state, member.actor) }));
    for (const e of clean) member.clientIds.add(e.clientId);
    const encoded = encodeAwareness(clean);
    awarenessProtocol.applyAwarenessUpdate(live.awareness, encoded, 'remote');
    member.socket.to(live.room).local.emit(COLLAB_EVENTS.awareness, { encounterId: live.id, update: asBuffer(encoded) });
    this.toOtherServers(live.id, encoded);
    return encoded;
  }

  /** States another server relayed (already cleaned there). */
  fromOtherServer(live: LiveDoc, bytes: Uint8Array): void {
    try { awarenessProtocol.applyAwarenessUpdate(live.awareness, bytes, 'remote'); } catch { return; /* a malformed relay changes nothing */ }
    this.io()?.local.to(live.room).emit(COLLAB_EVENTS.awareness, { encounterId: live.id, update: asBuffer(bytes) });
  }

  /** A member left or dropped: its states go, and everyone is told. */
  removeMember(live: LiveDoc, member: Member): void {
    const ids = [...member.clientIds].filter((id) => live.awareness.getStates().has(id));
    if (ids.length === 0) return;
    awarenessProtocol.removeAwarenessStates(live.awareness, ids, 'leave');
    const update = awarenessProtocol.encodeAwarenessUpdate(live.awareness, ids);
    this.io()?.local.to(live.room).emit(COLLAB_EVENTS.awareness, { encounterId: live.id, update: asBuffer(update) });
    this.toOtherServers(live.id, update);
  }
}
