// The Jolpica dump import on both backends: content, idempotency, and all-or-nothing failure.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyGeneration } from '../../src/db/changes.js';
import * as s from '../../src/db/schema/index.js';
import { importJolpicaDump, mapDump, readDump, type ImportReport } from '../../src/history/import/index.js';
import { backends, importedDatabase, testDatabase, type TestDatabase } from '../helpers/db.js';
import { dumpDir, fingerprint } from '../helpers/history.js';

const changes = (r: ImportReport) =>
  Object.values(r.written).reduce((n, w) => n + w.inserted + w.updated + w.deleted, 0);

/** A copy of the dump in a temp dir with one file edited. */
function editedDump(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'apex-dump-'));
  cpSync(dumpDir, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')), { mode: 0o644 });
  return dir;
}

describe('dump mapping (pure)', () => {
  it('reads every row of every file and keeps every session entry', async () => {
    const dump = await readDump(dumpDir);
    for (const [table, count] of Object.entries({ season: 76, round: 1149, session: 4950, driver: 864, team: 212, sessionentry: 7900, lap: 11820 })) {
      expect(dump[table as keyof typeof dump]!.rows.length, table).toBe(count);
    }
    const batch = mapDump(dump);
    const types = new Map(dump.session.rows.map((r) => [r.int('id'), r.text('type')]));
    const byType = (t: RegExp) => dump.sessionentry.rows.filter((r) => t.test(types.get(r.int('session_id'))!)).length;
    expect(batch.results.length).toBe(byType(/^R$/));
    expect(batch.sprintResults.length).toBe(byType(/^SR$/));
    // One qualifying row per car, however many qualifying sessions it took part in.
    const cars = (t: RegExp) =>
      new Set(dump.sessionentry.rows.filter((r) => t.test(types.get(r.int('session_id'))!)).map((r) => r.int('round_entry_id'))).size;
    expect(batch.qualifying.length).toBe(cars(/^Q/));
    expect(batch.sprintQualifying.length).toBe(cars(/^SQ/));
    expect(batch.pitStops.length).toBe(dump.pitstop.rows.length);
    expect(batch.replaceResultSeasons).toEqual([1958, 1979, 1980, 1997, 2007, 2008, 2009, 2020, 2023]);
  });

  it('rejects a malformed value naming file, line and column', async () => {
    const dir = editedDump('formula_one_sessionentry.csv', (t) => {
      const lines = t.split('\n');
      lines[41] = lines[41]!.replace(/^(\d+),/, '$1x,');
      return lines.join('\n');
    });
    try {
      await expect(readDump(dir).then(mapDump)).rejects.toThrow(/formula_one_sessionentry\.csv line 42, column "id": expected an integer/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a dump with a missing file or column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apex-dump-'));
    cpSync(dumpDir, dir, { recursive: true });
    rmSync(join(dir, 'formula_one_lap.csv'));
    await expect(readDump(dir)).rejects.toThrow(/missing file .*formula_one_lap\.csv/);
    writeFileSync(join(dir, 'formula_one_lap.csv'), 'id,number\n1,2\n');
    await expect(readDump(dir)).rejects.toThrow(/formula_one_lap\.csv: missing column "session_entry_id"/);
    rmSync(dir, { recursive: true, force: true });
    await expect(readDump(join(dir, 'nope'))).rejects.toThrow(/dump directory not found/);
  });
});

describe.each(backends)('Jolpica dump import on %s', (kind) => {
  let t: TestDatabase;
  let first: ImportReport;
  beforeAll(async () => {
    t = await testDatabase(kind);
    first = await importJolpicaDump(t.database.db, dumpDir);
  });
  afterAll(async () => t?.cleanup());

  it('stores the dump under public ids', async () => {
    const { db } = t.database;
    const batch = mapDump(await readDump(dumpDir));
    for (const [table, rows] of Object.entries({
      seasons: batch.seasons, drivers: batch.drivers, constructors: batch.constructors, circuits: batch.circuits,
      races: batch.races, race_sessions: batch.raceSessions, team_drivers: batch.teamDrivers, results: batch.results,
      sprint_results: batch.sprintResults, qualifying: batch.qualifying, sprint_qualifying: batch.sprintQualifying,
      lap_times: batch.lapTimes, pit_stops: batch.pitStops,
    })) {
      expect(first.written[table]!.inserted, table).toBe(rows.length);
    }
    const [ver] = await db.select().from(s.drivers).where(eq(s.drivers.driverRef, 'max_verstappen'));
    expect(ver).toMatchObject({ code: 'VER', permanentNumber: 33, givenName: 'Max', familyName: 'Verstappen', dateOfBirth: '1997-09-30' });
    const [monaco] = await db.select().from(s.circuits).where(eq(s.circuits.circuitRef, 'monaco'));
    expect(monaco).toMatchObject({ lat: 43.7347, lng: 7.42056, locality: 'Monte-Carlo', country: 'Monaco' });

    // 2023 Austrian GP winner: race time, fastest lap, status.
    const [race] = await db.select().from(s.races).where(and(eq(s.races.season, 2023), eq(s.races.round, 9)));
    expect(race).toMatchObject({ name: 'Austrian Grand Prix', date: '2023-07-02', time: '13:00:00' });
    const [win] = await db
      .select({ r: s.results, status: s.statuses.status })
      .from(s.results)
      .innerJoin(s.statuses, eq(s.statuses.id, s.results.statusId))
      .where(and(eq(s.results.raceId, race!.id), eq(s.results.position, 1)));
    expect(win).toMatchObject({
      status: 'Finished',
      r: { number: 1, positionText: '1', points: 26, grid: 1, laps: 71, timeMillis: 5133607, timeText: '1:25:33.607', fastestLap: 71, fastestLapRank: 1, fastestLapTimeMillis: 67012, fastestLapSpeed: '231.970' },
    });
    const [lapped] = await db.select().from(s.statuses).where(eq(s.statuses.status, 'Lapped'));
    expect(lapped!.id).toBe(143);

    // The sprint weekend schedule keeps the shootout (SQ1) beside qualifying and the sprint.
    const schedule = await db.select().from(s.raceSessions).innerJoin(s.races, eq(s.races.id, s.raceSessions.raceId)).where(and(eq(s.races.season, 2023), eq(s.races.round, 4)));
    expect(new Set(schedule.map((r) => r.race_sessions.type))).toEqual(new Set(['FP1', 'Q1', 'Q2', 'Q3', 'SQ1', 'SQ2', 'SQ3', 'SR', 'R']));
  });

  it('changes nothing when run twice', async () => {
    const before = await fingerprint(t.database.db);
    // The copies other suites get (helpers/db.ts importedDatabase) hold exactly this fresh import.
    const copy = await importedDatabase(kind);
    try {
      expect(await fingerprint(copy.database.db)).toEqual(before);
    } finally {
      await copy.cleanup();
    }
    const generation = await historyGeneration(t.database.db);
    expect(generation).toBeGreaterThan(0);
    const again = await importJolpicaDump(t.database.db, dumpDir);
    expect(changes(again)).toBe(0);
    expect(await fingerprint(t.database.db)).toEqual(before);
    // Nothing changed, so cached answers stay valid: the history generation stays.
    expect(await historyGeneration(t.database.db)).toBe(generation);
  });

  it('writes only what changed in a corrected dump', async () => {
    const dir = editedDump('formula_one_driver.csv', (text) =>
      text.replace(/^(\d+,VER,[^,]*,NLD,1997-09-30,Max,)Dutch,/m, '$1Nederlands,'),
    );
    try {
      const generation = await historyGeneration(t.database.db);
      const r = await importJolpicaDump(t.database.db, dir);
      expect(changes(r)).toBe(1);
      expect(await historyGeneration(t.database.db)).toBe(generation + 1);
      expect(r.written.drivers!.updated).toBe(1);
      const [ver] = await t.database.db.select().from(s.drivers).where(eq(s.drivers.driverRef, 'max_verstappen'));
      expect(ver!.nationality).toBe('Nederlands');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await importJolpicaDump(t.database.db, dumpDir);
    }
  });

  it('rolls everything back when writing fails part-way', async () => {
    const before = await fingerprint(t.database.db);
    // Valid CSV, but a second round 1 of 1950: the unique (season, round) index rejects it only after
    // drivers (here with a changed nationality) were already written inside the transaction.
    const dir = editedDump('formula_one_round.csv', (text) => `${text.replace(/\n$/, '')}\n99999,round_dup,1,1950-05-13,f,Dup GP,1,1,1,\n`);
    const dir2 = editedDump('formula_one_driver.csv', (text) => text.replace(',Dutch,', ',Changed,'));
    cpSync(join(dir2, 'formula_one_driver.csv'), join(dir, 'formula_one_driver.csv'));
    const generation = await historyGeneration(t.database.db);
    try {
      await expect(importJolpicaDump(t.database.db, dir)).rejects.toThrow();
      expect(await fingerprint(t.database.db)).toEqual(before);
      expect(await historyGeneration(t.database.db)).toBe(generation);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(dir2, { recursive: true, force: true });
    }
  });
});
