// Both backends for data-layer tests: in-memory PGlite, and a fresh PostgreSQL database on
// 127.0.0.1:5432 (created per call, dropped by cleanup). Migrations are applied on both.
// Each database is a private copy of a template built once (see templates.ts): a migrated empty
// one, or one holding the imported Jolpica dump.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { migrate, openPglite, openPostgres, type Database } from '../../src/db/client.js';
import { importJolpicaDump } from '../../src/history/import/index.js';
import { dumpDir } from './history.js';
import { admin, pgDatabaseUrl, pgliteTemplate, postgresTemplate, type TemplateBuild } from './templates.js';

export { testPgUrl } from './templates.js';

export const backends = ['pglite', 'postgres'] as const;
export type Backend = (typeof backends)[number];

export interface TestDatabase {
  database: Database;
  /** Close the connection and, for PostgreSQL, drop the database. */
  cleanup(): Promise<void>;
  /** For PostgreSQL, the URL of the created database (e.g. to start a CLI against it). */
  url?: string;
}

async function copyOf(kind: Backend, template: { name: string; build: TemplateBuild } | null): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const loadDataDir = template ? await pgliteTemplate(template.name, template.build) : undefined;
    const database = await openPglite(undefined, loadDataDir ? { loadDataDir } : {});
    return { database, cleanup: () => database.close() };
  }
  const from = template ? ` TEMPLATE ${await postgresTemplate(template.name, template.build)}` : '';
  const name = `apex_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}${from}`));
  const url = pgDatabaseUrl(name);
  const database = openPostgres(url, { max: 4 });
  return {
    database,
    url,
    cleanup: async () => {
      await database.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

const migrated: TemplateBuild = (database) => migrate(database);
const imported: TemplateBuild = async (database) => {
  await migrate(database);
  await importJolpicaDump(database.db, dumpDir);
};

/**
 * A migrated, empty database of the given kind (pass { migrate: false } for a bare one, which is
 * created from scratch: a fresh PostgreSQL database is already fast, and PGlite's first steps are
 * what some tests are about).
 */
export function testDatabase(kind: Backend, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  return copyOf(kind, options.migrate === false ? null : { name: 'migrated', build: migrated });
}

/**
 * A database of the given kind holding the Jolpica dump exactly as `importJolpicaDump` leaves it on a
 * migrated database (import.test.ts checks that a copy equals a fresh import).
 */
export function importedDatabase(kind: Backend): Promise<TestDatabase> {
  return copyOf(kind, { name: 'jolpica', build: imported });
}

/** Give an empty APEX_HOME the embedded database `apex import jolpica-dump` would leave (migrate + import). */
export async function importedApexHome(home: string): Promise<void> {
  const database = await openPglite(join(home, 'db'), { loadDataDir: await pgliteTemplate('jolpica', imported) });
  await database.close();
}
