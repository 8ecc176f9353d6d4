/** Importing a file again never duplicates: by source key, by an export's id, or by content fingerprint; race-free. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATA, startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

type Item = { index: number; key?: string; status: string; id?: string; matchedBy?: string };
const demoFile = () => JSON.parse(readFileSync(path.join(SHARED_DATA, 'demo/encounters.json'), 'utf8')) as { encounters: Record<string, unknown>[] };
/** The demo items without their source keys, so only the content can identify them. */
const keyless = () => demoFile().encounters.map(({ key: _key, ...rest }) => rest);

let server: TestServer;

beforeAll(async () => { server = await startTestServer(); });
afterAll(() => server.close());

async function freshCoder(): Promise<{ org: TestOrg; coder: Client }> {
  const org = await createOrg(server.ctx.db.c);
  return { org, coder: await signedIn(server.url, org.coder.email, TEST_PASSWORD) };
}
const count = (orgId: string) => server.ctx.db.c.encounters.countDocuments({ orgId });
const ids = (items: Item[]) => items.map((i) => i.id);

describe('importing the same file again', () => {
  it('skips every item the second time, naming the encounter it already is, and creates nothing', async () => {
    const { org, coder } = await freshCoder();
    const file = demoFile();
    const n = file.encounters.length;
    const first = await coder.post('/api/encounters/import', file);
    expect(first.body.data).toMatchObject({ created: n, skipped: 0, rejected: 0 });
    const second = await coder.post('/api/encounters/import', file);
    expect(second.status).toBe(200);
    expect(second.body.data).toMatchObject({ created: 0, skipped: n, rejected: 0 });
    expect(second.body.data.items.map((i: Item) => i.status)).toEqual(Array(n).fill('skipped'));
    expect(second.body.data.items.every((i: Item) => i.matchedBy === 'key')).toBe(true);
    expect(ids(second.body.data.items)).toEqual(ids(first.body.data.items));
    expect(await count(org.orgId)).toBe(n);
  });

  it('keeps the work done since: a skipped item does not overwrite the existing encounter', async () => {
    const { coder } = await freshCoder();
    const file = demoFile();
    const id = (await coder.post('/api/encounters/import', file)).body.data.items[0].id;
    await coder.patch(`/api/encounters/${id}`, { title: 'Renamed by the coder' });
    await coder.post('/api/encounters/import', file);
    expect((await coder.get(`/api/encounters/${id}`)).body.data.title).toBe('Renamed by the coder');
  });

  it('two concurrent imports of the same file make exactly one copy of each', async () => {
    const { org, coder } = await freshCoder();
    const other = await signedIn(server.url, org.otherCoder.email, TEST_PASSWORD);
    const file = demoFile();
    const n = file.encounters.length;
    const answers = await Promise.all([coder, other, coder].map((c) => c.post('/api/encounters/import', file)));
    for (const a of answers) expect(a.status).toBe(200);
    expect(answers.reduce((s, a) => s + a.body.data.created, 0)).toBe(n);
    expect(answers.reduce((s, a) => s + a.body.data.skipped, 0)).toBe(2 * n);
    expect(await count(org.orgId)).toBe(n);
    // Every answer names, per item, the one encounter that exists.
    const stored = await server.ctx.db.c.encounters.find({ orgId: org.orgId }).toArray();
    for (const [i, item] of file.encounters.entries()) {
      const copy = stored.filter((e) => e.title === item.title);
      expect(copy).toHaveLength(1);
      for (const a of answers) expect(a.body.data.items[i].id).toBe(copy[0]!._id);
    }
  });

  it("a colleague's import is skipped too, and says when the importer may not open the encounter", async () => {
    const { org, coder } = await freshCoder();
    const file = demoFile();
    const mine = await coder.post('/api/encounters/import', file);
    const outsider = await signedIn(server.url, org.otherCoder.email, TEST_PASSWORD);
    const theirs = await outsider.post('/api/encounters/import', file);
    expect(theirs.body.data.skipped).toBe(file.encounters.length);
    expect(theirs.body.data.items.every((i: Item & { visible?: boolean }) => i.visible === false)).toBe(true);
    expect((await outsider.get(`/api/encounters/${theirs.body.data.items[0].id}`)).status).toBe(404);
    const admin = await signedIn(server.url, org.admin.email, TEST_PASSWORD);
    const asAdmin = await admin.post('/api/encounters/import', file);
    expect(asAdmin.body.data.items.every((i: Item & { visible?: boolean }) => i.visible === true)).toBe(true);
    expect(ids(asAdmin.body.data.items)).toEqual(ids(mine.body.data.items));
    expect(await count(org.orgId)).toBe(file.encounters.length);
  });

  it('dedupes a key repeated inside one file', async () => {
    const { org, coder } = await freshCoder();
    const [a] = demoFile().encounters;
    const r = await coder.post('/api/encounters/import', { encounters: [a, { ...a, title: 'Same key, other title' }] });
    expect(r.body.data).toMatchObject({ created: 1, skipped: 1 });
    expect(r.body.data.items[1]).toMatchObject({ status: 'skipped', id: r.body.data.items[0].id, matchedBy: 'key' });
    expect(await count(org.orgId)).toBe(1);
  });
});

