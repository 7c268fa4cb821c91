// Request and response schemas of /api/v1/sessions/{year}/{round}/{session}/… (TypeBox: the OpenAPI
// document, the validators and the serializers all come from these). Conventions as in /api/v1:
// camelCase, durations and session times in milliseconds, dates ISO 8601 UTC; tabular endpoints
// answer `{ items: [...] }` (or CSV with `format=csv`), series answer one array per quantity.
import { Type, type TSchema } from '@sinclair/typebox';
import { JobViewSchema, SessionStatusSchema } from '../../jobs/routes.js';
import { SESSION_CODES } from '../catalog.js';
import { Nullable } from '../../history/routes/v1/schemas.js';
import { COMPARE_CHANNELS, MAX_COMPARED_LAPS } from '../shape/compare.js';
import { lapColumns } from '../shape/laps.js';
import { seasonSessionColumns } from '../shape/season.js';
import { CLOCK_SOURCES } from '../shape/session-clock.js';
import { driverColumns, pitStopColumns, raceControlColumns, resultColumns, stintColumns, trackStatusColumns } from '../shape/tables.js';
import { TELEMETRY_COLUMNS } from '../shape/telemetry.js';
import type { Column, ColumnKind } from '../shape/table.js';

// ── request parts ──────────────────────────────────────────────────────────────────────────────

export const SessionParams = Type.Object({
  year: Type.Integer({ minimum: 1950, maximum: 2100, description: 'season, e.g. 2025' }),
  round: Type.Integer({ minimum: 1, maximum: 99, description: 'round within the season' }),
  session: Type.Union(SESSION_CODES.map((c) => Type.Literal(c)), {
    description: 'FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race)',
  }),
});

export const SeasonParams = Type.Object({ year: SessionParams.properties.year });

export const FormatQuery = {
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json', description: 'json (default) or csv' })),
};

const csvList = (description: string, pattern = '^[A-Za-z0-9_, -]*$') => Type.String({ maxLength: 200, pattern, description });
const bool = (description: string) => Type.Optional(Type.Boolean({ description }));

export const LapsQuery = Type.Object({
  ...FormatQuery,
  driver: Type.Optional(csvList('racing numbers or abbreviations, comma-separated (VER,44)')),
  drivers: Type.Optional(csvList('alias of driver')),
  fromLap: Type.Optional(Type.Integer({ minimum: 0, maximum: 999, description: 'first lap number' })),
  toLap: Type.Optional(Type.Integer({ minimum: 0, maximum: 999, description: 'last lap number' })),
  compound: Type.Optional(csvList('compounds, comma-separated (SOFT,MEDIUM,HARD,INTERMEDIATE,WET)')),
  stint: Type.Optional(csvList('stint numbers, comma-separated', '^[0-9, ]*$')),
  accurate: bool('true: only laps whose times are accurate (FastF1 IsAccurate); false: only the others'),
  deleted: bool('false: laps whose time stands; true: deleted laps'),
  personalBest: bool('true: personal bests only'),
  quick: bool('true: laps within 107% of the session’s fastest lap (the engine’s pickQuickLaps)'),
  pitInOut: bool('false: leave out in-laps and out-laps; true: only them'),
  trackStatus: Type.Optional(Type.String({ pattern: '^[1-7]{1,7}$', description: 'track status code(s): 1 green, 2 yellow, 4 SC, 5 red, 6 VSC, 7 VSC ending' })),
  trackStatusMatch: Type.Optional(Type.Union(['equals', 'contains', 'excludes', 'any', 'none'].map((m) => Type.Literal(m)), {
    default: 'equals', description: 'how trackStatus is matched against the codes active during the lap',
  })),
  part: Type.Optional(Type.Union([Type.Literal('Q1'), Type.Literal('Q2'), Type.Literal('Q3')], { description: 'qualifying part' })),
});

export const formatOnly = Type.Object({ ...FormatQuery });

