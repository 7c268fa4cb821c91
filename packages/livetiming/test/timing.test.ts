// The lap rules on small hand-written feeds: one rule per test, so a regression names its rule.
import { describe, expect, it } from 'vitest';
import {
  asofTyres, buildDriverLaps, fixStints, lapDeletions, parseDuration, trackStatusOf, type DriverPatch, type RaceControlMessage,
} from '../src/index.js';

const p = (time: number, data: Record<string, unknown>): DriverPatch => ({ time, data });
const s = (n: 0 | 1 | 2, v: string) => ({ Sectors: { [String(n)]: { Value: v } } });
const sec = (us: number) => us / 1e6;

// out of the pits at 10 s; lap 1 ends at 100 s; lap 2 at 186 s; lap 3 at 272.5 s (S1 omitted as
// unchanged); lap 4 is an in-lap without a line crossing
const feed: DriverPatch[] = [
  p(10_000, { InPit: false }),
  p(40_000, s(0, '30.000')),
  p(70_000, s(1, '30.000')),
  p(100_000, { NumberOfLaps: 1, ...s(2, '30.000'), BestLapTime: { Value: '1:30.000' } }),
  p(102_000, { LastLapTime: { Value: '1:30.000' }, Speeds: { FL: { Value: '280' }, ST: { Value: '300' } } }),
  p(128_000, s(0, '28.000')),
  p(157_000, s(1, '29.000')),
  p(186_000, { NumberOfLaps: 2, ...s(2, '29.000'), LastLapTime: { Value: '1:26.000' }, BestLapTime: { Value: '1:26.000' } }),
  p(200_000, { BestLapTime: { Value: '1:30.000' } }), // lap 2 deleted: the previous best is re-sent
  p(243_000, s(1, '29.000')),
  p(272_500, { NumberOfLaps: 3, ...s(2, '29.500'), LastLapTime: { Value: '1:26.500' } }),
  p(300_600, s(0, '28.100')),
  p(320_000, { InPit: true }),
];

describe('per-driver lap reconstruction', () => {
  const r = buildDriverLaps('1', feed);
  const l = r.laps!;
  it('cuts laps at NumberOfLaps increments and keeps a trailing in-lap ending at pit entry', () => {
    expect(l.lapNumber).toEqual([1, 2, 3, 4]);
    expect(l.time.map(sec)).toEqual([100, 186, 272.5, 320]);
    expect(sec(l.pitInTime[3]!)).toBe(320);
    expect(sec(l.pitOutTime[0]!)).toBe(10);
  });
  it('attributes values arriving less than 5 s after a lap end to that lap, except the ST trap', () => {
    expect(sec(l.lapTime[0]!)).toBe(90);
    expect(l.speedFL[0]).toBe(280);
    expect(Number.isNaN(l.speedST[0]!)).toBe(true);
    expect(l.speedST[1]).toBe(300);
  });
  it('restores a sector omitted because unchanged when the lap time proves it, never changes sent times', () => {
    expect(sec(l.s1[2]!)).toBe(28);
    expect(Number.isNaN(l.s1Time[2]!)).toBe(true); // restored, not timed: no session time
    expect(sec(l.lapTime[2]!)).toBe(86.5);
    expect(sec(l.s1[1]!)).toBe(28);
  });
  it('skips a personal best that the feed replaced by re-sending the previous one (deleted lap)', () => {
    expect(l.isPersonalBest).toEqual([true, false, false, false]);
  });
  it('fills a lap time the feed sent as explicitly empty from its three sectors', () => {
    const f = [
      p(0, { InPit: false }), p(100_000, { NumberOfLaps: 1, ...s(2, '30.000') }),
      p(130_000, s(0, '30.000')), p(160_000, s(1, '30.500')),
      p(190_000, { NumberOfLaps: 2, ...s(2, '31.000'), LastLapTime: { Value: '' } }),
    ];
    expect(buildDriverLaps('1', f).laps!.lapTime.map(sec)).toEqual([NaN, 91.5]);
  });
  it('drops a lap time below its sector sum and reports it', () => {
    const f = [
      p(0, { InPit: false }), p(100_000, { NumberOfLaps: 1, ...s(2, '30.000') }),
      p(130_000, s(0, '30.000')), p(160_000, s(1, '30.000')),
      p(190_000, { NumberOfLaps: 2, ...s(2, '30.000'), LastLapTime: { Value: '1:01.000' } }),
    ];
    const res = buildDriverLaps('1', f);
    expect(Number.isNaN(res.laps!.lapTime[1]!)).toBe(true);
    expect(res.integrityErrors).toContain(2);
  });
  it('ignores data that goes back in time until the lap count returns', () => {
    const f = [
      p(0, { InPit: false }), p(100_000, { NumberOfLaps: 1, ...s(2, '30.000') }),
      p(150_000, { NumberOfLaps: 0, ...s(0, '99.000') }), p(151_000, s(1, '99.000')),
      p(152_000, { NumberOfLaps: 1 }), p(160_000, s(0, '30.000')), p(190_000, s(1, '30.000')),
      p(220_000, { NumberOfLaps: 2, ...s(2, '30.000') }),
    ];
    const laps = buildDriverLaps('1', f).laps!;
    expect(laps.s1.map(sec)).toEqual([NaN, 30]);
    expect(laps.time.map(sec)).toEqual([100, 220]);
    expect(laps.s2.map(sec)).toEqual([NaN, 30]); // not the 99 s sent while the data was in the past
  });
  it('puts a pit exit right before the line on the next lap', () => {
    const f = [
      p(0, { InPit: false }), p(100_000, { NumberOfLaps: 1, ...s(2, '30.000') }),
      p(120_000, { InPit: true }), p(196_000, { InPit: false }), p(199_000, { NumberOfLaps: 2 }),
      p(230_000, s(0, '31.000')), p(260_000, s(1, '30.000')), p(290_000, { NumberOfLaps: 3, ...s(2, '30.000') }),
    ];
    const laps = buildDriverLaps('1', f).laps!;
    expect(sec(laps.pitInTime[1]!)).toBe(120);
    expect(Number.isNaN(laps.pitOutTime[1]!)).toBe(true);
    expect(sec(laps.pitOutTime[2]!)).toBe(196);
  });
});

