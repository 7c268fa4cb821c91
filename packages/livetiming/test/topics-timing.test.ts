// Timing-related topic parsers on real archive files, checked against FastF1's parsed tables.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseLapCount, parseRaceControl, parseSessionStatus, parseStintMessages, parseStream, parseTrackStatus,
  scheduledLaps, sessionStartTime, timingDataByDriver, lapTimingOf, LapTimingCollector, lapTimingByDriver, driverLapsOf,
  type LapTimingPatch,
} from '../src/index.js';
import { ORACLE_SESSIONS, oracleMeta } from './oracle.js';
import { oracleDir, topicFile } from './paths.js';

const topic = (session: string, name: string) => {
  const f = topicFile(oracleMeta(session).path, name);
  return existsSync(f) ? parseStream(readFileSync(f, 'utf8')).messages : null;
};
const oracle = (session: string, file: string) => JSON.parse(readFileSync(resolve(oracleDir, session, file), 'utf8'));

describe('TrackStatus and SessionStatus', () => {
  for (const s of ORACLE_SESSIONS) {
    it(`${s}: equal to FastF1's tables; session start = first Started`, () => {
      const ts = parseTrackStatus(topic(s, 'TrackStatus')!);
      expect(ts.map((t) => [t.time / 1000, t.status, t.message])).toEqual(oracle(s, 'track_status.json').map((t: { Time: number; Status: string; Message: string }) => [t.Time, t.Status, t.Message]));
      const ss = parseSessionStatus(topic(s, 'SessionStatus')!);
      expect(ss.map((t) => [t.time / 1000, t.status])).toEqual(oracle(s, 'session_status.json').map((t: { Time: number; Status: string }) => [t.Time, t.Status]));
      const meta = JSON.parse(readFileSync(resolve(oracleDir, s, 'meta.json'), 'utf8'));
      expect(sessionStartTime(ss)! / 1000).toBe(meta.session_start_time ?? meta.session.session_start_time);
    });
  }
});

describe('RaceControlMessages', () => {
  for (const s of ORACLE_SESSIONS) {
    const theirs = JSON.parse(readFileSync(resolve(oracleDir, s, 'race_control.json'), 'utf8'));
    if (!theirs) {
      // FastF1 had no messages because the archive has none for this session: so must we.
      it(`${s}: no RaceControlMessages in the archive, none in FastF1's oracle`, () => {
        expect(topic(s, 'RaceControlMessages')).toBeNull();
      });
      continue;
    }
    it(`${s}: every message and field, list and dict forms`, () => {
      const ours = parseRaceControl(topic(s, 'RaceControlMessages')!);
      expect(ours.length).toBe(theirs.length);
      ours.forEach((m, i) => {
        const t = theirs[i];
        expect(m.date).toBe(Date.parse(t.Time + 'Z'));
        expect([m.category, m.message, m.status, m.flag, m.scope, m.racingNumber]).toEqual([t.Category, t.Message, t.Status, t.Flag, t.Scope, t.RacingNumber]);
        expect(m.sector).toBe(t.Sector === null ? null : Number(t.Sector));
        expect(m.lap).toBe(t.Lap === null ? null : Number(t.Lap));
      });
    });
  }
});

