// The shapes the web app works with. They follow /api/v1 (camelCase, durations in ms, ISO dates);
// lib/queries/* adapt the wire format to these where the two differ, so components never see drift.

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface DriverRef {
  id: string;
  code: string | null;
  permanentNumber: number | null;
  givenName: string;
  familyName: string;
  nationality: string | null;
}

// ── F1DB facts ────────────────────────────────────────────────────────────────────────────────

export interface Country {
  id: string;
  name: string;
  alpha2Code: string;
  demonym: string | null;
}

/** Engine manufacturer, tyre manufacturer or entrant. */
export interface NamedRef {
  id: string;
  name: string;
}

export interface ChassisRef extends NamedRef {
  fullName: string;
}

export interface Engine extends ChassisRef {
  manufacturer: NamedRef;
  capacity: number | null;
  configuration: string | null;
  aspiration: string | null;
}

export interface CarColumns {
  position: number | null;
  positionText: string;
  number: number;
  driver: DriverRef;
  constructor: ConstructorRef;
}

export interface GridEntry extends CarColumns {
  gridPenalty: string | null;
  gridPenaltyPlaces: number | null;
  qualifyingTimeMillis: number | null;
}

export interface SessionResult extends CarColumns {
  timeMillis: number | null;
  gapMillis: number | null;
  laps: number | null;
}

export interface PracticeSession {
  session: string;
  results: SessionResult[];
}

export interface DriverOfTheDayVote {
  position: number;
  driver: DriverRef;
  constructor: ConstructorRef;
  percentage: number | null;
}

export interface RaceEntry {
  number: number | null;
  driver: DriverRef;
  constructor: ConstructorRef;
  entrant: NamedRef | null;
  engineManufacturer: NamedRef | null;
  chassis: ChassisRef[];
  engines: Engine[];
  tyreManufacturer: NamedRef | null;
}

export interface RaceDetails {
  officialName: string;
  grandPrix: NamedRef;
  circuitLayout: string | null;
  circuitType: string;
  direction: string;
  courseLengthKm: number;
  turns: number;
  laps: number;
  distanceKm: number;
  scheduledLaps: number | null;
  qualifyingFormat: string;
}

export interface DriverDetails {
  fullName: string;
  dateOfDeath: string | null;
  placeOfBirth: string | null;
  countryOfBirth: Country | null;
  nationality: Country | null;
  secondNationality: Country | null;
}

export interface FamilyRelation {
  type: string;
  driver: DriverRef;
}

export interface ChronologyStep {
  constructor: ConstructorRef;
  yearFrom: number;
  yearTo: number | null;
}

export interface ConstructorCarSeason {
  season: number;
  entrants: NamedRef[];
  engineManufacturers: NamedRef[];
  chassis: ChassisRef[];
  engines: Engine[];
  tyreManufacturers: NamedRef[];
}

export interface CircuitLayout {
  id: string;
  lengthKm: number;
  turns: number;
  seasons: number[];
}

export interface CircuitDetails {
  fullName: string;
  previousNames: string[];
  type: string;
  direction: string;
  placeName: string;
  country: Country | null;
  lengthKm: number;
  turns: number;
}

export interface Driver extends DriverRef {
  dateOfBirth: string | null;
  url: string | null;
}

export interface ConstructorRef {
  id: string;
  name: string;
  nationality: string | null;
}

export interface CircuitRef {
  id: string;
  name: string;
  locality: string | null;
  country: string | null;
}

export interface Circuit extends CircuitRef {
  lat: number | null;
  lng: number | null;
  url: string | null;
}

export interface RaceSummary {
  season: number;
  round: number;
  name: string;
  date: string | null;
  time: string | null;
  isCancelled?: boolean;
  circuit: CircuitRef;
  /** Null before the race is run or when no results are loaded. */
  winner: { driver: DriverRef; constructor: ConstructorRef } | null;
}

/** How far a season has got, as the API decides it (see the API's SeasonState). */
export type SeasonState = 'complete' | 'in_progress' | 'results_missing' | 'upcoming';

