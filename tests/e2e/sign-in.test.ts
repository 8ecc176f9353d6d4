import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { launchBrowser } from '../support/browser';

let server: TestServer;
let org: TestOrg;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  server = await startTestServer({}, { serveWeb: true });
  org = await createOrg(server.ctx.db.c, 'Browser Health');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('signing in through the browser', () => {
  it('refuses a wrong password, signs in, manages users, signs out', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url + '/admin');
    await page.waitForURL(/\/login\?next=%2Fadmin/);

    await page.getByLabel('Email').fill(org.admin.email);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Email or password is incorrect/);

    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin$/);
    expect(await page.getByTestId('current-user').textContent()).toContain('Ada Admin');
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(4);

    await page.getByLabel('Name', { exact: true }).fill('Nova Newhire');
    await page.getByLabel('Email').fill('nova@browser.example');
    await page.getByLabel('Initial password (10+ characters)').fill('welcome-aboard-1');
    await page.getByRole('checkbox', { name: 'Team A' }).last().check();
    await page.getByRole('button', { name: 'Add user' }).click();
    // Creating a user hashes the password: slow on a loaded machine, so allow more than the default 5 s.
    await expect.poll(() => page.getByTestId('user-row').count(), { timeout: 15_000 }).toBe(5).catch(async (e) => {
      throw new Error(`${e.message}\nalerts: ${(await page.getByRole('alert').allTextContents()).join(' | ')}\nstatus: ${(await page.getByRole('status').allTextContents()).join(' | ')}`);
    });
    // The connection indicator is a status too: read the one that reports the new user.
    expect(await page.getByRole('status').filter({ hasText: 'Nova Newhire' }).textContent()).toMatch(/Nova Newhire can now sign in/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill('nova@browser.example');
    await page.getByLabel('Password').fill('welcome-aboard-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    expect(await page.getByTestId('current-user').textContent()).toContain('Nova Newhire');
    // A coder has no Organisation link, and the page itself refuses.
    expect(await page.getByRole('link', { name: 'Organisation' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/graycase-e2e-signin.png' });
  });
});
