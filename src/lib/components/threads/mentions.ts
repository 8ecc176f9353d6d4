/**
 * @mention autocomplete: the people who may view the scope (`mentions.candidates`, checked by
 * the server's policy), then, for encounters, other members of the organisation marked
 * "no access" (mentioning one is refused with an offer to share, which is how a coder asks a
 * colleague outside the team in).
 */
import { api } from '$lib/api/client';
import type { UserDto } from '$lib/protocol/accounts';
import type { Scope } from '$lib/protocol/threads';
import { connection } from '$lib/stores/connection.svelte';
import type { MentionOption } from './MentionMenu.svelte';

export function mentionSearcher(scope: Scope, meId: string): (q: string) => Promise<MentionOption[]> {
  let members: Promise<UserDto[]> | null = null;
  return async (q) => {
    const ack = await connection.request('mentions.candidates', { scope, q });
    const may: MentionOption[] = ack.ok ? ack.data.map((p) => ({ ...p, canView: true })) : [];
    if (scope.type !== 'encounter' || q.length === 0) return may;
    members ??= api.get<UserDto[]>('/api/users').catch(() => []);
    const seen = new Set([meId, ...may.map((p) => p.id)]);
    const needle = q.toLowerCase();
    const others = (await members).filter((u) => !seen.has(u.id) && !u.disabled && u.name.toLowerCase().includes(needle))
      .slice(0, 5).map((u) => ({ id: u.id, name: u.name, role: u.role, canView: false }));
    return [...may, ...others];
  };
}
