/**
 * Stored notifications. A subscriber of the domain bus turns events into notifications:
 * mentions and replies (a message in a thread the user opened or wrote in), shares with the
 * user or their team, and resolutions of the user's flags and threads. Each is one insert with
 * an _id derived from what it is about, so the same event never notifies twice; it is pushed
 * live to `user:<id>` (server/sockets/broadcast.ts) after it has landed.
 * Read marks are inserts too (one per notification, or one "everything before T" per
 * read-all), so concurrent marking from several tabs never loses a mark.
 * Thread participants are remembered per process for five minutes (a participant who joined on
 * another node in that time misses a reply notification, never gets a wrong one).
 * Replies are coalesced: at most one reply notification per user and thread per
 * REPLY_WINDOW_MS (its key names the window, so every node agrees), and none goes to someone
 * who has the encounter or post open right now (they see the reply live; the socket layer
 * answers "who is viewing", cached for VIEWERS_TTL_MS), so a busy thread costs a few inserts,
 * not one per participant per message. Mentions always notify.
 */
import { FLAG_CHANGE_PREFIX } from './threads';
import { randomUUID } from 'node:crypto';
import type { Actor, AppContext } from '../context';
import type { NotificationDoc, NotificationReadDoc, ThreadDoc } from '../db/collections';
import type { DomainEventOf } from '../events/bus';
import { isDuplicateKey } from '../db/storage';
import { KeyedBatches } from '../db/storage/keyed-batches';
import { findThread, threadsParticipants } from '../repositories/threads';
import { derivedId } from './timeline';
import type { ListNotificationsInput, NotificationDto, NotificationKind, NotificationPageDto } from '../../src/lib/protocol/notifications';

// Five minutes, not one: re-reading participants is a scan of the whole timeline on FerretDB
// (seconds at 20 000 entries, competing with the message inserts); replies are coalesced per
// 10 minutes anyway, so a longer memory changes little of what is notified.
const PARTICIPANTS_TTL_MS = 5 * 60_000;
export const REPLY_WINDOW_MS = 10 * 60_000;
const VIEWERS_TTL_MS = 2_000;
export const UNREAD_TTL_MS = 30_000;

/** Who has a room open now, on any node; set by the socket layer (no sockets: nobody). */
type ViewersOf = (room: string) => Promise<Set<string>>;
const viewerSources = new WeakMap<AppContext, ViewersOf>();
export function setViewersSource(ctx: AppContext, fn: ViewersOf): void {
  const cache = new Map<string, { at: number; ids: Promise<Set<string>> }>();
  viewerSources.set(ctx, (room) => {
    const hit = cache.get(room);
    if (hit && Date.now() - hit.at < VIEWERS_TTL_MS) return hit.ids;
    const ids = fn(room).catch(() => new Set<string>());
    cache.set(room, { at: Date.now(), ids });
    if (cache.size > 5_000) cache.delete(cache.keys().next().value!);
    return ids;
  });
}

function presentNotification(n: NotificationDoc, read: boolean): NotificationDto {
  const base = n.postId ? `/forum/${n.postId}` : `/encounters/${n.encounterId}`;
  return {
    id: n._id, kind: n.kind, at: n.at.toISOString(), by: { id: n.byId, name: n.byName },
    href: n.threadId ? `${base}?thread=${n.threadId}` : base,
    encounterId: n.encounterId, postId: n.postId, threadId: n.threadId, messageId: n.messageId, text: n.text, read
  };
}

/** Read state of one user from their read marks. */
function readStateOf(reads: Pick<NotificationReadDoc, 'notificationId' | 'allBefore'>[]): (n: Pick<NotificationDoc, '_id' | 'at'>) => boolean {
  const allBefore = Math.max(0, ...reads.map((r) => r.allBefore?.getTime() ?? 0));
  const ids = new Set(reads.flatMap((r) => (r.notificationId ? [r.notificationId] : [])));
  return (n) => n.at.getTime() <= allBefore || ids.has(n._id);
}

async function readState(ctx: AppContext, userId: string): Promise<(n: Pick<NotificationDoc, '_id' | 'at'>) => boolean> {
  return readStateOf(await ctx.db.c.notificationReads.find({ userId }).toArray());
}

