// The session pages in Chromium against the production build and the real API: Mexico City 2025
// qualifying (full telemetry) and Baku 2018 (a race) were loaded by the harness; Shanghai 2024 sprint
// qualifying is loaded from the page itself with the admin token, watching the job's progress.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './browser';
import { chartPoints, colouredPixelsPerBand, pageHelpers, shot } from './helpers';

const web = inject('webUrl');
const adminToken = inject('adminToken');
let browser: Browser;
let context: BrowserContext;
const { open, api, pageErrors } = pageHelpers(web, () => context);

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
});
afterAll(async () => {
  await browser?.close();
});

interface Lap {
  driver: string | null;
  driverNumber: string;
  lapNumber: number;
  lapTime: number | null;
  deleted: boolean | null;
}
interface Compare {
  distance: number[];
  laps: { driver: string | null; lapNumber: number; lapTime: number | null }[];
  channels: Record<string, (number | null)[][]>;
  delta: (number | null)[][];
}

const nonNull = (a: (number | null)[][]) => a.reduce((n, xs) => n + xs.filter((v) => v !== null).length, 0);

describe('telemetry: Mexico City 2025 qualifying', () => {
  const S = '/sessions/2025/20/Q';

  it('compares the three quickest drivers’ fastest laps by default: every channel, the delta and the track map', async () => {
    const laps = (await api<{ items: Lap[] }>(`/api/v1${S}/laps`)).items;
    // The default selection, derived independently from the laps: each driver's fastest, three quickest.
    const best = new Map<string, Lap>();
    for (const l of laps) if (l.lapTime !== null && l.deleted !== true && (!best.has(l.driver!) || l.lapTime < best.get(l.driver!)!.lapTime!)) best.set(l.driver!, l);
    const top3 = [...best.values()].sort((a, b) => a.lapTime! - b.lapTime!).slice(0, 3);
    const compare = await api<Compare>(`/api/v1${S}/compare?laps=${top3.map((l) => `${l.driver}:${l.lapNumber}`).join(',')}`);

    const page = await open(S);
    await page.waitForSelector('[data-telemetry-stack][data-laps="3"]');
    // One chart, a band per channel: every channel's samples are in it, at full resolution.
    const [total] = await chartPoints(page, '[data-telemetry-stack] [data-chart="uplot"]');
    const stack = page.locator('[data-telemetry-stack]');
    const present = ['speed', 'throttle', 'brake', 'nGear', 'rpm', 'drs'].filter((c) => compare.channels[c]);
    expect(await stack.getAttribute('data-channels')).toBe([...present, 'delta'].join(','));
    const points = (await stack.getAttribute('data-band-points'))!.split(',').map(Number);
    const expected = [...present.map((c) => nonNull(compare.channels[c]!)), nonNull(compare.delta)];
    expect(points).toEqual(expected);
    expect(total).toBe(expected.reduce((a, b) => a + b, 0));
    expect(points[0]).toBeGreaterThan(3 * 500); // full resolution: hundreds of samples per lap
    // Each band is painted with the laps' colours.
    for (const inked of await colouredPixelsPerBand(page)) expect(inked).toBeGreaterThan(300);

    const [track] = await chartPoints(page, '[data-chart="track-map"]');
    expect(track).toBeGreaterThan(200);
    const sectors = page.getByRole('table', { name: 'Sector times and deltas' });
    await expect.poll(() => sectors.locator('tbody tr').count()).toBe(3);
    expect(await sectors.locator('tbody tr').first().innerText()).toContain(top3[0]!.driver!);

    // One cursor: hovering the speed trace moves the dot on the track map and the read-out.
    const speed = page.locator('[data-telemetry-stack] [data-chart="uplot"]').first();
    const box = (await speed.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
    await page.waitForSelector('[data-chart="track-map"] [data-cursor]');
    await expect.poll(() => page.locator('[data-telemetry-stack]').innerText()).toMatch(/\d+ m/);
    await shot(page, 'session-2025-20-Q-telemetry');

    // Zoom: the window shrinks on every chart at once, and "Whole lap" restores it.
    const range = page.locator('[data-x-range]');
    const whole = await range.innerText();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => range.innerText()).not.toBe(whole);
    await page.getByRole('button', { name: 'Pan towards the finish line' }).click();
    await page.getByRole('button', { name: 'Whole lap' }).click();
    await expect.poll(() => range.innerText()).toBe(whole);

    // The same from the keyboard: arrows walk the cursor along the lap, + zooms, 0 restores.
    const chart = page.getByLabel(/Telemetry chart: arrow keys/);
    await chart.focus();
    const readAt = async () => Number(/(\d+) m/.exec(await stack.innerText())?.[1]);
    await chart.press('ArrowRight');
    await expect.poll(readAt).toBeGreaterThan(0);
    const before = await readAt();
    await chart.press('Shift+ArrowRight');
    await expect.poll(readAt).toBeGreaterThan(before);
    await chart.press('+');
    await expect.poll(() => range.innerText()).not.toBe(whole);
    await chart.press('0');
    await expect.poll(() => range.innerText()).toBe(whole);

    // Fastest-by-mini-sector colouring, kept in the URL.
    await page.getByRole('radio', { name: 'Fastest' }).click();
    await expect.poll(() => page.url()).toContain('map=fastest');
    await shot(page, 'session-2025-20-Q-track-fastest');
    await page.close();
  });

  it('compares two drivers chosen in the URL, and lap picks from the laps table go to the URL', async () => {
    const laps = (await api<{ items: Lap[] }>(`/api/v1${S}/laps`)).items;
    const drivers = [...new Set(laps.map((l) => l.driver!))].slice(0, 2);
    const page = await open(`${S}?laps=${drivers.map((d) => `${d}:fastest`).join(',')}`);
    await page.waitForSelector('[data-telemetry-stack][data-laps="2"]');
    await chartPoints(page, '[data-telemetry-stack] [data-chart="uplot"]');
    const rows = page.getByRole('table', { name: 'Sector times and deltas' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    for (const d of drivers) expect(await page.getByRole('table', { name: 'Sector times and deltas' }).innerText()).toContain(d);
    await shot(page, 'session-2025-20-Q-compare-two');

    await page.goto(`${web}${S}?view=laps&laps=`, { waitUntil: 'networkidle' });
    const table = page.getByRole('table', { name: 'Laps' });
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(100);
    // Filter to one driver, tick a timed lap: it becomes part of the comparison in the URL.
    const d = drivers[0]!;
    await page.getByRole('group', { name: 'Filter laps by driver' }).getByRole('button', { name: d, exact: true }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(laps.filter((l) => l.driver === d).length);
    const timed = laps.find((l) => l.driver === d && l.lapTime !== null)!;
    await page.getByRole('checkbox', { name: `Compare ${d} lap ${timed.lapNumber}` }).click();
    await expect.poll(() => decodeURIComponent(page.url())).toContain(`${d}:${timed.lapNumber}`);
    await shot(page, 'session-2025-20-Q-laps');
    await page.close();
  });

  it('the session picker moves to another session of the weekend (not loaded: offered for loading)', async () => {
    const page = await open(S);
    await page.getByLabel('Choose a session of this weekend').selectOption('R');
    await page.waitForURL(/\/sessions\/2025\/20\/R$/);
    await page.getByText('Session not loaded').waitFor();
    await page.close();
  });

  it('weather: temperatures, humidity, wind and lap times on one time axis', async () => {
    const weather = await api<{ time: number[] }>(`/api/v1${S}/weather`);
    const page = await open(`${S}?view=weather`);
    const points = await chartPoints(page, '[data-chart="uplot"]');
    expect(points).toHaveLength(4);
    expect(points[0]).toBe(2 * weather.time.length); // track + air temperature
    await shot(page, 'session-2025-20-Q-weather');
    await page.close();
  });
});

describe('strategy: Baku 2018 race', () => {
  const S = '/sessions/2018/4/R';

  it('draws every stint, the gaps to the leader, the degradation fits and the pit stops', async () => {
    const stints = (await api<{ items: unknown[] }>(`/api/v1${S}/stints`)).items;
    const pits = (await api<{ items: unknown[] }>(`/api/v1${S}/pitstops`)).items;
    const page = await open(`${S}?view=strategy`);
    const [drawn] = await chartPoints(page, '[data-chart="stints"]');
    expect(drawn).toBe(stints.length);
    const gaps = (await api<{ items: { gapToLeader: number | null }[] }>(`/api/v1${S}/gaps`)).items;
    const [gapPoints, deg] = await chartPoints(page, '[data-chart="uplot"]');
    expect(gapPoints).toBeGreaterThan(8 * 30); // eight drivers by default, most of the 51 laps
    expect(gapPoints).toBeLessThanOrEqual(gaps.filter((g) => g.gapToLeader !== null).length);
    expect(deg).toBeGreaterThan(20);
    await expect.poll(() => page.getByRole('table', { name: 'Pit stops' }).locator('tbody tr').count()).toBe(pits.length);
    await shot(page, 'session-2018-4-R-strategy');
    // No car telemetry for this race in the archive: said so, not an error.
    await page.goto(`${web}${S}?view=telemetry`, { waitUntil: 'networkidle' });
    await page.getByText('No car telemetry in the archive for this session').waitFor();
    await page.close();
  });
});

describe('loading a session from the page', () => {
  it('offers to load Shanghai 2024 sprint qualifying and shows the job until the laps appear', async () => {
    expect(adminToken, 'the harness sets APEX_ADMIN_TOKEN').not.toBe('');
    const page = await open('/races/2024/5');
    await page.getByRole('navigation', { name: 'Sessions' }).getByRole('link', { name: 'Sprint Qualifying' }).click();
    await page.waitForURL(/\/sessions\/2024\/5\/SQ$/);
    await page.getByText('Session not loaded').waitFor();
    await shot(page, 'session-2024-5-SQ-not-loaded');
    await page.getByLabel('Admin token (APEX_ADMIN_TOKEN)').fill(adminToken);
    await page.getByRole('button', { name: 'Load' }).click();
    await page.getByRole('table', { name: 'Laps' }).waitFor({ timeout: 90_000 });
    const info = await api<{ status: { state: string } }>('/api/v1/sessions/2024/5/SQ');
    expect(info.status.state).toBe('loaded');
    await shot(page, 'session-2024-5-SQ-loaded');
    await page.close();
  });

  it('a wrong token is refused with a clear message', async () => {
    const page = await open('/sessions/2023/4/SQ');
    await page.getByLabel('Admin token (APEX_ADMIN_TOKEN)').fill('not-the-token');
    await page.getByRole('button', { name: 'Load' }).click();
    await page.getByText('Could not start the load').waitFor();
    await page.close();
  });
});

describe('sessions: phone and errors', () => {
  it('the telemetry page fits a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(`${web}/sessions/2025/20/Q`, { waitUntil: 'networkidle' });
    await chartPoints(page, '[data-telemetry-stack] [data-chart="uplot"]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await shot(page, 'phone-session-2025-20-Q');
    await phone.close();
  });

  it('no uncaught errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