export const TelemetryParams = Type.Object({
  ...SessionParams.properties,
  driver: Type.String({ minLength: 1, maxLength: 3, pattern: '^([0-9]{1,2}|[A-Za-z]{3})$', description: 'racing number (4) or abbreviation (NOR)' }),
  lap: Type.String({ pattern: '^([0-9]{1,3}|fastest)$', description: 'lap number, or `fastest` (the driver’s fastest personal best)' }),
});

export const TelemetryQuery = Type.Object({
  ...FormatQuery,
  channels: Type.Optional(Type.String({ maxLength: 300, description: `comma-separated channels (default: all but sessionTime and date; \`all\` for every one): ${TELEMETRY_COLUMNS.join(', ')}` })),
  x: Type.Optional(Type.Union([Type.Literal('distance'), Type.Literal('time')], { default: 'distance', description: 'the x axis, returned first: distance (m) or time (ms since the lap start)' })),
});

export const CompareQuery = Type.Object({
  drivers: Type.Optional(csvList(`up to ${MAX_COMPARED_LAPS} racing numbers or abbreviations (with laps=fastest or a lap number)`)),
  laps: Type.Optional(Type.String({
    maxLength: 200, pattern: '^[A-Za-z0-9:, ]*$',
    description: '`fastest` (default) or a lap number for every driver in `drivers`, or explicit `driver:lap` pairs (VER:12,HAM:fastest)',
  })),
  reference: Type.Optional(Type.String({ maxLength: 8, pattern: '^[A-Za-z0-9]+$', description: 'reference lap: its index in the list (0-based) or its driver; default the fastest lap' })),
  channels: Type.Optional(Type.String({ maxLength: 200, description: `comma-separated: ${COMPARE_CHANNELS.join(', ')} (default speed, throttle, brake, nGear, rpm, drs)` })),
  step: Type.Optional(Type.Number({ minimum: 1, maximum: 50, default: 5, description: 'spacing of the distance axis in metres (sector and finish lines are added exactly)' })),
});

export const TrackQuery = Type.Object({
  driver: Type.Optional(Type.String({ pattern: '^([0-9]{1,2}|[A-Za-z]{3})$', description: 'take the outline from this driver’s lap (default: the session’s fastest lap)' })),
  lap: Type.Optional(Type.String({ pattern: '^([0-9]{1,3}|fastest)$', description: 'lap number or fastest (with driver)' })),
  rotation: Type.Optional(Type.Number({ minimum: -360, maximum: 360, description: 'turn the outline by these degrees instead of the derived rotation' })),
});

// ── responses ──────────────────────────────────────────────────────────────────────────────────

const cellSchema: Record<ColumnKind, () => TSchema> = {
  duration: () => Type.Number({ description: 'ms' }),
  date: () => Type.String({ format: 'date-time' }),
  number: () => Type.Number(),
  int: () => Type.Integer(),
  string: () => Type.String(),
  bool: () => Type.Boolean(),
};

/**
 * A table row's schema from the column list that renders it (so the two cannot drift apart). Cells
 * are nullable except the `always` ones, which the row type guarantees (clients such as the web
 * app's generated types rely on them).
 */
export function rowSchema<R>(columns: readonly Column<R>[], title: string, always: readonly (keyof R & string)[] = []) {
  const cell = (c: Column<R>) => (always.includes(c.key as keyof R & string) ? cellSchema[c.kind]() : Nullable(cellSchema[c.kind]()));
  return Type.Object(Object.fromEntries(columns.map((c) => [c.key, cell(c)])), { title });
}

const items = (row: TSchema, title: string) => Type.Object({ items: Type.Array(row) }, { title });

