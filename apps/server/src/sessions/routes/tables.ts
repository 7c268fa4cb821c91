// The tabular data routes: one declaration per table (path, summary, where its rows come from, the
// columns that render them as JSON records or CSV). `laps`, with its filters, is in laps.ts;
// `race-control`, with the session clock, in race-control.ts.
import type { TSchema } from '@sinclair/typebox';
import type { ServableSession, SessionReader } from '../queries/reader.js';
import { gapsPerLap, positionsPerLap } from '../shape/race-order.js';
import type { Column } from '../shape/table.js';
import {
  abbreviationsOf, driverColumns, gapColumns, pitStopColumns, positionColumns, resultColumns, stintColumns,
  trackStatusColumns, weatherColumns, weatherSeries, withDriver,
} from '../shape/tables.js';
import { json, keyOf, precompressed, table, type SessionApp, type SessionRouteContext } from './context.js';
import {
  dataResponses, DriversResponse, formatOnly, GapsResponse, PitStopsResponse, PositionsResponse, ResultsResponse,
  SessionParams, StintsResponse, tags, TrackStatusResponse, WeatherResponse,
} from './schemas.js';

interface SessionTable<R> {
  /** under /{year}/{round}/{session}/ */
  path: string;
  summary: string;
  response: TSchema;
  rows(reader: SessionReader, s: ServableSession): Promise<readonly R[]>;
  columns: readonly Column<R>[];
  /** JSON other than `{ items }` (a series); CSV is always one row per record. */
  json?(rows: readonly R[]): unknown;
}

export type SessionRoute = (app: SessionApp, ctx: SessionRouteContext) => void;

/** GET /{year}/{round}/{session}/{path}: the table as `{ items }`, or CSV with format=csv. */
function tableRoute<R>(t: SessionTable<R>): SessionRoute {
  return (app, ctx) => app.get(`/:year/:round/:session/${t.path}`, {
    ...precompressed,
    schema: { tags, summary: t.summary, params: SessionParams, querystring: formatOnly, response: dataResponses(t.response) },
  }, async (request, reply) => ctx.serve(request, reply, keyOf(request.params), async (s) => {
    const rows = await t.rows(ctx.reader, s);
    return t.json && request.query.format !== 'csv' ? json(reply, t.json(rows)) : table(reply, request.query.format, rows, t.columns);
  }));
}

/** Rows that carry a driver number, with the driver's abbreviation added. */
async function withAbbreviations<R extends { driverNumber: string }>(reader: SessionReader, s: ServableSession, rows: Promise<R[]>) {
  const [own, drivers] = await Promise.all([rows, reader.driversOf(s)]);
  return withDriver(own, abbreviationsOf(drivers));
}

export const driversRoute = tableRoute({
  path: 'drivers',
  summary: 'The session’s drivers (F1 driver list), linked to history drivers by racing number',
  response: DriversResponse,
  rows: (reader, s) => reader.driversOf(s),
  columns: driverColumns,
});

export const resultsRoute = tableRoute({
  path: 'results',
  summary: 'Classification: official results (Jolpica) joined with the driver list, or classified from the laps',
  response: ResultsResponse,
  rows: (reader, s) => reader.store.results(s.row.id),
  columns: resultColumns,
});

export const stintsRoute = tableRoute({
  path: 'stints',
  summary: 'Tyre stints per driver: compound, first and last lap, tyre age at the start, laps',
  response: StintsResponse,
  rows: (reader, s) => withAbbreviations(reader, s, reader.store.stints(s.row.id)),
  columns: stintColumns,
});

export const pitStopsRoute = tableRoute({
  path: 'pitstops',
  summary: 'Pit stops: in-lap, out-lap, pit-lane time (out-lap PitOutTime − in-lap PitInTime) where both are known',
  response: PitStopsResponse,
  rows: (reader, s) => withAbbreviations(reader, s, reader.store.pitStops(s.row.id)),
  columns: pitStopColumns,
});

export const weatherRoute = tableRoute({
  path: 'weather',
  summary: 'Weather as a time series (one array per quantity; CSV: one row per sample)',
  response: WeatherResponse,
  rows: (reader, s) => reader.store.weather(s.row.id),
  columns: weatherColumns,
  json: weatherSeries,
});

export const trackStatusRoute = tableRoute({
  path: 'track-status',
  summary: 'Track status changes (1 green, 2 yellow, 4 safety car, 5 red, 6 VSC, 7 VSC ending)',
  response: TrackStatusResponse,
  rows: (reader, s) => reader.store.trackStatus(s.row.id),
  columns: trackStatusColumns,
});

export const positionsRoute = tableRoute({
  path: 'positions',
  summary: 'Position of every driver at the end of every lap (race and sprint; empty for other sessions), for lap charts',
  response: PositionsResponse,
  rows: async (reader, s) => positionsPerLap((await reader.lapsOf(s)).laps),
  columns: positionColumns,
});

export const gapsRoute = tableRoute({
  path: 'gaps',
  summary: 'Gap to the leader and to the car ahead at the end of every lap (race and sprint)',
  response: GapsResponse,
  rows: async (reader, s) => gapsPerLap((await reader.lapsOf(s)).laps),
  columns: gapColumns,
});