describe('items without a source key', () => {
  it('are recognised by a fingerprint of their content, whatever the key order and spacing of the file', async () => {
    const { org, coder } = await freshCoder();
    const items = keyless();
    const first = await coder.post('/api/encounters/import', { encounters: items });
    expect(first.body.data.created).toBe(items.length);
    // Same content, keys in another order, sent as differently formatted JSON.
    const reordered = items.map((it) => Object.fromEntries(Object.entries(it).reverse()));
    const again = await coder.request('POST', '/api/encounters/import', undefined, { body: JSON.stringify({ encounters: reordered }, null, 2) });
    expect(again.body.data).toMatchObject({ created: 0, skipped: items.length });
    expect(again.body.data.items.every((i: Item) => i.matchedBy === 'content')).toBe(true);
    expect(ids(again.body.data.items)).toEqual(ids(first.body.data.items));
    expect(await count(org.orgId)).toBe(items.length);
  });

  it('a change to the content is a new encounter', async () => {
    const { org, coder } = await freshCoder();
    const [item] = keyless();
    await coder.post('/api/encounters/import', { encounters: [item] });
    const changed = { ...item, documents: [...(item!.documents as object[]), { kind: 'lab', title: 'Addendum', text: 'Repeat culture negative.' }] };
    const r = await coder.post('/api/encounters/import', { encounters: [changed] });
    expect(r.body.data).toMatchObject({ created: 1, skipped: 0 });
    expect(await count(org.orgId)).toBe(2);
  });

  it('concurrent imports of a keyless file make one copy of each', async () => {
    const { org, coder } = await freshCoder();
    const items = keyless();
    const answers = await Promise.all([1, 2, 3].map(() => coder.post('/api/encounters/import', { encounters: items })));
    expect(answers.reduce((s, a) => s + a.body.data.created, 0)).toBe(items.length);
    expect(await count(org.orgId)).toBe(items.length);
  });
});

describe('exports and organisations', () => {
  it("an export imported back into its organisation is the original; into another organisation it is created once", async () => {
    const { org, coder } = await freshCoder();
    const id = (await coder.post('/api/encounters', encounterInput())).body.data.id;
    const exported = (await coder.get(`/api/encounters/${id}/export`)).body;
    const back = await coder.post('/api/encounters/import', exported);
    expect(back.body.data.items[0]).toMatchObject({ status: 'skipped', id, matchedBy: 'id' });
    expect(await count(org.orgId)).toBe(1);

    const elsewhere = await freshCoder();
    const created = await elsewhere.coder.post('/api/encounters/import', exported);
    expect(created.body.data.items[0]).toMatchObject({ status: 'created' });
    expect(created.body.data.items[0].id).not.toBe(id);
    const again = await elsewhere.coder.post('/api/encounters/import', exported);
    expect(again.body.data.items[0]).toMatchObject({ status: 'skipped', id: created.body.data.items[0].id, matchedBy: 'key' });
    expect(await count(elsewhere.org.orgId)).toBe(1);
  });

  it("another organisation's import of the same file is its own and never names our encounters", async () => {
    const a = await freshCoder();
    const b = await freshCoder();
    const file = demoFile();
    const ra = await a.coder.post('/api/encounters/import', file);
    const rb = await b.coder.post('/api/encounters/import', file);
    expect(rb.body.data.created).toBe(file.encounters.length);
    expect(ids(rb.body.data.items).filter((x) => ids(ra.body.data.items).includes(x))).toEqual([]);
  });

  it('encounters created by the form are unaffected by the unique import key', async () => {
    const { org, coder } = await freshCoder();
    for (let i = 0; i < 3; i++) expect((await coder.post('/api/encounters', encounterInput())).status).toBe(201);
    expect(await count(org.orgId)).toBe(3);
    const stored = await server.ctx.db.c.encounters.find({ orgId: org.orgId }).toArray();
    expect(stored.every((e) => !('importKey' in e))).toBe(true);
  });

  it('refuses an unauthenticated import and malformed files, writing nothing', async () => {
    const anon = new Client(server.url);
    const r = await anon.post('/api/encounters/import', demoFile());
    expect(r.status).toBe(401);
    expect(errorOf(r).code).toBe('unauthenticated');
    const { org, coder } = await freshCoder();
    expect(errorOf(await coder.post('/api/encounters/import', { encounters: 'nope' })).field).toBe('encounters');
    const bad = await coder.post('/api/encounters/import', { encounters: [{ ...demoFile().encounters[0], key: 'x'.repeat(101) }] });
    expect(bad.body.data.items[0]).toMatchObject({ status: 'rejected' });
    expect(bad.body.data.items[0].errors[0].field).toBe('key');
    expect(await count(org.orgId)).toBe(0);
  });
});
