// Every page of the production build, in Chromium, against the real API on the imported Jolpica
// dump. Expected values come from the API itself (through the web app's own origin), so the test
// checks that what the page shows is what the data says. Screenshots land in test-output/e2e/.
import { describe, expect, inject, it } from 'vitest';
import { chartPoints, inkedCanvases, useBrowser, shot } from './helpers';

const web = inject('webUrl');
const { open, api, pageErrors, context, openPhone } = useBrowser(web, { width: 1440, height: 1000 });

interface SeasonJson {
  year: number;
  races: { round: number; name: string; winner: { driver: { id: string; code: string; familyName: string } } | null }[];
  standings: { round: number; drivers: { driver: { id: string; familyName: string }; points: number }[] } | null;
}
interface RaceSummaryJson {
  season: number;
  round: number;
  name: string;
  winner: { driver: { id: string; familyName: string } } | null;
}
interface SeasonSummaryJson {
  year: number;
  rounds: number;
  roundsWithResults: number;
  state: string;
  driverChampion: { familyName: string } | null;
  constructorChampion: { name: string } | null;
}
interface RaceJson {
  name: string;
  results: { driver: { id: string; familyName: string }; positionText: string }[];
  qualifying: unknown[];
  sprint: unknown[];
  laps: { driverId: string; lap: number }[];
  pitStops: unknown[];
}

