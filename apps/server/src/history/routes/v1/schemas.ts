// Response and request schemas of /api/v1 (TypeBox, so the OpenAPI document and the serializer come
// from the same definitions as the TypeScript types). camelCase, numbers as numbers, durations as
// integer milliseconds (`…Millis`), dates as ISO `YYYY-MM-DD`, times of day as UTC `HH:MM:SS`.
import { Type, type SchemaOptions, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';

/**
 * `T | null` as `type: [T, 'null']` rather than `anyOf`: fast-json-stringify serializes anyOf by
 * running a validator per value (slow), and drops an object property named `constructor` inside
 * anyOf branches (fast-json-stringify 7.3).
 */
export function Nullable<T extends TSchema>(t: T, options: SchemaOptions = {}): TUnsafe<Static<T> | null> {
  const type = (t as { type?: unknown }).type;
  if (typeof type !== 'string') throw new Error('Nullable() needs a schema with a single type');
  return Type.Unsafe<Static<T> | null>({ ...t, ...options, type: [type, 'null'] });
}
/** A string enum as `{ type: 'string', enum }`: a union of literals would be anyOf (see Nullable). */
export function StringEnum<T extends readonly string[]>(values: T, options: SchemaOptions = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}
const Millis = (description: string) => Nullable(Type.Integer({ description: `${description}, milliseconds` }));
const IsoDate = Nullable(Type.String({ format: 'date', description: 'ISO date, YYYY-MM-DD' }));
const UtcTime = Nullable(Type.String({ description: 'UTC time of day, HH:MM:SS; null when only the day is known' }));

// ── request parts ──────────────────────────────────────────────────────────────────────────────

export const YearParam = Type.Integer({ minimum: 1950, maximum: 2100, description: 'season, e.g. 2023' });
export const RoundParam = Type.Integer({ minimum: 1, maximum: 99, description: 'round within the season' });
export const RefParam = (what: string, example: string) =>
  Type.String({ minLength: 1, maxLength: 100, description: `public ${what} id (Ergast/Jolpica), e.g. ${example}` });

export const PagingQuery = {
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50, description: 'page size (1–1000)' }),
  offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0, description: 'rows to skip' }),
};

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'search: name, id or code (case and accents ignored)' })),
  search: Type.Optional(Type.String({ maxLength: 100, description: 'alias of q' })),
  season: Type.Optional(Type.Integer({ minimum: 1950, maximum: 2100, description: 'only those entered in this season' })),
  ...PagingQuery,
});
export type SearchQuery = Static<typeof SearchQuery>;

export const page = <T extends TSchema>(item: T, title: string) =>
  Type.Object(
    {
      items: Type.Array(item),
      total: Type.Integer({ description: 'rows matching, over all pages' }),
      limit: Type.Integer(),
      offset: Type.Integer(),
    },
    { title },
  );

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

// ── entities ──────────────────────────────────────────────────────────────────────────────────

export const DriverRef = Type.Object(
  {
    id: Type.String({ description: 'public id, e.g. max_verstappen' }),
    code: Nullable(Type.String({ description: 'three-letter code, e.g. VER' })),
    permanentNumber: Nullable(Type.Integer()),
    givenName: Type.String(),
    familyName: Type.String(),
    nationality: Nullable(Type.String()),
  },
  { title: 'DriverRef' },
);
export type DriverRef = Static<typeof DriverRef>;

export const Driver = Type.Composite(
  [DriverRef, Type.Object({ dateOfBirth: IsoDate, countryCode: Nullable(Type.String()), url: Nullable(Type.String()) })],
  { title: 'Driver' },
);
export type Driver = Static<typeof Driver>;

export const ConstructorRef = Type.Object(
  {
    id: Type.String({ description: 'public id, e.g. red_bull' }),
    name: Type.String(),
    nationality: Nullable(Type.String()),
  },
  { title: 'ConstructorRef' },
);
export type ConstructorRef = Static<typeof ConstructorRef>;

