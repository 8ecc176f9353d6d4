/** The one error shape of every REST failure and every negative socket ack. */
export interface ApiError { code: string; message: string; field?: string }
export interface ErrorResponse { error: ApiError }
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiError };
