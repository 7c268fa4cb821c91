// The circuit outline from Position.z: one full lap of one car, closed, as long as the circuit is
// (F1DB's course length is the independent check), and nothing from a stream without a whole lap.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trackOutlineFromPositions } from '../src/live/outline.js';
import { readAnyRecording } from '../src/live/recording.js';
import { MEXICO_2025_Q, timeline } from './live-fixtures.js';
import { sharedDir } from './paths.js';

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

  it('gives nothing when no car covers a lap (the corrupt Bahrain sample holds three Position batches)', () => {
    expect(trackOutlineFromPositions(recording('2021-bahrain-race-corrupt-sample.txt').messages)).toBeNull();
    expect(trackOutlineFromPositions([])).toBeNull();
  });
});
