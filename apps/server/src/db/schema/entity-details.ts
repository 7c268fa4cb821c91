// What F1DB knows about drivers, constructors, circuits, races and season entries beyond the Ergast
// columns. One row per entity of the shared graph (drivers/constructors/circuits/races), so every
// source's facts hang off the same entity.
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { constructors, drivers } from './people.js';
import { races } from './races.js';
import { countries, engineManufacturers, entrants, grandsPrix } from './reference.js';
import { circuits } from './seasons-circuits.js';

export const driverDetails = pgTable('driver_details', {
  driverId: integer()
    .primaryKey()
    .references(() => drivers.id, { onDelete: 'cascade' }),
  /** Display name ('Max Verstappen'). */
  name: text().notNull(),
  // F1DB's own first/last name and number, kept beside Jolpica's columns of a matched driver (the
  // two sources spell and number some drivers differently; nothing F1DB says is dropped).
  firstName: text(),
  lastName: text(),
  permanentNumber: smallint(),
  fullName: text().notNull(),
  abbreviation: text(),
  gender: text(),
  dateOfDeath: date({ mode: 'string' }),
  placeOfBirth: text(),
  countryOfBirthId: integer().references(() => countries.id),
  nationalityCountryId: integer().references(() => countries.id),
  secondNationalityCountryId: integer().references(() => countries.id),
});

/** F1DB family relationships: `type` is F1DB's (PARENT, CHILD, SIBLING, …) from driverId's side. */
export const driverRelations = pgTable(
  'driver_relations',
  {
    driverId: integer()
      .notNull()
      .references(() => drivers.id, { onDelete: 'cascade' }),
    relatedDriverId: integer()
      .notNull()
      .references(() => drivers.id, { onDelete: 'cascade' }),
    type: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.driverId, t.relatedDriverId, t.type] })],
);

/**
 * One row per F1DB constructor: several can be one entity (Jolpica's 'rb' is F1DB's 'rb' and
 * 'racing-bulls': history/f1db/continuations.ts), each keeps its own names and country.
 */
export const constructorDetails = pgTable(
  'constructor_details',
  {
    f1dbId: text().primaryKey(),
    constructorId: integer()
      .notNull()
      .references(() => constructors.id, { onDelete: 'cascade' }),
    /** Order among the entity's F1DB constructors by first season: 1 gives the entity's details. */
    ordinal: smallint().notNull().default(1),
    /** F1DB's short name, kept beside Jolpica's name of a matched constructor. */
    name: text(),
    fullName: text().notNull(),
    countryId: integer().references(() => countries.id),
  },
  (t) => [index().on(t.constructorId)],
);

/** A lineage (Toleman → Benetton → Renault → Lotus → Renault → Alpine) as F1DB lists it on one constructor. */
export const constructorChronology = pgTable(
  'constructor_chronology',
  {
    constructorId: integer()
      .notNull()
      .references(() => constructors.id, { onDelete: 'cascade' }),
    ordinal: smallint().notNull(),
    memberConstructorId: integer()
      .notNull()
      .references(() => constructors.id, { onDelete: 'cascade' }),
    /** The step's F1DB constructor: its name tells 'RB' from 'Racing Bulls', one entity (continuations.ts). */
    memberF1dbId: text('member_f1db_id'),
    yearFrom: smallint().notNull(),
    yearTo: smallint(),
  },
  (t) => [primaryKey({ columns: [t.constructorId, t.ordinal] }), index().on(t.memberConstructorId)],
);

export const circuitDetails = pgTable('circuit_details', {
  circuitId: integer()
    .primaryKey()
    .references(() => circuits.id, { onDelete: 'cascade' }),
  /** F1DB's short name and coordinates, kept beside Jolpica's of a matched circuit (Jeddah: 12 km apart). */
  name: text(),
  latitude: doublePrecision(),
  longitude: doublePrecision(),
  fullName: text().notNull(),
  previousNames: jsonb().$type<string[]>(),
  /** RACE, ROAD or STREET. */
  type: text().notNull(),
  /** CLOCKWISE or ANTI_CLOCKWISE. */
  direction: text().notNull(),
  placeName: text().notNull(),
  countryId: integer().references(() => countries.id),
  /** Current layout length in km. */
  length: doublePrecision().notNull(),
  turns: smallint().notNull(),
});

