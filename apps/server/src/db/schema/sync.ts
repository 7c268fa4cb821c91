// Bookkeeping for imports and syncs: what was loaded, from where, and which upstream documents were
// already fetched (so a sync fetches only what is missing or changed and resumes after interruption).
import { bigint, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';

/** One run of an import or sync. `rows` maps table name to rows written. */
export const dataImports = pgTable('data_imports', {
  id: serial().primaryKey(),
  kind: text().notNull(),
  source: text().notNull(),
  startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp({ withTimezone: true }),
  rows: jsonb().$type<Record<string, number>>(),
});

/** An upstream document already stored: source (e.g. 'jolpica'), key (its path), validators. */
export const sourceDocuments = pgTable(
  'source_documents',
  {
    source: text().notNull(),
    key: text().notNull(),
    etag: text(),
    contentHash: text(),
    status: integer(),
    fetchedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.key] })],
);

/**
 * The generation of a scope of data ('history'): raised by the transaction that changes the data, so
 * it is visible exactly when the change is. API processes key cached answers by it (see
 * src/db/changes.ts).
 */
export const dataGenerations = pgTable('data_generations', {
  scope: text().primaryKey(),
  generation: bigint({ mode: 'number' }).notNull(),
  changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
