// Parity of our laps with FastF1's on the real archive sessions in ../shared/oracle, plus invariants
// on the archive sessions FastF1 outputs are not stored for.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildLaps, parseDriverList, parseLapCount, parseRaceControl, parseSessionStatus, parseStream, parseTrackStatus,
  timingDataByDriver, type Lap, type LapsBuild,
} from '../src/index.js';
import { ORACLE_SESSIONS, buildInputFor, buildOracleSession, compareWithOracle, oracleLaps } from './oracle.js';
import { topicFile } from './paths.js';

const builds = new Map<string, LapsBuild>();
const built = (s: string) => {
  if (!builds.has(s)) builds.set(s, buildOracleSession(s, { t0: true }));
  return builds.get(s)!;
};

describe('laps parity with FastF1 (every row, every column)', () => {
  for (const session of ORACLE_SESSIONS) {
    it(session, () => {
      const b = built(session);
      const p = compareWithOracle(session, b.laps.toArray(), { lapStartDate: true });
      expect(p.missing).toEqual([]);
      expect(p.extra).toEqual([]);
      expect(p.ours).toBe(p.theirs);
      const diffs = p.columns.filter((c) => c.equal !== c.total).map((c) => `${c.column} ${c.equal}/${c.total}: ${c.examples.join(' | ')}`);
      expect(diffs).toEqual([]);
    });
  }
});

describe('hard cases, checked on the oracle sessions', () => {
  it('LapStartDate is t0 + LapStartTime when t0 is given, null otherwise', () => {
    const withT0 = built('fastf1-mexico-2025-q').laps.toArray();
    const without = buildOracleSession('fastf1-mexico-2025-q').laps.toArray();
    const t0 = Date.parse('2025-10-25T20:46:23.900Z');
    for (const l of withT0) expect(l.lapStartDate).toBe(l.lapStartTime === null ? null : t0 + l.lapStartTime);
    expect(without.every((l) => l.lapStartDate === null)).toBe(true);
  });

  it('race lap 1 comes from Jolpica; without it lap 1 has no time (the feed has none)', () => {
    const s = 'fastf1/2018_Azerbaijan_R';
    const lap1 = built(s).laps.pickLaps(1).toArray().filter((l) => !l.fastF1Generated);
    expect(lap1.length).toBeGreaterThan(15);
    expect(lap1.every((l) => l.lapTime !== null)).toBe(true);
    const noJolpica = buildLaps({ ...buildInputFor(s), firstLapTimes: undefined });
    expect(noJolpica.laps.pickLaps(1).toArray().every((l) => l.lapTime === null)).toBe(true);
  });

  it('generates lap-1 crash laps and retirement laps in the race, flagged and never accurate', () => {
    const gen = built('fastf1/2018_Azerbaijan_R').laps.filter((l) => l.fastF1Generated).toArray();
    const theirs = oracleLaps('fastf1/2018_Azerbaijan_R').filter((l) => l.FastF1Generated);
    expect(gen.map((l) => `${l.driverNumber}#${l.lapNumber}`).sort()).toEqual(theirs.map((l) => `${l.DriverNumber}#${l.LapNumber}`).sort());
    for (const l of gen) {
      expect(l.isAccurate).toBe(false);
      expect(l.lapTime).toBeNull();
      expect(l.position).toBeNull();
    }
  });

  it('marks deleted laps from race-control text and drops their personal-best flag', () => {
    const laps = built('fastf1/2021_Italian_FP2').laps;
    const deleted = laps.filter((l) => l.deleted === true).toArray();
    expect(deleted.length).toBe(11);
    for (const l of deleted) {
      expect(l.isPersonalBest).toBe(false);
      expect(l.deletedReason).toMatch(/TRACK LIMITS|\w/);
      expect(l.deletedReason).not.toMatch(/\d\d:\d\d:\d\d/);
    }
    // no race-control messages: deletions are unknown, not "false"
    const saudi = built('fastf1/2022_Saudi_Arabian_Q').laps;
    expect(saudi.toArray().every((l) => l.deleted === null)).toBe(true);
    expect(() => saudi.pickNotDeleted()).toThrow(/race-control/);
  });

  it('splits qualifying into Q1/Q2/Q3 by lap start and exposes the split times', () => {
    const b = built('fastf1-mexico-2025-q');
    expect(b.splitTimes[0]).toBe(0);
    expect(b.splitTimes[1]).toBeGreaterThan(0);
    expect(b.splitTimes[2]).toBeGreaterThan(b.splitTimes[1]!);
    const [q1, q2, q3] = b.laps.splitQualifyingSessions();
    expect(q1!.length + q2!.length + q3!.length).toBeLessThanOrEqual(b.laps.length);
    expect(new Set(q3!.toArray().map((l) => l.driverNumber)).size).toBe(10);
    expect(new Set(q2!.toArray().map((l) => l.driverNumber)).size).toBe(15);
    for (const l of q2!) expect(l.lapStartTime!).toBeGreaterThan(b.splitTimes[1]!);
  });
});