export const LapRow = rowSchema(lapColumns, 'SessionLap', ['driverNumber', 'lapNumber', 'isPersonalBest', 'freshTyre', 'trackStatus', 'fastF1Generated', 'isAccurate', 'isQuick', 'isClean']);
export const LapsResponse = items(LapRow, 'SessionLaps');
export const DriversResponse = items(rowSchema(driverColumns, 'SessionDriver', ['driverNumber']), 'SessionDrivers');
export const ResultsResponse = items(rowSchema(resultColumns, 'SessionResult'), 'SessionResults');
export const StintsResponse = items(rowSchema(stintColumns, 'SessionStint', ['driverNumber', 'stint', 'startLap', 'endLap', 'laps']), 'SessionStints');
export const PitStopsResponse = items(rowSchema(pitStopColumns, 'SessionPitStop', ['driverNumber']), 'SessionPitStops');
export const RaceControlResponse = Type.Object({
  items: Type.Array(rowSchema(raceControlColumns, 'RaceControlMessage')),
  clock: Type.Object({
    t0: Nullable(Type.String({ format: 'date-time', description: 'UTC of session time zero; a message\'s time = date − t0' })),
    source: Type.Union([...CLOCK_SOURCES.map((c) => Type.Literal(c)), Type.Null()], {
      description: 'archive: fixed by car data (the engine\'s t0); track-status: where track status changes and the messages announcing them agree; green-light: the green light opening a non-race session at its start; null: no clock, times are null',
    }),
  }, { title: 'SessionClock' }),
}, { title: 'RaceControlMessages', description: 'messages with `time` on the session clock (ms), the same clock as laps and track status' });
export const TrackStatusResponse = items(rowSchema(trackStatusColumns, 'TrackStatusChange'), 'TrackStatusChanges');
export const SeasonSessionsResponse = items(rowSchema(seasonSessionColumns, 'SeasonSession'), 'SeasonSessions');

const driverIds = { driver: Nullable(Type.String({ description: 'abbreviation' })), driverNumber: Type.String() };

export const PositionsResponse = items(Type.Object({ ...driverIds, lapNumber: Type.Integer(), position: Type.Integer() }, { title: 'LapPosition' }), 'LapPositions');
export const GapsResponse = items(Type.Object({
  ...driverIds,
  lapNumber: Type.Integer(),
  position: Type.Integer(),
  time: Nullable(Type.Number({ description: 'session time (ms) at which the lap was completed' })),
  gapToLeader: Nullable(Type.Number({ description: 'ms behind the leader at the line' })),
  interval: Nullable(Type.Number({ description: 'ms behind the car one position ahead' })),
}, { title: 'LapGap' }), 'LapGaps');

const numbers = Type.Array(Nullable(Type.Number()));

export const WeatherResponse = Type.Object({
  time: Type.Array(Type.Number()),
  airTemp: numbers,
  humidity: numbers,
  pressure: numbers,
  rainfall: Type.Array(Nullable(Type.Boolean())),
  trackTemp: numbers,
  windDirection: numbers,
  windSpeed: numbers,
}, { title: 'WeatherSeries', description: 'one array per quantity; time is session time (ms)' });

export const SessionResponse = Type.Object({
  year: Type.Integer(),
  round: Type.Integer(),
  session: Type.String(),
  name: Nullable(Type.String({ description: 'F1’s session name, e.g. Qualifying, Sprint Shootout' })),
  eventName: Nullable(Type.String()),
  kind: Nullable(Type.String({ description: 'race, qualifying or practice' })),
  archivePath: Nullable(Type.String()),
  startUtc: Nullable(Type.String({ format: 'date-time' })),
  endUtc: Nullable(Type.String({ format: 'date-time' })),
  status: SessionStatusSchema,
  data: Nullable(Type.Object({
    laps: Type.Integer(),
    drivers: Type.Integer(),
    hasTelemetry: Type.Boolean(),
    totalLaps: Nullable(Type.Integer()),
    t0: Nullable(Type.String({ format: 'date-time', description: 'UTC of session time zero' })),
    sessionStartTime: Nullable(Type.Number({ description: 'session time (ms) of the start' })),
  })),
  onDemand: Type.Boolean({ description: 'true: this API loads sessions on request without the admin token (POST links.load, or any data endpoint answers 202 with the job); false: loading needs the admin token' }),
  links: Type.Object({ load: Type.String(), laps: Type.String() }),
}, { title: 'Session' });

const channelArrays = Object.fromEntries(TELEMETRY_COLUMNS.map((c) => {
  const item = c === 'brake' ? Type.Boolean() : c === 'source' || c === 'status' || c === 'driverAhead' ? Nullable(Type.String()) : Nullable(Type.Number());
  return [c, Type.Optional(Type.Array(item))];
}));

