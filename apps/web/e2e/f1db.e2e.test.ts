// The F1DB history as a user meets it after a first start: the production build in Chromium against
// an API with the F1DB tree and then the Jolpica dump imported (the order `npm start` uses). Every
// value checked on a page comes from the API through the web app's own origin; the API's values are
// checked against F1DB's YAML in apps/server/test/history/v1-f1db.test.ts. Screenshots land in
// test-output/e2e/f1db-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startStack, type Stack } from './harness';
import { PHONE, pageHelpers, shot } from './helpers';
import { circuitTypeLabel, directionLabel, sessionName as sessionLabel } from '../lib/format/f1db';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: Stack | undefined;
let web = process.env.APEX_E2E_F1DB_WEB_URL?.replace(/\/+$/, '') ?? '';
let browser: Browser;
let context: BrowserContext;
let phone: BrowserContext;
const helpers = () => pageHelpers(web, () => context);
let open: ReturnType<typeof helpers>['open'];
let api: ReturnType<typeof helpers>['api'];
let pageErrors: string[];

beforeAll(async () => {
  // While developing: APEX_E2E_F1DB_WEB_URL points at a running stack with F1DB imported.
  if (!web) {
    // the global setup has built the web app already
    stack = await startStack({ f1db: true, sessions: [], build: false });
    web = stack.webUrl;
  }
  ({ open, api, pageErrors } = helpers());
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  phone = await browser.newContext(PHONE);
}, 1_800_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const text = async (page: Page, selector: string) => (await page.locator(selector).innerText()).replace(/\s+/g, ' ');
const name = (d: { givenName: string; familyName: string }) => `${d.givenName} ${d.familyName}`;

describe('F1DB history in the web app', () => {
  it('seasons: every card 1950–2025 has its champions and rounds; 2026 shows results so far', async () => {
    const seasons = (await api<{ items: Json[] }>('/api/v1/seasons?limit=1000')).items;
    const page = await open('/seasons');
    await page.locator('a[data-state]').first().waitFor();
    const cards = new Map(
      await page.locator('a[data-state]').evaluateAll((els) =>
        els.map((e) => [e.getAttribute('href')!, { state: e.getAttribute('data-state')!, text: (e as HTMLElement).innerText.replace(/\s+/g, ' ') }] as const),
      ),
    );
    expect(cards.size).toBe(seasons.length);
    for (const s of seasons) {
      const card = cards.get(`/seasons/${s.year}`)!;
      expect(card, String(s.year)).toBeDefined();
      expect(card.state, String(s.year)).toBe(s.state);
      expect(card.text).toContain(`${s.rounds} rounds`);
      if (s.year <= 2025) {
        expect(s.state, String(s.year)).toBe('complete');
        expect(card.text.toUpperCase(), String(s.year)).toContain(name(s.driverChampion).toUpperCase());
        if (s.year >= 1958) expect(card.text, String(s.year)).toContain(s.constructorChampion.name);
        else expect(card.text).toContain('no constructors’ title before 1958');
      }
    }
    const s2026 = seasons.find((s) => s.year === 2026);
    const c2026 = cards.get('/seasons/2026')!;
    expect(c2026.text).toContain(`Results for ${s2026.roundsWithResults} of ${s2026.rounds} rounds`);
    expect(c2026.text.toUpperCase()).toContain(name(s2026.leaders.driver).toUpperCase());
    expect(c2026.text.toUpperCase()).toContain(`LEADER AFTER ROUND ${s2026.leaders.afterRound}`);
    await shot(page, 'f1db-seasons');
  });

  it('2026: the whole calendar, winners of the rounds run, later rounds marked awaiting results or upcoming as the API places them', async () => {
    const season = await api<Json>('/api/v1/seasons/2026');
    const page = await open('/seasons/2026');
    const rows = page.locator('tr[data-race-state]');
    await expect.poll(() => rows.count()).toBe(season.races.length);
    const shown = await rows.evaluateAll((els) =>
      els.map((e) => ({
        state: e.getAttribute('data-race-state'),
        text: (e as HTMLElement).innerText.replace(/\s+/g, ' '),
        drivers: [...e.querySelectorAll('a[href^="/drivers/"]')].map((a) => a.getAttribute('href')),
      })),
    );
    expect(shown.map((r) => r.state)).toEqual(season.races.map((r: Json) => r.state));
    expect(season.races.filter((r: Json) => r.state === 'completed')).toHaveLength(11);
    for (const [i, r] of season.races.entries()) {
      if (r.state === 'completed') expect(shown[i]!.drivers, `round ${r.round}`).toEqual([`/drivers/${r.winner.driver.id}`]);
      else expect(shown[i]!.drivers, `round ${r.round}`).toEqual([]);
      if (r.state === 'awaiting_results') expect(shown[i]!.text).toContain('Awaiting results');
      if (r.state === 'upcoming') expect(shown[i]!.text).toContain('Upcoming');
    }
    const awaiting = season.races.filter((r: Json) => r.state === 'awaiting_results').length;
    if (awaiting > 0) expect(await page.getByText(`${awaiting} past rounds awaiting results`).count()).toBe(1);
    await shot(page, 'f1db-season-2026');
  });

  it('a race page: practice results, the starting grid with penalties, driver of the day and chassis/engine per entry (2024 Abu Dhabi)', async () => {
    const race = await api<Json>('/api/v1/races/2024/24');
    expect(race.practice.length).toBeGreaterThan(0);
    const penalised = race.startingGrid.filter((g: Json) => g.gridPenalty !== null);
    expect(penalised.length).toBeGreaterThan(0);

    const page = await open('/races/2024/24?tab=start');
    const dotd = page.getByRole('region', { name: 'Driver of the day' });
    const vote = race.driverOfTheDay[0];
    expect((await dotd.innerText()).toUpperCase()).toContain(vote.driver.familyName.toUpperCase());
    expect(await dotd.innerText()).toContain(`${vote.percentage.toFixed(1)}%`);
    expect(await text(page, '[data-race-details]')).toContain(race.details.officialName);

    await expect.poll(() => page.locator('[data-grid-position]').count()).toBe(race.startingGrid.length);
    const slots = await page.locator('[data-grid-position]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-grid-position'), (e as HTMLElement).innerText.toUpperCase()]));
    for (const g of race.startingGrid) expect(slots.find(([p, t]) => p === g.positionText && t!.includes(g.driver.familyName.toUpperCase())), `${g.positionText} ${g.driver.id}`).toBeDefined();
    const penalties = page.getByRole('list', { name: 'Grid penalties' }).getByRole('listitem');
    expect(await penalties.count()).toBe(penalised.length);
    const penaltyLinks = await penalties.locator('a[href^="/drivers/"]').evaluateAll((els) => els.map((a) => a.getAttribute('href')));
    expect(penaltyLinks).toEqual(penalised.map((g: Json) => `/drivers/${g.driver.id}`));
    const penaltyText = (await penalties.allInnerTexts()).join(' | ');
    for (const g of penalised) if (/^\d+$/.test(g.gridPenalty)) expect(penaltyText).toContain(`+${g.gridPenalty}`);
    await shot(page, 'f1db-race-2024-24-grid');

    await page.getByRole('tab', { name: 'practice' }).click();
    for (const session of race.practice) {
      if (race.practice.length > 1) await page.getByRole('radio', { name: sessionLabel(session.session) }).click();
      const table = page.getByRole('table', { name: new RegExp(`${sessionLabel(session.session)}$`) });
      await expect.poll(() => table.locator('tbody tr').count(), session.session).toBe(session.results.length);
      const first = (await table.locator('tbody tr').first().innerText()).toUpperCase();
      expect(first).toContain(session.results[0].driver.familyName.toUpperCase());
      if (session === race.practice[0]) await shot(page, 'f1db-race-2024-24-practice');
    }

    await page.getByRole('tab', { name: 'Entry list' }).click();
    const entries = page.getByRole('table', { name: `${race.name} entry list` }).locator('tbody tr');
    await expect.poll(() => entries.count()).toBe(race.entries.length);
    const rows = await entries.allInnerTexts();
    for (const e of race.entries) {
      const row = rows.find((r) => r.toUpperCase().includes(e.driver.familyName.toUpperCase()));
      expect(row, e.driver.id).toBeDefined();
      expect(e.chassis.length, e.driver.id).toBeGreaterThan(0);
      for (const c of e.chassis) expect(row).toContain(c.name);
      for (const x of e.engines) expect(row).toContain(x.manufacturer.name);
    }
    await shot(page, 'f1db-race-2024-24-entries');
  });

  it('Max Verstappen: career tiles, nationality and birth place, family', async () => {
    const profile = await api<Json>('/api/v1/drivers/max_verstappen');
    const page = await open('/drivers/max_verstappen');
    await page.getByRole('navigation', { name: 'Family' }).waitFor();
    const tiles = Object.fromEntries(
      await page.locator('dl').first().locator('div').evaluateAll((els) => els.map((e) => [e.querySelector('dt')!.textContent, e.querySelector('dd')!.textContent])),
    );
    for (const [label, key] of [['Starts', 'starts'], ['Wins', 'wins'], ['Podiums', 'podiums'], ['Poles', 'poles'], ['Titles', 'titles']] as const)
      expect(tiles[label], label).toBe(String(profile.career[key]));
    const header = await text(page, 'main header, main h1 + *');
    expect(header).toContain(profile.details.nationality.demonym);
    expect(header).toContain(profile.details.placeOfBirth);
    expect(header).toContain(profile.details.countryOfBirth.name);
    const family = await page.getByRole('navigation', { name: 'Family' }).innerText();
    for (const f of profile.family) expect(family.toUpperCase()).toContain(f.driver.familyName.toUpperCase());
    expect(profile.family.map((f: Json) => f.driver.id)).toContain('verstappen');
    await shot(page, 'f1db-driver-max-verstappen');
  });

  it('Alpine: the chronology Toleman → Benetton → Renault → Lotus → Renault → Alpine, and its engines', async () => {
    const profile = await api<Json>('/api/v1/constructors/alpine');
    const page = await open('/constructors/alpine');
    const steps = page.getByRole('navigation', { name: 'Chronology' }).getByRole('listitem');
    await expect.poll(() => steps.count()).toBe(profile.chronology.length);
    const shown = (await steps.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(shown).toEqual(profile.chronology.map((c: Json) => `${c.name} ${c.yearFrom}–${c.yearTo ?? ''}`.trim()));
    expect(shown.map((t) => t.split(' ')[0]!).join(' → ')).toMatch(/^Toleman → Benetton → Renault → Lotus → Renault → Alpine$/);
    const engines = await page.getByRole('navigation', { name: 'Engines' }).innerText();
    for (const e of profile.engines) expect(engines).toContain(e.manufacturer.name);
    await shot(page, 'f1db-constructor-alpine');
  });

  it("RB: one team through the 2025 rename, the lineage naming each step as F1DB does", async () => {
    const profile = await api<Json>('/api/v1/constructors/racing-bulls');
    expect(profile.constructor.id).toBe('rb');
    const page = await open('/constructors/racing-bulls');
    const steps = page.getByRole('navigation', { name: 'Chronology' }).getByRole('listitem');
    await expect.poll(() => steps.count()).toBe(profile.chronology.length);
    const shown = (await steps.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(shown.slice(-2)).toEqual(['RB 2024–2024', 'Racing Bulls 2025–']);
    expect(await steps.last().getByRole('link').getAttribute('href')).toBe('/constructors/rb');
    await shot(page, 'f1db-constructor-racing-bulls');
  });

  it('Monza: type, direction, length, turns and every layout', async () => {
    const profile = await api<Json>('/api/v1/circuits/monza');
    const page = await open('/circuits/monza');
    const facts = page.locator('dl[aria-label="Circuit facts"]');
    await facts.waitFor();
    const f = Object.fromEntries(await facts.locator('div').evaluateAll((els) => els.map((e) => [e.querySelector('dt')!.textContent, e.querySelector('dd')!.textContent])));
    expect(f.Length).toBe(`${profile.details.lengthKm.toFixed(3)} km`);
    expect(f.Turns).toBe(String(profile.details.turns));
    // the API's values in the page's words
    expect(f.Type).toBe(circuitTypeLabel(profile.details.type));
    expect(f.Direction!.toLowerCase()).toBe(directionLabel(profile.details.direction));
    const layouts = await page.getByRole('table', { name: 'Layouts' }).locator('tbody tr').allInnerTexts();
    expect(layouts).toHaveLength(profile.layouts.length);
    for (const [i, l] of profile.layouts.entries()) {
      expect(layouts[i]).toContain(l.id);
      expect(layouts[i]).toContain(`${l.lengthKm.toFixed(3)} km`);
    }
    await shot(page, 'f1db-circuit-monza');
  });

  it('home: the latest and the next race by date, as /today places them', async () => {
    const today = await api<Json>('/api/v1/today');
    const page = await open('/');
    const latest = page.locator('[data-slot="card"]', { hasText: 'Latest race' });
    await expect.poll(async () => (await latest.innerText()).toUpperCase()).toContain(`${today.latestRace.season} ${today.latestRace.name}`.toUpperCase());
    if (today.latestRace.state === 'awaiting_results') {
      expect(await latest.innerText()).toContain('Results not loaded yet');
      expect(await latest.innerText()).toContain(`${today.latestResults.season} ${today.latestResults.name}`);
    }
    const next = await page.locator('[data-slot="card"]', { hasText: 'Next race' }).innerText();
    if (today.nextRace) expect(next.toUpperCase()).toContain(`${today.nextRace.season} ${today.nextRace.name}`.toUpperCase());
    else expect(next).toContain('No race on the calendar after today');
    await shot(page, 'f1db-home');
  });

  it('footer and /docs credit F1DB (CC BY 4.0) and Jolpica (CC BY-NC-SA 4.0) with links', async () => {
    const page = await open('/seasons/1950');
    const footer = page.locator('footer');
    const links = await footer.locator('a').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('href')]));
    expect(links).toEqual(
      expect.arrayContaining([
        ['F1DB', 'https://github.com/f1db/f1db'],
        ['CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
        ['Jolpica F1', 'https://github.com/jolpica/jolpica-f1'],
        ['CC BY-NC-SA 4.0', 'https://creativecommons.org/licenses/by-nc-sa/4.0/'],
      ]),
    );
    const docs = await open('/docs');
    await expect.poll(() => docs.locator('body').innerText(), { timeout: 20_000 }).toContain('CC BY-NC-SA 4.0');
    const body = await docs.locator('body').innerText();
    expect(body).toContain('F1DB');
    expect(body).toContain('CC BY 4.0');
    expect(body).toContain('Jolpica');
    await shot(docs, 'f1db-docs-credits');
  });

  it('phone: the navigation shows every section with its whole label, inside the screen', async () => {
    const page = await phone.newPage();
    page.on('pageerror', (e) => pageErrors.push(`phone: ${e.message}`));
    await page.goto(`${web}/seasons/2026`, { waitUntil: 'networkidle' });
    const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
    expect(await nav.allInnerTexts()).toEqual(['LIVE', 'SEASONS', 'DRIVERS', 'TEAMS', 'CIRCUITS']);
    const boxes = await nav.evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, right: r.right, height: r.height, clipped: e.scrollWidth > e.clientWidth };
      }),
    );
    for (const b of boxes) {
      expect(b.clipped).toBe(false);
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.right).toBeLessThanOrEqual(390);
      expect(b.height).toBeGreaterThanOrEqual(36); // a thumb-sized target
    }
    await page.locator('tr[data-race-state]').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await shot(page, 'f1db-phone-season-2026');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Circuits' }).click();
    await page.waitForURL(/\/circuits$/);
    await shot(page, 'f1db-phone-circuits');
  });

  it('no page threw', () => {
    expect(pageErrors).toEqual([]);
  });
});

