// Reference entities F1DB has and Jolpica does not: continents, countries, engine and tyre
// manufacturers, engines, chassis, entrants, grands prix. Each keeps F1DB's id (`f1dbId`, kebab-case)
// and a public Ergast-style `ref` (snake_case) like drivers and constructors do.
import { doublePrecision, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { constructors } from './people.js';

const refColumns = () => ({
  id: serial().primaryKey(),
  ref: text().notNull().unique(),
  f1dbId: text().notNull().unique(),
});

export const continents = pgTable('continents', {
  ...refColumns(),
  code: text().notNull(),
  name: text().notNull(),
  demonym: text().notNull(),
});

export const countries = pgTable('countries', {
  ...refColumns(),
  alpha2Code: text().notNull(),
  alpha3Code: text().notNull(),
  iocCode: text(),
  name: text().notNull(),
  demonym: text(),
  continentId: integer()
    .notNull()
    .references(() => continents.id),
});

export const engineManufacturers = pgTable('engine_manufacturers', {
  ...refColumns(),
  name: text().notNull(),
  countryId: integer().references(() => countries.id),
});

export const engines = pgTable('engines', {
  ...refColumns(),
  engineManufacturerId: integer()
    .notNull()
    .references(() => engineManufacturers.id),
  name: text().notNull(),
  fullName: text().notNull(),
  /** Litres. */
  capacity: doublePrecision(),
  /** 'V8', 'L4', … */
  configuration: text(),
  /** 'NATURALLY_ASPIRATED', 'TURBOCHARGED', 'SUPERCHARGED'. */
  aspiration: text(),
});

export const chassis = pgTable('chassis', {
  ...refColumns(),
  constructorId: integer()
    .notNull()
    .references(() => constructors.id),
  name: text().notNull(),
  fullName: text().notNull(),
});

export const tyreManufacturers = pgTable('tyre_manufacturers', {
  ...refColumns(),
  name: text().notNull(),
  countryId: integer().references(() => countries.id),
});

/** The team as entered (a constructor may be run by several entrants in a season). */
export const entrants = pgTable('entrants', { ...refColumns(), name: text().notNull() });

export const grandsPrix = pgTable(
  'grands_prix',
  {
    ...refColumns(),
    name: text().notNull(),
    fullName: text().notNull(),
    shortName: text().notNull(),
    abbreviation: text().notNull(),
    countryId: integer().references(() => countries.id),
  },
  (t) => [uniqueIndex().on(t.name)],
);
