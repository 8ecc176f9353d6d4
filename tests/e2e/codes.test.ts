import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer, WITH_CODE_SETS, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { launchBrowser } from '../support/browser';
import { signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

let server: TestServer;
let bare: TestServer;
let org: TestOrg;
let bareOrg: TestOrg;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  // One server with the official code sets, one without (code sets off).
  [server, bare] = await Promise.all([startTestServer(WITH_CODE_SETS, { serveWeb: true }), startTestServer({}, { serveWeb: true })]);
  [org, bareOrg] = await Promise.all([createOrg(server.ctx.db.c, 'Codes Health'), createOrg(bare.ctx.db.c, 'Bare Clinic')]);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.close(), bare?.close()]);
});

async function signIn(page: Page, base: string, email: string, path = '/') {
  await page.goto(base + path);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

// Errors and warnings only: Tabular-note suggestions and infos (Use additional code …) are covered by codes-notes.test.ts.
const PROBLEM = '[data-testid="finding"]:not([data-severity="suggestion"]):not([data-severity="info"])';
const rulesOf = (page: Page, code: string) =>
  page.locator(`[data-testid="code-line"][data-code="${code}"] ${PROBLEM}`).evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
const activeCode = (page: Page, input: ReturnType<Page['getByLabel']>) =>
  input.evaluate((el) => { const id = el.getAttribute('aria-activedescendant'); return id ? document.getElementById(id)?.getAttribute('data-code') ?? null : null; });

describe('code lookup and validation in the browser', () => {
  it('shows findings next to the lines, autocompletes codes by keyboard, and the fix clears the finding', async () => {
    const coderApi = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    const created = await coderApi.post('/api/encounters', encounterInput({
      title: 'Diabetes and a hip fracture',
      codeLines: [
        { system: 'ICD-10-CM', code: 'E11', role: 'principal' },
        { system: 'ICD-10-CM', code: 'S72.001', role: 'secondary', poa: 'Y' }
      ]
    }));
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;

    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.stack ?? e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await signIn(page, server.url, org.coder.email, `/encounters/${id}`);
    // The live editor shows the lines once its document is synced with the server.
    await expect.poll(() => page.getByTestId('live-code-editor').getAttribute('data-status'), { timeout: 20_000 }).toBe('synced').catch(async (e) => {
      throw new Error(`${e.message}\n${problems.join('\n')}\n${await page.getByTestId('live-code-editor').innerText().catch(() => '(no editor)')}`);
    });
    await expect.poll(() => page.getByTestId('code-line').count(), { timeout: 10_000 }).toBe(2);

    // Each finding sits on the line it is about.
    await expect.poll(() => rulesOf(page, 'E11'), { timeout: 20_000 }).toEqual(expect.arrayContaining(['header-code', 'poa-missing']));
    await expect.poll(() => rulesOf(page, 'S72.001')).toEqual(['seventh-character']);
    expect(await page.getByTestId('validation-summary').textContent()).toMatch(/3 errors.*Checked against FY2026 code sets/);
    expect(await page.getByTestId('code-sets-banner').count()).toBe(0);
    await page.screenshot({ path: '/tmp/graycase-e2e-codes-findings.png', fullPage: true });

    // A line's details button opens its code's details; a child is one click away.
    await page.getByRole('button', { name: 'Details of line 1 code' }).click();
    const details = page.getByTestId('code-details');
    await expect.poll(() => details.textContent()).toMatch(/Type 2 diabetes mellitus/);
    expect(await details.textContent()).toMatch(/Codes under E11/);
    await details.getByRole('button', { name: /E11\.9 / }).click();
    await expect.poll(() => details.locator('h2').textContent()).toMatch(/E11\.9/);
    await page.screenshot({ path: '/tmp/graycase-e2e-codes-details.png' });
    await page.getByRole('button', { name: 'Close code details' }).click();
    expect(await details.count()).toBe(0);

    // The live editor is always open: line 1 (by position, its code changes below) shows the finding.
    const line1 = page.getByTestId('code-line').first();
    await expect.poll(() => line1.locator('[data-rule="header-code"]').count()).toBe(1);

    // Type a code prefix and pick E11.65 with the keyboard.
    const code1 = page.getByLabel('Code of line 1', { exact: true });
    await code1.fill('');
    await code1.pressSequentially('e11.6');
    await expect.poll(() => code1.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.getByRole('option').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toContain('E11.65');
    await page.screenshot({ path: '/tmp/graycase-e2e-codes-autocomplete.png' });
    for (let i = 0; i < 25 && (await activeCode(page, code1)) !== 'E11.65'; i++) await code1.press('ArrowDown');
    expect(await activeCode(page, code1)).toBe('E11.65');
    await code1.press('Enter');
    expect(await code1.inputValue()).toBe('E11.65');
    expect(await code1.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => line1.getAttribute('data-code')).toBe('E11.65');
    await expect.poll(() => line1.locator('[data-rule="header-code"]').count(), { timeout: 10_000 }).toBe(0);
    // A POA suggestion fills the POA, not the code.
    await line1.getByRole('button', { name: 'Use POA Y' }).click();
    await expect.poll(() => line1.locator('select[data-field="poa"]').inputValue()).toBe('Y');
    expect(await code1.inputValue()).toBe('E11.65');
    await expect.poll(() => line1.locator(PROBLEM).count(), { timeout: 10_000 }).toBe(0);

    // Words work too: "pneumonia" offers J18.9; Escape closes it and no line is added (words never become a code).
    const addBox = page.getByLabel('Add a code', { exact: true });
    await addBox.pressSequentially('pneumonia');
    await expect.poll(() => page.getByRole('option').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toContain('J18.9');
    await page.screenshot({ path: '/tmp/graycase-e2e-codes-words.png' });
    await addBox.press('Escape');
    expect(await addBox.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('button', { name: 'Add line' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('code-line').count()).toBe(2);
    // ArrowDown reopens the list; picking J18.9 adds it as line 3 at once, and Remove takes the line away again.
    await addBox.press('ArrowDown');
    for (let i = 0; i < 25 && (await activeCode(page, addBox)) !== 'J18.9'; i++) await addBox.press('ArrowDown');
    expect(await activeCode(page, addBox)).toBe('J18.9');
    await addBox.press('Enter');
    await expect.poll(() => page.getByTestId('code-line').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['E11.65', 'S72.001', 'J18.9']);
    await page.getByRole('button', { name: 'Remove line 3' }).click();
    await expect.poll(() => page.getByTestId('code-line').count()).toBe(2);

    // Every change is saved live: the stored lines and their findings follow without a save button.
    await expect.poll(() => page.locator('[data-testid="code-line"][data-code="E11.65"]').count()).toBe(1);
    expect(await rulesOf(page, 'E11.65')).toEqual([]);
    expect(await rulesOf(page, 'S72.001')).toEqual(['seventh-character']);
    await expect.poll(async () => (await coderApi.get(`/api/encounters/${id}`)).body.data.codeLines.map((l: { code: string; poa: string | null }) => `${l.code}/${l.poa}`), { timeout: 10_000 })
      .toEqual(['E11.65/Y', 'S72.001/Y']);
    await page.screenshot({ path: '/tmp/graycase-e2e-codes-saved.png', fullPage: true });

    // A code suggestion puts the suggested code in place (live); undo takes it back.
    await page.locator('[data-testid="code-line"][data-code="S72.001"]').getByRole('button', { name: 'Use S72.001A' }).click();
    await expect.poll(() => page.getByLabel('Code of line 2', { exact: true }).inputValue()).toBe('S72.001A');
    await expect.poll(() => rulesOf(page, 'S72.001A'), { timeout: 10_000 }).toEqual([]);
    await page.getByRole('button', { name: 'Undo my last change' }).click();
    await expect.poll(() => page.getByLabel('Code of line 2', { exact: true }).inputValue()).toBe('S72.001');
    await expect.poll(() => rulesOf(page, 'S72.001'), { timeout: 10_000 }).toEqual(['seventh-character']);
  }, 90_000);

  it('lets an admin load the organisation’s CPT list', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signIn(page, server.url, org.admin.email, '/admin');
    await expect.poll(() => page.getByTestId('cpt-count').textContent()).toMatch(/No CPT list loaded/);
    await page.getByLabel(/CSV file/).setInputFiles({ name: 'cpt.csv', mimeType: 'text/csv', buffer: Buffer.from('code,description\n99213,"Office visit, established"\n99214,Office visit moderate\n') });
    await page.getByRole('button', { name: 'Upload and replace' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Loaded' }).textContent()).toMatch(/Loaded 2 CPT codes/);
    await page.screenshot({ path: '/tmp/graycase-e2e-codes-cpt.png', fullPage: true });
  });

  it('without code sets: a calm banner, validation off, and the code box accepts typing', async () => {
    const coderApi = await signedIn(bare.url, bareOrg.coder.email, TEST_PASSWORD);
    const id = (await coderApi.post('/api/encounters', encounterInput())).body.data.id as string;
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signIn(page, bare.url, bareOrg.coder.email, `/encounters/${id}`);
    await expect.poll(() => page.getByTestId('code-sets-banner').textContent()).toMatch(/Code lookup and validation are off/);
    await expect.poll(() => page.getByTestId('validation-off').textContent()).toMatch(/Code validation is off/);
    await expect.poll(() => page.getByTestId('live-code-editor').getAttribute('data-status'), { timeout: 20_000 }).toBe('synced');
    const code1 = page.getByLabel('Code of line 1', { exact: true });
    await code1.fill('');
    await code1.pressSequentially('n39');
    await expect.poll(() => page.getByText(/Code lookup is off/).count()).toBe(1);
    expect(await code1.inputValue()).toBe('N39');
    // What was typed reaches the live line (and the stored encounter) even without code sets.
    await expect.poll(() => page.getByTestId('code-line').first().getAttribute('data-code')).toBe('N39');
    await expect.poll(async () => (await coderApi.get(`/api/encounters/${id}`)).body.data.codeLines[0]?.code, { timeout: 10_000 }).toBe('N39');
    await page.screenshot({ path: '/tmp/graycase-e2e-codes-off.png', fullPage: true });
    await page.getByRole('button', { name: 'Dismiss code sets notice' }).click();
    expect(await page.getByTestId('code-sets-banner').count()).toBe(0);
  });
});