interface UnreadJob { userId: string; resolve(n: number): void; reject(e: unknown): void }
const unreadBatches = new WeakMap<AppContext, KeyedBatches<UnreadJob>>();

/** The unread counts of every user asked for since the last run: one pair of reads for all of them. */
async function countUnread(ctx: AppContext, jobs: UnreadJob[]): Promise<void> {
  try {
    const users = [...new Set(jobs.map((j) => j.userId))];
    const [notes, reads] = await Promise.all([
      ctx.db.c.notifications.find({ userId: { $in: users } }).project<Pick<NotificationDoc, '_id' | 'at' | 'userId'>>({ _id: 1, at: 1, userId: 1 }).toArray(),
      ctx.db.c.notificationReads.find({ userId: { $in: users } }).project<Pick<NotificationReadDoc, 'userId' | 'notificationId' | 'allBefore'>>({ userId: 1, notificationId: 1, allBefore: 1 }).toArray()
    ]);
    const counts = new Map<string, number>();
    for (const u of users) {
      const isRead = readStateOf(reads.filter((r) => r.userId === u));
      counts.set(u, notes.filter((n) => n.userId === u && !isRead(n)).length);
    }
    for (const j of jobs) j.resolve(counts.get(j.userId) ?? 0);
  } catch (err) {
    for (const j of jobs) j.reject(err);
  }
}

/**
 * Unread counts read from the database, per user, kept for UNREAD_TTL_MS and kept current with
 * this process's own changes: a notification it stored adds one, a read mark it stored drops the
 * entry (the next ask reads again). Why: FerretDB decodes every notification of the organisation
 * for any filter (seconds at 20 000 notifications), and every push carries a count. A change made
 * on another node shows in this node's counts within UNREAD_TTL_MS (that node's own pushes carry
 * its counts at once).
 */
interface CachedCount { n: Promise<number>; at: number; settled: boolean }
const unreadCache = new WeakMap<AppContext, Map<string, CachedCount>>();
const cacheOfUnread = (ctx: AppContext) => {
  let m = unreadCache.get(ctx);
  if (!m) unreadCache.set(ctx, (m = new Map()));
  return m;
};

/** This process stored a new notification for the user: a settled cached count gains one; one being read is dropped. */
function countStored(ctx: AppContext, userId: string): void {
  const m = cacheOfUnread(ctx);
  const hit = m.get(userId);
  if (!hit) return;
  // A read still in flight may or may not see the new notification: read again instead.
  if (!hit.settled) m.delete(userId);
  else hit.n = hit.n.then((n) => n + 1);
}

/**
 * A user's unread count, including everything this process stored before the call (and what
 * other nodes stored up to UNREAD_TTL_MS ago). Reads that are needed share one read of all
 * the users asked for meanwhile (one scan for 1000 users costs what one for one user does).
 */
export function unreadCount(ctx: AppContext, userId: string): Promise<number> {
  const m = cacheOfUnread(ctx);
  const hit = m.get(userId);
  if (hit && Date.now() - hit.at < UNREAD_TTL_MS) return hit.n;
  let b = unreadBatches.get(ctx);
  if (!b) unreadBatches.set(ctx, (b = new KeyedBatches<UnreadJob>((_k, jobs) => countUnread(ctx, jobs), (err) => ctx.log.warn({ err }, 'unread count failed'))));
  const batches = b;
  const entry: CachedCount = { n: new Promise<number>((resolve, reject) => batches.push('unread', { userId, resolve, reject })), at: Date.now(), settled: false };
  entry.n.then(() => { entry.settled = true; }, () => { if (m.get(userId) === entry) m.delete(userId); });
  m.set(userId, entry);
  if (m.size > 20_000) m.delete(m.keys().next().value!);
  return entry.n;
}

/** This process stored read marks for the user: the next count is read from the database. */
const marksStored = (ctx: AppContext, userId: string) => void cacheOfUnread(ctx).delete(userId);

