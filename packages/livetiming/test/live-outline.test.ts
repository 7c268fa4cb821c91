// The circuit outline from Position.z: one full lap of one car, closed, as long as the circuit is
// (F1DB's course length is the independent check), and nothing from a stream without a whole lap.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lapCompletions, trackOutlineFromPositions } from '../src/live/outline.js';
import { deriveRotation } from '../src/track/rotation.js';
import { readAnyRecording } from '../src/live/recording.js';
import { MEXICO_2025_Q, timeline } from './live-fixtures.js';
import { sharedDir } from './paths.js';
import { ORACLE_TELEMETRY_DRIVERS, oracleTelemetry } from './telemetry-fixture.js';

const courseKm = (season: number, race: string) => Number(/courseLength: ([\d.]+)/.exec(readFileSync(resolve(sharedDir, 'f1db', 'data', 'seasons', String(season), 'races', race, 'race.yml'), 'utf8'))![1]);
const recording = (name: string) => readAnyRecording(readFileSync(resolve(sharedDir, 'f1data', 'recordings', name), 'utf8'), name).timeline;

describe('trackOutlineFromPositions', () => {
  it.each([
    ['2025 Mexico City qualifying (archive, decoded batches)', async () => (await timeline(MEXICO_2025_Q, ['Position.z'])).messages, 2025, '20-mexico'],
    ['2023 Qatar sprint excerpt (FastF1 recording, base64 batches)', async () => recording('2023-qatar-sprint-live-excerpt.txt').messages, 2023, '17-qatar'],
  ] as const)('draws one closed lap of %s as long as F1DB says the circuit is (±4 %%)', async (_label, messages, season, race) => {
    const o = trackOutlineFromPositions(await messages())!;
    expect(o).not.toBeNull();
    expect(o.points[0]).toEqual(o.points.at(-1));
    expect(o.points.length).toBeGreaterThan(100);
    expect(o.points.every(([x, y]) => !(x === 0 && y === 0))).toBe(true);
    expect(Math.abs(o.lengthM / 1000 - courseKm(season, race)) / courseKm(season, race)).toBeLessThan(0.04);
    // one lap of a car: between a fast qualifying lap and a slow cool-down lap
    expect(o.to - o.from).toBeGreaterThan(60_000);
    expect(o.to - o.from).toBeLessThan(200_000);
    // points thinned to ≥ 15 m apart
    for (let i = 1; i < o.points.length - 1; i++) expect(Math.hypot(o.points[i]![0] - o.points[i - 1]![0], o.points[i]![1] - o.points[i - 1]![1])).toBeGreaterThanOrEqual(150);
  });

  it('turns the 2025 Mexico City circuit as the session map turns a lap of FastF1\'s telemetry (start/finish line from TimingData)', async () => {
    const messages = (await timeline(MEXICO_2025_Q, ['Position.z', 'TimingData'])).messages;
    const o = trackOutlineFromPositions(messages)!;
    expect(lapCompletions(messages).get(o.driverNumber)?.length).toBeGreaterThan(5);
    expect(o.finishLine).not.toBeNull();
    // The session map's rule on FastF1's X/Y of each oracle driver's fastest lap, which starts at the line.
    for (const tla of ORACLE_TELEMETRY_DRIVERS) {
      const t = oracleTelemetry(tla);
      const xs = t.X as number[];
      const ys = t.Y as number[];
      const points = xs.map((x, i) => ({ x, y: ys[i]! }));
      const reference = deriveRotation(points, points[0]!);
      const d = Math.abs(o.rotation - reference) % 360;
      expect(Math.min(d, 360 - d), tla).toBeLessThan(3);
      // The line the timing places is within 150 m of where that lap starts.
      expect(Math.hypot(o.finishLine![0] - xs[0]!, o.finishLine![1] - ys[0]!) / 10, tla).toBeLessThan(150);
    }
    // Positions alone: no line, the lap's first point stands in.
    expect(trackOutlineFromPositions(messages.filter((m) => m.topic === 'Position.z'))!.finishLine).toBeNull();
  });

  it('gives nothing when no car covers a lap (the corrupt Bahrain sample holds three Position batches)', () => {
    expect(trackOutlineFromPositions(recording('2021-bahrain-race-corrupt-sample.txt').messages)).toBeNull();
    expect(trackOutlineFromPositions([])).toBeNull();
  });
});
