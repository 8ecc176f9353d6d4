/**
 * The baseline of the threads benchmark: a bare Socket.IO relay with the same wire format
 * (MessagePack) and the same event names as Graycase, and nothing else: no session, no
 * database, no policy. `encounters.join` joins the room; `messages.create` acks and relays with
 * `socket.to(room).emit`. Prints "relay listening on <port>" and runs until killed.
 * Same workload means the same bytes: the relayed entry and the ack have Graycase's shape and
 * sizes (an entry as src/lib/protocol/threads.ts TimelineEntryDto, with an author, a
 * `<userId>:<clientId>` id, refs and mentions; the ack `{entry, duplicate}`), so both servers
 * encode and write as much per delivery and the ratio measures what Graycase adds, not a
 * smaller packet.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import * as msgpackParser from 'socket.io-msgpack-parser';

const http = createServer();
const io = new Server(http, { parser: msgpackParser, serveClient: false });
let seq = 0;
io.on('connection', (socket) => {
  const rooms = new Map<string, string>();
  const by = { id: randomUUID(), name: `Bench ${io.engine.clientsCount}` };
  socket.on('encounters.join', (p: { encounterId: string }, ack: (r: unknown) => void) => {
    socket.join(`encounter:${p.encounterId}`);
    ack({ ok: true, data: { latestSeq: 0, presence: [] } });
  });
  socket.on('threads.create', (p: { scope: { encounterId: string } }, ack: (r: unknown) => void) => {
    const threadId = `t-${p.scope.encounterId}`;
    rooms.set(threadId, p.scope.encounterId);
    ack({ ok: true, data: { threadId, seq: ++seq } });
  });
  socket.on('messages.create', (p: { threadId: string; clientId: string; body: string; encounterId?: string }, ack: (r: unknown) => void) => {
    const encounterId = p.threadId.slice(2);
    const entry = { seq: ++seq, id: `${by.id}:${p.clientId}`, at: new Date().toISOString(), by, threadId: p.threadId, kind: 'message.created', body: p.body, refs: [], mentions: [] };
    ack({ ok: true, data: { entry, duplicate: false } });
    socket.to(`encounter:${encounterId}`).emit('timeline.appended', { scope: { type: 'encounter', encounterId }, entry });
  });
});
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  console.log(`graycase-memory ${JSON.stringify({ ...process.memoryUsage(), sockets: io.engine.clientsCount })}`);
});
// A plain exit on SIGTERM, so a CPU profile (--cpu-prof) is written.
process.on('SIGTERM', () => process.exit(0));
http.listen(0, '127.0.0.1', () => {
  console.log(`relay listening on ${(http.address() as { port: number }).port}`);
});
