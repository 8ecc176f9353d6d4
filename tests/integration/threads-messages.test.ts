/**
 * Threads and messages over real sockets: order, idempotency, edits, tombstones, reactions,
 * resolution, anchors, limits, and refusals that keep the socket open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, type TestOrg } from '../support/factories';
import { call, closeAllSockets, collect, connectUser, next, ok, type TestSocket } from '../support/sockets';
import { sharedEncounter, uuid } from '../support/threads';
import { foldTimeline } from '../../src/lib/protocol/timeline';
import { THREAD_LIMITS, type TimelineEntryDto } from '../../src/lib/protocol/threads';

let server: TestServer;
let org: TestOrg;
let enc: Awaited<ReturnType<typeof sharedEncounter>>;
let coder: TestSocket;
let senior: TestSocket;
let seniorTab2: TestSocket;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
  enc = await sharedEncounter(server, org.coder, [org.senior]);
  [coder, senior, seniorTab2] = await Promise.all([connectUser(server, org.coder), connectUser(server, org.senior), connectUser(server, org.senior)]);
  for (const s of [coder, senior, seniorTab2]) await ok(s, 'encounters.join', { encounterId: enc.id });
});
afterAll(async () => {
  closeAllSockets();
  await server.close();
});

async function allEntries(s: TestSocket, afterSeq = 0): Promise<TimelineEntryDto[]> {
  const out: TimelineEntryDto[] = [];
  for (let after = afterSeq; ;) {
    const page = await ok(s, 'encounters.catchUp', { encounterId: enc.id, afterSeq: after, limit: 7 });
    out.push(...page.entries);
    if (!page.hasMore) return out;
    after = page.entries[page.entries.length - 1]!.seq;
  }
}

/** A newly joined socket of this user (rate limits are per socket: the burst tests use their own). */
async function joined(user = org.coder): Promise<TestSocket> {
  const s = await connectUser(server, user);
  await ok(s, 'encounters.join', { encounterId: enc.id });
  return s;
}

async function newThread(s: TestSocket = coder, body = 'Is this sepsis due to UTI?') {
  return ok(s, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: enc.passage, message: { clientId: uuid(), body } });
}

describe('order', () => {
  it('gives every client the same entries in the same order, live and on catch-up', async () => {
    // a: the coder; b and c: two tabs of the senior. a and b write.
    const [a, b, c] = await Promise.all([joined(org.coder), joined(org.senior), joined(org.senior)]);
    const { threadId } = await newThread(a);
    const raw = [a, b, c].map((s) => collect(s, 'timeline.appended'));
    // The thread's first message may still be on its way: look at the burst only.
    const burst = (e: { entry: TimelineEntryDto }) => e.entry.kind === 'message.created' && /^(coder|senior) \d+$/.test(e.entry.body);
    const live = raw.map((got) => () => got.filter(burst).map((e) => e.entry));
    const sends: Promise<{ entry: TimelineEntryDto }>[][] = [[], []];
    for (let i = 0; i < 12; i++) {
      sends[0]!.push(ok(a, 'messages.create', { threadId, clientId: uuid(), body: `coder ${i}` }));
      sends[1]!.push(ok(b, 'messages.create', { threadId, clientId: uuid(), body: `senior ${i}` }));
    }
    const acked = await Promise.all(sends.map((list) => Promise.all(list)));
    const ackedEntries = acked.map((list) => list.map((x) => x.entry));
    expect(new Set(ackedEntries.flat().map((e) => e.seq)).size).toBe(24);
    // A writer has its own entries from its acks, never a second time by broadcast; everyone
    // else (the writer's other tab too) gets them live.
    await expect.poll(() => live[0]!().length, { timeout: 10_000 }).toBe(12);
    await expect.poll(() => live[1]!().length, { timeout: 10_000 }).toBe(12);
    await expect.poll(() => live[2]!().length, { timeout: 10_000 }).toBe(24);
    expect(live[0]!().every((e) => e.kind === 'message.created' && e.body.startsWith('senior'))).toBe(true);
    expect(live[1]!().every((e) => e.kind === 'message.created' && e.body.startsWith('coder'))).toBe(true);
    // Live entries arrive in seq order; live + own acks is one and the same sequence for everyone.
    for (const got of live) { const seqs = got().map((e) => e.seq); expect(seqs).toEqual([...seqs].sort((x, y) => x - y)); }
    const shown = [[...live[0]!(), ...ackedEntries[0]!], [...live[1]!(), ...ackedEntries[1]!], live[2]!()]
      .map((list) => [...list].sort((x, y) => x.seq - y.seq).map((e) => `${e.seq}:${e.id}`));
    expect(shown[1]).toEqual(shown[0]);
    expect(shown[2]).toEqual(shown[0]);
    // Catch-up from zero, paged, has the same tail with no gaps and no duplicates.
    const entries = await allEntries(c);
    expect(new Set(entries.map((e) => e.seq)).size).toBe(entries.length);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.slice(-24).map((e) => `${e.seq}:${e.id}`)).toEqual(shown[0]);
    const thread = foldTimeline(entries).threads.get(threadId)!;
    expect(thread.messages).toHaveLength(25);
  });
});