describe('tyres', () => {
  // times in seconds here; the engine works in µs
  const st = (time: number, stint: number, compound: string | null, startLaps: number | null = 0, isNew: boolean | null = true) =>
    ({ time: time * 1e6, stint, compound, startLaps, new: isNew });
  it('re-times stints bunched at the first timestamp of a race to their own stint start', () => {
    const fixed = fixStints([st(800, 0, 'SOFT', 3, false), st(800, 1, 'HARD')], [617_254_000], true);
    expect(fixed.map((m) => [m.stint, m.time])).toEqual([[0, 1000], [1, 617_255_000]]);
    // elsewhere they stay where they are, and a second stint without a pit entry is a correction
    expect(fixStints([st(800, 0, 'SOFT'), st(800, 1, 'HARD')], [617_254_000], false).map((m) => [m.stint, m.time, m.compound])).toEqual([[0, 800e6, 'HARD']]);
  });
  it('clamps a stint counter that advances without a pit entry, and merges corrections', () => {
    const report = { stintCounterFixed: false };
    const fixed = fixStints([
      st(1, 0, 'SOFT', 3, false), st(700, 1, 'SOFT'), st(850, 2, 'SOFT', 0, true), st(900, 1, null, 6, false),
    ], [600_000_000], false, report);
    expect(report.stintCounterFixed).toBe(true);
    expect(fixed.map((m) => [m.stint, m.time / 1000, m.compound, m.startLaps, m.new])).toEqual([
      [0, 1e3, 'SOFT', 3, false], [1, 700e3, 'SOFT', 6, false],
    ]);
  });
  it('joins each lap with the last tyre message at or before its end', () => {
    const states = [st(100, 0, 'SOFT'), st(200, 1, 'HARD')];
    expect(asofTyres([50e6, 100e6, 150e6, 250e6, NaN], states).map((t) => t?.compound ?? null)).toEqual([null, 'SOFT', 'SOFT', 'HARD', null]);
  });
});

describe('race-control deletions and track status', () => {
  const rcm = (message: string): RaceControlMessage => ({ utc: '', date: 0, category: 'Other', message, status: null, flag: null, scope: null, sector: null, racingNumber: null, lap: null });
  it('parses deletions, strips the local clock from the reason, honours reinstatements', () => {
    const d = lapDeletions([
      rcm('CAR 44 (HAM) TIME 1:29.123 DELETED - TRACK LIMITS AT TURN 4 LAP 7 14:02:11'),
      rcm('CAR 16 (LEC) TIME 1:28.500 DELETED - TRACK LIMITS AT TURN 1 LAP 3 13:58:40'),
      rcm('CAR 16 (LEC) TIME 1:28.500 AT 13:58:40 REINSTATED'),
    ]);
    expect(d).toEqual([{ driverNumber: '44', lapTime: parseDuration('1:29.123'), reason: 'TRACK LIMITS AT TURN 4 LAP 7 ' }]);
  });
  it('lists every status active while a lap ran, in order of occurrence', () => {
    const ts = [{ time: 0, status: '1', message: '' }, { time: 100, status: '2', message: '' }, { time: 150, status: '4', message: '' }, { time: 400, status: '1', message: '' }];
    expect(trackStatusOf(50_000, 120_000, ts)).toBe('12');
    expect(trackStatusOf(160_000, 300_000, ts)).toBe('4');
    expect(trackStatusOf(90_000, 500_000, ts)).toBe('1241'.slice(0, 3));
    expect(trackStatusOf(NaN, 50_000, ts)).toBe('1');
  });
});
