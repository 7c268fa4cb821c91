// Both backends for data-layer tests: in-memory PGlite, and a fresh PostgreSQL database on
// 127.0.0.1:5432 (created per call, dropped by cleanup). Migrations are applied on both.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, openPglite, openPostgres, type Database } from '../../src/db/client.js';

export const backends = ['pglite', 'postgres'] as const;
export type Backend = (typeof backends)[number];

/** Admin URL of the test server; override with APEX_TEST_PG_URL. */
export const testPgUrl = process.env.APEX_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  database: Database;
  /** Close the connection and, for PostgreSQL, drop the database. */
  cleanup(): Promise<void>;
  /** For PostgreSQL, the URL of the created database (e.g. to start a CLI against it). */
  url?: string;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPgUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A migrated, empty database of the given kind (pass { migrate: false } for a bare one). */
export async function testDatabase(kind: Backend, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let result: TestDatabase;
  if (kind === 'pglite') {
    const database = await openPglite();
    result = { database, cleanup: () => database.close() };
  } else {
    const name = `apex_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(testPgUrl);
    url.pathname = `/${name}`;
    const database = openPostgres(url.toString(), { max: 4 });
    result = {
      database,
      url: url.toString(),
      cleanup: async () => {
        await database.close();
        await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  }
  if (options.migrate !== false) await migrate(result.database);
  return result;
}
