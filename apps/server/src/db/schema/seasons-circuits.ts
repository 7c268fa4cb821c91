import { doublePrecision, index, integer, pgTable, serial, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { championshipSystems } from './rules.js';

/** A championship year. The year itself is the key: every API addresses seasons by year. */
export const seasons = pgTable('seasons', {
  year: smallint().primaryKey(),
  url: text(),
  championshipSystemId: integer().references(() => championshipSystems.id),
  jolpicaApiId: text().unique(),
});

/** A circuit; `circuitRef` is the public Ergast/Jolpica id (`monaco`). */
export const circuits = pgTable(
  'circuits',
  {
    id: serial().primaryKey(),
    circuitRef: text().notNull(),
    name: text().notNull(),
    locality: text(),
    country: text(),
    countryCode: text(),
    lat: doublePrecision(),
    lng: doublePrecision(),
    altitude: integer(),
    url: text(),
    jolpicaApiId: text().unique(),
  },
  (t) => [uniqueIndex().on(t.circuitRef), index().on(t.country)],
);
