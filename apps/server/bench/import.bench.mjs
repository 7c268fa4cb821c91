#!/usr/bin/env node
// Imports the Jolpica dump into a fresh temporary PGlite (and a fresh PostgreSQL database when
// 127.0.0.1:5432 answers), then once more (the idempotent no-op run), and prints rows, seconds and
// rows/s per table and in total. Runs the built code: `npm run build` first.
// Usage: npm run bench:import [-- <dump dir>]   (APEX_BENCH_PG_URL overrides the PostgreSQL admin URL)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = resolve(here, '..', 'dist');
if (!existsSync(join(dist, 'history', 'import', 'index.js'))) {
  console.error('bench:import: not built — run `npm run build` first');
  process.exit(1);
}
const { openPglite, openPostgres, migrate } = await import(join(dist, 'db', 'client.js'));
const { importJolpicaDump } = await import(join(dist, 'history', 'import', 'index.js'));
const { sharedDir } = await import(join(dist, 'config.js'));
const { onEachBackend } = await import('./databases.mjs');

const dumpDir = resolve(process.argv[2] ?? join(sharedDir, 'jolpica-dump'));
const pgAdminUrl = process.env.APEX_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function table(label, report) {
  const rows = [];
  let totalRows = 0;
  let totalSeconds = 0;
  for (const [name, r] of Object.entries(report.written)) {
    const n = r.inserted + r.updated + r.deleted + r.unchanged;
    totalRows += n;
    totalSeconds += r.seconds;
    rows.push([name, n, r.inserted + r.updated + r.deleted, r.seconds]);
  }
  const wall = report.seconds.read + report.seconds.write;
  console.log(`\n${label}  (read+map ${report.seconds.read.toFixed(2)} s, write ${report.seconds.write.toFixed(2)} s, wall ${wall.toFixed(2)} s)`);
  console.log(`  ${'table'.padEnd(24)} ${'rows'.padStart(7)} ${'written'.padStart(8)} ${'seconds'.padStart(8)} ${'rows/s'.padStart(9)}`);
  for (const [name, n, w, s] of rows) {
    console.log(`  ${name.padEnd(24)} ${String(n).padStart(7)} ${String(w).padStart(8)} ${s.toFixed(3).padStart(8)} ${(s > 0 ? Math.round(n / s) : 0).toString().padStart(9)}`);
  }
  console.log(`  ${'TOTAL (write phase)'.padEnd(24)} ${String(totalRows).padStart(7)} ${''.padStart(8)} ${totalSeconds.toFixed(3).padStart(8)} ${Math.round(totalRows / totalSeconds).toString().padStart(9)}`);
  console.log(`  ${'TOTAL (end to end)'.padEnd(24)} ${String(totalRows).padStart(7)} ${''.padStart(8)} ${wall.toFixed(3).padStart(8)} ${Math.round(totalRows / wall).toString().padStart(9)}`);
}

async function bench(label, database) {
  try {
    await migrate(database);
    table(`${label}: first import`, await importJolpicaDump(database.db, dumpDir));
    table(`${label}: second import (no changes expected)`, await importJolpicaDump(database.db, dumpDir));
  } finally {
    await database.close();
  }
}

console.log(`dump: ${dumpDir}`);
await onEachBackend({ openPglite, openPostgres }, bench, pgAdminUrl);
