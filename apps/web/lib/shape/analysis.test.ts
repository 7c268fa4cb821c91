import { describe, expect, it } from 'vitest';
import type { DegradationAnalysis, HeatmapCell, PaceAnalysis } from '../api/analytics-types';
import { degradationChart, heatColor, heatMark, paceScatter } from './analysis';
import { resultCellColor } from './season-heatmap';

const cell = (p: Partial<HeatmapCell>): HeatmapCell => ({ lapTimeMs: 90_000, deltaMs: 0, clean: true, reasons: [], ...p });

describe('analysis shaping', () => {
  it('scatter: one shared lap axis, a driver’s missing laps are gaps, seconds on y', () => {
    const pace = {
      items: [
        { driver: 'HAM', driverNumber: '44', laps: [{ lapNumber: 3, correctedLapTime: 90_500 }, { lapNumber: 5, correctedLapTime: 90_100 }] },
        { driver: null, driverNumber: '5', laps: [{ lapNumber: 4, correctedLapTime: 91_000 }] },
        { driver: 'BOT', driverNumber: '77', laps: [{ lapNumber: 2, correctedLapTime: 92_000 }] },
      ],
    } as unknown as PaceAnalysis;
    const { x, series } = paceScatter(pace, ['HAM', '5'], () => '#fff');
    expect(x).toEqual([3, 4, 5]);
    expect(series.map((s) => s.key)).toEqual(['HAM', '5']);
    expect(series[0]!.values).toEqual([90.5, null, 90.1]);
    expect(series[1]!.values).toEqual([null, 91, null]);
    expect(series.every((s) => s.points)).toBe(true);
  });

  it('degradation: points and the API’s fitted line only over the ages the stint covers', () => {
    const deg = {
      stints: [{ driver: 'VER', driverNumber: '33', stint: 2, compound: 'SOFT', tyreLifeFrom: 2, tyreLifeTo: 3, slopeMsPerLap: 100, interceptMs: 90_000, points: [[2, 90_150], [3, 90_320]] }],
    } as unknown as DegradationAnalysis;
    const { x, series } = degradationChart(deg, ['VER'], () => '#f00');
    expect(x).toEqual([2, 3]);
    expect(series[0]!.values).toEqual([90.15, 90.32]);
    expect(series[1]!.values).toEqual([90.2, 90.3]);
    expect(series[1]!.dashed).toBe(true);
    expect(series[1]!.label).toBe('VER S2: +0.100 s/lap');
  });

  it('heatmap colours: best lap green, 4 s off red, left-out laps grey; marks name the reason', () => {
    expect(heatColor(cell({ deltaMs: 0 }))).toBe('hsl(140 70% 42%)');
    expect(heatColor(cell({ deltaMs: 8000 }))).toBe('hsl(0 70% 34%)');
    expect(heatColor(cell({ clean: false, reasons: ['in-lap'] }))).toBe('rgb(63 63 70)');
    expect(heatColor(null)).toBe('transparent');
    expect(heatMark(cell({ clean: false, reasons: ['lap-1', 'track-status'] }))).toBe('SC');
    expect(heatMark(cell({ clean: false, reasons: ['out-lap'] }))).toBe('P');
    expect(heatMark(cell({}))).toBe('');
  });

  it('season grid colours: podium metals, points, no points, not classified', () => {
    const c = (positionText: string, points: number) => ({ position: 1, positionText, points, sprintPoints: null, status: null });
    expect(resultCellColor(c('1', 25)).background).toBe('#d4af37');
    expect(resultCellColor(c('9', 2)).background).toBe('rgb(21 94 61)');
    expect(resultCellColor(c('14', 0)).background).toBe('rgb(39 39 42)');
    expect(resultCellColor(c('R', 0)).background).toBe('rgb(69 10 10)');
  });
});
