// Pure career and search helpers of /api/v1.
import { describe, expect, it } from 'vitest';
import { countTitles, fold, isPodium, isStart, isWin, matchesSearch, sumPoints } from '../../src/history/routes/v1/career.js';
import { utcTime } from '../../src/history/routes/v1/repository.js';
import { raceState, seasonState, todayUtc } from '../../src/history/routes/v1/calendar.js';
import { pickEntries, roundsInclude } from '../../src/history/routes/v1/entries.js';

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

describe('v1 season state', () => {
  const base = { rounds: 24, roundsWithResults: 0, roundsDue: 0, decided: false };
  it('is complete once decided, whatever else is loaded', () => {
    expect(seasonState({ ...base, roundsWithResults: 3, roundsDue: 24, decided: true })).toBe('complete');
  });
  it('is upcoming before the first race and in progress while every due round has results', () => {
    expect(seasonState(base)).toBe('upcoming');
    expect(seasonState({ ...base, roundsWithResults: 11, roundsDue: 11 })).toBe('in_progress');
    // a round held today may not have results yet: it is not due
    expect(seasonState({ ...base, roundsWithResults: 11, roundsDue: 10 })).toBe('in_progress');
  });
  it('says results are missing when a past round has none, or the last round has no standings', () => {
    expect(seasonState({ ...base, roundsWithResults: 11, roundsDue: 24 })).toBe('results_missing');
    expect(seasonState({ ...base, roundsDue: 16 })).toBe('results_missing');
    expect(seasonState({ ...base, roundsWithResults: 24, roundsDue: 24 })).toBe('results_missing');
  });
  it('places a round by its date: completed with results, awaiting results once its date has passed, upcoming on and after its day', () => {
    const race = { date: '2026-08-23', isCancelled: false, hasResults: false };
    expect(raceState(race, '2026-08-22')).toBe('upcoming');
    // race day itself: it may be running, its results not due yet
    expect(raceState(race, '2026-08-23')).toBe('upcoming');
    expect(raceState(race, '2026-08-24')).toBe('awaiting_results');
    expect(raceState({ ...race, hasResults: true }, '2026-08-24')).toBe('completed');
    expect(raceState({ ...race, isCancelled: true }, '2026-08-24')).toBe('cancelled');
    expect(raceState({ ...race, date: null }, '2026-08-24')).toBe('upcoming');
  });
  it('takes today as the UTC date', () => {
    expect(todayUtc(new Date('2026-03-07T23:30:00-05:00'))).toBe('2026-03-08');
  });
});

describe('v1 race entries', () => {
  it("reads F1DB's rounds text: ranges, single rounds, empty = every round", () => {
    expect(roundsInclude('1-14,16', 14)).toBe(true);
    expect(roundsInclude('1-14,16', 15)).toBe(false);
    expect(roundsInclude('1-14,16', 16)).toBe(true);
    expect(roundsInclude('12-14, 16', 12)).toBe(true);
    expect(roundsInclude(null, 7)).toBe(true);
    expect(roundsInclude('', 7)).toBe(true);
  });

  const entry = (seasonEntrantId: number, rounds: string | null, listed = true, testDriver = false) => ({ seasonEntrantId, rounds, listed, testDriver });
  it('takes the entry listing the driver for that round (1985 Ligier: de Cesaris 1-11, Streiff 12-14,16)', () => {
    expect(pickEntries([entry(1, '1-11'), entry(2, '12-14,16')], 12).map((e) => e.seasonEntrantId)).toEqual([2]);
  });
  it('falls back to any entry listing the driver, then to the constructor’s only entry', () => {
    // a test driver (no rounds) who ran in practice
    expect(pickEntries([entry(5, null, true, true)], 3).map((e) => e.seasonEntrantId)).toEqual([5]);
    expect(pickEntries([entry(1, '1-3')], 9).map((e) => e.seasonEntrantId)).toEqual([1]);
    expect(pickEntries([entry(4, null, false), entry(4, null, false)], 2).map((e) => e.seasonEntrantId)).toEqual([4]);
    // two entries of the constructor and the driver in neither: no guess
    expect(pickEntries([entry(4, null, false), entry(6, null, false)], 2)).toEqual([]);
  });
});
