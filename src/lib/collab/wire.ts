/**
 * Reading binary lists from the wire. Socket.IO's MessagePack parser hands binary over as
 * Buffer in Node and as ArrayBuffer (or a typed array) in browsers; anything else in a list
 * (a malformed or foreign message) is skipped rather than applied.
 */
import { toBytes } from '../protocol/collab';

/** The byte arrays of a list, in order; [] when `v` is not a list. */
export function bytesList(v: unknown): Uint8Array[] {
  if (!Array.isArray(v)) return [];
  const out: Uint8Array[] = [];
  for (const x of v) {
    const b = toBytes(x);
    if (b && b.byteLength > 0) out.push(b);
  }
  return out;
}
