// How the sources meet: every source's id for an entity (aliases), what each merged row came from
// (results.source etc.), where the sources disagree (conflicts) and what could not be matched
// safely (ambiguous matches, never merged).
import { index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Another name of an entity of the shared graph: `kind` is driver, constructor, circuit, race, …;
 * `source` is 'f1db' (F1DB's id), 'ergast' (the Ergast/Jolpica ref) or 'apex' (an id we gave it and
 * later replaced). `entityId` is the row id in the entity's table.
 */
export const entityAliases = pgTable(
  'entity_aliases',
  {
    kind: text().notNull(),
    source: text().notNull(),
    alias: text().notNull(),
    entityId: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.source, t.alias] }), index().on(t.kind, t.alias), index().on(t.kind, t.entityId)],
);

/** A value the sources disagree on; the kept one follows the precedence rule of history/f1db/merge.ts. */
export const sourceConflicts = pgTable(
  'source_conflicts',
  {
    id: serial().primaryKey(),
    /** results, sprint_results, qualifying, … */
    kind: text().notNull(),
    season: smallint().notNull(),
    round: smallint().notNull(),
    raceId: integer().notNull(),
    driverId: integer().notNull(),
    field: text().notNull(),
    jolpica: text(),
    f1db: text(),
    kept: text().notNull(),
  },
  (t) => [uniqueIndex().on(t.kind, t.raceId, t.driverId, t.field), index().on(t.season)],
);

/** An entity of one source that matched several of ours, or a natural key that disagrees: listed, not merged. */
export const ambiguousMatches = pgTable(
  'ambiguous_matches',
  {
    kind: text().notNull(),
    source: text().notNull(),
    sourceId: text().notNull(),
    reason: text().notNull(),
    /** Public ids of the candidates. */
    candidates: jsonb().$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.source, t.sourceId] })],
);
