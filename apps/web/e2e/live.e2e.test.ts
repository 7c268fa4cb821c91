// /live in Chromium against the real API: nothing live (replays offered), a replay of Mexico City 2025
// qualifying (tower in the API's order with broadcast colours, cars on the map, race control,
// weather, lap/clock strip), the delay kept in the URL across a reload, and the phone layout.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { pageHelpers, shot } from './helpers';

const web = inject('webUrl');
const adminToken = inject('adminToken');
let browser: Browser;
let context: BrowserContext;
const { open, api, pageErrors } = pageHelpers(web, () => context);

interface LiveState {
  view: {
    status: { source: string; replay: { paused: boolean; positionMs: number } | null };
    tower?: { kind: string; rows: { abbreviation: string | null; driverNumber: string; position: number | null; bestLap: { colour: string } | null }[] };
    positions?: { driverNumber: string; latest: { x: number; y: number } }[];
  };
}

async function command(path: 'replay' | 'control', body: object): Promise<Response> {
  return fetch(`${web}/api/v1/live/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(body),
  });
}

/** Painted, saturated pixels of the map canvas (cars are team-coloured; the trace is grey). */
async function colouredPixels(page: Page): Promise<number> {
  return page.locator('[data-testid="track-map"]').evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      const max = Math.max(d[i]!, d[i + 1]!, d[i + 2]!);
      const min = Math.min(d[i]!, d[i + 1]!, d[i + 2]!);
      if (d[i + 3]! > 200 && max - min > 60) n++;
    }
    return n;
  });
}

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await command('control', { action: 'stop' });
});
afterAll(async () => {
  await command('control', { action: 'stop' });
  await browser?.close();
});

describe('/live', () => {
  it('says nothing is live and offers replays of archived sessions', async () => {
    const page = await open('/live');
    await page.getByTestId('live-idle').waitFor();
    await expect.poll(() => page.getByLabel('Session to replay').locator('option').count()).toBeGreaterThan(3);
    await shot(page, 'live-idle');
    await page.close();
  });

  it('shows a replay: the API’s tower in order with broadcast colours, cars on the map, race control, weather', async () => {
    const res = await command('replay', { year: 2025, round: 20, session: 'Q', speed: 5, from: 1500 });
    expect(res.status, await res.clone().text()).toBe(200);
    const page = await open('/live');
    await page.getByTestId('timing-tower').waitFor();
    await expect.poll(() => page.getByTestId('tower-row').count()).toBe(20);
    // Pause so the page and the API are compared on the same view.
    await command('control', { action: 'pause' });
    await page.waitForTimeout(600);
    const state = await api<LiveState>('/api/v1/live/state');
    expect(state.view.status.source).toBe('replay');
    const want = state.view.tower!.rows.map((r) => r.abbreviation ?? r.driverNumber);
    await expect.poll(() => page.getByTestId('tower-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-driver')))).toEqual(want);
    // Colours come from the API: as many purple best laps on the page as in the view.
    const purple = state.view.tower!.rows.filter((r) => r.bestLap?.colour === 'purple').length;
    expect(purple).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="tower-row"] [data-colour="purple"]').count()).toBeGreaterThanOrEqual(purple);
    expect(state.view.positions!.length).toBeGreaterThan(10);
    expect(state.view.positions!.every((p) => !(p.latest.x === 0 && p.latest.y === 0))).toBe(true);
    await expect.poll(() => colouredPixels(page), { timeout: 10_000 }).toBeGreaterThan(200);
    await expect.poll(() => page.getByTestId('race-control').locator('li').count()).toBeGreaterThan(0);
    await expect(page.getByTestId('weather').textContent()).resolves.toMatch(/°C/);
    await expect(page.getByTestId('session-clock').textContent()).resolves.toMatch(/\d+:\d\d/);
    await shot(page, 'live-replay');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('moves the cars smoothly while playing (positions change between animation frames)', async () => {
    await command('control', { action: 'resume' });
    const page = await open('/live');
    await page.getByTestId('track-map').waitFor();
    await page.waitForTimeout(2500);
    const a = await page.getByTestId('track-map').screenshot();
    await page.waitForTimeout(120);
    const b = await page.getByTestId('track-map').screenshot();
    expect(Buffer.compare(a, b)).not.toBe(0);
    await command('control', { action: 'pause' });
    await page.close();
  });

  it('keeps the delay in the URL: applied after a reload, the stream asks the server for it', async () => {
    const page = await open('/live?delay=30');
    await expect(page.locator('#live-delay').inputValue()).resolves.toBe('30');
    await page.getByTestId('timing-tower').waitFor();
    expect(await page.getByTestId('timing-tower').getAttribute('data-delay')).toBe('30');
    await page.getByRole('button', { name: '60s' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('delay')).toBe('60');
    const streamed = page.waitForRequest((r) => r.url().includes('/api/v1/live/stream?delay=60'));
    await page.reload();
    await streamed;
    await expect(page.locator('#live-delay').inputValue()).resolves.toBe('60');
    await page.close();
  });

  it('fits a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(`${web}/live`, { waitUntil: 'networkidle' });
    await page.getByTestId('timing-tower').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(page, 'live-phone');
    await phone.close();
  });
});
