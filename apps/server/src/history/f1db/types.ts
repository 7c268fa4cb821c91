// The F1DB tree as the reader returns it: every file validated and normalised into domain records
// (string ids as F1DB spells them, dates 'YYYY-MM-DD', times as F1DB prints them). Pure data: the
// mapping to our database (map.ts) and the standings checks read the same records.
import type {
  F1dbChassis,
  F1dbCircuit,
  F1dbConstructor,
  F1dbConstructorStanding,
  F1dbContinent,
  F1dbCountry,
  F1dbDriver,
  F1dbDriverOfTheDay,
  F1dbDriverStanding,
  F1dbEngine,
  F1dbEngineManufacturer,
  F1dbEntrant,
  F1dbFastestLap,
  F1dbGrandPrix,
  F1dbGridPosition,
  F1dbPitStop,
  F1dbQualifyingResult,
  F1dbRaceInfo,
  F1dbRaceResult,
  F1dbSessionResult,
  F1dbSprintQualifyingResult,
  F1dbTyreManufacturer,
} from './files.js';

export type * from './files.js';

/** One driver of an entrant's car in a season; `rounds` null = every round the car ran. */
export interface F1dbEntrantDriver {
  driverId: string;
  rounds: string | null;
  testDriver: boolean;
}

/** One constructor an entrant ran in a season, with what it ran (lists: F1DB's one-or-many fields). */
export interface F1dbEntrantCar {
  constructorId: string;
  engineManufacturerId: string;
  chassisIds: string[];
  engineIds: string[];
  tyreManufacturerIds: string[];
  drivers: F1dbEntrantDriver[];
}

/** `seasons/<year>/entrants.yml` entry: the entrant (team as entered) and its cars. */
export interface F1dbSeasonEntrant {
  entrantId: string;
  countryId: string;
  cars: F1dbEntrantCar[];
}

export interface F1dbRace extends F1dbRaceInfo {
  year: number;
  /** The race folder ('01-bahrain'). */
  folder: string;
  raceResults: F1dbRaceResult[];
  sprintRaceResults: F1dbRaceResult[];
  qualifyingResults: F1dbQualifyingResult[];
  qualifying1Results: F1dbSessionResult[];
  qualifying2Results: F1dbSessionResult[];
  preQualifyingResults: F1dbSessionResult[];
  sprintQualifyingResults: F1dbSprintQualifyingResult[];
  startingGridPositions: F1dbGridPosition[];
  sprintStartingGridPositions: F1dbGridPosition[];
  fastestLaps: F1dbFastestLap[];
  pitStops: F1dbPitStop[];
  freePractice1Results: F1dbSessionResult[];
  freePractice2Results: F1dbSessionResult[];
  freePractice3Results: F1dbSessionResult[];
  freePractice4Results: F1dbSessionResult[];
  warmingUpResults: F1dbSessionResult[];
  driverOfTheDayResults: F1dbDriverOfTheDay[];
  /** Standings after this race (F1DB's own). */
  driverStandings: F1dbDriverStanding[];
  constructorStandings: F1dbConstructorStanding[];
}

/** Per-race lists: every key of F1dbRace that comes from a results file. */
export type F1dbRaceListKey = Exclude<keyof F1dbRace, keyof F1dbRaceInfo | 'year' | 'folder'>;

export interface F1dbSeason {
  year: number;
  entrants: F1dbSeasonEntrant[];
  /** Final standings. */
  driverStandings: F1dbDriverStanding[];
  constructorStandings: F1dbConstructorStanding[];
  /** In round order. */
  races: F1dbRace[];
}

export interface F1db {
  continents: F1dbContinent[];
  countries: F1dbCountry[];
  drivers: F1dbDriver[];
  constructors: F1dbConstructor[];
  chassis: F1dbChassis[];
  engineManufacturers: F1dbEngineManufacturer[];
  engines: F1dbEngine[];
  tyreManufacturers: F1dbTyreManufacturer[];
  entrants: F1dbEntrant[];
  circuits: F1dbCircuit[];
  grandsPrix: F1dbGrandPrix[];
  /** In year order. */
  seasons: F1dbSeason[];
}
