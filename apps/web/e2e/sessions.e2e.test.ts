// The session pages in Chromium against the production build and the real API: Mexico City 2025
// qualifying (full telemetry) and Baku 2018 (a race) were loaded by the harness; Shanghai 2024 sprint
// qualifying is loaded from the page itself with the admin token, watching the job's progress.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chartPoints, colouredPixelsPerBand, useBrowser, shot, shots } from './helpers';

const web = inject('webUrl');
const adminToken = inject('adminToken');
const { open, api, pageErrors, openPhone } = useBrowser(web, { width: 1440, height: 1100 });

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

  it('colours the track by one lap\'s brake, throttle and speed from the API\'s telemetry, and by another lap on request', async () => {
    const laps = (await api<{ items: Lap[] }>(`/api/v1${S}/laps`)).items;
    const drivers = [...new Set(laps.map((l) => l.driver!))].slice(0, 2);
    const picks = drivers.map((d) => `${d}:fastest`).join(',');
    const compare = await api<Compare & { reference: number }>(`/api/v1${S}/compare?laps=${picks}`);
    const label = (i: number) => `${compare.laps[i]!.driver} L${compare.laps[i]!.lapNumber}`;
    // What the API says, over the lap's distance: the share with the brake on, the mean throttle.
    const overDistance = (values: (number | null)[], f: (v: number) => number) => {
      let sum = 0, total = 0;
      for (let j = 0; j + 1 < compare.distance.length; j++) {
        const v = values[j];
        if (v === null || v === undefined) continue;
        const dd = compare.distance[j + 1]! - compare.distance[j]!;
        sum += f(v) * dd;
        total += dd;
      }
      return sum / total;
    };
    // What the map shows, over the outline's drawn length: each run's colour weighted by its length.
    const drawn = (page: Page) => page.locator('[data-chart="track-map"] polyline[stroke]').evaluateAll((lines) =>
      lines.slice(1).map((l) => {
        const pts = (l.getAttribute('points') ?? '').trim().split(' ').map((p) => p.split(',').map(Number) as [number, number]);
        let length = 0;
        for (let k = 1; k < pts.length; k++) length += Math.hypot(pts[k]![0] - pts[k - 1]![0], pts[k]![1] - pts[k - 1]![1]);
        return { colour: l.getAttribute('stroke')!, length };
      }));
    const weighted = (runs: { colour: string; length: number }[], f: (colour: string) => number) =>
      runs.reduce((n, r) => n + f(r.colour) * r.length, 0) / runs.reduce((n, r) => n + r.length, 0);

    const page = await open(`${S}?laps=${picks}&map=brake`);
    const map = page.locator('[data-chart="track-map"][data-mode="brake"]');
    await expect.poll(() => map.getAttribute('aria-label')).toBe(`Track map coloured by brake of ${label(compare.reference)}`);
    await chartPoints(page, '[data-chart="track-map"]');
    const brakeShare = overDistance(compare.channels.brake![compare.reference]!, (v) => (v >= 0.5 ? 1 : 0));
    expect(brakeShare).toBeGreaterThan(0.05); // a real lap brakes somewhere …
    expect(brakeShare).toBeLessThan(0.4); // … and mostly does not
    await expect.poll(async () => weighted(await drawn(page), (c) => (c === '#ef4444' ? 1 : 0))).toBeCloseTo(brakeShare, 1);
    await page.locator('[data-chart="track-map"]').screenshot({ path: `${shots}/session-2025-20-Q-track-brake-map.png` });
    await shot(page, 'session-2025-20-Q-track-brake');

    // Throttle, from the toggle: the mean of the drawn bands is the lap's mean throttle (bands are 10 % wide).
    await page.getByRole('radio', { name: 'Throttle' }).click();
    await expect.poll(() => page.url()).toContain('map=throttle');
    await page.waitForSelector('[data-chart="track-map"][data-mode="throttle"]');
    const meanThrottle = overDistance(compare.channels.throttle![compare.reference]!, (v) => Math.min(100, Math.max(0, v)));
    const band = (c: string) => Number(/^hsl\((\d+) /.exec(c)?.[1] ?? NaN) / 1.2; // hue 0…120 ↔ 0…100 %
    await expect.poll(async () => Math.abs(weighted(await drawn(page), band) - meanThrottle)).toBeLessThan(3);
    await page.locator('[data-chart="track-map"]').screenshot({ path: `${shots}/session-2025-20-Q-track-throttle-map.png` });

    // The other lap's throttle: picked below the map, kept in the URL.
    const other = 1 - compare.reference;
    await page.getByRole('group', { name: 'Lap whose throttle colours the track' }).getByRole('button', { name: label(other) }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('maplap')).toBe(`${compare.laps[other]!.driver}:${compare.laps[other]!.lapNumber}`);
    await expect.poll(() => page.locator('[data-chart="track-map"]').getAttribute('aria-label')).toBe(`Track map coloured by throttle of ${label(other)}`);
    const otherThrottle = overDistance(compare.channels.throttle![other]!, (v) => Math.min(100, Math.max(0, v)));
    await expect.poll(async () => Math.abs(weighted(await drawn(page), band) - otherThrottle)).toBeLessThan(3);

    // Speed follows the same chosen lap; without a comparison lap it would be the outline's own.
    await page.getByRole('radio', { name: 'Speed' }).click();
    await expect.poll(() => page.locator('[data-chart="track-map"]').getAttribute('aria-label')).toBe(`Track map coloured by speed of ${label(other)}`);
    await page.getByRole('group', { name: 'Lap whose speed colours the track' }).getByRole('button', { name: label(compare.reference) }).click();
    await expect.poll(() => page.locator('[data-chart="track-map"]').getAttribute('aria-label')).toBe(`Track map coloured by speed of ${label(compare.reference)}`);
    await expect.poll(() => new URL(page.url()).searchParams.get('maplap')).toBeNull();
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

  it('draws every stint, the gaps to the leader, the API\'s degradation and the pit stops', async () => {
    const stints = (await api<{ items: unknown[] }>(`/api/v1${S}/stints`)).items;
    const pits = (await api<{ items: unknown[] }>(`/api/v1${S}/pitstops`)).items;
    const pick = ['HAM', 'VET', 'BOT'];
    const deg = await api<{ stints: { driver: string; points: [number, number][]; tyreLifeFrom: number; tyreLifeTo: number }[]; compounds: { compound: string }[] }>(`/api/v1${S}/analytics/degradation`);
    const page = await open(`${S}?view=strategy&deg=${pick.join(',')}`);
    const [drawn] = await chartPoints(page, '[data-chart="stints"]');
    expect(drawn).toBe(stints.length);
    const gaps = (await api<{ items: { gapToLeader: number | null }[] }>(`/api/v1${S}/gaps`)).items;
    const [gapPoints, degPoints] = await chartPoints(page, '[data-chart="uplot"]');
    expect(gapPoints).toBeGreaterThan(8 * 30); // eight drivers by default, most of the 51 laps
    expect(gapPoints).toBeLessThanOrEqual(gaps.filter((g) => g.gapToLeader !== null).length);
    // Degradation is the analytics endpoint's, not fitted in the browser: each picked stint's
    // corrected laps, plus its fitted line at every tyre age of the chart within the stint's range.
    const mine = deg.stints.filter((s) => pick.includes(s.driver));
    expect(mine.length).toBeGreaterThanOrEqual(pick.length);
    const ages = new Set(mine.flatMap((s) => s.points.map(([a]) => a)));
    const expected = mine.reduce((n, s) => n + s.points.length + [...ages].filter((a) => a >= s.tyreLifeFrom && a <= s.tyreLifeTo).length, 0);
    expect(degPoints).toBe(expected);
    const compounds = page.getByRole('table', { name: 'Degradation per compound' }).locator('tbody tr');
    await expect.poll(() => compounds.count()).toBe(deg.compounds.length);
    await expect.poll(() => page.getByRole('table', { name: 'Pit stops' }).locator('tbody tr').count()).toBe(pits.length);
    await shot(page, 'session-2018-4-R-strategy');
    // No car telemetry for this race in the archive: said so, not an error.
    await page.goto(`${web}${S}?view=telemetry`, { waitUntil: 'networkidle' });
    await page.getByText('No car telemetry in the archive for this session').waitFor();
    await page.close();
  });
});

describe('race control: Baku 2018 race', () => {
  const S = '/sessions/2018/4/R';
  interface Message {
    category: string | null;
    flag: string | null;
    message: string | null;
    racingNumber: string | null;
  }
  const messages = () => api<{ items: Message[] }>(`/api/v1${S}/race-control`).then((r) => r.items);
  const rows = (page: Page) => page.getByRole('list', { name: 'Race control messages' }).getByRole('listitem');

  it('shows the safety-car periods on the track-status timeline and every race-control message', async () => {
    const changes = (await api<{ items: { time: number; status: string }[] }>(`/api/v1${S}/track-status`)).items;
    // Safety-car periods, counted independently from the API's changes.
    const deployments = changes.filter((c, i) => c.status === '4' && changes[i - 1]?.status !== '4').length;
    expect(deployments).toBeGreaterThan(0);
    const all = await messages();

    const page = await open(`${S}?view=race-control`);
    await chartPoints(page, '[data-chart="track-status"]');
    const timeline = page.locator('[data-chart="track-status"]');
    expect(await timeline.locator('[data-status="4"]').count()).toBe(deployments);
    expect(await timeline.locator('[data-status="1"]').count()).toBeGreaterThan(deployments);
    const sc = page.getByRole('list', { name: 'Track status incidents' }).locator('[data-status="4"]');
    await expect.poll(() => sc.count()).toBe(deployments);
    expect(await sc.first().innerText()).toMatch(/Safety car[\s\S]*laps? \d+/);
    // The leader's laps run along the top (51 laps in Baku).
    expect(await timeline.innerText()).toMatch(/Lap 1[\s\S]*50/);

    await expect.poll(() => rows(page).count()).toBe(all.length);
    await page.getByRole('list', { name: 'Race control messages' }).getByText('SAFETY CAR DEPLOYED').first().waitFor();
    expect(await page.locator('[data-count]').innerText()).toBe(`${all.length} messages`);
    await shot(page, 'session-2018-4-R-race-control');

    // One category: the safety-car calls only, counted and kept in the URL.
    const safetyCar = all.filter((m) => m.category === 'SafetyCar');
    await page.getByRole('group', { name: 'Filter messages by category' }).getByRole('button', { name: `Safety car (${safetyCar.length})` }).click();
    await expect.poll(() => page.url()).toContain('rck=safety-car');
    await expect.poll(() => rows(page).count()).toBe(safetyCar.length);
    for (const text of await rows(page).allInnerTexts()) expect(text).toContain('SAFETY CAR');
    expect(await page.locator('[data-count]').innerText()).toBe(`${safetyCar.length} of ${all.length} messages`);
    await page.close();
  });

  it('filters by flag and driver from the URL, names drivers by abbreviation, and says when nothing matches', async () => {
    const all = await messages();
    const drivers = (await api<{ items: { driverNumber: string; abbreviation: string }[] }>(`/api/v1${S}/drivers`)).items;
    const eri = drivers.find((d) => d.abbreviation === 'ERI')!;
    const blueEri = all.filter((m) => m.flag === 'BLUE' && (m.racingNumber === eri.driverNumber || (m.message ?? '').includes(`${eri.driverNumber} (ERI)`)));
    expect(blueEri.length).toBeGreaterThan(1);

    const page = await open(`${S}?view=race-control&rcf=blue`);
    await expect.poll(() => rows(page).count()).toBe(all.filter((m) => m.flag === 'BLUE').length);
    await page.getByRole('group', { name: 'Filter messages by driver' }).getByRole('button', { name: 'ERI', exact: true }).click();
    await expect.poll(() => page.url()).toContain('rcd=ERI');
    await expect.poll(() => rows(page).count()).toBe(blueEri.length);
    for (const text of await rows(page).allInnerTexts()) expect(text).toMatch(/ERI[\s\S]*WAVED BLUE FLAG FOR CAR 9 \(ERI\)/);
    await shot(page, 'session-2018-4-R-race-control-filtered');

    // The filters survive a reload (they live in the URL).
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => rows(page).count()).toBe(blueEri.length);

    // Penalties name the car only in the text: the driver filter still finds them.
    await page.goto(`${web}${S}?view=race-control&rck=stewards&rcd=ERI`, { waitUntil: 'networkidle' });
    await page.getByRole('list', { name: 'Race control messages' }).getByText('10 SECOND TIME PENALTY FOR CAR 9 (ERI)', { exact: false }).waitFor();

    await page.goto(`${web}${S}?view=race-control&rck=drs&rcd=ERI`, { waitUntil: 'networkidle' });
    await page.getByText('No message matches these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(() => rows(page).count()).toBe(all.length);
    expect(page.url()).not.toMatch(/rc[kfd]=/);
    await page.close();
  });

  it('fits a phone', async () => {
    const phone = await openPhone();
    const page = await phone.newPage();
    page.on('pageerror', (e) => pageErrors.push(`phone race control: ${e.message}`));
    await page.goto(`${web}${S}?view=race-control&rck=safety-car,stewards`, { waitUntil: 'networkidle' });
    await chartPoints(page, '[data-chart="track-status"]');
    await expect.poll(() => rows(page).count()).toBeGreaterThan(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await shot(page, 'phone-session-2018-4-R-race-control');
    await phone.close();
  });
});

describe('race control: Mexico City 2025 qualifying', () => {
  it('shows the yellow before the session and the deleted lap times with their drivers', async () => {
    const S = '/sessions/2025/20/Q';
    const all = (await api<{ items: { message: string | null }[] }>(`/api/v1${S}/race-control`)).items;
    const deleted = all.filter((m) => /DELETED/.test(m.message ?? ''));
    expect(deleted.length).toBeGreaterThan(0);
    const page = await open(`${S}?view=race-control&rck=lap-deleted`);
    await chartPoints(page, '[data-chart="track-status"]');
    expect(await page.locator('[data-chart="track-status"] [data-status="2"]').count()).toBeGreaterThan(0);
    const list = page.getByRole('list', { name: 'Race control messages' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(deleted.length);
    for (const m of deleted) {
      const tla = /CAR \d+ \((\w{3})\)/.exec(m.message!)![1]!;
      expect(await list.getByRole('listitem').filter({ hasText: m.message!.trim() }).innerText()).toContain(tla);
    }
    await shot(page, 'session-2025-20-Q-race-control');
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
    const phone = await openPhone();
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