export const Constructor = Type.Composite(
  [ConstructorRef, Type.Object({ countryCode: Nullable(Type.String()), url: Nullable(Type.String()) })],
  { title: 'Constructor' },
);
export type Constructor = Static<typeof Constructor>;

export const CircuitRef = Type.Object(
  {
    id: Type.String({ description: 'public id, e.g. monaco' }),
    name: Type.String(),
    locality: Nullable(Type.String()),
    country: Nullable(Type.String()),
  },
  { title: 'CircuitRef' },
);
export type CircuitRef = Static<typeof CircuitRef>;

export const Circuit = Type.Composite(
  [
    CircuitRef,
    Type.Object({
      countryCode: Nullable(Type.String()),
      lat: Nullable(Type.Number()),
      lng: Nullable(Type.Number()),
      altitude: Nullable(Type.Number({ description: 'metres' })),
      url: Nullable(Type.String()),
    }),
  ],
  { title: 'Circuit' },
);
export type Circuit = Static<typeof Circuit>;

// ── F1DB reference entities ────────────────────────────────────────────────────────────────────

export const Country = Type.Object(
  {
    id: Type.String({ description: 'public id, e.g. united_kingdom' }),
    name: Type.String(),
    alpha2Code: Type.String({ description: 'ISO 3166-1 alpha-2' }),
    demonym: Nullable(Type.String({ description: 'e.g. British' })),
  },
  { title: 'Country' },
);
export type Country = Static<typeof Country>;

/** A named thing with a public id: engine manufacturer, tyre manufacturer, entrant, chassis. */
const Named = (title: string, example: string) =>
  Type.Object({ id: Type.String({ description: `public id, e.g. ${example}` }), name: Type.String() }, { title });
export const EngineManufacturerRef = Named('EngineManufacturerRef', 'honda_rbpt');
export type EngineManufacturerRef = Static<typeof EngineManufacturerRef>;
export const TyreManufacturerRef = Named('TyreManufacturerRef', 'pirelli');
export const EntrantRef = Named('EntrantRef', 'oracle_red_bull_racing');
export const ChassisRef = Type.Object(
  { id: Type.String({ description: 'public id, e.g. red_bull_rb19' }), name: Type.String({ description: 'e.g. RB19' }), fullName: Type.String() },
  { title: 'ChassisRef' },
);
export type ChassisRef = Static<typeof ChassisRef>;
export const Engine = Type.Object(
  {
    id: Type.String({ description: 'public id, e.g. honda_rbpth001_1_6_v6_t_h' }),
    name: Type.String(),
    fullName: Type.String(),
    manufacturer: EngineManufacturerRef,
    capacity: Nullable(Type.Number({ description: 'litres' })),
    configuration: Nullable(Type.String({ description: "e.g. 'V6', 'V10', 'L4'" })),
    aspiration: Nullable(Type.String({ description: 'NATURALLY_ASPIRATED, TURBOCHARGED, TURBOCHARGED_HYBRID…' })),
  },
  { title: 'Engine' },
);
export type Engine = Static<typeof Engine>;

export const RaceState = StringEnum(['completed', 'awaiting_results', 'upcoming', 'cancelled'] as const, {
  title: 'RaceState',
  description:
    'completed: its Grand Prix results are loaded. awaiting_results: dated before today with no results loaded (the data is behind). ' +
    'upcoming: dated today or later with no results. cancelled: not held. "Today" is the server\'s UTC date.',
});
export type RaceState = Static<typeof RaceState>;

export const RaceSummary = Type.Object(
  {
    season: Type.Integer(),
    round: Type.Integer(),
    name: Type.String(),
    date: IsoDate,
    time: UtcTime,
    isCancelled: Type.Boolean(),
    state: RaceState,
    circuit: CircuitRef,
    winner: Nullable(Type.Object({ driver: DriverRef, constructor: ConstructorRef }), {
      description: 'null before the race is run or when no results are loaded',
    }),
  },
  { title: 'RaceSummary' },
);
export type RaceSummary = Static<typeof RaceSummary>;

