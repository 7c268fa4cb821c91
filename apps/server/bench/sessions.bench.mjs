#!/usr/bin/env node
// `npm run bench:sessions`: session data in the platform.
//
//  1. Loads — every recorded session that has TimingData (../shared/f1data) plus the Mexico City 2025
//     qualifying with telemetry, each loaded with the session-load processor into a fresh database:
//     time per stage (engine, telemetry encoding, the one-transaction write) and bytes stored
//     (relational rows, telemetry blobs) against the archive streams read.
//  2. Reads — what the API builds on: the Mexico City qualifying's laps and telemetry read back
//     from the store (cold), and merged lap telemetry built by the engine from the stored data
//     (one lap; every driver's fastest lap).
//  3. API — latency and throughput of the session endpoints (sessions-api.mjs, when present).
//
//   BENCH_DATABASE_URL=postgres://…/db   PostgreSQL instead of the embedded PGlite (tables are replaced)
//   BENCH_REDIS_URL=redis://…            for the API part
//   BENCH_LOADS=mexico                   only the Mexico City qualifying in part 1
//   BENCH_SKIP_API=1                     parts 1 and 2 only
//
// Results are printed and saved to bench-output/sessions-bench.json.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const dist = (p) => pathToFileURL(join(root, 'apps', 'server', 'dist', p)).href;
const MEXICO_Q = '2025/2025-10-26_Mexico_City_Grand_Prix/2025-10-25_Qualifying/';

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
const ms = (n) => `${Math.round(n)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Session folders of a recorded archive that have a TimingData stream. */
function sessionsWithTimingData(archive) {
  const dirs = (p) => readdirSync(p, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const out = [];
  for (const y of dirs(join(archive, 'static')).filter((d) => /^\d{4}$/.test(d))) {
    for (const ev of dirs(join(archive, 'static', y))) {
      for (const s of dirs(join(archive, 'static', y, ev))) {
        if (existsSync(join(archive, 'static', y, ev, s, 'TimingData.jsonStream'))) out.push(`${y}/${ev}/${s}/`);
      }
    }
  }
  return out;
}

function table(rows, columns) {
  const widths = columns.map((c) => Math.max(c.title.length, ...rows.map((r) => String(c.value(r)).length)));
  const line = (cells) => cells.map((c, i) => (columns[i].left ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(columns.map((c) => c.title)), ...rows.map((r) => line(columns.map((c) => c.value(r))))].join('\n');
}

/**
 * Part 1 and 2 against the database of `env` (APEX_HOME/DATABASE_URL). Leaves the sessions loaded
 * (the API part serves them) and closes the database before returning.
 */
export async function benchSessionLoads({ env, log = (s) => console.log(s), only = null }) {
  const { loadConfig } = await import(dist('config.js'));
  const { openDatabase, migrate } = await import(dist('db/client.js'));
  const { jobDepsFromConfig, runToCompletion, sessionLoadJob } = await import(dist('jobs/index.js'));
  const { seasonCatalogue } = await import(dist('sessions/catalog.js'));
  const { sessionStore } = await import(dist('sessions/store.js'));

  const config = loadConfig({ ...process.env, ...env });
  const database = await openDatabase(config);
  const out = { database: database.kind, loads: [], reads: null };
  try {
    await migrate(database);
    const deps = jobDepsFromConfig(config, database.db);
    const archive = config.LIVETIMING_BASE_URL;
    let paths = sessionsWithTimingData(archive);
    if (only === 'mexico') paths = [MEXICO_Q];
    const catalogue = new Map();
    for (const year of new Set(paths.map((p) => Number(p.slice(0, 4))))) {
      for (const e of await seasonCatalogue(database.db, deps.sources, year)) catalogue.set(e.archive.path, e);
    }

    log(`\n▸ loads into ${database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} (${paths.length} sessions with TimingData; telemetry where recorded)`);
    for (const path of paths) {
      const entry = catalogue.get(path);
      if (!entry) {
        log(`  ! ${path} is not in the catalogue, skipped`);
        continue;
      }
      const s = await runToCompletion(sessionLoadJob, entry.key, deps);
      out.loads.push({
        path, key: `${entry.key.year}/${entry.key.round}/${entry.key.session}`, laps: s.rows.laps, samples: s.telemetrySamples,
        rowBytes: s.rowBytes, telemetryBytes: s.telemetryBytes, sourceBytes: s.sourceBytes, ...s.timings,
      });
    }
    log(table(out.loads, [
      { title: 'session', value: (r) => r.path.split('/').slice(1).join(' ').replace(/_/g, ' ').replace(/\s+$/, ''), left: true },
      { title: 'key', value: (r) => r.key, left: true },
      { title: 'laps', value: (r) => r.laps },
      { title: 'rows', value: (r) => kib(r.rowBytes) },
      { title: 'telemetry', value: (r) => (r.telemetryBytes ? `${kib(r.telemetryBytes)} (${(r.samples / 1e3).toFixed(0)}k samples)` : '–') },
      { title: 'streams read', value: (r) => kib(r.sourceBytes) },
      { title: 'engine', value: (r) => ms(r.engineMs) },
      { title: 'encode', value: (r) => ms(r.encodeMs) },
      { title: 'write', value: (r) => ms(r.storeMs) },
      { title: 'total', value: (r) => ms(r.totalMs) },
    ]));
    const sum = (f) => out.loads.reduce((n, r) => n + f(r), 0);
    log(`  all: ${kib(sum((r) => r.rowBytes + r.telemetryBytes))} stored for ${kib(sum((r) => r.sourceBytes))} of archive streams; ${ms(sum((r) => r.totalMs))} in total`);

    // ── Part 2: reading back what the API needs ───────────────────────────────────────────────
    const mexico = out.loads.find((r) => r.path === MEXICO_Q);
    if (mexico) {
      const store = sessionStore(database.db);
      const row = await store.get({ year: 2025, round: 20, session: 'Q' });
      const runs = { laps: [], telemetry: [], telemetryOneDriver: [], oneLap: [], fastestLaps: [] };
      let fastest = [];
      for (let i = 0; i < 5; i++) {
        let t = performance.now();
        const laps = await store.lapsCollection(row);
        runs.laps.push(performance.now() - t);
        t = performance.now();
        const tel = await store.telemetry(row);
        runs.telemetry.push(performance.now() - t);
        fastest = [...new Set(laps.laps.map((l) => l.driverNumber))].map((d) => laps.pickDrivers(d).pickFastest()).filter((l) => l && l.lapStartTime !== null && l.time !== null);
        t = performance.now();
        const single = await store.telemetry(row, { posDrivers: [fastest[0].driverNumber] });
        runs.telemetryOneDriver.push(performance.now() - t);
        t = performance.now();
        single.lapTelemetry(fastest[0]);
        runs.oneLap.push(performance.now() - t);
        t = performance.now();
        let samples = 0;
        for (const lap of fastest) samples += tel.lapTelemetry(lap).length;
        runs.fastestLaps.push(performance.now() - t);
        out.samplesPerLap = Math.round(samples / fastest.length);
      }
      out.reads = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]));
      log(`\n▸ reads (Mexico City 2025 Q, median of 5): laps ${ms(out.reads.laps)}; telemetry of the session decoded ${ms(out.reads.telemetry)} ` +
        `(every car, one driver's positions: ${ms(out.reads.telemetryOneDriver)}); merged lap telemetry by the engine on stored data: ` +
        `one lap ${ms(out.reads.oneLap)}, ${fastest.length} fastest laps ${ms(out.reads.fastestLaps)} (${out.samplesPerLap} samples per lap)`);
    }
  } finally {
    await database.close();
  }
  return out;
}

async function main() {
  const { build } = await import(pathToFileURL(join(root, 'scripts', 'lib.mjs')).href);
  build();
  const apexHome = mkdtempSync(join(tmpdir(), 'apex-bench-sessions-'));
  const env = { APEX_HOME: apexHome, LOG_LEVEL: 'warn', DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '', REDIS_URL: process.env.BENCH_REDIS_URL ?? '' };
  try {
    const loads = await benchSessionLoads({ env, only: process.env.BENCH_LOADS ?? null });
    const result = { at: new Date().toISOString(), ...loads };
    const apiModule = join(here, 'sessions-api.mjs');
    if (!process.env.BENCH_SKIP_API && existsSync(apiModule)) {
      const { benchSessionApi } = await import(pathToFileURL(apiModule).href);
      if (typeof benchSessionApi === 'function') result.api = await benchSessionApi({ apexHome, env });
    }
    mkdirSync(join(root, 'bench-output'), { recursive: true });
    writeFileSync(join(root, 'bench-output', 'sessions-bench.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log('\nsaved bench-output/sessions-bench.json');
  } finally {
    rmSync(apexHome, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
