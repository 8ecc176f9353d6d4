/**
 * Forum threads: open to every member of the organisation, anchored to the de-identified copy,
 * never naming the original encounter; a message holding a possible identifier is stopped
 * until the author removes it or confirms it is not one (audited).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, type TestOrg } from '../support/factories';
import { call, closeAllSockets, connectUser, next, ok } from '../support/sockets';
import { sharedEncounter, uuid } from '../support/threads';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
let post: { id: string; encounterId: string; documents: { id: string; text: string }[] };
let enc: Awaited<ReturnType<typeof sharedEncounter>>;

beforeAll(async () => {
  server = await startTestServer();
  [org, other] = await Promise.all([createOrg(server.ctx.db.c), createOrg(server.ctx.db.c)]);
  enc = await sharedEncounter(server, org.coder, []);
  const preview = await enc.rest.post(`/api/encounters/${enc.id}/forum/preview`);
  const published = await enc.rest.post(`/api/encounters/${enc.id}/forum`, { acceptedIds: preview.body.data.candidates.map((c: { id: string }) => c.id), added: [], dateMode: 'shift' });
  if (published.status !== 201) throw new Error(JSON.stringify(published.body));
  post = published.body.data;
});
afterAll(async () => {
  closeAllSockets();
  await server.close();
});

const scope = () => ({ type: 'forum' as const, postId: post.id });
const passage = () => {
  const text = post.documents[0]!.text;
  const start = text.indexOf('urinary tract infection');
  return { type: 'text' as const, documentId: post.documents[0]!.id, start, end: start + 'urinary tract infection'.length, quote: 'urinary tract infection' };
};

describe('forum threads', () => {
  it('are open to every member of the organisation and never name the encounter', async () => {
    const outsider = await connectUser(server, org.otherCoder); // may not open the encounter itself
    expect((await call(outsider, 'encounters.join', { encounterId: enc.id })).ok).toBe(false);
    const joined = await ok(outsider, 'forum.join', { postId: post.id });
    expect(joined).toMatchObject({ scope: scope(), encounterRevision: null });
    const reader = await connectUser(server, org.senior);
    await ok(reader, 'forum.join', { postId: post.id });
    const seen = next(reader, 'timeline.appended', (e) => e.entry.kind === 'message.created');
    const created = await ok(outsider, 'threads.create', { scope: scope(), clientId: uuid(), anchor: passage(), message: { clientId: uuid(), body: 'Would you code sepsis here?' } });
    const live = await seen;
    expect(live.scope).toEqual(scope());
    const everything = JSON.stringify([created, live, await ok(reader, 'forum.catchUp', { postId: post.id, afterSeq: 0 })]);
    expect(everything).not.toContain(enc.id);
    expect(everything).not.toContain('Ada Quill');
  });

  it('refuses another organisation, unknown posts, and a passage of the original that is not in the copy', async () => {
    const stranger = await connectUser(server, other.admin);
    for (const postId of [post.id, uuid()]) {
      const r = await call(stranger, 'forum.join', { postId });
      expect(r.ok ? null : r.error.code).toBe('not_found');
    }
    const member = await connectUser(server, org.senior);
    await ok(member, 'forum.join', { postId: post.id });
    const original = await call(member, 'threads.create', { scope: scope(), clientId: uuid(), anchor: { type: 'text', documentId: post.documents[0]!.id, start: 5, end: 13, quote: 'Ada Quil' } });
    expect(original.ok ? null : original.error.code).toBe('invalid_input');
    expect(stranger.connected && member.connected).toBe(true);
  });

  it('stops a message holding an identifier until it is removed or confirmed', async () => {
    const author = await connectUser(server, org.senior);
    await ok(author, 'forum.join', { postId: post.id });
    const { threadId } = await ok(author, 'threads.create', { scope: scope(), clientId: uuid(), anchor: { type: 'whole' } });
    const before = (await ok(author, 'forum.catchUp', { postId: post.id, afterSeq: 0 })).entries.length;
    const body = 'Her number is (612) 555-0199, she was seen by Dr. Raymond Holt.';
    const stopped = await call(author, 'messages.create', { threadId, clientId: uuid(), body });
    expect(stopped.ok).toBe(false);
    if (stopped.ok) return;
    expect(stopped.error.code).toBe('phi_suspected');
    const candidates = stopped.error.details!.candidates as { type: string; text: string; start: number; end: number }[];
    expect(candidates.map((c) => c.type)).toContain('PHONE');
    for (const c of candidates) expect(body.slice(c.start, c.end)).toBe(c.text);
    expect((await ok(author, 'forum.catchUp', { postId: post.id, afterSeq: 0 })).entries.length).toBe(before);

    // Confirming only some of them is still refused, naming the rest.
    expect(candidates.length).toBeGreaterThan(1);
    const partly = await call(author, 'messages.create', { threadId, clientId: uuid(), body, confirmedNotPhi: [candidates[0]!.text] });
    expect(partly.ok ? null : (partly.error.details!.candidates as { text: string }[]).map((c) => c.text)).toEqual(candidates.slice(1).map((c) => c.text));

    // Removing the identifiers lets it through.
    const clean = await ok(author, 'messages.create', { threadId, clientId: uuid(), body: 'Is the sepsis documented by the attending?' });
    expect(clean.duplicate).toBe(false);

    // Confirming all of them lets it through too, and is audited.
    const confirmed = await ok(author, 'messages.create', { threadId, clientId: uuid(), body, confirmedNotPhi: candidates.map((c) => c.text) });
    expect(confirmed.entry).toMatchObject({ kind: 'message.created', body });
    await server.ctx.audit.flush();
    const audit = await server.ctx.db.c.audit.find({ action: 'forum.phi-confirmed', actorId: org.senior._id }).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.targetId).toBe(post.id);
    expect((audit[0]!.details as { confirmed: { text: string }[] }).confirmed.map((c) => c.text).sort()).toEqual(candidates.map((c) => c.text).sort());

    // Thread titles are read too.
    const titled = await call(author, 'threads.create', { scope: scope(), clientId: uuid(), anchor: { type: 'whole' }, title: 'Call (612) 555-0199 about this' });
    expect(titled.ok ? null : titled.error.code).toBe('phi_suspected');

    // Edits are read too.
    const edit = await call(author, 'messages.edit', { messageId: clean.entry.id, clientId: uuid(), body: 'Call me on (612) 555-0142' });
    expect(edit.ok ? null : edit.error.code).toBe('phi_suspected');
  });

  it('sends every member out of the forum room when the post is unpublished', async () => {
    const member = await connectUser(server, org.otherCoder);
    await ok(member, 'forum.join', { postId: post.id });
    const left = next(member, 'forum.left');
    expect((await enc.rest.delete(`/api/encounters/${enc.id}/forum`)).status).toBe(200);
    expect(await left).toEqual({ postId: post.id, reason: 'unpublished' });
    const r = await call(member, 'forum.catchUp', { postId: post.id, afterSeq: 0 });
    expect(r.ok ? null : r.error.code).toBe('not_joined');
  });
});
