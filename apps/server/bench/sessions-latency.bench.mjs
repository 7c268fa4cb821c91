#!/usr/bin/env node
// `npm run bench:sessions-latency`: how the API answers while a session loads in its process.
//
// The built server listens on loopback over the embedded PGlite (or BENCH_DATABASE_URL); the Mexico
// City 2025 qualifying (telemetry: ~1–4 s of engine CPU) is reloaded through the in-process job
// queue on the same database, with the engine's parse either on the API's thread (`main`, how loads
// ran before) or in a worker thread (`thread`, the default now); the write is the same in both.
// Meanwhile a probe in a thread of its own requests GET /health and a cached session endpoint on a
// fixed schedule (open loop: a request's latency counts from when it was due, so a stalled server
// cannot hide by delaying the probe).
// Reported per mode: latency p50 / p99 / max over every request due while the load ran, the load's
// own time, and the ratio main ÷ thread.
//
//   BENCH_ROUNDS=3          loads per mode (alternating main, thread, …)
//   BENCH_INTERVAL_MS=10    probe spacing per endpoint
//   BENCH_DATABASE_URL=…    PostgreSQL instead of PGlite
//
// Results are printed and saved to bench-output/sessions-latency-bench.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const dist = (p) => pathToFileURL(join(root, 'apps', 'server', 'dist', p)).href;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 10);
const KEY = { year: 2025, round: 20, session: 'Q' };
const PATHS = { health: '/health', laps: '/api/v1/sessions/2025/20/Q/laps?driver=NOR' };