export const SeasonState = StringEnum(['complete', 'in_progress', 'results_missing', 'upcoming'] as const, {
  title: 'SeasonState',
  description:
    'complete: the final round has standings. in_progress: every round dated before today has results, rounds are ahead. ' +
    'results_missing: a round dated before today has no results (or the final round no standings): the data is behind. ' +
    'upcoming: nothing run yet. "Today" is the server\'s UTC date.',
});
export type SeasonState = Static<typeof SeasonState>;

export const SeasonLeaders = Type.Object(
  {
    afterRound: Type.Integer({ description: 'the latest round with standings' }),
    driver: Nullable(DriverRef),
    constructor: Nullable(ConstructorRef, { description: 'null before 1958 (no constructors’ championship)' }),
  },
  { title: 'SeasonLeaders' },
);
export type SeasonLeaders = Static<typeof SeasonLeaders>;

export const SeasonSummary = Type.Object(
  {
    year: Type.Integer(),
    url: Nullable(Type.String()),
    rounds: Type.Integer({ description: 'rounds held (cancelled ones excluded)' }),
    roundsWithResults: Type.Integer({ description: 'of those, rounds whose Grand Prix results are loaded' }),
    roundsDue: Type.Integer({ description: 'of those, rounds dated before today (UTC)' }),
    state: SeasonState,
    driverChampion: Nullable(DriverRef, { description: 'null until the final round has standings' }),
    constructorChampion: Nullable(ConstructorRef),
    leaders: Nullable(SeasonLeaders, { description: 'championship leaders while the season is not decided; null when it is or before any standings' }),
  },
  { title: 'SeasonSummary' },
);
export type SeasonSummary = Static<typeof SeasonSummary>;

export const Today = Type.Object(
  {
    date: Type.String({ format: 'date', description: 'the day looked from (the server\'s UTC date unless asked)' }),
    latestRace: Nullable(RaceSummary, {
      description: 'the last race dated before this day (or on it, once it has results), cancelled races excluded; its winner is null while its results are not loaded',
    }),
    latestResults: Nullable(RaceSummary, { description: 'the last race up to this day whose results are loaded (the same as latestRace once those are in)' }),
    nextRace: Nullable(RaceSummary, { description: 'the first race dated after this day, or on it while it has no results' }),
  },
  { title: 'Today' },
);
export type Today = Static<typeof Today>;

export const DriverStanding = Type.Object(
  {
    position: Nullable(Type.Integer()),
    positionText: Type.String({ description: "position, or '-' / 'E' / 'D' for unplaced entries" }),
    points: Type.Number(),
    wins: Type.Integer(),
    driver: DriverRef,
    constructors: Type.Array(ConstructorRef, { description: 'teams driven for up to this round' }),
  },
  { title: 'DriverStanding' },
);
export type DriverStanding = Static<typeof DriverStanding>;

export const ConstructorStanding = Type.Object(
  {
    position: Nullable(Type.Integer()),
    positionText: Type.String(),
    points: Type.Number(),
    wins: Type.Integer(),
    constructor: ConstructorRef,
  },
  { title: 'ConstructorStanding' },
);
export type ConstructorStanding = Static<typeof ConstructorStanding>;

export const Standings = Type.Object(
  {
    season: Type.Integer(),
    round: Type.Integer({ description: 'standings after this round' }),
    drivers: Type.Array(DriverStanding),
    constructors: Type.Array(ConstructorStanding),
  },
  { title: 'Standings' },
);
export type Standings = Static<typeof Standings>;

export const Season = Type.Object(
  {
    year: Type.Integer(),
    url: Nullable(Type.String()),
    races: Type.Array(RaceSummary),
    standings: Nullable(Standings, { description: 'after the latest round with standings; null if none' }),
  },
  { title: 'Season' },
);
export type Season = Static<typeof Season>;

