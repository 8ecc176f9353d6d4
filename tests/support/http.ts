/** A small HTTP client for tests: real fetch against the real server, carrying a session cookie. */
export interface Reply<T = any> { status: number; body: T; headers: Headers }

export class Client {
  cookie = '';
  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, raw?: { body: string; contentType?: string }): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    let payload: string | undefined;
    if (raw) { payload = raw.body; headers['content-type'] = raw.contentType ?? 'application/json'; }
    else if (body !== undefined) { payload = JSON.stringify(body); headers['content-type'] = 'application/json'; }
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: 'manual' });
    const setCookie = res.headers.getSetCookie();
    for (const c of setCookie) {
      const [pair] = c.split(';');
      if (pair!.startsWith('gc_session=')) this.cookie = pair!.endsWith('=') ? '' : pair!;
    }
    const text = await res.text();
    let parsed: any = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  get<T = any>(path: string) { return this.request<T>('GET', path); }
  post<T = any>(path: string, body?: unknown) { return this.request<T>('POST', path, body ?? {}); }
  patch<T = any>(path: string, body: unknown) { return this.request<T>('PATCH', path, body); }
  put<T = any>(path: string, body: unknown) { return this.request<T>('PUT', path, body); }
  delete<T = any>(path: string) { return this.request<T>('DELETE', path); }
}

export async function signedIn(baseUrl: string, email: string, password: string): Promise<Client> {
  const client = new Client(baseUrl);
  const r = await client.post('/api/auth/sign-in', { email, password });
  if (r.status !== 200) throw new Error(`sign-in failed for ${email}: ${r.status} ${JSON.stringify(r.body)}`);
  return client;
}

/** Asserts the one error shape and returns the error for further checks. */
export function errorOf(r: Reply): { code: string; message: string; field?: string } {
  if (!r.body || typeof r.body !== 'object' || !r.body.error || typeof r.body.error.code !== 'string' || typeof r.body.error.message !== 'string') {
    throw new Error(`expected {"error":{code,message}}, got ${r.status} ${JSON.stringify(r.body)}`);
  }
  return r.body.error;
}
