/**
 * The live encounter page and its access rules: REST changes reach everyone in the room, joins
 * are policy-checked and audited, and sockets leave the room at once, told why, when sharing
 * is revoked or a role changes. Every refusal keeps the socket connected and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, createUserDoc, type TestOrg } from '../support/factories';
import { call, closeAllSockets, connectUser, next, ok, openSocket, outcome } from '../support/sockets';
import { restAs, sharedEncounter, uuid } from '../support/threads';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  server = await startTestServer();
  [org, other] = await Promise.all([createOrg(server.ctx.db.c), createOrg(server.ctx.db.c)]);
});
afterAll(async () => {
  closeAllSockets();
  await server.close();
});

describe('the live encounter page', () => {
  it('shows a flag raised over REST to everyone in the room, without per-viewer data', async () => {
    const enc = await sharedEncounter(server, org.coder, [org.senior]);
    const senior = await connectUser(server, org.senior);
    await ok(senior, 'encounters.join', { encounterId: enc.id });
    const changed = next(senior, 'encounters.changed', (e) => e.parts.includes('flags'));
    const r = await enc.rest.post(`/api/encounters/${enc.id}/flags`, { category: 'sequencing', question: 'Which is principal?' });
    expect(r.status).toBe(201);
    const e = await changed;
    expect(e.encounterId).toBe(enc.id);
    expect(e.by).toEqual({ id: org.coder._id, name: org.coder.name });
    expect(e.encounter.flags.map((f) => f.question)).toContain('Which is principal?');
    expect(e.encounter).not.toHaveProperty('permissions');
    expect(typeof e.encounter.updatedAt).toBe('string');
  });

  it('shows metadata and code-line saves live', async () => {
    const enc = await sharedEncounter(server, org.coder, [org.senior]);
    const senior = await connectUser(server, org.senior);
    await ok(senior, 'encounters.join', { encounterId: enc.id });
    const meta = next(senior, 'encounters.changed', (e) => e.parts.includes('meta'));
    await enc.rest.patch(`/api/encounters/${enc.id}`, { title: 'Sepsis after all' });
    expect((await meta).encounter.title).toBe('Sepsis after all');
    const lines = next(senior, 'encounters.changed', (e) => e.parts.includes('codeLines'));
    const put = await enc.rest.put(`/api/encounters/${enc.id}/code-lines`, { codeLines: [{ system: 'ICD-10-CM', code: 'A41.9', role: 'principal', poa: 'Y' }] });
    expect(put.status).toBe(200);
    expect((await lines).encounter.codeLines.map((l) => l.code)).toEqual(['A41.9']);
  });

  it('audits a join as a view of PHI', async () => {
    const enc = await sharedEncounter(server, org.coder, [org.senior]);
    const senior = await connectUser(server, org.senior);
    await ok(senior, 'encounters.join', { encounterId: enc.id });
    await server.ctx.audit.flush();
    const views = await server.ctx.db.c.audit.find({ actorId: org.senior._id, action: 'encounters.view', targetId: enc.id }).toArray();
    expect(views).toHaveLength(1);
  });

  it('admits many sockets joining one encounter at once (one shared read), each checked and audited, refusing the outsiders among them', async () => {
    const enc = await sharedEncounter(server, org.coder, [org.senior]);
    const users = [org.senior, org.coder, org.otherCoder, other.admin];
    const sockets = await Promise.all(Array.from({ length: 24 }, (_, i) => connectUser(server, users[i % 4]!)));
    const answers = await Promise.all(sockets.map((s) => call(s, 'encounters.join', { encounterId: enc.id })));
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(sockets.map((_, i) => (i % 4 < 2 ? 'ok' : 'not_found')));
    await server.ctx.audit.flush();
    for (const u of [org.senior, org.coder]) {
      expect(await server.ctx.db.c.audit.countDocuments({ actorId: u._id, action: 'encounters.view', targetId: enc.id })).toBe(6);
    }
    // Revoked right after: a join sent now sees the revocation.
    expect((await enc.rest.put(`/api/encounters/${enc.id}/sharing`, { userIds: [], teamIds: [] })).status).toBe(200);
    const late = await call(sockets[0]!, 'encounters.join', { encounterId: enc.id });
    expect(late.ok ? null : late.error.code).toBe('not_found');
  });
});

describe('refusals keep the socket open and write nothing', () => {
  it('refuses a socket without a session', async () => {
    const r = await outcome(openSocket(server.url));
    expect(r.connected).toBe(false);
    expect(r.error?.message).toBe('unauthenticated');
  });

  it('refuses unshared, other-organisation, unknown and malformed joins', async () => {
    const enc = await sharedEncounter(server, org.coder, [org.senior]);
    const outsider = await connectUser(server, org.otherCoder);
    const stranger = await connectUser(server, other.admin);
    for (const [s, payload, code] of [
      [outsider, { encounterId: enc.id }, 'not_found'],
      [stranger, { encounterId: enc.id }, 'not_found'],
      [outsider, { encounterId: uuid() }, 'not_found'],
      [outsider, { encounterId: 'not-a-uuid' }, 'invalid_input'],
      [outsider, { encounterId: enc.id, orgId: org.orgId }, 'invalid_input'],
      [outsider, null, 'invalid_input']
    ] as const) {
      const r = await call(s, 'encounters.join', payload);
      expect(r.ok ? null : r.error.code).toBe(code);
      expect(s.connected).toBe(true);
    }
    const unknown = await call(outsider, 'encounters.explode' as 'encounters.join', { encounterId: enc.id });
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
    expect(outsider.connected).toBe(true);
  });

  it('refuses reads and writes for an encounter the socket has not joined', async () => {
    const enc = await sharedEncounter(server, org.coder, [org.senior]);
    const coder = await connectUser(server, org.coder);
    await ok(coder, 'encounters.join', { encounterId: enc.id });
    const { threadId } = await ok(coder, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' } });
    const senior = await connectUser(server, org.senior);
    const stranger = await connectUser(server, other.admin);
    const seqBefore = (await ok(coder, 'encounters.catchUp', { encounterId: enc.id, afterSeq: 0 })).entries.length;
    for (const s of [senior, stranger]) {
      const create = await call(s, 'messages.create', { threadId, clientId: uuid(), body: 'hello' });
      expect(create.ok ? null : create.error.code).toBe(s === senior ? 'not_joined' : 'not_found');
      const read = await call(s, 'encounters.catchUp', { encounterId: enc.id, afterSeq: 0 });
      expect(read.ok ? null : read.error.code).toBe('not_joined');
      const thread = await call(s, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' } });
      expect(thread.ok ? null : thread.error.code).toBe('not_joined');
      const typing = await call(s, 'typing.start', { scope: enc.scope, threadId });
      expect(typing.ok ? null : typing.error.code).toBe('not_joined');
      expect(s.connected).toBe(true);
    }
    expect((await ok(coder, 'encounters.catchUp', { encounterId: enc.id, afterSeq: 0 })).entries.length).toBe(seqBefore);
  });
});

describe('losing access', () => {
  it('removes a socket at once when its sharing is revoked, and tells it why', async () => {
    const enc = await sharedEncounter(server, org.coder, [org.senior]);
    const senior = await connectUser(server, org.senior);
    await ok(senior, 'encounters.join', { encounterId: enc.id });
    const coder = await connectUser(server, org.coder);
    await ok(coder, 'encounters.join', { encounterId: enc.id });
    const { threadId } = await ok(coder, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' } });
    const left = next(senior, 'encounters.left');
    const changes: unknown[] = [];
    senior.on('encounters.changed', (e) => changes.push(e));
    expect((await enc.rest.put(`/api/encounters/${enc.id}/sharing`, { userIds: [], teamIds: [] })).status).toBe(200);
    expect(await left).toEqual({ encounterId: enc.id, reason: 'access-revoked' });
    const r = await call(senior, 'messages.create', { threadId, clientId: uuid(), body: 'still here?' });
    expect(r.ok ? null : r.error.code).toBe('not_joined');
    const rejoin = await call(senior, 'encounters.join', { encounterId: enc.id });
    expect(rejoin.ok ? null : rejoin.error.code).toBe('not_found');
    // A message after the revocation reaches the owner, not the removed socket.
    const got: unknown[] = [];
    senior.on('timeline.appended', (e) => got.push(e));
    // The writer has its entry in its ack: its other tab is the one that sees the broadcast.
    const coderTab = await connectUser(server, org.coder);
    await ok(coderTab, 'encounters.join', { encounterId: enc.id });
    const seen = next(coderTab, 'timeline.appended', (e) => e.entry.kind === 'message.created');
    await ok(coder, 'messages.create', { threadId, clientId: uuid(), body: 'private again' });
    await seen;
    expect(got).toHaveLength(0);
    expect(changes).toHaveLength(0);
    expect(senior.connected).toBe(true);
  });

  it('tells those who keep access their new permissions', async () => {
    const enc = await sharedEncounter(server, org.coder, [org.senior]);
    const senior = await connectUser(server, org.senior);
    await ok(senior, 'encounters.join', { encounterId: enc.id });
    const access = next(senior, 'encounters.access');
    await enc.rest.put(`/api/encounters/${enc.id}/sharing`, { userIds: [org.senior._id, org.otherCoder._id], teamIds: [] });
    expect(await access).toMatchObject({ encounterId: enc.id, permissions: { view: true, resolve: true, share: false } });
  });

  it('removes a socket when a role or team change ends its access', async () => {
    const member = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder', name: 'Tina Team', teamIds: [org.teamId] });
    const enc = await sharedEncounter(server, org.coder, [], [org.teamId]);
    const s = await connectUser(server, member);
    await ok(s, 'encounters.join', { encounterId: enc.id });
    const left = next(s, 'encounters.left');
    const admin = await restAs(server, org.admin);
    expect((await admin.patch(`/api/users/${member._id}`, { teamIds: [] })).status).toBe(200);
    expect(await left).toEqual({ encounterId: enc.id, reason: 'role-changed' });
    expect(s.connected).toBe(true);
  });

  it('tells a disabled user why before closing the socket', async () => {
    const u = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder' });
    const s = await connectUser(server, u);
    const ended = next(s, 'session.ended');
    const admin = await restAs(server, org.admin);
    expect((await admin.patch(`/api/users/${u._id}`, { disabled: true })).status).toBe(200);
    expect(await ended).toEqual({ reason: 'disabled' });
  });
});
