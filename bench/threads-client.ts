/**
 * A minimal Socket.IO client (Engine.IO 4 over a plain WebSocket, MessagePack packets) for the
 * threads benchmark. Why not socket.io-client: with 1000 clients in one process the client side,
 * not the servers, set the latency (a bare relay's p50 was 300 ms). This client does the least
 * work a receiver can: a broadcast is recognised by its bytes (the event name, then the bench
 * body `bench <n> <sentAt> <sender>` read straight from the MessagePack string), never decoded;
 * only acknowledgements and connection packets are decoded. Both servers of the benchmark are
 * measured with this same client, so the comparison stays fair.
 *
 * Protocol handled: Engine.IO open (`0{...}`), ping (`2`) answered with pong (`3`), close (`1`);
 * Socket.IO CONNECT / CONNECT_ERROR / EVENT / ACK, encoded by socket.io-msgpack-parser.
 */
import WebSocket from 'ws';
import * as msgpackParser from 'socket.io-msgpack-parser';

const EVENT = 2;
const ACK = 3;
const CONNECT = 0;
const CONNECT_ERROR = 4;
const BROADCAST = Buffer.from('timeline.appended');
const BENCH = Buffer.from('bench ');
const encoder = new msgpackParser.Encoder();
/** One packet's bytes (notepack gives a Buffer in Node). */
const encode = (packet: object) => (encoder.encode(packet as never) as unknown as Buffer[])[0]!;

interface Pending { resolve(v: unknown): void; reject(e: Error): void; deadline: number }

export interface BenchSocket {
  /** Emits with an acknowledgement; rejects after timeoutMs. */
  emitWithAck(event: string, payload: unknown, timeoutMs: number): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Called with the body of every `timeline.appended` broadcast that carries a bench body. */
  onBenchBody: ((body: string) => void) | null;
  close(): void;
}

const sockets = new Set<BenchClient>();
/** Every packet (WebSocket message) every bench socket received: to compare what each server sends per delivery. */
export const packetsReceived = { count: 0, bytes: 0 };
let sweeper: NodeJS.Timeout | null = null;

/** One timer for all pending acks of all sockets (not one per emit). */
function sweep(): void {
  const now = performance.now();
  for (const s of sockets) s.expire(now);
  if (sockets.size === 0 && sweeper) { clearInterval(sweeper); sweeper = null; }
}

/** The bench body inside a packet's bytes, from its MessagePack string header; null when absent. */
export function benchBodyOf(buf: Buffer): string | null {
  if (buf.indexOf(BROADCAST) < 0) return null;
  const at = buf.indexOf(BENCH);
  if (at < 2) return null;
  let len: number;
  if (buf[at - 2] === 0xd9) len = buf[at - 1]!; // str 8
  else if ((buf[at - 1]! & 0xe0) === 0xa0) len = buf[at - 1]! & 0x1f; // fixstr
  else return null;
  return buf.toString('latin1', at, at + len);
}

class BenchClient implements BenchSocket {
  onBenchBody: ((body: string) => void) | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly decoder = new msgpackParser.Decoder();

  constructor(private readonly ws: WebSocket, onConnect: () => void, onError: (e: Error) => void) {
    this.decoder.on('decoded', (p: { type: number; id?: number; data?: unknown }) => {
      if (p.type === ACK && p.id !== undefined) {
        const waiting = this.pending.get(p.id);
        if (!waiting) return;
        this.pending.delete(p.id);
        waiting.resolve((p.data as unknown[])[0]);
      } else if (p.type === CONNECT) onConnect();
      else if (p.type === CONNECT_ERROR) onError(new Error(`connect refused: ${JSON.stringify(p.data)}`));
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      packetsReceived.count++;
      packetsReceived.bytes += data.length;
      if (!isBinary) {
        const text = data.toString();
        if (text === '2') ws.send('3');
        else if (text[0] === '0') ws.send(encode({ type: CONNECT, nsp: '/' }));
        return;
      }
      const body = benchBodyOf(data);
      if (body !== null) { this.onBenchBody?.(body); return; }
      if (data.indexOf(BROADCAST) >= 0) return; // another entry (thread opened ...): not measured
      try { this.decoder.add(data); } catch { /* other events we do not read */ }
    });
    ws.on('close', () => this.failAll(new Error('socket closed')));
    ws.on('error', (e) => { onError(e); this.failAll(e); });
  }

  emitWithAck(event: string, payload: unknown, timeoutMs: number): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, deadline: performance.now() + timeoutMs });
      if (this.ws.readyState !== WebSocket.OPEN) return this.expireOne(id, new Error('socket not open'));
      this.ws.send(encode({ type: EVENT, nsp: '/', id, data: [event, payload] }));
    });
  }

  expire(now: number): void {
    for (const [id, p] of this.pending) if (p.deadline <= now) this.expireOne(id, new Error('operation has timed out'));
  }

  private expireOne(id: number, err: Error): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    p.reject(err);
  }

  private failAll(err: Error): void {
    for (const id of [...this.pending.keys()]) this.expireOne(id, err);
    sockets.delete(this);
  }

  close(): void {
    sockets.delete(this);
    this.ws.close();
  }
}

export function openBenchSocket(url: string, cookie?: string): Promise<BenchSocket> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { headers: cookie ? { cookie } : {}, perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    const client: BenchClient = new BenchClient(ws, () => {
      sockets.add(client);
      sweeper ??= setInterval(sweep, 250);
      resolve(client);
    }, reject);
  });
}
