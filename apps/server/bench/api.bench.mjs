#!/usr/bin/env node
// `npm run bench:api`: requests/s and p50/p99 latency of representative cached endpoints of the built
// server (loopback, Jolpica dump imported into a fresh embedded database), against a plain node:http
// server answering the very same bytes. Bounded: BENCH_ROUNDS alternating runs of BENCH_SECONDS per
// endpoint and server (default 3 × 3 s); the median run is reported, so load that comes and goes on
// the machine hits both servers alike.
//
//   BENCH_SECONDS=10 BENCH_ROUNDS=5 BENCH_CONNECTIONS=20 npm run bench:api
//   BENCH_DATABASE_URL=postgres://…/db    use PostgreSQL instead of PGlite (the database is wiped)
//   BENCH_REDIS_URL=redis://127.0.0.1:6379  put the response cache in Redis
//
// Results are printed and saved to bench-output/api-bench.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort, waitFor } from './net.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

const endpoints = [
  { name: 'race (results, laps, pit stops)', path: '/api/v1/races/2023/10' },
  { name: 'season with standings', path: '/api/v1/seasons/2023' },
  { name: 'driver career', path: '/api/v1/drivers/hamilton' },
  { name: 'standings after a round', path: '/api/v1/standings/1980?round=14' },
  { name: 'driver search', path: '/api/v1/drivers?q=ver&limit=20' },
  { name: 'ergast results', path: '/ergast/f1/2023/9/results.json' },
  { name: 'race, gzip', path: '/api/v1/races/2023/10', headers: { 'accept-encoding': 'gzip' } },
];

