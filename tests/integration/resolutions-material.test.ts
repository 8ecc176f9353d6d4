/**
 * Material errors from the MS-DRG v43 CC/MCC tables (../shared/data/ms-drg, loaded by the code
 * sets): on an inpatient stay a CC or MCC added, removed or excluded by the principal diagnosis
 * (or a changed principal) is material whatever the resolver says; elsewhere the resolver decides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, WITH_CODE_SETS, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { signedIn, type Client } from '../support/http';
import { encounterInput } from '../support/encounters';
import { excludedByPrincipal } from '../../server/codes/severity';

let server: TestServer;
let org: TestOrg;
let coder: Client, senior: Client;
const dx = (code: string, role: string, poa = 'Y') => ({ system: 'ICD-10-CM', code, role, poa });
const RES = { summary: 's', rationale: 'r', references: [{ kind: 'coding-clinic', year: 2022, quarter: 3, page: 12 }], outcome: 'changed' };

beforeAll(async () => {
  server = await startTestServer(WITH_CODE_SETS);
  await server.ctx.codeSets.get();
  org = await createOrg(server.ctx.db.c);
  coder = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
  senior = await signedIn(server.url, org.senior.email, TEST_PASSWORD);
}, 120_000);
afterAll(() => server.close());

async function flaggedWith(setting: string, lines: unknown[]) {
  const r = await coder.post('/api/encounters', encounterInput({ setting: setting as any, codeLines: lines as any }));
  const id = r.body.data.id as string;
  await coder.put(`/api/encounters/${id}/sharing`, { userIds: [], teamIds: [org.teamId] });
  const flagId = (await coder.post(`/api/encounters/${id}/flags`, { category: 'clinical validity', question: 'Is hyponatremia supported?' })).body.data.id;
  return { id, flagId };
}

describe('material errors', () => {
  it('inpatient: an added CC (E87.1) is material; a tag on a non-CC code is not, whatever the resolver said', async () => {
    const { id, flagId } = await flaggedWith('inpatient', [dx('N39.0', 'principal'), dx('B96.20', 'secondary')]);
    expect((await senior.put(`/api/encounters/${id}/code-lines`, { codeLines: [dx('N39.0', 'principal'), dx('B96.20', 'secondary'), dx('E87.1', 'secondary')] })).status).toBe(200);
    const r = await senior.post(`/api/encounters/${id}/resolutions`, { ...RES, flagId, errorTags: [
      { tag: 'missed-secondary', code: 'E87.1', material: false }, { tag: 'specificity', code: 'B96.20', material: true }, { tag: 'other' }
    ] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.data.severityChange).toEqual({ added: ['E871'], removed: [], excluded: [], principalChanged: false });
    expect(r.body.data.errorTags.map((t: any) => [t.tag, t.material, t.materialSource])).toEqual([
      ['missed-secondary', true, 'ms-drg'], ['specificity', false, 'ms-drg'], ['other', true, 'ms-drg']
    ]);
  });

  it('inpatient: a new principal that excludes a CC makes it material; outpatient: the resolver decides', async () => {
    const cs = await server.ctx.codeSets.get();
    // A principal that excludes E87.1 as a CC, found in the loaded Table 6K rather than assumed.
    const pdx = ['E87.0', 'E87.2', 'E87.3', 'E86.0', 'E87.8', 'E22.2'].find((p) => excludedByPrincipal(cs.severity!, 'E871', p.replace('.', '')));
    expect(pdx).toBeDefined();
    const { id, flagId } = await flaggedWith('inpatient', [dx('N39.0', 'principal'), dx('E87.1', 'secondary')]);
    await senior.put(`/api/encounters/${id}/code-lines`, { codeLines: [dx(pdx!, 'principal'), dx('E87.1', 'secondary'), dx('N39.0', 'secondary')] });
    const r = await senior.post(`/api/encounters/${id}/resolutions`, { ...RES, flagId, errorTags: [{ tag: 'principal-diagnosis', code: pdx, material: false }] });
    expect(r.body.data.severityChange).toMatchObject({ excluded: ['E871'], removed: [] });
    expect(r.body.data.severityChange.principalChanged).toBe(true);
    expect(r.body.data.errorTags[0]).toMatchObject({ material: true, materialSource: 'ms-drg' });

    const out = await flaggedWith('outpatient', [dx('N39.0', 'first-listed')]);
    await senior.put(`/api/encounters/${out.id}/code-lines`, { codeLines: [dx('N39.0', 'first-listed'), dx('E87.1', 'secondary')] });
    const o = await senior.post(`/api/encounters/${out.id}/resolutions`, { ...RES, flagId: out.flagId, errorTags: [{ tag: 'missed-secondary', code: 'E87.1', material: true }] });
    expect(o.body.data.severityChange).toBeNull();
    expect(o.body.data.errorTags[0]).toMatchObject({ material: true, materialSource: 'resolver' });
  });
});
