// /api/v1's F1DB fields on the real data, as a first start leaves it (the F1DB tree, then the
// Jolpica dump), on PGlite and PostgreSQL. The oracle is F1DB itself: its YAML files read here
// directly with js-yaml, independent of our reader, mapper and merge. F1DB ids are turned into
// public ids through the API's own alias lookup (/drivers/max-verstappen answers max_verstappen).
// Each backend is imported once for the whole file, both at the same time (see below).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, sharedDir } from '../../src/config.js';
import { openPglite, type Database } from '../../src/db/client.js';
import { todayUtc } from '../../src/history/routes/v1/calendar.js';
import { backends, testDatabase, type Backend, type TestDatabase } from '../helpers/db.js';
import { dumpDir, f1dbDir } from '../helpers/history.js';
import { testApp } from '../http/app-helper.js';
import { apexBin } from '../helpers/cli-process.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
/** Each check asks the API for up to a few hundred answers; PGlite answers them on this thread. */
const slow = { timeout: 300_000 };

// ── the oracle: F1DB's YAML ──────────────────────────────────────────────────────────────────

/** A YAML file of the tree (CORE schema: dates stay text, as F1DB writes them). */
function f1db(relative: string): Json {
  return yaml.load(readFileSync(join(f1dbDir, relative), 'utf8'), { schema: yaml.CORE_SCHEMA });
}
const has = (relative: string) => existsSync(join(f1dbDir, relative));
const raceDirs = (year: number) => readdirSync(join(f1dbDir, 'seasons', String(year), 'races')).sort();
/** The folder of a round, e.g. seasons/2021/races/22-abu-dhabi. */
function raceDir(year: number, round: number): string {
  const dir = raceDirs(year).find((d) => Number(d.slice(0, 2)) === round);
  if (!dir) throw new Error(`F1DB has no round ${round} in ${year}`);
  return `seasons/${year}/races/${dir}`;
}
/** F1DB's lap times ('1:22.109', '58.123') in milliseconds. */
function ms(text: unknown): number | null {
  if (text === null || text === undefined || text === '') return null;
  return Math.round(String(text).split(':').map(Number).reduce((acc, p) => acc * 60 + p, 0) * 1000);
}
/** A country's name (the API's country ids are Ergast-style: united_arab_emirates for united-arab-emirates). */
const country = (f1dbId: string) => String(f1db(`countries/${f1dbId}.yml`).name);
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const years = readdirSync(join(f1dbDir, 'seasons')).filter((d) => /^\d{4}$/.test(d)).map(Number).sort((a, b) => a - b);

/** F1DB's other sessions of a weekend and the session names the API gives them. */
const SESSION_FILES: Record<string, string> = {
  'pre-qualifying-results.yml': 'PQ',
  'free-practice-1-results.yml': 'FP1',
  'free-practice-2-results.yml': 'FP2',
  'free-practice-3-results.yml': 'FP3',
  'free-practice-4-results.yml': 'FP4',
  'qualifying-1-results.yml': 'Q1',
  'qualifying-2-results.yml': 'Q2',
  'warming-up-results.yml': 'WUP',
};

// ── one import per backend, both at once ─────────────────────────────────────────────────────
// Each backend is written by the real, built CLI (`apex import f1db`, then `apex import jolpica-dump`) in a
// child process — PGlite into an APEX_HOME opened here afterwards, PostgreSQL into this run's
// database. The imports' long stretches of work then never block this worker (vitest's RPC gives up
// after 60 s) and the two run on both cores at once.

