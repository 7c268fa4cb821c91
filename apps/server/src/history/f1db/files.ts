// The F1DB source tree (github.com/f1db/f1db, `src/data/`) file by file: where each kind of file
// lives and what exactly it may hold. Every schema is closed (additionalProperties: false) so a field
// F1DB adds in a later release is an error naming it, never silently dropped.
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const closed = <P extends Parameters<typeof Type.Object>[0]>(props: P) => Type.Object(props, { additionalProperties: false });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Opt = <T extends TSchema>(t: T) => Type.Optional(t);

const Id = Type.String({ minLength: 1 });
const Int = Type.Integer();
const Num = Type.Number();
/** Dates stay strings: the reader parses YAML with the core schema (no timestamp type). */
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Clock = Type.String({ pattern: '^\\d{2}:\\d{2}(:\\d{2})?$' });
/** Finishing/standing positions: a number, or F1DB's text (DNF, DNS, DSQ, DNQ, DNPQ, NC, EX, PL…). */
const Position = Type.Union([Int, Type.String({ minLength: 1 })]);
/** Chassis and engine names like `312` or `1500` are read by YAML as numbers. */
const Name = Type.Union([Type.String(), Num]);

// ── Entities (one file per entity) ──────────────────────────────────────────────────────────────
export const ContinentFile = closed({ id: Id, code: Type.String(), name: Type.String(), demonym: Type.String() });
export const CountryFile = closed({
  id: Id,
  alpha2Code: Type.String(),
  alpha3Code: Type.String(),
  iocCode: Nullable(Type.String()),
  name: Type.String(),
  demonym: Nullable(Type.String()),
  continentId: Id,
});
export const DriverFile = closed({
  id: Id,
  name: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  fullName: Type.String(),
  abbreviation: Type.String(),
  permanentNumber: Nullable(Int),
  gender: Type.String(),
  dateOfBirth: Day,
  dateOfDeath: Nullable(Day),
  placeOfBirth: Type.String(),
  countryOfBirthCountryId: Id,
  nationalityCountryId: Id,
  secondNationalityCountryId: Nullable(Id),
  familyRelationships: Opt(Type.Array(closed({ driverId: Id, type: Type.String() }))),
});
export const ConstructorFile = closed({
  id: Id,
  name: Type.String(),
  fullName: Type.String(),
  countryId: Id,
  chronology: Opt(Type.Array(closed({ constructorId: Id, yearFrom: Int, yearTo: Nullable(Int) }))),
});
export const ChassisFile = closed({ id: Id, constructorId: Id, name: Name, fullName: Type.String() });
export const EngineManufacturerFile = closed({ id: Id, name: Type.String(), countryId: Id });
export const EngineFile = closed({
  id: Id,
  engineManufacturerId: Id,
  name: Name,
  fullName: Type.String(),
  capacity: Nullable(Num),
  configuration: Nullable(Type.String()),
  aspiration: Nullable(Type.String()),
});
export const TyreManufacturerFile = closed({ id: Id, name: Type.String(), countryId: Id });
export const EntrantFile = closed({ id: Id, name: Type.String() });
export const CircuitFile = closed({
  id: Id,
  name: Type.String(),
  fullName: Type.String(),
  previousNames: Nullable(Type.Array(Type.String())),
  type: Type.String(),
  direction: Type.String(),
  placeName: Type.String(),
  countryId: Id,
  latitude: Num,
  longitude: Num,
  length: Num,
  turns: Int,
  layouts: Type.Array(closed({ id: Id, length: Num, turns: Int, effective: Opt(Type.Boolean()) })),
});
export const GrandPrixFile = closed({
  id: Id,
  name: Type.String(),
  fullName: Type.String(),
  shortName: Type.String(),
  abbreviation: Type.String(),
  countryId: Nullable(Id),
});

