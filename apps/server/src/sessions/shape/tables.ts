// Column lists of the session's tabular endpoints (drivers, results, stints, pit stops, weather, race
// control, track status). Engine column lists are reused where the engine has one (results,
// weather); the others follow the same conventions: camelCase, ms, ISO dates.
import { RESULT_COLUMNS, WEATHER_COLUMNS, type Driver, type SessionResult, type TrackStatusChange, type WeatherSample } from '@apexdata/livetiming';
import type { LapGap, LapPosition } from './race-order.js';
import type { TimedMessage } from './session-clock.js';
import { computed, field, type Column } from './table.js';

/** A driver of the session, with the history driver it is linked to (by racing number within the event). */
export type DriverRow = Driver & { readonly driverRef: string | null };

/** `#rrggbb` from the feed's `rrggbb` (null when missing or malformed). */
export function teamColor(colour: string | null): string | null {
  if (!colour) return null;
  const hex = colour.trim().replace(/^#/, '');
  return /^[0-9a-f]{6}$/i.test(hex) ? `#${hex.toLowerCase()}` : null;
}

export const driverColumns: readonly Column<DriverRow>[] = [
  field('driverNumber', 'string'),
  field('abbreviation', 'string'),
  field('broadcastName', 'string'),
  field('firstName', 'string'),
  field('lastName', 'string'),
  field('fullName', 'string'),
  field('teamName', 'string'),
  computed('teamColor', 'string', (d) => teamColor(d.teamColour)),
  field('headshotUrl', 'string'),
  field('countryCode', 'string'),
  field('driverRef', 'string'),
];

export const resultColumns: readonly Column<SessionResult>[] = RESULT_COLUMNS;

/** Adds the abbreviation of a racing number (the API names drivers both ways in every table). */
export type WithDriver<T> = T & { readonly driver: string | null };

export function withDriver<T extends { readonly driverNumber: string }>(rows: readonly T[], abbreviations: ReadonlyMap<string, string | null>): WithDriver<T>[] {
  return rows.map((r) => ({ ...r, driver: abbreviations.get(r.driverNumber) ?? null }));
}

export function abbreviationsOf(drivers: readonly Pick<Driver, 'driverNumber' | 'abbreviation'>[]): Map<string, string | null> {
  return new Map(drivers.map((d) => [d.driverNumber, d.abbreviation]));
}

export interface StintRow {
  readonly driverNumber: string;
  readonly stint: number;
  readonly compound: string | null;
  readonly freshTyre: boolean | null;
  readonly startLap: number;
  readonly endLap: number;
  readonly tyreAgeAtStart: number | null;
  readonly laps: number;
}

export const stintColumns: readonly Column<WithDriver<StintRow>>[] = [
  field('driver', 'string'),
  field('driverNumber', 'string'),
  field('stint', 'int'),
  field('compound', 'string'),
  field('freshTyre', 'bool'),
  field('startLap', 'int'),
  field('endLap', 'int'),
  field('tyreAgeAtStart', 'number'),
  field('laps', 'int'),
];

export interface PitStopRow {
  readonly driverNumber: string;
  readonly seq: number;
  readonly inLap: number | null;
  readonly outLap: number | null;
  readonly pitInTime: number | null;
  readonly pitOutTime: number | null;
  readonly pitLaneTime: number | null;
}

export const pitStopColumns: readonly Column<WithDriver<PitStopRow>>[] = [
  field('driver', 'string'),
  field('driverNumber', 'string'),
  computed('stop', 'int', (p) => p.seq),
  field('inLap', 'int'),
  field('outLap', 'int'),
  field('pitInTime', 'duration'),
  field('pitOutTime', 'duration'),
  field('pitLaneTime', 'duration'),
];

export const weatherColumns: readonly Column<WeatherSample>[] = WEATHER_COLUMNS;

/** Weather as columns (one array per quantity), the shape charts want. */
export function weatherSeries(samples: readonly WeatherSample[]): Record<string, (number | boolean | null)[]> {
  const out: Record<string, (number | boolean | null)[]> = {};
  for (const c of WEATHER_COLUMNS) out[c.key] = samples.map((s) => (c.get(s) ?? null) as number | boolean | null);
  return out;
}

export const raceControlColumns: readonly Column<TimedMessage>[] = [
  computed('date', 'date', (m) => m.date),
  field('time', 'duration'),
  field('category', 'string'),
  field('message', 'string'),
  field('status', 'string'),
  field('flag', 'string'),
  field('scope', 'string'),
  field('sector', 'int'),
  field('racingNumber', 'string'),
  field('lap', 'int'),
];

export const trackStatusColumns: readonly Column<TrackStatusChange>[] = [
  field('time', 'duration'),
  field('status', 'string'),
  field('message', 'string'),
];

export const positionColumns: readonly Column<LapPosition>[] = [
  field('driver', 'string'),
  field('driverNumber', 'string'),
  field('lapNumber', 'int'),
  field('position', 'int'),
];

export const gapColumns: readonly Column<LapGap>[] = [
  ...(positionColumns as readonly Column<LapGap>[]),
  field('time', 'duration'),
  field('gapToLeader', 'duration'),
  field('interval', 'duration'),
];
