/**
 * What a new admin met: the role selector readable at common laptop widths, the audit filter
 * taking "auth", audit targets as links with readable details, and importing a file twice.
 * Set SCREENSHOT_DIR to keep the admin page screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { SHARED_DATA, startTestServer, type TestServer } from '../support/server';
import { createOrg, createUserDoc, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { launchBrowser } from '../support/browser';

let server: TestServer;
let org: TestOrg;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
const dir = mkdtempSync(path.join(tmpdir(), 'graycase-admin-e2e-'));
const demoPath = path.join(SHARED_DATA, 'demo/encounters.json');
const demo = JSON.parse(readFileSync(demoPath, 'utf8')) as { encounters: { title: string }[] };

beforeAll(async () => {
  server = await startTestServer({}, { serveWeb: true });
  org = await createOrg(server.ctx.db.c, 'Lakeside Regional Health');
  // An organisation as a new admin sets it up: several teams, long names and addresses.
  const { c } = server.ctx.db;
  const teamIds = [org.teamId];
  for (const name of ['Inpatient DRG coding', 'Outpatient and emergency', 'Professional fee', 'Denials and appeals']) {
    const id = randomUUID();
    await c.teams.insertOne({ _id: id, orgId: org.orgId, name, createdAt: new Date() });
    teamIds.push(id);
  }
  await c.users.updateOne({ _id: org.coder._id }, { $set: { teamIds } });
  for (const [name, role] of [['Marguerite Delacroix-Whitfield', 'senior'], ['Bartholomew Oyelaran-Svensson', 'coder']] as const) {
    await createUserDoc(c, org.orgId, { role, name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@lakeside-regional-health.example`, teamIds: teamIds.slice(1, 4) });
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function signIn(page: Page, email: string, to: string) {
  await browser.context.clearCookies(); // one browser profile for the file: start each person signed out
  await page.goto(server.url + to);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

describe('importing the same file twice', () => {
  it('the second import lists every item as skipped, linked to the encounter already here', async () => {
    const page = await browser.context.newPage();
    await signIn(page, org.coder.email, '/encounters/new');
    const file = path.join(dir, 'demo.json');
    writeFileSync(file, readFileSync(demoPath));
    const n = demo.encounters.length;
    const status = page.getByRole('status').filter({ hasText: 'created' });

    await page.getByLabel('Encounters file (.json)').setInputFiles(file);
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`${n} created, 0 rejected\\.`));
    const firstHref = await page.getByTestId('import-results').getByRole('link', { name: demo.encounters[0]!.title }).getAttribute('href');

    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`0 created, 0 rejected, ${n} skipped`));
    const results = page.getByTestId('import-results');
    expect(await results.getByText('skipped', { exact: true }).count()).toBe(n);
    expect(await results.textContent()).toMatch(/already imported with this key/);
    expect(await results.getByRole('link', { name: demo.encounters[0]!.title }).getAttribute('href')).toBe(firstHref);
    expect(await server.ctx.db.c.encounters.countDocuments({ orgId: org.orgId })).toBe(n);
    await page.close();
  });
});

describe('admin pages', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.context.newPage();
    await signIn(page, org.admin.email, '/admin');
  });
  afterAll(() => page.close());

  it.each([1280, 1440])('every role selector shows its whole role at %i px', async (width) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(server.url + '/admin');
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(6);
    if (process.env.SCREENSHOT_DIR) {
      mkdirSync(process.env.SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `admin-${width}.png`), fullPage: true });
    }
    const selects = page.getByRole('combobox', { name: /^Role of / });
    expect(await selects.count()).toBe(6);
    for (const select of await selects.all()) {
      // The width the longest role needs in the select's own font, plus its padding and arrow.
      const m = await select.evaluate((el: HTMLSelectElement) => {
        const cs = getComputedStyle(el);
        const probe = document.createElement('span');
        probe.style.font = cs.font;
        probe.style.whiteSpace = 'nowrap';
        document.body.append(probe);
        let text = 0;
        for (const o of el.options) { probe.textContent = o.text; text = Math.max(text, probe.getBoundingClientRect().width); }
        probe.remove();
        return { width: el.getBoundingClientRect().width, need: text + parseFloat(cs.paddingLeft) + 16, shown: el.selectedOptions[0]?.text ?? '' };
      });
      expect(m.width, `role selector ${m.width}px wide, needs ${m.need}px`).toBeGreaterThanOrEqual(m.need);
      expect(['coder', 'senior', 'admin']).toContain(m.shown);
    }
  });

  it('the audit filter takes "auth", targets are links, and details read as text', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(server.url + '/admin/audit');
    const rows = page.getByTestId('audit-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, 'audit-all-1280.png'), fullPage: true });

    const action = page.getByLabel('Action');
    await action.fill('auth');
    expect(await action.evaluate((el: HTMLInputElement) => el.checkValidity())).toBe(true);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(async () => [...new Set(await rows.locator('td:nth-child(3)').allTextContents())].sort())
      .toEqual(['auth.sign-in']);
    // A user target links to that user's row on the admin page.
    const userLink = rows.first().getByTestId('audit-target').getByRole('link');
    const userHref = (await userLink.getAttribute('href'))!;
    expect(userHref).toMatch(/^\/admin#user-[0-9a-f-]{36}$/);
    await userLink.click();
    await page.waitForURL(server.url + userHref);
    await expect.poll(() => page.locator(`tr[id="${userHref.slice('/admin#'.length)}"]`).isVisible()).toBe(true);
    await page.goBack();
    await page.waitForURL(/\/admin\/audit$/);

    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await action.fill('encounters.cr');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(async () => [...new Set(await rows.locator('td:nth-child(3)').allTextContents())]).toEqual(['encounters.create']);
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, 'audit-1280.png'), fullPage: true });
    const first = rows.first();
    expect((await first.getByTestId('audit-details').textContent())?.replace(/\s+/g, ' ').trim()).toBe('via: import');
    expect(await page.getByTestId('audit-details').filter({ hasText: '{' }).count()).toBe(0);
    const link = first.getByTestId('audit-target').getByRole('link');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/encounters\/[0-9a-f-]{36}$/);
    await link.click();
    await page.waitForURL(server.url + href);
    expect(demo.encounters.map((e) => e.title)).toContain(await page.getByTestId('encounter-title').textContent());
  });

  it('a CPT upload with bad rows lists each one with its line', async () => {
    await page.goto(server.url + '/admin');
    const file = path.join(dir, 'cpt.csv');
    writeFileSync(file, 'code,description\n99213,Office visit\n9921,Too short\n99214,\nABCDE,Letters\n');
    await page.getByLabel(/CSV file with a header row/).setInputFiles(file);
    await page.getByRole('button', { name: 'Upload and replace' }).click();
    const list = page.getByTestId('cpt-errors');
    await expect.poll(() => list.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^line 3: "9921" is not a CPT code/), expect.stringMatching(/^line 4: 99214: the description/), expect.stringMatching(/^line 5: "ABCDE"/)
    ]);
    expect(await page.getByRole('alert').filter({ has: list }).textContent()).toMatch(/3 rows are not valid/);
  });
});
