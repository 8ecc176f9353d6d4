/** Live co-editing over Socket.IO with real Yjs clients: convergence, findings, presence, rights. */
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { signedIn, type Client } from '../support/http';
import { closeAllSockets } from '../support/sockets';
import { COLLAB_EVENTS } from '../../src/lib/protocol/collab';
import { insertLine, linesOf, readLines, setField } from '../../src/lib/collab/shape';
import { LOCAL_ORIGIN } from '../../src/lib/collab/provider';
import { converged, createEncounter, destroyClients, raw, yClient } from './collab-support';

let server: TestServer;
let org: TestOrg;
let owner: Client;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
  owner = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
});
afterEach(() => destroyClients());
afterAll(async () => { closeAllSockets(); await server.close(); });

const line = (id: string, code: string, role: 'principal' | 'secondary' = 'secondary') =>
  ({ id, system: 'ICD-10-CM' as const, code, role, poa: null, modifiers: [], units: null, pointers: [], note: '', addedBy: null });

describe('one shared document per encounter', () => {
  it('starts from the encounter code lines, and 10 concurrent editors converge with identical findings', async () => {
    const enc = await createEncounter(owner);
    const clients = await Promise.all(Array.from({ length: 10 }, () => yClient(server.url, org.coder.email, enc.id)));
    expect(readLines(clients[0]!.doc).map((l) => l.code)).toEqual(['N39.0', 'B96.20']);
    const ids = readLines(clients[0]!.doc).map((l) => l.id);
    expect(ids).toEqual(enc.codeLines.map((l: { id: string }) => l.id));
    // Everyone edits at once: each adds a line, edits the note of line 1 and types in the rationale.
    clients.forEach((c, i) => c.doc.transact(() => {
      insertLine(c.doc, line(`l${i}`, `R${50 + i}.9`), 1);
      setField(c.doc, ids[0]!, 'note', `note ${i}`);
      c.doc.getText('rationale').insert(0, `r${i} `);
    }, LOCAL_ORIGIN));
    const final = JSON.parse(await converged(clients));
    expect(final.lines).toHaveLength(12);
    expect(final.rationale.split(' ').filter(Boolean)).toHaveLength(10);
    // Findings: the same validation reaches everyone after the last change.
    await expect.poll(() => new Set(clients.map((c) => JSON.stringify(c.provider.state.validation))).size, { timeout: 10_000 }).toBe(1);
    // The stored projection follows the document.
    await expect.poll(async () => (await owner.get(`/api/encounters/${enc.id}`)).body.data.codeLines.length, { timeout: 10_000 }).toBe(12);
    const stored = (await owner.get(`/api/encounters/${enc.id}`)).body.data;
    expect(stored.codeLines.map((l: { id: string }) => l.id)).toEqual(final.lines.map((l: { id: string }) => l.id));
  });

  it('joining is audited as a PHI view; another organisation and unknown ids get not_found', async () => {
    const enc = await createEncounter(owner);
    const c = await yClient(server.url, org.coder.email, enc.id);
    expect(c.provider.state.readOnly).toBe(false);
    await expect.poll(async () => (await server.ctx.db.c.audit.find({ targetId: enc.id, action: 'encounters.view' }).toArray()).length).toBeGreaterThan(0);
    const other = await createOrg(server.ctx.db.c);
    const stranger = await yClient(server.url, other.admin.email, enc.id).catch((e) => e as Error);
    expect(String(stranger)).toMatch(/no sync: Encounter not found/);
    const ack = await raw(c.socket, COLLAB_EVENTS.join, { encounterId: 'nope' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('read-only members and bad input', () => {
  it('a viewer gets the document read-only; their updates are refused, not applied, stored or relayed', async () => {
    const enc = await createEncounter(owner);
    const share = await owner.put(`/api/encounters/${enc.id}/sharing`, { userIds: [], teamIds: [org.teamId] });
    expect(share.status).toBe(200);
    const editor = await yClient(server.url, org.coder.email, enc.id);
    // The senior of the team may edit; make a plain team member: a second coder in the team.
    const viewerUser = await (await import('../support/factories')).createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder', name: 'Vera Viewer', teamIds: [org.teamId] });
    const viewer = await yClient(server.url, viewerUser.email, enc.id);
    expect(viewer.provider.state).toMatchObject({ readOnly: true, reason: 'permission' });
    const before = JSON.stringify(readLines(editor.doc));
    const rogue = new Y.Doc();
    Y.applyUpdate(rogue, Y.encodeStateAsUpdate(viewer.doc));
    setField(rogue, readLines(rogue)[0]!.id, 'code', 'Z00.00');
    const ack = await raw(viewer.socket, COLLAB_EVENTS.update, { encounterId: enc.id, update: Y.encodeStateAsUpdate(rogue, Y.encodeStateVector(viewer.doc)) });
    rogue.destroy();
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ack.error.message).toMatch(/view these code lines but not change them/);
    expect(viewer.socket.connected).toBe(true);
    const late = await yClient(server.url, org.coder.email, enc.id);
    expect(JSON.stringify(readLines(late.doc))).toBe(before);
    expect(JSON.stringify(readLines(editor.doc))).toBe(before);
  });

  it('refuses malformed, oversized, unjoined and wrongly shaped updates, keeping the document and the socket', async () => {
    const enc = await createEncounter(owner);
    const c = await yClient(server.url, org.coder.email, enc.id);
    const before = JSON.stringify(readLines(c.doc));
    const send = (update: unknown, encounterId = enc.id) => raw(c.socket, COLLAB_EVENTS.update, { encounterId, update });
    expect(await send(new Uint8Array([1, 2, 3, 4, 5, 6]))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await send(new Uint8Array(300 * 1024))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await send('not binary')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const other = await createEncounter(owner);
    expect(await send(new Uint8Array([0, 0]), other.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bad = async (mutate: (d: Y.Doc) => void) => {
      const d = new Y.Doc();
      Y.applyUpdate(d, Y.encodeStateAsUpdate(c.doc));
      const sv = Y.encodeStateVector(d);
      mutate(d);
      const u = Y.encodeStateAsUpdate(d, sv);
      d.destroy();
      return send(u);
    };
    const noId = await bad((d) => { const m = new Y.Map(); m.set('pos', 'z'); m.set('system', 'ICD-10-CM'); m.set('code', 'A00'); m.set('role', 'secondary'); linesOf(d).push([m]); });
    expect(noId).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(noId.error.message).toMatch(/has no id/);
    const wrongType = await bad((d) => linesOf(d).get(0).set('units', 'three'));
    expect(wrongType.error.message).toMatch(/units has the wrong type/);
    const strange = await bad((d) => d.getMap('extra').set('x', 1));
    expect(strange.error.message).toMatch(/no part "extra"/);
    expect(c.socket.connected).toBe(true);
    const late = await yClient(server.url, org.coder.email, enc.id);
    expect(JSON.stringify(readLines(late.doc))).toBe(before);
    // And a good update still goes through afterwards.
    c.doc.transact(() => setField(c.doc, readLines(c.doc)[0]!.id, 'note', 'fine'), LOCAL_ORIGIN);
    await converged([c, late]);
    expect(readLines(late.doc)[0]!.note).toBe('fine');
  });

  it('unauthenticated sockets never get to collab events', async () => {
    const { openSocket, outcome } = await import('../support/sockets');
    const s = openSocket(server.url);
    expect((await outcome(s)).connected).toBe(false);
  });
});
