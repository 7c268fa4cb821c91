#!/usr/bin/env node
// Engine benchmark on the 2025 Mexico City qualifying (full CarData.z and Position.z), against the
// real FastF1 measured in the same run (../shared/tools/fastf1-baseline, `telemetry` mode).
//
//   npm run build && npm run bench:engine                 # FastF1 vs ours, stages, scale test
//   node packages/livetiming/bench/engine.bench.mjs --repeat 3 --runs 7 --no-scale
//
// 1. Whole job as a cold process, FastF1 and ours alternating (--repeat each): load with telemetry,
//    every driver's fastest-lap merged telemetry, every driver's whole-session merged telemetry.
//    Spawn → exit wall, CPU and peak RSS from outside (GNU time), and each stage from inside.
// 2. The same job in-process: FastF1's stage times inside its process vs our warm medians here.
// 3. Where our time goes (warm stage medians: parse, laps, telemetry) and the scale test (the
//    qualifying streams time-shifted into 2-, 4- and 8-hour 20-car sessions): ours alone, no ratio.
// Without Python or the tool the FastF1 side says why and no ratio is printed.
// Results are printed and saved to bench-output/engine-<date>.json.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { alternate, arg, fmt, machineLine, median, ratio } from './compare.mjs';
import { probeBaseline, runFastF1 } from './fastf1-baseline.mjs';
import { engine, repoRoot, sharedDir, telemetryJob } from './jobs.mjs';
import { timedProcess } from './timed-process.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const E = await engine().catch((err) => { console.error(`bench:engine: ${err.message}`); process.exit(1); });
const SESSION = '2025/2025-10-26_Mexico_City_Grand_Prix/2025-10-25_Qualifying/';
const sessionDir = resolve(sharedDir, 'f1data', 'livetiming', 'static', SESSION);
if (!existsSync(sessionDir)) {
  console.error(`bench:engine: session data not found at ${sessionDir} (set APEX_SHARED_DIR)`);
  process.exit(1);
}

