// Pure career and search helpers of /api/v1.
import { describe, expect, it } from 'vitest';
import { countTitles, fold, isPodium, isStart, isWin, matchesSearch, sumPoints } from '../../src/history/routes/v1/career.js';
import { utcTime } from '../../src/history/routes/v1/repository.js';

describe('v1 career definitions', () => {
  it('counts a start for every car that took the start, classified or not', () => {
    expect(isStart({ positionText: '3', position: 3, status: 'Finished' })).toBe(true);
    expect(isStart({ positionText: 'R', position: 18, status: 'Engine' })).toBe(true);
    expect(isStart({ positionText: 'D', position: 20, status: 'Disqualified' })).toBe(true);
    expect(isStart({ positionText: 'W', position: 20, status: 'Withdrew' })).toBe(false);
    expect(isStart({ positionText: 'F', position: 25, status: 'Did not qualify' })).toBe(false);
    expect(isStart({ positionText: 'R', position: 19, status: 'Did not start' })).toBe(false);
  });

  it('only counts classified finishes as wins and podiums', () => {
    expect(isWin({ positionText: '1', position: 1, status: 'Finished' })).toBe(true);
    // a disqualified winner keeps position 1 in the order but is not a winner
    expect(isWin({ positionText: 'D', position: 1, status: 'Disqualified' })).toBe(false);
    expect(isPodium({ positionText: '3', position: 3, status: null })).toBe(true);
    expect(isPodium({ positionText: '4', position: 4, status: null })).toBe(false);
  });

  it('counts titles only for decided seasons', () => {
    expect(
      countTitles([
        { season: 2021, position: 1, final: true },
        { season: 2022, position: 1, final: true },
        { season: 2025, position: 1, final: false },
        { season: 2020, position: 3, final: true },
      ]),
    ).toBe(2);
  });

  it('adds points without float drift', () => {
    expect(sumPoints([0.1, 0.2, null, 4.5])).toBe(4.8);
  });

  it('searches by every word, ignoring case and accents', () => {
    expect(fold('Räikkönen')).toBe('raikkonen');
    expect(matchesSearch('raikkonen', ['Kimi', 'Räikkönen'])).toBe(true);
    expect(matchesSearch('kimi RAIK', ['Kimi', 'Räikkönen'])).toBe(true);
    expect(matchesSearch('kimi hamilton', ['Kimi', 'Räikkönen'])).toBe(false);
    expect(matchesSearch('  ', ['x'])).toBe(true);
    expect(matchesSearch(undefined, ['x'])).toBe(true);
  });

  it('prints times of day as HH:MM:SS', () => {
    expect(utcTime('15:00')).toBe('15:00:00');
    expect(utcTime('15:00:00')).toBe('15:00:00');
    expect(utcTime('15:00:00.000')).toBe('15:00:00');
    expect(utcTime(null)).toBeNull();
  });
});
