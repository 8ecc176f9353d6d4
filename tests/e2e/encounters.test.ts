import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { launchBrowser } from '../support/browser';
import { signedIn } from '../support/http';

let server: TestServer;
let org: TestOrg;
let otherOrg: TestOrg;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  server = await startTestServer({}, { serveWeb: true });
  [org, otherOrg] = await Promise.all([createOrg(server.ctx.db.c, 'Encounter Health'), createOrg(server.ctx.db.c, 'Elsewhere Clinic')]);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ED_NOTE = [
  '75-year-old female brought in by daughter with confusion and dysuria for 2 days.',
  'T 38.4 C, HR 104, RR 22, BP 108/64. WBC 14.2, lactate 1.8.',
  '',
  '  Impression: sepsis secondary to urinary tract infection.',
  'Blood and urine cultures sent, ceftriaxone started, admit to medicine.'
].join('\n');

async function signIn(page: Page, email: string, path = '/') {
  await page.goto(server.url + path);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login/);
}

/**
 * Selects `quote` inside the first document's text the way a user would end up with it: a DOM
 * selection whose ends sit in whatever text nodes (inside or outside <mark>s) hold those characters.
 */
async function selectInDocument(page: Page, quote: string) {
  await page.evaluate((quote) => {
    const el = document.querySelector('[data-document-text]')!;
    const full = el.textContent!;
    const start = full.indexOf(quote);
    if (start < 0) throw new Error('quote not in document: ' + quote);
    const end = start + quote.length;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = (n as Text).data.length;
      if (start >= seen && start < seen + len) range.setStart(n, start - seen);
      if (end > seen && end <= seen + len) { range.setEnd(n, end - seen); break; }
      seen += len;
    }
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, quote);
}

