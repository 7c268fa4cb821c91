// The history shapes the web app works with, taken from the API's generated types (openapi.gen.ts,
// from the server's OpenAPI document): when a route's schema changes, the regenerated types change
// with it and every use is type-checked against the new shape. Names only, no hand-written fields.
import type { paths } from './openapi.gen';

/** Paths answering GET with a JSON 200. */
type GetPath = { [P in keyof paths]: paths[P] extends { get: { responses: { 200: { content: { 'application/json': unknown } } } } } ? P : never }[keyof paths];

/** The JSON body of a GET path's 200 answer. */
export type ApiJson<P extends GetPath> = paths[P]['get']['responses'][200]['content']['application/json'];

/** One row of a GET path that answers `{ items: [...] }`. */
export type ApiItem<P extends GetPath> = ApiJson<P> extends { items: (infer I)[] } ? I : never;

type Paged = ApiJson<'/api/v1/drivers'>;
/** A page of a list endpoint (`items`, `total`, `limit`, `offset`). */
export type Page<T> = Omit<Paged, 'items'> & { items: T[] };

export type RaceSummary = ApiItem<'/api/v1/races'>;
export type Race = ApiJson<'/api/v1/races/{year}/{round}'>;
export type RaceResult = Race['results'][number];
export type QualifyingResult = Race['qualifying'][number];
export type PitStop = Race['pitStops'][number];
export type LapTime = Race['laps'][number];
export type RaceSessionInfo = Race['sessions'][number];
export type FastestLap = NonNullable<RaceResult['fastestLap']>;

export type DriverRef = RaceResult['driver'];
export type ConstructorRef = RaceResult['constructor'];
export type CircuitRef = RaceSummary['circuit'];
export type RaceState = RaceSummary['state'];

export type Driver = ApiItem<'/api/v1/drivers'>;
export type Circuit = ApiItem<'/api/v1/circuits'>;

export type SeasonSummary = ApiItem<'/api/v1/seasons'>;
/** How far a season has got, as the API decides it. */
export type SeasonState = SeasonSummary['state'];
/** The races around the server's today, placed by date (GET /api/v1/today). */
export type Today = ApiJson<'/api/v1/today'>;
export type Season = ApiJson<'/api/v1/seasons/{year}'>;
export type Standings = ApiJson<'/api/v1/seasons/{year}/standings'>;
export type DriverStanding = Standings['drivers'][number];
export type ConstructorStanding = Standings['constructors'][number];

export type DriverProfile = ApiJson<'/api/v1/drivers/{driverId}'>;
export type CareerSummary = DriverProfile['career'];
export type DriverSeasonRow = DriverProfile['seasons'][number];
export type DriverResultRow = DriverProfile['results'][number];

export type ConstructorProfile = ApiJson<'/api/v1/constructors/{constructorId}'>;
export type ConstructorSeasonRow = ConstructorProfile['seasons'][number];

export type CircuitProfile = ApiJson<'/api/v1/circuits/{circuitId}'>;

// ── F1DB facts ────────────────────────────────────────────────────────────────────────────────

export type RaceDetails = NonNullable<Race['details']>;
export type PracticeSession = Race['practice'][number];
export type SessionResult = PracticeSession['results'][number];
export type DriverOfTheDayVote = Race['driverOfTheDay'][number];
export type RaceEntry = Race['entries'][number];
export type NamedRef = NonNullable<RaceEntry['entrant']>;
export type ChassisRef = RaceEntry['chassis'][number];
export type Engine = RaceEntry['engines'][number];
export type GridEntry = Race['startingGrid'][number];
export type CarColumns = Pick<GridEntry, 'position' | 'positionText' | 'number' | 'driver' | 'constructor'>;
export type DriverDetails = NonNullable<DriverProfile['details']>;
export type Country = NonNullable<DriverDetails['nationality']>;
export type FamilyRelation = DriverProfile['family'][number];
export type ChronologyStep = ConstructorProfile['chronology'][number];
export type ConstructorCarSeason = ConstructorProfile['cars'][number];
export type CircuitDetails = NonNullable<CircuitProfile['details']>;
export type CircuitLayout = CircuitProfile['layouts'][number];
