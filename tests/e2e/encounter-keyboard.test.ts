/**
 * The encounter page as a keyboard user and at common laptop widths, in a real browser:
 * - Alt+↓ in a code box moves the line and keeps the focus there (with threads open, the
 *   thread-jump shortcut must not take the same key press and steal the focus), so it can be
 *   pressed again;
 * - Escape in a thread's composer hands the focus back even when the thread was opened from
 *   the page itself (Alt+↓ from the body);
 * - a flag's "Resolve" brings the decision form into view with the summary focused, and an
 *   empty reference row is stopped by the browser (required fields) rather than sent;
 * - a code line's Discuss starts a thread on it, and the line's thread count follows it and opens it;
 * - live code editing does not re-read (and audit) the resolutions, reviews and sessions;
 * - at 1280 and 1440 px every code line keeps its actions (Flag included) on the row of its code box.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { launchBrowser } from '../support/browser';
import { sharedEncounter, uuid } from '../support/threads';
import { closeAllSockets, connectUser, ok } from '../support/sockets';

let server: TestServer;
let org: TestOrg;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let enc: Awaited<ReturnType<typeof sharedEncounter>>;

const codes = () => page.getByTestId('code-line').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-code')));
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

beforeAll(async () => {
  server = await startTestServer({}, { serveWeb: true });
  org = await createOrg(server.ctx.db.c, 'Keyboard Health');
  enc = await sharedEncounter(server, org.coder, [], [org.teamId]);
  // An open thread on the encounter, so the thread-jump shortcut is live on the page.
  const socket = await connectUser(server, org.coder);
  await ok(socket, 'encounters.join', { encounterId: enc.id });
  await ok(socket, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' }, title: 'Sequencing', message: { clientId: uuid(), body: 'Which one is principal?' } });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(server.url + `/encounters/${enc.id}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(org.senior.email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname.startsWith('/encounters/'));
  await page.waitForFunction(() => document.querySelector('[data-testid="live-code-editor"]')?.getAttribute('data-status') === 'synced', null, { timeout: 20_000 });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="thread-item"]').length === 1, null, { timeout: 10_000 });
}, 120_000);
afterAll(async () => {
  closeAllSockets();
  await browser?.close();
  await server?.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page?.screenshot({ path: '/tmp/graycase-e2e-encounter-keyboard.png', fullPage: true }).catch(() => undefined);
});

describe('the encounter page from the keyboard', () => {
  it('Alt+↓ / Alt+↑ in a code box move the line and keep the focus in its code box', async () => {
    expect(await codes()).toEqual(['N39.0', 'B96.20']);
    const first = await page.getByTestId('code-line').first().getAttribute('data-line-id');
    await page.locator(`#code-${first}`).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(codes).toEqual(['B96.20', 'N39.0']);
    expect(await focusedId()).toBe(`code-${first}`);
    // The thread-jump shortcut did not take the key press too.
    expect(await page.getByTestId('thread-view').count()).toBe(0);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(codes).toEqual(['N39.0', 'B96.20']);
    expect(await focusedId()).toBe(`code-${first}`);
  });

  it('Escape in the composer of a thread opened with Alt+↓ from the page hands the focus back', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Alt+ArrowDown');
    const composer = page.getByTestId('thread-view').getByRole('textbox', { name: 'Message' });
    await expect.poll(() => composer.evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => composer.evaluate((el) => el === document.activeElement)).toBe(false);
    // Focus is on a control of the discussion panel, ready for the keyboard.
    expect(await page.getByTestId('thread-panel').evaluate((p) => p.contains(document.activeElement) && document.activeElement !== document.body)).toBe(true);
    await page.getByTestId('thread-view').getByRole('button', { name: '← All threads' }).click();
  });

  it("a flag's Resolve brings the decision form into view, summary focused", async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('flag').getByRole('button', { name: 'Resolve' }).click();
    const form = page.getByTestId('resolve-form');
    await form.waitFor();
    await expect.poll(() => form.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; })).toBe(true);
    expect(await form.getByLabel('Decision summary').evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('an empty reference row is pointed at by the browser; nothing is sent', async () => {
    await page.getByTestId('flag').getByRole('button', { name: 'Resolve' }).click();
    const form = page.getByTestId('resolve-form');
    await form.getByLabel('Decision summary').fill('UTI is principal');
    await form.getByLabel('Rationale (your own words)').fill('Sepsis was ruled out.');
    await form.getByRole('button', { name: 'Add reference' }).click();
    const posts: string[] = [];
    const onRequest = (r: { method(): string; url(): string }) => { if (r.method() === 'POST' && r.url().endsWith('/resolutions')) posts.push(r.url()); };
    page.on('request', onRequest);
    await form.getByRole('button', { name: 'Resolve and lock the code set' }).click();
    await expect.poll(() => form.getByLabel('Year').evaluate((el) => (el as HTMLInputElement).matches(':invalid'))).toBe(true);
    await form.getByLabel('Year').fill('19');
    expect(await form.getByLabel('Year').evaluate((el) => (el as HTMLInputElement).validity.patternMismatch)).toBe(true);
    // Well-formed values pass the browser's checks (a pattern must survive Svelte's templating intact).
    await form.getByLabel('Year').fill('2019');
    await form.getByLabel('Quarter').fill('2');
    await form.getByLabel('Page').fill('118');
    expect(await form.locator('input').evaluateAll((els) => els.filter((el) => !(el as HTMLInputElement).validity.valid).length)).toBe(0);
    page.off('request', onRequest);
    expect(posts).toEqual([]);
    expect(await form.locator('.error-box').count()).toBe(0);
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it("a code line's Discuss starts a thread on it; its count follows the line through a move and opens the thread", async () => {
    const second = page.getByTestId('code-line').nth(1);
    const lineId = await second.getAttribute('data-line-id');
    await second.getByRole('button', { name: /^Discuss line 2/ }).click();
    const fresh = page.getByTestId('new-thread');
    await fresh.waitFor();
    expect(await fresh.textContent()).toContain('Code line B96.20');
    const first = fresh.getByRole('textbox', { name: 'First message' });
    await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
    await first.fill('Is the organism code needed here?');
    await first.press('Enter');
    await page.getByTestId('thread-view').waitFor();
    const line = page.locator(`[data-testid="code-line"][data-line-id="${lineId}"]`);
    await expect.poll(() => line.getByTestId('line-threads').textContent()).toMatch(/1 thread\b/);
    await page.getByTestId('thread-view').getByRole('button', { name: '← All threads' }).click();
    await line.getByRole('button', { name: 'Move line 2 up' }).click();
    await expect.poll(codes).toEqual(['B96.20', 'N39.0']);
    expect(await page.getByTestId('code-line').first().getByTestId('line-threads').textContent()).toMatch(/1 thread\b/);
    expect(await page.getByTestId('code-line').nth(1).getByTestId('line-threads').count()).toBe(0);
    await line.getByTestId('line-threads').click();
    await expect.poll(() => page.getByTestId('thread-view').textContent()).toContain('Is the organism code needed here?');
    await page.getByTestId('thread-view').getByRole('button', { name: '← All threads' }).click();
    await page.getByTestId('code-line').first().getByRole('button', { name: 'Move line 1 down' }).click();
    await expect.poll(codes).toEqual(['N39.0', 'B96.20']);
  });

  it('live code editing re-reads only the similar precedents, never the (audited) resolutions, reviews and sessions', async () => {
    const reads: string[] = [];
    const onRequest = (r: { method(): string; url(): string }) => {
      const m = /\/api\/encounters\/[^/]+\/(resolutions|reviews|double-coding|precedents)$/.exec(new URL(r.url()).pathname);
      if (r.method() === 'GET' && m) reads.push(m[1]!);
    };
    page.on('request', onRequest);
    try {
      await page.getByTestId('code-line').first().getByLabel('Note').fill('per nephrology consult');
      // The projection lands, the room is told, the page's encounter changes: similar precedents follow.
      await expect.poll(() => reads.includes('precedents'), { timeout: 15_000 }).toBe(true);
      expect(reads.filter((r) => r !== 'precedents')).toEqual([]);
    } finally {
      page.off('request', onRequest);
    }
  });

  for (const width of [1280, 1440]) {
    it(`at ${width} px every code line keeps its actions on the row of its code box`, async () => {
      // A procedure line too: it has the claim-form pointers box as well.
      if ((await codes()).length === 2) {
        const lines = (await enc.rest.get(`/api/encounters/${enc.id}`)).body.data.codeLines;
        const put = await enc.rest.put(`/api/encounters/${enc.id}/code-lines`, { codeLines: [...lines, { system: 'HCPCS', code: 'J1100', role: 'procedure', units: 2 }] });
        expect(put.status).toBe(200);
        await expect.poll(codes, { timeout: 10_000 }).toEqual(['N39.0', 'B96.20', 'J1100']);
      }
      await page.setViewportSize({ width, height: 900 });
      await expect.poll(async () => {
        return page.getByTestId('code-line').evaluateAll((lines) => lines.map((l) => {
          const code = l.querySelector('input[id^="code-"]')!.getBoundingClientRect();
          const flag = [...l.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Flag')!.getBoundingClientRect();
          return flag.top < code.bottom && flag.bottom > code.top;
        }));
      }).toEqual([true, true, true]);
      await page.screenshot({ path: `/tmp/graycase-e2e-encounter-${width}.png`, fullPage: true });
    });
  }
});
