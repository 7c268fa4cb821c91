// The live view as /api/v1/live serves it: the engine's derived views (tower, clock, lap count,
// track status, race control, weather, car positions) plus the ingester's status. The web only
// shows these; every rule (gaps, colours, knocked-out, clock extrapolation) is computed upstream.

export type TimeColour = 'purple' | 'green' | 'yellow' | 'none';
export type SegmentColour = TimeColour | 'pit';

export interface TimedValue {
  text: string;
  ms: number | null;
  colour: TimeColour;
}

export interface SectorCell {
  time: TimedValue | null;
  current: boolean;
  stopped: boolean;
  segments: SegmentColour[];
}

export interface TowerRow {
  driverNumber: string;
  abbreviation: string | null;
  name: string | null;
  team: string | null;
  teamColour: string | null;
  position: number | null;
  gap: string | null;
  gapSeconds: number | null;
  interval: string | null;
  intervalSeconds: number | null;
  catching: boolean;
  lastLap: TimedValue | null;
  bestLap: (TimedValue & { lap: number | null }) | null;
  sectors: SectorCell[];
  laps: number | null;
  tyre: { compound: string | null; new: boolean | null; age: number | null; stints: number } | null;
  pitStops: number;
  inPit: boolean;
  pitOut: boolean;
  drs: 'open' | 'eligible' | 'off' | null;
  retired: boolean;
  stopped: boolean;
  knockedOut: boolean;
}

export interface TimingTower {
  kind: string;
  part: number | null;
  cutoffAfter: number | null;
  rows: TowerRow[];
}

export interface PositionSample {
  utc: number;
  x: number;
  y: number;
  z: number;
}

export interface CarPosition {
  driverNumber: string;
  status: string | null;
  latest: PositionSample;
  previous: PositionSample | null;
}

export interface RaceControlMessage {
  time?: number;
  utc?: string | null;
  lap?: number | null;
  category?: string | null;
  flag?: string | null;
  scope?: string | null;
  sector?: number | null;
  message: string;
  [key: string]: unknown;
}

export interface LiveStatus {
  source: 'none' | 'live' | 'replay' | 'recording';
  session: { year: number | null; round: number | null; session: string | null; name: string; path: string | null } | null;
  connected: boolean;
  topicsMissing: string[];
  tokenConfigured: boolean;
  replay: { speed: number | 'max'; paused: boolean; positionMs: number; durationMs: number } | null;
  message: string | null;
}

export interface LiveView {
  status: LiveStatus;
  at?: number;
  session?: { meeting: string | null; name: string | null; type: string | null; path: string | null; status: string | null; qualifyingPart: number | null };
  clock?: { remainingMs: number | null; running: boolean };
  lapCount?: { current: number | null; total: number | null } | null;
  trackStatus?: { code: string; message: string } | null;
  tower?: TimingTower;
  raceControl?: RaceControlMessage[];
  weather?: Record<string, number | boolean | null> | null;
  positions?: CarPosition[];
}
