// Session data (issue 4): one row per (year, round, session) with the state of its data, and the
// session's content as the engine built it — drivers, results, laps (every Lap column), stints, pit
// stops, weather, race control, track and session status — plus telemetry as compressed columnar
// blobs per driver and kind (see src/sessions/telemetry-codec.ts), never one row per sample.
//
// A load replaces every child row and the data columns of `sessions` in one transaction, so readers
// see the previous load or the new one, never a mix. Durations and session times are milliseconds
// as the engine computes them (double precision: some are derived from µs clocks and are not whole).
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { drivers } from './people.js';
import { races } from './races.js';

/** bytea as a Node Buffer on both drivers (pg gives a Buffer, PGlite a Uint8Array). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
  toDriver: (v) => v,
});

/** FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q, R. */
export const SESSION_CODES = ['FP1', 'FP2', 'FP3', 'SQ', 'S', 'Q', 'R'] as const;
export type SessionCode = (typeof SESSION_CODES)[number];

/**
 * State of a session's data: `not_loaded` (never), `loading` (a job is running; `stage`/`percent`),
 * `loaded`, `failed` (`error` says why). A failed or running reload keeps the previous data: whether
 * data can be served is `loaded_at IS NOT NULL`, independent of `state`.
 */
export const SESSION_STATES = ['not_loaded', 'loading', 'loaded', 'failed'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const sessions = pgTable(
  'sessions',
  {
    id: serial().primaryKey(),
    year: smallint().notNull(),
    round: smallint().notNull(),
    /** One of SESSION_CODES. */
    session: text().notNull(),
    /** The history race (season + round); null when history has no such round. */
    raceId: integer().references(() => races.id, { onDelete: 'set null' }),
    /** Archive path (`2025/2025-10-26_Mexico_City_Grand_Prix/2025-10-25_Qualifying/`). */
    archivePath: text(),
    /** Session name as F1 names it ("Qualifying", "Sprint Shootout", "Practice 2"). */
    name: text(),
    eventName: text(),
    /** race | qualifying | practice (FastF1's rules for the name and year). */
    kind: text(),
    meetingKey: integer(),
    sessionKey: integer(),
    /** Scheduled start/end in UTC. */
    startUtc: timestamp({ withTimezone: true, mode: 'string' }),
    endUtc: timestamp({ withTimezone: true, mode: 'string' }),
    gmtOffset: text(),

    // ── State of the data (see SESSION_STATES) ──────────────────────────────────────────────────
    state: text().notNull().default('not_loaded'),
    jobId: text(),
    /**
     * The process that holds the claim while `loading` (`host/pid/procStart`, see jobs/holder.ts), so a
     * claim whose process is gone is released at once instead of after the heartbeat expires; null
     * for a job waiting in Redis (BullMQ keeps it, not a process).
     */
    claimHolder: text(),
    stage: text(),
    percent: real(),
    error: text(),
    stateUpdatedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),

    // ── Written by a successful load, all at once ───────────────────────────────────────────────
    loadedAt: timestamp({ withTimezone: true, mode: 'string' }),
    /** Bumped by every successful load: part of ETags, invalidates caches. */
    dataVersion: integer().notNull().default(0),
    /** UTC (epoch ms) of session time zero; null without telemetry. */
    t0: doublePrecision(),
    /** Session time (ms) of the first start. */
    sessionStartTime: doublePrecision(),
    totalLaps: smallint(),
    /** Q1/Q2/Q3 start times (ms) from the timing data. */
    splitTimes: jsonb().$type<number[]>(),
    /** Session status carried by SessionInfo (2025+), e.g. "Finalised". */
    infoStatus: text(),
    /** Championship round Jolpica confirmed for lap-1 times and official results, if any. */
    jolpicaRound: smallint(),
    /** The drivers of the engine's SessionTelemetry, in its order (DriverAhead considers these and breaks ties by order). */
    driverOrder: jsonb().$type<string[]>(),
    hasTelemetry: boolean().notNull().default(false),
    /** The engine's soft issues of the load (missing topics, corrupt lines, warnings). */
    issues: jsonb().$type<{ code: string; message: string; topic?: string; count?: number }[]>(),
    topicLoads: jsonb().$type<{ topic: string; status: string; bytes: number; lines: number; corruptLines: number }[]>(),
    /** Bytes of the telemetry blobs and of the relational rows' payload, as written. */
    telemetryBytes: bigint({ mode: 'number' }),
    sourceBytes: bigint({ mode: 'number' }),
    loadMs: integer(),
  },
  (t) => [uniqueIndex().on(t.year, t.round, t.session), index().on(t.raceId), index().on(t.state)],
);

const sessionRef = () =>
  integer()
    .notNull()
    .references(() => sessions.id, { onDelete: 'cascade' });

/** The driver list of the session; `driverId` links to history by racing number within the event. */
export const sessionDrivers = pgTable(
  'session_drivers',
  {
    sessionId: sessionRef(),
    driverNumber: text().notNull(),
    abbreviation: text(),
    broadcastName: text(),
    firstName: text(),
    lastName: text(),
    fullName: text(),
    teamName: text(),
    /** `rrggbb` as the feed sends it (no `#`). */
    teamColour: text(),
    headshotUrl: text(),
    countryCode: text(),
    reference: text(),
    /** Position in the driver list at the end of the session. */
    line: smallint(),
    driverId: integer().references(() => drivers.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.driverNumber] }), index().on(t.driverId)],
);

/**
 * The engine's classification (official results joined when Jolpica had them). Names and team are
 * kept as the result has them: they may come from Jolpica rather than the driver list.
 */
