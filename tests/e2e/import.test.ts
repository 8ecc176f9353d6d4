/** Importing the demo file through the file picker, as a coder does it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { SHARED_DATA, startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { launchBrowser } from '../support/browser';

let server: TestServer;
let org: TestOrg;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
const dir = mkdtempSync(path.join(tmpdir(), 'graycase-import-'));

beforeAll(async () => {
  server = await startTestServer({}, { serveWeb: true });
  org = await createOrg(server.ctx.db.c, 'Import Health');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('import through the browser', () => {
  it('creates the good items, lists the rejected ones with reasons, and links to what was created', async () => {
    const demo = JSON.parse(readFileSync(path.join(SHARED_DATA, 'demo/encounters.json'), 'utf8'));
    const file = path.join(dir, 'mixed.json');
    writeFileSync(file, JSON.stringify({ encounters: [demo.encounters[0], { ...demo.encounters[1], key: 'bad-one', setting: 'spa' }] }));

    const page = await browser.context.newPage();
    await page.goto(server.url + '/encounters/new');
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(org.coder.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/encounters\/new/);

    await page.getByLabel('Encounters file (.json)').setInputFiles(file);
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'created' }).textContent()).toMatch(/1 created, 1 rejected/);
    const results = page.getByTestId('import-results');
    expect(await results.textContent()).toMatch(/rejected.*setting/s);

    await results.getByRole('link', { name: demo.encounters[0].title }).click();
    await page.waitForURL(/\/encounters\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('encounter-title').textContent()).toBe(demo.encounters[0].title);
    expect(await server.ctx.db.c.encounters.countDocuments({ orgId: org.orgId })).toBe(1);
  });
});
