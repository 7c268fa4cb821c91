// Pure shaping of the session API, checked on sessions the engine builds from the real archive:
// lap filters against the engine's own picks, race order against Jolpica's classification, columnar
// telemetry against the engine's merged lap telemetry.
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NO_DRIVER, SOURCE_NAMES, STATUS_NAMES, type Lap } from '@apexdata/livetiming';
import { filterLaps, LapFilterError } from '../../src/sessions/shape/laps.js';
import { gapsPerLap, positionsPerLap } from '../../src/sessions/shape/race-order.js';
import {
  columnarTelemetry, COLUMN_ROUNDING, DEFAULT_TELEMETRY_COLUMNS, parseTelemetryColumns, TELEMETRY_COLUMNS,
} from '../../src/sessions/shape/telemetry.js';
import { csv, records } from '../../src/sessions/shape/table.js';
import { lapColumns } from '../../src/sessions/shape/laps.js';
import { teamColor, weatherSeries } from '../../src/sessions/shape/tables.js';
import { BAKU_2018_R, engineSession, jolpica, MEXICO_2025_Q, sessionsWithTimingData } from './api-fixtures.js';

const key = (l: Lap) => `${l.driverNumber}/${l.lapNumber}`;
const keys = (laps: Iterable<Lap>) => [...laps].map(key);

const paths = sessionsWithTimingData();

describe('lap filters on every archived session with TimingData', () => {
  it('should find the 18 recorded sessions', () => {
    expect(paths.length).toBe(18);
  });

  for (const path of paths) {
    it(`${path}: filters select what the engine's picks select`, async () => {
      const session = await engineSession(path);
      const laps = session.laps!;
      expect(keys(filterLaps(laps, {}))).toEqual(keys(laps));
      // TimingData without a DriverList (2022 Spain, 2023 Canada qualifying): the engine builds no laps.
      if (laps.length === 0) {
        expect(session.drivers).toHaveLength(0);
        return;
      }

      // Drivers by abbreviation and by number select the same laps.
      const first = laps.laps.find((l) => l.driver !== null)!;
      const byTla = filterLaps(laps, { drivers: [first.driver!.toLowerCase()] });
      expect(keys(byTla)).toEqual(keys(filterLaps(laps, { drivers: [first.driverNumber] })));
      expect(byTla.laps.every((l) => l.driverNumber === first.driverNumber)).toBe(true);
      expect(byTla.length).toBe(laps.laps.filter((l) => l.driverNumber === first.driverNumber).length);

      // Boolean filters split the session in two.
      for (const [f, pred] of [
        ['accurate', (l: Lap) => l.isAccurate],
        ['personalBest', (l: Lap) => l.isPersonalBest],
      ] as const) {
        const yes = filterLaps(laps, { [f]: true });
        const no = filterLaps(laps, { [f]: false });
        expect(yes.laps.every(pred)).toBe(true);
        expect(no.laps.some(pred)).toBe(false);
        expect(yes.length + no.length).toBe(laps.length);
      }

      // 107%: the engine's pickQuickLaps on the whole session, also when combined with a driver.
      const quick = filterLaps(laps, { quick: true });
      expect(keys(quick)).toEqual(keys(laps.pickQuickLaps()));
      const best = Math.min(...laps.laps.map((l) => l.lapTime ?? Infinity));
      const driverQuick = filterLaps(laps, { quick: true, drivers: [first.driverNumber] });
      expect(driverQuick.laps.every((l) => l.lapTime! < best * 1.07 && l.driverNumber === first.driverNumber)).toBe(true);

      // Deletions: unknown without race-control messages, and then the filter says so.
      if (laps.laps.some((l) => l.deleted === null)) {
        expect(() => filterLaps(laps, { deleted: false })).toThrow(LapFilterError);
      } else {
        expect(keys(filterLaps(laps, { deleted: false }))).toEqual(keys(laps.pickNotDeleted()));
        expect(filterLaps(laps, { deleted: true }).laps.every((l) => l.deleted === true)).toBe(true);
      }

      // Several filters at once select exactly the laps meeting all of them.
      const withCompound = laps.laps.find((l) => l.compound !== null && l.stint !== null);
      if (withCompound) {
        const f = { compounds: [withCompound.compound!.toLowerCase()], stints: [withCompound.stint!], fromLap: 2, toLap: 30, trackStatus: '1', pitInOut: false };
        const got = filterLaps(laps, f);
        const want = laps.laps.filter((l) => l.compound === withCompound.compound && l.stint === withCompound.stint && l.lapNumber >= 2
          && l.lapNumber <= 30 && l.trackStatus === '1' && l.pitInTime === null && l.pitOutTime === null);
        expect(keys(got)).toEqual(keys(want));
      }

      // Qualifying parts partition the laps that fall in them.
      if (laps.context.kind === 'qualifying' && laps.context.sessionStatus.length > 0) {
        const parts = (['Q1', 'Q2', 'Q3'] as const).map((part) => keys(filterLaps(laps, { part })));
        const all = parts.flat();
        expect(new Set(all).size).toBe(all.length);
        expect(parts[0]!.length).toBeGreaterThan(0);
      }
    });
  }
});