describe('encounters in the browser', () => {
  it('creates, flags a passage, shares with a senior; another organisation cannot see it', async () => {
    const page = await browser.context.newPage();
    await signIn(page, org.coder.email);

    // Empty queue says what to do.
    await expect.poll(() => page.getByTestId('queue-empty').textContent()).toMatch(/New encounter/);
    await page.getByRole('link', { name: 'New encounter' }).click();
    await page.waitForURL(/\/encounters\/new$/);

    // Submitting empty shows field errors next to the fields.
    await page.getByRole('button', { name: 'Create encounter' }).click();
    await expect.poll(() => page.locator('[data-field-error="title"]').textContent()).toMatch(/required/);
    expect(await page.locator('[data-field-error="documents.0.text"]').count()).toBe(1);

    await page.getByLabel('Title', { exact: true }).fill('Sepsis in the ED, ruled out at discharge');
    await page.getByLabel('Setting').selectOption('inpatient');
    await page.getByLabel('Date of service').fill('2026-09-14');
    await page.getByLabel('Specialty').fill('hospital medicine');
    await page.getByLabel('Patient name').fill('Marguerite Olsen');
    await page.getByLabel('MRN').fill('MRN-4417302');
    await page.getByLabel('Kind').selectOption('ed-note');
    await page.getByLabel('Section title').fill('ED provider note');
    await page.getByLabel('Author (optional)').fill('R. Patel, MD');
    await page.getByLabel('Documentation text').fill(ED_NOTE);
    await page.getByRole('button', { name: 'Create encounter' }).click();
    await page.waitForURL(/\/encounters\/[0-9a-f-]{36}$/);
    const url = page.url();
    const id = url.split('/').pop()!;
    await expect.poll(() => page.getByTestId('encounter-title').textContent()).toBe('Sepsis in the ED, ruled out at discharge');
    // The documentation is shown verbatim (leading spaces and blank line included).
    expect(await page.locator('[data-document-text]').evaluate((el) => el.textContent)).toBe(ED_NOTE);

    // First flag: a passage on its own line.
    const quote1 = 'sepsis secondary to urinary tract infection';
    await selectInDocument(page, quote1);
    await page.getByRole('button', { name: 'Flag this passage' }).click();
    expect(await page.getByTestId('flag-quote').textContent()).toBe(quote1);
    await page.getByLabel('Category', { exact: true }).selectOption('conflicting documentation');
    await page.getByLabel('Question', { exact: true }).fill('ED says sepsis; is a query needed before coding A41.51?');
    await page.getByRole('button', { name: 'Save flag' }).click();
    await expect.poll(() => page.getByTestId('flag').count()).toBe(1);
    await expect.poll(() => page.locator('mark').count()).toBeGreaterThan(0);

    // Second flag: a passage that starts before the first flag's <mark> and ends inside it,
    // so the selection's ends sit in different text nodes.
    const quote2 = 'Impression: sepsis secondary';
    await selectInDocument(page, quote2);
    await page.getByRole('button', { name: 'Flag this passage' }).click();
    await page.getByLabel('Category', { exact: true }).selectOption('clinical validity');
    await page.getByLabel('Question', { exact: true }).fill('Do the vitals meet Sepsis-3 criteria?');
    await page.getByRole('button', { name: 'Save flag' }).click();
    await expect.poll(() => page.getByTestId('flag').count()).toBe(2);

    const coderApi = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    const saved = (await coderApi.get(`/api/encounters/${id}`)).body.data;
    const doc = saved.documents[0];
    for (const [i, quote] of [quote1, quote2].entries()) {
      const anchor = saved.flags[i].anchor;
      expect(anchor).toMatchObject({ type: 'text', documentId: doc.id, quote, start: ED_NOTE.indexOf(quote), end: ED_NOTE.indexOf(quote) + quote.length });
      expect(doc.text.slice(anchor.start, anchor.end)).toBe(quote);
    }

    // Clicking a flag highlights its passage.
    await page.getByTestId('flag').first().getByRole('button').first().click();
    await expect.poll(() => page.locator('mark[data-active]').allTextContents()).toEqual(expect.arrayContaining(['sepsis secondary']));
    await page.screenshot({ path: '/tmp/graycase-e2e-encounter.png', fullPage: true });

    // Share with the senior of the same organisation.
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('checkbox', { name: /Sage Senior/ }).check();
    await page.getByRole('button', { name: 'Save sharing' }).click();
    await expect.poll(() => page.getByText('Shared with Sage Senior').count()).toBe(1);
    await signOut(page);

    // The senior sees it in "Shared with me" and opens it.
    await signIn(page, org.senior.email);
    await page.getByRole('tab', { name: /Shared with me/ }).click();
    await page.waitForURL(/queue=shared/);
    const row = page.getByTestId('queue-row').filter({ hasText: 'Sepsis in the ED' });
    await expect.poll(() => row.count()).toBe(1);
    await page.screenshot({ path: '/tmp/graycase-e2e-queue.png' });
    await row.getByRole('link').click();
    await page.waitForURL(url);
    await expect.poll(() => page.getByTestId('encounter-title').textContent()).toBe('Sepsis in the ED, ruled out at discharge');
    await expect.poll(() => page.getByTestId('flag').count()).toBe(2);
    await signOut(page);

    // A coder of another organisation gets "not found" for the same address.
    await signIn(page, otherOrg.coder.email, new URL(url).pathname);
    await expect.poll(() => page.getByTestId('not-found').textContent()).toMatch(/Encounter not found/);
    expect(await page.getByText('Marguerite Olsen').count()).toBe(0);
    await page.screenshot({ path: '/tmp/graycase-e2e-notfound.png' });
  }, 60_000); // three sign-ins and two flags: more than the 30 s default on a loaded machine

  it('edits code lines, publishes a de-identified copy, and the admin reads the audit log', async () => {
    const demo = JSON.parse(readFileSync(new URL('../../../shared/data/demo/encounters.json', import.meta.url), 'utf8')).encounters[0];
    const coderApi = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    const imported = await coderApi.post('/api/encounters/import', { encounters: [demo] });
    expect(imported.status).toBeLessThan(300);
    const id = imported.body.data.items[0].id as string;

    await browser.context.clearCookies(); // the first test left someone signed in
    const page = await browser.context.newPage();
    await signIn(page, org.coder.email, `/encounters/${id}`);
    // The lines come from the live editor's document once it is synced over the socket.
    await expect.poll(() => page.getByTestId('live-code-editor').getAttribute('data-status'), { timeout: 20_000 }).toBe('synced');
    await expect.poll(() => page.getByTestId('code-line').count(), { timeout: 10_000 }).toBe(2);

    // Add a code line in the live editor; it is saved as it is made (no save button).
    await page.getByLabel('Add a code', { exact: true }).fill('b96.20');
    await page.getByLabel('Add a code', { exact: true }).press('Escape');
    await page.getByRole('button', { name: 'Add line' }).click();
    await expect.poll(() => page.getByTestId('code-line').count()).toBe(3);
    expect(await page.getByLabel('Code of line 3', { exact: true }).inputValue()).toBe('B96.20');
    await expect.poll(async () => (await coderApi.get(`/api/encounters/${id}`)).body.data.codeLines.map((l: { code: string }) => l.code), { timeout: 10_000 })
      .toEqual(['A41.51', 'N39.0', 'B96.20']);

    // Publish: review the proposed redactions, keep the defaults, dates by year only.
    await page.getByRole('link', { name: 'Publish to forum' }).click();
    await page.waitForURL(/\/publish$/);
    // The first preview of a fresh server loads the detector's word lists (a second or two).
    await expect.poll(() => page.locator('mark.phi').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByLabel(/Keep only the year/).check();
    await page.screenshot({ path: '/tmp/graycase-e2e-publish.png', fullPage: true });
    await page.getByRole('button', { name: 'Confirm and publish' }).click();
    await page.waitForURL(/\/forum\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('.placeholder').count()).toBeGreaterThan(0);
    const body = await page.locator('main').textContent();
    expect(body).not.toContain('Marguerite Olsen');
    expect(body).not.toContain('MRN-4417302');
    await page.screenshot({ path: '/tmp/graycase-e2e-forum.png', fullPage: true });
    const forumUrl = page.url();

    // The owner can take the copy off the forum again.
    await page.goto(`${server.url}/encounters/${id}`);
    page.once('dialog', (d) => void d.accept());
    // Wait for the DELETE's answer, not for the header: the live "encounter changed" event (the
    // encounter no longer names the post) can reach the page before the post itself is deleted.
    const removed = page.waitForResponse((r) => r.request().method() === 'DELETE' && new URL(r.url()).pathname === `/api/encounters/${id}/forum`);
    await page.getByRole('button', { name: 'Remove from forum' }).click();
    expect((await removed).status()).toBe(200);
    await expect.poll(() => page.getByRole('link', { name: 'Publish to forum', exact: true }).count()).toBe(1);
    expect((await coderApi.get(new URL(forumUrl).pathname.replace('/forum/', '/api/forum/'))).status).toBe(404);
    await signOut(page);

    await signIn(page, org.admin.email, '/admin/audit');
    await expect.poll(() => page.getByTestId('audit-row').count()).toBeGreaterThan(0);
    await page.getByLabel('Target id').fill(id);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(async () => (await page.getByTestId('audit-row').allTextContents()).join('\n')).toMatch(/encounters\.publish/);
    expect((await page.getByTestId('audit-row').allTextContents()).join('\n')).toMatch(/encounters\.unpublish/);
    await page.screenshot({ path: '/tmp/graycase-e2e-audit.png' });
  }, 60_000);
});
