/** REST and live edits together, locked code sets, history (authors, diff, restore), eviction. */
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { signedIn, type Client } from '../support/http';
import { closeAllSockets } from '../support/sockets';
import { COLLAB_EVENTS } from '../../src/lib/protocol/collab';
import { makePrincipal, moveLine, readLines, setField } from '../../src/lib/collab/shape';
import { LOCAL_ORIGIN } from '../../src/lib/collab/provider';
import { collabOf } from '../../server/collab';
import { mutateEncounter } from '../../server/commands/encounter-state';
import { converged, createEncounter, destroyClient, destroyClients, raw, yClient } from './collab-support';

let server: TestServer;
let org: TestOrg;
let owner: Client;
let senior: Client;

beforeAll(async () => {
  server = await startTestServer();
  collabOf(server.ctx).opts.versionPauseMs = 300;
  collabOf(server.ctx).opts.graceMs = 300;
  org = await createOrg(server.ctx.db.c);
  owner = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
  senior = await signedIn(server.url, org.senior.email, TEST_PASSWORD);
});
afterEach(() => destroyClients());
afterAll(async () => { closeAllSockets(); await server.close(); });

/** Shared with the team, so the senior may edit it too. */
async function sharedEncounter(over: Parameters<typeof createEncounter>[1] = {}) {
  const enc = await createEncounter(owner, over);
  const r = await owner.put(`/api/encounters/${enc.id}/sharing`, { userIds: [], teamIds: [org.teamId] });
  if (r.status !== 200) throw new Error('sharing failed ' + JSON.stringify(r.body));
  return enc;
}

const toInput = (l: any) => ({ id: l.id, system: l.system, code: l.code, role: l.role, ...(l.poa ? { poa: l.poa } : {}), ...(l.note ? { note: l.note } : {}) });

describe('the REST endpoint goes through the live document', () => {
  it('a REST change and a live edit made at the same moment both survive', async () => {
    const enc = await sharedEncounter();
    const c = await yClient(server.url, org.coder.email, enc.id);
    const [l1, l2] = enc.codeLines;
    // Live: a note on line 2. REST (based on what it read): line 1's code changes and a line is added.
    c.doc.transact(() => setField(c.doc, l2.id, 'note', 'live note'), LOCAL_ORIGIN);
    const put = await owner.put(`/api/encounters/${enc.id}/code-lines`, {
      codeLines: [{ ...toInput(l1), code: 'N30.00' }, toInput(l2), { system: 'ICD-10-CM', code: 'R65.20', role: 'secondary' }]
    });
    expect(put.status).toBe(200);
    const late = await yClient(server.url, org.senior.email, enc.id);
    await converged([c, late]);
    const lines = readLines(late.doc);
    expect(lines.map((l) => l.code)).toEqual(['N30.00', 'B96.20', 'R65.20']);
    expect(lines[1]!.note).toBe('live note');
    await expect.poll(async () => (await owner.get(`/api/encounters/${enc.id}`)).body.data.codeLines.map((l: any) => [l.code, l.note ?? null]), { timeout: 10_000 })
      .toEqual([['N30.00', null], ['B96.20', 'live note'], ['R65.20', null]]);
    // The editor saw the REST change live.
    expect(readLines(c.doc)[0]!.code).toBe('N30.00');
  });

  it('REST keeps its rules: wrong role 403, other organisation 404, bad shape 400', async () => {
    const enc = await createEncounter(owner);
    const other = await createOrg(server.ctx.db.c);
    const stranger = await signedIn(server.url, other.admin.email, TEST_PASSWORD);
    expect((await stranger.put(`/api/encounters/${enc.id}/code-lines`, { codeLines: [] })).status).toBe(404);
    expect((await owner.put(`/api/encounters/${enc.id}/code-lines`, { codeLines: [{ system: 'ICD-10-CM', code: 'nope!', role: 'secondary' }] })).status).toBe(400);
  });
});

describe('a locked code set', () => {
  it('is read-only for everyone, live and over REST', async () => {
    const enc = await createEncounter(owner);
    await mutateEncounter(server.ctx, { userId: org.admin._id, orgId: org.orgId, role: 'admin', name: 'A', teamIds: [], address: '127.0.0.1' }, enc.id, 'edit', () => ({ changes: { codeSetLocked: true } }));
    const c = await yClient(server.url, org.coder.email, enc.id);
    expect(c.provider.state).toMatchObject({ readOnly: true, reason: 'locked', locked: true });
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(c.doc));
    const sv = Y.encodeStateVector(d);
    setField(d, readLines(d)[0]!.id, 'code', 'A00.0');
    const ack = await raw(c.socket, COLLAB_EVENTS.update, { encounterId: enc.id, update: Y.encodeStateAsUpdate(d, sv) });
    d.destroy();
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ack.error.message).toMatch(/locked/);
    const put = await owner.put(`/api/encounters/${enc.id}/code-lines`, { codeLines: [] });
    expect(put.status).toBe(409);
    const late = await yClient(server.url, org.admin.email, enc.id);
    expect(readLines(late.doc).map((l) => l.code)).toEqual(['N39.0', 'B96.20']);
  });
});

