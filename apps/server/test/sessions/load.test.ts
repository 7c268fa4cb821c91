// Every recorded session that has TimingData, loaded through the session-load processor on PGlite
// and PostgreSQL, must come back from the store exactly as the engine built it: session fields,
// drivers, results, every lap column, weather, race control, track and session status — and, for
// the Mexico City 2025 qualifying, every driver's merged fastest-lap telemetry rebuilt from the
// stored blobs. PostgreSQL gets the Jolpica dump imported first, so sessions link to history races
// and drivers; PGlite has no history and finds rounds from Jolpica's/FastF1's schedules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lap, Session, Telemetry } from '@apexdata/livetiming';
import { runToCompletion, sessionLoadJob } from '../../src/jobs/index.js';
import { seasonCatalogue, type CatalogEntry } from '../../src/sessions/catalog.js';
import type { LoadDeps, LoadSummary } from '../../src/sessions/load.js';
import { sessionStore } from '../../src/sessions/store.js';
import { backends, importedDatabase, testDatabase, type TestDatabase } from '../helpers/db.js';
import { engineSession, MEXICO_Q, recordedSources, sessionsWithTimingData } from '../jobs/session-fixtures.js';

const paths = sessionsWithTimingData();
const byDriverLap = (a: Lap, b: Lap) => a.driverNumber.localeCompare(b.driverNumber) || a.lapNumber - b.lapNumber;

function expectSameTelemetry(actual: Telemetry, expected: Telemetry, label: string): void {
  expect(actual.length, label).toBe(expected.length);
  expect(actual.channelNames(), label).toEqual(expected.channelNames());
  const cols: [string, ArrayLike<number>, ArrayLike<number>][] = [
    ['date', actual.date, expected.date], ['sessionTime', actual.sessionTime, expected.sessionTime],
    ['time', actual.time, expected.time], ['source', actual.source, expected.source],
    ...expected.channelNames().map((c) => [c, actual.channels[c]!, expected.channels[c]!] as [string, ArrayLike<number>, ArrayLike<number>]),
  ];
  for (const [name, a, e] of cols) {
    for (let i = 0; i < e.length; i++) if (!Object.is(a[i], e[i])) throw new Error(`${label} ${name}[${i}]: ${a[i]} !== ${e[i]}`);
  }
}