export const TelemetryResponse = Type.Object({
  driver: Nullable(Type.String()),
  driverNumber: Type.String(),
  lapNumber: Type.Integer(),
  lapTime: Nullable(Type.Number()),
  lapStartTime: Nullable(Type.Number({ description: 'session time (ms) of the lap start; sessionTime = lapStartTime + time' })),
  t0: Nullable(Type.String({ format: 'date-time', description: 'UTC of session time zero; date = t0 + sessionTime' })),
  axis: Type.Union([Type.Literal('distance'), Type.Literal('time')]),
  samples: Type.Integer(),
  channels: Type.Object(channelArrays, {
    description: 'one array per channel, axis first. time/sessionTime ms, distance m (0.01), speed km/h, rpm, nGear, throttle %, brake, drs, x/y/z in 1/10 m, status OnTrack/OffTrack, driverAhead racing number, distanceToDriverAhead m, source car/pos/interpolation',
  }),
}, { title: 'LapTelemetry' });

const nullableNumbers = Type.Array(Nullable(Type.Number()));
const sectorTriple = Type.Array(Nullable(Type.Number()), { minItems: 3, maxItems: 3 });

export const CompareResponse = Type.Object({
  distance: Type.Array(Type.Number(), { description: 'common axis: metres along the reference lap from its start line; every lap is mapped onto it piecewise-linearly between the timing lines (the engine’s compareLaps)' }),
  reference: Type.Integer({ description: 'index into laps of the reference lap' }),
  sectorDistances: Type.Array(Type.Number(), { description: 'where the sector lines fall on the axis' }),
  laps: Type.Array(Type.Object({
    ...driverIds,
    lapNumber: Type.Integer(),
    lapTime: Nullable(Type.Number()),
    compound: Nullable(Type.String()),
    tyreLife: Nullable(Type.Number()),
    sectors: sectorTriple,
    sectorDeltas: sectorTriple,
    lapTimeDelta: Nullable(Type.Number()),
    anchoredAt: Type.Array(Type.String(), { description: 'timing lines (start, sector1, sector2, finish) at which this lap is pinned to the reference' }),
  }, { title: 'ComparedLap' })),
  channels: Type.Object(Object.fromEntries(COMPARE_CHANNELS.map((c) => [c, Type.Optional(Type.Array(nullableNumbers))]))),
  time: Type.Array(nullableNumbers, { description: 'elapsed lap time (ms) at each distance, one array per lap' }),
  delta: Type.Array(nullableNumbers, { description: 'time minus the reference lap’s at the same point of the track (ms), one array per lap' }),
}, { title: 'LapComparison' });

const point = Type.Object({ x: Type.Number(), y: Type.Number() });

export const TrackResponse = Type.Object({
  ...driverIds,
  lapNumber: Type.Integer(),
  lapTime: Nullable(Type.Number()),
  rotation: Type.Number({ description: 'degrees the feed’s X/Y were turned counter-clockwise' }),
  rotationSource: Type.Union([Type.Literal('derived'), Type.Literal('request')]),
  x: Type.Array(Type.Number()),
  y: Type.Array(Type.Number()),
  distance: Type.Array(Type.Number()),
  speed: nullableNumbers,
  length: Type.Number(),
  sectorDistances: Type.Array(Type.Number()),
  linePoints: Type.Array(point, { description: 'start/finish line, then the sector 1→2 and 2→3 lines' }),
}, { title: 'TrackOutline' });

// ── what every data route shares ───────────────────────────────────────────────────────────────

export const tags = ['sessions'];

export const LoadAccepted = Type.Object({
  message: Type.String(),
  jobId: Type.String(),
  created: Type.Boolean(),
  job: JobViewSchema,
  status: SessionStatusSchema,
}, { title: 'SessionLoadStarted', description: 'APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job)' });

/** 200 plus the 202 an on-demand load answers with. */
export const dataResponses = (ok: TSchema) => ({ 200: ok, 202: LoadAccepted });