export async function listNotifications(ctx: AppContext, actor: Actor, input: ListNotificationsInput): Promise<NotificationPageDto> {
  const limit = input.limit ?? 30;
  const isRead = await readState(ctx, actor.userId);
  const filter = { userId: actor.userId, ...(input.before ? { at: { $lt: new Date(input.before) } } : {}) };
  const docs = (await ctx.db.c.notifications.find(filter).sort({ at: -1, _id: 1 }).toArray()).filter((n) => !input.unread || !isRead(n));
  return {
    items: docs.slice(0, limit).map((n) => presentNotification(n, isRead(n))),
    hasMore: docs.length > limit,
    unread: await unreadCount(ctx, actor.userId)
  };
}

export async function markRead(ctx: AppContext, actor: Actor, ids: string[]): Promise<{ unread: number }> {
  const mine = await ctx.db.c.notifications.find({ _id: { $in: ids }, userId: actor.userId }).project<{ _id: string }>({ _id: 1 }).toArray();
  const now = new Date();
  const marks: NotificationReadDoc[] = mine.map((n) => ({ _id: `read:${n._id}`, userId: actor.userId, notificationId: n._id, allBefore: null, at: now }));
  if (marks.length > 0) {
    // A mark that exists already is what we want: ignore duplicate keys.
    await ctx.db.c.notificationReads.insertMany(marks, { ordered: false }).catch((err) => { if (!isDuplicateKey(err)) throw err; });
    marksStored(ctx, actor.userId);
  }
  ctx.bus.publish({ type: 'notifications.read', userId: actor.userId, ids: mine.map((n) => n._id) });
  return { unread: await unreadCount(ctx, actor.userId) };
}

export async function markAllRead(ctx: AppContext, actor: Actor): Promise<{ unread: number }> {
  await ctx.db.c.notificationReads.insertOne({ _id: randomUUID(), userId: actor.userId, notificationId: null, allBefore: new Date(), at: new Date() });
  marksStored(ctx, actor.userId);
  ctx.bus.publish({ type: 'notifications.read', userId: actor.userId, ids: 'all' });
  return { unread: await unreadCount(ctx, actor.userId) };
}

type NewNotification = Omit<NotificationDoc, '_id' | 'at'> & { key: string };

interface NotifyJob { doc: NotificationDoc; resolve(stored: boolean): void; reject(e: unknown): void }
const notifyBatches = new WeakMap<AppContext, KeyedBatches<NotifyJob>>();
const INSERT_CHUNK = 100;

/** Which documents of an unordered insert were refused as duplicates; null when the error does not say. */
function duplicatesOf(err: unknown, count: number): Set<number> | null {
  const e = err as { writeErrors?: { index: number; code?: number }[] | { index: number; code?: number }; insertedCount?: number; result?: { insertedCount?: number } };
  const list = Array.isArray(e.writeErrors) ? e.writeErrors : e.writeErrors ? [e.writeErrors] : [];
  if (list.length === 0 || list.some((w) => w.code !== 11000)) return null;
  const inserted = e.insertedCount ?? e.result?.insertedCount;
  if (inserted !== undefined && inserted + list.length !== count) return null;
  return new Set(list.map((w) => w.index));
}

/** One unordered insert per chunk of everything notified in a tick; each job learns whether its document is new. */
async function insertNotifications(ctx: AppContext, jobs: NotifyJob[]): Promise<void> {
  for (let i = 0; i < jobs.length; i += INSERT_CHUNK) {
    const chunk = jobs.slice(i, i + INSERT_CHUNK);
    try {
      await ctx.db.c.notifications.insertMany(chunk.map((j) => j.doc), { ordered: false });
      chunk.forEach((j) => j.resolve(true));
    } catch (err) {
      const dups = isDuplicateKey(err) ? duplicatesOf(err, chunk.length) : null;
      if (dups) { chunk.forEach((j, k) => j.resolve(!dups.has(k))); continue; }
      // An answer we cannot read document by document: each one alone (a duplicate is "not new").
      await Promise.all(chunk.map((j) => ctx.db.c.notifications.insertOne(j.doc).then(() => j.resolve(true), (e2) => (isDuplicateKey(e2) ? j.resolve(false) : j.reject(e2)))));
    }
  }
}

