// Scoring rules as Jolpica models them. Kept as data (not code) so a season's standings can be
// recomputed from its results under the rules that applied that year.
import { boolean, integer, pgTable, real, serial, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * How a season's championship totals are formed (Jolpica `championshipsystem`).
 * bestResults: -1 = all results count, -2 = all but one per split, 0 = none, N = best N per split.
 * seasonSplit: 0 = whole season, 2 = halves with the odd round in the first half, 3 = halves with
 * the odd round in the second half. eligibility: Jolpica's rule for who appears in the standings.
 */
export const championshipSystems = pgTable(
  'championship_systems',
  {
    id: serial().primaryKey(),
    reference: text().notNull(),
    name: text().notNull(),
    driverBestResults: smallint().notNull(),
    driverSeasonSplit: smallint().notNull(),
    eligibility: smallint().notNull(),
    teamBestResults: smallint().notNull(),
    teamPointsPerSession: smallint().notNull(),
    teamSeasonSplit: smallint().notNull(),
    jolpicaApiId: text(),
  },
  (t) => [uniqueIndex().on(t.reference)],
);

/**
 * Points awarded by one kind of session (Jolpica `pointsystem`). The integer columns are Jolpica's
 * enumerations (position scale, fastest-lap bonus, shared-drive rule, half points for partial races).
 */
export const pointSystems = pgTable(
  'point_systems',
  {
    id: serial().primaryKey(),
    reference: text().notNull(),
    name: text().notNull(),
    driverPositionPoints: smallint().notNull(),
    driverFastestLap: smallint().notNull(),
    teamPositionPoints: smallint().notNull(),
    teamFastestLap: smallint().notNull(),
    sharedDrive: smallint().notNull(),
    partial: smallint().notNull(),
    isDoublePoints: boolean().notNull().default(false),
    jolpicaApiId: text(),
  },
  (t) => [uniqueIndex().on(t.reference)],
);

/**
 * A correction to one season's championship (Jolpica `championshipadjustment`): an excluded or
 * disqualified driver/team, or a points deduction. `adjustment` keeps Jolpica's enumeration
 * (1 = points change, 101 = excluded, 102 = disqualified).
 */
export const championshipAdjustments = pgTable(
  'championship_adjustments',
  {
    id: serial().primaryKey(),
    season: smallint().notNull(),
    driverId: integer(),
    constructorId: integer(),
    adjustment: smallint().notNull(),
    points: real(),
    jolpicaApiId: text(),
  },
  (t) => [uniqueIndex().on(t.season, t.driverId, t.constructorId, t.adjustment)],
);