function child(args, env, label) {
  const p = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  p.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
  p.on('exit', (code) => {
    if (code && code !== 0 && !p.killedByUs) process.stderr.write(`${label} exited with ${code}\n${err}\n`);
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

async function load(url, headers, seconds = SECONDS) {
  const { default: autocannon } = await import('autocannon');
  return new Promise((ok, fail) => {
    autocannon({ url, headers, connections: CONNECTIONS, duration: seconds }, (err, result) => (err ? fail(err) : ok(result)));
  });
}

async function importData(apexHome) {
  const dist = (p) => pathToFileURL(join(root, 'apps', 'server', 'dist', p)).href;
  const { openDatabase, migrate } = await import(dist('db/client.js'));
  const { importJolpicaDump } = await import(dist('history/import/index.js'));
  const { sharedDir } = await import(dist('config.js'));
  const database = await openDatabase({ APEX_HOME: apexHome, DATABASE_URL: process.env.BENCH_DATABASE_URL });
  try {
    await migrate(database);
    const t = performance.now();
    await importJolpicaDump(database.db, join(sharedDir, 'jolpica-dump'));
    return (performance.now() - t) / 1000;
  } finally {
    await database.close();
  }
}

/** CPU seconds (user + system) a child process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(proc) {
  try {
    const fields = readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime in clock ticks (USER_HZ = 100)
  } catch {
    return Number.NaN;
  }
}

async function measured(proc, url, headers) {
  const before = cpuSeconds(proc);
  const result = await load(url, headers);
  result.serverCpuSeconds = cpuSeconds(proc) - before;
  return result;
}

/** Server CPU µs per request over all runs. */
function cpuPerRequest(runs) {
  const cpu = runs.reduce((a, r) => a + r.serverCpuSeconds, 0);
  const requests = runs.reduce((a, r) => a + r.requests.total, 0);
  return (cpu / requests) * 1e6;
}

/** The run with the median throughput (its latencies are reported with it). */
function median(runs) {
  return [...runs].sort((a, b) => a.requests.average - b.requests.average)[Math.floor(runs.length / 2)];
}

/** Resident memory of a process in MB, from /proc (Linux); NaN elsewhere. */
function rssMb(proc) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return Number.NaN;
  }
}

/**
 * Hostile traffic next to the cached baseline, in the same run on the same server (issue 13): unique
 * junk query parameters (each one a cache miss before the fix), and unique 12 KB URLs (memory and
 * log growth). Each mix runs with CONNECTIONS connections for BENCH_SECONDS × ROUNDS while one
 * connection measures /health; RSS is read after each mix. Paths alternate between a v1 and an
 * Ergast route.
 */
async function hostileMixes(server, base) {
  const { default: autocannon } = await import('autocannon');
  const paths = ['/api/v1/seasons/2023', '/ergast/f1/2023/results.json'];
  const long = 'q'.repeat(12 * 1024);
  let n = 0;
  const mixes = [
    { name: 'cached baseline', path: (i) => paths[i % 2] },
    { name: 'unique junk params', path: (i) => `${paths[i % 2]}?z${i}=${i}` },
    { name: 'unique 12 KB URLs', path: (i) => `${paths[i % 2]}?z=${i}${long}` },
  ];
  const results = [];
  for (const mix of mixes) {
    const run = (opts) => new Promise((ok, fail) => autocannon(opts, (err, r) => (err ? fail(err) : ok(r))));
    const duration = SECONDS * ROUNDS;
    const [traffic, health] = await Promise.all([
      run({ url: base, connections: CONNECTIONS, duration, requests: [{ setupRequest: (req) => ({ ...req, path: mix.path(n++) }) }] }),
      run({ url: `${base}/health`, connections: 1, duration }),
    ]);
    results.push({
      mix: mix.name, rps: traffic.requests.average, non2xx: traffic.non2xx, errors: traffic.errors,
      healthP50: health.latency.p50, healthP99: health.latency.p99, healthMax: health.latency.max, rssMb: rssMb(server),
    });
  }
  console.log(`\nhostile mixes next to the cached baseline (same server, ${CONNECTIONS} connections + 1 on /health, ${SECONDS * ROUNDS} s each, in this order)`);
  console.log('mix                     req/s   non-2xx | /health p50  p99   max ms | server RSS MB');
  for (const r of results) {
    console.log(`${r.mix.padEnd(22)} ${fmt(r.rps).padStart(7)} ${fmt(r.non2xx).padStart(9)} | ${String(r.healthP50).padStart(11)} ${String(r.healthP99).padStart(4)} ${String(r.healthMax).padStart(8)} | ${fmt(r.rssMb).padStart(13)}`);
  }
  console.log('non-2xx: /api/v1 refuses unknown parameters (400) and 12 KB URLs are answered like any other; RSS after each mix');
  return results;
}

const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

async function main() {
  const { build } = await import(pathToFileURL(join(root, 'scripts', 'lib.mjs')).href);
  build();

  const apexHome = mkdtempSync(join(tmpdir(), 'apex-bench-'));
  let server;
  let twin;
  try {
    process.stdout.write('▸ importing the Jolpica dump into a fresh database… ');
    const importSeconds = await importData(apexHome);
    process.stdout.write(`${importSeconds.toFixed(1)} s\n`);

    const port = await freePort();
    const env = { APEX_HOME: apexHome, LOG_LEVEL: 'warn', DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '', REDIS_URL: process.env.BENCH_REDIS_URL ?? '' };
    server = child(['apps/server/bin/apex.js', 'serve', '--port', String(port), '--host', '127.0.0.1'], env, 'apex serve');
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/ready`);

    // First request of each endpoint: uncached (database), then the bytes the twin will serve.
    const captured = [];
    for (const e of endpoints) {
      const t = performance.now();
      const r = await fetch(base + e.path, { headers: e.headers ?? { 'accept-encoding': 'identity' }, decompress: false });
      const body = Buffer.from(await r.arrayBuffer());
      e.firstMs = performance.now() - t;
      if (r.status !== 200) throw new Error(`${e.path}: HTTP ${r.status}`);
      const headers = {};
      for (const h of ['content-type', 'etag', 'cache-control', 'vary', 'content-encoding']) if (r.headers.get(h)) headers[h] = r.headers.get(h);
      e.encoding = r.headers.get('content-encoding') ?? '';
      // fetch() decodes gzip; ask once more with node:http semantics to keep the compressed bytes
      const raw = e.encoding ? await rawBody(base + e.path, e.headers) : body;
      e.bytes = raw.length;
      captured.push({ path: e.path, encoding: e.encoding, headers, body: raw.toString('base64') });
    }
    const responsesFile = join(apexHome, 'responses.json');
    writeFileSync(responsesFile, JSON.stringify(captured));
    const twinPort = await freePort();
    twin = child([fileURLToPath(import.meta.url), '--static', String(twinPort), responsesFile], {}, 'static twin');
    await new Promise((ok) => twin.stdout.once('data', ok));
    const twinBase = `http://127.0.0.1:${twinPort}`;

    const rows = [];
    for (const e of endpoints) {
      await load(base + e.path, e.headers, 1); // warm-up: JIT, connection pools, caches
      await load(twinBase + e.path, e.headers, 1);
      const oursRuns = [];
      const statRuns = [];
      for (let i = 0; i < ROUNDS; i++) {
        oursRuns.push(await measured(server, base + e.path, e.headers));
        statRuns.push(await measured(twin, twinBase + e.path, e.headers));
      }
      const ours = median(oursRuns);
      const stat = median(statRuns);
      const bad = [...oursRuns, ...statRuns].reduce((n, r) => n + r.non2xx + r.errors, 0);
      rows.push({
        endpoint: e.name,
        path: e.path,
        bytes: e.bytes,
        encoding: e.encoding || 'identity',
        firstRequestMs: Number(e.firstMs.toFixed(1)),
        ours: { rps: ours.requests.average, p50: ours.latency.p50, p99: ours.latency.p99, cpuMicrosPerRequest: cpuPerRequest(oursRuns) },
        static: { rps: stat.requests.average, p50: stat.latency.p50, p99: stat.latency.p99, cpuMicrosPerRequest: cpuPerRequest(statRuns) },
        ratio: stat.requests.average / ours.requests.average,
        cpuRatio: cpuPerRequest(oursRuns) / cpuPerRequest(statRuns),
        failures: bad,
      });
      const r = rows.at(-1);
      process.stdout.write(`  ${e.name.padEnd(32)} ours ${fmt(r.ours.rps).padStart(7)} req/s  static ${fmt(r.static.rps).padStart(7)} req/s  ratio ${r.ratio.toFixed(2)}\n`);
    }

    console.log(`\nApexData API vs static node:http, ${CONNECTIONS} connections, median of ${ROUNDS} alternating ${SECONDS}-s runs, loopback, ${process.env.BENCH_REDIS_URL ? 'Redis' : 'in-process'} cache, ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`);
    console.log('endpoint                          bytes  first ms |   ours req/s  p50  p99  cpu µs | static req/s  p50  p99  cpu µs | req/s static÷ours | cpu ours÷static');
    for (const r of rows) {
      console.log(
        `${`${r.endpoint}`.padEnd(32)} ${fmt(r.bytes).padStart(7)} ${fmt(r.firstRequestMs, 1).padStart(8)} | ${fmt(r.ours.rps).padStart(12)} ${String(r.ours.p50).padStart(4)} ${String(r.ours.p99).padStart(4)} ${fmt(r.ours.cpuMicrosPerRequest).padStart(7)} | ${fmt(r.static.rps).padStart(12)} ${String(r.static.p50).padStart(4)} ${String(r.static.p99).padStart(4)} ${fmt(r.static.cpuMicrosPerRequest).padStart(7)} | ${r.ratio.toFixed(2).padStart(16)}× | ${r.cpuRatio.toFixed(2).padStart(14)}×${r.failures ? `  (${r.failures} non-2xx/errors!)` : ''}`,
      );
    }
    const worst = Math.max(...rows.map((r) => r.ratio));
    const worstCpu = Math.max(...rows.map((r) => r.cpuRatio));
    console.log(`\nworst throughput ratio ${worst.toFixed(2)}×, worst server CPU per request ratio ${worstCpu.toFixed(2)}× (aim: cached endpoints within 2× of static serving)`);
    console.log('latencies in ms; cpu µs = server process CPU time per request (user+system), less sensitive than req/s to other load on the machine');
    const hostile = await hostileMixes(server, base);
    const out = join(root, 'bench-output');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'api-bench.json'), JSON.stringify({ date: new Date().toISOString(), seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS, importSeconds, rows, hostile }, null, 2));
    console.log(`saved ${join(out, 'api-bench.json')}`);
  } finally {
    await stop(twin);
    await stop(server);
    rmSync(apexHome, { recursive: true, force: true });
  }
}

async function rawBody(url, headers) {
  const { request } = await import('node:http');
  return new Promise((ok, fail) => {
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok(Buffer.concat(chunks)));
    })
      .on('error', fail)
      .end();
  });
}

// ── static twin: `node api.bench.mjs --static <port> <responses.json>` ─────────────────────────
if (process.argv[2] === '--static') {
  const responses = JSON.parse(readFileSync(process.argv[4], 'utf8'));
  const table = new Map(responses.map((r) => [`${r.path} ${r.encoding ?? ''}`, { ...r, body: Buffer.from(r.body, 'base64') }]));
  createServer((req, res) => {
    const enc = /gzip/.test(req.headers['accept-encoding'] ?? '') ? 'gzip' : '';
    const hit = table.get(`${req.url} ${enc}`) ?? table.get(`${req.url} `);
    if (!hit) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, hit.headers);
    res.end(hit.body);
  }).listen(Number(process.argv[3]), '127.0.0.1', () => process.stdout.write('ready\n'));
} else {
  await main();
}
