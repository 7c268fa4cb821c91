// Analytics on real archived sessions: overtakes reconcile with the lap chart, pit-cycle changes
// match pit laps, and every analysis gives sane answers on races, sprints and practice long runs.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analyseOvertakes, degradation, lapHeatmap, lapPositions, prepareLaps, racePace, racecraft, Session,
  type OvertakeAnalysis, type SessionLoadOptions,
} from '../../src/index.js';
import { liveTimingDir, sharedDir } from '../paths.js';

const f1data = resolve(sharedDir, 'f1data');
const LOCAL: SessionLoadOptions = {
  archive: { base: liveTimingDir }, jolpica: { base: resolve(f1data, 'jolpica') }, schedule: { base: resolve(f1data, 'f1schedule') }, telemetry: false,
};
const RACES = {
  'Baku 2018 race': '2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race/',
  'Baku 2023 sprint': '2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-29_Sprint/',
  'Miami 2025 sprint': '2025/2025-05-04_Miami_Grand_Prix/2025-05-03_Sprint/',
};
const loaded = new Map<string, Promise<Session>>();
const load = (path: string) => {
  if (!loaded.has(path)) loaded.set(path, Session.load(path, LOCAL));
  return loaded.get(path)!;
};
const prepare = (s: Session) => prepareLaps({ laps: s.laps!.toArray(), kind: s.kind, isSprint: /Sprint/.test(s.name), totalLaps: s.lapsBuild?.totalLaps });
const overtakesOf = (s: Session) => analyseOvertakes({
  grid: new Map(s.results.map((r) => [r.abbreviation ?? r.driverNumber, r.gridPosition])),
  points: lapPositions(s.laps!.toArray()),
});

/** rank(i) − rank(i−1) = places lost − places gained at step i, for every driver present at both points. */
function reconcile(a: OvertakeAnalysis): { checked: number; broken: string[] } {
  let checked = 0;
  const broken: string[] = [];
  for (const [driver, ranks] of a.ranks) {
    for (let i = 1; i < ranks.length; i++) {
      if (ranks[i] === null || ranks[i - 1] === null) continue;
      const step = a.events.filter((e) => e.lap === i);
      const gained = step.filter((e) => e.driver === driver).length;
      const lost = step.filter((e) => e.over === driver && e.kind !== 'retirement').length;
      checked++;
      if (ranks[i]! - ranks[i - 1]! !== lost - gained) broken.push(`${driver} lap ${i}: ${ranks[i - 1]}→${ranks[i]} gained ${gained} lost ${lost}`);
    }
  }
  return { checked, broken };
}

describe.each(Object.entries(RACES))('%s', (_name, path) => {
  it('overtakes reconcile with the lap chart at every lap, for every driver', async () => {
    const s = await load(path);
    const a = overtakesOf(s);
    const { checked, broken } = reconcile(a);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);
    // The ranks are the lap chart: the order of Lap.position at each lap.
    for (let lap = 1; lap < a.ranks.values().next().value!.length; lap++) {
      const order = s.laps!.pickLaps(lap).toArray().filter((l) => l.position !== null).sort((x, y) => x.position! - y.position!).map((l) => l.driver);
      const ours = [...a.ranks].filter(([, r]) => r[lap] !== null).sort((x, y) => x[1][lap]! - y[1][lap]!).map(([d]) => d);
      expect(ours, `lap ${lap}`).toEqual(order);
    }
    // Grid + gains − losses = final rank, for every driver present from grid to flag.
    for (const d of a.drivers) {
      const ranks = a.ranks.get(d.driver)!;
      if (ranks.some((r) => r === null)) continue;
      const mine = a.events.filter((e) => e.driver === d.driver).length;
      const lost = a.events.filter((e) => e.over === d.driver && e.kind !== 'retirement').length;
      expect(d.startRank! - mine + lost, d.driver).toBe(d.finalRank);
    }
  });

  it('pit-cycle changes involve a driver in or out of the pits on that lap; on-track passes never do', async () => {
    const s = await load(path);
    const a = overtakesOf(s);
    const pitLaps = new Set(s.laps!.toArray().filter((l) => l.pitInTime !== null || l.pitOutTime !== null).map((l) => `${l.driver}#${l.lapNumber}`));
    for (const e of a.events) {
      const pitted = pitLaps.has(`${e.driver}#${e.lap}`) || pitLaps.has(`${e.over}#${e.lap}`);
      if (e.kind === 'pit-cycle') expect(pitted, `${e.driver}/${e.over} lap ${e.lap}`).toBe(true);
      if (e.kind === 'on-track') expect(pitted, `${e.driver}/${e.over} lap ${e.lap}`).toBe(false);
    }
    const made = a.drivers.reduce((n, d) => n + d.made, 0);
    expect(made).toBe(a.drivers.reduce((n, d) => n + d.suffered, 0));
    expect(made).toBe(a.perLap.reduce((n, l) => n + l.onTrack, 0));
  });

  it('pace, degradation, heatmap and racecraft are consistent with the laps they use', async () => {
    const s = await load(path);
    const p = prepare(s);
    expect(p.clean.length).toBeGreaterThan(50);
    expect(p.clean.every((l) => l.lapTime !== null && l.pitInTime === null && l.pitOutTime === null && l.lapNumber > 1)).toBe(true);
    const pace = racePace(p);
    expect(pace.length).toBeGreaterThanOrEqual(15);
    // Corrected laps are faster than raw ones by the fuel on board (never negative mass).
    for (const r of pace) expect(r.medianMs).toBeLessThanOrEqual(r.rawMedianMs);
    const heat = lapHeatmap(p);
    expect(heat.rows).toHaveLength(new Set(s.laps!.toArray().map((l) => l.driverNumber)).size);
    const best = Math.min(...p.clean.map((l) => l.lapTime!));
    expect(heat.bestCleanLapMs).toBe(best);
    for (const row of heat.rows) for (const c of row.cells) if (c?.clean) expect(c.deltaMs).toBeGreaterThanOrEqual(0);
    const deg = degradation(p);
    for (const st of deg.stints) {
      expect(st.cleanLaps).toBeGreaterThanOrEqual(5);
      expect(st.slopeLowMsPerLap!).toBeLessThanOrEqual(st.slopeMsPerLap);
      expect(st.slopeHighMsPerLap!).toBeGreaterThanOrEqual(st.slopeMsPerLap);
    }
    const [a, b] = pace.slice(0, 2).map((r) => r.driver!);
    const rc = racecraft({ prepared: p, overtakes: overtakesOf(s), drivers: [a!, b!] });
    expect(rc.map((r) => r.driver)).toEqual([a, b]);
    for (const r of rc) {
      expect(r.teammate).not.toBeNull();
      expect(r.positionsGained === null || r.positionsGained === r.gridRank! - r.finalRank!).toBe(true);
    }
  });
});

