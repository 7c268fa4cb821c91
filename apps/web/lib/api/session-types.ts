// Session data (issue 4: /api/v1/sessions/{year}/{round}/{session}/…) as the web app uses it.
// Durations and session times in ms; telemetry is columnar (one array per channel).

export type SessionState = 'not_loaded' | 'loading' | 'loaded' | 'failed';

export interface SessionStatus {
  state: SessionState;
  jobId: string | null;
  stage: string | null;
  percent: number | null;
  error: string | null;
}

export interface SessionInfo {
  year: number;
  round: number;
  session: string;
  name: string | null;
  eventName: string | null;
  /** race, qualifying or practice */
  kind: string | null;
  /** Scheduled start, ISO UTC, when known. */
  startUtc: string | null;
  status: SessionStatus;
  /** Null until loaded. */
  data?: {
    laps: number;
    drivers: number;
    hasTelemetry: boolean;
    totalLaps: number | null;
    /** UTC (ISO) of session time zero, when the archive has car data to fix it. */
    t0?: string | null;
    /** Session time (ms) of the start (the race start, or the session going green). */
    sessionStartTime?: number | null;
  } | null;
}

export interface SessionDriver {
  driverNumber: string;
  /** Three-letter abbreviation (VER); the laps' `driver`. */
  abbreviation: string;
  fullName: string;
  teamName: string | null;
  /** `#rrggbb` from the driver list, when the feed has it. */
  teamColor: string | null;
}

/** One lap, columns as the engine names them (FastF1's Laps, camelCased). */
export interface SessionLap {
  driver: string;
  driverNumber: string;
  lapNumber: number;
  lapTime: number | null;
  sector1Time: number | null;
  sector2Time: number | null;
  sector3Time: number | null;
  /** Session time (ms) at the lap's start. */
  lapStartTime: number | null;
  /** Session time (ms) at which the lap was completed. */
  time?: number | null;
  stint: number | null;
  compound: string | null;
  tyreLife: number | null;
  freshTyre: boolean | null;
  pitInTime: number | null;
  pitOutTime: number | null;
  isPersonalBest: boolean;
  isAccurate: boolean;
  deleted: boolean | null;
  trackStatus: string;
  position: number | null;
  speedI1: number | null;
  speedI2: number | null;
  speedFL: number | null;
  speedST: number | null;
}

export const TELEMETRY_CHANNELS = ['speed', 'throttle', 'brake', 'nGear', 'rpm', 'drs'] as const;
export type TelemetryChannel = (typeof TELEMETRY_CHANNELS)[number];

export interface ComparedLap {
  driver: string;
  driverNumber: string;
  lapNumber: number;
  lapTime: number | null;
  compound?: string | null;
  sectors: (number | null)[];
  sectorDeltas?: (number | null)[];
}

/** Several laps on one distance axis (metres), with the time delta to the reference lap. */
export interface Comparison {
  distance: number[];
  /** Where the sector lines fall on the distance axis. */
  sectorDistances?: number[];
  laps: ComparedLap[];
  /** Index into `laps` of the reference (usually the fastest). */
  reference: number;
  /** channel → one array per lap, aligned with `distance`. */
  channels: Partial<Record<TelemetryChannel, (number | null)[][]>>;
  /** Elapsed lap time (ms) at each distance, one array per lap. */
  time: (number | null)[][];
  /** Time delta to the reference (ms) at each distance, one array per lap. */
  delta: (number | null)[][];
}

export interface Stint {
  driver: string;
  stint: number;
  compound: string | null;
  startLap: number;
  endLap: number;
  tyreAgeAtStart: number | null;
  laps: number;
}

export interface SessionPitStop {
  driver: string;
  inLap: number | null;
  outLap: number | null;
  pitLaneTime: number | null;
}

export interface WeatherSeries {
  /** Session time (ms) of each sample. */
  time: number[];
  airTemp: (number | null)[];
  trackTemp: (number | null)[];
  humidity: (number | null)[];
  pressure: (number | null)[];
  windSpeed: (number | null)[];
  windDirection: (number | null)[];
  rainfall: (boolean | null)[];
}

export interface TrackOutline {
  x: number[];
  y: number[];
  /** Metres along the lap for each point. */
  distance: number[];
  /** Speed along the lap, for colouring (km/h). */
  speed: (number | null)[];
  /** Distances where sectors 1→2 and 2→3 change. */
  sectorDistances: number[];
}

export interface Job {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  stage: string | null;
  percent: number | null;
  error: string | null;
}

/** A race-control message as the feed sends it; `date` is its UTC (ISO, whole seconds). */
export interface RaceControlMessage {
  date: string | null;
  /** Flag, SafetyCar, Drs, CarEvent or Other. */
  category: string | null;
  message: string | null;
  status: string | null;
  /** GREEN, YELLOW, DOUBLE YELLOW, CLEAR, BLUE, RED, CHEQUERED, BLACK AND WHITE… */
  flag: string | null;
  /** Track, Sector or Driver. */
  scope: string | null;
  sector: number | null;
  racingNumber: string | null;
  /** The leader's lap when the message was sent (races). */
  lap: number | null;
}

/** A change of track status: 1 green, 2 yellow, 4 safety car, 5 red, 6 VSC, 7 VSC ending. */
export interface TrackStatusChange {
  /** Session time (ms). */
  time: number | null;
  status: string | null;
  message: string | null;
}