export const FastestLap = Type.Object(
  {
    lap: Nullable(Type.Integer()),
    rank: Nullable(Type.Integer()),
    timeMillis: Millis('lap time'),
    speedKph: Nullable(Type.Number({ description: 'average speed of the lap, km/h' })),
  },
  { title: 'FastestLap' },
);
export type FastestLap = Static<typeof FastestLap>;

export const RaceResult = Type.Object(
  {
    position: Type.Integer({ description: 'finishing order, also for unclassified cars' }),
    positionText: Type.String({ description: "'1'… when classified, else R retired, D disqualified, E excluded, W withdrew, F failed to qualify, N not classified" }),
    number: Nullable(Type.Integer({ description: 'car number' })),
    driver: DriverRef,
    constructor: ConstructorRef,
    grid: Nullable(Type.Integer({ description: '0 = pit lane start' })),
    laps: Nullable(Type.Integer()),
    status: Nullable(Type.String()),
    timeMillis: Millis('total race time'),
    timeText: Nullable(Type.String({ description: "the winner's time or the gap, as published ('+5.123')" })),
    points: Nullable(Type.Number()),
    fastestLap: Nullable(FastestLap),
  },
  { title: 'RaceResult' },
);
export type RaceResult = Static<typeof RaceResult>;

export const QualifyingResult = Type.Object(
  {
    position: Nullable(Type.Integer()),
    number: Nullable(Type.Integer()),
    driver: DriverRef,
    constructor: ConstructorRef,
    q1Millis: Millis('best Q1 time'),
    q2Millis: Millis('best Q2 time'),
    q3Millis: Millis('best Q3 time'),
  },
  { title: 'QualifyingResult' },
);
export type QualifyingResult = Static<typeof QualifyingResult>;

export const PitStop = Type.Object(
  {
    driverId: Type.String(),
    stop: Type.Integer(),
    lap: Type.Integer(),
    localTime: Nullable(Type.String({ description: 'local time of day, HH:MM:SS' })),
    durationMillis: Millis('time in the pit lane'),
  },
  { title: 'PitStop' },
);
export type PitStop = Static<typeof PitStop>;

export const LapTime = Type.Object(
  {
    driverId: Type.String(),
    lap: Type.Integer(),
    position: Nullable(Type.Integer()),
    timeMillis: Millis('lap time'),
  },
  { title: 'LapTime' },
);
export type LapTime = Static<typeof LapTime>;

export const RaceSessionInfo = Type.Object(
  {
    type: Type.String({ description: 'Jolpica session code: FP1–FP3, Q1–Q3 or QB, SQ1–SQ3, SR (sprint), R…' }),
    number: Nullable(Type.Integer()),
    date: IsoDate,
    time: UtcTime,
    isCancelled: Type.Boolean(),
  },
  { title: 'RaceSessionInfo' },
);
export type RaceSessionInfo = Static<typeof RaceSessionInfo>;

/** One car in a classification F1DB has beyond results and qualifying (grid, practice, vote). */
const CarColumns = {
  position: Nullable(Type.Integer({ description: 'null when not classified' })),
  positionText: Type.String({ description: "the position, or F1DB's code: DNF, DNS, DNQ, DNPQ, DSQ, EX, NC, PL (pit lane)…" }),
  number: Type.Integer({ description: 'car number' }),
  driver: DriverRef,
  constructor: ConstructorRef,
};

export const GridEntry = Type.Object(
  {
    ...CarColumns,
    gridPenalty: Nullable(Type.String({ description: "the penalty as F1DB states it: places ('5') or a code ('SFB' = start from the back)" })),
    gridPenaltyPlaces: Nullable(Type.Integer({ description: 'places, when the penalty is a number' })),
    qualifyingTimeMillis: Millis('the time the place came from'),
  },
  { title: 'GridEntry' },
);
export type GridEntry = Static<typeof GridEntry>;

export const SessionResult = Type.Object(
  {
    ...CarColumns,
    timeMillis: Millis('best lap'),
    gapMillis: Millis('to the fastest'),
    laps: Nullable(Type.Integer()),
  },
  { title: 'SessionResult' },
);
export type SessionResult = Static<typeof SessionResult>;

