/** Two servers sharing a real Redis and one database: editors on both converge, and a late
 * joiner on either server gets the full state, including an update acknowledged elsewhere. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { startRedis, type TestRedis } from '../support/redis';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { signedIn, type Client } from '../support/http';
import { closeAllSockets } from '../support/sockets';
import { insertLine, readLines, setField } from '../../src/lib/collab/shape';
import { LOCAL_ORIGIN } from '../../src/lib/collab/provider';
import { converged, createEncounter, destroyClients, snapshot, yClient } from './collab-support';

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
});
