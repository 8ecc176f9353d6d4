/**
 * Two users (two browsers) edit one code set live: each sees the other's change, their marker
 * and the resulting findings, and undo takes back only one's own change.
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

beforeAll(async () => {
  server = await startTestServer(WITH_CODE_SETS, { serveWeb: true });
  org = await createOrg(server.ctx.db.c, 'Live Health');
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

const line = (page: Page, code: string) => page.locator(`[data-testid="code-line"][data-code="${code}"]`);
const codes = (page: Page) => page.getByTestId('code-line').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
const rules = (page: Page, code: string) => line(page, code).locator('[data-testid="finding"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));

describe('live co-editing in two browsers', () => {
  it('shows each other\'s changes, markers and findings live, and undoes only one\'s own change', { timeout: 120_000 }, async () => {
    const api = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    const created = await api.post('/api/encounters', encounterInput({ title: 'Live UTI' }));
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    expect((await api.put(`/api/encounters/${id}/sharing`, { userIds: [], teamIds: [org.teamId] })).status).toBe(200);

    const cody = await coderBrowser.context.newPage();
    const sage = await seniorBrowser.context.newPage();
    const problems: string[] = [];
    for (const p of [cody, sage]) {
      p.on('pageerror', (e) => problems.push(e.stack ?? e.message));
      p.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    }
    await Promise.all([signIn(cody, org.coder.email, `/encounters/${id}`), signIn(sage, org.senior.email, `/encounters/${id}`)]);
    await expect.poll(() => cody.getByTestId('live-code-editor').getAttribute('data-status'), { timeout: 20_000 }).toBe('synced').catch(async (e) => {
      throw new Error(`${e.message}\n${problems.join('\n')}\n${await cody.getByTestId('live-code-editor').innerText()}`);
    });
    await expect.poll(() => codes(cody), { timeout: 20_000 }).toEqual(['N39.0', 'B96.20']);
    await expect.poll(() => codes(sage), { timeout: 20_000 }).toEqual(['N39.0', 'B96.20']);
    // Each line shows its description from the code sets.
    await expect.poll(() => line(sage, 'N39.0').getByTestId('code-line-facts').textContent(), { timeout: 20_000 }).toMatch(/Urinary tract infection/);

    // Cody adds a header code by typing it; focus moves to the new line's code box.
    await cody.getByLabel('Add a code', { exact: true }).fill('E11');
    await cody.keyboard.press('Escape');
    await cody.getByRole('button', { name: 'Add line' }).click();
    await expect.poll(() => codes(sage), { timeout: 10_000 }).toEqual(['N39.0', 'B96.20', 'E11']);
    await expect.poll(() => cody.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Code of line 3');
    // Sage sees Cody's marker on that line, and both see the same finding on it.
    await expect.poll(() => line(sage, 'E11').getByTestId('line-marker').allTextContents(), { timeout: 10_000 }).toEqual(['Cody Coder']);
    await expect.poll(() => rules(sage, 'E11'), { timeout: 10_000 }).toContain('header-code');
    await expect.poll(() => rules(cody, 'E11'), { timeout: 10_000 }).toContain('header-code');

    // Enter in a code box with the list closed submits nothing (no reload, no change).
    await cody.keyboard.press('Escape');
    await cody.keyboard.press('Enter');
    expect(await codes(cody)).toEqual(['N39.0', 'B96.20', 'E11']);

    // Sage writes a note on line 1; Cody undoes: only Cody's line goes, Sage's note stays.
    await line(sage, 'N39.0').getByLabel('Note').fill('confirmed by culture');
    await expect.poll(() => line(cody, 'N39.0').getByLabel('Note').inputValue(), { timeout: 10_000 }).toBe('confirmed by culture');
    await expect.poll(() => line(cody, 'N39.0').getByTestId('line-marker').allTextContents(), { timeout: 10_000 }).toEqual(['Sage Senior']);
    await cody.getByRole('button', { name: 'Undo my last change' }).click();
    await expect.poll(() => codes(sage), { timeout: 10_000 }).toEqual(['N39.0', 'B96.20']);
    await expect.poll(() => codes(cody)).toEqual(['N39.0', 'B96.20']);
    expect(await line(cody, 'N39.0').getByLabel('Note').inputValue()).toBe('confirmed by culture');
    // Keyboard redo brings it back for both.
    await cody.getByTestId('rationale').focus();
    await cody.keyboard.press('Control+Shift+Z');
    await expect.poll(() => codes(sage), { timeout: 10_000 }).toEqual(['N39.0', 'B96.20', 'E11']);
    // The projection follows: the stored encounter has the live lines.
    await expect.poll(async () => (await api.get(`/api/encounters/${id}`)).body.data.codeLines.map((l: { code: string }) => l.code), { timeout: 10_000 })
      .toEqual(['N39.0', 'B96.20', 'E11']);
    // Enter in "Add a code" adds what was typed, whether the list is open or not; a word only searches.
    const add = cody.getByLabel('Add a code', { exact: true });
    await add.fill('diabetes');
    await add.press('Enter');
    await add.fill('i10');
    await add.press('Enter');
    await expect.poll(() => codes(sage), { timeout: 10_000 }).toEqual(['N39.0', 'B96.20', 'E11', 'I10']);
    await add.fill('R51.9');
    await cody.keyboard.press('Escape');
    await add.press('Enter');
    await expect.poll(() => codes(sage), { timeout: 10_000 }).toEqual(['N39.0', 'B96.20', 'E11', 'I10', 'R51.9']);
    await Promise.all([cody.close(), sage.close()]);
  });
});
