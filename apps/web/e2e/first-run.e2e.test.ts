// A first run as a new user meets it: a fresh APEX_HOME (nothing imported, nothing loaded), the API
// started with no admin token and no APEX_AUTOLOAD on loopback — as `npm start` does. Opening a
// session page loads the session from the archive with its progress shown, without asking for a
// token, and then shows its data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { launchChromium } from './browser';
import { startStack, type Stack } from './harness';
import { shot } from './helpers';

const HUNGARY_2020_FP2 = '2020/2020-07-19_Hungarian_Grand_Prix/2020-07-17_Practice_2/';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack({ firstRun: true, build: false });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('first run: a session page with a fresh database and no configuration', () => {
  it('loads the session on opening its page, shows the progress, asks for no token, then shows the laps', { timeout: 240_000 }, async () => {
    const season = (await (await fetch(`${stack.apiUrl}/api/v1/sessions/2020`)).json()) as { items: { round: number; session: string; archivePath: string; state: string }[] };
    const entry = season.items.find((s) => s.archivePath === HUNGARY_2020_FP2)!;
    expect(entry, 'Hungary 2020 FP2 in the 2020 catalogue').toBeDefined();
    const base = `/api/v1/sessions/2020/${entry.round}/${entry.session}`;
    const before = (await (await fetch(stack.apiUrl + base)).json()) as { status: { state: string }; onDemand: boolean };
    expect(before).toMatchObject({ status: { state: 'not_loaded' }, onDemand: true });

    const page: Page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const loadRequest = page.waitForRequest((r: Request) => r.method() === 'POST' && r.url().endsWith(`${base}/load`));
    await page.goto(`${stack.webUrl}/sessions/2020/${entry.round}/${entry.session}`);

    // The page starts the load itself, without a token…
    const post = await loadRequest;
    expect(await post.headerValue('authorization')).toBeNull();
    expect((await post.response())!.status()).toBe(202);
    // …and shows its progress while the job runs.
    await page.getByRole('progressbar', { name: 'Load progress' }).waitFor({ timeout: 60_000 });
    expect(await page.getByText('Loading session…').isVisible()).toBe(true);
    await shot(page, 'first-run-loading');
    expect(await page.getByLabel('Admin token (APEX_ADMIN_TOKEN)').count()).toBe(0);

    // Loaded: the session's data replaces the panel.
    await page.getByRole('tablist', { name: 'Session data' }).waitFor({ timeout: 180_000 });
    const after = (await (await fetch(stack.apiUrl + base)).json()) as { status: { state: string }; data: { laps: number } };
    expect(after.status.state).toBe('loaded');
    expect(after.data.laps).toBeGreaterThan(100);
    await page.getByRole('tab', { name: 'laps' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Laps' }).locator('tbody tr').count()).toBeGreaterThan(10);
    await shot(page, 'first-run-loaded');
    expect(errors).toEqual([]);
  });
});