describe('TimingAppData stints', () => {
  for (const s of ORACLE_SESSIONS) {
    const f = resolve(oracleDir, s, 'api_timing_app_data.json');
    // FastF1's parsed stint messages are not in every oracle folder (not for Mexico City 2025 Q);
    // there its laps are the oracle: each lap's (Stint, Compound) must be what the messages say.
    if (!existsSync(f)) {
      it(`${s}: every lap's stint and compound in FastF1's laps is what our stint messages give`, () => {
        const ours = parseStintMessages(topic(s, 'TimingAppData')!);
        const compound = new Map<string, string>();
        for (const m of ours) if (m.compound !== null) compound.set(`${m.driver}/${m.stint + 1}`, m.compound);
        const laps = oracle(s, 'laps.json') as { DriverNumber: string; LapNumber: number; Stint: number | null; Compound: string | null }[];
        const withStint = laps.filter((l) => l.Stint !== null && l.Compound !== null);
        expect(withStint.length).toBeGreaterThan(laps.length * 0.9);
        for (const l of withStint) expect(compound.get(`${l.DriverNumber}/${l.Stint}`), `${l.DriverNumber} lap ${l.LapNumber}`).toBe(l.Compound);
      });
      continue;
    }
    it(`${s}: the same stint messages as FastF1 parses (list and dict forms)`, () => {
      const theirs = JSON.parse(readFileSync(f, 'utf8'));
      const ours = parseStintMessages(topic(s, 'TimingAppData')!);
      expect(ours.length).toBe(theirs.length);
      // JSON objects keep insertion order in Python but integer-like keys sort first in JS: drivers
      // within one line may come in another order, each driver's own sequence is the same
      const drivers = [...new Set(theirs.map((t: { Driver: string }) => t.Driver))] as string[];
      for (const d of drivers) {
        const o = ours.filter((m) => m.driver === d);
        const th = theirs.filter((t: { Driver: string }) => t.Driver === d);
        expect(o.length).toBe(th.length);
        o.forEach((m, i) => {
          const t = th[i];
          expect([m.time / 1000, m.stint, m.compound, m.startLaps, m.totalLaps, m.lapNumber, m.tyresNotChanged])
            .toEqual([t.Time, t.Stint, t.Compound, t.StartLaps, t.TotalLaps, t.LapNumber, t.TyresNotChanged]);
          expect(m.new).toBe(t.New);
          expect(m.lapTime === null ? null : m.lapTime / 1000).toBe(t.LapTime);
        });
      }
    });
  }
});

describe('LapCount and TimingData split', () => {
  it('race distance is the first TotalLaps (2018 Azerbaijan: 51)', () => {
    const lc = parseLapCount(topic('fastf1/2018_Azerbaijan_R', 'LapCount')!);
    expect(scheduledLaps(lc)).toBe(51);
    expect(lc.filter((u) => u.currentLap !== null).map((u) => u.currentLap)).toEqual([...Array(51)].map((_, i) => i + 1));
  });
  it('splits TimingData per driver without copying patches', () => {
    const msgs = topic('fastf1-mexico-2025-q', 'TimingData')!;
    const by = timingDataByDriver(msgs);
    expect(by.size).toBe(20);
    const first = by.get('4')![0]!;
    const source = msgs.find((m) => (m.data as { Lines?: Record<string, unknown> }).Lines?.['4'])!;
    expect(first.data).toBe((source.data as { Lines: Record<string, unknown> }).Lines['4']);
    let n = 0;
    for (const m of msgs) n += Object.keys((m.data as { Lines?: object }).Lines ?? {}).length;
    expect([...by.values()].reduce((a, l) => a + l.length, 0)).toBe(n);
  });
  it('reduces TimingData to the laps builder\'s part as it is read: same drivers in the same order, no-op patches left out exactly', () => {
    const file = topicFile(oracleMeta('fastf1-mexico-2025-q').path, 'TimingData');
    const msgs = parseStream(readFileSync(file, 'utf8')).messages;
    const read = new LapTimingCollector();
    const { messages, report } = parseStream(readFileSync(file), { reduce: (data, time) => { read.add(time, data); return undefined; } });
    expect(messages).toEqual([]);
    expect(report.lines).toBe(msgs.length);
    const full = lapTimingByDriver(msgs);
    expect(read.byDriver).toEqual(full.byDriver);
    expect([...read.byDriver.keys()]).toEqual([...timingDataByDriver(msgs).keys()]);
    const numbers = new Set(msgs.flatMap((m) => Object.keys((m.data as { Lines?: object }).Lines ?? {})));
    expect(read.numbers).toEqual(numbers);
    // segment colours only: nothing for the laps
    expect(lapTimingOf(1, { Sectors: { 1: { Segments: { 2: { Status: 2048 } } } } })).toBeNull();
    expect(lapTimingOf(1, { Sectors: [{ Value: '20.1' }], Speeds: { I1: { Value: '301' } } })).toMatchObject({ sector1: undefined, speedI1: '301' });
    // the left-out patches, put back as records of nothing, change no lap
    const nothing = (time: number) => lapTimingOf(time, { InPit: false }) && { ...lapTimingOf(time, { InPit: false })!, hasInPit: false, inPit: undefined } as LapTimingPatch;
    for (const [drv, patches] of timingDataByDriver(msgs)) {
      const all = patches.map((p) => lapTimingOf(p.time, p.data) ?? nothing(p.time)!);
      expect(all.length).toBeGreaterThanOrEqual(read.byDriver.get(drv)!.length);
      expect(driverLapsOf(drv, all)).toEqual(driverLapsOf(drv, read.byDriver.get(drv)!));
    }
  });
});