export const circuitLayouts = pgTable(
  'circuit_layouts',
  {
    id: serial().primaryKey(),
    f1dbId: text().notNull().unique(),
    circuitId: integer()
      .notNull()
      .references(() => circuits.id, { onDelete: 'cascade' }),
    ordinal: smallint().notNull(),
    length: doublePrecision().notNull(),
    turns: smallint().notNull(),
    effective: boolean(),
  },
  (t) => [index().on(t.circuitId)],
);

/** F1DB's facts about a race weekend; schedule times are local ('HH:MM') as F1DB gives them. */
export const raceDetails = pgTable('race_details', {
  raceId: integer()
    .primaryKey()
    .references(() => races.id, { onDelete: 'cascade' }),
  f1dbId: integer().notNull().unique(),
  grandPrixId: integer()
    .notNull()
    .references(() => grandsPrix.id),
  officialName: text().notNull(),
  qualifyingFormat: text().notNull(),
  sprintQualifyingFormat: text(),
  circuitLayoutId: integer().references(() => circuitLayouts.id),
  circuitType: text().notNull(),
  direction: text().notNull(),
  courseLength: doublePrecision().notNull(),
  turns: smallint().notNull(),
  laps: smallint().notNull(),
  distance: doublePrecision().notNull(),
  scheduledLaps: smallint(),
  scheduledDistance: doublePrecision(),
  driversChampionshipDecider: boolean(),
  constructorsChampionshipDecider: boolean(),
  sprintRaceLaps: smallint(),
  sprintRaceDistance: doublePrecision(),
  sprintRaceScheduledLaps: smallint(),
  sprintRaceScheduledDistance: doublePrecision(),
  time: text(),
  freePractice1Date: date({ mode: 'string' }),
  freePractice1Time: text(),
  freePractice2Date: date({ mode: 'string' }),
  freePractice2Time: text(),
  freePractice3Date: date({ mode: 'string' }),
  freePractice3Time: text(),
  qualifyingDate: date({ mode: 'string' }),
  qualifyingTime: text(),
  sprintQualifyingDate: date({ mode: 'string' }),
  sprintQualifyingTime: text(),
  sprintRaceDate: date({ mode: 'string' }),
  sprintRaceTime: text(),
});

/**
 * A season's entry: entrant → constructor → engine (manufacturer, engines) → chassis → tyres, with
 * its drivers in season_entrant_drivers. Chassis/engines/tyres are id lists (F1DB's one-or-many).
 */
export const seasonEntrants = pgTable(
  'season_entrants',
  {
    id: serial().primaryKey(),
    season: smallint().notNull(),
    ordinal: smallint().notNull(),
    entrantId: integer()
      .notNull()
      .references(() => entrants.id),
    countryId: integer().references(() => countries.id),
    constructorId: integer()
      .notNull()
      .references(() => constructors.id),
    engineManufacturerId: integer()
      .notNull()
      .references(() => engineManufacturers.id),
    /** chassis.id values. */
    chassisIds: jsonb().$type<number[]>().notNull(),
    /** engines.id values. */
    engineIds: jsonb().$type<number[]>().notNull(),
    /** tyre_manufacturers.id values. */
    tyreManufacturerIds: jsonb().$type<number[]>().notNull(),
  },
  (t) => [uniqueIndex().on(t.season, t.ordinal), index().on(t.constructorId), index().on(t.entrantId)],
);

export const seasonEntrantDrivers = pgTable(
  'season_entrant_drivers',
  {
    seasonEntrantId: integer()
      .notNull()
      .references(() => seasonEntrants.id, { onDelete: 'cascade' }),
    ordinal: smallint().notNull(),
    driverId: integer()
      .notNull()
      .references(() => drivers.id),
    /** F1DB's rounds list ('1-3,5'); null = every round. */
    rounds: text(),
    testDriver: boolean().notNull(),
  },
  (t) => [primaryKey({ columns: [t.seasonEntrantId, t.ordinal] }), index().on(t.driverId)],
);
