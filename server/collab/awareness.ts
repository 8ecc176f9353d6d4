/**
 * Presence (y-protocols awareness) as the server relays it. A client's awareness update is
 * decoded, and each entry is accepted only for client ids that this socket owns (the first
 * socket to announce an id owns it), with the `user` field replaced by who the session says
 * the sender is, so nobody can show up under another name. States of a socket's ids are
 * removed, and the removal relayed, when it leaves or its connection closes.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Actor } from '../context';

export interface AwarenessEntry { clientId: number; clock: number; state: Record<string, unknown> | null }

const PALETTE = ['#2563eb', '#db2777', '#16a34a', '#ea580c', '#7c3aed', '#0891b2', '#ca8a04', '#dc2626'];
export function colorOf(userId: string): string {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

export function decodeAwareness(update: Uint8Array): AwarenessEntry[] | null {
  try {
    const d = decoding.createDecoder(update);
    const n = decoding.readVarUint(d);
    if (n > 64) return null;
    const out: AwarenessEntry[] = [];
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const state = JSON.parse(decoding.readVarString(d)) as unknown;
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) return null;
      out.push({ clientId, clock, state: state as Record<string, unknown> | null });
    }
    return decoding.hasContent(d) ? null : out;
  } catch {
    return null;
  }
}

export function encodeAwareness(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const x of entries) {
    encoding.writeVarUint(e, x.clientId);
    encoding.writeVarUint(e, x.clock);
    encoding.writeVarString(e, JSON.stringify(x.state));
  }
  return encoding.toUint8Array(e);
}

/** Only the fields the editor uses, each bounded; the user is the session's. */
export function sanitizeState(state: Record<string, unknown> | null, actor: Actor): Record<string, unknown> | null {
  if (state === null) return null;
  const out: Record<string, unknown> = { user: { id: actor.userId, name: actor.name, color: colorOf(actor.userId) } };
  if (typeof state.lineId === 'string' && state.lineId.length <= 64) out.lineId = state.lineId;
  if (typeof state.field === 'string' && state.field.length <= 20) out.field = state.field;
  const c = state.cursor as { anchor?: unknown; head?: unknown } | undefined;
  if (c && typeof c === 'object' && typeof c.anchor === 'string' && typeof c.head === 'string' && c.anchor.length < 200 && c.head.length < 200) out.cursor = { anchor: c.anchor, head: c.head };
  if (state.editing === true) out.editing = true;
  return out;
}

/** A server-side awareness without a local state of its own. */
export function createServerAwareness(doc: import('yjs').Doc): awarenessProtocol.Awareness {
  const a = new awarenessProtocol.Awareness(doc);
  a.setLocalState(null);
  return a;
}

export { awarenessProtocol };
