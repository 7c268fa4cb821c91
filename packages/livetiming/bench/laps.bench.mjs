#!/usr/bin/env node
// Laps-only loads against FastF1, measured in the same run, on every archived session with TimingData.
//
//   npm run build && npm run bench:laps                 # every session, 1 cold run per side
//   npm run bench:laps -- --repeat 3 --only Mexico      # more runs, sessions whose path contains "Mexico"
//
// Per session, FastF1 (../shared/tools/fastf1-baseline, `laps` mode) and our `jobs.mjs laps` run
// alternately in fresh processes: load without telemetry (laps, weather, messages) + laps → JSON.
//   cold process   spawn → exit wall, CPU and peak RSS of each process (GNU time), both sides
//   in-process     FastF1's load + serialize inside its process (interpreter and imports excluded)
//                  vs our warm median in this process (--warmup loads first, then --runs)
// Without Python or the tool the FastF1 side says why and no ratio is printed.
// Results are printed and saved to bench-output/laps-<date>.json.
import { readdirSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternate, arg, fmt, machineLine, median, ratio } from './compare.mjs';
import { probeBaseline, runFastF1 } from './fastf1-baseline.mjs';
import { engine, f1data, lapsJob, repoRoot, sharedDir } from './jobs.mjs';
import { timedProcess } from './timed-process.mjs';

const REPEAT = Number(arg('--repeat', 1));
const RUNS = Number(arg('--runs', 5));
const WARMUP = Number(arg('--warmup', 3));
const ONLY = arg('--only', null);
const jobsScript = fileURLToPath(new URL('./jobs.mjs', import.meta.url));

const E = await engine().catch((err) => { console.error(`bench:laps: ${err.message}`); process.exit(1); });
const staticDir = resolve(f1data, 'livetiming', 'static');
if (!existsSync(staticDir)) {
  console.error(`bench:laps: no archive at ${staticDir} (set APEX_SHARED_DIR)`);
  process.exit(1);
}

/** Every session folder of the archive holding TimingData, with FastF1's (year, round, session name). */
function sessionsWithTiming() {
  const out = [];
  for (const year of readdirSync(staticDir).filter((y) => /^\d{4}$/.test(y)).sort()) {
    for (const event of readdirSync(join(staticDir, year)).sort()) {
      if (!existsSync(join(staticDir, year, event)) || event.endsWith('.json')) continue;
      for (const session of readdirSync(join(staticDir, year, event)).sort()) {
        if (!existsSync(join(staticDir, year, event, session, 'TimingData.jsonStream'))) continue;
        const path = `${year}/${event}/${session}/`;
        if (ONLY && !path.includes(ONLY)) continue;
        out.push({ path, year: Number(year), round: roundOf(Number(year), event.slice(0, 10)), name: session.slice(11).replace(/_/g, ' ') });
      }
    }
  }
  return out;
}

/** The round number FastF1's schedule file gives the event on that race day (FastF1 reads the same file). */
function roundOf(year, raceDay) {
  const file = resolve(f1data, 'f1schedule', `schedule_${year}.json`);
  if (!existsSync(file)) return null;
  const s = JSON.parse(readFileSync(file, 'utf8'));
  for (const [i, d] of Object.entries(s.event_date)) if (String(d).slice(0, 10) === raceDay) return s.round_number[i];
  return null;
}

const sessions = sessionsWithTiming();
console.log(`bench:laps — laps-only loads, ApexData vs FastF1 in the same run, ${sessions.length} sessions with TimingData`);
console.log(machineLine());
const baseline = await probeBaseline(sharedDir);
console.log(baseline.ok ? `FastF1: ${baseline.runSh} (${baseline.python})` : `FastF1: not measured — ${baseline.reason}; no ratios are printed`);
console.log(`${REPEAT} cold run(s) per side, alternating; in-process: our median of ${RUNS} after ${WARMUP} warm-up loads\n`);