describe('race order (2018 Azerbaijan Grand Prix)', () => {
  it('should give one position per car per lap and finish in the official order', async () => {
    const session = await engineSession(BAKU_2018_R);
    const laps = session.laps!.toArray();
    const positions = positionsPerLap(laps);
    expect(positions.length).toBe(laps.filter((l) => l.position !== null).length);
    const byLap = new Map<number, typeof positions>();
    for (const p of positions) byLap.set(p.lapNumber, [...(byLap.get(p.lapNumber) ?? []), p]);
    for (const [, list] of byLap) expect(list.map((p) => p.position)).toEqual(list.map((_, i) => i + 1));

    const results = jolpica('2018/4/results.json').MRData.RaceTable.Races[0].Results as { number: string; position: string; laps: string; Time?: { millis: string } }[];
    const finishers = results.filter((r) => r.laps === '51');
    const last = byLap.get(51)!;
    expect(last.map((p) => p.driverNumber)).toEqual(finishers.map((r) => r.number));
  });

  it('should put gaps to the leader in line with the official race times', async () => {
    const session = await engineSession(BAKU_2018_R);
    const gaps = gapsPerLap(session.laps!.toArray());
    for (const g of gaps) {
      if (g.position === 1) expect(g.gapToLeader).toBe(0);
      if (g.gapToLeader !== null) expect(g.gapToLeader).toBeGreaterThanOrEqual(0);
    }
    // The interval chain adds up to the gap.
    const lap30 = gaps.filter((g) => g.lapNumber === 30);
    let sum = 0;
    for (const g of lap30) {
      sum += g.interval ?? NaN;
      expect(g.gapToLeader).toBe(sum);
    }
    // At the flag, gaps measured on the timing line agree with Jolpica's classified times (whose
    // time penalties the timing line does not show: hence the median).
    const results = jolpica('2018/4/results.json').MRData.RaceTable.Races[0].Results as { number: string; Time?: { millis: string } }[];
    const winner = Number(results[0]!.Time!.millis);
    const diffs = results.filter((r) => r.Time).map((r) => {
      const g = gaps.find((x) => x.lapNumber === 51 && x.driverNumber === r.number)!;
      return Math.abs(g.gapToLeader! - (Number(r.Time!.millis) - winner));
    });
    diffs.sort((a, b) => a - b);
    expect(diffs.length).toBe(13);
    expect(diffs[Math.floor(diffs.length / 2)]!).toBeLessThan(100);
  });

  it('should give no positions in a qualifying session', async () => {
    const session = await engineSession(MEXICO_2025_Q);
    expect(positionsPerLap(session.laps!.toArray())).toEqual([]);
  });
});

