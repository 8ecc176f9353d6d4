/** The signed-in user, loaded once by the layout and shared by every page. */
import { api, ApiClientError } from '$lib/api/client';
import type { MeDto } from '$lib/protocol/accounts';

class SessionStore {
  me = $state<MeDto | null>(null);
  loaded = $state(false);

  async load(): Promise<MeDto | null> {
    try {
      this.me = await api.get<MeDto>('/api/auth/me');
    } catch (err) {
      if (!(err instanceof ApiClientError) || err.status !== 401) throw err;
      this.me = null;
    }
    this.loaded = true;
    return this.me;
  }

  async signOut(): Promise<void> {
    await api.post('/api/auth/sign-out');
    this.me = null;
  }
}

export const session = new SessionStore();
