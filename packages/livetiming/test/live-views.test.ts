import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../src/session.js';
import { Replay } from '../src/live/replay.js';
import { LiveState } from '../src/live/state.js';
import type { Timeline } from '../src/live/timeline.js';
import { carPositions, gapBetween, liveCarData, liveView, segmentColour, sessionClock, timingTower } from '../src/live/views/index.js';
import { BAKU_2018_RACE, MEXICO_2025_Q, timeline } from './live-fixtures.js';
import { liveTimingDir, sharedDir } from './paths.js';

const LOCAL = {
  archive: { base: liveTimingDir },
  jolpica: { base: resolve(sharedDir, 'f1data', 'jolpica') },
  schedule: { base: resolve(sharedDir, 'f1data', 'f1schedule') },
  telemetry: false,
};

function playToEnd(t: Timeline): LiveState {
  const s = new LiveState();
  for (const m of t.messages) s.apply(m);
  return s;
}

describe('timing tower of a whole race replayed (2018 Azerbaijan)', () => {
  let session: Session;
  let state: LiveState;
  beforeAll(async () => {
    const [s, t] = await Promise.all([Session.load(BAKU_2018_RACE, LOCAL), timeline(BAKU_2018_RACE)]);
    session = s;
    state = playToEnd(t);
  });

  it('ends in the order of the engine classification, with its laps', () => {
    const tower = timingTower(state.topics);
    expect(tower.kind).toBe('race');
    expect(tower.rows).toHaveLength(session.results.length);
    expect(tower.rows.map((r) => r.driverNumber)).toEqual(session.results.map((r) => r.driverNumber));
    expect(tower.rows.map((r) => r.position)).toEqual(session.results.map((r) => r.position));
    for (const row of tower.rows) {
      const laps = session.laps!.pickDrivers(row.driverNumber).toArray();
      // The engine keeps the lap a car stopped on (no lap time); the tower counts completed laps.
      const completed = laps.length - (laps.at(-1)?.lapTime === null ? 1 : 0);
      expect(row.laps ?? 0, row.abbreviation!).toBe(completed);
      const best = Math.min(...laps.map((l) => l.lapTime ?? Infinity));
      if (Number.isFinite(best)) expect(row.bestLap?.ms, row.abbreviation!).toBe(best);
    }
    const winner = tower.rows[0]!;
    expect(winner).toMatchObject({ abbreviation: 'HAM', gap: 'LAP 51', gapSeconds: null, laps: 51, retired: false, drs: null });
    expect(tower.rows.find((r) => r.bestLap?.colour === 'purple')!.abbreviation).toBe('BOT'); // fastest lap 1:45.149
  });

  it('shows tyres, stints, pit stops, gaps and the lap count', () => {
    const tower = timingTower(state.topics);
    for (const row of tower.rows.filter((r) => (r.laps ?? 0) > 1)) {
      const laps = session.laps!.pickDrivers(row.driverNumber).toArray();
      const stints = new Set(laps.map((l) => l.stint).filter((s) => s !== null)).size;
      expect(row.tyre?.stints, row.abbreviation!).toBe(stints);
      expect(row.tyre?.compound, row.abbreviation!).toBe(laps.at(-1)!.compound);
    }
    expect(tower.rows[1]!.gapSeconds).toBeGreaterThan(0);
    expect(tower.rows[1]!.intervalSeconds).toBeGreaterThan(0);
    expect(tower.rows.reduce((n, r) => n + r.pitStops, 0)).toBeGreaterThan(15);
    // Gap between any two cars: the sum of the intervals between them.
    const [p2, p3, p4] = [tower.rows[1]!, tower.rows[2]!, tower.rows[3]!];
    expect(gapBetween(tower, p2.driverNumber, p4.driverNumber)).toBeCloseTo(p3.intervalSeconds! + p4.intervalSeconds!, 3);
    expect(gapBetween(tower, tower.rows[0]!.driverNumber, p2.driverNumber)).toBe(p2.gapSeconds);
    expect(gapBetween(tower, p4.driverNumber, p2.driverNumber)).toBeLessThan(0);
    const view = liveView(state.topics, state.at);
    expect(view.lapCount).toEqual({ current: 51, total: 51 });
    expect(view.session).toMatchObject({ meeting: 'Azerbaijan Grand Prix', name: 'Race', status: 'Ends' });
    expect(view.trackStatus).toEqual({ code: '1', message: 'AllClear' });
    expect(view.raceControl.length).toBeGreaterThan(50);
    expect(view.positions).toEqual([]); // no Position.z in this archive
  });
});