export const PracticeSession = Type.Object(
  {
    session: Type.String({ description: 'FP1–FP4, WUP (warm-up), PQ (pre-qualifying), Q1/Q2 (separate qualifying sessions before 2006)' }),
    results: Type.Array(SessionResult),
  },
  { title: 'PracticeSession' },
);
export type PracticeSession = Static<typeof PracticeSession>;

export const DriverOfTheDayVote = Type.Object(
  {
    position: Type.Integer(),
    driver: DriverRef,
    constructor: ConstructorRef,
    percentage: Nullable(Type.Number({ description: 'share of the vote, %, when published' })),
  },
  { title: 'DriverOfTheDayVote' },
);
export type DriverOfTheDayVote = Static<typeof DriverOfTheDayVote>;

export const RaceEntry = Type.Object(
  {
    number: Nullable(Type.Integer()),
    driver: DriverRef,
    constructor: ConstructorRef,
    entrant: Nullable(EntrantRef, { description: 'the team as entered' }),
    engineManufacturer: Nullable(EngineManufacturerRef),
    chassis: Type.Array(ChassisRef, { description: 'the chassis the entry used that season (several when it changed)' }),
    engines: Type.Array(Engine),
    tyreManufacturer: Nullable(TyreManufacturerRef),
  },
  { title: 'RaceEntry' },
);
export type RaceEntry = Static<typeof RaceEntry>;

export const RaceDetails = Type.Object(
  {
    officialName: Type.String(),
    grandPrix: Type.Object({ id: Type.String(), name: Type.String() }),
    circuitLayout: Nullable(Type.String({ description: "F1DB's layout id, e.g. monaco-6 (see the circuit's layouts)" })),
    circuitType: Type.String({ description: 'RACE, ROAD or STREET' }),
    direction: Type.String({ description: 'CLOCKWISE or ANTI_CLOCKWISE' }),
    courseLengthKm: Type.Number(),
    turns: Type.Integer(),
    laps: Type.Integer(),
    distanceKm: Type.Number(),
    scheduledLaps: Nullable(Type.Integer({ description: 'when the race was shortened' })),
    qualifyingFormat: Type.String({ description: "F1DB's: KNOCKOUT, ONE_LAP, TWO_SESSION, FOUR_LAPS, AGGREGATE…" }),
  },
  { title: 'RaceDetails' },
);
export type RaceDetails = Static<typeof RaceDetails>;

export const Race = Type.Composite(
  [
    RaceSummary,
    Type.Object({
      url: Nullable(Type.String()),
      details: Nullable(RaceDetails, { description: 'F1DB facts about the weekend; null when only Jolpica knows the race' }),
      sessions: Type.Array(RaceSessionInfo),
      results: Type.Array(RaceResult),
      qualifying: Type.Array(QualifyingResult),
      sprint: Type.Array(RaceResult),
      sprintQualifying: Type.Array(QualifyingResult),
      startingGrid: Type.Array(GridEntry, { description: 'the race grid as lined up, with penalties applied' }),
      sprintStartingGrid: Type.Array(GridEntry),
      practice: Type.Array(PracticeSession, { description: 'free practice, warm-up, pre-qualifying and separate qualifying sessions, in weekend order' }),
      driverOfTheDay: Type.Array(DriverOfTheDayVote, { description: 'the fan vote (2016 on), winner first' }),
      entries: Type.Array(RaceEntry, { description: 'every car entered: entrant, chassis, engine, tyres' }),
      pitStops: Type.Array(PitStop),
      laps: Type.Array(LapTime, { description: 'every lap of every driver, ordered by lap then position' }),
    }),
  ],
  { title: 'Race' },
);
export type Race = Static<typeof Race>;

