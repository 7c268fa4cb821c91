// Per-race classifications from F1DB, row for row (every field of its files), keyed to the shared
// graph. Facts only F1DB has (starting grid with penalties, practice/warm-up/pre-qualifying and
// two-session qualifying classifications, every driver's fastest lap, driver of the day) live here
// for good. F1DB's race/sprint/qualifying results, pit stops and standings are kept here too as the
// F1DB side of the merge: results/qualifying/pit_stops/standings hold one row per entry, taken from
// Jolpica where it has the race and from these tables otherwise (see history/f1db/merge.ts).
// Times: the text as F1DB prints it and milliseconds beside it.
import { boolean, doublePrecision, index, integer, pgTable, primaryKey, serial, smallint, text } from 'drizzle-orm/pg-core';
import { constructors, drivers } from './people.js';
import { races } from './races.js';
import { engineManufacturers, tyreManufacturers } from './reference.js';

/** Where the row sits in F1DB's list, its position (number, or F1DB's text: DNF, DNQ, …) and the car. */
const carColumns = () => ({
  raceId: integer()
    .notNull()
    .references(() => races.id, { onDelete: 'cascade' }),
  /** 1-based order of the row in F1DB's file. */
  ordinal: smallint().notNull(),
  positionNumber: smallint(),
  positionText: text().notNull(),
  number: smallint().notNull(),
  driverId: integer()
    .notNull()
    .references(() => drivers.id),
  constructorId: integer()
    .notNull()
    .references(() => constructors.id),
  engineManufacturerId: integer()
    .notNull()
    .references(() => engineManufacturers.id),
  tyreManufacturerId: integer()
    .notNull()
    .references(() => tyreManufacturers.id),
});
const timing = () => ({
  timeText: text(),
  timeMillis: integer(),
  gapText: text(),
  gapMillis: integer(),
  intervalText: text(),
  intervalMillis: integer(),
});

/** `kind`: 'race' or 'sprint'. */
export const f1dbRaceResults = pgTable(
  'f1db_race_results',
  {
    ...carColumns(),
    kind: text().notNull(),
    laps: smallint(),
    ...timing(),
    timePenaltyText: text(),
    timePenaltyMillis: integer(),
    reasonRetired: text(),
    points: doublePrecision(),
    gridPositionNumber: smallint(),
    gridPositionText: text(),
    sharedCar: boolean(),
    grandSlam: boolean(),
  },
  (t) => [primaryKey({ columns: [t.raceId, t.kind, t.ordinal] }), index().on(t.driverId), index().on(t.constructorId)],
);

/** `kind`: 'qualifying' or 'sprint'. q1–q3 are the knockout parts; time is the single/aggregate time. */
export const f1dbQualifyingResults = pgTable(
  'f1db_qualifying_results',
  {
    ...carColumns(),
    kind: text().notNull(),
    ...timing(),
    laps: smallint(),
    q1Text: text(),
    q1Millis: integer(),
    q2Text: text(),
    q2Millis: integer(),
    q3Text: text(),
    q3Millis: integer(),
  },
  (t) => [primaryKey({ columns: [t.raceId, t.kind, t.ordinal] }), index().on(t.driverId)],
);

/**
 * Classifications of the other sessions: `session` is FP1–FP4, WUP (warm-up), PQ (pre-qualifying),
 * Q1/Q2 (the separate qualifying sessions of the two-session era).
 */
export const sessionClassifications = pgTable(
  'session_classifications',
  {
    ...carColumns(),
    session: text().notNull(),
    ...timing(),
    laps: smallint(),
  },
  (t) => [primaryKey({ columns: [t.raceId, t.session, t.ordinal] }), index().on(t.driverId)],
);

/** Starting grid (kind 'race' or 'sprint'), with the grid penalty as F1DB states it ('5', 'SFB'). */
export const startingGrid = pgTable(
  'starting_grid',
  {
    ...carColumns(),
    kind: text().notNull(),
    gridPenaltyText: text(),
    /** Places of penalty when it is a number. */
    gridPenaltyPlaces: smallint(),
    /** The qualifying time the place came from. */
    timeText: text(),
    timeMillis: integer(),
  },
  (t) => [primaryKey({ columns: [t.raceId, t.kind, t.ordinal] }), index().on(t.driverId)],
);

/** Every driver's fastest lap of the race (F1DB, 1983+; the fastest only before). */
export const fastestLaps = pgTable(
  'fastest_laps',
  {
    ...carColumns(),
    lap: smallint(),
    ...timing(),
  },
  (t) => [primaryKey({ columns: [t.raceId, t.ordinal] }), index().on(t.driverId)],
);

/** F1DB pit stops (1994+): lap and time spent (text/millis). */
export const f1dbPitStops = pgTable(
  'f1db_pit_stops',
  {
    ...carColumns(),
    stop: smallint().notNull(),
    lap: smallint().notNull(),
    timeText: text(),
    timeMillis: integer(),
  },
  (t) => [primaryKey({ columns: [t.raceId, t.ordinal] }), index().on(t.driverId)],
);

/** Driver of the day vote (2016+), with the share of votes when published. */
export const driverOfTheDay = pgTable(
  'driver_of_the_day',
  {
    ...carColumns(),
    percentage: doublePrecision(),
  },
  (t) => [primaryKey({ columns: [t.raceId, t.ordinal] })],
);

const standingColumns = () => ({
  id: serial().primaryKey(),
  season: smallint().notNull(),
  /** Null for the final standings of the season file. */
  raceId: integer().references(() => races.id, { onDelete: 'cascade' }),
  ordinal: smallint().notNull(),
  positionNumber: smallint(),
  positionText: text().notNull(),
  points: doublePrecision().notNull(),
});

/** F1DB standings after each race (raceId) and final (raceId null), kept as F1DB states them. */
export const f1dbDriverStandings = pgTable(
  'f1db_driver_standings',
  {
    ...standingColumns(),
    driverId: integer()
      .notNull()
      .references(() => drivers.id),
  },
  (t) => [index().on(t.season, t.raceId), index().on(t.driverId)],
);

export const f1dbConstructorStandings = pgTable(
  'f1db_constructor_standings',
  {
    ...standingColumns(),
    constructorId: integer()
      .notNull()
      .references(() => constructors.id),
    engineManufacturerId: integer()
      .notNull()
      .references(() => engineManufacturers.id),
  },
  (t) => [index().on(t.season, t.raceId), index().on(t.constructorId)],
);
