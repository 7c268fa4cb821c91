// API latency and throughput of the session endpoints (the API section of `npm run bench:sessions`;
// also runs alone: `node apps/server/bench/sessions-api.mjs`, which loads the Mexico City 2025
// qualifying into a temporary APEX_HOME first).
//
// The built server (`apex serve`, loopback) answers laps (the whole session), one lap's telemetry
// (every channel) and a 5-lap comparison, with brotli as browsers ask for it:
//   cold      the first request after the server starts (reads the session, decodes its telemetry)
//   cached    the same URL again and again (answered from the response cache), against a static
//             node:http server sending the very same bytes
//   uncached  distinct URLs, each requested once (the response cache never hits; the session's
//             decoded data stays in memory, as it does on a running server)
// Bounded: BENCH_ROUNDS alternating runs of BENCH_SECONDS (default 3 × 3 s) for cached, at most
// BENCH_UNCACHED requests (default 300; compare 120) for uncached.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort, waitFor } from './net.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const UNCACHED = Number(process.env.BENCH_UNCACHED ?? 300);

const SESSION = '/api/v1/sessions/2025/20/Q';
const BR = { 'accept-encoding': 'br' };

/** The endpoints measured, each with distinct URLs of the same kind for the uncached runs. */
function endpoints(lapList, tlas) {
  const triples = [];
  for (const a of tlas) for (const b of tlas) for (const c of tlas) if (a !== b && b !== c && a !== c) triples.push([a, b, c]);
  // Spread over the field rather than 120 variations of the first two drivers.
  triples.sort((x, y) => (x[2] + x[1]).localeCompare(y[2] + y[1]));
  return [
    {
      name: 'laps (whole session, 307 laps)',
      path: `${SESSION}/laps`,
      // toLap beyond the last lap: the same full table under a new cache key each time.
      distinct: Array.from({ length: 900 }, (_, i) => `${SESSION}/laps?toLap=${i + 60}`),
      limit: UNCACHED,
    },
    {
      name: 'lap telemetry (all channels)',
      path: `${SESSION}/laps/NOR/fastest/telemetry`,
      distinct: lapList.flatMap((l) => ['distance', 'time'].map((x) => `${SESSION}/laps/${l.driverNumber}/${l.lapNumber}/telemetry?x=${x}`)),
      limit: UNCACHED,
    },
    {
      name: 'compare (5 fastest laps)*',
      path: `${SESSION}/compare?drivers=NOR,LEC,HAM,VER,PIA`,
      // Three laps each (fastest laps of distinct drivers), so every request computes a comparison.
      distinct: triples.map((t) => `${SESSION}/compare?drivers=${t.join(',')}`),
      limit: Math.min(UNCACHED, 120),
    },
  ];
}

function child(args, env, label, stdio = ['ignore', 'pipe', 'pipe']) {
  const p = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio });
  let err = '';
  p.stderr?.on('data', (d) => (err = (err + d).slice(-4000)));
  p.on('exit', (code) => {
    if (code && !p.killedByUs) process.stderr.write(`${label} exited with ${code}\n${err}\n`);
  });
  return p;
}

function stop(p) {
  if (!p || p.exitCode !== null) return Promise.resolve();
  p.killedByUs = true;
  return new Promise((ok) => {
    p.once('exit', ok);
    p.kill('SIGTERM');
  });
}

/** GET with node:http: the bytes exactly as sent (no decompression) and the headers. */
function raw(url, headers) {
  return new Promise((ok, fail) => {
    const t = performance.now();
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - t }));
    }).on('error', fail).end();
  });
}

async function autocannon(opts) {
  const { default: run } = await import('autocannon');
  return new Promise((ok, fail) => run({ connections: CONNECTIONS, headers: BR, ...opts }, (err, r) => (err ? fail(err) : ok(r))));
}

/** CPU seconds (user + system) a child process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(proc) {
  try {
    const fields = readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** A load run with the server process's CPU time per request (µs): less sensitive than req/s to other load on the machine. */
async function measured(proc, opts) {
  const before = cpuSeconds(proc);
  const r = await autocannon(opts);
  r.cpuMicros = ((cpuSeconds(proc) - before) / Math.max(1, r.requests.total)) * 1e6;
  return r;
}