export const CareerSummary = Type.Object(
  {
    starts: Type.Integer({ description: 'Grand Prix started (entries that withdrew or did not start excluded)' }),
    wins: Type.Integer(),
    podiums: Type.Integer(),
    poles: Type.Integer({ description: 'started first on the grid, as published statistics count poles (qualified first where the grid is not recorded)' }),
    fastestLaps: Type.Integer({ description: 'races with the fastest lap' }),
    titles: Type.Integer({ description: 'championships won (seasons whose final round has standings)' }),
    points: Type.Number({ description: 'points scored in races and sprints, before dropped scores' }),
    bestFinish: Nullable(
      Type.Object(
        { position: Type.Integer(), times: Type.Integer({ description: 'how many times (races for a driver, cars for a constructor)' }) },
        { title: 'BestFinish', description: 'best classified finish' },
      ),
    ),
    seasons: Type.Array(Type.Integer()),
  },
  { title: 'CareerSummary' },
);
export type CareerSummary = Static<typeof CareerSummary>;

export const DriverSeasonRow = Type.Object(
  {
    season: Type.Integer(),
    constructors: Type.Array(ConstructorRef),
    position: Nullable(Type.Integer({ description: 'championship position after the latest round with standings' })),
    points: Type.Number(),
    wins: Type.Integer(),
  },
  { title: 'DriverSeasonRow' },
);
export type DriverSeasonRow = Static<typeof DriverSeasonRow>;

export const DriverResultRow = Type.Object(
  {
    season: Type.Integer(),
    round: Type.Integer(),
    raceName: Type.String(),
    date: IsoDate,
    constructor: ConstructorRef,
    grid: Nullable(Type.Integer()),
    position: Type.Integer(),
    positionText: Type.String(),
    points: Nullable(Type.Number()),
    status: Nullable(Type.String()),
  },
  { title: 'DriverResultRow' },
);
export type DriverResultRow = Static<typeof DriverResultRow>;

export const DriverDetails = Type.Object(
  {
    fullName: Type.String({ description: 'e.g. Max Emilian Verstappen' }),
    dateOfDeath: IsoDate,
    placeOfBirth: Nullable(Type.String()),
    countryOfBirth: Nullable(Country),
    nationality: Nullable(Country),
    secondNationality: Nullable(Country),
  },
  { title: 'DriverDetails' },
);
export type DriverDetails = Static<typeof DriverDetails>;

export const FamilyRelation = Type.Object(
  {
    type: Type.String({ description: "what the relative is to this driver, F1DB's terms: PARENT, CHILD, SIBLING, HALF_SIBLING, PARENTS_SIBLING, SIBLINGS_CHILD, GRANDPARENT, …" }),
    driver: DriverRef,
  },
  { title: 'FamilyRelation' },
);
export type FamilyRelation = Static<typeof FamilyRelation>;

export const DriverProfile = Type.Object(
  {
    driver: Driver,
    details: Nullable(DriverDetails, { description: 'from F1DB; null for drivers only Jolpica knows' }),
    family: Type.Array(FamilyRelation, { description: 'relatives who also raced in the championship' }),
    career: CareerSummary,
    teams: Type.Array(ConstructorRef, { description: 'in the order first driven for' }),
    seasons: Type.Array(DriverSeasonRow),
    results: Type.Array(DriverResultRow, { description: 'every Grand Prix result, oldest first' }),
  },
  { title: 'DriverProfile' },
);
export type DriverProfile = Static<typeof DriverProfile>;

export const ConstructorSeasonRow = Type.Object(
  {
    season: Type.Integer(),
    drivers: Type.Array(DriverRef),
    position: Nullable(Type.Integer()),
    points: Type.Number(),
    wins: Type.Integer(),
  },
  { title: 'ConstructorSeasonRow' },
);
export type ConstructorSeasonRow = Static<typeof ConstructorSeasonRow>;

export const ChronologyStep = Type.Object(
  {
    name: Type.String({ description: "F1DB's name of the step: RB's lineage ends 'RB' (2024) → 'Racing Bulls' (2025–), one constructor for Jolpica (`rb`)" }),
    constructor: ConstructorRef,
    yearFrom: Type.Integer(),
    yearTo: Nullable(Type.Integer({ description: 'null while current' })),
  },
  { title: 'ChronologyStep' },
);
export type ChronologyStep = Static<typeof ChronologyStep>;

