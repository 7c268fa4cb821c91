import { date, index, integer, pgTable, serial, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { seasons } from './seasons-circuits.js';

/** A driver; `driverRef` is the public Ergast/Jolpica id (`max_verstappen`). */
export const drivers = pgTable(
  'drivers',
  {
    id: serial().primaryKey(),
    driverRef: text().notNull(),
    permanentNumber: smallint(),
    code: text(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    dateOfBirth: date({ mode: 'string' }),
    nationality: text(),
    countryCode: text(),
    url: text(),
    jolpicaApiId: text().unique(),
  },
  (t) => [uniqueIndex().on(t.driverRef), index().on(t.familyName), index().on(t.code)],
);

/** A constructor (Jolpica "team"); `constructorRef` is the public id (`red_bull`). */
export const constructors = pgTable(
  'constructors',
  {
    id: serial().primaryKey(),
    constructorRef: text().notNull(),
    name: text().notNull(),
    nationality: text(),
    countryCode: text(),
    primaryColor: text(),
    url: text(),
    jolpicaApiId: text().unique(),
  },
  (t) => [uniqueIndex().on(t.constructorRef), index().on(t.name)],
);

/**
 * Who drove for whom in a season (Jolpica `teamdriver`), including drivers entered without a result:
 * Ergast's `/{season}/drivers` and `/{season}/constructors` list these. role: Jolpica's enumeration
 * (null = unknown, 0 = permanent, 1 = reserve, 2 = junior).
 */
export const teamDrivers = pgTable(
  'team_drivers',
  {
    id: serial().primaryKey(),
    season: smallint()
      .notNull()
      .references(() => seasons.year, { onDelete: 'cascade' }),
    driverId: integer()
      .notNull()
      .references(() => drivers.id, { onDelete: 'cascade' }),
    constructorId: integer()
      .notNull()
      .references(() => constructors.id, { onDelete: 'cascade' }),
    role: smallint(),
    /** Provenance: 'jolpica' or 'f1db' (from F1DB's entrants where Jolpica lacks the season). */
    source: text().notNull().default('jolpica'),
  },
  (t) => [
    uniqueIndex().on(t.season, t.driverId, t.constructorId),
    index().on(t.driverId),
    index().on(t.constructorId),
  ],
);
