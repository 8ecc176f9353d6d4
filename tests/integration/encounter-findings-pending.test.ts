/**
 * Right after a start the code sets take seconds to load. The encounter is answered at once,
 * its code lines included, with `findingsPending` and a "loading" validation; the findings come
 * from GET /api/encounters/:id/validation, which waits for the code sets. That endpoint is
 * checked like every other: unauthenticated, another organisation, no access, malformed id.
 *
 * The load is held in its (asynchronous) reading phase deterministically: the folder is the
 * official one through symlinks, except that the HCPCS file is a named pipe that the test fills
 * with the real file when it wants the load to go on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestServer, SHARED_DATA, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { Client, signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

const HCPCS = 'hcpcs/HCPC2026_JAN_ANWEB_01122026.txt';
let server: TestServer;
let org: TestOrg;
let other: TestOrg;
let folder: string;
let released = false;
/** Lets the code-set load read its last file (once). */
async function releaseLoad() {
  if (released) return;
  released = true;
  await writeFile(path.join(folder, HCPCS), await readFile(path.join(SHARED_DATA, HCPCS)));
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'graycase-codesets-'));
  for (const d of ['icd10cm', 'icd10pcs', 'ms-drg']) symlinkSync(path.join(SHARED_DATA, d), path.join(folder, d));
  mkdirSync(path.join(folder, 'hcpcs'));
  execFileSync('mkfifo', [path.join(folder, HCPCS)]);
  server = await startTestServer({ codeSetsDir: folder });
  org = await createOrg(server.ctx.db.c);
  other = await createOrg(server.ctx.db.c);
}, 60_000);
afterAll(async () => {
  await releaseLoad().catch(() => {});
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
}, 120_000);

describe('the encounter before the code sets are loaded', () => {
  it('answers at once with its code lines and findingsPending; the findings follow', async () => {
    const coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    const created = await coder.post('/api/encounters', encounterInput());
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    const read = await coder.get(`/api/encounters/${id}`);
    expect(server.ctx.codeSets.status().state).toBe('loading');
    expect(read.status).toBe(200);
    expect(read.body.data.codeLines.map((l: { code: string }) => l.code)).toEqual(['N39.0', 'B96.20']);
    expect(read.body.data.findingsPending).toBe(true);
    expect(read.body.data.validation).toMatchObject({ state: 'loading', findings: [] });

    const findings = coder.get(`/api/encounters/${id}/validation`);
    await releaseLoad();
    const v = await findings;
    expect(v.status).toBe(200);
    expect(v.body.data.state).toBe('ready');
    expect(v.body.data.lines.map((l: { lineId: string }) => l.lineId)).toEqual(read.body.data.codeLines.map((l: { id: string }) => l.id));
    expect(v.body.data.lines.map((l: { status: string }) => l.status)).toEqual(['billable', 'billable']);
    expect(Array.isArray(v.body.data.findings)).toBe(true);

    const later = await coder.get(`/api/encounters/${id}`);
    expect(later.body.data.findingsPending).toBeUndefined();
    expect(later.body.data.validation.state).toBe('ready');
  }, 120_000);

  it('the findings endpoint: unauthenticated 401, another organisation or no access 404, a malformed id 404, audited', async () => {
    const coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    const id = (await coder.post('/api/encounters', encounterInput())).body.data.id as string;
    expect((await new Client(server.url).get(`/api/encounters/${id}/validation`)).status).toBe(401);
    const otherAdmin = await signedIn(server.url, other.admin.email, TEST_PASSWORD);
    expect((await otherAdmin.get(`/api/encounters/${id}/validation`)).status).toBe(404);
    const outsider = await signedIn(server.url, org.otherCoder.email, TEST_PASSWORD);
    expect((await outsider.get(`/api/encounters/${id}/validation`)).status).toBe(404);
    const bad = await coder.get('/api/encounters/not-a-uuid/validation');
    expect(bad.status).toBe(404);
    expect(bad.body.error.code).toBe('not_found');
    expect((await coder.get(`/api/encounters/${id}/validation`)).status).toBe(200);
    await server.ctx.audit.flush();
    const views = await server.ctx.db.c.audit.countDocuments({ action: 'encounters.view', targetId: id, actorId: org.coder._id });
    expect(views).toBe(1);
  }, 60_000);
});
