/**
 * Stored notifications: mentions, replies in threads I take part in, shares with me and
 * resolutions of my flags. Each is written once (insert-only) and pushed live to `user:<id>`
 * as `notifications.created`; read marks are their own inserts, so marking never races.
 */
import { z } from 'zod';

export const NOTIFICATION_KINDS = ['mention', 'reply', 'share', 'flag-resolved', 'thread-resolved'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  at: string;
  by: { id: string; name: string };
  /** Where it opens: /encounters/<id>?thread=<threadId> or /forum/<postId>?thread=<threadId>. */
  href: string;
  encounterId: string | null;
  postId: string | null;
  threadId: string | null;
  messageId: string | null;
  /** A short plain line for the list ("Sage Senior mentioned you in UTI or sepsis?"). */
  text: string;
  read: boolean;
}

export interface NotificationPageDto { items: NotificationDto[]; unread: number; hasMore: boolean }

export const listNotificationsSchema = z.object({
  /** Only unread ones. */
  unread: z.boolean().optional(),
  /** Items older than this ISO time (the `at` of the last item of the previous page). */
  before: z.string().datetime().optional(),
  limit: z.number().int().min(1).max(100).optional()
}).strict();
export const markReadSchema = z.object({ ids: z.array(z.string().uuid()).min(1).max(100) }).strict();
export const markAllReadSchema = z.object({}).strict();

export type ListNotificationsInput = z.infer<typeof listNotificationsSchema>;
