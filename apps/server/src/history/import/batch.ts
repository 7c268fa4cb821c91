// The unit of history written to the database, keyed by public ids (driverRef, constructorRef,
// circuitRef) and (season, round) rather than database ids. The dump import builds one from CSV
// files; the Jolpica API sync can build one from API answers; `writeHistory` stores either.

export interface RaceKey {
  season: number;
  round: number;
}

export interface ChampionshipSystemRow {
  reference: string;
  name: string;
  driverBestResults: number;
  driverSeasonSplit: number;
  eligibility: number;
  teamBestResults: number;
  teamPointsPerSession: number;
  teamSeasonSplit: number;
  jolpicaApiId: string | null;
}

export interface PointSystemRow {
  reference: string;
  name: string;
  driverPositionPoints: number;
  driverFastestLap: number;
  teamPositionPoints: number;
  teamFastestLap: number;
  sharedDrive: number;
  partial: number;
  isDoublePoints: boolean;
  jolpicaApiId: string | null;
}

export interface SeasonRow {
  year: number;
  url: string | null;
  championshipSystemRef: string | null;
  jolpicaApiId: string | null;
}

export interface CircuitRow {
  circuitRef: string;
  name: string;
  locality: string | null;
  country: string | null;
  countryCode: string | null;
  lat: number | null;
  lng: number | null;
  altitude: number | null;
  url: string | null;
  jolpicaApiId: string | null;
}

export interface DriverRow {
  driverRef: string;
  permanentNumber: number | null;
  code: string | null;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  nationality: string | null;
  countryCode: string | null;
  url: string | null;
  jolpicaApiId: string | null;
}

export interface ConstructorRow {
  constructorRef: string;
  name: string;
  nationality: string | null;
  countryCode: string | null;
  primaryColor: string | null;
  url: string | null;
  jolpicaApiId: string | null;
}

export interface TeamDriverRow {
  season: number;
  driverRef: string;
  constructorRef: string;
  role: number | null;
}

export interface RaceRow extends RaceKey {
  circuitRef: string;
  name: string;
  date: string | null;
  time: string | null;
  url: string | null;
  isCancelled: boolean;
  jolpicaApiId: string | null;
}

export interface RaceSessionRow extends RaceKey {
  type: string;
  number: number | null;
  date: string | null;
  time: string | null;
  timezone: string | null;
  scheduledLaps: number | null;
  isCancelled: boolean;
  pointSystemRef: string | null;
  jolpicaApiId: string | null;
}

interface EntryKey extends RaceKey {
  driverRef: string;
  constructorRef: string;
  number: number;
}

export interface ResultRow extends EntryKey {
  grid: number | null;
  position: number;
  positionText: string;
  points: number | null;
  laps: number | null;
  timeMillis: number | null;
  timeText: string | null;
  fastestLap: number | null;
  fastestLapRank: number | null;
  fastestLapTimeMillis: number | null;
  /** km/h with 3 decimals, as a string ('231.970'). */
  fastestLapSpeed: string | null;
  status: string | null;
}

export interface QualifyingRow extends EntryKey {
  position: number | null;
  q1: string | null;
  q2: string | null;
  q3: string | null;
  q1Millis: number | null;
  q2Millis: number | null;
  q3Millis: number | null;
  /** Place within each part, when the source has it (the dump does; Jolpica's API does not). */
  q1Position?: number | null;
  q2Position?: number | null;
  q3Position?: number | null;
}

export interface LapTimeRow extends RaceKey {
  driverRef: string;
  lap: number;
  position: number | null;
  timeMillis: number | null;
}

export interface PitStopRow extends RaceKey {
  driverRef: string;
  stop: number;
  lap: number;
  localTime: string | null;
  durationMillis: number | null;
}

export interface AdjustmentRow {
  season: number;
  driverRef: string | null;
  constructorRef: string | null;
  adjustment: number;
  points: number | null;
  jolpicaApiId: string | null;
}

export interface StandingRow extends RaceKey {
  points: number;
  position: number | null;
  positionText: string;
  wins: number;
  isEligible: boolean;
}
export interface DriverStandingRow extends StandingRow {
  driverRef: string;
}
export interface ConstructorStandingRow extends StandingRow {
  constructorRef: string;
}

export interface HistoryBatch {
  championshipSystems: ChampionshipSystemRow[];
  pointSystems: PointSystemRow[];
  seasons: SeasonRow[];
  circuits: CircuitRow[];
  drivers: DriverRow[];
  constructors: ConstructorRow[];
  races: RaceRow[];
  /**
   * Seasons whose schedule-level rows (team drivers, race sessions, championship adjustments) this
   * batch replaces completely. Rows of other seasons are left alone.
   */
  replaceSeasons: number[];
  /**
   * Seasons whose result-level rows (results, sprint results, qualifying, sprint qualifying, lap times,
   * pit stops, standings) this batch replaces completely; their standings are recomputed unless given.
   */
  replaceResultSeasons: number[];
  teamDrivers: TeamDriverRow[];
  raceSessions: RaceSessionRow[];
  results: ResultRow[];
  sprintResults: ResultRow[];
  qualifying: QualifyingRow[];
  sprintQualifying: QualifyingRow[];
  lapTimes: LapTimeRow[];
  pitStops: PitStopRow[];
  adjustments: AdjustmentRow[];
  /** Given by a full dump; when absent, standings are computed from results. */
  driverStandings?: DriverStandingRow[];
  constructorStandings?: ConstructorStandingRow[];
}

export const emptyBatch = (): HistoryBatch => ({
  championshipSystems: [],
  pointSystems: [],
  seasons: [],
  circuits: [],
  drivers: [],
  constructors: [],
  races: [],
  replaceSeasons: [],
  replaceResultSeasons: [],
  teamDrivers: [],
  raceSessions: [],
  results: [],
  sprintResults: [],
  qualifying: [],
  sprintQualifying: [],
  lapTimes: [],
  pitStops: [],
  adjustments: [],
});