export interface SeasonSummary {
  year: number;
  rounds: number;
  roundsWithResults: number;
  /** Rounds dated before the server's today. */
  roundsDue: number;
  state: SeasonState;
  driverChampion: DriverRef | null;
  constructorChampion: ConstructorRef | null;
  /** Championship leaders while the season is undecided. */
  leaders: { afterRound: number; driver: DriverRef | null; constructor: ConstructorRef | null } | null;
}

/** The races around the server's today, placed by date (GET /api/v1/today). */
export interface Today {
  date: string;
  latestRace: RaceSummary | null;
  latestResults: RaceSummary | null;
  nextRace: RaceSummary | null;
}

export interface DriverStanding {
  position: number | null;
  positionText: string;
  points: number;
  wins: number;
  driver: DriverRef;
  constructors: ConstructorRef[];
}

export interface ConstructorStanding {
  position: number | null;
  positionText: string;
  points: number;
  wins: number;
  constructor: ConstructorRef;
}

export interface Standings {
  season: number;
  round: number;
  drivers: DriverStanding[];
  constructors: ConstructorStanding[];
}

export interface Season {
  year: number;
  races: RaceSummary[];
  standings: Standings | null;
}

export interface FastestLap {
  lap: number | null;
  rank: number | null;
  timeMillis: number | null;
  speedKph: number | null;
}

export interface RaceResult {
  position: number;
  positionText: string;
  number: number | null;
  driver: DriverRef;
  constructor: ConstructorRef;
  grid: number | null;
  laps: number | null;
  status: string | null;
  timeMillis: number | null;
  timeText: string | null;
  points: number | null;
  fastestLap: FastestLap | null;
}

export interface QualifyingResult {
  position: number | null;
  number: number | null;
  driver: DriverRef;
  constructor: ConstructorRef;
  q1Millis: number | null;
  q2Millis: number | null;
  q3Millis: number | null;
}

export interface PitStop {
  driverId: string;
  stop: number;
  lap: number;
  localTime: string | null;
  durationMillis: number | null;
}

export interface LapTime {
  driverId: string;
  lap: number;
  position: number | null;
  timeMillis: number | null;
}

export interface RaceSessionInfo {
  type: string;
  date: string | null;
  time: string | null;
}

export interface Race extends RaceSummary {
  url: string | null;
  /** F1DB's facts about the weekend; null when only Jolpica knows the race. */
  details: RaceDetails | null;
  startingGrid: GridEntry[];
  sprintStartingGrid: GridEntry[];
  practice: PracticeSession[];
  driverOfTheDay: DriverOfTheDayVote[];
  entries: RaceEntry[];
  sessions: RaceSessionInfo[];
  results: RaceResult[];
  qualifying: QualifyingResult[];
  sprint: RaceResult[];
  sprintQualifying?: QualifyingResult[];
  pitStops: PitStop[];
  laps: LapTime[];
}

export interface CareerSummary {
  starts: number;
  wins: number;
  podiums: number;
  poles: number;
  titles: number;
  points: number;
  seasons: number[];
}

export interface DriverSeasonRow {
  season: number;
  constructors: ConstructorRef[];
  position: number | null;
  points: number;
  wins: number;
}

export interface DriverResultRow {
  season: number;
  round: number;
  raceName: string;
  constructor: ConstructorRef;
  grid: number | null;
  position: number;
  positionText: string;
  points: number | null;
  status: string | null;
}

export interface DriverProfile {
  driver: Driver;
  details: DriverDetails | null;
  family: FamilyRelation[];
  career: CareerSummary;
  teams: ConstructorRef[];
  seasons: DriverSeasonRow[];
  results: DriverResultRow[];
}

export interface ConstructorSeasonRow {
  season: number;
  drivers: DriverRef[];
  position: number | null;
  points: number;
  wins: number;
}

export interface ConstructorProfile {
  constructor: ConstructorRef & { url: string | null };
  career: CareerSummary;
  drivers: DriverRef[];
  seasons: ConstructorSeasonRow[];
  details: { fullName: string; country: Country | null } | null;
  chronology: ChronologyStep[];
  engines: { manufacturer: NamedRef; seasons: number[] }[];
  cars: ConstructorCarSeason[];
}

export interface CircuitProfile {
  circuit: Circuit;
  details: CircuitDetails | null;
  layouts: CircuitLayout[];
  races: RaceSummary[];
}
