/** Typed fetch client for /api. Every failure becomes an ApiClientError carrying the server's code and message. */
import type { ApiError } from '$lib/protocol/errors';

export class ApiClientError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly field?: string) {
    super(message);
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin'
    });
  } catch {
    throw new ApiClientError(0, 'network', 'Cannot reach the Graycase server; check your connection');
  }
  const json = await res.json().catch(() => null) as { data?: T; error?: ApiError } | null;
  if (!res.ok || !json || json.error) {
    const e = json?.error;
    throw new ApiClientError(res.status, e?.code ?? 'unknown', e?.message ?? `Request failed (${res.status})`, e?.field);
  }
  return json.data as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url)
};
