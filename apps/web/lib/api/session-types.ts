// Session data (/api/v1/sessions/{year}/{round}/{session}/…) as the web app uses it, taken from the
// API's generated types (openapi.gen.ts). One adaptation happens at the query boundary
// (lib/queries/sessions.ts): a row's `driver` (the abbreviation, null when the feed's driver list
// lacks the car) falls back to the racing number, so rows always name their driver — `Named<T>`.
import type { components } from './openapi.gen';
import type { ApiItem, ApiJson } from './types';

type S = '/api/v1/sessions/{year}/{round}/{session}';

/** A wire row whose `driver` was filled in with the racing number where the API has no abbreviation. */
export type Named<T extends { driver: string | null }> = Omit<T, 'driver'> & { driver: string };

export type SessionStatus = components['schemas']['SessionDataStatus'];
export type SessionState = SessionStatus['state'];
export type SessionInfo = ApiJson<S>;
export type Job = components['schemas']['Job'];

/** The driver list with abbreviation and full name filled in (the racing number when the feed has none). */
export type SessionDriver = Omit<ApiItem<`${S}/drivers`>, 'abbreviation' | 'fullName'> & { abbreviation: string; fullName: string };

/** One lap, columns as the engine names them (FastF1's Laps, camelCased). */
export type SessionLap = Named<ApiItem<`${S}/laps`>>;
export type Stint = Named<ApiItem<`${S}/stints`>>;
export type SessionPitStop = Named<ApiItem<`${S}/pitstops`>>;
export type LapGap = Named<ApiItem<`${S}/gaps`>>;
export type RaceControlMessage = ApiItem<`${S}/race-control`>;
/** How the API put race control on the session clock (null: it could not; messages have no time). */
export type SessionClock = ApiJson<`${S}/race-control`>['clock'];
export type ClockSource = NonNullable<SessionClock['source']>;
export type TrackStatusChange = ApiItem<`${S}/track-status`>;
export type WeatherSeries = ApiJson<`${S}/weather`>;
export type TrackOutline = ApiJson<`${S}/track`>;

type WireComparison = ApiJson<`${S}/compare`>;
export type ComparedLap = Named<WireComparison['laps'][number]>;
/** Several laps on one distance axis (metres), with the time delta to the reference lap. */
export type Comparison = Omit<WireComparison, 'laps'> & { laps: ComparedLap[] };

/** The channels the telemetry page draws (the API's compare channels it asks for by default). */
export const TELEMETRY_CHANNELS = ['speed', 'throttle', 'brake', 'nGear', 'rpm', 'drs'] as const satisfies readonly (keyof WireComparison['channels'])[];
export type TelemetryChannel = (typeof TELEMETRY_CHANNELS)[number];
