/**
 * The publish review in a real browser: mandatory redactions (the patient's identifiers, MRN,
 * dates...) are shown ticked and locked, low-confidence ones (a staff name, a facility) can be
 * un-ticked, the FACILITY type is labelled, and the published copy holds no patient identifier.
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
  org = await createOrg(server.ctx.db.c, 'Review Health');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const NOTE = 'Mrs. Ada Quill, MRN-8812345, seen 09/14/2026 at St. Mary\'s Hospital for dysuria. Discussed with Dr. Harlan. Impression: urinary tract infection.';

describe('publish review', () => {
  it('locks mandatory redactions, lets the coder keep a staff name, and publishes no patient identifier', async () => {
    const api = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    const enc = (await api.post('/api/encounters', encounterInput({ documents: [{ kind: 'progress-note', title: 'Progress note', text: NOTE }] }))).body.data;
    const page = await browser.context.newPage();
    await page.goto(server.url + `/encounters/${enc.id}/publish`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(org.coder.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/publish$/);

    const list = page.getByRole('list', { name: /Proposed redactions in/ });
    const box = (text: string) => list.getByRole('listitem').filter({ hasText: text }).getByRole('checkbox');
    await expect.poll(() => box('Ada Quill').count(), { timeout: 15_000 }).toBeGreaterThan(0); // the first preview loads the word lists
    for (const t of ['Ada Quill', '8812345', '09/14/2026']) {
      expect(await box(t).first().isChecked(), t).toBe(true);
      expect(await box(t).first().isDisabled(), t).toBe(true);
    }
    expect(await list.getByRole('listitem').filter({ hasText: "St. Mary's Hospital" }).textContent()).toContain('FACILITY');
    const harlan = box('Harlan').first();
    expect(await harlan.isDisabled()).toBe(false);
    await harlan.uncheck();
    // Clicking a locked highlight does not un-tick it.
    await page.locator('mark.phi.locked').first().click();
    expect(await box('Ada Quill').first().isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Confirm and publish' }).click();
    await page.waitForURL(/\/forum\/[0-9a-f-]{36}$/);
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 10_000 }).toContain('de-identified copy');
    const body = await page.locator('main').textContent();
    expect(body).toContain('Harlan');
    for (const phi of ['Quill', '8812345', '09/14/2026', "St. Mary's"]) expect(body).not.toContain(phi);
    await page.close();
  }, 90_000);

  it('proposes a name only the trained recogniser finds, optional and explained, and publishes without it', async () => {
    const api = await signedIn(server.url, org.coder.email, TEST_PASSWORD);
    const text = 'Follow up with Priyanka at Lakeview Ortho next week about the knee effusion.';
    const enc = (await api.post('/api/encounters', encounterInput({ documents: [{ kind: 'progress-note', title: 'Follow-up', text }] }))).body.data;
    const page = await browser.context.newPage();
    await page.goto(server.url + '/login');
    await page.getByLabel('Email').fill(org.coder.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(server.url + `/encounters/${enc.id}/publish`);
    const item = page.getByRole('list', { name: /Proposed redactions in/ }).getByRole('listitem').filter({ hasText: 'Priyanka' });
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    expect(await item.textContent()).toContain('NAME');
    expect(await item.locator('label').getAttribute('title')).toBe("likely a person's name (trained recogniser)");
    const box = item.getByRole('checkbox');
    expect(await box.isChecked()).toBe(true);
    expect(await box.isDisabled()).toBe(false);
    await page.screenshot({ path: 'test-results/publish-recogniser.png', fullPage: true });
    await page.getByRole('button', { name: 'Confirm and publish' }).click();
    await page.waitForURL(/\/forum\/[0-9a-f-]{36}$/);
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 10_000 }).toContain('de-identified copy');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('knee effusion');
    for (const phi of ['Priyanka', 'Lakeview']) expect(body).not.toContain(phi);
    await page.close();
  }, 90_000);
});