export const sessionResults = pgTable(
  'session_results',
  {
    sessionId: sessionRef(),
    driverNumber: text().notNull(),
    /** Order of the engine's result list (by position). */
    ord: smallint().notNull(),
    abbreviation: text(),
    broadcastName: text(),
    firstName: text(),
    lastName: text(),
    fullName: text(),
    teamName: text(),
    teamColor: text(),
    headshotUrl: text(),
    countryCode: text(),
    position: smallint(),
    classifiedPosition: text(),
    gridPosition: smallint(),
    q1: doublePrecision(),
    q2: doublePrecision(),
    q3: doublePrecision(),
    time: doublePrecision(),
    status: text(),
    points: doublePrecision(),
    laps: smallint(),
    /** Ergast ids when official results were joined. */
    driverRef: text(),
    teamRef: text(),
    /** official | laps | none */
    source: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.driverNumber] })],
);

/** Every lap with every column of the engine's Lap (FastF1's Laps). */
export const sessionLaps = pgTable(
  'session_laps',
  {
    sessionId: sessionRef(),
    driverNumber: text().notNull(),
    lapNumber: smallint().notNull(),
    driver: text(),
    time: doublePrecision(),
    lapTime: doublePrecision(),
    stint: smallint(),
    pitOutTime: doublePrecision(),
    pitInTime: doublePrecision(),
    sector1Time: doublePrecision(),
    sector2Time: doublePrecision(),
    sector3Time: doublePrecision(),
    sector1SessionTime: doublePrecision(),
    sector2SessionTime: doublePrecision(),
    sector3SessionTime: doublePrecision(),
    speedI1: doublePrecision(),
    speedI2: doublePrecision(),
    speedFl: doublePrecision(),
    speedSt: doublePrecision(),
    isPersonalBest: boolean().notNull(),
    compound: text(),
    tyreLife: doublePrecision(),
    freshTyre: boolean().notNull(),
    team: text(),
    lapStartTime: doublePrecision(),
    /** UTC of the lap start, epoch ms. */
    lapStartDate: doublePrecision(),
    trackStatus: text().notNull(),
    position: smallint(),
    deleted: boolean(),
    deletedReason: text(),
    fastF1Generated: boolean().notNull(),
    isAccurate: boolean().notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.driverNumber, t.lapNumber] }), index().on(t.sessionId, t.lapNumber)],
);

/** Stints per driver, derived from the laps (compound, lap range, tyre age at the start). */
export const sessionStints = pgTable(
  'session_stints',
  {
    sessionId: sessionRef(),
    driverNumber: text().notNull(),
    stint: smallint().notNull(),
    compound: text(),
    freshTyre: boolean(),
    startLap: smallint().notNull(),
    endLap: smallint().notNull(),
    /** Laps already on the set when the stint started (TyreLife of the first lap − 1). */
    tyreAgeAtStart: doublePrecision(),
    laps: smallint().notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.driverNumber, t.stint] })],
);

/** Pit stops: in-lap → out-lap; pit-lane time = out-lap PitOutTime − in-lap PitInTime when both exist. */
export const sessionPitStops = pgTable(
  'session_pit_stops',
  {
    sessionId: sessionRef(),
    driverNumber: text().notNull(),
    seq: smallint().notNull(),
    inLap: smallint(),
    outLap: smallint(),
    pitInTime: doublePrecision(),
    pitOutTime: doublePrecision(),
    pitLaneTime: doublePrecision(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.driverNumber, t.seq] })],
);

export const sessionWeather = pgTable(
  'session_weather',
  {
    sessionId: sessionRef(),
    seq: integer().notNull(),
    /** Session time (ms). */
    time: doublePrecision().notNull(),
    airTemp: doublePrecision(),
    humidity: doublePrecision(),
    pressure: doublePrecision(),
    rainfall: boolean(),
    trackTemp: doublePrecision(),
    windDirection: doublePrecision(),
    windSpeed: doublePrecision(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] })],
);

export const sessionRaceControl = pgTable(
  'session_race_control',
  {
    sessionId: sessionRef(),
    seq: integer().notNull(),
    /** UTC as sent. */
    utc: text().notNull(),
    /** Epoch ms of `utc`. */
    date: doublePrecision().notNull(),
    category: text(),
    message: text(),
    status: text(),
    flag: text(),
    scope: text(),
    sector: smallint(),
    racingNumber: text(),
    lap: smallint(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] })],
);

export const sessionTrackStatus = pgTable(
  'session_track_status',
  {
    sessionId: sessionRef(),
    seq: integer().notNull(),
    time: doublePrecision().notNull(),
    status: text().notNull(),
    message: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] })],
);

export const sessionStatusChanges = pgTable(
  'session_status_changes',
  {
    sessionId: sessionRef(),
    seq: integer().notNull(),
    time: doublePrecision().notNull(),
    status: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] })],
);

/** car = CarData.z channels, pos = Position.z channels. */
export const TELEMETRY_KINDS = ['car', 'pos'] as const;
export type TelemetryKind = (typeof TELEMETRY_KINDS)[number];

/**
 * One driver's raw car or position samples over the whole session as a compressed columnar blob
 * (codec in src/sessions/telemetry-codec.ts; `codec` names its version).
 */
export const sessionTelemetry = pgTable(
  'session_telemetry',
  {
    sessionId: sessionRef(),
    driverNumber: text().notNull(),
    kind: text().notNull(),
    codec: text().notNull(),
    samples: integer().notNull(),
    /** Bytes the columns take uncompressed (for the compression ratio). */
    rawBytes: integer().notNull(),
    data: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.driverNumber, t.kind] })],
);