// The probe: its own thread, so its schedule keeps running while the server's thread is busy.
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true });
const { base, paths, intervalMs } = workerData;
let samples = [];
let inFlight = 0;
let timer = null;
const get = (name, due) => {
  inFlight++;
  const req = http.get(base + paths[name], { agent }, (res) => {
    res.resume();
    res.on('end', () => { samples.push({ name, ms: performance.now() - due, status: res.statusCode }); inFlight--; });
  });
  req.on('error', (err) => { samples.push({ name, ms: performance.now() - due, status: 0, error: err.message }); inFlight--; });
};
parentPort.on('message', async (m) => {
  if (m === 'start') {
    samples = [];
    const t0 = performance.now();
    let n = 0;
    const tick = () => {
      const due = t0 + n * intervalMs;
      for (const name of Object.keys(paths)) get(name, due);
      n++;
      timer = setTimeout(tick, Math.max(0, t0 + n * intervalMs - performance.now()));
    };
    tick();
  } else if (m === 'stop') {
    clearTimeout(timer);
    while (inFlight > 0) await new Promise((r) => setTimeout(r, 5));
    parentPort.postMessage(samples);
  } else if (m === 'exit') {
    agent.destroy();
    parentPort.close();
  }
});
`;

function startProbe(base) {
  const worker = new Worker(PROBE, { eval: true, workerData: { base, paths: PATHS, intervalMs: INTERVAL_MS } });
  const next = () => new Promise((ok) => worker.once('message', ok));
  return {
    start: () => worker.postMessage('start'),
    stop: async () => {
      const answer = next();
      worker.postMessage('stop');
      return answer;
    },
    close: () => worker.postMessage('exit'),
  };
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
function stats(samples) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return { n: ms.length, p50: pct(ms, 50), p99: pct(ms, 99), max: ms.at(-1), errors: samples.filter((s) => s.status !== 200).length };
}
const f = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1)).padStart(6);

async function main() {
  const { build } = await import(pathToFileURL(join(root, 'scripts', 'lib.mjs')).href);
  build();
  const { loadConfig } = await import(dist('config.js'));
  const { openDatabase, migrate } = await import(dist('db/client.js'));
  const { startServer } = await import(dist('server.js'));
  const { InProcessQueue, jobDefinitions, SESSION_LOAD } = await import(dist('jobs/index.js'));

  const apexHome = mkdtempSync(join(tmpdir(), 'apex-bench-latency-'));
  const config = loadConfig({
    ...process.env, APEX_HOME: apexHome, LOG_LEVEL: 'warn', APEX_RATE_LIMIT: '0', APEX_OFFLINE: 'true',
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '', REDIS_URL: '',
  });
  const database = await openDatabase(config);
  let server;
  let probe;
  try {
    await migrate(database);
    server = await startServer({ config, database, port: 0, host: '127.0.0.1' });
    const deps = server.app.jobDeps;
    const load = async (parseIn) => {
      const queue = new InProcessQueue(jobDefinitions, { ...deps, parseIn });
      try {
        const { job } = await queue.enqueue(SESSION_LOAD, KEY);
        await queue.idle();
        const done = await queue.get(job.id);
        if (done.state !== 'done') throw new Error(`load failed: ${done.error}`);
        return done.result;
      } finally {
        await queue.close();
      }
    };

    console.log(`\n▸ Mexico City 2025 Q reloaded ${ROUNDS}× per mode into ${database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} while GET ${Object.values(PATHS).join(' and ')} are requested every ${INTERVAL_MS} ms each`);
    await load('thread'); // stored once, so the laps endpoint has data to answer from
    probe = startProbe(server.url);
    for (const path of Object.values(PATHS)) await fetch(server.url + path).then((r) => r.arrayBuffer());

    const runs = [];
    const measure = async (mode) => {
      probe.start();
      const started = performance.now();
      const result = mode === 'idle' ? await new Promise((r) => setTimeout(() => r(null), 2000)) : await load(mode);
      const wallMs = performance.now() - started;
      const samples = await probe.stop();
      runs.push({ mode, wallMs, timings: result?.timings ?? null, samples });
    };
    await measure('idle');
    for (let i = 0; i < ROUNDS; i++) for (const mode of ['main', 'thread']) await measure(mode);

    const summary = {};
    for (const mode of ['idle', 'main', 'thread']) {
      const mine = runs.filter((r) => r.mode === mode);
      const all = mine.flatMap((r) => r.samples);
      summary[mode] = {
        loadMs: mode === 'idle' ? null : mine.map((r) => Math.round(r.wallMs)),
        ...Object.fromEntries(Object.keys(PATHS).map((name) => [name, stats(all.filter((s) => s.name === name))])),
      };
    }
    const lines = [`  ${'mode'.padEnd(7)}  ${'load (ms)'.padEnd(18)}  ${Object.keys(PATHS).map((n) => `${n}: p50    p99    max (ms)`.padStart(30)).join('  ')}`];
    for (const [mode, s] of Object.entries(summary)) {
      lines.push(`  ${mode.padEnd(7)}  ${(s.loadMs ? s.loadMs.join(', ') : '–').padEnd(18)}  ${Object.keys(PATHS).map((n) => `${f(s[n].p50)} ${f(s[n].p99)} ${f(s[n].max)}${s[n].errors ? ` (${s[n].errors} errors)` : ''}`.padStart(30)).join('  ')}`);
    }
    console.log(lines.join('\n'));
    const ratios = Object.fromEntries(Object.keys(PATHS).map((n) => [n, {
      p50: summary.main[n].p50 / summary.thread[n].p50, p99: summary.main[n].p99 / summary.thread[n].p99, max: summary.main[n].max / summary.thread[n].max,
    }]));
    for (const [n, r] of Object.entries(ratios)) console.log(`  ${n}: parse on the API thread ÷ in a worker thread = p50 ${r.p50.toFixed(1)}×, p99 ${r.p99.toFixed(1)}×, max ${r.max.toFixed(1)}×`);

    mkdirSync(join(root, 'bench-output'), { recursive: true });
    writeFileSync(join(root, 'bench-output', 'sessions-latency-bench.json'), `${JSON.stringify({
      at: new Date().toISOString(), database: database.kind, intervalMs: INTERVAL_MS, rounds: ROUNDS, paths: PATHS, summary, ratios,
      runs: runs.map(({ samples: _s, ...r }) => r),
    }, null, 2)}\n`);
    console.log('\nsaved bench-output/sessions-latency-bench.json');
  } finally {
    probe?.close();
    // Closing the server closes the database too.
    if (server) await server.close();
    else await database.close();
    rmSync(apexHome, { recursive: true, force: true });
  }
}

await main();
