// History analytics on the real Jolpica dump, on both backends: a race's overtakes reconcile with
// its lap chart (lap-time positions) at every lap, pit-cycle changes match pit-stop laps, and the
// season heatmap holds exactly the race results.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDir } from '../../src/config.js';
import { rowsOf } from '../../src/db/client.js';
import { importJolpicaDump } from '../../src/history/import/index.js';
import { backends, testDatabase, type TestDatabase } from '../helpers/db.js';
import { testApp } from '../http/app-helper.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(backends)('history analytics on %s with the Jolpica dump', (kind) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let racesWithLaps: { season: number; round: number }[];
  const get = async (url: string) => {
    const r = await app.inject({ url });
    return { status: r.statusCode, body: r.headers['content-type']?.includes('json') ? r.json() : r.body, headers: r.headers };
  };

  beforeAll(async () => {
    db = await testDatabase(kind);
    await importJolpicaDump(db.database.db, join(sharedDir, 'jolpica-dump'));
    app = await testApp({ database: db.database });
    racesWithLaps = rowsOf<{ season: number; round: number }>(await db.database.db.execute(sql`
      select distinct r.season, r.round from lap_times l join races r on r.id = l.race_id where l.position is not null order by 1, 2`));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  it('overtakes reconcile with the lap chart at every lap of every race with lap times', async () => {
    expect(racesWithLaps.length).toBeGreaterThan(0);
    let checked = 0;
    let fromGrid = 0;
    let withGrid = 0;
    for (const { season, round } of racesWithLaps) {
      const [{ body: o }, { body: race }] = await Promise.all([get(`/api/v1/races/${season}/${round}/overtakes`), get(`/api/v1/races/${season}/${round}`)]);
      expect(o.laps).toBeGreaterThan(0);
      // The lap chart: rank among the cars with a position at each lap.
      const byLap = new Map<number, Json[]>();
      for (const l of race.laps.filter((l: Json) => l.position !== null)) byLap.set(l.lap, [...(byLap.get(l.lap) ?? []), l]);
      const rankAt = (lap: number) => new Map((byLap.get(lap) ?? []).sort((a: Json, b: Json) => a.position - b.position).map((l: Json, i: number) => [l.driverId, i + 1]));
      const started = race.results.filter((r: Json) => !['W', 'F', 'E'].includes(r.positionText));
      if (started.length > 0 && byLap.has(1)) withGrid++;
      const placed = started.filter((r: Json) => r.grid > 0).sort((a: Json, b: Json) => a.grid - b.grid);
      let prev = new Map<string, number>([...placed, ...started.filter((r: Json) => !(r.grid > 0))].map((r: Json, i: number) => [r.driver.id, i + 1]));
      for (let lap = 1; lap <= o.laps; lap++) {
        const cur = rankAt(lap);
        const step = o.events.filter((e: Json) => e.lap === lap);
        for (const [driver, rank] of cur) {
          if (!prev.has(driver)) continue;
          const gained = step.filter((e: Json) => e.driver === driver).length;
          const lost = step.filter((e: Json) => e.over === driver && e.kind !== 'retirement').length;
          expect(rank - prev.get(driver)!, `${season}/${round} ${driver} lap ${lap}`).toBe(lost - gained);
          checked++;
          if (lap === 1) fromGrid++;
        }
        prev = cur;
      }
      // Pit-cycle changes always involve a car that stopped on that lap or the lap before.
      const pit = new Set(race.pitStops.flatMap((p: Json) => [`${p.driverId}#${p.lap}`, `${p.driverId}#${p.lap + 1}`]));
      for (const e of o.events) {
        const involved = pit.has(`${e.driver}#${e.lap}`) || pit.has(`${e.over}#${e.lap}`);
        if (e.kind === 'pit-cycle') expect(involved).toBe(true);
        if (e.kind === 'on-track') expect(involved).toBe(false);
      }
      expect(o.drivers.reduce((n: number, d: Json) => n + d.made, 0)).toBe(o.drivers.reduce((n: number, d: Json) => n + d.suffered, 0));
      expect(o.method).toMatch(/start \+ gains − losses/);
    }
    expect(checked).toBeGreaterThan(1000);
    // From the grid to lap 1, in every race that has results.
    expect(withGrid).toBeGreaterThan(0);
    expect(fromGrid).toBeGreaterThan(15 * withGrid);
  });

  it('overtakes as CSV: one row per event with the same columns', async () => {
    const { season, round } = racesWithLaps[0]!;
    const [{ body: json }, r] = await Promise.all([get(`/api/v1/races/${season}/${round}/overtakes`), get(`/api/v1/races/${season}/${round}/overtakes?format=csv`)]);
    expect(r.headers['content-type']).toMatch(/text\/csv/);
    const lines = String(r.body).trim().split('\r\n');
    expect(lines[0]).toBe('lap,driver,over,kind,sector');
    expect(lines).toHaveLength(json.events.length + 1);
  });

  it('404 for a race that does not exist, 400 for a bad year', async () => {
    expect((await get('/api/v1/races/1949/1/overtakes')).status).toBe(400);
    const missing = await get('/api/v1/races/2023/99/overtakes');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/2023\/99/);
    expect((await get('/api/v1/seasons/2099/heatmap')).status).toBe(404);
  });

  it('season heatmap: every cell is that race\'s result, drivers in championship order', async () => {
    const season = racesWithLaps[0]!.season;
    const { body: h, status } = await get(`/api/v1/seasons/${season}/heatmap`);
    expect(status).toBe(200);
    expect(h.rounds.length).toBeGreaterThan(0);
    let cells = 0;
    for (const [i, round] of h.rounds.entries()) {
      const { body: race } = await get(`/api/v1/races/${season}/${round.round}`);
      for (const res of race.results) {
        const row = h.drivers.find((d: Json) => d.driverId === res.driver.id);
        expect(row, res.driver.id).toBeDefined();
        expect(row.cells[i].position).toBeLessThanOrEqual(res.position);
        cells++;
      }
    }
    expect(cells).toBeGreaterThan(0);
    const placed = h.drivers.filter((d: Json) => d.championshipPosition !== null).map((d: Json) => d.championshipPosition);
    expect(placed).toEqual([...placed].sort((a: number, b: number) => a - b));
    expect(placed[0]).toBe(1);
  });
});
