/**
 * The signed-in user's notifications: the unread count for the shell's bell, the newest page
 * for its list, live additions (`notifications.created`) and read marks from other tabs
 * (`notifications.read`). The server's unread count is the truth; every answer carries it.
 * Reloaded after each reconnect (pushes sent while offline are not replayed).
 */
import type { NotificationDto } from '$lib/protocol/notifications';
import { connection } from './connection.svelte';

class NotificationsStore {
  items = $state<NotificationDto[]>([]);
  unread = $state(0);
  hasMore = $state(false);
  error = $state('');
  private started = false;

  start(): void {
    if (this.started) return;
    this.started = true;
    const io = connection.io;
    io.on('notifications.created', ({ notification, unread }) => {
      if (!this.items.some((n) => n.id === notification.id)) this.items = [notification, ...this.items];
      this.unread = unread;
    });
    io.on('notifications.read', ({ ids, unread }) => {
      this.items = this.items.map((n) => (ids === 'all' || ids.includes(n.id) ? { ...n, read: true } : n));
      this.unread = unread;
    });
    connection.onReconnect(() => this.load());
    if (io.connected) void this.load();
  }

  reset(): void {
    this.items = [];
    this.unread = 0;
    this.hasMore = false;
  }

  async load(): Promise<void> {
    const ack = await connection.request('notifications.list', { limit: 30 });
    if (!ack.ok) { this.error = ack.error.message; return; }
    this.error = '';
    this.items = ack.data.items;
    this.unread = ack.data.unread;
    this.hasMore = ack.data.hasMore;
  }

  async more(): Promise<void> {
    const last = this.items.at(-1);
    if (!last) return;
    const ack = await connection.request('notifications.list', { limit: 30, before: last.at });
    if (!ack.ok) { this.error = ack.error.message; return; }
    const seen = new Set(this.items.map((n) => n.id));
    this.items = [...this.items, ...ack.data.items.filter((n) => !seen.has(n.id))];
    this.hasMore = ack.data.hasMore;
  }

  async markRead(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const ack = await connection.request('notifications.read', { ids });
    if (!ack.ok) { this.error = ack.error.message; return; }
    this.items = this.items.map((n) => (ids.includes(n.id) ? { ...n, read: true } : n));
    this.unread = ack.data.unread;
  }

  async markAllRead(): Promise<void> {
    const ack = await connection.request('notifications.readAll', {});
    if (!ack.ok) { this.error = ack.error.message; return; }
    this.items = this.items.map((n) => ({ ...n, read: true }));
    this.unread = ack.data.unread;
  }
}

export const notifications = new NotificationsStore();
