import { index, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { drivers } from './people.js';
import { races } from './races.js';

/** Race lap times: one row per driver and lap. */
export const lapTimes = pgTable(
  'lap_times',
  {
    raceId: integer()
      .notNull()
      .references(() => races.id, { onDelete: 'cascade' }),
    driverId: integer()
      .notNull()
      .references(() => drivers.id),
    lap: smallint().notNull(),
    position: smallint(),
    timeMillis: integer(),
  },
  (t) => [primaryKey({ columns: [t.raceId, t.driverId, t.lap] }), index().on(t.raceId, t.lap, t.position)],
);

/** Race pit stops. `localTime` is the local wall-clock time of day ('14:19:22') as Ergast prints it. */
export const pitStops = pgTable(
  'pit_stops',
  {
    raceId: integer()
      .notNull()
      .references(() => races.id, { onDelete: 'cascade' }),
    driverId: integer()
      .notNull()
      .references(() => drivers.id),
    stop: smallint().notNull(),
    lap: smallint().notNull(),
    localTime: text(),
    durationMillis: integer(),
    /** Provenance: 'jolpica' or 'f1db' (history/f1db/merge.ts). */
    source: text().notNull().default('jolpica'),
  },
  (t) => [primaryKey({ columns: [t.raceId, t.driverId, t.stop] }), index().on(t.raceId, t.lap)],
);