const results = [];
for (const s of sessions) {
  const [ff, ours] = await alternate(REPEAT, [
    async () => (baseline.ok && s.round ? runFastF1(baseline, 'laps', s.year, s.round, s.name) : { error: baseline.ok ? 'no round in the schedule file' : baseline.reason }),
    async () => {
      const p = await timedProcess(process.execPath, [jobsScript, 'laps', s.path]);
      if (p.code !== 0) throw new Error(`jobs.mjs laps ${s.path} exited ${p.code}: ${p.stderr.trim().split('\n').pop()}`);
      return { ...JSON.parse(p.stdout.trim().split('\n').pop()), process: p };
    },
  ]);
  for (let i = 0; i < WARMUP; i++) await lapsJob(E, s.path);
  const warm = [];
  for (let i = 0; i < RUNS; i++) warm.push(await lapsJob(E, s.path));

  const ok = ff.filter((r) => !r.error);
  const theirs = ok.length ? {
    laps: ok[0].rows.laps,
    processWall: median(ok.map((r) => r.process.wallS)),
    processCpu: median(ok.map((r) => r.process.cpuS)),
    peakRss: median(ok.map((r) => r.process.peakRssMiB)),
    inProcessWall: median(ok.map((r) => r.run.load_s + r.run.serialize_s)),
    inProcessCpu: median(ok.map((r) => r.run.load_cpu_s)),
  } : null;
  const mine = {
    laps: ours[0].rows.laps,
    processWall: median(ours.map((r) => r.process.wallS)),
    processCpu: median(ours.map((r) => r.process.cpuS)),
    peakRss: median(ours.map((r) => r.process.peakRssMiB)),
    coldInProcessWall: median(ours.map((r) => (r.stages.load.wall + r.stages.serialize.wall) / 1000)),
    inProcessWall: median(warm.map((r) => (r.stages.load.wall + r.stages.serialize.wall) / 1000)),
    inProcessCpu: median(warm.map((r) => (r.stages.load.cpu + r.stages.serialize.cpu) / 1000)),
  };
  const row = { session: s.path, year: s.year, round: s.round, name: s.name, fastf1: theirs, fastf1Error: ok.length ? null : ff[0]?.error, ours: mine };
  results.push(row);
  printRow(row);
}

function printRow({ session, fastf1: t, fastf1Error, ours: o }) {
  console.log(session);
  if (!t) console.log(`  FastF1: no figure — ${fastf1Error}`);
  console.log(`  laps               FastF1 ${t?.laps ?? '–'}   ours ${o.laps}`);
  console.log(`  cold process       FastF1 ${fmt(t?.processWall)} s wall, ${fmt(t?.processCpu)} s CPU, ${fmt(t?.peakRss, 0)} MiB   ours ${fmt(o.processWall)} s, ${fmt(o.processCpu)} s CPU, ${fmt(o.peakRss, 0)} MiB   → ${ratio(t?.processWall, o.processWall)} wall, ${ratio(t?.processCpu, o.processCpu)} CPU`);
  console.log(`  in-process         FastF1 ${fmt(t?.inProcessWall, 3)} s wall, ${fmt(t?.inProcessCpu, 3)} s CPU   ours warm ${fmt(o.inProcessWall, 3)} s, ${fmt(o.inProcessCpu, 3)} s CPU (first load in a fresh process ${fmt(o.coldInProcessWall, 3)} s)   → ${ratio(t?.inProcessWall, o.inProcessWall)} wall, ${ratio(t?.inProcessCpu, o.inProcessCpu)} CPU`);
}

const measured = results.filter((r) => r.fastf1);
if (measured.length) {
  const rs = (k) => measured.map((r) => r.fastf1[k] / r.ours[k]);
  const span = (a) => `${Math.min(...a).toFixed(1)}–${Math.max(...a).toFixed(1)}× (median ${median(a).toFixed(1)}×)`;
  console.log(`\nover ${measured.length} sessions FastF1 could load: cold process ${span(rs('processWall'))} wall; in-process ${span(rs('inProcessWall'))} wall, ${span(rs('inProcessCpu'))} CPU`);
}
const outDir = resolve(repoRoot, 'bench-output');
mkdirSync(outDir, { recursive: true });
const generated = new Date().toISOString();
const file = join(outDir, `laps-${generated.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ generated, machine: machineLine(), repeat: REPEAT, runs: RUNS, warmup: WARMUP, fastf1: baseline.ok ? 'measured' : baseline.reason, results }, null, 2));
console.log(`\nsaved ${file}`);
