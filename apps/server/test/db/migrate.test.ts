import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { readdirSync } from 'node:fs';
import { migrate, migrationsFolder, rowsOf, hasHistory } from '../../src/db/client.js';
import { schema } from '../../src/db/client.js';
import { backends, testDatabase, type TestDatabase } from '../helpers/db.js';

describe.each(backends)('migrations on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await testDatabase(kind, { migrate: false });
  });
  afterAll(async () => t?.cleanup());

  it('creates every table, then re-running is a no-op', async () => {
    expect(readdirSync(migrationsFolder).some((f) => f.endsWith('.sql'))).toBe(true);
    await migrate(t.database);
    const tables = rowsOf<{ table_name: string }>(
      await t.database.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
      ),
    ).map((r) => r.table_name);
    for (const t of ['seasons', 'circuits', 'drivers', 'constructors', 'team_drivers', 'races', 'race_sessions',
      'results', 'sprint_results', 'qualifying', 'sprint_qualifying', 'lap_times', 'pit_stops', 'statuses',
      'driver_standings', 'constructor_standings', 'championship_systems', 'point_systems', 'championship_adjustments']) {
      expect(tables).toContain(t);
    }
    await migrate(t.database);
    const applied = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
    );
    expect(applied[0]!.n).toBe(readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).length);
    await t.database.ping();
    expect(await hasHistory(t.database.db)).toBe(false);
  });

  it('enforces natural keys (public ids are unique)', async () => {
    const { db } = t.database;
    await db.insert(schema.drivers).values({ driverRef: 'x_test', givenName: 'A', familyName: 'B' });
    await expect(
      db.insert(schema.drivers).values({ driverRef: 'x_test', givenName: 'C', familyName: 'D' }),
    ).rejects.toThrow();
  });
});
