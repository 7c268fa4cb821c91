#!/usr/bin/env node
// `npm run bench:analytics`: every session analysis of a race (2018 Azerbaijan GP, 51 laps, 20
// drivers, loaded into a temporary embedded database by the real load job), timed in-process
// through the API (app.inject: routing, validation, the analysis, serialisation, the response cache):
//   cold      the first request of each endpoint after the app starts (reads the laps from the store)
//   computed  distinct parameters each time (the analysis runs, the laps are in memory)
//   cached    the same URL again (answered from the response cache)
// Beside them, in the same run: the engine's analyses alone (no HTTP), and the session's cached
// `laps` endpoint as a reference for what a cached answer costs. Aim: all six analyses together
// under 50 ms of server time once the session is loaded.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const dist = (p) => pathToFileURL(join(root, 'apps', 'server', 'dist', p)).href;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const BASE = '/api/v1/sessions/2018/4/R';
const ENDPOINTS = ['clean-laps', 'pace', 'degradation', 'overtakes', 'racecraft?drivers=HAM,VET,RAI', 'heatmap'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n) => `${n.toFixed(1)} ms`;

/**
 * BENCH_PROFILE=file.cpuprofile: a CPU profile of the computed rounds only (open it in Chrome
 * DevTools or speedscope), so the load and the cold start do not drown what the analyses cost.
 */
async function startProfile() {
  const file = process.env.BENCH_PROFILE;
  if (!file) return { stop: async () => undefined };
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`CPU profile of the computed rounds: ${file}`);
    },
  };
}

const home = mkdtempSync(join(tmpdir(), 'apex-bench-analytics-'));
const { loadConfig } = await import(dist('config.js'));
const { openDatabase, migrate } = await import(dist('db/client.js'));
const { jobDepsFromConfig, runToCompletion, sessionLoadJob } = await import(dist('jobs/index.js'));
const { buildApp } = await import(dist('http/app.js'));
const engine = await import('@apexdata/livetiming');

const config = loadConfig({ ...process.env, APEX_HOME: home, LOG_LEVEL: 'silent', DATABASE_URL: '', REDIS_URL: '' });
const database = await openDatabase(config);
try {
  await migrate(database);
  const deps = jobDepsFromConfig(config, database.db);
  const loadStart = performance.now();
  await runToCompletion(sessionLoadJob, { year: 2018, round: 4, session: 'R' }, deps);
  console.log(`2018 Azerbaijan GP race loaded into PGlite in ${fmt(performance.now() - loadStart)}`);
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  // As a browser asks (the answer comes brotli-compressed; a miss compresses the cached variants).
  const timed = async (url) => {
    const t = performance.now();
    const r = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const ms = performance.now() - t;
    if (r.statusCode !== 200) throw new Error(`${url} → ${r.statusCode} ${r.body.slice(0, 200)}`);
    return ms;
  };
  const sep = (p) => (p.includes('?') ? '&' : '?');
  // cold: first request of each; computed: each round a new parameter value shared by the six
  // endpoints (as the web's Analysis tab asks them), so the first pays the clean-lap pass and the
  // fuel fit and the others reuse them; cached: the same URLs again.
  const urls = ENDPOINTS.map((e) => `${BASE}/analytics/${e}`);
  const cold = [];
  for (const url of urls) cold.push(await timed(url));
  const computed = urls.map(() => []);
  const cached = urls.map(() => []);
  const computedTotals = [];
  // CPU time of the process for the six computed requests of a round: on a shared, loaded machine
  // wall time mostly measures waiting for a core, CPU time what the work costs.
  const computedCpu = [];
  const profiler = await startProfile();
  for (let i = 0; i < ROUNDS; i++) {
    const v = (1.07 + (i + 1) * 1e-4).toFixed(4);
    let total = 0;
    const cpu = process.cpuUsage();
    for (const [k, url] of urls.entries()) {
      const t = await timed(`${url}${sep(url)}slowThreshold=${v}`);
      computed[k].push(t);
      total += t;
    }
    // Anything the cache finishes after answering (its write) counts in this round's CPU.
    for (let k = 0; k < 3; k++) await new Promise((r) => setImmediate(r));
    const used = process.cpuUsage(cpu);
    computedCpu.push((used.user + used.system) / 1000);
    computedTotals.push(total);
    for (const [k, url] of urls.entries()) cached[k].push(await timed(url));
  }
  await profiler.stop();
  const rows = ENDPOINTS.map((e, k) => ({ e, cold: cold[k], computed: median(computed[k]), cached: median(cached[k]) }));
  await timed(`${BASE}/laps`);
  const lapsCached = median(await Promise.all(Array.from({ length: ROUNDS }, () => 0)).then(async () => {
    const xs = [];
    for (let i = 0; i < ROUNDS; i++) xs.push(await timed(`${BASE}/laps`));
    return xs;
  }));

  // The engine alone on the same stored laps: what the analyses cost without HTTP.
  const reader = (await import(dist('sessions/queries/reader.js'))).SessionReader;
  const r = new reader(database.db);
  const row = await r.row({ year: 2018, round: 4, session: 'R' });
  const laps = (await r.lapsOf(r.servable(row))).laps;
  const results = await r.store.results(row.id);
  const engineTimes = [];
  const engineCpu = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const p = engine.prepareLaps({ laps, kind: 'race', isSprint: false, totalLaps: row.totalLaps });
    engine.racePace(p);
    engine.degradation(p);
    engine.lapHeatmap(p);
    const grid = new Map(results.map((x) => [x.abbreviation ?? x.driverNumber, x.gridPosition]));
    const ov = engine.analyseOvertakes({ grid, points: engine.lapPositions(laps) });
    engine.racecraft({ prepared: p, overtakes: ov, drivers: ['HAM', 'VET', 'RAI'] });
    engineTimes.push(performance.now() - t);
    const used = process.cpuUsage(c);
    engineCpu.push((used.user + used.system) / 1000);
  }

  const w = Math.max(...rows.map((x) => x.e.length));
  console.log(`\nendpoint${' '.repeat(w - 8)}   cold        computed    cached   (median of ${ROUNDS}; in-process app.inject)`);
  for (const x of rows) console.log(`${x.e.padEnd(w)}   ${fmt(x.cold).padStart(9)}   ${fmt(x.computed).padStart(9)}   ${fmt(x.cached).padStart(8)}`);
  const sum = (k) => rows.reduce((n, x) => n + x[k], 0);
  const all = median(computedTotals);
  console.log(`${'all six'.padEnd(w)}   ${fmt(sum('cold')).padStart(9)}   ${fmt(all).padStart(9)}   ${fmt(sum('cached')).padStart(8)}   aim < 50 ms (computed) — ${all < 50 ? 'met' : 'NOT met'}`);
  const cpuAll = median(computedCpu);
  console.log(`${'all six, CPU'.padEnd(w)}   ${''.padStart(9)}   ${fmt(cpuAll).padStart(9)}   ${''.padStart(8)}   process CPU time of the six computed requests — ${cpuAll < 50 ? 'under' : 'over'} 50 ms`);
  console.log(`machine load average during the run: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (${os.cpus().length} cores)`);
  console.log(`\nsame run: the engine's analyses alone (no HTTP) ${fmt(median(engineTimes))} wall, ${fmt(median(engineCpu))} CPU; cached laps endpoint of the same session ${fmt(lapsCached)}`);
  await app.close();
} finally {
  await database.close();
  rmSync(home, { recursive: true, force: true });
}
