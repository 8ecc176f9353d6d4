/**
 * Cross-site request refusal for state-changing requests and socket handshakes. The session
 * cookie is SameSite=Lax, which a page on another port of the same host does not stop (same
 * site), so the server checks where a request comes from.
 *
 * Rule, in order:
 *   1. `Origin` present: it must be one of GRAYCASE_ALLOWED_ORIGINS, or (when that is unset)
 *      the request's own origin (protocol as Express sees it, which honours TRUST_PROXY, and the
 *      Host header). `Origin: null` (sandboxed frames, file://) is refused.
 *   2. no `Origin` but `Sec-Fetch-Site`: `same-origin` or `none` (typed by the user) pass;
 *      `same-site` and `cross-site` are refused.
 *   3. neither header: allowed. Browsers send `Origin` on every cross-origin POST/PUT/PATCH/
 *      DELETE and on every WebSocket handshake, so such a request is not a browser made to act
 *      by another page (it is curl, a script, or the tests' Node fetch, which holds the cookie
 *      itself).
 * REST applies this to POST/PUT/PATCH/DELETE; Socket.IO applies it to every handshake request
 * (polling and WebSocket), since a socket can read as well as write.
 */
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { AppError } from '../errors';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** The request's own origin; `protocol` is Express's req.protocol where there is one. */
function ownOrigin(req: IncomingMessage, protocol: string): string | null {
  const host = header(req, 'host');
  return host ? `${protocol}://${host}`.toLowerCase() : null;
}

export function checkOrigin(req: IncomingMessage, allowed: readonly string[], protocol: string): OriginVerdict {
  const origin = header(req, 'origin');
  if (origin !== undefined) {
    const o = origin.trim().toLowerCase();
    if (o === 'null') return { ok: false, reason: 'requests from an opaque origin are refused' };
    const permitted = allowed.length > 0 ? allowed.includes(o) : o === ownOrigin(req, protocol);
    return permitted ? { ok: true } : { ok: false, reason: `requests from ${origin} are not allowed` };
  }
  const site = header(req, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { ok: false, reason: `a ${site} request is not allowed` };
  return { ok: true };
}

/** Express middleware: refuses a cross-origin state-changing request with 403 before any handler runs. */
export function refuseCrossOrigin(allowed: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (!STATE_CHANGING.has(req.method)) return next();
    const verdict = checkOrigin(req, allowed, req.protocol);
    if (!verdict.ok) return next(new AppError('forbidden', `Cross-origin request refused: ${verdict.reason}`));
    next();
  };
}

/**
 * JSON endpoints take JSON only: a body of another type (text/plain and form posts, which a
 * browser sends cross-site without a preflight) is 415. Bodiless requests pass.
 */
export function requireJsonBody(skip: (method: string, path: string) => boolean): RequestHandler {
  return (req, _res, next) => {
    if (!STATE_CHANGING.has(req.method) || skip(req.method, req.path)) return next();
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (!hasBody) return next();
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)) return next();
    next(new AppError('unsupported_media_type', `Request body must be application/json, not ${type || 'untyped'}`));
  };
}