describe('idempotency', () => {
  it('stores a retried send once and answers every retry with the stored entry', async () => {
    const { threadId } = await newThread();
    const clientId = uuid();
    const payload = { threadId, clientId, body: 'Sent on a flaky network' };
    const first = await Promise.all([1, 2, 3].map(() => call(coder, 'messages.create', payload)));
    const later = await call(coder, 'messages.create', payload);
    const all = [...first, later];
    for (const r of all) expect(r.ok).toBe(true);
    const entries = all.map((r) => (r.ok ? r.data.entry : null));
    expect(new Set(entries.map((e) => `${e!.seq}:${e!.id}`)).size).toBe(1);
    expect(all.filter((r) => r.ok && r.data.duplicate).length).toBe(3);
    const stored = (await allEntries(coder)).filter((e) => e.kind === 'message.created' && e.body === 'Sent on a flaky network');
    expect(stored).toHaveLength(1);
  });

  it('refuses a clientId reused for a different thread', async () => {
    const a = await newThread();
    const b = await newThread();
    const clientId = uuid();
    await ok(coder, 'messages.create', { threadId: a.threadId, clientId, body: 'one' });
    const r = await call(coder, 'messages.create', { threadId: b.threadId, clientId, body: 'two' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('conflict');
  });

  it('opens one thread per flag however often "Start discussion" is pressed', async () => {
    const open = () => ok(senior, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'flag', flagId: enc.flagId } });
    const [a, b] = await Promise.all([open(), open()]);
    const c = await open();
    expect(new Set([a.threadId, b.threadId, c.threadId]).size).toBe(1);
    expect([a, b, c].filter((r) => !r.duplicate)).toHaveLength(1);
    expect((await allEntries(senior)).filter((e) => e.kind === 'thread.opened' && e.threadId === a.threadId)).toHaveLength(1);
  });
});

describe('edit, delete, react, resolve', () => {
  it('keeps the earlier text of an edit, leaves a tombstone, counts reactions, resolves and reopens', async () => {
    const { threadId, message } = await newThread(coder, 'First **draft**');
    const messageId = message!.entry.id;
    await ok(coder, 'messages.edit', { messageId, clientId: uuid(), body: 'Second draft' });
    const forbidden = await call(senior, 'messages.edit', { messageId, clientId: uuid(), body: 'Not mine' });
    expect(forbidden.ok ? null : forbidden.error.code).toBe('forbidden');
    await ok(senior, 'reactions.set', { messageId, clientId: uuid(), reaction: 'agree', on: true });
    await ok(seniorTab2, 'reactions.set', { messageId, clientId: uuid(), reaction: 'plus-one', on: true });
    await ok(senior, 'reactions.set', { messageId, clientId: uuid(), reaction: 'plus-one', on: false });
    const second = await ok(senior, 'messages.create', { threadId, clientId: uuid(), body: 'To be deleted' });
    await ok(senior, 'messages.delete', { messageId: second.entry.id, clientId: uuid() });
    await ok(senior, 'threads.resolve', { threadId, clientId: uuid() });
    let state = foldTimeline(await allEntries(coder));
    let thread = state.threads.get(threadId)!;
    expect(thread.status).toBe('resolved');
    expect(thread.resolvedBy?.id).toBe(org.senior._id);
    const [edited, tomb] = thread.messages;
    expect(edited!.body).toBe('Second draft');
    expect(edited!.history.map((h) => h.body)).toEqual(['First **draft**']);
    expect(edited!.editedAt).not.toBeNull();
    expect(edited!.reactions).toEqual({ agree: [org.senior._id], disagree: [], 'plus-one': [] });
    expect(tomb).toMatchObject({ deleted: true, body: '' });
    await ok(coder, 'threads.reopen', { threadId, clientId: uuid() });
    state = foldTimeline(await allEntries(coder));
    thread = state.threads.get(threadId)!;
    expect(thread.status).toBe('open');
  });
});