/**
 * Inserts once (the key decides) and publishes it after it has landed; a repeat of the same
 * key does nothing. Notifications of one tick share one insert (FerretDB: an insertMany of 100
 * costs about one insert, and parallel inserts contend).
 */
export async function notify(ctx: AppContext, n: NewNotification): Promise<void> {
  const { key, ...rest } = n;
  const doc: NotificationDoc = { _id: derivedId(`notification:${key}`), at: new Date(), ...rest };
  let b = notifyBatches.get(ctx);
  if (!b) notifyBatches.set(ctx, (b = new KeyedBatches<NotifyJob>((_k, jobs) => insertNotifications(ctx, jobs), (err) => ctx.log.warn({ err }, 'notification insert failed'))));
  const batches = b;
  const isNew = await new Promise<boolean>((resolve, reject) => batches.push('notify', { doc, resolve, reject }));
  if (!isNew) return;
  countStored(ctx, doc.userId);
  ctx.bus.publish({ type: 'notification.created', userId: doc.userId, notification: presentNotification(doc, false) });
}

/** Keys this process has already notified (skips the insert attempt); bounded. */
const notifiedKeys = new WeakMap<AppContext, Set<string>>();
function keysOf(ctx: AppContext): Set<string> {
  let set = notifiedKeys.get(ctx);
  if (!set) notifiedKeys.set(ctx, (set = new Set()));
  if (set.size > 50_000) set.clear();
  return set;
}

interface ParticipantsJob { threadId: string; resolve(ids: Set<string>): void; reject(e: unknown): void }
const participantsCache = new WeakMap<AppContext, { known: Map<string, { ids: Promise<Set<string>>; at: number }>; batches: KeyedBatches<ParticipantsJob> }>();

/**
 * Who opened or wrote in a thread, remembered for PARTICIPANTS_TTL_MS and kept current with this
 * process's own messages. The promise is what is remembered, so a burst of messages in a new
 * thread costs one read; threads asked for together share one read (FerretDB scans anyway).
 */
function participantsOf(ctx: AppContext, thread: ThreadDoc): Promise<Set<string>> {
  let p = participantsCache.get(ctx);
  if (!p) {
    const batches = new KeyedBatches<ParticipantsJob>(async (_k, jobs) => {
      try {
        const found = await threadsParticipants(ctx.db.c, [...new Set(jobs.map((j) => j.threadId))]);
        for (const j of jobs) j.resolve(new Set(found.get(j.threadId) ?? []));
      } catch (err) { for (const j of jobs) j.reject(err); }
    }, (err) => ctx.log.warn({ err }, 'thread participants read failed'));
    participantsCache.set(ctx, (p = { known: new Map(), batches }));
  }
  const { known, batches } = p;
  const hit = known.get(thread._id);
  if (hit && Date.now() - hit.at < PARTICIPANTS_TTL_MS) return hit.ids;
  const ids = new Promise<Set<string>>((resolve, reject) => batches.push('participants', { threadId: thread._id, resolve, reject }))
    .then((set) => set.add(thread.createdById));
  known.set(thread._id, { ids, at: Date.now() });
  ids.catch(() => known.delete(thread._id));
  if (known.size > 10_000) known.delete(known.keys().next().value!);
  return ids;
}

async function titleOf(ctx: AppContext, thread: ThreadDoc): Promise<string> {
  if (thread.postId) return (await ctx.db.c.forumPosts.findOne({ _id: thread.postId }, { projection: { title: 1 } }))?.title ?? 'a forum post';
  return (await ctx.db.stores.encounters.load(thread.encounterId!))?.title ?? 'an encounter';
}