describe('history', () => {
  it('lists versions with authors, diffs two in coder terms, and restores one live', async () => {
    const enc = await sharedEncounter({ codeLines: [
      { system: 'ICD-10-CM', code: 'N39.0', role: 'principal', poa: 'Y' },
      { system: 'ICD-10-CM', code: 'A41.9', role: 'secondary', poa: 'Y' },
      { system: 'ICD-10-CM', code: 'E11.9', role: 'secondary', poa: 'Y' }
    ] });
    const coder = await yClient(server.url, org.coder.email, enc.id);
    const sage = await yClient(server.url, org.senior.email, enc.id);
    const [uti, sepsis, dm] = readLines(coder.doc);
    // Coder: the sepsis becomes principal (resequenced, principal changed) and E11.9 gets a note.
    coder.doc.transact(() => makePrincipal(coder.doc, sepsis!.id, 'principal'), LOCAL_ORIGIN);
    sage.doc.transact(() => setField(sage.doc, dm!.id, 'code', 'E11.65'), LOCAL_ORIGIN);
    await converged([coder, sage]);
    const list = async () => (await raw(coder.socket, COLLAB_EVENTS.history, { encounterId: enc.id })).data.versions as any[];
    await expect.poll(async () => (await list()).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const versions = await list();
    const [latest] = versions;
    const initial = versions[versions.length - 1];
    expect(latest.authors.map((a: any) => a.name).sort()).toEqual(['Cody Coder', 'Sage Senior']);
    const diff = (await raw(coder.socket, COLLAB_EVENTS.diff, { encounterId: enc.id, from: initial.id, to: latest.id })).data;
    expect(diff.principal).toEqual({ before: 'N39.0', after: 'A41.9' });
    expect(diff.changed).toEqual(expect.arrayContaining([
      expect.objectContaining({ lineId: dm!.id, field: 'code', before: 'E11.9', after: 'E11.65' }),
      expect.objectContaining({ lineId: uti!.id, field: 'role', before: 'principal', after: 'secondary' })
    ]));
    expect(diff.resequenced.map((r: any) => r.code)).toEqual(['A41.9']);
    expect(diff.added).toEqual([]);
    // Restore the first version: everyone sees it live, and it is a new version.
    const restored = await raw(sage.socket, COLLAB_EVENTS.restore, { encounterId: enc.id, versionId: initial.id });
    expect(restored.ok).toBe(true);
    await expect.poll(() => readLines(coder.doc).map((l) => l.code)).toEqual(['N39.0', 'A41.9', 'E11.9']);
    expect(readLines(coder.doc)[0]!.role).toBe('principal');
    const after = await list();
    expect(after[0].label).toMatch(/Restored/);
    expect(after[0].authors.map((a: any) => a.name)).toContain('Sage Senior');
    // Undo is per user: the coder's undo manager only has the coder's own change.
    const um = new Y.UndoManager([coder.doc.getArray('lines'), coder.doc.getText('rationale')], { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    coder.doc.transact(() => moveLine(coder.doc, dm!.id, 0), LOCAL_ORIGIN);
    sage.doc.transact(() => setField(sage.doc, uti!.id, 'note', 'sage note'), LOCAL_ORIGIN);
    await converged([coder, sage]);
    um.undo();
    await converged([coder, sage]);
    expect(readLines(sage.doc).map((l) => l.code)).toEqual(['N39.0', 'A41.9', 'E11.9']);
    expect(readLines(sage.doc)[0]!.note).toBe('sage note');
    um.destroy();
    // History of another encounter through this membership is refused.
    const other = await createEncounter(owner);
    expect(await raw(coder.socket, COLLAB_EVENTS.history, { encounterId: other.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('memory', () => {
  it('a document leaves memory after its last member, with its projection written', async () => {
    const enc = await createEncounter(owner);
    const c = await yClient(server.url, org.coder.email, enc.id);
    c.doc.transact(() => setField(c.doc, readLines(c.doc)[0]!.id, 'note', 'last words'), LOCAL_ORIGIN);
    await converged([c]);
    expect(collabOf(server.ctx).loaded.has(enc.id)).toBe(true);
    destroyClient(c);
    await expect.poll(() => collabOf(server.ctx).loaded.has(enc.id), { timeout: 10_000 }).toBe(false);
    const stored = (await owner.get(`/api/encounters/${enc.id}`)).body.data;
    expect(stored.codeLines[0].note).toBe('last words');
  });
});