describe('Laps collection', () => {
  const laps = () => built('fastf1/2019_Italian_Q').laps;
  it('picks drivers by number or abbreviation, laps, teams and tyres', () => {
    const lec = laps().pickDrivers(['LEC', 44]);
    expect(new Set(lec.toArray().map((l) => l.driver))).toEqual(new Set(['LEC', 'HAM']));
    expect(laps().pickLaps([1, 2]).toArray().every((l) => l.lapNumber <= 2)).toBe(true);
    expect(laps().pickTyre('medium').toArray().every((l) => l.compound === 'MEDIUM')).toBe(true);
    expect(laps().pickTeams('Ferrari').toArray().every((l) => l.team === 'Ferrari')).toBe(true);
    expect(() => laps().pickLaps(1.5)).toThrow();
  });
  it('pickFastest takes personal bests only unless asked by time; 107% and other picks', () => {
    const all = laps();
    const f = all.pickFastest()!;
    expect(f.isPersonalBest).toBe(true);
    const min = Math.min(...all.toArray().filter((l) => l.isPersonalBest && l.lapTime !== null).map((l) => l.lapTime!));
    expect(f.lapTime).toBe(min);
    expect(all.pickFastest(true)!.lapTime).toBeLessThanOrEqual(min);
    const quick = all.pickQuickLaps();
    expect(quick.toArray().every((l) => l.lapTime! < 1.07 * all.pickFastest(true)!.lapTime!)).toBe(true);
    expect(all.pickWoPitInOut().toArray().every((l) => l.pitInTime === null && l.pitOutTime === null)).toBe(true);
    expect(all.pickAccurate().toArray().every((l) => l.isAccurate)).toBe(true);
    expect(all.pickNotDeleted().length).toBe(all.length - 1);
    expect(all.pickTrackStatus('1').toArray().every((l) => l.trackStatus === '1')).toBe(true);
    expect(all.pickTrackStatus('5', 'contains').toArray().every((l) => l.trackStatus.includes('5'))).toBe(true);
    expect(all.pickTrackStatus('5', 'excludes').length + all.pickTrackStatus('5', 'contains').length).toBe(all.length);
    expect(all.pickTrackStatus('25', 'none').toArray().every((l) => !/[25]/.test(l.trackStatus))).toBe(true);
  });
  it('is immutable: picks return new collections of frozen laps', () => {
    const all = laps();
    const sub = all.pickDrivers('LEC');
    expect(sub).not.toBe(all);
    expect(Object.isFrozen(sub.at(0))).toBe(true);
    expect(() => { (sub.laps as Lap[]).push(sub.at(0)!); }).toThrow();
  });
});

