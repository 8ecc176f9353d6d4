/**
 * Issue 8, must fix 1: the forum cannot receive a patient identifier through the API, whatever
 * the client sends. The patient's identifiers are written into every text field in many forms
 * (case, prefix, separators, date layouts); publications with `acceptedIds: []` and with forged
 * bodies are then read back by ANOTHER member of the organisation, and none may survive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { signedIn, type Client } from '../support/http';
import { encounterInput } from '../support/encounters';

let server: TestServer;
let org: TestOrg;
let owner: Client;
let reader: Client;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server.ctx.db.c);
  owner = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
  reader = await signedIn(server.url, org.otherCoder.email, TEST_PASSWORD);
});
afterAll(() => server.close());

const PATIENT = {
  name: 'Dorota Grzybowski', mrn: 'MRN-0047731', ssn: '512-44-9031', dob: '1961-07-23', phone: '(651) 555-0142',
  email: 'dorota.g@example.net', address: '2210 Birchwood Lane, Saint Cloud, MN 56301', accountNumber: 'AC-99120', insuranceId: 'WXK448812', sex: 'female' as const
};
const NOTE = [
  'Pt DOROTA GRZYBOWSKI (Grzybowski, Dorota), dob 7/23/61, also written July 23, 1961 and 1961-07-23 and 07/23/1961.',
  'Seen 09/14/2026 (Sept 14, 2026). MRN 47731 / MRN-0047731 / mrn-0047731. SSN 512449031, ss# 512 44 9031.',
  'Ph 651.555.0142 or 6515550142. Email DOROTA.G@EXAMPLE.NET. Lives at 2210 Birchwood Lane, saint cloud, MN 56301.',
  'Acct AC-99120 (99120). Ins WXK448812. grzybowski agrees with the plan; dorota asked about sepsis. Discussed with Dr. Harlan.'
].join('\n');

/** Every identifier of the patient, in the forms a reader could recognise. */
const VARIANTS = ['Dorota', 'Grzybowski', 'MRN-0047731', '0047731', '47731', '512-44-9031', '512449031', '512 44 9031', '1961-07-23', '07/23/1961', '7/23/61',
  'July 23, 1961', '651.555.0142', '6515550142', '555-0142', 'dorota.g@example.net', '2210 Birchwood', 'Birchwood Lane', 'Saint Cloud', '56301', 'AC-99120', '99120', 'WXK448812'];
const ENCOUNTER_DATES = ['09/14/2026', 'Sept 14, 2026'];

async function createEncounter() {
  const res = await owner.post('/api/encounters', encounterInput({
    title: 'Grzybowski: sepsis or UTI?', patient: PATIENT,
    documents: [{ kind: 'progress-note', title: 'Note for D. Grzybowski', author: 'R. Patel, MD', text: NOTE }],
    codeLines: [{ system: 'ICD-10-CM', code: 'N39.0', role: 'principal', poa: 'Y', note: 'see Grzybowski H&P, MRN 47731' }],
    flags: [{ category: 'sequencing', question: 'Ms. Grzybowski (DOB 07/23/1961, 651-555-0142): sepsis principal?' }]
  }));
  expect(res.status).toBe(201);
  return res.body.data as { id: string; documents: { id: string }[] };
}

/** What another member of the organisation reads: the post and the forum queue. */
async function readAsOtherMember(postId: string): Promise<string> {
  return (await readPost(postId)).text;
}
async function readPost(postId: string) {
  const post = await reader.get(`/api/forum/${postId}`);
  expect(post.status).toBe(200);
  const queue = await reader.get('/api/encounters?queue=forum');
  expect(queue.status).toBe(200);
  return { post: post.body.data as { dates?: { mode: string; fiscalYear: number }; dateOfService: string }, text: JSON.stringify(post.body.data) + JSON.stringify(queue.body.data) };
}

function expectNoIdentifier(text: string, dateMode: 'shift' | 'year-only') {
  const lower = text.toLowerCase();
  for (const v of [...VARIANTS, ...ENCOUNTER_DATES]) expect(lower, `"${v}" reached the forum (${dateMode})`).not.toContain(v.toLowerCase());
}

describe('forum publication always removes the patient identifiers', () => {
  it('marks the mandatory candidates in the preview', async () => {
    const enc = await createEncounter();
    const { candidates } = (await owner.post(`/api/encounters/${enc.id}/forum/preview`)).body.data as { candidates: { text: string; type: string; required: boolean }[] };
    for (const c of candidates.filter((x) => /Grzybowski|47731|9031|0142|Birchwood|DOROTA/i.test(x.text))) expect(c.required, `${c.type} ${c.text}`).toBe(true);
    expect(candidates.find((c) => c.text === 'Harlan')?.required).toBe(false);
  });

  for (const dateMode of ['year-only', 'shift'] as const) {
    it(`publishes with acceptedIds: [] and nothing of the patient survives (${dateMode})`, async () => {
      const enc = await createEncounter();
      const res = await owner.post(`/api/encounters/${enc.id}/forum`, { acceptedIds: [], dateMode });
      expect(res.status).toBe(201);
      const { post, text: seen } = await readPost(res.body.data.id);
      expectNoIdentifier(seen, dateMode);
      // The coder's choice still counts where it may: the un-ticked staff name stays.
      expect(seen).toContain('Harlan');
      // FY2026 runs 2025-10-01..2026-09-30; a shift stays in it and never passes today.
      expect(post.dates).toEqual({ mode: dateMode, fiscalYear: 2026 });
      if (dateMode === 'shift') {
        expect(post.dateOfService >= '2025-10-01' && post.dateOfService <= '2026-09-30').toBe(true);
        expect(post.dateOfService <= new Date().toISOString().slice(0, 10)).toBe(true);
        expect(post.dateOfService).not.toBe('2026-09-14');
      }
    });
  }

  it('forged bodies: a partial accept list, a harmless manual redaction, and malformed bodies never leak or write', async () => {
    const enc = await createEncounter();
    const { candidates } = (await owner.post(`/api/encounters/${enc.id}/forum/preview`)).body.data as { candidates: { id: string; required: boolean }[] };
    const optionalOnly = candidates.filter((c) => !c.required).map((c) => c.id);
    const start = NOTE.indexOf('sepsis');
    const partial = await owner.post(`/api/encounters/${enc.id}/forum`, {
      acceptedIds: optionalOnly.slice(0, 1), dateMode: 'shift',
      added: [{ documentId: enc.documents[0]!.id, start, end: start + 6, type: 'OTHER_ID', text: 'sepsis' }]
    });
    expect(partial.status).toBe(201);
    expectNoIdentifier(await readAsOtherMember(partial.body.data.id), 'shift');

    const enc2 = await createEncounter();
    const bad = [
      { acceptedIds: [], dateMode: 'none' },
      { acceptedIds: [], required: [] },
      { acceptedIds: [], candidates: [{ id: 'x', required: false }] },
      { acceptedIds: 'all' },
      { acceptedIds: [], added: [{ documentId: enc2.documents[0]!.id, start: 0, end: 2, type: 'NAME', text: 'Dr' }] },
      { acceptedIds: ['phi_forged'] }
    ];
    for (const body of bad) {
      const r = await owner.post(`/api/encounters/${enc2.id}/forum`, body);
      expect([400, 409], JSON.stringify(body)).toContain(r.status);
      expect(r.body.error.code).toMatch(/invalid_input|conflict/);
    }
    const after = (await owner.get(`/api/encounters/${enc2.id}`)).body.data;
    expect(after.published).toBe(false);
  });
});
