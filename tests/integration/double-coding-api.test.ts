/**
 * Blind double coding: each side's lines are hidden until both submitted, the difference is in
 * coder terms, a difference can start a thread, and the rules (who starts, who submits, once).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, errorOf, signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';
import { closeAllSockets } from '../support/sockets';
import { insertLine, readLines } from '../../src/lib/collab/shape';
import { LOCAL_ORIGIN } from '../../src/lib/collab/provider';
import { destroyClients, yClient } from './collab-support';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
let coder: Client, senior: Client, outsider: Client, otherAdmin: Client;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
  other = await createOrg(server.ctx.db.c);
  coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
  senior = await signedIn(server.url, org.senior.email, TEST_PASSWORD);
  outsider = await signedIn(server.url, org.otherCoder.email, TEST_PASSWORD);
  otherAdmin = await signedIn(server.url, other.admin.email, TEST_PASSWORD);
});
afterAll(async () => { destroyClients(); closeAllSockets(); await server.close(); });

const dx = (code: string, role: string, poa = 'Y') => ({ system: 'ICD-10-CM', code, role, poa });

async function session() {
  const r = await coder.post('/api/encounters', encounterInput());
  const id = r.body.data.id as string;
  expect((await coder.put(`/api/encounters/${id}/sharing`, { userIds: [], teamIds: [org.teamId] })).status).toBe(200);
  const s = await senior.post(`/api/encounters/${id}/double-coding`, {});
  expect(s.status).toBe(201);
  return { encounterId: id, sessionId: s.body.data.id as string, lines: r.body.data.codeLines as any[] };
}

describe('blind double coding', () => {
  it('the coder submits the live code set as it is now, an edit of the last moment included', async () => {
    const { encounterId, sessionId } = await session();
    const live = await yClient(server.url, org.coder.email, encounterId);
    live.doc.transact(() => insertLine(live.doc, { id: 'just-now', system: 'ICD-10-CM', code: 'E87.1', role: 'secondary', poa: 'Y', modifiers: [], units: null, pointers: [], note: '', addedBy: null }, 2), LOCAL_ORIGIN);
    // The edit has reached the server (the provider's update was acknowledged) but not its ~1 s projection.
    await expect.poll(() => live.provider.inFlight, { interval: 5 }).toBe(0);
    expect((await coder.get(`/api/encounters/${encounterId}`)).body.data.codeLines.map((l: { code: string }) => l.code)).not.toContain('E87.1');
    const mine = await coder.put(`/api/double-coding/${sessionId}/submission`, { current: true });
    expect(mine.status).toBe(200);
    expect(mine.body.data.coderLines.map((l: { code: string }) => l.code)).toEqual(readLines(live.doc).map((l) => l.code));
    expect(mine.body.data.coderLines.map((l: { code: string }) => l.code)).toContain('E87.1');
    // The senior codes blind: "current" would be the coder's lines, so it is refused; so is a body with neither or both.
    const refused = await senior.put(`/api/double-coding/${sessionId}/submission`, { current: true });
    expect([refused.status, errorOf(refused).code]).toEqual([403, 'forbidden']);
    for (const body of [{}, { current: true, codeLines: [] }, { current: false }]) {
      const bad = await senior.put(`/api/double-coding/${sessionId}/submission`, body);
      expect([bad.status, errorOf(bad).code]).toEqual([400, 'invalid_input']);
    }
    expect((await senior.get(`/api/double-coding/${sessionId}`)).body.data.seniorSubmitted).toBe(false);
  });

  it('hidden until both submit; then the difference in coder terms; a thread per difference', async () => {
    const { encounterId, sessionId, lines } = await session();
    const mine = await coder.put(`/api/double-coding/${sessionId}/submission`, { codeLines: lines.map(({ id, ...l }) => ({ ...l, id })) });
    expect(mine.status).toBe(200);
    expect(mine.body.data.coderLines).toHaveLength(2);
    // The senior cannot see the coder's lines yet, and there is no diff.
    const peek = await senior.get(`/api/double-coding/${sessionId}`);
    expect(peek.body.data).toMatchObject({ coderSubmitted: true, seniorSubmitted: false, coderLines: null, complete: false });
    const early = await coder.get(`/api/double-coding/${sessionId}/diff`);
    expect(early.status).toBe(409);
    expect(errorOf(early).message).toMatch(/both/);
    expect((await coder.put(`/api/double-coding/${sessionId}/submission`, { codeLines: [] })).status).toBe(409);
    // Senior: sepsis principal, UTI secondary, B96.20 with POA N, E87.1 added.
    const theirs = await senior.put(`/api/double-coding/${sessionId}/submission`, { codeLines: [dx('A41.51', 'principal'), dx('N39.0', 'secondary'), dx('B96.20', 'secondary', 'N'), dx('E87.1', 'secondary')] });
    expect(theirs.body.data.complete).toBe(true);
    expect((await coder.get(`/api/double-coding/${sessionId}`)).body.data.seniorLines).toHaveLength(4);
    const diff = (await coder.get(`/api/double-coding/${sessionId}/diff`)).body.data;
    expect(diff.agreed).toBe(false);
    const kinds = diff.entries.map((e: any) => `${e.kind} ${e.before?.code ?? '-'}→${e.after?.code ?? '-'} ${e.fields.join(',')}`).sort();
    expect(kinds).toEqual([
      'added -→A41.51 ', 'added -→E87.1 ', 'changed B96.20→B96.20 poa', 'changed N39.0→N39.0 role', 'principal-changed N39.0→A41.51 principal'
    ].sort()); // N39.0 still comes before B96.20: the relative order is kept, so nothing is resequenced
    expect(diff.lineAgreement).toBe(0);
    const entry = diff.entries.find((e: any) => e.kind === 'changed' && e.before.code === 'B96.20');
    const t = await senior.post(`/api/double-coding/${sessionId}/threads`, { key: entry.key, clientId: crypto.randomUUID() });
    expect(t.status).toBe(201);
    const thread = await server.ctx.db.c.threads.findOne({ _id: t.body.data.threadId });
    expect(thread).toMatchObject({ room: `encounter:${encounterId}`, anchor: { type: 'code-line', codeLineId: lines[1].id } });
    expect((await senior.get(`/api/double-coding/${sessionId}`)).body.data.threads).toEqual([{ key: entry.key, threadId: t.body.data.threadId }]);
    expect(errorOf(await senior.post(`/api/double-coding/${sessionId}/threads`, { key: 'nope', clientId: crypto.randomUUID() })).field).toBe('key');
  });

  it('identical code sets agree', async () => {
    const { sessionId, lines } = await session();
    await coder.put(`/api/double-coding/${sessionId}/submission`, { codeLines: lines });
    await senior.put(`/api/double-coding/${sessionId}/submission`, { codeLines: lines.map(({ id: _id, ...l }) => l) });
    const diff = (await senior.get(`/api/double-coding/${sessionId}/diff`)).body.data;
    expect(diff).toMatchObject({ agreed: true, lineAgreement: 1, entries: [] });
  });

  it('who may: coders cannot start, outsiders and other organisations get 404, unauthenticated 401, bad lines 400', async () => {
    const { encounterId, sessionId } = await session();
    expect((await coder.post(`/api/encounters/${encounterId}/double-coding`, {})).status).toBe(403);
    expect((await otherAdmin.post(`/api/encounters/${encounterId}/double-coding`, {})).status).toBe(404);
    expect((await new Client(server.url).post(`/api/encounters/${encounterId}/double-coding`, {})).status).toBe(401);
    expect((await outsider.get(`/api/double-coding/${sessionId}`)).status).toBe(404);
    expect((await otherAdmin.get(`/api/double-coding/${sessionId}`)).status).toBe(404);
    expect(errorOf(await senior.put(`/api/double-coding/${sessionId}/submission`, { codeLines: [dx('XYZ', 'principal')] })).field).toBe('codeLines.0.code');
    expect(errorOf(await senior.put(`/api/double-coding/${sessionId}/submission`, { codeLines: [{ ...dx('N39.0', 'principal'), id: 'a' }, { ...dx('B96.20', 'secondary'), id: 'a' }] })).field).toBe('codeLines');
    expect(errorOf(await senior.post(`/api/encounters/${encounterId}/double-coding`, { coderId: 'x' })).code).toBe('invalid_input');
    expect((await senior.get(`/api/double-coding/${sessionId}`)).body.data.seniorSubmitted).toBe(false);
  });
});