// ── Seasons ─────────────────────────────────────────────────────────────────────────────────────
/** `rounds` is F1DB's list of rounds a driver was entered for ('1-3,5'); absent = every round. */
const Rounds = Type.Union([Type.String(), Int, Type.Null()]);
const EntrantDriver = closed({ driverId: Id, rounds: Opt(Rounds), testDriver: Opt(Type.Boolean()) });
/** The car an entrant ran: one chassis/engine/tyre or lists of them, one driver or a list. */
const carFields = {
  engineManufacturerId: Id,
  chassisId: Opt(Id),
  chassis: Opt(Type.Array(closed({ chassisId: Id }))),
  engineId: Opt(Id),
  engines: Opt(Type.Array(closed({ engineId: Id }))),
  tyreManufacturerId: Opt(Id),
  tyreManufacturers: Opt(Type.Array(closed({ tyreManufacturerId: Id }))),
  drivers: Opt(Type.Array(EntrantDriver)),
  driverId: Opt(Id),
  rounds: Opt(Rounds),
};
const EntrantConstructor = closed({ constructorId: Id, ...carFields });
export const SeasonEntrantsFile = Type.Array(
  closed({
    entrantId: Id,
    countryId: Id,
    constructorId: Opt(Id),
    ...carFields,
    engineManufacturerId: Opt(Id),
    constructors: Opt(Type.Array(EntrantConstructor)),
  }),
);
export const DriverStandingsFile = Type.Array(closed({ position: Position, driverId: Id, points: Num }));
export const ConstructorStandingsFile = Type.Array(closed({ position: Position, constructorId: Id, engineManufacturerId: Id, points: Num }));

// ── Races ───────────────────────────────────────────────────────────────────────────────────────
export const RaceFile = closed({
  /** F1DB's race id (its own sequence). */
  id: Int,
  round: Int,
  date: Day,
  time: Opt(Clock),
  grandPrixId: Id,
  officialName: Type.String(),
  qualifyingFormat: Type.String(),
  sprintQualifyingFormat: Opt(Type.String()),
  circuitId: Id,
  circuitLayoutId: Id,
  circuitType: Type.String(),
  direction: Type.String(),
  courseLength: Num,
  turns: Int,
  laps: Int,
  distance: Num,
  scheduledLaps: Opt(Int),
  scheduledDistance: Opt(Num),
  driversChampionshipDecider: Opt(Type.Boolean()),
  constructorsChampionshipDecider: Opt(Type.Boolean()),
  sprintRaceLaps: Opt(Int),
  sprintRaceDistance: Opt(Num),
  sprintRaceScheduledLaps: Opt(Int),
  sprintRaceScheduledDistance: Opt(Num),
  freePractice1Date: Opt(Day),
  freePractice1Time: Opt(Clock),
  freePractice2Date: Opt(Day),
  freePractice2Time: Opt(Clock),
  freePractice3Date: Opt(Day),
  freePractice3Time: Opt(Clock),
  qualifyingDate: Opt(Day),
  qualifyingTime: Opt(Clock),
  sprintQualifyingDate: Opt(Day),
  sprintQualifyingTime: Opt(Clock),
  sprintRaceDate: Opt(Day),
  sprintRaceTime: Opt(Clock),
});

/** Who was in the car: every per-race row starts with these. */
const car = {
  driverNumber: Int,
  driverId: Id,
  constructorId: Id,
  engineManufacturerId: Id,
  tyreManufacturerId: Id,
};
const Time = Nullable(Type.String());
const timing = { time: Time, gap: Opt(Time), interval: Opt(Time), laps: Nullable(Int) };