function apex(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [apexBin, ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', APEX_OFFLINE: 'true', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`apex ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}
/** The first start's order: F1DB, then the dump (Jolpica wins per race). */
async function importHistory(env: Record<string, string>): Promise<void> {
  await apex(['import', 'f1db', join(sharedDir, 'f1db')], env);
  await apex(['import', 'jolpica-dump', dumpDir], env);
}

interface Stack {
  database: Database;
  cleanup(): Promise<void>;
  app: FastifyInstance;
  seconds: number;
}
const stacks = new Map<Backend, Promise<Stack>>();
function stack(kind: Backend): Promise<Stack> {
  if (!stacks.has(kind))
    stacks.set(
      kind,
      (async () => {
        const t0 = performance.now();
        let db: { database: Database; cleanup(): Promise<void> };
        const home = mkdtempSync(join(tmpdir(), 'apex-v1-f1db-'));
        const removeHome = () => rmSync(home, { recursive: true, force: true });
        if (kind === 'pglite') {
          await importHistory({ APEX_HOME: home });
          const database = await openPglite(join(home, 'db'));
          db = { database, cleanup: async () => (await database.close(), removeHome()) };
        } else {
          const tdb: TestDatabase = await testDatabase(kind);
          db = { database: tdb.database, cleanup: async () => (await tdb.cleanup(), removeHome()) };
          await importHistory({ APEX_HOME: home, DATABASE_URL: tdb.url! });
        }
        const seconds = (performance.now() - t0) / 1000;
        return { ...db, app: await testApp({ database: db.database }), seconds };
      })(),
    );
  return stacks.get(kind)!;
}

beforeAll(() => {
  // start both imports now: each describe below waits only for its own
  for (const kind of backends) stack(kind).catch(() => undefined);
});
afterAll(async () => {
  for (const s of stacks.values()) {
    const done = await s.catch(() => undefined);
    await done?.app.close();
    await done?.cleanup();
  }
});

describe.each(backends)('/api/v1 F1DB fields on %s (F1DB tree, then the Jolpica dump)', (kind) => {
  let app: FastifyInstance;
  const get = async (url: string): Promise<Json> => {
    const r = await app.inject(url);
    expect(r.statusCode, url).toBe(200);
    return r.json();
  };
  const ids = new Map<string, Promise<string>>();
  /** The public id the API answers for an F1DB id (drivers, constructors, circuits). */
  const pid = (what: 'drivers' | 'constructors' | 'circuits', f1dbId: string): Promise<string> => {
    const key = `${what}/${f1dbId}`;
    if (!ids.has(key)) {
      const field = { drivers: 'driver', constructors: 'constructor', circuits: 'circuit' }[what];
      ids.set(key, get(`/api/v1/${key}`).then((b) => String(b[field].id)));
    }
    return ids.get(key)!;
  };
  const races = new Map<string, Promise<Json>>();
  const race = (year: number, round: number): Promise<Json> => {
    const key = `${year}/${round}`;
    if (!races.has(key)) races.set(key, get(`/api/v1/races/${key}`));
    return races.get(key)!;
  };
  const car = async (r: Json) => ({ positionText: String(r.position), number: Number(r.driverNumber), driver: await pid('drivers', r.driverId), constructor: await pid('constructors', r.constructorId) });
  const apiCar = (r: Json) => ({ positionText: r.positionText, number: r.number, driver: r.driver.id, constructor: r.constructor.id });

  beforeAll(async () => {
    const s = await stack(kind);
    app = s.app;
    process.stderr.write(`[v1-f1db] ${kind}: F1DB + dump written in ${s.seconds.toFixed(1)} s by the CLI (load average ${loadavg()[0]!.toFixed(1)})\n`);
  }, 1_800_000);

  it('starting grids as F1DB lists them, penalties and pit-lane starts included (2021 Abu Dhabi and every 2024 grid with a penalty)', slow, async () => {
    const picked = [
      [2021, 22],
      ...raceDirs(2024)
        .map((d) => [2024, Number(d.slice(0, 2))] as [number, number])
        .filter(([y, r]) => f1db(`${raceDir(y, r)}/starting-grid-positions.yml`).some((g: Json) => g.gridPenalty !== null || g.position === 'PL')),
    ] as [number, number][];
    expect(picked.length).toBeGreaterThan(10);
    let penalties = 0;
    for (const [year, round] of picked) {
      const expected = await Promise.all(
        (f1db(`${raceDir(year, round)}/starting-grid-positions.yml`) as Json[]).map(async (g) => ({
          ...(await car(g)),
          gridPenalty: text(g.gridPenalty),
          gridPenaltyPlaces: typeof g.gridPenalty === 'number' ? g.gridPenalty : null,
          qualifyingTimeMillis: ms(g.time),
        })),
      );
      penalties += expected.filter((g) => g.gridPenalty !== null).length;
      const grid = (await race(year, round)).startingGrid.map((g: Json) => ({ ...apiCar(g), gridPenalty: g.gridPenalty, gridPenaltyPlaces: g.gridPenaltyPlaces, qualifyingTimeMillis: g.qualifyingTimeMillis }));
      expect(grid, `${year}/${round}`).toEqual(expected);
    }
    expect(penalties).toBeGreaterThan(20);
  });

  it('shared drives of the 1950s: every driver of a shared car is in the race result with the car and F1DB’s points', slow, async () => {
    let shared = 0;
    for (const year of years.filter((y) => y <= 1957))
      for (const dir of raceDirs(year)) {
        const rows = f1db(`seasons/${year}/races/${dir}/race-results.yml`) as Json[];
        const sharedRows = rows.filter((r) => r.sharedCar === true);
        if (sharedRows.length === 0) continue;
        const results = (await race(year, Number(dir.slice(0, 2)))).results as Json[];
        for (const r of sharedRows) {
          const driver = await pid('drivers', r.driverId);
          const row = results.find((x) => x.driver.id === driver && x.number === Number(r.driverNumber));
          expect(row, `${year} ${dir}: ${r.driverId} #${r.driverNumber}`).toBeDefined();
          expect(row.points ?? 0, `${year} ${dir}: ${r.driverId} points`).toBe(Number(r.points ?? 0));
          shared++;
        }
        // the cars themselves: the same drivers as F1DB lists, shared or not
        const drivers = await Promise.all(rows.map((r) => pid('drivers', r.driverId)));
        expect(new Set(results.map((x) => x.driver.id)), `${year} ${dir}`).toEqual(new Set(drivers));
      }
    expect(shared).toBeGreaterThan(40);
  });

  it('practice, warm-up, pre-qualifying and separate qualifying sessions as F1DB has them (2023 Bahrain, 1990 United States, 2026 Hungary)', slow, async () => {
    for (const [year, round] of [[2023, 1], [1990, 1], [2026, 11]] as const) {
      const dir = raceDir(year, round);
      const files = Object.keys(SESSION_FILES).filter((f) => has(`${dir}/${f}`));
      const api = (await race(year, round)).practice as Json[];
      expect(api.map((s) => s.session), `${year}/${round}`).toEqual(files.map((f) => SESSION_FILES[f]));
      for (const f of files) {
        const expected = await Promise.all(
          (f1db(`${dir}/${f}`) as Json[]).map(async (r) => ({ ...(await car(r)), timeMillis: ms(r.time), laps: r.laps ?? null })),
        );
        const session = api.find((s) => s.session === SESSION_FILES[f])!;
        expect(session.results.map((r: Json) => ({ ...apiCar(r), timeMillis: r.timeMillis, laps: r.laps })), `${year}/${round} ${f}`).toEqual(expected);
      }
    }
  });

  it('driver of the day for every 2023 race: drivers in vote order with their share', slow, async () => {
    for (const dir of raceDirs(2023)) {
      const expected = await Promise.all(
        (f1db(`seasons/2023/races/${dir}/driver-of-the-day-results.yml`) as Json[]).map(async (v) => ({
          position: Number(v.position),
          driver: await pid('drivers', v.driverId),
          percentage: v.percentage ?? null,
        })),
      );
      const votes = (await race(2023, Number(dir.slice(0, 2)))).driverOfTheDay.map((v: Json) => ({ position: v.position, driver: v.driver.id, percentage: v.percentage }));
      expect(votes, dir).toEqual(expected);
      expect(votes.length).toBeGreaterThan(0);
    }
  });

  it('entry list of 2021 Abu Dhabi: entrant, chassis and engine of every car as the season’s entrants list them', slow, async () => {
    const dir = raceDir(2021, 22);
    const entrants = f1db('seasons/2021/entrants.yml') as Json[];
    const entries = (await race(2021, 22)).entries as Json[];
    // every car of the weekend, the FP1 driver who did not race included
    const sessionFiles = readdirSync(join(f1dbDir, dir)).filter((f) => /(results|starting-grid-positions)\.yml$/.test(f) && !f.startsWith('driver-of-the-day'));
    const cars = [...new Map(sessionFiles.flatMap((f) => f1db(`${dir}/${f}`) as Json[]).map((c) => [`${c.driverId}|${c.constructorId}`, c])).values()];
    expect(cars.length).toBeGreaterThan(20);
    expect(entries).toHaveLength(cars.length);
    for (const c of cars) {
      const entry = entrants.find((e) => e.constructorId === c.constructorId && e.drivers.some((d: Json) => d.driverId === c.driverId))!;
      const driver = await pid('drivers', c.driverId);
      const api = entries.find((e) => e.driver.id === driver)!;
      expect(api, c.driverId).toBeDefined();
      expect(api.number).toBe(c.driverNumber);
      expect(api.entrant?.name).toBe(f1db(`entrants/${entry.entrantId}.yml`).name);
      expect(api.chassis.map((x: Json) => x.fullName)).toEqual([f1db(`chassis/${entry.chassisId}.yml`).fullName]);
      const engine = f1db(`engines/${entry.engineId}.yml`);
      expect(api.engines.map((x: Json) => [x.fullName, x.capacity, x.configuration, x.aspiration])).toEqual([[engine.fullName, engine.capacity, engine.configuration, engine.aspiration]]);
      expect(api.engineManufacturer?.name).toBe(f1db(`engine-manufacturers/${entry.engineManufacturerId}.yml`).name);
      expect(api.tyreManufacturer?.name).toBe(f1db(`tyre-manufacturers/${entry.tyreManufacturerId}.yml`).name);
    }
  });

  it("Max Verstappen: nationality, birth, family, and a career counted from F1DB's own results", slow, async () => {
    const me = f1db('drivers/max-verstappen.yml');
    const profile = await get('/api/v1/drivers/max-verstappen');
    expect(profile.driver.id).toBe('max_verstappen');
    expect(profile.details).toMatchObject({
      fullName: me.fullName,
      placeOfBirth: me.placeOfBirth,
      dateOfDeath: null,
      countryOfBirth: { name: country(me.countryOfBirthCountryId) },
      nationality: { name: country(me.nationalityCountryId), demonym: f1db(`countries/${me.nationalityCountryId}.yml`).demonym },
      secondNationality: null,
    });
    expect(profile.family.map((f: Json) => [f.type, f.driver.id])).toEqual(
      await Promise.all((me.familyRelationships as Json[]).map(async (f) => [f.type, await pid('drivers', f.driverId)])),
    );
    // and the other way round: Jos has Max as his child
    const jos = await get('/api/v1/drivers/jos-verstappen');
    expect(jos.family.map((f: Json) => [f.type, f.driver.id])).toEqual(
      await Promise.all((f1db('drivers/jos-verstappen.yml').familyRelationships as Json[]).map(async (f) => [f.type, await pid('drivers', f.driverId)])),
    );

    // career from F1DB's race results (independent of our merge and career code)
    let starts = 0, wins = 0, podiums = 0, poles = 0, titles = 0, points = 0;
    for (const year of years.filter((y) => y >= 2015)) {
      for (const dir of raceDirs(year)) {
        const base = `seasons/${year}/races/${dir}`;
        if (!has(`${base}/race-results.yml`)) continue;
        const mine = (f1db(`${base}/race-results.yml`) as Json[]).find((r) => r.driverId === 'max-verstappen');
        if (mine && !['DNS', 'DNQ', 'DNPQ', 'EX'].includes(String(mine.position))) starts++;
        if (mine?.position === 1) wins++;
        if (typeof mine?.position === 'number' && mine.position <= 3) podiums++;
        points += Number(mine?.points ?? 0);
        if (has(`${base}/sprint-race-results.yml`)) points += Number((f1db(`${base}/sprint-race-results.yml`) as Json[]).find((r) => r.driverId === 'max-verstappen')?.points ?? 0);
        if ((f1db(`${base}/starting-grid-positions.yml`) as Json[])[0]?.driverId === 'max-verstappen') poles++;
      }
      if (year < 2026 && (f1db(`seasons/${year}/driver-standings.yml`) as Json[])[0]?.driverId === 'max-verstappen') titles++;
    }
    expect(profile.career).toMatchObject({ starts, wins, podiums, poles, titles });
    expect(profile.career.points).toBeCloseTo(points, 6);
    expect(wins).toBeGreaterThan(60);
  });

  it("Racing Bulls: F1DB's 'rb' and 'racing-bulls' are Jolpica's one 'rb'; the lineage names each step as F1DB does", slow, async () => {
    const [rb, rbFile, racingBulls] = [await get('/api/v1/constructors/rb'), f1db('constructors/rb.yml'), await get('/api/v1/constructors/racing-bulls')];
    expect(racingBulls).toEqual(rb); // the F1DB id of the 2025– team resolves to the same entity
    expect((await get('/api/v1/constructors/racing_bulls')).constructor.id).toBe('rb');
    expect(rb.details).toMatchObject({ fullName: rbFile.fullName }); // its first F1DB constructor's
    expect(rb.chronology.map((c: Json) => [c.name, c.constructor.id, c.yearFrom, c.yearTo])).toEqual(
      await Promise.all(
        (rbFile.chronology as Json[]).map(async (c) => [f1db(`constructors/${c.constructorId}.yml`).name, await pid('constructors', c.constructorId), c.yearFrom, c.yearTo ?? null]),
      ),
    );
    expect(rb.chronology.slice(-2).map((c: Json) => `${c.name} (${c.constructor.id})`)).toEqual(['RB (rb)', 'Racing Bulls (rb)']);
  });

  it('Alpine: the chronology Toleman → Benetton → Renault → Lotus → Renault → Alpine and its engines by season', slow, async () => {
    const alpine = f1db('constructors/alpine.yml');
    const profile = await get('/api/v1/constructors/alpine');
    expect(profile.details).toMatchObject({ fullName: alpine.fullName, country: { name: country(alpine.countryId) } });
    expect(profile.chronology.map((c: Json) => [c.constructor.id, c.yearFrom, c.yearTo])).toEqual(
      await Promise.all((alpine.chronology as Json[]).map(async (c) => [await pid('constructors', c.constructorId), c.yearFrom, c.yearTo ?? null])),
    );
    // the chain the issue names, in the merged names
    expect(profile.chronology.map((c: Json) => c.constructor.name).join(' → ')).toMatch(/^Toleman → Benetton → Renault → Lotus[^→]* → Renault → Alpine/);
    // engine manufacturers per season from every season's entrants list
    const spans = new Map<string, number[]>();
    for (const year of years) {
      if (!has(`seasons/${year}/entrants.yml`)) continue;
      for (const e of f1db(`seasons/${year}/entrants.yml`) as Json[]) {
        if (e.constructorId !== 'alpine') continue;
        const name = f1db(`engine-manufacturers/${e.engineManufacturerId}.yml`).name as string;
        if (!spans.has(name)) spans.set(name, []);
        if (!spans.get(name)!.includes(year)) spans.get(name)!.push(year);
      }
    }
    expect(profile.engines.map((s: Json) => [s.manufacturer.name, s.seasons])).toEqual([...spans.entries()]);
    expect(profile.cars.map((c: Json) => c.season)).toEqual([...new Set([...spans.values()].flat())].sort());
  });

  it('circuits: type, direction, length, turns and every layout with the seasons raced on it (Monza, Yas Marina, Monaco)', slow, async () => {
    const layoutSeasons = new Map<string, Set<number>>();
    for (const year of years)
      for (const dir of raceDirs(year)) {
        const r = f1db(`seasons/${year}/races/${dir}/race.yml`);
        if (!layoutSeasons.has(r.circuitLayoutId)) layoutSeasons.set(r.circuitLayoutId, new Set());
        layoutSeasons.get(r.circuitLayoutId)!.add(year);
      }
    for (const id of ['monza', 'yas-marina', 'monaco']) {
      const c = f1db(`circuits/${id}.yml`);
      const profile = await get(`/api/v1/circuits/${id}`);
      expect(profile.details, id).toMatchObject({ fullName: c.fullName, type: c.type, direction: c.direction, placeName: c.placeName, lengthKm: c.length, turns: c.turns, country: { name: country(c.countryId) } });
      expect(profile.layouts, id).toEqual(
        (c.layouts as Json[]).map((l) => ({ id: l.id, lengthKm: l.length, turns: l.turns, seasons: [...(layoutSeasons.get(l.id) ?? [])].sort((a, b) => a - b) })),
      );
    }
  });

  it('every season 1950–2025 is complete with F1DB’s champions and number of rounds', slow, async () => {
    const seasons = (await get('/api/v1/seasons?limit=1000')).items as Json[];
    const done = years.filter((y) => y <= 2025);
    expect(done[0]).toBe(1950);
    for (const year of done) {
      const s = seasons.find((x) => x.year === year);
      expect(s, String(year)).toBeDefined();
      const champion = (f1db(`seasons/${year}/driver-standings.yml`) as Json[])[0];
      const constructors = year >= 1958 ? (f1db(`seasons/${year}/constructor-standings.yml`) as Json[])[0] : null;
      expect(
        { state: s.state, rounds: s.rounds, roundsWithResults: s.roundsWithResults, driver: s.driverChampion?.id, constructor: s.constructorChampion?.id ?? null },
        String(year),
      ).toEqual({
        state: 'complete',
        rounds: raceDirs(year).length,
        roundsWithResults: raceDirs(year).length,
        driver: await pid('drivers', champion.driverId),
        constructor: constructors ? await pid('constructors', constructors.constructorId) : null,
      });
    }
  });

  it('2026: the whole calendar, results and leaders for rounds 1–11, later rounds by date as awaiting results or upcoming', slow, async () => {
    const today = todayUtc();
    const season = await get('/api/v1/seasons/2026');
    const dirs = raceDirs(2026);
    expect(season.races).toHaveLength(dirs.length);
    let withResults = 0;
    for (const [i, dir] of dirs.entries()) {
      const r = f1db(`seasons/2026/races/${dir}/race.yml`);
      const api = season.races[i];
      expect({ round: api.round, date: api.date, circuit: api.circuit.id }).toEqual({ round: r.round, date: r.date, circuit: await pid('circuits', r.circuitId) });
      if (has(`seasons/2026/races/${dir}/race-results.yml`)) {
        withResults++;
        const winner = (f1db(`seasons/2026/races/${dir}/race-results.yml`) as Json[])[0];
        expect(api.winner?.driver.id, dir).toBe(await pid('drivers', winner.driverId));
        expect(api.state, dir).toBe('completed');
      } else {
        expect(api.winner, dir).toBeNull();
        expect(api.state, dir).toBe(r.date < today ? 'awaiting_results' : 'upcoming');
      }
    }
    expect(withResults).toBe(11);
    const summary = ((await get('/api/v1/seasons?limit=1000')).items as Json[]).find((s) => s.year === 2026);
    const leader = (f1db('seasons/2026/driver-standings.yml') as Json[])[0];
    const leadingTeam = (f1db('seasons/2026/constructor-standings.yml') as Json[])[0];
    const due = dirs.filter((d) => f1db(`seasons/2026/races/${d}/race.yml`).date < today).length;
    expect(summary).toMatchObject({
      rounds: dirs.length,
      roundsWithResults: 11,
      roundsDue: due,
      state: due > 11 ? 'results_missing' : 'in_progress',
      driverChampion: null,
      leaders: { afterRound: 11, driver: { id: await pid('drivers', leader.driverId) }, constructor: { id: await pid('constructors', leadingTeam.constructorId) } },
    });
  });

  it('/today places races by date: the day after round 11 has it as the latest and round 12 as the next', slow, async () => {
    const r11 = f1db(`${raceDir(2026, 11)}/race.yml`);
    const r12 = f1db(`${raceDir(2026, 12)}/race.yml`);
    const day = new Date(`${r11.date}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1);
    const today = await get(`/api/v1/today?date=${day.toISOString().slice(0, 10)}`);
    expect([today.latestRace.season, today.latestRace.round, today.latestRace.state]).toEqual([2026, 11, 'completed']);
    expect([today.nextRace.season, today.nextRace.round, today.nextRace.date, today.nextRace.state]).toEqual([2026, 12, r12.date, 'upcoming']);
    expect(today.latestResults.round).toBe(11);
  });
});
