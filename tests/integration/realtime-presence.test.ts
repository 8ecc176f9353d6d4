/**
 * Presence (per user, across tabs, with a grace period on drops), focus, and catch-up after a
 * disconnect: a client that comes back asks for everything after its last seq and gets exactly
 * what it missed, in order, paged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, type TestOrg } from '../support/factories';
import { closeAllSockets, collect, connectUser, next, ok, openSocket, outcome, sessionCookieFor } from '../support/sockets';
import { sharedEncounter, uuid } from '../support/threads';
import { applyEntry, emptyTimeline, foldTimeline, needsCatchUp } from '../../src/lib/protocol/timeline';
import type { TimelineEntryDto } from '../../src/lib/protocol/threads';

const GRACE_MS = 600;
let server: TestServer;
let org: TestOrg;

beforeAll(async () => {
  server = await startTestServer({ presenceGraceMs: GRACE_MS });
  org = await createOrg(server.ctx.db.c);
});
afterAll(async () => {
  closeAllSockets();
  await server.close();
});

describe('presence', () => {
  it('shows who has the encounter open and which thread, and keeps a user present until their last tab closes', async () => {
    const enc = await sharedEncounter(server, org.coder, [org.senior]);
    const coder = await connectUser(server, org.coder);
    await ok(coder, 'encounters.join', { encounterId: enc.id });
    const { threadId } = await ok(coder, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' } });

    const joined = next(coder, 'presence.joined');
    const tab1 = await connectUser(server, org.senior);
    const answer = await ok(tab1, 'encounters.join', { encounterId: enc.id });
    expect(answer.presence.map((p) => p.userId).sort()).toEqual([org.coder._id, org.senior._id].sort());
    expect((await joined).user).toMatchObject({ userId: org.senior._id, name: org.senior.name });

    const focus = next(coder, 'presence.focus');
    await ok(tab1, 'presence.focus', { scope: enc.scope, threadId });
    expect(await focus).toEqual({ scope: enc.scope, userId: org.senior._id, threadId });

    const tab2 = await connectUser(server, org.senior);
    const second = await ok(tab2, 'encounters.join', { encounterId: enc.id });
    expect(second.presence.find((p) => p.userId === org.senior._id)?.threadId).toBe(threadId);

    const left = collect(coder, 'presence.left');
    tab1.disconnect();
    await new Promise((r) => setTimeout(r, GRACE_MS * 2));
    expect(left).toHaveLength(0); // the other tab is still open
    const gone = next(coder, 'presence.left');
    await ok(tab2, 'encounters.leave', { encounterId: enc.id });
    expect(await gone).toEqual({ scope: enc.scope, userId: org.senior._id });
  });

  it('does not flicker when a dropped socket reconnects within the grace period', async () => {
    const enc = await sharedEncounter(server, org.coder, [org.senior]);
    const coder = await connectUser(server, org.coder);
    await ok(coder, 'encounters.join', { encounterId: enc.id });
    const cookie = await sessionCookieFor(server.ctx, org.senior);
    const senior = openSocket(server.url, cookie);
    await outcome(senior);
    await ok(senior, 'encounters.join', { encounterId: enc.id });
    const left = collect(coder, 'presence.left');
    senior.disconnect();
    // While it is away, a fresh join still lists the senior (grace), and the reconnect rejoins.
    const during = await ok(coder, 'encounters.join', { encounterId: enc.id });
    expect(during.presence.map((p) => p.userId)).toContain(org.senior._id);
    senior.connect();
    await outcome(senior);
    await ok(senior, 'encounters.join', { encounterId: enc.id });
    await new Promise((r) => setTimeout(r, GRACE_MS * 2));
    expect(left).toHaveLength(0);
    // Gone for good: one presence.left after the grace period.
    const gone = next(coder, 'presence.left');
    senior.disconnect();
    expect(await gone).toEqual({ scope: enc.scope, userId: org.senior._id });
  });
});

describe('catch-up', () => {
  it('gives a client back exactly what it missed while disconnected, in order, without gaps or duplicates', async () => {
    const enc = await sharedEncounter(server, org.coder, [org.senior]);
    const coder = await connectUser(server, org.coder);
    await ok(coder, 'encounters.join', { encounterId: enc.id });
    const cookie = await sessionCookieFor(server.ctx, org.senior);
    const senior = openSocket(server.url, cookie);
    await outcome(senior);
    const joined = await ok(senior, 'encounters.join', { encounterId: enc.id });
    const state = emptyTimeline();
    const live: TimelineEntryDto[] = [];
    senior.on('timeline.appended', (e) => live.push(e.entry));

    const { threadId } = await ok(coder, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' }, message: { clientId: uuid(), body: 'before' } });
    await expect.poll(() => live.length).toBe(2);
    for (const e of live) applyEntry(state, e);
    expect(state.seq).toBe(joined.latestSeq + 2);

    senior.disconnect();
    const missed = [];
    for (let i = 0; i < 9; i++) missed.push((await ok(coder, 'messages.create', { threadId, clientId: uuid(), body: `missed ${i}` })).entry.seq);
    senior.connect();
    await outcome(senior);
    const again = await ok(senior, 'encounters.join', { encounterId: enc.id });
    expect(again.latestSeq).toBe(missed[missed.length - 1]);
    // A live entry past the gap tells the client to catch up first.
    const after = await ok(coder, 'messages.create', { threadId, clientId: uuid(), body: 'after' });
    expect(needsCatchUp(state, after.entry)).toBe(true);
    const pages: TimelineEntryDto[][] = [];
    for (let from = state.seq; ;) {
      const page = await ok(senior, 'encounters.catchUp', { encounterId: enc.id, afterSeq: from, limit: 4 });
      pages.push(page.entries);
      page.entries.forEach((e) => applyEntry(state, e));
      if (!page.hasMore) break;
      from = page.entries[page.entries.length - 1]!.seq;
    }
    const got = pages.flat().map((e) => e.seq);
    expect(got).toEqual([...missed, after.entry.seq]);
    expect(pages.length).toBe(3);
    // Live copies of entries already caught up change nothing.
    expect(applyEntry(state, after.entry)).toBe(false);
    const thread = state.threads.get(threadId)!;
    expect(thread.messages.map((m) => m.body)).toEqual(['before', ...missed.map((_, i) => `missed ${i}`), 'after']);
    const fresh = foldTimeline((await ok(senior, 'encounters.catchUp', { encounterId: enc.id, afterSeq: 0 })).entries);
    expect(fresh.threads.get(threadId)).toEqual(thread);
  });
});