describe.each(backends)('loading every recorded session with TimingData on %s', (kind) => {
  let t: TestDatabase;
  let deps: LoadDeps;
  let catalogue: Map<string, CatalogEntry>;
  const summaries: LoadSummary[] = [];

  beforeAll(async () => {
    t = kind === 'postgres' ? await importedDatabase(kind) : await testDatabase(kind);
    deps = { db: t.database.db, sources: recordedSources() };
    catalogue = new Map();
    for (const year of new Set(paths.map((p) => Number(p.slice(0, 4))))) {
      for (const e of await seasonCatalogue(t.database.db, deps.sources, year)) catalogue.set(e.archive.path, e);
    }
  }, 180_000);

  afterAll(async () => {
    if (summaries.length) {
      console.info(`bytes stored per session (${kind}):\n${summaries.map((s) =>
        `  ${s.archivePath.padEnd(72)} laps ${String(s.rows.laps).padStart(4)}  rows ${(s.rowBytes / 1024).toFixed(0).padStart(5)} KiB  telemetry ${(s.telemetryBytes / 1024).toFixed(0).padStart(5)} KiB  (streams ${(s.sourceBytes / 1024).toFixed(0)} KiB)  ${s.timings.totalMs} ms`).join('\n')}`);
    }
    await t?.cleanup();
  });

  it('finds every one of them in the catalogue with its round (from history on PostgreSQL)', () => {
    expect(paths.length).toBeGreaterThanOrEqual(16);
    expect(paths).toContain(MEXICO_Q);
    for (const path of paths) {
      const entry = catalogue.get(path);
      expect(entry, `${path} not in the catalogue`).toBeDefined();
      if (kind === 'postgres' && entry!.key.year <= 2025) {
        expect(entry!.roundFrom, path).toBe('history');
        expect(entry!.raceId, path).not.toBeNull();
      }
    }
    // The same event has the same round either way; 2025's Mexico City GP is round 20.
    expect(catalogue.get(MEXICO_Q)!.key).toEqual({ year: 2025, round: 20, session: 'Q' });
  });

  it.each(paths)('%s: stored session equals the engine\'s', async (path) => {
    const entry = catalogue.get(path)!;
    const summary = await runToCompletion(sessionLoadJob, entry.key, deps);
    summaries.push(summary);
    const engine: Session = await engineSession(path, entry.key.round);
    const store = sessionStore(t.database.db);
    const row = (await store.get(entry.key))!;

    expect(await store.status(entry.key)).toMatchObject({ state: 'loaded', hasData: true, dataVersion: 1, error: null });
    expect(row).toMatchObject({
      archivePath: path, name: engine.name, kind: engine.kind, t0: engine.t0, sessionStartTime: engine.sessionStartTime,
      totalLaps: engine.lapsBuild?.totalLaps ?? null, jolpicaRound: engine.jolpica?.round ?? null, raceId: entry.raceId,
    });
    expect(row.splitTimes).toEqual(engine.lapsBuild ? [...engine.lapsBuild.splitTimes] : null);

    const laps = await store.laps(row.id);
    // Sessions recorded with TimingData alone (no DriverList) give no laps in the engine either.
    if (engine.drivers.length > 0) expect(laps.length).toBeGreaterThan(0);
    expect(laps).toEqual([...(engine.laps?.toArray() ?? [])].sort(byDriverLap));
    expect(summary.rows.laps).toBe(laps.length);

    const drivers = await store.drivers(row.id);
    expect(drivers.map(({ driverId: _d, ...d }) => d).sort((a, b) => a.driverNumber.localeCompare(b.driverNumber)))
      .toEqual([...engine.drivers].sort((a, b) => a.driverNumber.localeCompare(b.driverNumber)));
    expect(await store.results(row.id)).toEqual(engine.results);
    expect(await store.weather(row.id)).toEqual(engine.weather ?? []);
    expect(await store.raceControl(row.id)).toEqual(engine.raceControl ?? []);
    expect(await store.trackStatus(row.id)).toEqual(engine.trackStatus ?? []);
    expect(await store.sessionStatus(row.id)).toEqual(engine.sessionStatus ?? []);

    // Stints cover exactly the laps that have a stint, in order, each with its laps' stint number.
    const stints = await store.stints(row.id);
    const withStint = laps.filter((l) => l.stint !== null);
    expect(stints.reduce((n, s) => n + s.laps, 0)).toBe(withStint.length);
    for (const s of stints) {
      const own = withStint.filter((l) => l.driverNumber === s.driverNumber && l.lapNumber >= s.startLap && l.lapNumber <= s.endLap);
      expect(own.length, `${s.driverNumber} stint ${s.stint}`).toBe(s.laps);
      expect(own.every((l) => l.stint === s.stint)).toBe(true);
    }
    // One pit stop per in-lap; pit-lane time where the out-lap follows.
    const stops = await store.pitStops(row.id);
    expect(stops.length).toBe(laps.filter((l) => l.pitInTime !== null).length);
    for (const p of stops.filter((x) => x.pitLaneTime !== null)) expect(p.pitLaneTime!).toBeGreaterThan(0);

    // Drivers are linked to history by racing number where history has the event's entries (PostgreSQL: 2020, 2023).
    if (kind === 'postgres' && [2020, 2023].includes(entry.key.year)) {
      expect(drivers.filter((d) => d.driverId !== null).length).toBeGreaterThanOrEqual(drivers.length - 2);
    }

    const blobs = await store.telemetryBlobs(row.id);
    if (path !== MEXICO_Q) {
      expect(blobs).toEqual([]);
      expect(await store.telemetry(row)).toBeNull();
      return;
    }
    expect(blobs).toHaveLength(40);
    expect(summary.telemetryBytes).toBe(blobs.reduce((n, b) => n + b.bytes, 0));
    const telemetryStreams = engine.topicLoads.filter((l) => l.topic.endsWith('.z')).reduce((n, l) => n + l.bytes, 0);
    expect(summary.telemetryBytes).toBeLessThan(telemetryStreams / 3);

    const stored = (await store.telemetry(row))!;
    expect(stored.drivers).toEqual(engine.telemetry!.drivers);
    const fastest = [...new Set(laps.map((l) => l.driverNumber))]
      .map((d) => engine.laps!.pickDrivers(d).pickFastest())
      .filter((l): l is Lap => l !== null && l.lapStartTime !== null && l.time !== null);
    expect(fastest.length).toBeGreaterThanOrEqual(19);
    for (const lap of fastest) {
      expectSameTelemetry(stored.lapTelemetry(lap), engine.lapTelemetry(lap), `driver ${lap.driverNumber} lap ${lap.lapNumber}`);
    }
  }, 120_000);
});
