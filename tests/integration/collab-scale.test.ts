/** Two servers sharing a real Redis and one database: editors on both converge, and a late
 * joiner on either server gets the full state, including an update acknowledged elsewhere. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { startRedis, type TestRedis } from '../support/redis';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { signedIn, type Client } from '../support/http';
import { closeAllSockets } from '../support/sockets';
import * as Y from 'yjs';
import { insertLine, readLines, setField } from '../../src/lib/collab/shape';
import { LOCAL_ORIGIN } from '../../src/lib/collab/provider';
import { COLLAB_EVENTS } from '../../src/lib/protocol/collab';
import { mutateEncounter } from '../../server/commands/encounter-state';
import { collabOf } from '../../server/collab';
import { converged, createEncounter, destroyClients, raw, snapshot, yClient } from './collab-support';

let redis: TestRedis;
let a: TestServer;
let b: TestServer;
let org: TestOrg;
let owner: Client;

beforeAll(async () => {
  redis = await startRedis();
  a = await startTestServer({ redisUrl: redis.url });
  b = await startTestServer({ redisUrl: redis.url, dbName: a.ctx.config.dbName, sessionSecret: a.ctx.config.sessionSecret }, { keepDatabase: true });
  org = await createOrg(a.ctx.db.c);
  owner = await signedIn(a.url, org.coder.email, TEST_PASSWORD);
}, 60_000);
afterEach(() => destroyClients());
afterAll(async () => {
  closeAllSockets();
  await b?.close();
  await a?.close();
  await redis?.stop();
});

const newLine = (id: string, code: string) => ({ id, system: 'ICD-10-CM' as const, code, role: 'secondary' as const, poa: null, modifiers: [], units: null, pointers: [], note: '', addedBy: null });
const acked = async (c: Awaited<ReturnType<typeof yClient>>) => expect.poll(() => c.provider.inFlight, { interval: 5 }).toBe(0);

describe('more than one server', () => {
  it('editors on two servers converge', async () => {
    const enc = await createEncounter(owner);
    const onA = await Promise.all([0, 1, 2].map(() => yClient(a.url, org.coder.email, enc.id)));
    const onB = await Promise.all([0, 1, 2].map(() => yClient(b.url, org.coder.email, enc.id)));
    [...onA, ...onB].forEach((c, i) => c.doc.transact(() => {
      insertLine(c.doc, newLine(`s${i}`, `R${20 + i}.0`), i % 3);
      c.doc.getText('rationale').insert(0, `${i}`);
    }, LOCAL_ORIGIN));
    const final = JSON.parse(await converged([...onA, ...onB]));
    expect(final.lines).toHaveLength(8);
    // Each server's own copy converged too (a late joiner there reads it).
    const lateA = await yClient(a.url, org.coder.email, enc.id);
    const lateB = await yClient(b.url, org.coder.email, enc.id);
    expect(snapshot(lateA.doc)).toBe(snapshot(onA[0]!.doc));
    expect(snapshot(lateB.doc)).toBe(snapshot(onA[0]!.doc));
  });

  it('a late joiner on the other server gets an update acknowledged a moment earlier', async () => {
    // B has the document loaded (a member there) and B does not (loads from the database).
    for (const warmB of [true, false]) {
      const enc = await createEncounter(owner);
      if (warmB) await yClient(b.url, org.coder.email, enc.id);
      const writer = await yClient(a.url, org.coder.email, enc.id);
      for (let i = 0; i < 5; i++) {
        writer.doc.transact(() => setField(writer.doc, readLines(writer.doc)[0]!.id, 'note', `v${i}`), LOCAL_ORIGIN);
        await acked(writer);
        const late = await yClient(b.url, org.coder.email, enc.id);
        expect(readLines(late.doc)[0]!.note, `warm=${warmB} i=${i}`).toBe(`v${i}`);
      }
    }
  });

  it('a lock set on one server refuses edits on the other at once, and an unlock lets them in again', async () => {
    const enc = await createEncounter(owner);
    const onA = await yClient(a.url, org.coder.email, enc.id);
    const onB = await yClient(b.url, org.coder.email, enc.id);
    const lineId = readLines(onB.doc)[0]!.id;
    const edit = (code: string) => {
      const d = new Y.Doc();
      Y.applyUpdate(d, Y.encodeStateAsUpdate(onB.doc));
      const sv = Y.encodeStateVector(d);
      setField(d, lineId, 'code', code);
      const update = Y.encodeStateAsUpdate(d, sv);
      d.destroy();
      return raw(onB.socket, COLLAB_EVENTS.update, { encounterId: enc.id, update });
    };
    const admin = { userId: org.admin._id, orgId: org.orgId, role: 'admin' as const, name: 'A', teamIds: [], address: '127.0.0.1' };
    // As the resolution command does: store the lock, then tell the live documents (on A only).
    await mutateEncounter(a.ctx, admin, enc.id, 'edit', () => ({ changes: { codeSetLocked: true } }));
    collabOf(a.ctx).setLocked(enc.id, true);
    // B's members hear it from B itself, which has applied it to its copy by then; B re-reads
    // rights only every 10 s, so only the message between servers can refuse this edit.
    await expect.poll(() => onB.provider.state.locked, { timeout: 3_000, interval: 5 }).toBe(true);
    const refused = await edit('A00.1');
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refused.error.message).toMatch(/locked/);
    expect(onA.provider.state).toMatchObject({ locked: true, readOnly: true, reason: 'locked' });
    const lateB = await yClient(b.url, org.admin.email, enc.id);
    expect(readLines(lateB.doc)[0]!.code).not.toBe('A00.1');

    await mutateEncounter(a.ctx, admin, enc.id, 'edit', () => ({ changes: { codeSetLocked: false } }));
    collabOf(a.ctx).setLocked(enc.id, false);
    await expect.poll(() => onB.provider.state.locked, { timeout: 3_000, interval: 5 }).toBe(false);
    expect(await edit('A00.2')).toMatchObject({ ok: true });
    await expect.poll(() => readLines(onA.doc)[0]!.code, { timeout: 5_000 }).toBe('A00.2');
  });
});