it('Baku 2018: Hamilton won from 2nd; Vettel lost the lead at the restart; Bottas retired from the lead', async () => {
  const s = await load(RACES['Baku 2018 race']);
  const a = overtakesOf(s);
  const ham = a.drivers.find((d) => d.driver === 'HAM')!;
  expect([ham.startRank, ham.finalRank]).toEqual([2, 1]);
  expect(a.drivers.find((d) => d.driver === 'BOT')!.finalRank).toBeNull();
  // The 48th-lap restart: Vettel lost places on track (lock-up at turn 1).
  expect(a.events.some((e) => e.lap === 48 && e.over === 'VET' && e.kind === 'on-track')).toBe(true);
});

it('practice long runs: degradation per stint from FP2 (Italy 2021)', async () => {
  const s = await load('2021/2021-09-12_Italian_Grand_Prix/2021-09-11_Practice_2/');
  const p = prepare(s);
  expect(p.model.burnKgPerLap).toBe(1.8);
  const deg = degradation(p);
  expect(deg.stints.length).toBeGreaterThan(5);
  // Practice long runs on used tyres: slopes within a physical band (−0.3 … +0.5 s/lap).
  for (const st of deg.stints) expect(st.slopeMsPerLap, `${st.driver} stint ${st.stint}`).toBeGreaterThan(-300);
  expect(deg.compounds.length).toBeGreaterThan(0);
});

describe('every recorded session with timing data: the analyses hold their invariants', () => {
  const SESSIONS = [
    '2019/2019-09-08_Italian_Grand_Prix/2019-09-07_Qualifying/',
    '2020/2020-07-19_Hungarian_Grand_Prix/2020-07-17_Practice_2/',
    '2020/2020-08-09_70th_Anniversary_Grand_Prix/2020-08-07_Practice_2/',
    '2021/2021-11-07_Mexico_City_Grand_Prix/2021-11-06_Qualifying/',
    '2022/2022-07-03_British_Grand_Prix/2022-07-01_Practice_1/',
    '2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-28_Qualifying/',
    '2024/2024-06-23_Spanish_Grand_Prix/2024-06-22_Qualifying/',
    '2024/2024-07-07_British_Grand_Prix/2024-07-05_Practice_1/',
    '2025/2025-10-26_Mexico_City_Grand_Prix/2025-10-25_Qualifying/',
  ];
  it.each(SESSIONS)('%s', async (path) => {
    const s = await load(path);
    const p = prepare(s);
    expect(p.verdicts).toHaveLength(s.laps!.length);
    // Qualifying and practice: fuel is modelled at race burn, the prior is used unless the fit is determined.
    expect(p.model.burnKgPerLap).toBe(1.8);
    expect(['fit', 'prior']).toContain(p.effect.source);
    if (p.effect.source === 'prior') expect(p.effect.reason).toBeTruthy();
    for (const l of p.clean) {
      expect(l.pitInTime === null && l.pitOutTime === null && l.lapTime !== null).toBe(true);
      expect(p.corrected.get(l)!).toBeLessThanOrEqual(l.lapTime!);
    }
    const pace = racePace(p);
    expect(pace.every((r, i) => r.rank === i + 1 && r.cleanLaps >= 3)).toBe(true);
    const deg = degradation(p);
    for (const st of deg.stints) expect(st.cleanLaps).toBeGreaterThanOrEqual(5);
    expect(new Set(deg.compounds.map((c) => c.compound))).toEqual(new Set(deg.stints.map((x) => x.compound)));
    const heat = lapHeatmap(p);
    expect(heat.rows.reduce((n, r) => n + r.cells.filter((c) => c !== null).length, 0)).toBe(new Set(s.laps!.toArray().map((l) => `${l.driverNumber}#${l.lapNumber}`)).size);
  });
});