// Sessions without a stored FastF1 output: the engine must still follow the data's rules.
const OTHER_SESSIONS: [string, string, number][] = [
  ['2020/2020-07-19_Hungarian_Grand_Prix/2020-07-17_Practice_2/', 'Practice 2', 2020],
  ['2021/2021-11-07_Mexico_City_Grand_Prix/2021-11-06_Qualifying/', 'Qualifying', 2021],
  ['2022/2022-07-03_British_Grand_Prix/2022-07-01_Practice_1/', 'Practice 1', 2022],
  ['2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-28_Qualifying/', 'Qualifying', 2023],
  ['2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-29_Sprint/', 'Sprint', 2023],
  ['2024/2024-04-21_Chinese_Grand_Prix/2024-04-19_Sprint_Qualifying/', 'Sprint Qualifying', 2024],
  ['2024/2024-07-07_British_Grand_Prix/2024-07-05_Practice_1/', 'Practice 1', 2024],
  ['2025/2025-05-04_Miami_Grand_Prix/2025-05-03_Sprint/', 'Sprint', 2025],
];

const read = (path: string, topic: string) => {
  try { return parseStream(readFileSync(topicFile(path, topic), 'utf8')).messages; } catch { return null; }
};

describe('laps on the other archive sessions (invariants)', () => {
  for (const [path, name, year] of OTHER_SESSIONS) {
    it(`${path} (${name})`, () => {
      const td = read(path, 'TimingData')!;
      const ss = read(path, 'SessionStatus');
      const ts = read(path, 'TrackStatus');
      const rcm = read(path, 'RaceControlMessages');
      const lc = read(path, 'LapCount');
      const b = buildLaps({
        sessionName: name, year, timingData: td, timingAppData: read(path, 'TimingAppData') ?? [],
        sessionStatus: ss ? parseSessionStatus(ss) : [], trackStatus: ts ? parseTrackStatus(ts) : null,
        raceControl: rcm ? parseRaceControl(rcm) : null, lapCount: lc ? parseLapCount(lc) : [],
        drivers: parseDriverList((read(path, 'DriverList') ?? []).filter((m) => m.time <= 3_600_000)),
      });
      expect(b.laps.length).toBeGreaterThan(50); // 2022 British FP1 was wet: 80 laps
      // every lap time is a value the feed sent for that driver, or the sum of that lap's sectors
      const sent = new Map<string, Set<number>>();
      for (const [drv, patches] of timingDataByDriver(td)) {
        const set = new Set<number>();
        for (const p of patches) {
          const v = (p.data.LastLapTime as { Value?: string } | undefined)?.Value;
          if (v) set.add(Math.round(Number(v.includes(':') ? Number(v.split(':')[0]) * 60 + Number(v.split(':')[1]) : v) * 1000));
        }
        sent.set(drv, set);
      }
      const byDriver = new Map<string, Lap[]>();
      for (const l of b.laps) {
        if (!byDriver.has(l.driverNumber)) byDriver.set(l.driverNumber, []);
        byDriver.get(l.driverNumber)!.push(l);
        if (l.lapTime !== null) {
          const sectors = (l.sector1Time ?? NaN) + (l.sector2Time ?? NaN) + (l.sector3Time ?? NaN);
          expect(sent.get(l.driverNumber)!.has(Math.round(l.lapTime)) || Math.abs(sectors - l.lapTime) < 1e-6).toBe(true);
          // never below the sum of its sectors
          if (!Number.isNaN(sectors)) expect(l.lapTime).toBeGreaterThanOrEqual(sectors - 1e-6);
        }
        if (l.tyreLife !== null) expect(l.tyreLife).toBeGreaterThanOrEqual(1);
      }
      for (const laps of byDriver.values()) {
        laps.forEach((l, i) => {
          expect(l.lapNumber).toBe(laps[0]!.lapNumber + i);
          if (i > 0) {
            expect(l.lapStartTime === null || l.lapStartTime === laps[i - 1]!.time || l.pitOutTime !== null).toBe(true);
            if (l.time !== null && laps[i - 1]!.time !== null) expect(l.time).toBeGreaterThanOrEqual(laps[i - 1]!.time!);
          }
        });
      }
      if (b.kind === 'race') expect(b.laps.toArray().some((l) => l.position === 1)).toBe(true);
    });
  }
});
