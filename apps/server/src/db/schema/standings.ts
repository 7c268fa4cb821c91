// Championship standings after every round. `season`/`round` repeat the race's so that "standings of
// season S after round R (or the latest)" is one indexed lookup.
import { boolean, doublePrecision, index, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { constructors, drivers } from './people.js';
import { races } from './races.js';

const standingColumns = () => ({
  raceId: integer()
    .notNull()
    .references(() => races.id, { onDelete: 'cascade' }),
  season: smallint().notNull(),
  round: smallint().notNull(),
  points: doublePrecision().notNull(),
  /** Null for entries without a place (excluded, or not yet eligible). */
  position: smallint(),
  /** The position, or '-' / 'E' / 'D' as Ergast prints unplaced entries. */
  positionText: text().notNull(),
  wins: smallint().notNull(),
  isEligible: boolean().notNull().default(true),
});

export const driverStandings = pgTable(
  'driver_standings',
  {
    ...standingColumns(),
    driverId: integer()
      .notNull()
      .references(() => drivers.id),
  },
  (t) => [
    primaryKey({ columns: [t.raceId, t.driverId] }),
    index().on(t.season, t.round, t.position),
    index().on(t.driverId, t.season),
  ],
);

export const constructorStandings = pgTable(
  'constructor_standings',
  {
    ...standingColumns(),
    constructorId: integer()
      .notNull()
      .references(() => constructors.id),
  },
  (t) => [
    primaryKey({ columns: [t.raceId, t.constructorId] }),
    index().on(t.season, t.round, t.position),
    index().on(t.constructorId, t.season),
  ],
);
