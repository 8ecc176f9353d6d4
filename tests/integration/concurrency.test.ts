/**
 * Concurrent writers through the real API against the real database (FerretDB here, MongoDB
 * when MONGODB_URI is set). Every acknowledged change must be there afterwards; a change that
 * cannot be applied is refused, never acknowledged and lost. Limits are decided on a count that
 * includes the attempt, so exactly the limit is evaluated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, createUserDoc, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';
import { derive } from '../../server/commands/encounter-state';

// Windows are aligned to the clock; a day-long one keeps a test's attempts inside one window.
const DAY_MS = 24 * 3600_000;

let server: TestServer;
let org: TestOrg;
let coder: Client;
let admin: Client;

beforeAll(async () => {
  server = await startTestServer({ rateLimits: { perAccount: 5, perAddress: 100_000, windowMs: DAY_MS } });
  org = await createOrg(server.ctx.db.c);
  [coder, admin] = await Promise.all([signedIn(server.url, org.coder.email, TEST_PASSWORD), signedIn(server.url, org.admin.email, TEST_PASSWORD)]);
});
afterAll(() => server.close());

const statuses = (rs: { status: number }[]) => rs.reduce<Record<number, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
const newEncounter = async () => (await coder.post('/api/encounters', encounterInput())).body.data.id as string;

describe('concurrent changes to one encounter', () => {
  it('stores all 30 flags raised at once', async () => {
    const id = await newEncounter();
    const rs = await Promise.all(Array.from({ length: 30 }, (_, i) => coder.post(`/api/encounters/${id}/flags`, { category: 'sequencing', question: `flag ${i}?` })));
    expect(statuses(rs)).toEqual({ 201: 30 });
    const stored = (await coder.get(`/api/encounters/${id}`)).body.data;
    expect(stored.flags.map((f: { question: string }) => f.question).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `flag ${i}?`).sort());
  });

  it('keeps every acknowledged change of 50 mixed writers, with derived fields consistent', async () => {
    const id = await newEncounter();
    const writes = Array.from({ length: 50 }, (_, i) => {
      if (i % 5 === 0) return coder.post(`/api/encounters/${id}/documents`, { kind: 'progress-note', title: `Addendum ${i}`, text: `Addendum text ${i}.` });
      if (i % 5 === 1) return coder.patch(`/api/encounters/${id}`, { specialty: `specialty ${i}` });
      return coder.post(`/api/encounters/${id}/flags`, { category: i % 2 ? 'sequencing' : 'specificity', question: `question ${i}` });
    });
    const rs = await Promise.all(writes);
    expect(rs.filter((r) => r.status >= 300).map((r) => r.body)).toEqual([]);
    const acked = rs.map((r, i) => ({ i, ok: r.status === 200 || r.status === 201 }));
    // Nothing collides here for long, so every writer is applied (a 409 would also be honest).
    expect(acked.every((a) => a.ok)).toBe(true);
    const stored = (await coder.get(`/api/encounters/${id}`)).body.data;
    for (const { i } of acked) {
      if (i % 5 === 0) expect(stored.documents.map((d: { title: string }) => d.title)).toContain(`Addendum ${i}`);
      else if (i % 5 !== 1) expect(stored.flags.map((f: { question: string }) => f.question)).toContain(`question ${i}`);
    }
    expect(stored.flags).toHaveLength(30);
    expect(stored.documents).toHaveLength(11);
    expect(stored.specialty).toMatch(/^specialty \d+$/);
    const doc = (await server.ctx.db.c.encounters.findOne({ _id: id }))!;
    expect({ status: doc.status, categories: [...doc.categories].sort(), codes: doc.codes, shared: doc.shared })
      .toEqual({ ...derive(doc), categories: [...derive(doc).categories].sort() });
    expect(doc.revision).toBeGreaterThanOrEqual(2);
  });

  it('applies 20 rewordings of one flag sent at once, one after another', async () => {
    const id = await newEncounter();
    const flag = (await coder.post(`/api/encounters/${id}/flags`, { category: 'sequencing', question: 'Which first?' })).body.data;
    // Rewording a flag 20 times at once: each is applied in turn, the last one stays.
    const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => coder.patch(`/api/encounters/${id}/flags/${flag.id}`, { question: `reworded ${i}` })));
    expect(statuses(rs)).toEqual({ 200: 20 });
    const stored = (await coder.get(`/api/encounters/${id}`)).body.data;
    expect(stored.flags).toHaveLength(1);
    expect(rs.map((r) => r.body.data.question)).toContain(stored.flags[0].question);
  });
});

describe('sign-in limits under concurrency', () => {
  it('evaluates exactly the limit of 100 parallel wrong passwords for one account, never 500', async () => {
    const user = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder' });
    const rs = await Promise.all(Array.from({ length: 100 }, () => new Client(server.url).post('/api/auth/sign-in', { email: user.email, password: 'wrong-password-1' })));
    expect(statuses(rs)).toEqual({ 401: 5, 429: 95 });
    expect(rs.find((r) => r.status === 429)!.headers.get('retry-after')).toMatch(/^\d+$/);
    // Locked for the window, even with the right password.
    expect((await new Client(server.url).post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })).status).toBe(429);
  });

  it('evaluates exactly the per-address limit of a spray over many accounts', async () => {
    const s = await startTestServer({ rateLimits: { perAccount: 100, perAddress: 30, windowMs: DAY_MS } });
    try {
      const rs = await Promise.all(Array.from({ length: 150 }, (_, i) => new Client(s.url).post('/api/auth/sign-in', { email: `nobody${i}@test.example`, password: 'guess-password' })));
      expect(statuses(rs)).toEqual({ 401: 30, 429: 120 });
    } finally {
      await s.close();
    }
  });

  it('counts wrong current passwords on the password form against the account', async () => {
    const user = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder' });
    const me = await signedIn(server.url, user.email, TEST_PASSWORD);
    const rs = await Promise.all(Array.from({ length: 40 }, () => me.post('/api/auth/password', { currentPassword: 'not-my-password', newPassword: 'a-new-long-password' })));
    expect(statuses(rs)).toEqual({ 400: 5, 429: 35 });
  });
});

describe('concurrent changes to users, teams and CPT lists', () => {
  it('keeps every field of concurrent edits to one user', async () => {
    const user = await createUserDoc(server.ctx.db.c, org.orgId, { role: 'coder' });
    const rs = await Promise.all([
      admin.patch(`/api/users/${user._id}`, { name: 'Renamed Person' }),
      admin.patch(`/api/users/${user._id}`, { teamIds: [org.teamId] }),
      admin.patch(`/api/users/${user._id}`, { role: 'senior' })
    ]);
    expect(statuses(rs)).toEqual({ 200: 3 });
    const stored = (await server.ctx.db.c.users.findOne({ _id: user._id }))!;
    expect({ name: stored.name, teamIds: stored.teamIds, role: stored.role }).toEqual({ name: 'Renamed Person', teamIds: [org.teamId], role: 'senior' });
  });

  it('never leaves an organisation without an active admin when two admins are demoted at once', async () => {
    const o = await createOrg(server.ctx.db.c);
    const second = await createUserDoc(server.ctx.db.c, o.orgId, { role: 'admin' });
    const [a, b] = await Promise.all([signedIn(server.url, o.admin.email, TEST_PASSWORD), signedIn(server.url, second.email, TEST_PASSWORD)]);
    const rs = await Promise.all([a.patch(`/api/users/${second._id}`, { role: 'coder' }), b.patch(`/api/users/${o.admin._id}`, { role: 'coder' })]);
    expect(rs.filter((r) => r.status >= 500)).toEqual([]);
    expect(await server.ctx.db.c.users.countDocuments({ orgId: o.orgId, role: 'admin', disabled: false })).toBeGreaterThanOrEqual(1);
    expect(rs.some((r) => r.status === 409)).toBe(true);
  });

  it('leaves exactly one of several CPT lists uploaded at once, never a mix', async () => {
    const lists = Array.from({ length: 5 }, (_, n) => ['code,description', ...Array.from({ length: 40 }, (_, i) => `${String(10000 + n * 1000 + i)},List ${n} code ${i}`)].join('\n'));
    const rs = await Promise.all(lists.map((csv) => admin.put('/api/codes/cpt', { csv })));
    expect(statuses(rs)).toEqual({ 200: 5 });
    const map = await server.ctx.db.stores.cptLists.load(org.orgId);
    const listNos = new Set(map!.entries.map((e) => e.description.split(' ')[1]));
    expect(listNos.size).toBe(1);
    expect(map!.entries).toHaveLength(40);
  });

  it('renames a team once when two renames race for one name', async () => {
    const t1 = (await admin.post('/api/teams', { name: 'Race A' })).body.data;
    const t2 = (await admin.post('/api/teams', { name: 'Race B' })).body.data;
    const rs = await Promise.all([admin.patch(`/api/teams/${t1.id}`, { name: 'Race Winner' }), admin.patch(`/api/teams/${t2.id}`, { name: 'Race Winner' })]);
    expect(rs.filter((r) => r.status >= 500)).toEqual([]);
    expect(await server.ctx.db.c.teams.countDocuments({ orgId: org.orgId, name: 'Race Winner' })).toBe(1);
    expect(rs.filter((r) => r.status === 200)).toHaveLength(1);
  });
});
