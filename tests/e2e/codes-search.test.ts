/**
 * The code box searches by words: a procedure's common name offers its PCS codes, and typing
 * words never sends them to validation as a code (no "not well-formed" error, no failing
 * request). Real server with the official code sets, real browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { startTestServer, WITH_CODE_SETS, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { launchBrowser } from '../support/browser';
import { signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

let server: TestServer;
let org: TestOrg;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  server = await startTestServer(WITH_CODE_SETS, { serveWeb: true });
  org = await createOrg(server.ctx.db.c, 'Search Health');
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, base: string, email: string, path = '/') {
  await page.goto(base + path);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

const optionCodes = (page: Page) => page.locator('[data-testid="code-options"] [role="option"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
const lineCodes = (page: Page) => page.getByTestId('code-line').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));

describe('code box search by words', () => {
  it('offers PCS codes for a procedure name and adds the pick; words never reach validation as a code', async () => {
    const api = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    const created = await api.post('/api/encounters', encounterInput({
      title: 'Appendicitis, laparoscopic appendectomy', setting: 'inpatient',
      codeLines: [{ system: 'ICD-10-CM', code: 'K35.80', role: 'principal', poa: 'Y' }]
    }));
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;

    const page = await browser.context.newPage();
    const validations: { body: string; status: number }[] = [];
    page.on('requestfinished', async (req: Request) => {
      if (!req.url().includes('/api/codes/validate')) return;
      validations.push({ body: req.postData() ?? '', status: (await req.response())?.status() ?? 0 });
    });
    const socketFrames: string[] = [];
    page.on('websocket', (ws) => ws.on('framesent', (f) => { if (typeof f.payload === 'string') socketFrames.push(f.payload); }));
    await signIn(page, server.url, org.coder.email, `/encounters/${id}`);
    await expect.poll(() => lineCodes(page), { timeout: 20_000 }).toEqual(['K35.80']);

    // The add box, set to ICD-10-PCS: the procedure's common name offers its codes.
    const add = page.getByLabel('Add a code', { exact: true });
    await add.locator('xpath=ancestor::div[1]//select').selectOption('ICD-10-PCS');
    await add.pressSequentially('laparoscopic appendectomy');
    await expect.poll(() => optionCodes(page)).toContain('0DTJ4ZZ');
    expect((await optionCodes(page))[0]).toBe('0DTJ4ZZ');
    await page.screenshot({ path: '/tmp/graycase-e2e-codes-search-pcs.png' });
    // Words are a search, not a code: "Add line" stays off, no shape error, nothing sent.
    await page.waitForTimeout(800);
    expect(await page.getByRole('button', { name: 'Add line' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('live-shape-error').count()).toBe(0);
    expect(await page.getByText(/not well-formed|not a complete/).count()).toBe(0);

    // Picking adds the line with the code.
    await page.locator('[role="option"][data-code="0DTJ4ZZ"]').locator('span').first().click();
    await expect.poll(() => lineCodes(page), { timeout: 10_000 }).toEqual(['K35.80', '0DTJ4ZZ']);
    expect(await add.inputValue()).toBe('');

    // Words in an existing line's box search diagnoses; the pick replaces the code.
    const code1 = page.getByLabel('Code of line 1', { exact: true });
    await code1.fill('');
    await code1.pressSequentially('high blood pressure');
    await expect.poll(() => optionCodes(page)).toContain('I10');
    await page.waitForTimeout(800);
    expect(await page.getByTestId('live-shape-error').count()).toBe(0);
    expect(await page.getByText(/not well-formed|not a complete/).count()).toBe(0);
    await page.locator('[role="option"][data-code="I10"]').locator('span').first().click();
    await expect.poll(() => lineCodes(page), { timeout: 10_000 }).toEqual(['I10', '0DTJ4ZZ']);

    // No request or socket message carried the typed words as a code, and none failed.
    expect(validations.filter((v) => /appendectomy|blood pressure/i.test(v.body) || v.status !== 200)).toEqual([]);
    expect(socketFrames.filter((f) => /laparoscopic|blood pressure/i.test(f))).toEqual([]);
    await expect.poll(async () => (await api.get(`/api/encounters/${id}`)).body.data.codeLines.map((l: { code: string }) => l.code), { timeout: 10_000 })
      .toEqual(['I10', '0DTJ4ZZ']);
  }, 90_000);
});
