/**
 * One error type for every failure the API reports on purpose. Anything else that escapes a
 * handler is a bug: it is logged and rendered as a 500 without internals.
 */
export type ErrorCode =
  | 'invalid_input' | 'malformed_json' | 'unauthenticated' | 'forbidden' | 'not_found'
  | 'conflict' | 'payload_too_large' | 'unsupported_media_type' | 'rate_limited' | 'internal' | 'unavailable'
  // Real-time threads (src/lib/protocol/events.ts): a scope not joined, a possible identifier in a forum message, a mention of someone who may not view.
  | 'not_joined' | 'phi_suspected' | 'mention_not_permitted';

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400, malformed_json: 400, unauthenticated: 401, forbidden: 403, not_found: 404,
  conflict: 409, payload_too_large: 413, unsupported_media_type: 415, rate_limited: 429, internal: 500, unavailable: 503,
  not_joined: 409, phi_suspected: 422, mention_not_permitted: 422
};

export class AppError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, message: string, readonly details?: unknown) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do that') => new AppError('forbidden', message);
export const unauthenticated = () => new AppError('unauthenticated', 'Sign in first');
export const conflict = (message: string) => new AppError('conflict', message);

