/**
 * Presence and typing. Presence is per scope (encounter or forum post) and per user, not per
 * tab: a user is present while any of their sockets, on any server, has joined the scope. A
 * socket that drops is kept present for a grace period (PRESENCE_GRACE_MS on the server,
 * 5 s by default) so a reconnect does not flicker; `presence.left` is sent only once the
 * user's last socket is gone. Typing notices are volatile, rate limited and never stored.
 */
import type { Scope } from './threads';

export interface PresenceDto {
  userId: string;
  name: string;
  /** The thread this user has open (the most recently focused one of their tabs), or null. */
  threadId: string | null;
}

export interface PresenceJoinedEvent { scope: Scope; user: PresenceDto }
export interface PresenceLeftEvent { scope: Scope; userId: string }
export interface PresenceFocusEvent { scope: Scope; userId: string; threadId: string | null }
export interface TypingEvent { scope: Scope; threadId: string; user: { id: string; name: string } }