describe('history pages', () => {
  it('home: latest and next race by date as the API places them, standings of the latest results, the search box', async () => {
    const page = await open('/');
    const title = page.getByRole('heading', { level: 1 });
    await expect.poll(() => title.count()).toBe(1);
    expect((await title.innerText()).replace(/\s+/g, '').toUpperCase()).toBe('APEXDATA');
    const today = await api<{ latestRace: RaceSummaryJson | null; latestResults: RaceSummaryJson | null; nextRace: RaceSummaryJson | null }>('/api/v1/today');
    const latest = today.latestRace!;
    const latestCard = page.locator('[data-slot="card"]', { hasText: 'Latest race' });
    const latestText = (await latestCard.innerText()).toUpperCase();
    expect(latestText).toContain(`${latest.season} ${latest.name}`.toUpperCase());
    if (latest.winner) expect(latestText).toContain(latest.winner.driver.familyName.toUpperCase());
    else expect(await latestCard.locator('[data-state="results-missing"]').innerText()).toContain('Results not loaded yet');
    const nextCard = page.locator('[data-slot="card"]', { hasText: 'Next race' });
    if (today.nextRace) expect((await nextCard.innerText()).toUpperCase()).toContain(today.nextRace.name.toUpperCase());
    else expect(await nextCard.innerText()).toContain('No race on the calendar after today');
    const resultsYear = today.latestResults!.season;
    const standings = await api<NonNullable<SeasonJson['standings']>>(`/api/v1/standings/${resultsYear}`);
    const leader = standings.drivers[0]!.driver;
    const table = page.getByRole('table', { name: 'Drivers’ championship' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(Math.min(10, standings.drivers.length));
    expect((await table.locator('tbody tr').first().innerText()).toUpperCase()).toContain(leader.familyName.toUpperCase());
    // the data's sources are credited with their licences
    const footer = page.locator('footer');
    expect(await footer.getByRole('link', { name: 'F1DB' }).getAttribute('href')).toBe('https://github.com/f1db/f1db');
    expect(await footer.innerText()).toMatch(/CC BY 4\.0[\s\S]*Jolpica[\s\S]*CC BY-NC-SA 4\.0/);
    await shot(page, 'home');

    // Search: a driver by name, then keyboard selection navigates to the profile.
    const box = page.getByRole('combobox');
    await box.fill('hamilton');
    const option = page.getByRole('option', { name: /Lewis Hamilton/ });
    await option.waitFor();
    await shot(page, 'home-search');
    // Walk the list with the arrow keys to Lewis Hamilton (other Hamiltons raced too), then Enter.
    const options = await page.getByRole('option').allInnerTexts();
    const target = options.findIndex((o) => o.includes('Lewis Hamilton'));
    for (let i = 0; i < target; i++) await box.press('ArrowDown');
    await expect.poll(() => page.locator('[role="option"][aria-selected="true"]').innerText()).toContain('Lewis Hamilton');
    await box.press('Enter');
    await page.waitForURL(/\/drivers\/hamilton$/);

    // Search: a season and race by year + place.
    await page.goto(`${web}/`);
    await page.getByRole('combobox').fill(`${resultsYear} monaco`);
    await page.getByRole('option', { name: new RegExp(`${resultsYear} Monaco Grand Prix`) }).waitFor();
    await page.close();
  });

  it('seasons: every season listed, champions where decided, how far the rest has got', async () => {
    const page = await open('/seasons');
    const list = await api<{ items: SeasonSummaryJson[]; total: number }>('/api/v1/seasons?limit=100');
    await expect.poll(() => page.locator('a[href^="/seasons/"]').count()).toBeGreaterThanOrEqual(list.total);
    for (const s of list.items) expect(await page.locator(`a[href="/seasons/${s.year}"]`).getAttribute('data-state'), String(s.year)).toBe(s.state);
    const decided = list.items.filter((s) => s.state === 'complete').at(-1)!;
    const card = await page.locator(`a[href="/seasons/${decided.year}"]`).innerText();
    expect(card.toUpperCase()).toContain(decided.driverChampion!.familyName.toUpperCase());
    expect(card).toContain(decided.constructorChampion!.name);
    expect(card).toContain(`${decided.rounds} rounds`);
    const missing = list.items.find((s) => s.state === 'results_missing');
    if (missing) {
      const text = await page.locator(`a[href="/seasons/${missing.year}"]`).innerText();
      expect(text).toContain('Results incomplete');
      expect(text).toContain(`Results for ${missing.roundsWithResults} of ${missing.rounds} rounds`);
    }
    await shot(page, 'seasons');
    await page.close();
  });

  it('season 2023: calendar with winners, standings and the points progression chart', async () => {
    const page = await open('/seasons/2023');
    const season = await api<SeasonJson>('/api/v1/seasons/2023');
    const cal = page.getByRole('table', { name: '2023 calendar' });
    await expect.poll(() => cal.locator('tbody tr').count()).toBe(season.races.length);
    expect(await cal.locator('tbody tr').first().innerText()).toContain(season.races[0]!.winner!.driver.code);
    const standings = page.getByRole('table', { name: 'Drivers’ championship' });
    expect((await standings.locator('tbody tr').first().innerText()).toUpperCase()).toContain(season.standings!.drivers[0]!.driver.familyName.toUpperCase());
    // 10 drivers × rounds run, minus entries before a driver's first round.
    const [points] = await chartPoints(page, '[data-chart="uplot"]');
    const rounds = season.races.filter((r) => r.winner).length;
    expect(points).toBeGreaterThan(rounds * 8);
    expect(points).toBeLessThanOrEqual(rounds * 10);
    expect((await inkedCanvases(page))[0]).toBeGreaterThan(1000);
    await shot(page, 'season-2023');
    // Shareable selection: constructors standings from the URL.
    await page.goto(`${web}/seasons/2023?standings=constructors`, { waitUntil: 'networkidle' });
    await page.getByRole('table', { name: 'Constructors’ championship' }).waitFor();
    await page.close();
  });

  it('race 2023/1: results, qualifying, grid vs finish, lap charts and pit stops', async () => {
    const race = await api<RaceJson>('/api/v1/races/2023/1');
    expect(race.laps.length).toBeGreaterThan(1000);
    const page = await open('/races/2023/1');
    await expect.poll(() => page.getByRole('table', { name: `${race.name} results` }).locator('tbody tr').count()).toBe(race.results.length);
    await shot(page, 'race-2023-1-results');

    await page.getByRole('tab', { name: 'qualifying' }).click();
    await expect.poll(() => page.getByRole('table', { name: `${race.name} qualifying` }).locator('tbody tr').count()).toBe(race.qualifying.length);
    expect(page.url()).toContain('tab=qualifying');
    await shot(page, 'race-2023-1-qualifying');

    await page.getByRole('tab', { name: 'Grid vs finish' }).click();
    const [grid] = await chartPoints(page, '[data-chart="grid-finish"]');
    expect(grid).toBe(race.results.filter((r) => r.positionText !== 'W').length);
    await shot(page, 'race-2023-1-grid');

    await page.getByRole('tab', { name: 'Lap charts' }).click();
    const [positions, times] = await chartPoints(page, '[data-chart="uplot"]');
    // The lap chart holds every lap of every driver (plus the grid on lap 0).
    expect(positions).toBe(race.laps.length + new Set(race.laps.map((l) => l.driverId)).size);
    expect(times).toBeGreaterThan(100);
    for (const inked of await inkedCanvases(page)) expect(inked).toBeGreaterThan(1000);
    await shot(page, 'race-2023-1-laps');

    // Choosing two drivers narrows both charts, and the choice lives in the URL.
    const [a, b] = race.results.slice(0, 2).map((r) => r.driver.id);
    await page.goto(`${web}/races/2023/1?tab=laps&drivers=${a},${b}`, { waitUntil: 'networkidle' });
    const [p2, t2] = await chartPoints(page, '[data-chart="uplot"]');
    expect(p2).toBe(race.laps.filter((l) => l.driverId === a || l.driverId === b).length + 2);
    expect(t2).toBeLessThan(times!);
    await shot(page, 'race-2023-1-laps-two-drivers');

    await page.getByRole('tab', { name: 'Pit stops' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Pit stops' }).locator('tbody tr').count()).toBe(race.pitStops.length);
    await shot(page, 'race-2023-1-pits');
    await page.close();
  });

  it('race 2023/4: sprint weekend', async () => {
    const race = await api<RaceJson & { sprintQualifying?: unknown[] }>('/api/v1/races/2023/4');
    expect(race.sprint.length).toBeGreaterThan(0);
    const page = await open('/races/2023/4?tab=sprint');
    await expect.poll(() => page.getByRole('table', { name: `${race.name} sprint results` }).locator('tbody tr').count()).toBe(race.sprint.length);
    await shot(page, 'race-2023-4-sprint');
    await page.close();
  });

  it('drivers: search typed into the URL, and a profile with results over time', async () => {
    // The first HTML already holds the rows: the server prefetches with the browser's own query.
    expect(await (await fetch(`${web}/drivers?q=hamil`)).text()).toContain('href="/drivers/hamilton"');
    const page = await open('/drivers?q=hamil');
    await page.getByRole('table', { name: 'Drivers' }).getByRole('link', { name: /Hamilton/ }).first().waitFor();
    await shot(page, 'drivers-search');
    // Typing a search: the URL follows (shareable) and the header counts the matches.
    await page.goto(`${web}/drivers`, { waitUntil: 'networkidle' });
    const found = await api<{ total: number }>('/api/v1/drivers?search=verstappen&limit=1');
    expect(found.total).toBeGreaterThan(0);
    await page.getByLabel('Search drivers').fill('verstappen');
    await page.waitForURL(/\/drivers\?q=verstappen$/);
    await page.getByText(`${found.total} drivers matching “verstappen”`).waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'Drivers' }).locator('tbody tr').count()).toBe(found.total);

    const profile = await api<{ results: unknown[]; seasons: unknown[] }>('/api/v1/drivers/hamilton');
    await page.goto(`${web}/drivers/hamilton`, { waitUntil: 'networkidle' });
    const [points] = await chartPoints(page, '[data-chart="uplot"]');
    expect(points).toBeGreaterThanOrEqual(profile.results.length);
    await expect.poll(() => page.getByRole('table', { name: 'Seasons' }).locator('tbody tr').count()).toBe(profile.seasons.length);
    await shot(page, 'driver-hamilton');
    await page.close();
  });

  it('constructors: paged list with totals, the page in the URL, and a profile', async () => {
    const page = await open('/constructors');
    const list = await api<{ total: number }>('/api/v1/constructors?limit=1');
    const table = page.getByRole('table', { name: 'Constructors' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(Math.min(50, list.total));
    await shot(page, 'constructors');
    // Paging by keyboard: the URL carries the page, and opening that URL shows the same page.
    expect(list.total).toBeGreaterThan(50);
    const pages = Math.ceil(list.total / 50);
    const pager = page.getByRole('navigation', { name: 'Pages' });
    await pager.getByText(`Page 1 of ${pages} · ${list.total} total`).waitFor();
    await pager.getByRole('button', { name: 'Next page' }).press('Enter');
    await page.waitForURL(/\/constructors\?page=2$/);
    await pager.getByText(`Page 2 of ${pages} · ${list.total} total`).waitFor();
    const second = await api<{ items: { id: string; name: string }[] }>('/api/v1/constructors?limit=50&offset=50');
    await expect.poll(() => table.locator('tbody tr').first().innerText()).toContain(second.items[0]!.name);
    expect(await (await fetch(`${web}/constructors?page=2`)).text()).toContain(`href="/constructors/${second.items[0]!.id}"`);

    const ferrari = await api<{ seasons: { position: number | null }[] }>('/api/v1/constructors/ferrari');
    await page.goto(`${web}/constructors/ferrari`, { waitUntil: 'networkidle' });
    const [points] = await chartPoints(page, '[data-chart="uplot"]');
    expect(points).toBe(ferrari.seasons.filter((s) => s.position !== null).length);
    await expect.poll(() => page.getByRole('table', { name: 'Seasons' }).locator('tbody tr').count()).toBe(ferrari.seasons.length);
    await shot(page, 'constructor-ferrari');
    await page.close();
  });

  it('circuits: list, a search that finds nothing, and a circuit with its races', async () => {
    const page = await open('/circuits?q=monaco');
    await page.getByRole('table', { name: 'Circuits' }).getByRole('link', { name: /Monaco/ }).first().waitFor();
    await shot(page, 'circuits');
    await page.goto(`${web}/circuits?q=no_such_track_anywhere`, { waitUntil: 'networkidle' });
    await page.locator('[data-state="empty"]').getByText('No circuits found').waitFor();
    expect(await page.getByRole('table', { name: 'Circuits' }).count()).toBe(0);
    const monaco = await api<{ races: unknown[] }>('/api/v1/circuits/monaco');
    await page.goto(`${web}/circuits/monaco`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.getByRole('table', { name: 'Races' }).locator('tbody tr').count()).toBe(monaco.races.length);
    await shot(page, 'circuit-monaco');
    await page.close();
  });

  it('unknown ids answer with the 404 page', async () => {
    for (const p of ['/races/2023/99', '/drivers/nobody_at_all', '/seasons/1900', '/circuits/no_such_track']) {
      const page = await context().newPage();
      const res = await page.goto(web + p);
      expect(res?.status(), p).toBe(404);
      await page.getByText('Off track').waitFor();
      await page.close();
    }
  });
});

describe('phone layout and accessibility basics', () => {
  it('race page fits a 390 px wide screen without sideways scrolling', async () => {
    const phone = await openPhone();
    const page = await phone.newPage();
    for (const p of ['/', '/seasons/2023', '/races/2023/1', '/races/2023/1?tab=laps', '/drivers/hamilton']) {
      await page.goto(web + p, { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, p).toBeLessThanOrEqual(1);
    }
    await page.goto(`${web}/races/2023/1`, { waitUntil: 'networkidle' });
    // The header fits: the brand and the first menu entry do not overlap (on a phone the menu has its
    // own row under the brand) and both are on screen.
    const brand = (await page.getByRole('link', { name: 'ApexData home' }).boundingBox())!;
    const first = (await page.getByRole('navigation', { name: 'Main' }).getByRole('link').first().boundingBox())!;
    expect(first.y >= brand.y + brand.height || first.x >= brand.x + brand.width, JSON.stringify({ brand, first })).toBe(true);
    expect(first.x).toBeGreaterThanOrEqual(0);
    await shot(page, 'phone-race-2023-1');
    await page.goto(`${web}/races/2023/1?tab=laps`, { waitUntil: 'networkidle' });
    await chartPoints(page, '[data-chart="uplot"]');
    await shot(page, 'phone-race-2023-1-laps');
    await phone.close();
  });

  it('drivers, constructors and circuits: lists and profiles fit a phone', async () => {
    const phone = await openPhone();
    const page = await phone.newPage();
    page.on('pageerror', (e) => pageErrors.push(`phone ${page.url()}: ${e.message}`));
    for (const p of ['/drivers', '/drivers/hamilton', '/constructors', '/constructors/ferrari', '/circuits', '/circuits/monaco']) {
      await page.goto(web + p, { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, p).toBeLessThanOrEqual(1);
      if (/^\/(drivers|constructors)\//.test(p)) await chartPoints(page, '[data-chart="uplot"]');
      await shot(page, `phone${p.replace(/\//g, '-')}`);
    }
    // Narrow screens drop the secondary columns of a list; wide ones show them.
    await page.goto(`${web}/drivers`, { waitUntil: 'networkidle' });
    expect(await page.getByRole('columnheader', { name: 'Born' }).isVisible()).toBe(false);
    expect(await page.getByRole('columnheader', { name: 'Code' }).isVisible()).toBe(true);
    await phone.close();
    const wide = await open('/drivers');
    expect(await wide.getByRole('columnheader', { name: 'Born' }).isVisible()).toBe(true);
    await wide.close();
  });

  it('every form control has an accessible name and focus is visible', async () => {
    for (const p of ['/', '/drivers', '/races/2023/1?tab=laps']) {
      const page = await open(p);
      const unnamed = await page.evaluate(() =>
        [...document.querySelectorAll('input, select, button, [role="combobox"], [role="checkbox"]')]
          .filter((el) => {
            const e = el as HTMLElement;
            const labelled = e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || (e.id && document.querySelector(`label[for="${e.id}"]`)) || e.closest('label') || e.textContent?.trim() || e.getAttribute('title');
            return !labelled;
          })
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(unnamed, p).toEqual([]);
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline, `${p} skip link focus`).not.toBe('none');
      await page.close();
    }
  });

  it('no uncaught errors on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
