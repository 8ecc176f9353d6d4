/**
 * The one error shape of every REST failure and every negative socket ack.
 * details: machine-readable extras of some codes (see events.ts: phi_suspected, mention_not_permitted, rate_limited).
 */
export interface ApiError { code: string; message: string; field?: string; details?: Record<string, unknown> }
export interface ErrorResponse { error: ApiError }
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiError };
