// Classified results in Ergast's shape. Both the dump import and the Jolpica API sync write these
// rows, so they hold exactly what the Ergast surface prints; durations are integer milliseconds and
// the Ergast display strings are kept beside them where they cannot be rebuilt (gaps, blank Q times).
import {
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  serial,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { constructors, drivers } from './people.js';
import { races } from './races.js';

/** Ergast finishing statuses. `id` is Ergast's statusId (Jolpica added 142 Did not start, 143 Lapped). */
export const statuses = pgTable('statuses', {
  id: integer().primaryKey(),
  status: text().notNull().unique(),
});

const entryColumns = () => ({
  id: serial().primaryKey(),
  raceId: integer()
    .notNull()
    .references(() => races.id, { onDelete: 'cascade' }),
  driverId: integer()
    .notNull()
    .references(() => drivers.id),
  constructorId: integer()
    .notNull()
    .references(() => constructors.id),
  /** Car number. */
  number: smallint().notNull(),
  /** Provenance: 'jolpica' (dump or API) or 'f1db' (filled in where Jolpica lacks the race; history/f1db/merge.ts). */
  source: text().notNull().default('jolpica'),
});

const resultColumns = () => ({
  ...entryColumns(),
  grid: smallint(),
  /** Finishing order, also for unclassified cars (Ergast prints it for every row). */
  position: smallint().notNull(),
  /** '1'… for classified cars, otherwise R (retired), D (disqualified), W (withdrew/DNS), F (failed to qualify), N. */
  positionText: text().notNull(),
  points: doublePrecision(),
  laps: smallint(),
  /** Total race time, only for cars given one. */
  timeMillis: integer(),
  /** Ergast display: the winner's time ('1:25:33.607') or the gap ('+5.123'). */
  timeText: text(),
  fastestLap: smallint(),
  fastestLapRank: smallint(),
  fastestLapTimeMillis: integer(),
  /** Average speed of the fastest lap in km/h, 3 decimals as Ergast prints it. */
  fastestLapSpeed: numeric({ precision: 8, scale: 3 }),
  statusId: integer().references(() => statuses.id),
});

/** Grand Prix results. */
export const results = pgTable('results', resultColumns(), (t) => [
  uniqueIndex().on(t.raceId, t.driverId, t.constructorId, t.number),
  index().on(t.raceId, t.position),
  index().on(t.driverId),
  index().on(t.constructorId),
  index().on(t.statusId),
  index().on(t.grid),
  index().on(t.fastestLapRank),
]);

/** Sprint results (2021+). */
export const sprintResults = pgTable('sprint_results', resultColumns(), (t) => [
  uniqueIndex().on(t.raceId, t.driverId, t.constructorId, t.number),
  index().on(t.raceId, t.position),
  index().on(t.driverId),
  index().on(t.constructorId),
  index().on(t.statusId),
]);

/**
 * Per-part best times as Ergast prints them: q1/q2/q3 hold the display string, '' when the car took
 * part without setting a time, null when it did not take part; the *Millis columns hold the times.
 */
const qualifyingColumns = () => ({
  ...entryColumns(),
  position: smallint(),
  q1: text(),
  q2: text(),
  q3: text(),
  q1Millis: integer(),
  q2Millis: integer(),
  q3Millis: integer(),
  /**
   * The car's place within each part (Q1 order differs from the final order), where the source
   * knows it: Jolpica's Ergast surface orders pages by the best of them and `qualifying/N` matches any.
   */
  q1Position: smallint(),
  q2Position: smallint(),
  q3Position: smallint(),
});

/** Grand Prix qualifying (Q1–Q3; single-session or aggregate formats fill q1/q2). */
export const qualifying = pgTable('qualifying', qualifyingColumns(), (t) => [
  uniqueIndex().on(t.raceId, t.driverId, t.constructorId, t.number),
  index().on(t.raceId, t.position),
  index().on(t.driverId),
  index().on(t.constructorId),
]);

/** Sprint qualifying / sprint shootout (SQ1–SQ3 stored as q1–q3). */
export const sprintQualifying = pgTable('sprint_qualifying', qualifyingColumns(), (t) => [
  uniqueIndex().on(t.raceId, t.driverId, t.constructorId, t.number),
  index().on(t.raceId, t.position),
  index().on(t.driverId),
  index().on(t.constructorId),
]);
