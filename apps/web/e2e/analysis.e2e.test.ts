// The Analysis tab and the season heatmap in Chromium against the production build and the real
// API (Baku 2018 race loaded by the harness): every figure on the page is the API's, every chart
// holds the API's points.
import { describe, expect, inject, it } from 'vitest';
import { chartPoints, inkedCanvases, useBrowser, shot } from './helpers';

const web = inject('webUrl');
const { open, api, pageErrors, openPhone } = useBrowser(web, { width: 1440, height: 1100 });

interface Pace {
  items: { driver: string | null; driverNumber: string; laps: unknown[] }[];
  parameters: { fuel: { effectSource: string } };
}
interface Heat {
  rows: { cells: (object | null)[] }[];
}
interface Overtakes {
  perLap: { onTrack: number; pitCycle: number }[];
}

const S = '/sessions/2018/4/R';

describe('analysis: Baku 2018 race', () => {
  it('pace ranking, fuel method, scatter, degradation, overtakes, racecraft and heatmap are the API’s', async () => {
    const [pace, heat, overtakes] = await Promise.all([
      api<Pace>(`/api/v1${S}/analytics/pace`),
      api<Heat>(`/api/v1${S}/analytics/heatmap`),
      api<Overtakes>(`/api/v1${S}/analytics/overtakes`),
    ]);
    const page = await open(`${S}?view=analysis`);
    await page.waitForSelector('[data-panel="analysis"] [data-chart="pace"]');
    const ranking = page.getByRole('list', { name: 'Pace ranking' });
    const names = await ranking.locator('li span.font-semibold').allInnerTexts();
    expect(names).toEqual(pace.items.map((r) => r.driver ?? r.driverNumber));
    await expect.poll(() => page.locator(`[data-fuel-source="${pace.parameters.fuel.effectSource}"]`).count()).toBe(1);

    // Scatter: the default three drivers' clean laps, every one of them drawn.
    const top3 = pace.items.slice(0, 3);
    const uplots = await chartPoints(page, '[data-panel="analysis"] [data-chart="uplot"]');
    expect(uplots[0]).toBe(top3.reduce((n, r) => n + r.laps.length, 0));
    expect(uplots.length).toBeGreaterThanOrEqual(3); // scatter, degradation, overtakes
    const overtakeValues = overtakes.perLap.length * 2;
    expect(uplots).toContain(overtakeValues);
    for (const inked of await inkedCanvases(page, '[data-panel="analysis"] [data-chart="uplot"] canvas')) expect(inked).toBeGreaterThan(100);

    // Heatmap: one cell per lap the API has.
    const [cells] = await chartPoints(page, '[data-chart="heatmap"]');
    expect(cells).toBe(heat.rows.reduce((n, r) => n + r.cells.filter((c) => c !== null).length, 0));

    // Racecraft: a column per analysed driver.
    const racecraft = page.getByRole('table', { name: 'Racecraft comparison' });
    await expect.poll(() => racecraft.locator('thead th').count()).toBe(4);
    await shot(page, 'session-2018-4-R-analysis');
  });

  it('the drivers picked are kept in the URL and drive the scatter and racecraft', async () => {
    const pace = await api<Pace>(`/api/v1${S}/analytics/pace`);
    const pick = ['VER', 'RIC'];
    const page = await open(`${S}?view=analysis&ad=${pick.join(',')}`);
    const [scatter] = await chartPoints(page, '[data-panel="analysis"] [data-chart="uplot"]');
    expect(scatter).toBe(pace.items.filter((r) => pick.includes(r.driver!)).reduce((n, r) => n + r.laps.length, 0));
    const racecraft = page.getByRole('table', { name: 'Racecraft comparison' });
    await expect.poll(() => racecraft.locator('thead th').allInnerTexts()).toEqual(['', ...pick]);
    await page.getByRole('button', { name: /^LEC/ }).first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('ad')).toBe('VER,RIC,LEC');
  });

  it('phone layout', async () => {
    const phone = await openPhone();
    const page = await phone.newPage();
    await page.goto(`${web}${S}?view=analysis`, { waitUntil: 'networkidle' });
    await chartPoints(page, '[data-chart="heatmap"]');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(page, 'phone-session-2018-4-R-analysis');
    await phone.close();
  });
});

describe('season heatmap', () => {
  it('every result of the season in its cell', async () => {
    const year = 2023;
    const h = await api<{ drivers: { cells: (object | null)[] }[] }>(`/api/v1/seasons/${year}/heatmap`);
    const page = await open(`/seasons/${year}`);
    const [cells] = await chartPoints(page, '[data-chart="season-heatmap"]');
    expect(cells).toBe(h.drivers.reduce((n, d) => n + d.cells.filter((c) => c !== null).length, 0));
    expect(cells).toBeGreaterThan(100);
    await shot(page, `season-${year}-heatmap`);
  });

  it('no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
