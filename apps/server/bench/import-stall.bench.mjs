#!/usr/bin/env node
// `npm run bench:import-stall`: how long the API leaves requests waiting while the Jolpica dump is
// imported over HTTP (POST /api/v1/history/import) — /health polled every 10 ms from a child process
// (stall.mjs). The built server in this process, on a fresh embedded database in a temporary
// APEX_HOME each run. Two behaviours alternate in the same run, so machine load hits both alike:
//   before  the write runs as one unbroken chain of PGlite statements and the dump is read and
//           mapped on the API thread (the code before issue 13's fix; kept as the baseline);
//   after   the dump is read in a worker thread and PGlite lets the event loop turn between
//           statements (db/client.ts).
//
//   BENCH_ROUNDS=3 npm run bench:import-stall
//   BENCH_DATABASE_URL=postgres://…/db   also run (after only) on PostgreSQL (the database is wiped)
//
// Printed and saved to bench-output/import-stall-bench.json; the load average is printed next to
// each run (figures from a loaded machine are not comparable with a quiet one's).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startPoller, summarise } from './stall.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const TOKEN = 'bench-import-stall';
const dist = (p) => pathToFileURL(join(root, 'apps', 'server', 'dist', p)).href;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

async function run(mode, databaseUrl) {
  const { openPglite, openPostgres, migrate } = await import(dist('db/client.js'));
  const { loadConfig, sharedDir } = await import(dist('config.js'));
  const { buildApp } = await import(dist('http/app.js'));
  const home = mkdtempSync(join(tmpdir(), 'apex-stall-bench-'));
  const database = databaseUrl ? openPostgres(databaseUrl) : await openPglite(join(home, 'db'), mode === 'before' ? { sliceMs: Infinity } : {});
  if (databaseUrl) await database.db.execute('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public');
  await migrate(database);
  const config = loadConfig({ APEX_HOME: home, LOG_LEVEL: 'silent', APEX_ADMIN_TOKEN: TOKEN, APEX_RATE_LIMIT: '0', JOLPICA_DUMP_DIR: join(sharedDir, 'jolpica-dump') });
  const app = await buildApp({ config, database, logger: false });
  try {
    if (mode === 'before') app.jobDeps.history.readIn = 'main';
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const poller = startPoller(`${base}/health`, 10);
    await new Promise((r) => setTimeout(r, 1000));
    const loadBefore = load();
    const started = Date.now();
    const res = await fetch(`${base}/api/v1/history/import`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: '{}' });
    if (res.status !== 202) throw new Error(`import not queued: HTTP ${res.status} ${await res.text()}`);
    let job;
    for (;;) {
      job = await (await fetch(`${base}/api/v1/jobs/history-import`)).json();
      if (job.state === 'done' || job.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (job.state !== 'done') throw new Error(`import failed: ${job.error}`);
    const ended = Date.now();
    const samples = await poller.stop();
    return { mode, database: databaseUrl ? 'postgres' : 'pglite', seconds: (ended - started) / 1000, idle: summarise(samples, 0, started), during: summarise(samples, started, ended), load: `${loadBefore} → ${load()}` };
  } finally {
    await app.close();
    await database.close();
    rmSync(home, { recursive: true, force: true });
  }
}

const ms = (n) => `${n.toFixed(1).padStart(8)} ms`;

async function main() {
  const { build } = await import(pathToFileURL(join(root, 'scripts', 'lib.mjs')).href);
  build();
  const runs = [];
  console.log(`/health every 10 ms during the Jolpica dump import over HTTP (${ROUNDS} round(s) per behaviour, alternating)\n`);
  console.log(`${'run'.padEnd(18)} ${'import'.padStart(8)} ${'polls'.padStart(6)} ${'p50'.padStart(11)} ${'p99'.padStart(11)} ${'max'.padStart(11)}   load average (1/5/15 min, start → end)`);
  const plan = [];
  for (let i = 0; i < ROUNDS; i++) plan.push(['before'], ['after']);
  if (process.env.BENCH_DATABASE_URL) plan.push(['after', process.env.BENCH_DATABASE_URL]);
  for (const [mode, url] of plan) {
    const r = await run(mode, url);
    runs.push(r);
    console.log(`${`${r.database} ${r.mode}`.padEnd(18)} ${`${r.seconds.toFixed(1)} s`.padStart(8)} ${String(r.during.n).padStart(6)} ${ms(r.during.p50)} ${ms(r.during.p99)} ${ms(r.during.max)}   ${r.load}`);
  }
  const worst = (mode) => Math.max(...runs.filter((r) => r.mode === mode && r.database === 'pglite').map((r) => r.during.max));
  console.log(`\nPGlite, worst /health wait during the import: before ${worst('before').toFixed(0)} ms, after ${worst('after').toFixed(0)} ms (same run)`);
  mkdirSync(join(root, 'bench-output'), { recursive: true });
  writeFileSync(join(root, 'bench-output', 'import-stall-bench.json'), JSON.stringify({ at: new Date().toISOString(), runs }, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
