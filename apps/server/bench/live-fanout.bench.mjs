// `npm run bench:live` (fan-out half): 500 SSE clients of /api/v1/live/stream on loopback while the
// 2018 Azerbaijan race replays at ×20, against a baseline measured in the same run: a bare node:http
// server writing the very same bytes (recorded from our stream) to 500 sockets on the same schedule.
// Reported for each: events/s delivered, delivery latency p50/p99 (receive time − the frame's publish
// time, same machine clock), server CPU (% of one core), the server process's RSS before the fan-out
// (idle: for ours, the API with its database and the replay loaded) and its peak during it, and the
// growth between the two — the fan-out's own memory. The API's idle RSS is mostly its database: the
// embedded PGlite (WebAssembly PostgreSQL) keeps the heap it grew while migrating, several hundred
// MiB, whatever live does; BENCH_DATABASE_URL=postgres://… runs the API on PostgreSQL instead.
//
//   BENCH_CLIENTS=500 BENCH_SECONDS=20 BENCH_SPEED=20   defaults
//   BENCH_DATABASE_URL=postgres://…                       API on PostgreSQL instead of a temp PGlite
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitFor } from './net.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SPEED = Number(process.env.BENCH_SPEED ?? 20);
const TOKEN = 'bench-live';

/** CPU seconds (user+system) and RSS (bytes) of a process, from /proc. */
function procStats(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
  return { cpu: ticks / 100, rss };
}

/** Samples a process every 250 ms between start() and stop(). */
function monitor(pid) {
  let first;
  let last;
  let peak = 0;
  let timer;
  return {
    start() {
      first = { ...procStats(pid), t: performance.now() };
      peak = first.rss;
      timer = setInterval(() => {
        last = { ...procStats(pid), t: performance.now() };
        peak = Math.max(peak, last.rss);
      }, 250);
    },
    stop() {
      clearInterval(timer);
      last = { ...procStats(pid), t: performance.now() };
      peak = Math.max(peak, last.rss);
      return { cpuPct: (100 * (last.cpu - first.cpu)) / ((last.t - first.t) / 1000), idleRss: first.rss, peakRss: peak };
    },
  };
}

/**
 * Opens n SSE clients; each counts events and the latency of each (now − `at` of the event, or
 * now − (t0 + at − at0) when the server says its schedule starts at t0).
 */
async function openClients(url, n, { record = false } = {}) {
  const state = { events: 0, latencies: [], recorded: [], started: false, shift: 0 };
  const sockets = [];
  const one = (i) =>
    new Promise((ok, fail) => {
      const req = request(url, { headers: { accept: 'text/event-stream' }, agent: false });
      req.on('response', (res) => {
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (chunk) => {
          const now = Date.now();
          if (record && i === 0 && state.started) state.recorded.push({ now, chunk });
          buf += chunk;
          let cut;
          while ((cut = buf.indexOf('\n\n')) >= 0) {
            const event = buf.slice(0, cut);
            buf = buf.slice(cut + 2);
            const m = /data: \{"seq":\d+,"at":(\d+)/.exec(event);
            if (!m || !state.started) continue;
            state.events++;
            state.latencies.push(now - (Number(m[1]) + state.shift));
          }
        });
        sockets.push(req);
        ok();
      });
      req.on('error', fail);
      req.end();
    });
  for (let i = 0; i < n; i += 50) await Promise.all(Array.from({ length: Math.min(50, n - i) }, (_, j) => one(i + j)));
  return { state, close: () => sockets.forEach((r) => r.destroy()) };
}

function summary(name, state, seconds, usage) {
  const l = state.latencies.sort((a, b) => a - b);
  const q = (p) => l[Math.min(l.length - 1, Math.floor(p * l.length))] ?? NaN;
  const mib = (b) => Math.round(b / 2 ** 20);
  return {
    name, eventsPerSecond: Math.round(state.events / seconds), p50Ms: q(0.5), p99Ms: q(0.99), maxMs: l.at(-1), cpuPct: Math.round(usage.cpuPct),
    idleRssMiB: mib(usage.idleRss), peakRssMiB: mib(usage.peakRss), growthMiB: mib(usage.peakRss - usage.idleRss),
  };
}

// The baseline server: writes the recorded chunks to every client on the recorded schedule. Its
// events carry the original `at`; /start answers the shift that moves them onto this run's clock.
const BASELINE = `
const { createServer } = require('node:http');
const chunks = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));
const clients = new Set();
let shift = 0;
const server = createServer((req, res) => {
  if (req.url === '/ping') return res.end('ok');
  if (req.url === '/start') {
    const t0 = Date.now() + 200;
    shift = t0 - chunks[0].now;
    for (const c of chunks) setTimeout(() => { for (const r of clients) r.write(c.chunk); }, c.now - chunks[0].now + 200);
    res.end(String(shift));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.write('retry: 2000\\n\\n');
  clients.add(res);
  res.on('close', () => clients.delete(res));
});
server.listen(Number(process.env.PORT), '127.0.0.1');
`;

