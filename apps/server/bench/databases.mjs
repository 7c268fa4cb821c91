// The databases history benches run on: a fresh PGlite in a temporary folder, then a fresh
// PostgreSQL database when the server answers (dropped afterwards). `bench(label, database)` owns the
// database and closes it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function onEachBackend({ openPglite, openPostgres }, bench, pgAdminUrl = process.env.APEX_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test') {
  const pg = (await import('pg')).default;
  const home = mkdtempSync(join(tmpdir(), 'apex-bench-'));
  try {
    await bench(`PGlite (${join(home, 'db')})`, await openPglite(join(home, 'db')));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  const admin = new pg.Client({ connectionString: pgAdminUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch (err) {
    console.log(`\nPostgreSQL not reachable at ${pgAdminUrl} (${err.message}): skipped`);
    return;
  }
  const name = `apex_bench_${Date.now().toString(36)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(pgAdminUrl);
    url.pathname = `/${name}`;
    await bench(`PostgreSQL (${url.host}/${name})`, openPostgres(url.toString()));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
