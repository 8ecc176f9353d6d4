/**
 * The client's address for rate limits and the audit log. Behind a load balancer the socket
 * peer is the balancer, so TRUST_PROXY names which hops may set X-Forwarded-For (the same
 * rules as Express's "trust proxy"). REST and Socket.IO handshakes use this one function.
 */
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

export type AddressOf = (req: IncomingMessage) => string;

/** `false` (default: the socket peer), `true` (any hop), a hop count, or addresses/subnets/`loopback`… */
export function parseTrustProxy(value: string): ((addr: string, i: number) => boolean) {
  const v = value.trim();
  if (v === 'false' || v === '') return () => false;
  if (v === 'true') return () => true;
  if (/^\d+$/.test(v)) { const hops = Number(v); return (_a, i) => i < hops; }
  return proxyaddr.compile(v.split(',').map((s) => s.trim()).filter(Boolean));
}

export function createAddressOf(trustProxy: string): AddressOf {
  const trust = parseTrustProxy(trustProxy);
  return (req) => proxyaddr(req as Parameters<typeof proxyaddr>[0], trust) || 'unknown';
}

/** The request's protocol by Express's own rule (X-Forwarded-Proto only from a trusted hop), for handshakes outside Express. */
export function createProtocolOf(trustProxy: string): (req: IncomingMessage) => string {
  const trust = parseTrustProxy(trustProxy);
  return (req) => {
    const own = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    if (!trust(req.socket.remoteAddress ?? '', 0)) return own;
    const forwarded = req.headers['x-forwarded-proto'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    return first || own;
  };
}
