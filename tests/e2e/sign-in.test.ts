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
    // A sign-out of one's own is no session that ended elsewhere.
    expect(await page.getByTestId('session-ended').count()).toBe(0);
    await page.getByLabel('Email').fill('nova@browser.example');
    await page.getByLabel('Password').fill('welcome-aboard-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    expect(await page.getByTestId('current-user').textContent()).toContain('Nova Newhire');
    // A coder has no Organisation link, and the page itself refuses.
    expect(await page.getByRole('link', { name: 'Organisation' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/graycase-e2e-signin.png' });
  });

  it('sends a tab whose session ended elsewhere to sign in, says why, and comes back after it', async () => {
    const context = browser.context;
    await context.clearCookies();
    const page = await context.newPage();
    await page.goto(server.url + '/login?next=%2Fprecedents');
    await page.getByLabel('Email').fill(org.coder.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/precedents$/);
    await expect.poll(() => page.getByTestId('connection-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('connected');
    expect(await page.getByTestId('session-ended').count()).toBe(0);
    // The session ends outside the tab: the server closes its socket and refuses the tab's next handshake.
    await server.ctx.sessions.destroy(decodeURIComponent((await context.cookies()).find((c) => c.name === 'gc_session')!.value));
    await page.waitForURL(/\/login\?ended=1&next=%2Fprecedents/, { timeout: 20_000 });
    expect(await page.getByTestId('session-ended').textContent()).toMatch(/Your session ended/);
    await page.screenshot({ path: '/tmp/graycase-e2e-session-ended.png' });
    await page.getByLabel('Email').fill(org.coder.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/precedents$/);
    await expect.poll(() => page.getByTestId('connection-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('connected');
    await page.close();
  });
});