describe('anchors and limits', () => {
  it('anchors to a code line and the whole encounter, and refuses a passage whose quote does not match', async () => {
    await ok(coder, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'code-line', codeLineId: enc.codeLineId } });
    await ok(coder, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' } });
    const before = (await allEntries(coder)).length;
    const bad = await call(coder, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { ...enc.passage, quote: 'pneumonia' } });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'invalid_input', field: 'anchor.quote' });
    const noLine = await call(coder, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'code-line', codeLineId: 'nope' } });
    expect(noLine.ok ? null : noLine.error.code).toBe('invalid_input');
    expect((await allEntries(coder)).length).toBe(before);
  });

  it('refuses an oversized or empty body and writes nothing', async () => {
    coder = await joined(org.coder);
    const { threadId } = await newThread();
    const before = (await allEntries(coder)).length;
    const big = await call(coder, 'messages.create', { threadId, clientId: uuid(), body: 'x'.repeat(THREAD_LIMITS.body + 1) });
    expect(big.ok ? null : big.error).toMatchObject({ code: 'invalid_input', field: 'body' });
    const empty = await call(coder, 'messages.create', { threadId, clientId: uuid(), body: '   ' });
    expect(empty.ok ? null : empty.error.code).toBe('invalid_input');
    const atLimit = await call(coder, 'messages.create', { threadId, clientId: uuid(), body: 'y'.repeat(THREAD_LIMITS.body) });
    expect(atLimit.ok).toBe(true);
    expect((await allEntries(coder)).length).toBe(before + 1);
    expect(coder.connected).toBe(true);
  });

  it('answers a megabyte-sized payload with an error ack and keeps the socket', async () => {
    const s = await joined(org.coder);
    const { threadId } = await newThread(s);
    const r = await call(s, 'messages.create', { threadId, clientId: uuid(), body: 'z'.repeat(1_000_000) });
    expect(r.ok ? null : r.error.code).toBe('invalid_input');
    expect(s.connected).toBe(true);
    expect((await call(s, 'messages.create', { threadId, clientId: uuid(), body: 'still here' })).ok).toBe(true);
  });

  it('lets only the author (or an admin) delete a message', async () => {
    const s = await joined(org.coder);
    const { message } = await newThread(s, 'mine');
    const other = await call(senior, 'messages.delete', { messageId: message!.entry.id, clientId: uuid() });
    expect(other.ok ? null : other.error.code).toBe('forbidden');
    const admin = await connectUser(server, org.admin);
    await ok(admin, 'encounters.join', { encounterId: enc.id });
    const removed = await ok(admin, 'messages.delete', { messageId: message!.entry.id, clientId: uuid() });
    expect(removed.entry).toMatchObject({ kind: 'message.deleted', messageId: message!.entry.id, by: { id: org.admin._id } });
    const unknown = await call(admin, 'messages.delete', { messageId: `${org.admin._id}:${uuid()}`, clientId: uuid() });
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
  });

  it('relays typing to the others only, and rate-limits it', async () => {
    const { threadId } = await newThread();
    const typing = next(senior, 'typing.started', (e) => e.threadId === threadId);
    const mine = collect(coder, 'typing.started');
    await ok(coder, 'typing.start', { scope: enc.scope, threadId });
    expect((await typing).user).toEqual({ id: org.coder._id, name: org.coder.name });
    const results = [];
    for (let i = 0; i < THREAD_LIMITS.typingPerWindow + 2; i++) results.push(await call(coder, 'typing.start', { scope: enc.scope, threadId }));
    const limited = results.filter((r) => !r.ok);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.ok ? null : limited[0]!.error).toMatchObject({ code: 'rate_limited', details: { retryAfterMs: expect.any(Number) } });
    expect(mine).toHaveLength(0);
    expect(coder.connected).toBe(true);
  });

  it('rate-limits message creation per socket with a clear error', async () => {
    const { threadId } = await newThread(seniorTab2);
    const results = await Promise.all(Array.from({ length: THREAD_LIMITS.messagesPerWindow + 5 }, (_, i) =>
      call(seniorTab2, 'messages.create', { threadId, clientId: uuid(), body: `burst ${i}` })));
    const refused = results.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThanOrEqual(5);
    for (const r of refused) expect(r.ok ? null : r.error.code).toBe('rate_limited');
    expect(seniorTab2.connected).toBe(true);
  });
});