async function main() {
  const apexHome = mkdtempSync(join(tmpdir(), 'apex-bench-live-'));
  const port = await freePort();
  const env = { ...process.env, APEX_HOME: apexHome, PORT: String(port), LOG_LEVEL: 'warn', APEX_ADMIN_TOKEN: TOKEN, APEX_RATE_LIMIT: '0', DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '', REDIS_URL: '' };
  const api = spawn(process.execPath, [join(root, 'apps/server/bin/apex.js'), 'serve'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/health`, 300_000);
    const atHealth = procStats(api.pid).rss;
    const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'))[1]) * 1024;
    const startupPeak = hwm();
    const post = (path, body) => fetch(`${base}/api/v1/live/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body) });
    const started = await post('replay', { year: 2018, round: 4, session: 'R', speed: SPEED, from: 600, paused: true });
    if (!started.ok) throw new Error(`replay: ${started.status} ${await started.text()}`);

    // ── ours ──
    const ours = await openClients(`${base}/api/v1/live/stream`, CLIENTS, { record: true });
    await new Promise((r) => setTimeout(r, 1000));
    const mon = monitor(api.pid);
    ours.state.started = true;
    mon.start();
    await post('control', { action: 'resume' });
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    const oursUsage = mon.stop();
    ours.state.started = false;
    await post('control', { action: 'pause' });
    ours.close();
    const recorded = ours.state.recorded;
    const result = [summary(`ApexData /live/stream (×${SPEED} replay)`, ours.state, SECONDS, oursUsage)];

    // ── baseline: the same bytes, the same schedule, a bare node:http server ──
    const file = join(apexHome, 'chunks.json');
    (await import('node:fs')).writeFileSync(file, JSON.stringify(recorded));
    const bport = await freePort();
    const bare = spawn(process.execPath, ['-e', BASELINE, file], { env: { ...process.env, PORT: String(bport) }, stdio: ['ignore', 'ignore', 'inherit'] });
    try {
      await waitFor(`http://127.0.0.1:${bport}/ping`, 60_000);
      const b = await openClients(`http://127.0.0.1:${bport}/stream`, CLIENTS);
      const bmon = monitor(bare.pid);
      b.state.started = true;
      bmon.start();
      b.state.shift = Number(await (await fetch(`http://127.0.0.1:${bport}/start`)).text());
      await new Promise((r) => setTimeout(r, SECONDS * 1000 + 400));
      const bareUsage = bmon.stop();
      b.close();
      result.push(summary('baseline: bare node:http, same bytes', b.state, SECONDS, bareUsage));
    } finally {
      bare.kill();
    }

    const bytes = recorded.reduce((n, c) => n + Buffer.byteLength(c.chunk), 0);
    console.log(`\nlive fan-out: ${CLIENTS} SSE clients, ${SECONDS} s of the 2018 Azerbaijan GP race at ×${SPEED}, loopback; ${(bytes / 1024).toFixed(0)} KiB per client; both measured in this run`);
    // Latency here is mostly scheduling when the machine is busy: say how busy it was.
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min); clients run in this process`);
    console.table(result);
    const mib = (b) => Math.round(b / 2 ** 20);
    console.log(`ours, before any client: ${mib(atHealth)} MiB RSS once the API answered /health (peak ${mib(startupPeak)} MiB while starting: ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'} migrations), ${mib(oursUsage.idleRss)} MiB with the replay loaded and the clients connected`);
    const [o, bl] = result;
    console.log(`ratio ours/baseline: p99 ×${(o.p99Ms / Math.max(1, bl.p99Ms)).toFixed(2)}, CPU ×${(o.cpuPct / Math.max(1, bl.cpuPct)).toFixed(2)}, events/s ×${(o.eventsPerSecond / Math.max(1, bl.eventsPerSecond)).toFixed(2)}, memory growth during the fan-out ×${(o.growthMiB / Math.max(1, bl.growthMiB)).toFixed(2)} (${o.growthMiB} vs ${bl.growthMiB} MiB); aim p99 < 100 ms: ${o.p99Ms < 100 ? 'met' : 'NOT met'}`);
  } finally {
    api.kill();
    rmSync(apexHome, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`bench:live fan-out failed: ${err.message}`);
  process.exit(1);
});
