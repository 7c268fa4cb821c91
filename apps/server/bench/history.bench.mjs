#!/usr/bin/env node
// F1DB and the Jolpica dump measured in one run: the F1DB tree read + mapped (threads = cores, and
// one thread for comparison), then per backend (a fresh PGlite, and a fresh PostgreSQL database when
// 127.0.0.1:5432 answers) the F1DB write, the Jolpica dump import on top of it, and the F1DB write
// again (the idempotent no-op). Prints seconds and rows/s. Runs the built code: `npm run build` first.
// Usage: npm run bench:history [-- <f1db dir> [<dump dir>]]   (APEX_BENCH_PG_URL: PostgreSQL admin URL)
// Aims (issue 9): tree parsed + mapped < 5 s, imported < 15 s on PostgreSQL.
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = resolve(here, '..', 'dist');
if (!existsSync(join(dist, 'history', 'f1db', 'index.js'))) {
  console.error('bench:history: not built — run `npm run build` first');
  process.exit(1);
}
const { openPglite, openPostgres, migrate } = await import(join(dist, 'db', 'client.js'));
const { loadF1db, writeLoadedF1db } = await import(join(dist, 'history', 'f1db', 'index.js'));
const { importJolpicaDump } = await import(join(dist, 'history', 'import', 'index.js'));
const { sharedDir } = await import(join(dist, 'config.js'));
const { onEachBackend } = await import('./databases.mjs');

const f1dbDir = resolve(process.argv[2] ?? join(sharedDir, 'f1db'));
const dumpDir = resolve(process.argv[3] ?? join(sharedDir, 'jolpica-dump'));
const pgAdminUrl = process.env.APEX_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const rowsOf = (tables) => Object.values(tables).reduce((n, t) => n + t.inserted + t.updated + t.deleted + t.unchanged, 0);
const written = (tables) => Object.values(tables).reduce((n, t) => n + t.inserted + t.updated + t.deleted, 0);
const line = (label, rows, seconds, extra = '') =>
  console.log(`  ${label.padEnd(44)} ${String(rows).padStart(8)} rows ${seconds.toFixed(2).padStart(7)} s ${String(Math.round(rows / seconds)).padStart(8)} rows/s ${extra}`);

console.log(`F1DB: ${f1dbDir}\nJolpica dump: ${dumpDir}\n${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

// Read + map: parse every YAML file, validate, normalise, assemble.
console.log('\nread + map (16k YAML files)');
const single = await loadF1db(f1dbDir, { threads: 1 });
const fileCount = (t) => t.seasons.reduce((n, s) => n + s.races.length, 0);
line('one thread', fileCount(single.tree), single.seconds, '(rows = races)');
const loaded = await loadF1db(f1dbDir);
line(`worker threads (${Math.min(availableParallelism(), 4)})`, fileCount(loaded.tree), loaded.seconds, `(${(single.seconds / loaded.seconds).toFixed(2)}× one thread, same run)`);

async function bench(label, database) {
  try {
    await migrate(database);
    console.log(`\n${label}`);
    const first = await writeLoadedF1db(database.db, loaded);
    line('F1DB write (empty database)', rowsOf(first.tables), first.seconds.write);
    line('F1DB import end to end (read + write)', rowsOf(first.tables), loaded.seconds + first.seconds.write);
    const dump = await importJolpicaDump(database.db, dumpDir);
    line('Jolpica dump import (on top of F1DB)', rowsOf(dump.written), dump.seconds.read + dump.seconds.write);
    const again = await writeLoadedF1db(database.db, loaded);
    line('F1DB write again (no-op)', rowsOf(again.tables), again.seconds.write, `(${written(again.tables)} rows written)`);
    const slowest = Object.entries(first.tables).sort((a, b) => b[1].seconds - a[1].seconds).slice(0, 5);
    console.log(`  slowest F1DB tables: ${slowest.map(([n, t]) => `${n} ${t.seconds.toFixed(2)} s`).join(', ')}`);
  } finally {
    await database.close();
  }
}

await onEachBackend({ openPglite, openPostgres }, bench, pgAdminUrl);