describe('the tower during the 2018 Azerbaijan race', () => {
  let replay: Replay;
  let baku: Timeline;
  beforeAll(async () => {
    baku = await timeline(BAKU_2018_RACE);
    replay = new Replay(baku);
  });
  const firstWith = (pred: (line: Record<string, unknown>) => boolean) => {
    for (const m of baku.messages) {
      if (m.topic !== 'TimingData') continue;
      const lines = (m.data as { Lines?: Record<string, Record<string, unknown>> }).Lines ?? {};
      for (const [n, l] of Object.entries(lines)) if (pred(l)) return { at: m.at, n };
    }
    throw new Error('no such message');
  };

  it('shows a car in the pit lane, then leaving it, with its stop counted', () => {
    const pit = firstWith((l) => l.InPit === true && l.NumberOfPitStops === undefined);
    const row = timingTower(replay.stateAt(pit.at).topics).rows.find((r) => r.driverNumber === pit.n)!;
    expect(row.inPit).toBe(true);
    const out = baku.messages.find((m) => m.at > pit.at && m.topic === 'TimingData' && (m.data as { Lines?: Record<string, { PitOut?: boolean }> }).Lines?.[pit.n]?.PitOut === true)!;
    const after = timingTower(replay.stateAt(out.at).topics).rows.find((r) => r.driverNumber === pit.n)!;
    expect(after).toMatchObject({ inPit: false, pitOut: true });
    expect(after.pitStops).toBeGreaterThanOrEqual(1);
  });

  it('shows Bottas stopped on track when his tyre failed (lap 49)', () => {
    const stop = firstWith((l) => l.Stopped === true && l.Sectors !== undefined);
    const rows = timingTower(replay.stateAt(stop.at).topics).rows;
    expect(rows.find((r) => r.driverNumber === stop.n)!.stopped).toBe(true);
    const bottas = baku.messages.find((m) => m.topic === 'TimingData' && (m.data as { Lines?: Record<string, { Stopped?: boolean }> }).Lines?.['77']?.Stopped === true)!;
    expect(timingTower(replay.stateAt(bottas.at).topics).rows.find((r) => r.abbreviation === 'BOT')!.stopped).toBe(true);
  });
});