export const RaceResultsFile = Type.Array(
  closed({
    position: Position,
    ...car,
    laps: Nullable(Int),
    time: Time,
    timePenalty: Time,
    gap: Time,
    interval: Time,
    reasonRetired: Nullable(Type.String()),
    points: Nullable(Num),
    gridPosition: Nullable(Position),
    sharedCar: Opt(Type.Boolean()),
    grandSlam: Opt(Type.Boolean()),
  }),
);
export const QualifyingResultsFile = Type.Array(
  closed({ position: Position, ...car, ...timing, time: Opt(Time), q1: Opt(Time), q2: Opt(Time), q3: Opt(Time) }),
);
export const SprintQualifyingResultsFile = Type.Array(
  closed({ position: Position, ...car, q1: Time, q2: Time, q3: Time, gap: Time, interval: Time, laps: Nullable(Int) }),
);
export const SessionResultsFile = Type.Array(closed({ position: Position, ...car, ...timing }));
export const StartingGridFile = Type.Array(
  closed({ position: Position, ...car, gridPenalty: Nullable(Type.Union([Type.String(), Int])), time: Time }),
);
export const FastestLapsFile = Type.Array(closed({ position: Int, ...car, lap: Nullable(Int), time: Type.String(), gap: Opt(Time), interval: Opt(Time) }));
export const PitStopsFile = Type.Array(closed({ position: Int, ...car, stop: Int, lap: Int, time: Time }));
export const DriverOfTheDayFile = Type.Array(closed({ position: Int, ...car, percentage: Nullable(Num) }));

/** Entity folders: the key each list has in the tree, and the schema of one file. */
export const entityDirs = {
  continents: { key: 'continents', schema: ContinentFile },
  countries: { key: 'countries', schema: CountryFile },
  drivers: { key: 'drivers', schema: DriverFile },
  constructors: { key: 'constructors', schema: ConstructorFile },
  chassis: { key: 'chassis', schema: ChassisFile },
  'engine-manufacturers': { key: 'engineManufacturers', schema: EngineManufacturerFile },
  engines: { key: 'engines', schema: EngineFile },
  'tyre-manufacturers': { key: 'tyreManufacturers', schema: TyreManufacturerFile },
  entrants: { key: 'entrants', schema: EntrantFile },
  circuits: { key: 'circuits', schema: CircuitFile },
  'grands-prix': { key: 'grandsPrix', schema: GrandPrixFile },
} as const;

export const seasonFiles = {
  'entrants.yml': { key: 'entrants', schema: SeasonEntrantsFile },
  'driver-standings.yml': { key: 'driverStandings', schema: DriverStandingsFile },
  'constructor-standings.yml': { key: 'constructorStandings', schema: ConstructorStandingsFile },
} as const;

/** Files of a race folder; everything but race.yml is optional and may be empty. */
export const raceFiles = {
  'race.yml': { key: 'race', schema: RaceFile },
  'race-results.yml': { key: 'raceResults', schema: RaceResultsFile },
  'sprint-race-results.yml': { key: 'sprintRaceResults', schema: RaceResultsFile },
  'qualifying-results.yml': { key: 'qualifyingResults', schema: QualifyingResultsFile },
  'qualifying-1-results.yml': { key: 'qualifying1Results', schema: SessionResultsFile },
  'qualifying-2-results.yml': { key: 'qualifying2Results', schema: SessionResultsFile },
  'pre-qualifying-results.yml': { key: 'preQualifyingResults', schema: SessionResultsFile },
  'sprint-qualifying-results.yml': { key: 'sprintQualifyingResults', schema: SprintQualifyingResultsFile },
  'starting-grid-positions.yml': { key: 'startingGridPositions', schema: StartingGridFile },
  'sprint-starting-grid-positions.yml': { key: 'sprintStartingGridPositions', schema: StartingGridFile },
  'fastest-laps.yml': { key: 'fastestLaps', schema: FastestLapsFile },
  'pit-stops.yml': { key: 'pitStops', schema: PitStopsFile },
  'free-practice-1-results.yml': { key: 'freePractice1Results', schema: SessionResultsFile },
  'free-practice-2-results.yml': { key: 'freePractice2Results', schema: SessionResultsFile },
  'free-practice-3-results.yml': { key: 'freePractice3Results', schema: SessionResultsFile },
  'free-practice-4-results.yml': { key: 'freePractice4Results', schema: SessionResultsFile },
  'warming-up-results.yml': { key: 'warmingUpResults', schema: SessionResultsFile },
  'driver-of-the-day-results.yml': { key: 'driverOfTheDayResults', schema: DriverOfTheDayFile },
  'driver-standings.yml': { key: 'driverStandings', schema: DriverStandingsFile },
  'constructor-standings.yml': { key: 'constructorStandings', schema: ConstructorStandingsFile },
} as const;

