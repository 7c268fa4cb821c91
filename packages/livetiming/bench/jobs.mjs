#!/usr/bin/env node
// Our side of the FastF1 comparison: the same jobs as the baseline tool's modes, on the same files.
//   laps      Session.load without telemetry (laps, weather, messages) → laps as JSON records
//   telemetry Session.load with telemetry → every driver's fastest-lap merged telemetry → every
//             driver's whole-session merged telemetry
// Imported by the benches (in-process, warm) or run as `node jobs.mjs MODE SESSION_PATH` (a cold
// process: prints one JSON line with stage times, CPU and peak RSS).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..', '..');
export const sharedDir = process.env.APEX_SHARED_DIR ?? resolve(repoRoot, '..', 'shared');
export const f1data = resolve(sharedDir, 'f1data');
const dist = resolve(here, '..', 'dist');

/**
 * The built engine (benches time the JavaScript users run, not tsx). `session` imports only the
 * session module, as `apex archive` does: the root index also loads the live feed (SignalR client),
 * which costs a cold process ~0.12 s CPU that a session load never uses.
 */
export async function engine({ only = 'index' } = {}) {
  const entry = resolve(dist, only === 'session' ? 'session.js' : 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing — run \`npm run build\` first`);
  return import(entry);
}

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/** Runs `fn` and returns its value with wall and CPU ms. */
export async function timed(fn) {
  const c = cpuMs();
  const t = performance.now();
  const value = await fn();
  return { value, wall: performance.now() - t, cpu: cpuMs() - c };
}

function loadOptions(telemetry) {
  return {
    archive: { base: resolve(f1data, 'livetiming') },
    jolpica: { base: resolve(f1data, 'jolpica') },
    schedule: { base: resolve(f1data, 'f1schedule') },
    telemetry,
  };
}

/** FastF1's `laps` mode: load (no telemetry) + laps → JSON records. */
export async function lapsJob(E, path) {
  const load = await timed(() => E.Session.load(path, loadOptions(false)));
  const laps = load.value.laps?.toArray() ?? [];
  const serialize = await timed(() => JSON.stringify(laps).length);
  return { rows: { laps: laps.length }, stages: { load: strip(load), serialize: strip(serialize) } };
}

/** FastF1's `telemetry` mode: load with telemetry, every driver's fastest lap, every driver's session. */
export async function telemetryJob(E, path, { onLoaded } = {}) {
  const load = await timed(() => E.Session.load(path, loadOptions(true)));
  const session = load.value;
  onLoaded?.();
  const drivers = (session.results.length ? session.results : session.drivers).map((d) => d.driverNumber);
  const timedLaps = (d) => session.laps.pickDrivers(d).toArray().filter((l) => l.lapStartTime !== null && l.time !== null);
  const fastest = await timed(() => {
    let rows = 0;
    for (const d of drivers) {
      const lap = session.laps.pickDrivers(d).pickFastest();
      if (lap) rows += session.lapTelemetry(lap).length;
    }
    return rows;
  });
  const whole = await timed(() => {
    let rows = 0;
    for (const d of drivers) {
      const laps = timedLaps(d);
      if (laps.length) rows += session.lapTelemetry(laps).length;
    }
    return rows;
  });
  return {
    rows: { laps: session.laps?.length ?? 0, drivers: drivers.length, fastest_lap_telemetry: fastest.value, session_telemetry: whole.value },
    stages: { load: strip(load), fastest: strip(fastest), session: strip(whole) },
  };
}

const strip = ({ wall, cpu }) => ({ wall, cpu });

/**
 * CPU (ms) of this process's main thread and of all its other threads — in a cold Node process
 * mostly V8's optimizing compiler and GC helpers — from /proc (Linux); null elsewhere.
 */
export function threadCpuMs() {
  try {
    const hz = 100; // USER_HZ, the unit of utime/stime in /proc/<pid>/task/<tid>/stat
    let main = 0;
    let background = 0;
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(f[11]) + Number(f[12])) * 1000) / hz;
      if (Number(tid) === process.pid) main += ms; else background += ms;
    }
    return { main, background };
  } catch {
    return null;
  }
}
export const JOBS = { laps: lapsJob, telemetry: telemetryJob };

// ---------------------------------------------------------------------------------------------
// cold process entry
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode, path] = process.argv.slice(2);
  if (!JOBS[mode] || !path) {
    console.error('usage: node jobs.mjs laps|telemetry SESSION_PATH');
    process.exit(2);
  }
  const E = await engine({ only: 'session' });
  let rssAfterLoad = null;
  const out = await JOBS[mode](E, path, { onLoaded: () => { rssAfterLoad = process.resourceUsage().maxRSS / 1024; } });
  console.log(JSON.stringify({ ...out, rssAfterLoadMiB: rssAfterLoad, peakRssMiB: process.resourceUsage().maxRSS / 1024, cpuMs: cpuMs(), threadCpuMs: threadCpuMs() }));
}
