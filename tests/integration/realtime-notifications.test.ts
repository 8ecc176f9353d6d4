/**
 * Mentions and notifications: mentions of people who may view, refusals with an offer to
 * share, replies, shares and flag resolutions become stored notifications pushed live to the
 * user's room; unread count, list, mark read singly and all (seen by the user's other tabs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, createUserDoc, type TestOrg } from '../support/factories';
import { call, closeAllSockets, connectUser, next, ok } from '../support/sockets';
import { restAs, sharedEncounter, uuid } from '../support/threads';

let server: TestServer;
let org: TestOrg;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
});
afterAll(async () => {
  closeAllSockets();
  await server.close();
});

describe('mentions', () => {
  it('notifies a mentioned viewer live and stores it', async () => {
    const enc = await sharedEncounter(server, org.coder, [org.senior]);
    const coder = await connectUser(server, org.coder);
    await ok(coder, 'encounters.join', { encounterId: enc.id });
    const senior = await connectUser(server, org.senior); // not in the room: notifications go to user:<id>
    const candidates = await ok(coder, 'mentions.candidates', { scope: enc.scope, q: 'sage' });
    expect(candidates.map((c) => c.id)).toEqual([org.senior._id]);
    const pushed = next(senior, 'notifications.created', (e) => e.notification.kind === 'mention');
    const { threadId, message } = await ok(coder, 'threads.create', {
      scope: enc.scope, clientId: uuid(), anchor: enc.passage, message: { clientId: uuid(), body: '@Sage Senior is this sepsis?', mentions: [org.senior._id] }
    });
    expect(message!.entry).toMatchObject({ kind: 'message.created', mentions: [{ id: org.senior._id, name: org.senior.name }] });
    const { notification, unread } = await pushed;
    expect(notification).toMatchObject({
      kind: 'mention', by: { id: org.coder._id }, encounterId: enc.id, threadId, messageId: message!.entry.id,
      href: `/encounters/${enc.id}?thread=${threadId}`, read: false
    });
    expect(notification.text).toContain('mentioned you');
    expect(unread).toBe(2); // the share that let the senior in, and this mention
    const page = await ok(senior, 'notifications.list', {});
    expect(page.items.filter((n) => n.encounterId === enc.id).map((n) => n.kind)).toEqual(['mention', 'share']);
    expect(page.items[0]!.id).toBe(notification.id);
    expect(page.unread).toBe(2);
  });

  it('refuses to mention someone who may not view, offering to share when the sender may', async () => {
    const enc = await sharedEncounter(server, org.coder, [org.senior]);
    const owner = await connectUser(server, org.coder);
    const senior = await connectUser(server, org.senior);
    await ok(owner, 'encounters.join', { encounterId: enc.id });
    await ok(senior, 'encounters.join', { encounterId: enc.id });
    const { threadId } = await ok(owner, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' } });
    const before = (await ok(owner, 'encounters.catchUp', { encounterId: enc.id, afterSeq: 0 })).entries.length;
    const byOwner = await call(owner, 'messages.create', { threadId, clientId: uuid(), body: 'Otto?', mentions: [org.otherCoder._id] });
    expect(byOwner.ok ? null : byOwner.error).toMatchObject({
      code: 'mention_not_permitted', details: { users: [{ id: org.otherCoder._id, name: org.otherCoder.name }], canShare: true }
    });
    const bySenior = await call(senior, 'messages.create', { threadId, clientId: uuid(), body: 'Otto?', mentions: [org.otherCoder._id] });
    expect(bySenior.ok ? null : bySenior.error).toMatchObject({ code: 'mention_not_permitted', details: { canShare: false } });
    // A new thread whose first message is refused leaves no thread behind.
    const newThread = await call(owner, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' }, message: { clientId: uuid(), body: 'Otto?', mentions: [org.otherCoder._id] } });
    expect(newThread.ok ? null : newThread.error.code).toBe('mention_not_permitted');
    const stranger = await call(owner, 'messages.create', { threadId, clientId: uuid(), body: 'x', mentions: [uuid()] });
    expect(stranger.ok ? null : stranger.error).toMatchObject({ code: 'invalid_input', field: 'mentions' });
    expect((await ok(owner, 'encounters.catchUp', { encounterId: enc.id, afterSeq: 0 })).entries.length).toBe(before);
    const candidates = await ok(owner, 'mentions.candidates', { scope: enc.scope });
    expect(candidates.map((c) => c.id)).not.toContain(org.otherCoder._id);
  });
});

describe('notifications', () => {
  it('notifies replies in my thread, shares with me and resolutions of my flag', async () => {
    const coderUser = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder', name: 'Nora Notified' });
    const enc = await sharedEncounter(server, coderUser, [org.senior]);
    const coder = await connectUser(server, coderUser);
    await ok(coder, 'encounters.join', { encounterId: enc.id });
    const senior = await connectUser(server, org.senior);
    await ok(senior, 'encounters.join', { encounterId: enc.id });
    const { threadId } = await ok(coder, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' }, message: { clientId: uuid(), body: 'Thoughts?' } });

    // While the coder has the encounter open, replies arrive live and are not notified.
    await ok(senior, 'messages.create', { threadId, clientId: uuid(), body: 'Looking.' });
    await ok(coder, 'encounters.leave', { encounterId: enc.id });
    await new Promise((r) => setTimeout(r, 2_100)); // who is viewing is cached for 2 s
    const reply = next(coder, 'notifications.created', (e) => e.notification.kind === 'reply');
    await ok(senior, 'messages.create', { threadId, clientId: uuid(), body: 'Sepsis is not supported.' });
    expect((await reply).notification).toMatchObject({ kind: 'reply', threadId, by: { id: org.senior._id } });
    // More replies in the same thread soon after are coalesced into that one notification.
    await ok(senior, 'messages.create', { threadId, clientId: uuid(), body: 'And the lactate is normal.' });

    const resolved = next(coder, 'notifications.created', (e) => e.notification.kind === 'flag-resolved');
    const seniorRest = await restAs(server, org.senior);
    expect((await seniorRest.patch(`/api/encounters/${enc.id}/flags/${enc.flagId}`, { status: 'resolved' })).status).toBe(200);
    expect((await resolved).notification).toMatchObject({ kind: 'flag-resolved', encounterId: enc.id, by: { id: org.senior._id } });

    const threadResolved = next(coder, 'notifications.created', (e) => e.notification.kind === 'thread-resolved');
    expect((await ok(coder, 'notifications.list', {})).items.filter((n) => n.kind === 'reply')).toHaveLength(1);
    await ok(senior, 'threads.resolve', { threadId, clientId: uuid() });
    expect((await threadResolved).notification.threadId).toBe(threadId);

    const other = await connectUser(server, org.otherCoder);
    const shared = next(other, 'notifications.created', (e) => e.notification.kind === 'share');
    await enc.rest.put(`/api/encounters/${enc.id}/sharing`, { userIds: [org.senior._id, org.otherCoder._id], teamIds: [] });
    expect((await shared).notification).toMatchObject({ kind: 'share', encounterId: enc.id, href: `/encounters/${enc.id}` });

    // Each event notified once; the senior's own actions did not notify the senior.
    const mine = await ok(coder, 'notifications.list', {});
    expect(mine.items.map((n) => n.kind).sort()).toEqual(['flag-resolved', 'reply', 'thread-resolved']);
    const seniorOwn = await ok(senior, 'notifications.list', {});
    expect(seniorOwn.items.filter((n) => n.encounterId === enc.id).map((n) => n.kind)).toEqual(['share']);
  });

  it('resolves a flag\'s thread with the flag and reopens it with the flag, notifying the flag only', async () => {
    const coderUser = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder', name: 'Fay Flagger' });
    const enc = await sharedEncounter(server, coderUser, [org.senior]);
    const coder = await connectUser(server, coderUser);
    await ok(coder, 'encounters.join', { encounterId: enc.id });
    const { threadId } = await ok(coder, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'flag', flagId: enc.flagId }, message: { clientId: uuid(), body: 'Is this sepsis?' } });
    const seniorRest = await restAs(server, org.senior);
    const resolvedLive = next(coder, 'timeline.appended', (e) => e.entry.kind === 'thread.resolved' && e.entry.threadId === threadId);
    const flagNote = next(coder, 'notifications.created', (e) => e.notification.kind === 'flag-resolved');
    expect((await seniorRest.patch(`/api/encounters/${enc.id}/flags/${enc.flagId}`, { status: 'resolved' })).status).toBe(200);
    expect((await resolvedLive).entry.by.id).toBe(org.senior._id);
    await flagNote;
    // A resolution that changes nothing (already resolved) writes nothing more.
    expect((await seniorRest.patch(`/api/encounters/${enc.id}/flags/${enc.flagId}`, { status: 'resolved' })).status).toBe(200);
    const reopenedLive = next(coder, 'timeline.appended', (e) => e.entry.kind === 'thread.reopened' && e.entry.threadId === threadId);
    expect((await seniorRest.patch(`/api/encounters/${enc.id}/flags/${enc.flagId}`, { status: 'in-discussion' })).status).toBe(200);
    await reopenedLive;
    const kinds = (await ok(coder, 'encounters.catchUp', { encounterId: enc.id, afterSeq: 0 })).entries.filter((e) => e.threadId === threadId).map((e) => e.kind);
    expect(kinds).toEqual(['thread.opened', 'message.created', 'thread.resolved', 'thread.reopened']);
    const mine = await ok(coder, 'notifications.list', {});
    expect(mine.items.filter((n) => n.encounterId === enc.id).map((n) => n.kind)).toEqual(['flag-resolved']);
  });

  it('a resolution resolves its flag\'s thread, and reopening the resolution reopens it', async () => {
    const enc = await sharedEncounter(server, org.coder, [org.senior]);
    const coder = await connectUser(server, org.coder);
    await ok(coder, 'encounters.join', { encounterId: enc.id });
    const { threadId } = await ok(coder, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'flag', flagId: enc.flagId }, message: { clientId: uuid(), body: 'Sepsis or UTI first?' } });
    const seniorRest = await restAs(server, org.senior);
    const resolvedLive = next(coder, 'timeline.appended', (e) => e.entry.kind === 'thread.resolved' && e.entry.threadId === threadId);
    const made = await seniorRest.post(`/api/encounters/${enc.id}/resolutions`, {
      flagId: enc.flagId, summary: 'UTI is principal.', rationale: 'Sepsis was ruled out at discharge.', references: [], outcome: 'coded-as-proposed'
    });
    expect(made.status).toBe(201);
    expect((await resolvedLive).entry.by.id).toBe(org.senior._id);
    const reopenedLive = next(coder, 'timeline.appended', (e) => e.entry.kind === 'thread.reopened' && e.entry.threadId === threadId);
    expect((await seniorRest.post(`/api/resolutions/${made.body.data.id}/reopen`, { reason: 'An addendum documents sepsis' })).status).toBe(200);
    await reopenedLive;
    const kinds = (await ok(coder, 'encounters.catchUp', { encounterId: enc.id, afterSeq: 0 })).entries.filter((e) => e.threadId === threadId).map((e) => e.kind);
    expect(kinds).toEqual(['thread.opened', 'message.created', 'thread.resolved', 'thread.reopened']);
  });

  it('marks read singly and all, and tells the user\'s other tabs', async () => {
    const u = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder', name: 'Rita Reader' });
    const enc = await sharedEncounter(server, org.coder, [org.senior, u]);
    const author = await connectUser(server, org.coder);
    await ok(author, 'encounters.join', { encounterId: enc.id });
    const tab1 = await connectUser(server, u);
    const tab2 = await connectUser(server, u);
    const { threadId } = await ok(author, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' } });
    for (let i = 0; i < 3; i++) {
      const got = next(tab1, 'notifications.created');
      await ok(author, 'messages.create', { threadId, clientId: uuid(), body: `ping ${i}`, mentions: [u._id] });
      await got;
    }
    let page = await ok(tab1, 'notifications.list', {});
    expect(page.unread).toBe(4); // the share and three mentions
    const seen = next(tab2, 'notifications.read');
    const mention = page.items.find((n) => n.kind === 'mention')!;
    expect(await ok(tab1, 'notifications.read', { ids: [mention.id] })).toEqual({ unread: 3 });
    expect(await seen).toEqual({ ids: [mention.id], unread: 3 });
    expect(await ok(tab1, 'notifications.read', { ids: [mention.id] })).toEqual({ unread: 3 });
    const unreadOnly = await ok(tab1, 'notifications.list', { unread: true });
    expect(unreadOnly.items.map((n) => n.id)).not.toContain(mention.id);
    expect(await ok(tab2, 'notifications.readAll', {})).toEqual({ unread: 0 });
    page = await ok(tab1, 'notifications.list', {});
    expect(page.items.every((n) => n.read)).toBe(true);
    // Someone else's notification ids are ignored.
    const other = await connectUser(server, org.senior);
    expect(await ok(other, 'notifications.read', { ids: [mention.id] })).toMatchObject({ unread: expect.any(Number) });
    const bad = await call(tab1, 'notifications.read', { ids: ['x'] });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
  });
});