describe('qualifying replayed (2025 Mexico City)', () => {
  let session: Session;
  let mexico: Timeline;
  let replay: Replay;
  beforeAll(async () => {
    [session, mexico] = await Promise.all([Session.load(MEXICO_2025_Q, LOCAL), timeline(MEXICO_2025_Q)]);
    replay = new Replay(mexico);
  });

  const numbersAt = (from: number, to: number) => session.results.filter((r) => r.position! >= from && r.position! <= to).map((r) => r.driverNumber).sort();

  it('knocks out the Q1 and Q2 eliminations of the results, with the cut-off line', () => {
    // The moment Q2 begins: the first TimingData message that says SessionPart 2.
    const q2 = mexico.messages.find((m) => m.topic === 'TimingData' && (m.data as { SessionPart?: number }).SessionPart === 2)!;
    const endQ1 = timingTower(replay.stateAt(q2.at - 1).topics);
    expect(endQ1).toMatchObject({ kind: 'qualifying', part: 1, cutoffAfter: 15 });
    const afterQ1 = timingTower(replay.stateAt(q2.at).topics);
    expect(afterQ1).toMatchObject({ part: 2, cutoffAfter: 10 });
    expect(afterQ1.rows.filter((r) => r.knockedOut).map((r) => r.driverNumber).sort()).toEqual(numbersAt(16, 20));

    const final = timingTower(replay.stateAt(replay.endAt).topics);
    expect(final).toMatchObject({ part: 3, cutoffAfter: null });
    expect(final.rows.filter((r) => r.knockedOut).map((r) => r.driverNumber).sort()).toEqual(numbersAt(11, 20));
    expect(final.rows.map((r) => r.driverNumber)).toEqual(session.results.map((r) => r.driverNumber));
    for (const r of session.results) {
      const row = final.rows.find((x) => x.driverNumber === r.driverNumber)!;
      // Eliminated cars keep the best lap of the part they went out in; the others show Q3's.
      const expected = r.position! > 15 ? r.q1 : r.position! > 10 ? r.q2 : r.q3;
      expect(row.bestLap?.ms, row.abbreviation!).toBe(expected);
    }
  });

  it('colours mini-sectors, and reads car data, DRS and positions from the .z topics', () => {
    const at = mexico.zeroUtc + 50 * 60_000;
    const state = replay.stateAt(at);
    const tower = timingTower(state.topics);
    const segments = new Set<string>();
    for (let minute = 20; minute <= 70; minute += 2) {
      for (const r of timingTower(replay.stateAt(mexico.zeroUtc + minute * 60_000).topics).rows) r.sectors.forEach((s) => s.segments.forEach((c) => segments.add(c)));
    }
    expect(segments).toEqual(new Set(['none', 'yellow', 'green', 'purple', 'pit']));
    expect(tower.rows.every((r) => r.sectors.length === 3 && r.drs !== null)).toBe(true);

    const positions = carPositions(state.topics);
    expect(positions).toHaveLength(20);
    for (const p of positions) {
      expect(p.latest.x !== 0 || p.latest.y !== 0).toBe(true);
      expect(p.previous!.utc).toBeLessThan(p.latest.utc);
      expect(p.latest.utc).toBeLessThanOrEqual(at + 5000);
      expect(p.latest.utc).toBeGreaterThan(at - 5000);
    }
    const cars = liveCarData(state.topics);
    expect(cars).toHaveLength(20);
    expect(cars.every((c) => c.speed !== null && c.gear !== null && c.rpm !== null)).toBe(true);
  });

  it('seeks to the same state as playing from the start, .z sample windows included', () => {
    for (const minute of [33, 61]) {
      const target = mexico.zeroUtc + minute * 60_000 + 123;
      const played = new LiveState();
      for (const m of mexico.messages) {
        if (m.at > target) break;
        played.apply(m);
      }
      const seeked = replay.stateAt(target);
      expect(Object.keys((seeked.topics.Position as { Position: object }).Position).length).toBeGreaterThan(10);
      expect(seeked.topics).toEqual(played.topics);
      // …and both keep appending and trimming alike afterwards.
      const next = mexico.messages.filter((m) => m.at > target).slice(0, 200);
      for (const m of next) expect(seeked.apply(m)).toEqual(played.apply(m));
      expect(seeked.topics).toEqual(played.topics);
    }
  });

  it('counts the session clock down only while it extrapolates', () => {
    // 00:13:37.110 ExtrapolatedClock {Remaining 00:17:59, Extrapolating: true} at 21:00:01.009Z.
    const running = mexico.messages.find((m) => m.topic === 'ExtrapolatedClock' && (m.data as { Extrapolating?: boolean }).Extrapolating === true)!;
    const state = replay.stateAt(running.at);
    const since = Date.parse((running.data as { Utc: string }).Utc);
    expect(sessionClock(state.topics, since)).toEqual({ remainingMs: 1_079_000, running: true });
    expect(sessionClock(state.topics, since + 10_000)).toEqual({ remainingMs: 1_069_000, running: true });
    const before = replay.stateAt(running.at - 1);
    expect(sessionClock(before.topics, since + 10_000)).toEqual({ remainingMs: 1_080_000, running: false });
  });
});

describe('segmentColour', () => {
  it('decodes the mini-sector bit field', () => {
    expect([0, 2048, 2049, 2051, 2064, 2052].map(segmentColour)).toEqual(['none', 'yellow', 'green', 'purple', 'pit', 'yellow']);
  });
});