async function onTimeline(ctx: AppContext, e: DomainEventOf<'timeline.appended'>): Promise<void> {
  const { entry } = e;
  if (entry.kind !== 'message.created' && entry.kind !== 'thread.resolved') return;
  const thread = await findThread(ctx.db.c, e.orgId, entry.threadId);
  if (!thread) return;
  const common = { orgId: e.orgId, byId: entry.by.id, byName: entry.by.name, encounterId: thread.encounterId, postId: thread.postId, threadId: thread._id };
  const replyWindow = Math.floor(Date.now() / REPLY_WINDOW_MS);
  const keyOf = (kind: NotificationKind, userId: string) => (kind === 'reply' ? `reply:${userId}:${thread._id}:${replyWindow}` : `${kind}:${userId}:${entry.id}`);
  const notified = keysOf(ctx);
  const send = async (userIds: Iterable<string>, kind: NotificationKind, verb: string, messageId: string | null) => {
    let candidates = [...userIds].filter((u) => u !== entry.by.id);
    // Who has the room open is asked first: in a busy room that is everyone, and then no key is built.
    if (kind === 'reply' && candidates.length > 0) {
      const viewing = await (viewerSources.get(ctx)?.(thread.room) ?? Promise.resolve(new Set<string>()));
      candidates = candidates.filter((u) => !viewing.has(u));
    }
    const targets = candidates.map((userId) => ({ userId, key: keyOf(kind, userId) })).filter((t) => !notified.has(t.key));
    if (targets.length === 0) return;
    for (const t of targets) notified.add(t.key);
    const title = await titleOf(ctx, thread);
    await Promise.all(targets.map(({ userId, key }) => notify(ctx, { ...common, key, userId, kind, messageId, text: `${entry.by.name} ${verb} ${title}` })));
  };
  if (entry.kind === 'thread.resolved') {
    // A flag's thread resolved with the flag: its author hears of the flag's resolution only.
    if (entry.id.includes(`:${FLAG_CHANGE_PREFIX}`)) return;
    return send([thread.createdById], 'thread-resolved', 'resolved your thread in', null);
  }
  const participants = await participantsOf(ctx, thread);
  const mentioned = new Set(e.mentionIds);
  const repliedTo = [...participants].filter((u) => !mentioned.has(u));
  participants.add(entry.by.id);
  if (mentioned.size > 0) await send(mentioned, 'mention', 'mentioned you in', entry.id);
  if (repliedTo.length > 0) await send(repliedTo, 'reply', 'replied in a thread of', entry.id);
}

async function onEncounterChanged(ctx: AppContext, e: DomainEventOf<'encounter.changed'>): Promise<void> {
  const { before, after, actor } = e;
  const common = { orgId: after.orgId, byId: actor.userId, byName: actor.name, encounterId: after._id, postId: null, messageId: null };
  const addedUsers = after.sharedUserIds.filter((u) => !before.sharedUserIds.includes(u));
  const addedTeams = after.sharedTeamIds.filter((t) => !before.sharedTeamIds.includes(t));
  const viaTeams = addedTeams.length > 0
    ? (await ctx.db.c.users.find({ orgId: after.orgId, teamIds: { $in: addedTeams }, disabled: false }).project<{ _id: string }>({ _id: 1 }).toArray()).map((u) => u._id)
    : [];
  const shareTargets = new Set([...addedUsers, ...viaTeams].filter((u) => u !== actor.userId && u !== after.ownerId));
  await Promise.all([...shareTargets].map((userId) => notify(ctx, {
    ...common, key: `share:${userId}:${after._id}:${after.revision ?? 0}`, userId, kind: 'share', threadId: null, text: `${actor.name} shared ${after.title} with you`
  })));
  for (const flag of after.flags) {
    const was = before.flags.find((f) => f.id === flag.id);
    if (flag.status !== 'resolved' || was?.status === 'resolved' || flag.createdById === actor.userId) continue;
    await notify(ctx, {
      ...common, key: `flag-resolved:${flag.createdById}:${flag.id}:${flag.updatedAt.toISOString()}`, userId: flag.createdById, kind: 'flag-resolved',
      threadId: derivedId(`flag:encounter:${after._id}:${flag.id}`), text: `${actor.name} resolved your flag on ${after.title}`
    });
  }
}

/** Subscribes the notification rules to the bus (once per context, at boot). */
export function startNotifications(ctx: AppContext): () => void {
  return ctx.bus.subscribe(async (e) => {
    if (e.type === 'timeline.appended') await onTimeline(ctx, e);
    else if (e.type === 'encounter.changed') await onEncounterChanged(ctx, e);
  });
}