const args = process.argv.slice(2);
const RUNS = Number(arg('--runs', 5));
const REPEAT = Number(arg('--repeat', 2));
const WARMUP = Number(arg('--warmup', 2));
const child = arg('--child', null);

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const mib = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
const maxRssMiB = () => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
const round = (v, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

function measure(fn) {
  const c = cpuMs();
  const t = performance.now();
  const value = fn();
  return { value, wall: performance.now() - t, cpu: cpuMs() - c };
}

/** Every topic file of the session as text. */
function readTopics(dir) {
  const texts = new Map();
  for (const f of readdirSync(dir)) if (f.endsWith('.jsonStream')) texts.set(f.replace(/\.jsonStream$/, ''), readFileSync(join(dir, f), 'utf8'));
  return texts;
}

const Z_TOPICS = new Set(['CarData.z', 'Position.z']);
/** Length of the scale test's base unit: a race-length session. */
const BASE_HOURS = 2;

/** One full pass; returns per-stage timings and counts. */
function pass(texts) {
  const stages = {};
  const counts = {};
  // 1. parse every topic: JSON topics into messages, the .z topics into per-driver columns
  const parseJson = measure(() => {
    const messages = new Map();
    for (const [topic, text] of texts) if (!Z_TOPICS.has(topic)) messages.set(topic, E.parseStream(text).messages);
    return messages;
  });
  const parseCar = measure(() => E.parseCarDataStream(texts.get('CarData.z')));
  const parsePos = measure(() => E.parsePositionStream(texts.get('Position.z')));
  stages.parseJsonTopics = parseJson;
  stages.parseCarData = parseCar;
  stages.parsePosition = parsePos;
  let carSamples = 0;
  for (const d of parseCar.value.drivers.values()) carSamples += d.utcMicros.length;
  let posSamples = 0;
  for (const d of parsePos.value.drivers.values()) posSamples += d.utcMicros.length;
  counts.carSamples = carSamples;
  counts.posSamples = posSamples;
  counts.jsonTopics = parseJson.value.size;

  // 2. laps (and results) through the session facade, from the parsed messages
  const laps = measure(() => E.Session.fromTopics(SESSION, parseJson.value));
  stages.buildLaps = laps;
  const session = laps.value;
  const lapList = session.laps ? session.laps.toArray() : [];
  counts.laps = lapList.length;

  // 3. telemetry of the session: t0, Date/SessionTime per driver
  const tel = measure(() => E.SessionTelemetry.fromRaw(parseCar.value, parsePos.value, lapList, { drivers: session.drivers.map((d) => d.driverNumber) }));
  stages.buildTelemetry = tel;
  const st = tel.value;

  // 4. merged telemetry: every driver's fastest lap, every lap, every driver's whole session
  const drivers = [...new Set(lapList.map((l) => l.driverNumber))];
  const fastest = drivers.map((d) => session.laps.pickDrivers(d).pickFastest()).filter((l) => l !== null);
  const timed = lapList.filter((l) => l.lapStartTime !== null && l.time !== null);
  const f = measure(() => fastest.reduce((n, lap) => n + st.lapTelemetry(lap).length, 0));
  const a = measure(() => timed.reduce((n, lap) => n + st.lapTelemetry(lap).length, 0));
  const w = measure(() => drivers.reduce((n, d) => n + st.lapTelemetry(timed.filter((l) => l.driverNumber === d)).length, 0));
  stages.fastestLapsTelemetry = f;
  stages.allLapsTelemetry = a;
  stages.perDriverSessionTelemetry = w;
  counts.fastestLaps = fastest.length;
  counts.fastestSamples = f.value;
  counts.timedLaps = timed.length;
  counts.allLapsSamples = a.value;
  counts.perDriverSamples = w.value;
  for (const s of Object.values(stages)) delete s.value;
  return { stages, counts };
}

/** Bytes held by the parsed columns and the session's telemetry arrays. */
function retained(parsed, st) {
  const seen = new Set();
  let bytes = 0;
  const add = (a) => { if (a && ArrayBuffer.isView(a) && !seen.has(a.buffer)) { seen.add(a.buffer); bytes += a.buffer.byteLength; } };
  for (const raw of [parsed.car, parsed.pos]) for (const d of raw.drivers.values()) Object.values(d).forEach(add);
  for (const m of [st.car, st.pos]) for (const t of m.values()) { add(t.date); add(t.sessionTime); add(t.time); add(t.source); Object.values(t.channels).forEach(add); }
  return bytes;
}

function runChild(extra) {
  return new Promise((resolveRun, reject) => {
    const p = fork(fileURLToPath(import.meta.url), [...extra], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let msg = null;
    p.on('message', (m) => { msg = m; });
    p.on('exit', (code) => (code === 0 && msg ? resolveRun(msg) : reject(new Error(`child ${extra.join(' ')} exited ${code}`))));
  });
}

// ---------------------------------------------------------------------------------------------
// scale test inputs: the qualifying streams repeated, time-shifted, cut to 2/4/8 hours

function scaleFiles(factor) {
  const hours = BASE_HOURS * factor;
  const carSrc = join(sessionDir, 'CarData.z.jsonStream');
  const stamp = `${statSync(carSrc).size}-${Math.round(statSync(carSrc).mtimeMs)}`;
  const dir = join(tmpdir(), 'apexdata-bench-scale', `${stamp}-${hours}h`);
  const files = { car: join(dir, 'CarData.z.jsonStream'), pos: join(dir, 'Position.z.jsonStream'), laps: join(dir, 'laps.json'), hours };
  if (existsSync(files.laps)) return files;
  mkdirSync(dir, { recursive: true });
  const limitMs = hours * 3_600_000;
  const car = readFileSync(carSrc, 'utf8');
  const pos = readFileSync(join(sessionDir, 'Position.z.jsonStream'), 'utf8');
  // One copy lasts as long as the longer stream, plus a minute.
  const lastTime = (text) => E.splitStreamLines(text).reduce((m, l) => Math.max(m, l.time), 0);
  const span = Math.ceil((Math.max(lastTime(car), lastTime(pos)) + 60_000) / 1000) * 1000;
  const copies = Math.ceil(limitMs / span);
  writeFileSync(files.car, shiftStream(car, span, copies, limitMs));
  writeFileSync(files.pos, shiftStream(pos, span, copies, limitMs));
  // The engine's laps of the qualifying, shifted with each copy (lap numbers continue).
  const texts = readTopics(sessionDir);
  const messages = new Map();
  for (const [topic, text] of texts) if (!Z_TOPICS.has(topic)) messages.set(topic, E.parseStream(text).messages);
  const laps = E.Session.fromTopics(SESSION, messages).laps.toArray().filter((l) => l.lapStartTime !== null && l.time !== null);
  const maxLap = Math.max(...laps.map((l) => l.lapNumber));
  const out = [];
  for (let c = 0; c < copies; c++) {
    for (const l of laps) {
      if (l.time + c * span > limitMs) continue;
      out.push({ driverNumber: l.driverNumber, lapNumber: l.lapNumber + c * maxLap, lapStartTime: l.lapStartTime + c * span, time: l.time + c * span });
    }
  }
  writeFileSync(files.laps, JSON.stringify(out));
  return files;
}

const ISO = /"(Utc|Timestamp)":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)Z?"/g;

function shiftStream(text, span, copies, limitMs) {
  const lines = E.splitStreamLines(text);
  const out = [];
  for (let c = 0; c < copies; c++) {
    for (const line of lines) {
      const t = line.time + c * span;
      if (t > limitMs) continue;
      let payload = line.payload;
      if (c > 0) {
        const json = inflateRawSync(Buffer.from(payload.replace(/^"|"$/g, ''), 'base64')).toString('utf8');
        const shifted = json.replace(ISO, (_, key, iso) => {
          const us = E.parseIsoMicros(iso) + c * span * 1000;
          const ms = Math.floor(us / 1000);
          const frac = String(us - ms * 1000).padStart(3, '0');
          return `"${key}":"${new Date(ms).toISOString().slice(0, 23)}${frac}0Z"`;
        });
        payload = `"${deflateRawSync(Buffer.from(shifted)).toString('base64')}"`;
      }
      out.push(E.formatSessionTimestamp(t) + payload);
    }
  }
  return '\ufeff' + out.join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// child processes: the scale test's factors
if (child === 'scale') {
  const factor = Number(arg('--factor', 1));
  const files = scaleFiles(factor);
  // Warm the JIT on the real session first, so that the factors compare steady-state work.
  {
    const warm = readTopics(sessionDir);
    const c = E.parseCarDataStream(warm.get('CarData.z'));
    const p = E.parsePositionStream(warm.get('Position.z'));
    const laps = JSON.parse(readFileSync(scaleFiles(1).laps, 'utf8')).slice(0, 60);
    const s = E.SessionTelemetry.fromRaw(c, p, laps);
    for (const lap of laps) s.lapTelemetry(lap);
  }
  const rssStart = maxRssMiB();
  const carText = readFileSync(files.car, 'utf8');
  const posText = readFileSync(files.pos, 'utf8');
  const laps = JSON.parse(readFileSync(files.laps, 'utf8'));
  const parse = measure(() => ({ car: E.parseCarDataStream(carText), pos: E.parsePositionStream(posText) }));
  const build = measure(() => E.SessionTelemetry.fromRaw(parse.value.car, parse.value.pos, laps));
  const st = build.value;
  const all = measure(() => laps.reduce((n, lap) => n + st.lapTelemetry(lap).length, 0));
  let samples = 0;
  for (const d of parse.value.car.drivers.values()) samples += d.utcMicros.length;
  for (const d of parse.value.pos.drivers.values()) samples += d.utcMicros.length;
  process.send({
    factor, hours: files.hours, laps: laps.length, samples, mergedSamples: all.value,
    parse: { wall: parse.wall, cpu: parse.cpu }, build: { wall: build.wall, cpu: build.cpu }, allLaps: { wall: all.wall, cpu: all.cpu },
    rss: { start: rssStart, final: maxRssMiB() }, heapUsedMiB: mib(process.memoryUsage().heapUsed),
    retainedMiB: mib(retained(parse.value, st)),
  });
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// main
const PATH = SESSION;
const jobsScript = join(here, 'jobs.mjs');
console.log(`bench:engine — ${SESSION}`);
console.log(machineLine());
const baseline = await probeBaseline(sharedDir);
console.log(baseline.ok ? `FastF1: ${baseline.runSh} (${baseline.python})` : `FastF1: not measured — ${baseline.reason}; no ratios are printed`);

// Scale children first: a fork starts with the parent's peak RSS on record.
let scale = null;
if (!args.includes('--no-scale')) {
  scale = [];
  for (const factor of [1, 2, 4]) scale.push(await runChild(['--child', 'scale', '--factor', String(factor)]));
}

// 1. whole job, cold processes, alternating
console.log(`\n1. whole job as a cold process (load with telemetry + fastest lap × every driver + whole session × every driver), ${REPEAT} run(s) per side, alternating`);
const [ffRuns, ourRuns] = await alternate(REPEAT, [
  async () => (baseline.ok ? runFastF1(baseline, 'telemetry', 2025, 20, 'Q') : { error: baseline.reason }),
  async () => {
    const p = await timedProcess(process.execPath, [jobsScript, 'telemetry', PATH]);
    if (p.code !== 0) throw new Error(`jobs.mjs telemetry exited ${p.code}: ${p.stderr.trim().split('\n').pop()}`);
    return { ...JSON.parse(p.stdout.trim().split('\n').pop()), process: p };
  },
]);
const ffOk = ffRuns.filter((r) => !r.error);
if (baseline.ok && !ffOk.length) console.log(`  FastF1 failed: ${ffRuns[0].error}`);
const pm = (runs, f) => median(runs.map(f));
const theirs = ffOk.length ? {
  rows: ffOk[0].rows,
  wall: pm(ffOk, (r) => r.process.wallS), cpu: pm(ffOk, (r) => r.process.cpuS), rss: pm(ffOk, (r) => r.process.peakRssMiB),
  rssAfterLoad: pm(ffOk, (r) => r.run.rss_after_load_mib),
  stages: {
    load: { wall: pm(ffOk, (r) => r.run.load_s), cpu: pm(ffOk, (r) => r.run.load_cpu_s) },
    fastest: { wall: pm(ffOk, (r) => r.run.fastest_s), cpu: pm(ffOk, (r) => r.run.fastest_cpu_s) },
    session: { wall: pm(ffOk, (r) => r.run.session_s), cpu: pm(ffOk, (r) => r.run.session_cpu_s) },
  },
} : null;
const ours = {
  rows: ourRuns[0].rows,
  wall: pm(ourRuns, (r) => r.process.wallS), cpu: pm(ourRuns, (r) => r.process.cpuS), rss: pm(ourRuns, (r) => r.process.peakRssMiB),
  rssAfterLoad: pm(ourRuns, (r) => r.rssAfterLoadMiB),
  threads: ourRuns.every((r) => r.threadCpuMs) ? { main: pm(ourRuns, (r) => r.threadCpuMs.main / 1000), background: pm(ourRuns, (r) => r.threadCpuMs.background / 1000) } : null,
  stages: Object.fromEntries(['load', 'fastest', 'session'].map((k) => [k, { wall: pm(ourRuns, (r) => r.stages[k].wall / 1000), cpu: pm(ourRuns, (r) => r.stages[k].cpu / 1000) }])),
};
const line = (label, t, o, d = 2) => console.log(`  ${label.padEnd(34)} FastF1 ${fmt(t?.wall, d).padStart(7)} s / ${fmt(t?.cpu, d).padStart(7)} s CPU   ours ${fmt(o.wall, d).padStart(7)} s / ${fmt(o.cpu, d).padStart(7)} s CPU   → ${ratio(t?.wall, o.wall)} wall, ${ratio(t?.cpu, o.cpu)} CPU`);
console.log(`  rows: FastF1 ${theirs ? `${theirs.rows.fastest_lap_telemetry} fastest-lap + ${theirs.rows.session_telemetry} session samples` : '–'}; ours ${ours.rows.fastest_lap_telemetry} + ${ours.rows.session_telemetry} (${ours.rows.laps} laps)`);
line('process, spawn → exit', theirs, ours);
for (const [k, label] of [['load', 'inside: load'], ['fastest', 'inside: fastest laps'], ['session', 'inside: whole sessions']]) line(label, theirs?.stages[k], ours.stages[k], 3);
console.log(`  peak RSS: FastF1 ${fmt(theirs?.rss, 0)} MiB (${fmt(theirs?.rssAfterLoad, 0)} after load)   ours ${fmt(ours.rss, 0)} MiB (${fmt(ours.rssAfterLoad, 0)} after load)`);
if (ours.threads) console.log(`  our process CPU by thread: main ${fmt(ours.threads.main, 2)} s, other threads ${fmt(ours.threads.background, 2)} s (V8's optimizing compiler and GC helpers: the JIT warm-up a cold process pays)`);

// 2. the same job in-process, warm
console.log(`\n2. the same job in-process: FastF1 inside its process (imports excluded) vs our median of ${RUNS} after ${WARMUP} warm-up jobs in this process`);
for (let i = 0; i < WARMUP; i++) await telemetryJob(E, PATH);
const warmRuns = [];
for (let i = 0; i < RUNS; i++) warmRuns.push(await telemetryJob(E, PATH));
const warm = Object.fromEntries(['load', 'fastest', 'session'].map((k) => [k, { wall: median(warmRuns.map((r) => r.stages[k].wall / 1000)), cpu: median(warmRuns.map((r) => r.stages[k].cpu / 1000)) }]));
const total = (st) => (st ? { wall: st.load.wall + st.fastest.wall + st.session.wall, cpu: st.load.cpu + st.fastest.cpu + st.session.cpu } : null);
line('load with telemetry', theirs?.stages.load, warm.load, 3);
line('fastest lap × every driver', theirs?.stages.fastest, warm.fastest, 3);
line('whole session × every driver', theirs?.stages.session, warm.session, 3);
line('= whole job', total(theirs?.stages), total(warm), 3);

// 3. where our time goes
const texts = readTopics(sessionDir);
const bytes = [...texts.values()].reduce((s, t) => s + Buffer.byteLength(t), 0);
for (let i = 0; i < WARMUP; i++) pass(texts);
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(pass(texts));
const counts = runs[0].counts;
const medians = {};
for (const s of Object.keys(runs[0].stages)) medians[s] = { wall: round(median(runs.map((r) => r.stages[s].wall))), cpu: round(median(runs.map((r) => r.stages[s].cpu))) };
const row = (label, v, extra = '') => console.log(`  ${label.padEnd(44)} ${String(v.wall).padStart(8)} / ${String(v.cpu).padStart(8)}  ${extra}`);
console.log(`\n3. where our time goes (topics already read; warm medians, wall / CPU ms; ours alone, no ratio)`);
console.log(`  input: ${texts.size} topic files, ${mib(bytes)} MiB; ${counts.carSamples} car + ${counts.posSamples} position samples; ${counts.laps} laps`);
row('parse JSON topics', medians.parseJsonTopics, `(${counts.jsonTopics} topics)`);
row('parse CarData.z', medians.parseCarData);
row('parse Position.z', medians.parsePosition);
row('build laps + results (Session.fromTopics)', medians.buildLaps, `(${counts.laps} laps)`);
row('build session telemetry (t0, per driver)', medians.buildTelemetry);
row('merged telemetry, fastest lap × 20 drivers', medians.fastestLapsTelemetry);
row(`merged telemetry, all ${counts.timedLaps} laps one by one`, medians.allLapsTelemetry);
row('merged telemetry, whole session × 20 drivers', medians.perDriverSessionTelemetry);

if (scale) {
  console.log(`\nscale test: qualifying streams repeated and time-shifted into ${BASE_HOURS}-hour units, 20 cars, all laps' merged telemetry (ours alone)`);
  const base = scale[0];
  for (const r of scale) {
    const rr = (k) => round(r[k].cpu / base[k].cpu, 2);
    console.log(`  ${r.factor}× (${r.hours} h): ${r.samples.toLocaleString('en')} samples, ${r.laps} laps — parse ${round(r.parse.cpu)} ms (×${rr('parse')}), build ${round(r.build.cpu)} ms (×${rr('build')}), all laps ${round(r.allLaps.cpu)} ms (×${rr('allLaps')}); column memory ${r.retainedMiB} MiB (×${round(r.retainedMiB / base.retainedMiB, 2)}), peak RSS ${r.rss.final} MiB (×${round(r.rss.final / base.rss.final, 2)})`);
  }
}

const result = {
  generated: new Date().toISOString(), machine: machineLine(), session: SESSION, repeat: REPEAT, runs: RUNS, warmup: WARMUP,
  fastf1: baseline.ok ? theirs : { notMeasured: baseline.reason }, fastf1Runs: ffRuns.map((r) => r.run ?? r.error),
  ours, oursRuns: ourRuns.map(({ process: p, ...r }) => ({ ...r, process: { wallS: p.wallS, cpuS: p.cpuS, peakRssMiB: p.peakRssMiB } })),
  warm, inputBytes: bytes, counts, stageMedians: medians, scale,
};
const outDir = resolve(repoRoot, 'bench-output');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `engine-${result.generated.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(result, null, 2));
console.log(`\nsaved ${file}`);