/** Where a file belongs in the tree, from its path relative to the data folder. */
export type FilePlace =
  | { kind: 'entity'; dir: keyof typeof entityDirs }
  | { kind: 'season'; year: number; file: keyof typeof seasonFiles }
  | { kind: 'race'; year: number; folder: string; file: keyof typeof raceFiles };

/** Classify a path ('seasons/2024/races/01-bahrain/race.yml'); null = not a file F1DB has. */
export function placeOf(rel: string): FilePlace | null {
  const parts = rel.split('/');
  if (parts.length === 2 && parts[0]! in entityDirs && /^[a-z0-9-]+\.yml$/.test(parts[1]!))
    return { kind: 'entity', dir: parts[0] as keyof typeof entityDirs };
  if (parts[0] !== 'seasons' || !/^\d{4}$/.test(parts[1] ?? '')) return null;
  const year = Number(parts[1]);
  if (parts.length === 3 && parts[2]! in seasonFiles) return { kind: 'season', year, file: parts[2] as keyof typeof seasonFiles };
  if (parts.length === 5 && parts[2] === 'races' && /^\d{2}-[a-z0-9-]+$/.test(parts[3]!) && parts[4]! in raceFiles)
    return { kind: 'race', year, folder: parts[3]!, file: parts[4] as keyof typeof raceFiles };
  return null;
}

/** The schema a place's file must satisfy. */
export function schemaOf(place: FilePlace): TSchema {
  if (place.kind === 'entity') return entityDirs[place.dir].schema;
  if (place.kind === 'season') return seasonFiles[place.file].schema;
  return raceFiles[place.file].schema;
}

export type F1dbContinent = Static<typeof ContinentFile>;
export type F1dbCountry = Static<typeof CountryFile>;
export type F1dbDriver = Static<typeof DriverFile>;
export type F1dbConstructor = Static<typeof ConstructorFile>;
export type F1dbChassis = Omit<Static<typeof ChassisFile>, 'name'> & { name: string };
export type F1dbEngineManufacturer = Static<typeof EngineManufacturerFile>;
export type F1dbEngine = Omit<Static<typeof EngineFile>, 'name'> & { name: string };
export type F1dbTyreManufacturer = Static<typeof TyreManufacturerFile>;
export type F1dbEntrant = Static<typeof EntrantFile>;
export type F1dbCircuit = Static<typeof CircuitFile>;
export type F1dbGrandPrix = Static<typeof GrandPrixFile>;
export type F1dbSeasonEntrantsFile = Static<typeof SeasonEntrantsFile>;
export type F1dbDriverStanding = Static<typeof DriverStandingsFile>[number];
export type F1dbConstructorStanding = Static<typeof ConstructorStandingsFile>[number];
export type F1dbRaceInfo = Static<typeof RaceFile>;
export type F1dbRaceResult = Static<typeof RaceResultsFile>[number];
export type F1dbQualifyingResult = Static<typeof QualifyingResultsFile>[number];
export type F1dbSprintQualifyingResult = Static<typeof SprintQualifyingResultsFile>[number];
export type F1dbSessionResult = Static<typeof SessionResultsFile>[number];
export type F1dbGridPosition = Static<typeof StartingGridFile>[number];
export type F1dbFastestLap = Static<typeof FastestLapsFile>[number];
export type F1dbPitStop = Static<typeof PitStopsFile>[number];
export type F1dbDriverOfTheDay = Static<typeof DriverOfTheDayFile>[number];
