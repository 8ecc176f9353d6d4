/**
 * In the browser: code details show the Tabular's notes (grouped as the Tabular prints them,
 * inherited ones marked), code lines show CC/MCC and the highest severity, and search results
 * show the CC/MCC level.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHARED_DATA, startTestServer, WITH_CODE_SETS, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { launchBrowser } from '../support/browser';
import { signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

let server: TestServer;
let org: TestOrg;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  server = await startTestServer(WITH_CODE_SETS, { serveWeb: true });
  org = await createOrg(server.ctx.db.c, 'Notes Health');
  browser = await launchBrowser();
  await server.ctx.codeSets.get();
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

/** The table view needs "Edit code lines" before codes can be typed; the live editor does not. */
async function openEditorIfAny(page: Page) {
  const edit = page.getByRole('button', { name: 'Edit code lines' });
  if (await edit.count()) await edit.click();
}

const lineOf = (page: Page, code: string) => page.locator(`[data-testid="code-line"][data-code="${code}"]`);

describe('Tabular notes and CC/MCC in the browser', () => {
  it('code lines show CC, MCC excluded by the principal, and the highest severity; details show the notes', async () => {
    const api = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    const created = await api.post('/api/encounters', encounterInput({
      title: 'Sepsis with a diabetic foot ulcer',
      dateOfService: '2026-03-10',
      codeLines: [
        { system: 'ICD-10-CM', code: 'A41.51', role: 'principal', poa: 'Y' },
        { system: 'ICD-10-CM', code: 'N39.0', role: 'secondary', poa: 'Y' },
        { system: 'ICD-10-CM', code: 'R65.20', role: 'secondary', poa: 'Y' },
        { system: 'ICD-10-CM', code: 'E11.621', role: 'secondary', poa: 'Y' }
      ]
    }));
    expect(created.status).toBe(201);
    const page = await browser.context.newPage();
    await signIn(page, server.url, org.coder.email, `/encounters/${created.body.data.id}`);
    // The lines come from the live editor's document, synced over the socket after the page loads
    // (on a server that has just started with the code sets this takes longer than the 5 s default).
    await expect.poll(() => page.getByTestId('live-code-editor').getAttribute('data-status'), { timeout: 20_000 }).toBe('synced');
    await expect.poll(() => page.getByTestId('code-line').count(), { timeout: 10_000 }).toBe(4);

    // Severity per secondary line, and the highest that counts.
    await expect.poll(() => lineOf(page, 'N39.0').getByTestId('severity-badge').getAttribute('data-severity')).toBe('CC');
    expect(await lineOf(page, 'R65.20').getByTestId('severity-excluded').textContent()).toMatch(/MCC excluded by the principal diagnosis A41\.51/);
    expect(await lineOf(page, 'A41.51').getByTestId('severity-badge').count()).toBe(0);
    expect(await page.getByTestId('highest-severity').getAttribute('data-highest')).toBe('CC');
    expect(await page.getByTestId('highest-severity').textContent()).toMatch(/Highest severity: CC/);
    // Each line says what its code is.
    expect(await lineOf(page, 'N39.0').getByTestId('code-line-facts').textContent()).toMatch(/Urinary tract infection, site not specified/);
    // The Use additional code rule sits on the ulcer line.
    const ulcerSite = lineOf(page, 'E11.621').locator('[data-rule="use-additional-code"]', { hasText: 'L97.4-, L97.5-' });
    await expect.poll(() => ulcerSite.count()).toBe(1);
    expect(await ulcerSite.getAttribute('data-severity')).toBe('suggestion');
    await page.screenshot({ path: '/tmp/graycase-e2e-codes-notes-lines.png', fullPage: true });

    // Details of E11.621 (line 4): section, Includes from the category, Use additional code at the code.
    await openEditorIfAny(page);
    await page.getByRole('button', { name: 'Details of line 4 code' }).click();
    const details = page.getByTestId('code-details');
    await expect.poll(() => details.getByTestId('tabular-section').textContent()).toMatch(/Diabetes mellitus.*E08–E13/);
    const includes = details.getByTestId('tabular-includes');
    expect(await includes.textContent()).toMatch(/diabetes NOS/);
    expect(await includes.textContent()).toMatch(/from the category E11/);
    const additional = details.getByTestId('tabular-useAdditionalCode');
    expect(await additional.textContent()).toMatch(/code to identify site of ulcer \(L97\.4-, L97\.5-\)/);
    expect(await additional.textContent()).toMatch(/at this code/);
    expect(await additional.textContent()).toMatch(/insulin \(Z79\.4\)/);
    expect(await details.getByTestId('notes-source').textContent()).toMatch(/FY2026 Tabular/);
    await page.screenshot({ path: '/tmp/graycase-e2e-codes-notes-details.png' });
    await page.getByRole('button', { name: 'Close code details' }).click();

    // Search results show the CC/MCC level; a fracture's details list its category's 7th characters.
    const code2 = page.getByLabel('Code of line 2', { exact: true });
    await code2.fill('');
    await code2.pressSequentially('J96.22');
    await expect.poll(() => page.locator('[role="option"][data-code="J96.22"] [data-testid="severity-badge"]').textContent()).toBe('MCC');
    await code2.press('Escape');
    await code2.fill('S72.001A');
    await page.getByRole('button', { name: 'Details of line 2 code' }).click();
    const seventh = details.getByTestId('tabular-seventh');
    await expect.poll(() => seventh.textContent()).toMatch(/Ainitial encounter for closed fracture/);
    expect(await seventh.textContent()).toMatch(/from the category S72/);
    await page.getByRole('button', { name: 'Close code details' }).click();

    // A terminated HCPCS code is offered as "terminated on <date>", not as a header.
    const term = [...(await server.ctx.codeSets.get()).hcpcs!.procedures.values()].find((r) => r.terminationDate === '2025-12-31')!;
    await page.getByRole('group', { name: 'Code line 2' }).getByLabel('System').selectOption('HCPCS');
    await code2.fill('');
    await code2.pressSequentially(term.code);
    const option = page.locator(`[role="option"][data-code="${term.code}"]`);
    await expect.poll(() => option.getByTestId('terminated').textContent()).toBe('terminated on Dec 31 2025');
    expect(await option.textContent()).not.toMatch(/header/);
    await code2.press('Escape');
  }, 90_000);

  it('without the optional files the app says which features are off', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'graycase-e2e-min-codes-'));
    for (const rel of ['icd10cm/icd10cm_order_2026.txt', 'icd10pcs/icd10pcs_order_2026.txt', 'hcpcs/HCPC2026_JAN_ANWEB_01122026.txt']) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      symlinkSync(path.join(SHARED_DATA, rel), path.join(dir, rel));
    }
    const bare = await startTestServer({ codeSetsDir: dir }, { serveWeb: true });
    try {
      await bare.ctx.codeSets.get();
      const o = await createOrg(bare.ctx.db.c, 'Minimal Codes');
      await browser.context.clearCookies();
      const page = await browser.context.newPage();
      await signIn(page, bare.url, o.coder.email);
      const banner = page.getByTestId('code-sets-features-off');
      await expect.poll(() => banner.textContent()).toMatch(/Off: Tabular notes, FY2027 codes, FY2027 Excludes, CC\/MCC severity, PCS procedure names/);
      expect(await page.getByTestId('code-sets-banner').count()).toBe(0);
      await page.close();
    } finally {
      await bare.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
