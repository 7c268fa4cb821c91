import { boolean, date, index, integer, pgTable, serial, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { pointSystems } from './rules.js';
import { circuits, seasons } from './seasons-circuits.js';

/** One round of a season (Jolpica `round`). `time` is the race start in UTC ('HH:MM:SS') when known. */
export const races = pgTable(
  'races',
  {
    id: serial().primaryKey(),
    season: smallint()
      .notNull()
      .references(() => seasons.year, { onDelete: 'cascade' }),
    round: smallint().notNull(),
    circuitId: integer()
      .notNull()
      .references(() => circuits.id),
    name: text().notNull(),
    date: date({ mode: 'string' }),
    time: text(),
    url: text(),
    isCancelled: boolean().notNull().default(false),
    jolpicaApiId: text().unique(),
  },
  (t) => [uniqueIndex().on(t.season, t.round), index().on(t.circuitId), index().on(t.date)],
);

/**
 * The weekend schedule: every session Jolpica knows for a round. `type` keeps Jolpica's codes
 * (R, Q1–Q3, QB, QA, QO, SR, SQ1–SQ3, FP1–FP3, PQ); Ergast's FirstPractice/Qualifying/Sprint/… are
 * derived from it (Qualifying = Q1 or QB, SprintShootout/SprintQualifying = SQ1). Several sessions of
 * the same type can exist (e.g. two QB days), ordered by `number`. `date`/`time` are UTC; `time`
 * is null when only the day is known.
 */
export const raceSessions = pgTable(
  'race_sessions',
  {
    id: serial().primaryKey(),
    raceId: integer()
      .notNull()
      .references(() => races.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    number: smallint(),
    date: date({ mode: 'string' }),
    time: text(),
    timezone: text(),
    scheduledLaps: smallint(),
    isCancelled: boolean().notNull().default(false),
    pointSystemId: integer().references(() => pointSystems.id),
    jolpicaApiId: text().unique(),
  },
  (t) => [index().on(t.raceId, t.type)],
);
