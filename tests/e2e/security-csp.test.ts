/**
 * The built app under its Content-Security-Policy in a real browser: it loads, signs in, opens
 * an encounter (live socket included) and no CSP violation is reported; the policy really
 * blocks an injected inline script; the app refuses to be framed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { launchBrowser } from '../support/browser';
import { signedIn } from '../support/http';
import { encounterInput } from '../support/encounters';

let server: TestServer;
let org: TestOrg;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  server = await startTestServer({}, { serveWeb: true });
  org = await createOrg(server.ctx.db.c, 'CSP Health');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the app under its Content-Security-Policy', () => {
  it('loads, signs in and opens an encounter with no CSP violation', async () => {
    const api = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    const enc = (await api.post('/api/encounters', encounterInput({ title: 'CSP check' }))).body.data;

    const page = await browser.context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (CSP ${e.violatedDirective}): ${e.blockedURI}`));
    });
    await page.goto(server.url + '/login');
    await page.getByLabel('Email').fill(org.coder.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    expect(await page.getByTestId('current-user').textContent()).toContain('Cody Coder');
    await page.goto(server.url + `/encounters/${enc.id}`);
    await expect.poll(() => page.getByText('CSP check').count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);

    // The policy is real: an inline script the page did not ship does not run.
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.appendChild(s);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect(violations.some((v) => /script-src/.test(v))).toBe(true);
  });

  it('another page cannot frame the app', async () => {
    const page = await browser.context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => { if (/frame-ancestors|Refused to display/i.test(m.text())) blocked.push(m.text()); });
    await page.setContent(`<iframe src="${server.url}/login" id="f"></iframe>`);
    await expect.poll(() => blocked.length, { timeout: 10_000 }).toBeGreaterThan(0);
  });
});