export const ConstructorEngineSpan = Type.Object(
  { manufacturer: EngineManufacturerRef, seasons: Type.Array(Type.Integer()) },
  { title: 'ConstructorEngineSpan' },
);
export type ConstructorEngineSpan = Static<typeof ConstructorEngineSpan>;

export const ConstructorCarSeason = Type.Object(
  {
    season: Type.Integer(),
    entrants: Type.Array(EntrantRef),
    engineManufacturers: Type.Array(EngineManufacturerRef),
    chassis: Type.Array(ChassisRef),
    engines: Type.Array(Engine),
    tyreManufacturers: Type.Array(TyreManufacturerRef),
  },
  { title: 'ConstructorCarSeason' },
);
export type ConstructorCarSeason = Static<typeof ConstructorCarSeason>;

export const ConstructorProfile = Type.Object(
  {
    constructor: Constructor,
    career: Type.Object(
      { ...CareerSummary.properties, starts: Type.Integer({ description: 'Grands Prix with at least one of its cars starting' }) },
      { title: 'ConstructorCareer' },
    ),
    drivers: Type.Array(DriverRef, { description: 'in the order they first drove for the team' }),
    seasons: Type.Array(ConstructorSeasonRow),
    details: Nullable(Type.Object({ fullName: Type.String(), country: Nullable(Country) }, { title: 'ConstructorDetails' })),
    chronology: Type.Array(ChronologyStep, {
      description: 'the lineage the team belongs to, oldest first (e.g. Toleman → Benetton → Renault → Lotus → Renault → Alpine); empty when it has none',
    }),
    engines: Type.Array(ConstructorEngineSpan, { description: 'engine manufacturers used, in order of first use' }),
    cars: Type.Array(ConstructorCarSeason, { description: 'per season: entrant, chassis, engines, tyres' }),
  },
  { title: 'ConstructorProfile' },
);
export type ConstructorProfile = Static<typeof ConstructorProfile>;

export const CircuitLayout = Type.Object(
  {
    id: Type.String({ description: "F1DB's layout id, e.g. monaco-6" }),
    lengthKm: Type.Number(),
    turns: Type.Integer(),
    seasons: Type.Array(Type.Integer(), { description: 'seasons raced on this layout' }),
  },
  { title: 'CircuitLayout' },
);
export type CircuitLayout = Static<typeof CircuitLayout>;

export const CircuitDetails = Type.Object(
  {
    fullName: Type.String(),
    previousNames: Type.Array(Type.String()),
    type: Type.String({ description: 'RACE (permanent), ROAD (closed public roads) or STREET' }),
    direction: Type.String({ description: 'CLOCKWISE or ANTI_CLOCKWISE' }),
    placeName: Type.String(),
    country: Nullable(Country),
    lengthKm: Type.Number({ description: 'the current layout' }),
    turns: Type.Integer({ description: 'the current layout' }),
  },
  { title: 'CircuitDetails' },
);
export type CircuitDetails = Static<typeof CircuitDetails>;

export const CircuitProfile = Type.Object(
  {
    circuit: Circuit,
    details: Nullable(CircuitDetails, { description: 'from F1DB; null for circuits only Jolpica knows' }),
    layouts: Type.Array(CircuitLayout, { description: 'oldest first' }),
    races: Type.Array(RaceSummary),
  },
  { title: 'CircuitProfile' },
);
export type CircuitProfile = Static<typeof CircuitProfile>;

export const FinishingStatus = Type.Object(
  {
    statusId: Type.Integer(),
    status: Type.String(),
    count: Type.Integer({ description: 'Grand Prix results with this status (in the season, when filtered)' }),
  },
  { title: 'FinishingStatus' },
);
export type FinishingStatus = Static<typeof FinishingStatus>;
