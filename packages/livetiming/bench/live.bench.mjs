#!/usr/bin/env node
// Live engine benchmark: whole sessions replayed at full speed through the live engine.
//
//   npm run build && npm run bench:live            # engine half (this file)
//   node packages/livetiming/bench/live.bench.mjs --runs 7
//
// Sessions: the 2018 Azerbaijan race (the aim: a whole race in < 2 s) and the 2025 Mexico City
// qualifying (the only archive with CarData.z/Position.z). Figures are absolute times of our code
// (median of --runs after --warmup, wall and CPU; prefer CPU on a busy machine) — no ratio is
// printed, since no other tool replays a live state. Stages:
//   load      read every topic file, parse (inflate .z), merge into one timeline (cold, once)
//   apply     every message into a LiveState (merge rules, .z windows)
//   replay    ReplayPlayer at speed "max" → LiveState: the real source path, async iteration included
//   replay+views  the same, plus liveView() (tower, clock, cars…) once per second of feed time, as a
//             server computes what it sends
//   keyframes first seek to the end (builds a keyframe per minute), then seeks to random times
// Results are printed and saved to bench-output/live-<date>.json.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..', '..');
const distEntry = resolve(here, '..', 'dist', 'index.js');
if (!existsSync(distEntry)) {
  console.error(`bench:live: ${distEntry} is missing — run \`npm run build\` first.`);
  process.exit(1);
}
const E = await import(distEntry);
const sharedDir = process.env.APEX_SHARED_DIR ?? resolve(repoRoot, '..', 'shared');
const archiveDir = resolve(sharedDir, 'f1data', 'livetiming');
if (!existsSync(archiveDir)) {
  console.error(`bench:live: archive not found at ${archiveDir} (set APEX_SHARED_DIR)`);
  process.exit(1);
}

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(arg('--runs', 5));
const WARMUP = Number(arg('--warmup', 1));
const SESSIONS = [
  { label: '2018 Azerbaijan race', path: '2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race/', aimMs: 2000 },
  { label: '2025 Mexico City qualifying (car data + positions)', path: '2025/2025-10-26_Mexico_City_Grand_Prix/2025-10-25_Qualifying/' },
];

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const round = (v, d = 0) => Math.round(v * 10 ** d) / 10 ** d;

async function measure(fn) {
  const c = cpuMs();
  const t = performance.now();
  const value = await fn();
  return { value, wall: performance.now() - t, cpu: cpuMs() - c };
}

async function repeated(fn) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(fn));
  return { wall: round(median(runs.map((r) => r.wall))), cpu: round(median(runs.map((r) => r.cpu))), value: runs[0].value };
}

function applyAll(timeline) {
  const state = new E.LiveState();
  for (const m of timeline.messages) state.apply(m);
  return state.seq;
}

async function replay(timeline, withViews) {
  const player = new E.ReplayPlayer(new E.Replay(timeline, { keyframeEveryMs: 3_600_000 * 24 }), { speed: 'max' });
  const state = new E.LiveState();
  let nextView = 0;
  let views = 0;
  for await (const e of player) {
    state.handle(e);
    if (withViews && state.at >= nextView) {
      E.liveView(state.topics, state.at);
      views++;
      nextView = state.at + 1000;
    }
    if (e.type === 'status' && e.status.state === 'ended') break;
  }
  return { seq: state.seq, views };
}

const archive = new E.ArchiveClient({ base: archiveDir });
const results = [];
console.log(`bench:live — engine half; median of ${RUNS} runs after ${WARMUP} warm-up (wall / CPU ms); node ${process.version}`);
for (const s of SESSIONS) {
  const load = await measure(() => E.loadTimeline(archive, s.path));
  const timeline = load.value;
  const span = timeline.messages.at(-1).at - timeline.messages[0].at;
  const apply = await repeated(() => applyAll(timeline));
  const rep = await repeated(() => replay(timeline, false));
  const views = await repeated(() => replay(timeline, true));
  const keyed = new E.Replay(timeline, { keyframeEveryMs: 60_000 });
  const build = await measure(() => keyed.stateAt(keyed.endAt));
  const seeks = [];
  for (let i = 0; i < 20; i++) {
    const at = keyed.startAt + ((i * 7919) % 997) / 997 * (keyed.endAt - keyed.startAt);
    seeks.push((await measure(() => keyed.stateAt(at))).wall);
  }
  const tower = E.timingTower(keyed.stateAt(keyed.endAt).topics);
  const row = {
    session: s.label,
    messages: timeline.messages.length,
    feedMinutes: round(span / 60_000, 1),
    loadMs: { wall: round(load.wall), cpu: round(load.cpu) },
    applyMs: { wall: apply.wall, cpu: apply.cpu },
    replayMaxSpeedMs: { wall: rep.wall, cpu: rep.cpu },
    replayWithViewsMs: { wall: views.wall, cpu: views.cpu, views: views.value.views },
    keyframes: keyed.keyframes,
    keyframeBuildMs: round(build.wall),
    seekMedianMs: round(median(seeks), 1),
    seekMaxMs: round(Math.max(...seeks), 1),
    towerRows: tower.rows.length,
    aimMs: s.aimMs ?? null,
  };
  results.push(row);
  console.log(`\n${s.label}: ${row.messages} messages over ${row.feedMinutes} min of feed`);
  console.log(`  load (read+parse+merge, cold)   ${row.loadMs.wall} / ${row.loadMs.cpu}`);
  console.log(`  apply → LiveState               ${row.applyMs.wall} / ${row.applyMs.cpu}`);
  console.log(`  replay ×max → LiveState         ${row.replayMaxSpeedMs.wall} / ${row.replayMaxSpeedMs.cpu}${s.aimMs ? `   (aim < ${s.aimMs}: ${row.replayMaxSpeedMs.wall < s.aimMs ? 'met' : 'NOT met'})` : ''}`);
  console.log(`  replay ×max + ${row.replayWithViewsMs.views} liveViews      ${row.replayWithViewsMs.wall} / ${row.replayWithViewsMs.cpu}`);
  console.log(`  keyframes: ${row.keyframes} built in ${row.keyframeBuildMs}; seek median ${row.seekMedianMs}, max ${row.seekMaxMs}`);
}
console.log('\nThe fan-out half (SSE clients against a bare node:http baseline, same run) is measured by the server bench.');
const outDir = resolve(repoRoot, 'bench-output');
mkdirSync(outDir, { recursive: true });
const file = resolve(outDir, `live-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, runs: RUNS, warmup: WARMUP, results }, null, 2));
console.log(`saved ${file}`);
