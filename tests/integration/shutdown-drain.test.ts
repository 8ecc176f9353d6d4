/**
 * Stopping a node (server/boot.ts): in-flight requests get a few seconds to finish, then their
 * connections are cut, so a request that never completes (a client that stalls mid-body) cannot
 * hold the node up. The wait for the drain is io.close(), which only returns once the HTTP server
 * has closed: the cut must be armed before it.
 */
import { request } from 'node:http';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, type TestOrg } from '../support/factories';
import { sharedEncounter } from '../support/threads';

let server: TestServer;
let org: TestOrg;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
});
afterAll(async () => {
  const mongo = new MongoClient(inject('mongoUri'));
  await mongo.db(server.ctx.db.db.databaseName).dropDatabase().catch(() => {});
  await mongo.close();
});

it('stops although a request stalls mid-body: its connection is cut after the grace period', async () => {
  const enc = await sharedEncounter(server, org.coder, []);
  const body = JSON.stringify({ title: 'Never finished' });
  const { port } = new URL(server.url);
  const cut = new Promise<string>((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: 'PATCH', path: `/api/encounters/${enc.id}`, headers: {
      cookie: enc.rest.cookie, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body)
    } }, (res) => resolve(`answered ${res.statusCode}`));
    req.on('error', (err) => resolve(`cut: ${(err as NodeJS.ErrnoException).code ?? err.message}`));
    req.write(body.slice(0, 10)); // and never the rest
  });
  await new Promise((r) => setTimeout(r, 100));
  await server.stop();
  expect(await cut).toMatch(/^cut: /);
  // Nothing of the unfinished request was written.
  const mongo = new MongoClient(inject('mongoUri'));
  try {
    const stored = await mongo.db(server.ctx.db.db.databaseName).collection('encounters').findOne({ _id: enc.id as never });
    expect(stored?.title).not.toBe('Never finished');
  } finally {
    await mongo.close();
  }
}, 30_000);