const cpuOf = (runs) => runs.reduce((a, r) => a + r.cpuMicros * r.requests.total, 0) / Math.max(1, runs.reduce((a, r) => a + r.requests.total, 0));
const median = (runs) => [...runs].sort((a, b) => a.requests.average - b.requests.average)[Math.floor(runs.length / 2)];
const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : '–');

/**
 * Measures the session API of a server started on `apexHome` (+ DATABASE_URL / REDIS_URL in `env`),
 * where the Mexico City 2025 qualifying (2025 round 20 Q) is already loaded. Prints a table and
 * returns the rows.
 */
export async function benchSessionApi({ apexHome, env = {}, log = (s) => console.log(s) }) {
  const port = await freePort();
  const serverEnv = { APEX_HOME: apexHome, LOG_LEVEL: 'warn', APEX_AUTOLOAD: 'false', ...env };
  const server = child(['apps/server/bin/apex.js', 'serve', '--port', String(port), '--host', '127.0.0.1'], serverEnv, 'apex serve');
  const base = `http://127.0.0.1:${port}`;
  let twin;
  const scratch = mkdtempSync(join(tmpdir(), 'apex-sessions-api-'));
  try {
    await waitFor(`${base}/ready`);
    const status = (await (await fetch(base + SESSION)).json()).status;
    if (status?.state !== 'loaded') throw new Error(`2025 round 20 Q is not loaded in ${apexHome} (state ${status?.state})`);
    const eps = endpoints([], []);

    // Cold first requests (laps read from the database; telemetry includes decoding the session's
    // telemetry once), then the bytes the static twin will send.
    const captured = [];
    for (const e of eps) {
      const r = await raw(base + e.path, BR);
      if (r.status !== 200) throw new Error(`${e.path}: HTTP ${r.status} ${r.body.toString().slice(0, 200)}`);
      e.coldMs = r.ms;
      e.bytes = r.body.length;
      e.encoding = r.headers['content-encoding'] ?? 'identity';
      const headers = {};
      for (const h of ['content-type', 'etag', 'cache-control', 'vary', 'content-encoding']) if (r.headers[h]) headers[h] = r.headers[h];
      captured.push({ path: e.path, headers, body: r.body.toString('base64') });
    }
    // The uncached runs' URLs: every timed lap, every driver.
    const list = (await (await fetch(`${base}${SESSION}/laps`)).json()).items.filter((l) => l.lapStartTime !== null && l.time !== null);
    const tlas = (await (await fetch(`${base}${SESSION}/drivers`)).json()).items.map((d) => d.abbreviation).filter(Boolean);
    endpoints(list, tlas).forEach((e, i) => (eps[i].distinct = e.distinct));
    const file = join(scratch, 'responses.json');
    writeFileSync(file, JSON.stringify(captured));
    const twinPort = await freePort();
    twin = child([fileURLToPath(import.meta.url), '--static', String(twinPort), file], {}, 'static twin');
    await new Promise((ok) => twin.stdout.once('data', ok));
    const twinBase = `http://127.0.0.1:${twinPort}`;

    const rows = [];
    for (const e of eps) {
      await autocannon({ url: base + e.path, duration: 1 });
      await autocannon({ url: twinBase + e.path, duration: 1 });
      const ours = [];
      const stat = [];
      for (let i = 0; i < ROUNDS; i++) {
        ours.push(await measured(server, { url: base + e.path, duration: SECONDS }));
        stat.push(await measured(twin, { url: twinBase + e.path, duration: SECONDS }));
      }
      // Uncached: each distinct URL once, shared across the connections.
      const urls = e.distinct.slice(0, e.limit);
      let next = 0;
      const uncached = await measured(server, {
        url: base,
        amount: urls.length,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: urls[next++ % urls.length] }) }],
      });
      const o = median(ours);
      const s = median(stat);
      const failures = [...ours, ...stat, uncached].reduce((n, r) => n + r.non2xx + r.errors, 0);
      rows.push({
        endpoint: e.name, path: e.path, bytes: e.bytes, encoding: e.encoding, coldMs: Number(e.coldMs.toFixed(1)),
        cached: { rps: o.requests.average, p50: o.latency.p50, p99: o.latency.p99, cpuMicros: cpuOf(ours) },
        static: { rps: s.requests.average, p50: s.latency.p50, p99: s.latency.p99, cpuMicros: cpuOf(stat) },
        uncached: { requests: uncached.requests.total, rps: uncached.requests.total / (uncached.duration || 1), p50: uncached.latency.p50, p99: uncached.latency.p99, cpuMicros: uncached.cpuMicros },
        ratio: s.requests.average / o.requests.average,
        uncachedRatio: s.requests.average / (uncached.requests.total / (uncached.duration || 1)),
        cpuRatio: cpuOf(ours) / cpuOf(stat),
        failures,
      });
    }

    log(`\nSession API (2025 Mexico City Q, brotli), ${CONNECTIONS} connections, loopback; cached = median of ${ROUNDS} alternating ${SECONDS}-s runs vs a static node:http server of the same bytes; uncached = distinct URLs, each once`);
    log('endpoint                          bytes  cold ms |  cached req/s  p50  p99  cpu µs | static req/s  p50  p99  cpu µs | req/s static÷cached  cpu cached÷static | uncached req/s   p50   p99  cpu µs (n) | req/s static÷uncached');
    for (const r of rows) {
      log(`${r.endpoint.padEnd(32)} ${fmt(r.bytes).padStart(6)} ${fmt(r.coldMs, 1).padStart(8)} | ${fmt(r.cached.rps).padStart(13)} ${String(r.cached.p50).padStart(4)} ${String(r.cached.p99).padStart(4)} ${fmt(r.cached.cpuMicros).padStart(7)} | ${fmt(r.static.rps).padStart(12)} ${String(r.static.p50).padStart(4)} ${String(r.static.p99).padStart(4)} ${fmt(r.static.cpuMicros).padStart(7)} | ${r.ratio.toFixed(2).padStart(18)}× ${r.cpuRatio.toFixed(2).padStart(17)}× | ${fmt(r.uncached.rps, 1).padStart(14)} ${String(r.uncached.p50).padStart(5)} ${String(r.uncached.p99).padStart(5)} ${fmt(r.uncached.cpuMicros).padStart(7)} (${r.uncached.requests}) | ${r.uncachedRatio.toFixed(1).padStart(20)}×${r.failures ? `  (${r.failures} non-2xx/errors!)` : ''}`);
    }
    log('latencies in ms; bytes as sent (brotli); cpu µs = server process CPU time per request (user+system). *uncached compare: 3 laps per request (distinct driver triples)');
    return rows;
  } finally {
    await stop(twin);
    await stop(server);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Standalone: build, load the Mexico City qualifying into a temporary APEX_HOME with the CLI, measure. */
async function main() {
  const { build } = await import(pathToFileURL(join(root, 'scripts', 'lib.mjs')).href);
  build();
  const apexHome = mkdtempSync(join(tmpdir(), 'apex-bench-sessions-api-'));
  const env = { DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '', REDIS_URL: process.env.BENCH_REDIS_URL ?? '' };
  try {
    console.log('▸ loading 2025 round 20 Q (Mexico City qualifying) with apex session load…');
    const load = child(['apps/server/bin/apex.js', 'session', 'load', '2025', '20', 'Q', '--json'], { APEX_HOME: apexHome, LOG_LEVEL: 'warn', ...env }, 'apex session load', ['ignore', 'ignore', 'inherit']);
    const code = await new Promise((ok) => load.on('exit', ok));
    if (code !== 0) throw new Error(`apex session load failed (exit ${code})`);
    await benchSessionApi({ apexHome, env });
  } finally {
    rmSync(apexHome, { recursive: true, force: true });
  }
}

// ── static twin: `node sessions-api.mjs --static <port> <responses.json>` ──────────────────────
if (process.argv[2] === '--static') {
  const table = new Map(JSON.parse(readFileSync(process.argv[4], 'utf8')).map((r) => [r.path, { ...r, body: Buffer.from(r.body, 'base64') }]));
  createServer((req, res) => {
    const hit = table.get(req.url);
    if (!hit) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, hit.headers);
    res.end(hit.body);
  }).listen(Number(process.argv[3]), '127.0.0.1', () => process.stdout.write('ready\n'));
} else if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
