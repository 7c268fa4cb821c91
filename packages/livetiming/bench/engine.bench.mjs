#!/usr/bin/env node
// Engine benchmark on the 2025 Mexico City qualifying (full CarData.z and Position.z), against
// FastF1's own figures for the same session (../shared/oracle/fastf1-mexico-2025-q/meta.json).
//
//   npm run build && npm run bench:engine            # session figures (+ scale test)
//   node packages/livetiming/bench/engine.bench.mjs --runs 7 --no-scale
//
// Runs the built JavaScript in packages/livetiming/dist. Each figure is the median of several runs
// after warm-up, wall and CPU time (prefer CPU on a busy machine). A cold pass and the memory
// figures run in fresh child processes, so that peak RSS belongs to one load. The scale test
// repeats the qualifying streams, time-shifted, into 2-, 4- and 8-hour 20-car sessions.
// Results are printed and saved to bench-output/engine-<date>.json.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..', '..');
const distEntry = resolve(here, '..', 'dist', 'index.js');
if (!existsSync(distEntry)) {
  console.error(`bench:engine: ${distEntry} is missing — run \`npm run build\` first.`);
  process.exit(1);
}
const E = await import(distEntry);

const sharedDir = process.env.APEX_SHARED_DIR ?? resolve(repoRoot, '..', 'shared');
const SESSION = '2025/2025-10-26_Mexico_City_Grand_Prix/2025-10-25_Qualifying/';
const sessionDir = resolve(sharedDir, 'f1data', 'livetiming', 'static', SESSION);
const oracleDir = resolve(sharedDir, 'oracle', 'fastf1-mexico-2025-q');
if (!existsSync(sessionDir)) {
  console.error(`bench:engine: session data not found at ${sessionDir} (set APEX_SHARED_DIR)`);
  process.exit(1);
}

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(arg('--runs', 5));
const WARMUP = Number(arg('--warmup', 2));
const child = arg('--child', null);

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const mib = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
const maxRssMiB = () => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
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
function pass(texts, { keep = false, onLoaded = null } = {}) {
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
  onLoaded?.();

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
  return { stages, counts, keep: keep ? { session, st } : null };
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
// child processes: a cold pass with memory figures, and the scale test's factors
if (child === 'cold') {
  const rssStart = maxRssMiB();
  const t = performance.now();
  const c = cpuMs();
  const texts = readTopics(sessionDir);
  const read = { wall: performance.now() - t, cpu: cpuMs() - c };
  let afterLoad = 0;
  const r = pass(texts, { keep: true, onLoaded: () => { afterLoad = maxRssMiB(); } });
  process.send({ read, ...r, keep: undefined, rss: { start: rssStart, final: maxRssMiB(), afterLoad }, heapUsedMiB: mib(process.memoryUsage().heapUsed) });
  process.exit(0);
}

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
const meta = JSON.parse(readFileSync(join(oracleDir, 'meta.json'), 'utf8'));
const fastf1 = {
  version: meta.fastf1_version,
  loadSeconds: meta.load_timing.cold.load_s.median,
  loadSecondsCacheDisabled: meta.load_timing.disabled.load_s.median,
  fastestLapsSeconds: Object.values(meta.fastest_lap_telemetry).reduce((s, f) => s + f.get_telemetry_s, 0),
  perLapSeconds: meta.timing_per_lap_telemetry.mean_per_lap_s,
  perDriverSessionSeconds: meta.timing_per_driver_telemetry.total_all_drivers_s.median,
  peakRssAfterLoadMiB: meta.peak_rss_mib_after_load,
  peakRssFinalMiB: meta.peak_rss_mib_final,
};

console.log(`ApexData engine bench — ${SESSION}`);
console.log(`node ${process.version}, ${RUNS} runs after ${WARMUP} warm-up, medians (wall / CPU ms)\n`);

// Children first: a fork starts with the parent's peak RSS on record, so they must run while the
// parent is still small.
const cold = await runChild(['--child', 'cold']);
let scale = null;
if (!args.includes('--no-scale')) {
  scale = [];
  for (const factor of [1, 2, 4]) scale.push(await runChild(['--child', 'scale', '--factor', String(factor)]));
}

const texts = readTopics(sessionDir);
const bytes = [...texts.values()].reduce((s, t) => s + Buffer.byteLength(t), 0);
for (let i = 0; i < WARMUP; i++) pass(texts);
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(pass(texts));
const counts = runs[0].counts;
const stageNames = Object.keys(runs[0].stages);
const med = {};
for (const s of stageNames) med[s] = { wall: round(median(runs.map((r) => r.stages[s].wall))), cpu: round(median(runs.map((r) => r.stages[s].cpu))) };
const sum = (names, k) => round(names.reduce((acc, n) => acc + med[n][k], 0));
const parseNames = ['parseJsonTopics', 'parseCarData', 'parsePosition'];
const loadNames = [...parseNames, 'buildLaps', 'buildTelemetry'];
const totals = {
  parseAllTopics: { wall: sum(parseNames, 'wall'), cpu: sum(parseNames, 'cpu') },
  load: { wall: sum(loadNames, 'wall'), cpu: sum(loadNames, 'cpu') },
  loadPlusAllLaps: { wall: sum([...loadNames, 'allLapsTelemetry'], 'wall'), cpu: sum([...loadNames, 'allLapsTelemetry'], 'cpu') },
  loadPlusPerDriver: { wall: sum([...loadNames, 'perDriverSessionTelemetry'], 'wall'), cpu: sum([...loadNames, 'perDriverSessionTelemetry'], 'cpu') },
};
const rate = (n, ms) => Math.round(n / (ms / 1000));
const throughput = {
  parsedSamplesPerSecond: rate(counts.carSamples + counts.posSamples, med.parseCarData.cpu + med.parsePosition.cpu),
  mergedSamplesPerSecondAllLaps: rate(counts.allLapsSamples, med.allLapsTelemetry.cpu),
  mergedSamplesPerSecondPerDriver: rate(counts.perDriverSamples, med.perDriverSessionTelemetry.cpu),
};

const row = (label, v, extra = '') => console.log(`  ${label.padEnd(44)} ${String(v.wall).padStart(8)} / ${String(v.cpu).padStart(8)}  ${extra}`);
console.log(`input: ${texts.size} topic files, ${mib(bytes)} MiB; ${counts.carSamples} car + ${counts.posSamples} position samples; ${counts.laps} laps`);
row('parse JSON topics', med.parseJsonTopics, `(${counts.jsonTopics} topics)`);
row('parse CarData.z', med.parseCarData);
row('parse Position.z', med.parsePosition);
row('= parse every topic', totals.parseAllTopics);
row('build laps + results (Session.fromTopics)', med.buildLaps, `(${counts.laps} laps)`);
row('build session telemetry (t0, per driver)', med.buildTelemetry);
row('= load (FastF1 session.load equivalent)', totals.load, `FastF1 ${fastf1.loadSeconds * 1000} ms → ${round((fastf1.loadSeconds * 1000) / totals.load.cpu)}× faster (CPU)`);
row('merged telemetry, fastest lap × 20 drivers', med.fastestLapsTelemetry, `FastF1 ${round(fastf1.fastestLapsSeconds * 1000)} ms → ${round((fastf1.fastestLapsSeconds * 1000) / med.fastestLapsTelemetry.cpu)}×`);
row(`merged telemetry, all ${counts.timedLaps} laps one by one`, med.allLapsTelemetry, `FastF1 ≈ ${round(fastf1.perLapSeconds * counts.timedLaps * 1000)} ms (${fastf1.perLapSeconds} s/lap) → ${round((fastf1.perLapSeconds * counts.timedLaps * 1000) / med.allLapsTelemetry.cpu)}×`);
row('merged telemetry, whole session × 20 drivers', med.perDriverSessionTelemetry, `FastF1 ${round(fastf1.perDriverSessionSeconds * 1000)} ms → ${round((fastf1.perDriverSessionSeconds * 1000) / med.perDriverSessionTelemetry.cpu)}×`);
row('= load + all laps\' merged telemetry', totals.loadPlusAllLaps);
row('= load + every driver\'s merged session', totals.loadPlusPerDriver, `FastF1 ${round((fastf1.loadSeconds + fastf1.perDriverSessionSeconds) * 1000)} ms → ${round(((fastf1.loadSeconds + fastf1.perDriverSessionSeconds) * 1000) / totals.loadPlusPerDriver.cpu)}×`);
console.log(`  samples/s: parse ${throughput.parsedSamplesPerSecond.toLocaleString('en')}, merge (all laps) ${throughput.mergedSamplesPerSecondAllLaps.toLocaleString('en')}, merge (per driver) ${throughput.mergedSamplesPerSecondPerDriver.toLocaleString('en')}`);

const coldLoad = loadNames.reduce((s, n) => s + cold.stages[n].cpu, 0);
console.log(`\ncold process (one pass, no warm-up): read ${round(cold.read.wall)} ms; load ${round(coldLoad)} ms CPU; all laps ${round(cold.stages.allLapsTelemetry.cpu)} ms CPU`);
console.log(`peak RSS: ${cold.rss.afterLoad} MiB after load, ${cold.rss.final} MiB after all telemetry (FastF1: ${fastf1.peakRssAfterLoadMiB} / ${fastf1.peakRssFinalMiB} MiB)`);

if (scale) {
  console.log(`\nscale test: qualifying streams repeated and time-shifted into ${BASE_HOURS}-hour units, 20 cars, all laps' merged telemetry`);
  const base = scale[0];
  for (const r of scale) {
    const ratio = (k) => round(r[k].cpu / base[k].cpu, 2);
    console.log(`  ${r.factor}× (${r.hours} h): ${r.samples.toLocaleString('en')} samples, ${r.laps} laps — parse ${round(r.parse.cpu)} ms (×${ratio('parse')}), build ${round(r.build.cpu)} ms (×${ratio('build')}), all laps ${round(r.allLaps.cpu)} ms (×${ratio('allLaps')}); column memory ${r.retainedMiB} MiB (×${round(r.retainedMiB / base.retainedMiB, 2)}), peak RSS ${r.rss.final} MiB (×${round(r.rss.final / base.rss.final, 2)})`);
  }
}

const result = {
  generated: new Date().toISOString(), node: process.version, session: SESSION, runs: RUNS, warmup: WARMUP,
  inputBytes: bytes, counts, medians: med, totals, throughput, cold, fastf1, scale,
};
const outDir = resolve(repoRoot, 'bench-output');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `engine-${result.generated.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(result, null, 2));
console.log(`\nsaved ${file}`);
