/**
 * The policy matrix: owner, named share, team senior, team coder, admin, unrelated coder and
 * another organisation, for view, comment (flag status), edit codes, edit, share and resolve.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, createUserDoc, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';
import type { UserDoc } from '../../server/db/collections';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
let peer: UserDoc;
let teamCoder: UserDoc;
const as: Record<string, Client> = {};

beforeAll(async () => {
  server = await startTestServer();
  const c = server.ctx.db.c;
  org = await createOrg(c);
  other = await createOrg(c);
  // owner = org.coder (in Team A); peer = named share; teamCoder = another coder in Team A.
  peer = await createUserDoc(c, org.orgId, { role: 'coder', name: 'Pia Peer' });
  teamCoder = await createUserDoc(c, org.orgId, { role: 'coder', name: 'Tess Teammate', teamIds: [org.teamId] });
  const users: Record<string, UserDoc> = {
    owner: org.coder, peer, teamSenior: org.senior, teamCoder, admin: org.admin, unrelated: org.otherCoder, otherOrgAdmin: other.admin
  };
  for (const [k, u] of Object.entries(users)) as[k] = await signedIn(server.url, u.email, TEST_PASSWORD);
});
afterAll(() => server.close());

async function freshEncounter(share: { users?: boolean; team?: boolean }) {
  const r = await as.owner!.post('/api/encounters', encounterInput({ flags: [{ category: 'sequencing', question: 'Which is principal?' }] }));
  expect(r.status).toBe(201);
  const id = r.body.data.id as string;
  const s = await as.owner!.put(`/api/encounters/${id}/sharing`, { userIds: share.users ? [peer._id] : [], teamIds: share.team ? [org.teamId] : [] });
  expect(s.status).toBe(200);
  return { id, flagId: r.body.data.flags[0].id as string };
}

type Expect = 'ok' | 403 | 404;
// actor → [view, comment, editCodes, edit, share, resolve], for an encounter shared with the peer and Team A.
const MATRIX: Record<string, Expect[]> = {
  owner:         ['ok', 'ok', 'ok', 'ok', 'ok', 403],
  peer:          ['ok', 'ok', 'ok', 403, 403, 403],
  teamSenior:    ['ok', 'ok', 'ok', 403, 403, 'ok'],
  teamCoder:     ['ok', 'ok', 403, 403, 403, 403],
  admin:         ['ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  unrelated:     [404, 404, 404, 404, 404, 404],
  otherOrgAdmin: [404, 404, 404, 404, 404, 404]
};

describe('encounter policy matrix', () => {
  for (const [who, expected] of Object.entries(MATRIX)) {
    it(`${who}: view, comment, edit codes, edit, share, resolve`, async () => {
      const { id, flagId } = await freshEncounter({ users: true, team: true });
      const client = as[who]!;
      const attempts = [
        () => client.get(`/api/encounters/${id}`),
        () => client.patch(`/api/encounters/${id}/flags/${flagId}`, { status: 'in-discussion' }),
        () => client.put(`/api/encounters/${id}/code-lines`, { codeLines: [{ system: 'ICD-10-CM', code: 'N39.0', role: 'principal', poa: 'Y' }] }),
        () => client.patch(`/api/encounters/${id}`, { title: 'Renamed by ' + who }),
        () => client.put(`/api/encounters/${id}/sharing`, { userIds: [peer._id], teamIds: [org.teamId] }),
        () => client.patch(`/api/encounters/${id}/flags/${flagId}`, { status: 'resolved' })
      ];
      for (const [i, attempt] of attempts.entries()) {
        const r = await attempt();
        const want = expected[i]!;
        if (want === 'ok') expect(r.status, `${who} action ${i}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
        else {
          expect(r.status, `${who} action ${i}`).toBe(want);
          expect(errorOf(r).code).toBe(want === 404 ? 'not_found' : 'forbidden');
        }
      }
    });
  }

  it('permissions travel with the data', async () => {
    const { id } = await freshEncounter({ users: true, team: true });
    const perms = async (who: string) => (await as[who]!.get(`/api/encounters/${id}`)).body.data.permissions;
    expect(await perms('owner')).toMatchObject({ view: true, editCodes: true, edit: true, share: true, publish: true, resolve: false });
    expect(await perms('teamCoder')).toMatchObject({ view: true, comment: true, flag: true, editCodes: false, share: false });
    expect(await perms('teamSenior')).toMatchObject({ resolve: true, share: false });
  });

  it('a team senior sees an unshared teammate encounter only once it is shared with anyone', async () => {
    const { id } = await freshEncounter({});
    expect((await as.teamSenior!.get(`/api/encounters/${id}`)).status).toBe(404);
    expect((await as.teamCoder!.get(`/api/encounters/${id}`)).status).toBe(404);
    await as.owner!.put(`/api/encounters/${id}/sharing`, { userIds: [peer._id], teamIds: [] });
    expect((await as.teamSenior!.get(`/api/encounters/${id}`)).status).toBe(200);
    expect((await as.teamCoder!.get(`/api/encounters/${id}`)).status).toBe(404);
  });

  it('unshared encounters are invisible to everyone but owner and admin, also in queues', async () => {
    const { id } = await freshEncounter({});
    for (const who of ['peer', 'teamSenior', 'teamCoder', 'unrelated', 'otherOrgAdmin']) {
      expect((await as[who]!.get(`/api/encounters/${id}`)).status).toBe(404);
      for (const queue of ['mine', 'shared', 'team', 'forum']) {
        const list = await as[who]!.get(`/api/encounters?queue=${queue}&pageSize=100`);
        expect(list.body.data.items.map((i: { id: string }) => i.id)).not.toContain(id);
      }
    }
  });

  it('every encounter endpoint refuses a request without a session', async () => {
    const { id, flagId } = await freshEncounter({});
    const anon = new Client(server.url);
    const calls = [
      anon.get('/api/encounters'), anon.post('/api/encounters', encounterInput()), anon.post('/api/encounters/import', { encounters: [{}] }),
      anon.get(`/api/encounters/${id}`), anon.patch(`/api/encounters/${id}`, { title: 'x' }), anon.post(`/api/encounters/${id}/documents`, {}),
      anon.put(`/api/encounters/${id}/code-lines`, { codeLines: [] }), anon.post(`/api/encounters/${id}/flags`, {}),
      anon.patch(`/api/encounters/${id}/flags/${flagId}`, { status: 'open' }), anon.put(`/api/encounters/${id}/sharing`, { userIds: [], teamIds: [] }),
      anon.post(`/api/encounters/${id}/forum/preview`), anon.post(`/api/encounters/${id}/forum`, { acceptedIds: [] }),
      anon.delete(`/api/encounters/${id}/forum`), anon.get(`/api/encounters/${id}/export`), anon.get('/api/forum/' + id), anon.get('/api/audit')
    ];
    for (const r of await Promise.all(calls)) expect(r.status).toBe(401);
  });

  it('the owner cannot share with a user or team of another organisation', async () => {
    const { id } = await freshEncounter({});
    expect(errorOf(await as.owner!.put(`/api/encounters/${id}/sharing`, { userIds: [other.coder._id], teamIds: [] })).field).toBe('userIds');
    expect(errorOf(await as.owner!.put(`/api/encounters/${id}/sharing`, { userIds: [], teamIds: [other.teamId] })).field).toBe('teamIds');
  });
});