describe('columnar telemetry (2025 Mexico City qualifying)', () => {
  it('should hold the engine’s merged lap telemetry, channel by channel, within its rounding', async () => {
    const session = await engineSession(MEXICO_2025_Q);
    const laps = session.laps!.pickQuickLaps().laps.filter((_, i) => i % 7 === 0);
    expect(laps.length).toBeGreaterThan(5);
    for (const lap of laps) {
      const tel = session.lapTelemetry(lap);
      const col = columnarTelemetry(tel, TELEMETRY_COLUMNS, 'time');
      expect(col.samples).toBe(tel.length);
      expect(Object.keys(col.channels)[0]).toBe('time');
      const frames = Array.from({ length: tel.length }, (_, i) => tel.frame(i) as unknown as Record<string, unknown>);
      const wrong: string[] = [];
      for (const name of TELEMETRY_COLUMNS) {
        const values = col.channels[name]!;
        expect(values, name).toHaveLength(tel.length);
        const unit = COLUMN_ROUNDING[name] ? 1 / 10 ** decimalsOf(name) : 0;
        for (let i = 0; i < tel.length; i++) {
          const f = frames[i]!;
          const v = values[i];
          let want: unknown = f[name];
          if (name === 'driverAhead') want = tel.channel('driverAhead')![i] === NO_DRIVER ? null : f.driverAhead;
          if (name === 'status') want = STATUS_NAMES[tel.channel('status')![i]!];
          if (name === 'source') want = SOURCE_NAMES[tel.source[i]!];
          if (typeof want !== 'number') {
            if (v !== want) wrong.push(`${name}[${i}] ${String(v)} ≠ ${String(want)}`);
          } else if (Number.isNaN(want)) {
            if (v !== null) wrong.push(`${name}[${i}] ${String(v)} ≠ null`);
          } else if (!(Math.abs((v as number) - want) <= unit / 2 + 1e-9) || (Number.isInteger(want) && !Number.isInteger(v))) {
            wrong.push(`${name}[${i}] ${String(v)} ≠ ${want}`);
          }
        }
      }
      expect(wrong.slice(0, 10)).toEqual([]);
    }
  });

  it('should keep a full lap with every channel under 25 KB compressed, for every driver’s fastest lap', async () => {
    const session = await engineSession(MEXICO_2025_Q);
    const sizes: number[] = [];
    for (const d of new Set(session.laps!.laps.map((l) => l.driverNumber))) {
      const lap = session.laps!.pickDrivers(d).pickFastest();
      if (!lap) continue;
      const body = JSON.stringify(columnarTelemetry(session.lapTelemetry(lap), TELEMETRY_COLUMNS));
      const br = brotliCompressSync(body, { params: { [zc.BROTLI_PARAM_QUALITY]: 5 } }).length;
      const gz = gzipSync(body, { level: 6 }).length;
      sizes.push(Math.max(br, gz));
    }
    expect(sizes.length).toBe(20);
    expect(Math.max(...sizes)).toBeLessThan(25 * 1024);
  });

  it('should name the axis first and read channel lists', async () => {
    const session = await engineSession(MEXICO_2025_Q);
    const lap = session.laps!.pickFastest()!;
    const tel = session.lapTelemetry(lap);
    const col = columnarTelemetry(tel, ['speed', 'nGear'], 'distance');
    expect(Object.keys(col.channels)).toEqual(['distance', 'speed', 'nGear']);
    expect(parseTelemetryColumns(undefined)).toEqual(DEFAULT_TELEMETRY_COLUMNS);
    expect(parseTelemetryColumns('all')).toEqual([...TELEMETRY_COLUMNS]);
    expect(parseTelemetryColumns('Speed, rpm,speed')).toEqual(['speed', 'rpm']);
    expect(() => parseTelemetryColumns('speed,warp')).toThrow(/unknown channel 'warp'/);
  });
});

describe('tables', () => {
  it('should render laps as JSON records and CSV with the same cells', async () => {
    const session = await engineSession('2019/2019-09-08_Italian_Grand_Prix/2019-09-07_Qualifying/');
    const laps = session.laps!.laps.slice(0, 40);
    const recs = records(laps, lapColumns);
    const text = csv(laps, lapColumns);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(41);
    expect(lines[0]!.split(',')).toEqual(lapColumns.map((c) => c.key));
    recs.forEach((r, i) => {
      const cells = lines[i + 1]!.split(',');
      lapColumns.forEach((c, j) => expect(cells[j], c.key).toBe(r[c.key] === null ? '' : String(r[c.key])));
    });
  });

  it('should give weather as equal-length columns and team colours as #rrggbb', async () => {
    const session = await engineSession('2019/2019-09-08_Italian_Grand_Prix/2019-09-07_Qualifying/');
    const w = weatherSeries(session.weather!);
    expect(w.time!.length).toBe(session.weather!.length);
    for (const values of Object.values(w)) expect(values).toHaveLength(session.weather!.length);
    expect(teamColor('3671C6')).toBe('#3671c6');
    expect(teamColor(null)).toBeNull();
    expect(teamColor('zzz')).toBeNull();
  });
});

function decimalsOf(name: string): number {
  return ({ speed: 1, throttle: 1, x: 1, y: 1, z: 1, distance: 2, distanceToDriverAhead: 2, relativeDistance: 6 } as Record<string, number>)[name] ?? 0;
}
