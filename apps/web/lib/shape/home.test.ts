import { describe, expect, it } from 'vitest';
import type { SeasonSummary } from '../api/types';
import { ergastCalendar } from '../test/ergast-fixtures';
import { latestRace, nextRace, pickHomeSeasons } from './home';

const calendar = ergastCalendar('2024.json');

describe('home page picks', () => {
  it('should take the newest calendar and the newest season with a champion separately', () => {
    const champ = { id: 'x', code: null, permanentNumber: null, givenName: 'A', familyName: 'B', nationality: null };
    const seasons: SeasonSummary[] = [
      { year: 2023, rounds: 22, driverChampion: champ, constructorChampion: null },
      { year: 2025, rounds: 24, driverChampion: null, constructorChampion: null },
      { year: 2024, rounds: 24, driverChampion: null, constructorChampion: null },
    ];
    expect(pickHomeSeasons(seasons)).toEqual({ calendarYear: 2025, resultsYear: 2023 });
    expect(pickHomeSeasons([])).toEqual({ calendarYear: null, resultsYear: null });
  });

  it('should find the next race on the 2024 calendar from a mid-season date', () => {
    const mid = calendar[9]!.date!; // the day of round 10
    expect(nextRace(calendar, mid)!.round).toBe(10);
    const dayAfter = new Date(Date.parse(`${mid}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(nextRace(calendar, dayAfter)!.round).toBe(11);
    expect(nextRace(calendar, '2099-01-01')).toBeNull();
  });

  it('should take the last race that has a winner', () => {
    const w = { driver: { id: 'd', code: null, permanentNumber: null, givenName: 'A', familyName: 'B', nationality: null }, constructor: { id: 'c', name: 'C', nationality: null } };
    const run = calendar.map((r) => (r.round <= 7 ? { ...r, winner: w } : r));
    expect(latestRace(run)!.round).toBe(7);
    expect(latestRace(calendar)).toBeNull();
  });
});
