/**
 * The whole loop in real browsers: a coder flags a passage, a senior discusses it, both adjust the codes
 * live (the co-editing UI), the senior resolves the flag with a Coding Clinic reference (the
 * code set becomes read-only), and a second coder finds the decision as a precedent from a new
 * encounter with the same codes (beside the flag, and in the library).
 * The senior discusses the flag in its thread (threads UI) before the codes change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer, WITH_CODE_SETS, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { launchBrowser } from '../support/browser';
import { signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

let server: TestServer;
let org: TestOrg;
let coderBrowser: Awaited<ReturnType<typeof launchBrowser>>;
let seniorBrowser: Awaited<ReturnType<typeof launchBrowser>>;

const NOTE = 'ED note: confusion and dysuria for 2 days. Impression: sepsis secondary to urinary tract infection. Discharge: sepsis ruled out, E. coli UTI.';

beforeAll(async () => {
  server = await startTestServer(WITH_CODE_SETS, { serveWeb: true });
  org = await createOrg(server.ctx.db.c, 'Loop Health');
  [coderBrowser, seniorBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await Promise.all([coderBrowser?.close(), seniorBrowser?.close()]);
  await server?.close();
});

async function signIn(page: Page, email: string, path: string) {
  await page.goto(server.url + path);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

async function selectInDocument(page: Page, quote: string) {
  await page.evaluate((quote) => {
    const el = document.querySelector('[data-document-text]')!;
    const node = [...el.childNodes].find((n) => n.textContent?.includes(quote)) ?? el.firstChild!;
    const walker = document.createTreeWalker(node.nodeType === 3 ? el : node, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(quote);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + quote.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return;
    }
    throw new Error('quote not found: ' + quote);
  }, quote);
}

const codes = (page: Page) => page.getByTestId('code-line').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));

async function addCode(page: Page, code: string) {
  await page.getByLabel('Add a code', { exact: true }).fill(code);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Add line' }).click();
}

describe('resolution loop', () => {
  it('flag → live codes → resolve with Coding Clinic → found as a precedent', { timeout: 180_000 }, async () => {
    const api = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    const created = await api.post('/api/encounters', encounterInput({ title: 'Sepsis or UTI', documents: [{ kind: 'ed-note', title: 'ED note', text: NOTE }] }));
    const id = created.body.data.id as string;
    expect((await api.put(`/api/encounters/${id}/sharing`, { userIds: [], teamIds: [org.teamId] })).status).toBe(200);

    const cody = await coderBrowser.context.newPage();
    const sage = await seniorBrowser.context.newPage();
    await Promise.all([signIn(cody, org.coder.email, `/encounters/${id}`), signIn(sage, org.senior.email, `/encounters/${id}`)]);
    const errors: string[] = [];
    cody.on('pageerror', (e) => errors.push(String(e)));
    cody.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    try {
      await expect.poll(() => codes(cody), { timeout: 20_000 }).toEqual(['N39.0', 'B96.20']);
    } catch (e) {
      await cody.screenshot({ path: '/tmp/graycase-e2e-loop-fail.png', fullPage: true });
      throw new Error(`${(e as Error).message}; page errors: ${errors.join(' | ')}`);
    }

    // 1. The coder flags a passage.
    await cody.locator('[data-document-text]').waitFor();
    await selectInDocument(cody, 'sepsis secondary to urinary tract infection');
    await cody.getByRole('button', { name: 'Flag this passage' }).click();
    await cody.getByLabel('Category', { exact: true }).selectOption('conflicting documentation');
    await cody.getByLabel('Question', { exact: true }).fill('ED says sepsis, discharge says ruled out: is A41.51 principal?');
    await cody.getByRole('button', { name: 'Save flag' }).click();
    await expect.poll(() => cody.getByTestId('flag').count()).toBe(1);

    // 1b. The senior discusses it in the flag's thread; the coder sees the message.
    await expect.poll(() => sage.getByTestId('flag').count(), { timeout: 10_000 }).toBe(1);
    await sage.getByTestId('flag').getByRole('button', { name: 'Start discussion' }).click();
    const sageComposer = sage.getByTestId('thread-view').getByRole('textbox', { name: 'Message' });
    await sageComposer.fill('The discharge summary rules sepsis out; I would not code A41.51.');
    await sageComposer.press('Enter');
    await expect.poll(() => cody.getByTestId('flag-thread-count').textContent(), { timeout: 10_000 }).toBe('1 message');

    // 2. Both adjust the codes live: each sees the other's line.
    await addCode(cody, 'A41.51');
    await expect.poll(() => codes(sage), { timeout: 15_000 }).toEqual(['N39.0', 'B96.20', 'A41.51']);
    await addCode(sage, 'E87.1');
    await expect.poll(() => codes(cody), { timeout: 15_000 }).toEqual(['N39.0', 'B96.20', 'A41.51', 'E87.1']);
    await expect.poll(async () => (await api.get(`/api/encounters/${id}`)).body.data.codeLines.length, { timeout: 15_000 }).toBe(4);

    // 3. The senior resolves the flag with a Coding Clinic reference.
    await sage.reload();
    await expect.poll(() => sage.getByTestId('flag').count(), { timeout: 15_000 }).toBe(1);
    await sage.getByTestId('flag').getByRole('button', { name: 'Resolve' }).click();
    const form = sage.getByTestId('resolve-form');
    await form.getByLabel('Decision summary').fill('Sepsis ruled out: UTI (N39.0) stays principal, A41.51 is not coded.');
    await form.getByLabel('Rationale (your own words)').fill('The discharge summary rules sepsis out after study; a ruled-out condition is not coded.');
    await form.getByRole('button', { name: 'Add reference' }).click();
    await form.getByLabel('Year').fill('2019');
    await form.getByLabel('Quarter').fill('2');
    await form.getByLabel('Page').fill('8');
    await form.getByLabel('Outcome').selectOption('changed');
    await form.getByRole('button', { name: 'Add error' }).click();
    await form.getByLabel('Error 1', { exact: true }).selectOption('missed-secondary');
    await form.getByLabel('Code of error 1').fill('E87.1');
    await form.getByRole('button', { name: 'Resolve and lock the code set' }).click();
    await expect.poll(() => sage.getByTestId('resolution').textContent(), { timeout: 15_000 }).toMatch(/Coding Clinic 2Q 2019 p\. 8/);
    // Locked: the live editor is read-only for both.
    await expect.poll(() => cody.getByTestId('read-only').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => sage.getByTestId('read-only').count(), { timeout: 20_000 }).toBe(1);
    const res = (await api.get(`/api/encounters/${id}/resolutions`)).body.data[0];
    expect(res).toMatchObject({ outcome: 'changed', references: [{ kind: 'coding-clinic', year: 2019, quarter: 2, page: 8 }] });
    expect(res.errorTags[0]).toMatchObject({ tag: 'missed-secondary', code: 'E87.1', material: true, materialSource: 'ms-drg' });
    await sage.screenshot({ path: '/tmp/graycase-e2e-resolution.png', fullPage: true });

    // 4. A second coder, a new encounter with the same codes: the precedent is beside the flag and in the library.
    const otto = await signedIn(server.url, org.otherCoder.email, TEST_PASSWORD);
    const next = await otto.post('/api/encounters', encounterInput({
      title: 'Another sepsis question', patient: { name: 'Someone Else' },
      codeLines: [{ system: 'ICD-10-CM', code: 'N39.0', role: 'principal', poa: 'Y' }, { system: 'ICD-10-CM', code: 'A41.51', role: 'secondary', poa: 'Y' }],
      flags: [{ category: 'conflicting documentation', question: 'Sepsis in the ED but not at discharge?' }]
    }));
    await cody.close();
    const ottoPage = await coderBrowser.context.newPage();
    await ottoPage.context().clearCookies();
    await signIn(ottoPage, org.otherCoder.email, `/encounters/${next.body.data.id}`);
    await expect.poll(() => ottoPage.getByTestId('similar-precedents').textContent(), { timeout: 20_000 }).toMatch(/Sepsis or UTI/);
    expect(await ottoPage.getByTestId('similar-precedents').textContent()).not.toMatch(/Ada Quill|MRN-8812345/);
    await ottoPage.goto(server.url + '/precedents');
    await ottoPage.getByLabel('Codes (all of them)').fill('A41.51, N39.0');
    await ottoPage.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => ottoPage.getByTestId('precedent-results').textContent(), { timeout: 10_000 }).toMatch(/Coding Clinic 2Q 2019 p\. 8/);
    await ottoPage.screenshot({ path: '/tmp/graycase-e2e-precedents.png', fullPage: true });

    // 5. The senior's team view counts the resolution (table view, readable without the chart).
    await sage.goto(server.url + '/stats');
    await sage.getByRole('radio', { name: 'Table' }).check();
    await expect.poll(() => sage.getByTestId('stats-table').textContent(), { timeout: 10_000 }).toMatch(/Cody Coder\s*1\s*4\s*50\.0%/);

    // 6. The flag's own Reopen goes through the resolution (with a reason): the code set unlocks.
    await sage.goto(server.url + `/encounters/${id}`);
    // The resolution is on the page (loaded) before the senior reopens it, as a person would see it.
    await expect.poll(() => sage.getByTestId('resolution').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await sage.getByTestId('flag').getByRole('button', { name: 'Reopen' }).click();
    await sage.getByLabel('Reason to reopen').fill('An addendum documents sepsis');
    await sage.getByTestId('resolution').getByRole('button', { name: 'Reopen' }).click();
    await expect.poll(() => sage.getByTestId('resolution').textContent(), { timeout: 10_000 }).toMatch(/Reopened by Sage Senior: An addendum documents sepsis/);
    await expect.poll(() => sage.getByTestId('read-only').count(), { timeout: 20_000 }).toBe(0);
    expect((await api.get(`/api/encounters/${id}`)).body.data.flags[0].status).toBe('in-discussion');
    await Promise.all([ottoPage.close(), sage.close()]);
  });
});
