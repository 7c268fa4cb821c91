import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDurationMillis, raceSessionRows, utcClock, JolpicaDataError } from '../../src/history/sync/jolpica-rows.js';
import type { JolpicaRace } from '../../src/history/sync/jolpica-types.js';
import { applicableKinds, planRound, planSchedule, raceEnd, seasonsToSync, type DocKind, type RoundState } from '../../src/history/sync/plan.js';
import { jolpicaRecordings } from '../helpers/jolpica-server.js';

const all = { results: true, qualifying: true, sprint: true, laps: true, pitstops: true };
const opts = (now: string, extra: Partial<Parameters<typeof planRound>[1]> = {}) => ({ now: new Date(now), settleDays: 7, force: false, include: all, ...extra });
// Miami 2023: race start 19:30 UTC on 7 May.
const miami = (over: Partial<RoundState> = {}): RoundState => ({
  season: 2023,
  round: 5,
  date: '2023-05-07',
  time: '19:30:00',
  hasSprint: false,
  stored: new Set<DocKind>(),
  seen: new Map(),
  ...over,
});

describe('planRound', () => {
  it('asks nothing of a race that has not ended', () => {
    expect(planRound(miami(), opts('2023-05-07T21:00:00Z'))).toEqual([]);
  });

  it('fetches every applicable kind of an ended race that is missing', () => {
    expect(planRound(miami(), opts('2023-05-07T23:00:00Z'))).toEqual(['results', 'qualifying', 'laps', 'pitstops']);
    expect(planRound(miami({ hasSprint: true }), opts('2023-05-08T00:00:00Z'))).toContain('sprint');
  });

  it('re-fetches a document fetched before the round settled, not after', () => {
    const seenEarly = new Map([['results', { fetchedAt: new Date('2023-05-08T00:00:00Z') }]] as const);
    expect(planRound(miami({ seen: seenEarly }), opts('2023-05-10T00:00:00Z'))).toContain('results');
    expect(planRound(miami({ seen: seenEarly }), opts('2023-06-01T00:00:00Z'))).toContain('results');
    const seenLate = new Map([['results', { fetchedAt: new Date('2023-05-20T00:00:00Z') }]] as const);
    expect(planRound(miami({ seen: seenLate }), opts('2023-06-01T00:00:00Z'))).not.toContain('results');
    expect(planRound(miami({ seen: seenLate }), opts('2023-06-01T00:00:00Z', { force: true }))).toContain('results');
  });

  it('trusts rows from elsewhere (a dump) once the round has settled', () => {
    const stored = new Set<DocKind>(['results', 'qualifying']);
    expect(planRound(miami({ stored }), opts('2023-05-09T00:00:00Z'))).toEqual(['results', 'qualifying', 'laps', 'pitstops']);
    expect(planRound(miami({ stored }), opts('2023-06-01T00:00:00Z'))).toEqual(['laps', 'pitstops']);
  });

  it('knows Jolpica’s coverage: laps from 1996, pit stops from 2011', () => {
    expect(applicableKinds({ season: 1995, hasSprint: false }, all)).toEqual(['results', 'qualifying']);
    expect(applicableKinds({ season: 2010, hasSprint: false }, all)).toEqual(['results', 'qualifying', 'laps']);
    expect(applicableKinds({ season: 2024, hasSprint: false }, { ...all, laps: false })).toEqual(['results', 'qualifying', 'pitstops']);
  });

  it('a race without a start time ends with its day', () => {
    expect(raceEnd('1979-01-21', null)?.toISOString()).toBe('1979-01-22T00:00:00.000Z');
    expect(raceEnd('2023-05-07', '19:30:00')?.toISOString()).toBe('2023-05-07T22:30:00.000Z');
    expect(raceEnd(null, null)).toBeNull();
  });
});

describe('planSchedule and seasons', () => {
  const season = [
    { date: '2023-03-05', time: '15:00:00' },
    { date: '2023-11-26', time: '13:00:00' },
  ];
  it('re-fetches a schedule until the season’s last race has settled', () => {
    expect(planSchedule(undefined, season, { settleDays: 7, force: false })).toBe(true);
    expect(planSchedule(new Date('2023-06-01'), season, { settleDays: 7, force: false })).toBe(true);
    expect(planSchedule(new Date('2023-12-10'), season, { settleDays: 7, force: false })).toBe(false);
    expect(planSchedule(new Date('2023-12-10'), [], { settleDays: 7, force: false })).toBe(true);
  });

  it('turns --season/--from/--to into a list', () => {
    const now = new Date('2025-03-01T00:00:00Z');
    expect(seasonsToSync({ season: 2021, now })).toEqual([2021]);
    expect(seasonsToSync({ from: 2022, now })).toEqual([2022, 2023, 2024, 2025]);
    expect(seasonsToSync({ from: 2020, to: 2021, now })).toEqual([2020, 2021]);
    expect(seasonsToSync({ now })).toEqual([2025]);
    expect(seasonsToSync({ from: 2026, now })).toEqual([]);
  });
});

describe('Jolpica values', () => {
  it('reads every duration shape Ergast prints', () => {
    expect(parseDurationMillis('1:33:56.736')).toBe(5_636_736);
    expect(parseDurationMillis('1:39.019')).toBe(99_019);
    expect(parseDurationMillis('59.1')).toBe(59_100);
    expect(parseDurationMillis('40:55.302')).toBe(2_455_302);
    expect(parseDurationMillis('')).toBeNull();
    expect(parseDurationMillis(undefined)).toBeNull();
    expect(() => parseDurationMillis('+1 Lap')).toThrow(JolpicaDataError);
  });

  it('keeps UTC clock times without the zone letter', () => {
    expect(utcClock('15:00:00Z')).toBe('15:00:00');
    expect(utcClock('09:30Z')).toBe('09:30:00');
    expect(utcClock(undefined)).toBeNull();
    expect(() => utcClock('3pm')).toThrow(JolpicaDataError);
  });

  it('a pre-2006 schedule gets one qualifying session (QB); 2023 gets Q1–Q3 in weekend order', () => {
    const doc = (file: string) => JSON.parse(readFileSync(join(jolpicaRecordings, 'ergast/f1', file), 'utf8')).MRData.RaceTable.Races as JolpicaRace[];
    const bahrain = raceSessionRows(doc('2023.json')[0]!);
    expect(bahrain.map((s) => [s.type, s.number, s.date, s.time])).toEqual([
      ['FP1', 1, '2023-03-03', '11:30:00'],
      ['FP2', 2, '2023-03-03', '15:00:00'],
      ['FP3', 3, '2023-03-04', '11:30:00'],
      ['Q1', 4, '2023-03-04', '15:00:00'],
      ['Q2', 5, '2023-03-04', '15:00:00'],
      ['Q3', 6, '2023-03-04', '15:00:00'],
      ['R', 7, '2023-03-05', '15:00:00'],
    ]);
    const old = { ...doc('1979.json')[0]!, Qualifying: { date: '1979-01-20' } };
    expect(raceSessionRows(old).map((s) => s.type)).toEqual(['QB', 'R']);
  });
});
