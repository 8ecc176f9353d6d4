/**
 * The encounter page's quality panels in a real browser:
 * - a resolved flag's Reopen is offered only once the resolutions are loaded, and then opens the
 *   reason form (the resolutions answer is held back by the test, never changed);
 * - a resolution, its reopening and a double-coding session made by someone else appear live,
 *   with the code set locked and unlocked, without a reload;
 * - forum posts highlight the passages that have threads, and a click opens the thread;
 * - "… is typing" ends when that person's message arrives.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server';
import { createOrg, TEST_PASSWORD, type TestOrg } from '../support/factories';
import { launchBrowser } from '../support/browser';
import { restAs, sharedEncounter, uuid } from '../support/threads';
import { connectUser, ok, closeAllSockets } from '../support/sockets';

let server: TestServer;
let org: TestOrg;
let seniorBrowser: Awaited<ReturnType<typeof launchBrowser>>;
let coderBrowser: Awaited<ReturnType<typeof launchBrowser>>;
let sage: Page;
let cody: Page;

const RESOLUTION = {
  summary: 'UTI is principal; sepsis was ruled out.',
  rationale: 'Sepsis ruled out at discharge, so it is not coded.',
  references: [{ kind: 'coding-clinic', year: 2019, quarter: 2, page: 8 }],
  outcome: 'coded-as-proposed'
};

async function signIn(page: Page, email: string) {
  await page.goto(server.url + '/');
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

beforeAll(async () => {
  server = await startTestServer({}, { serveWeb: true });
  org = await createOrg(server.ctx.db.c, 'Live Quality Health');
  [seniorBrowser, coderBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
  sage = await seniorBrowser.context.newPage();
  cody = await coderBrowser.context.newPage();
  for (const p of [sage, cody]) p.on('pageerror', (e) => console.error('page error:', e.message));
  await Promise.all([signIn(sage, org.senior.email), signIn(cody, org.coder.email)]);
}, 120_000);
afterAll(async () => {
  closeAllSockets();
  await Promise.all([seniorBrowser?.close(), coderBrowser?.close()]);
  await server?.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  await Promise.all([sage?.screenshot({ path: '/tmp/graycase-e2e-live-quality-sage.png', fullPage: true }), cody?.screenshot({ path: '/tmp/graycase-e2e-live-quality-cody.png', fullPage: true })]).catch(() => undefined);
});

describe('quality on the live encounter page', () => {
  it("a resolved flag's Reopen appears once the resolutions are loaded, and opens the reason form", async () => {
    const enc = await sharedEncounter(server, org.coder, [], [org.teamId]);
    const senior = await restAs(server, org.senior);
    expect((await senior.post(`/api/encounters/${enc.id}/resolutions`, { ...RESOLUTION, flagId: enc.flagId })).status).toBe(201);

    // The resolutions answer (the real one) is held until the test lets it through.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const hold = async (route: Route) => { await held; await route.continue(); };
    await sage.route(/\/api\/encounters\/[^/]+\/resolutions$/, hold);
    try {
      await sage.goto(`${server.url}/encounters/${enc.id}`);
      const flag = sage.getByTestId('flag');
      await expect.poll(() => flag.getByText('Resolved', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
      // Before the resolutions are known a Reopen could not find the resolution: none is offered.
      expect(await flag.getByRole('button', { name: 'Reopen' }).count()).toBe(0);
      release();
      await flag.getByRole('button', { name: 'Reopen' }).click({ timeout: 20_000 });
      const reason = sage.getByLabel('Reason to reopen');
      await reason.waitFor();
      await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    } finally {
      release();
      await sage.unroute(/\/api\/encounters\/[^/]+\/resolutions$/, hold);
    }
  });

  it("someone else's resolution, reopening and double coding appear live, with the code set locked and unlocked", async () => {
    const enc = await sharedEncounter(server, org.coder, [], [org.teamId]);
    const senior = await restAs(server, org.senior);
    await cody.goto(`${server.url}/encounters/${enc.id}`);
    await cody.getByTestId('flag').waitFor();
    await expect.poll(() => cody.getByTestId('live-code-editor').getAttribute('data-status'), { timeout: 20_000 }).toBe('synced');
    expect(await cody.getByTestId('resolution').count()).toBe(0);

    const res = await senior.post(`/api/encounters/${enc.id}/resolutions`, { ...RESOLUTION, flagId: enc.flagId });
    expect(res.status).toBe(201);
    const card = cody.getByTestId('resolution');
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    expect(await card.textContent()).toContain('UTI is principal; sepsis was ruled out.');
    await expect.poll(() => cody.getByTestId('read-only').textContent(), { timeout: 10_000 }).toMatch(/locked/);
    await expect.poll(() => cody.getByTestId('flag').getByText('Resolved', { exact: true }).count()).toBe(1);

    expect((await senior.post(`/api/resolutions/${res.body.data.id}/reopen`, { reason: 'An addendum documents sepsis' })).status).toBe(200);
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toMatch(/Reopened by Sage Senior: An addendum documents sepsis/);
    await expect.poll(() => cody.getByTestId('read-only').count(), { timeout: 10_000 }).toBe(0);

    // The senior starts blind double coding: the coder is asked to submit, without reloading.
    const panel = cody.getByTestId('double-coding');
    const before = await panel.textContent().catch(() => '');
    expect((await senior.post(`/api/encounters/${enc.id}/double-coding`, {})).status).toBe(201);
    await expect.poll(async () => (await panel.textContent()) !== before, { timeout: 10_000 }).toBe(true);
    expect(await panel.textContent()).toMatch(/Sage Senior/);
    // The coder submits the live code set as it is now.
    await panel.getByRole('button', { name: 'Submit my current code set' }).click();
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toMatch(/Cody Coder ✓ submitted/);
  });

  it('forum: passages with threads are highlighted, and a click opens the thread', async () => {
    const enc = await sharedEncounter(server, org.coder, [], [org.teamId]);
    const preview = await enc.rest.post(`/api/encounters/${enc.id}/forum/preview`);
    const published = await enc.rest.post(`/api/encounters/${enc.id}/forum`, { acceptedIds: preview.body.data.candidates.map((c: { id: string }) => c.id), added: [], dateMode: 'shift' });
    expect(published.status).toBe(201);
    const post = published.body.data as { id: string; documents: { id: string; text: string }[] };
    const doc = post.documents[0]!;
    const quote = 'urinary tract infection';
    const start = doc.text.indexOf(quote);
    expect(start).toBeGreaterThan(-1);
    // A colleague opened a thread on the passage (a real socket client).
    const socket = await connectUser(server, org.senior);
    await ok(socket, 'forum.join', { postId: post.id });
    const created = await ok(socket, 'threads.create', {
      scope: { type: 'forum', postId: post.id }, clientId: uuid(), title: 'UTI as principal?',
      anchor: { type: 'text', documentId: doc.id, start, end: start + quote.length, quote },
      message: { clientId: uuid(), body: 'Is the UTI principal here?' }
    });

    await cody.goto(`${server.url}/forum/${post.id}`);
    const mark = cody.locator(`[data-document-text="${doc.id}"] mark[data-threads]`);
    await expect.poll(() => mark.count(), { timeout: 20_000 }).toBe(1);
    expect(await mark.textContent()).toBe(quote);
    expect(await mark.getAttribute('data-threads')).toBe(created.threadId);
    // The copy's text is unchanged by the highlight (offsets stay those of the text).
    expect(await cody.locator(`[data-document-text="${doc.id}"]`).evaluate((el) => el.textContent)).toBe(doc.text);
    await mark.click();
    const view = cody.getByTestId('thread-view');
    await view.waitFor();
    await expect.poll(() => view.textContent()).toContain('Is the UTI principal here?');
    await expect.poll(() => mark.getAttribute('data-active')).toBe('true');
  });
});

describe('mentor review on the live encounter page', () => {
  it("the reviewer's draft survives live changes; the coder sees the review's state change live", { timeout: 90_000 }, async () => {
    const enc = await sharedEncounter(server, org.coder, [], [org.teamId]);
    const senior = await restAs(server, org.senior);
    await cody.goto(`${server.url}/encounters/${enc.id}`);
    await cody.getByTestId('review-panel').waitFor({ timeout: 20_000 });
    expect((await enc.rest.post(`/api/encounters/${enc.id}/reviews`, { reviewerId: org.senior._id })).status).toBe(201);
    // The coder's page shows the request without a reload, in words.
    await expect.poll(() => cody.getByTestId('review-state').textContent(), { timeout: 10_000 }).toBe('Requested');

    await sage.goto(`${server.url}/encounters/${enc.id}`);
    const draft = sage.getByTestId('review-panel').getByRole('textbox', { name: /Your code set/ });
    await expect.poll(() => draft.inputValue(), { timeout: 20_000 }).toContain('N39.0');
    await draft.fill('N39.0 principal Y\nB96.20 secondary Y\nR65.10 secondary Y');
    // Meanwhile the panel re-reads its data (here: the reviewer also starts blind double coding).
    const reread = sage.waitForResponse((r) => r.url().endsWith(`/api/encounters/${enc.id}/reviews`) && r.request().method() === 'GET', { timeout: 15_000 });
    await sage.getByRole('button', { name: 'Code this independently' }).click();
    await reread;
    await expect.poll(() => sage.getByTestId('double-coding').textContent(), { timeout: 10_000 }).toContain('coding');
    expect(await draft.inputValue()).toContain('R65.10');

    await sage.getByTestId('review-panel').getByRole('button', { name: 'Submit review' }).click();
    await expect.poll(() => cody.getByTestId('review-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('changes-requested');
    expect(await cody.getByTestId('review-change').count()).toBeGreaterThan(0);
    expect(await senior.get(`/api/encounters/${enc.id}/reviews`).then((r) => r.body.data[0].state)).toBe('changes-requested');
  });
});

describe('the discussion on the live encounter page', () => {
  it('"… is typing" goes away as soon as that person\'s message arrives', async () => {
    const enc = await sharedEncounter(server, org.coder, [], [org.teamId]);
    const socket = await connectUser(server, org.coder);
    await ok(socket, 'encounters.join', { encounterId: enc.id });
    const t = await ok(socket, 'threads.create', { scope: enc.scope, clientId: uuid(), anchor: { type: 'whole' }, title: 'Principal?', message: { clientId: uuid(), body: 'Which one is principal?' } });
    for (const p of [sage, cody]) {
      await p.goto(`${server.url}/encounters/${enc.id}?thread=${t.threadId}`);
      await p.getByTestId('thread-view').waitFor({ timeout: 20_000 });
    }
    const composer = sage.getByTestId('thread-view').getByRole('textbox', { name: 'Message' });
    await composer.pressSequentially('The UTI, sepsis was ruled out');
    await expect.poll(() => cody.getByTestId('typing').textContent(), { timeout: 10_000 }).toBe('Sage Senior is typing…');
    await composer.press('Enter');
    await expect.poll(async () => (await cody.getByTestId('message-body').allTextContents()).map((x) => x.trim()), { timeout: 10_000 }).toContain('The UTI, sepsis was ruled out');
    // At once, not when the typing notice times out (4 s after the last keystroke notice).
    await expect.poll(() => cody.getByTestId('typing').textContent(), { timeout: 1_500 }).toBe('');
  });
});

describe('the first screen', () => {
  it('someone with nothing of their own lands on the queue that has work for them', async () => {
    await sharedEncounter(server, org.coder, [], [org.teamId]);
    await sage.goto(`${server.url}/`);
    await sage.waitForURL(/\?queue=(shared|team)/, { timeout: 15_000 });
    await expect.poll(() => sage.locator('a[href^="/encounters/"]:not([href="/encounters/new"])').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await sage.getByTestId('queue-empty').count()).toBe(0);
    // Asking for one's own queue by its tab still shows it (no second jump).
    await sage.getByRole('tab', { name: /My encounters/ }).click();
    await expect.poll(() => sage.getByTestId('queue-empty').count(), { timeout: 10_000 }).toBe(1);
    expect(new URL(sage.url()).searchParams.get('queue')).toBeNull();
  });
});
