/**
 * Bytes for Socket.IO's MessagePack parser. Its encoder (notepack.io 2.2) writes a Node Buffer
 * as MessagePack binary, but any other typed array as an "ext" record of the view's whole
 * backing ArrayBuffer, which browsers decode as `[type, bytes]` (and which could carry bytes
 * outside the view). Everything binary the server emits or acknowledges goes through here.
 */
export const asBuffer = (u: Uint8Array): Buffer => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));
