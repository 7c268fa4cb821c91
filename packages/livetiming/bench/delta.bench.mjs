#!/usr/bin/env node
// Lap-delta accuracy at sector lines the delta is not pinned to (issue 12), ours and FastF1's, on
// 2025 Mexico City qualifying: every clean lap (timed, all sectors, no pit in/out) against the pole
// lap and against the slowest clean lap; the delta read where the reference crosses a sector line is
// compared with the difference of the two laps' times to that line. Figures are |error| median /
// worst in ms. Deterministic (no timing), so the FastF1 side needs no same-run pairing; it is run
// when its tool is available (../shared/tools/fastf1-baseline, see delta_fastf1.py), else skipped
// with the reason.
//   ours, line held out   compareLaps pinned at the other timing lines (the test's honest check)
//   ours, start+finish    compareLaps pinned at start and finish only (whole-lap scaling)
//   FastF1 delta_time     its last released delta_time on its own telemetry (nothing pinned)
// Usage: node packages/livetiming/bench/delta.bench.mjs   (after npm run build)
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLine } from './compare.mjs';
import { baselineDir, probeBaseline } from './fastf1-baseline.mjs';
import { engine, f1data, sharedDir } from './jobs.mjs';
import { timedProcess } from './timed-process.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SESSION = '2025/2025-10-26_Mexico_City_Grand_Prix/2025-10-25_Qualifying/';
const LINES = ['start', 'sector1', 'sector2', 'finish'];

const E = await engine();
const session = await E.Session.load(SESSION, {
  archive: { base: resolve(f1data, 'livetiming') }, jolpica: { base: resolve(f1data, 'jolpica') },
  schedule: { base: resolve(f1data, 'f1schedule') }, telemetry: true,
});
const clean = session.laps.toArray().filter((l) => l.lapTime !== null && l.sector1Time !== null && l.sector2Time !== null
  && l.sector3Time !== null && l.sector1SessionTime !== null && l.sector2SessionTime !== null
  && l.pitInTime === null && l.pitOutTime === null && l.lapStartTime !== null);
const byTime = [...clean].sort((a, b) => a.lapTime - b.lapTime);
const toLine = (l, k) => (k === 0 ? l.sector1Time : l.sector1Time + l.sector2Time);

/** |delta − sector-time difference| at line k (0 = S1, 1 = S2) for every clean lap against `reference`. */
function errors(reference, k, anchors) {
  const others = clean.filter((l) => l !== reference);
  const out = [];
  for (let i = 0; i < others.length; i += E.MAX_COMPARED_LAPS - 1) {
    const group = [reference, ...others.slice(i, i + E.MAX_COMPARED_LAPS - 1)];
    const c = E.compareLaps(session.telemetry, group, { anchors });
    const at = c.referenceDistanceAt(k === 0 ? reference.sector1SessionTime : reference.sector2SessionTime);
    group.slice(1).forEach((lap, g) => out.push(E.interp(c.distance, c.laps[g + 1].delta, at) - (toLine(lap, k) - toLine(reference, k))));
  }
  return out;
}

function summary(e) {
  const a = e.map(Math.abs).sort((x, y) => x - y);
  const s = [...e].sort((x, y) => x - y);
  return { n: a.length, median: a[a.length >> 1], max: a[a.length - 1], signed: s[s.length >> 1] };
}

const rows = {};
for (const [name, reference] of [['pole', byTime[0]], ['slowest', byTime[byTime.length - 1]]]) {
  for (const k of [0, 1]) {
    const line = `sector${k + 1}`;
    rows[`${name}/${line}`] = {
      heldOut: summary(errors(reference, k, LINES.filter((l) => l !== line))),
      scaled: summary(errors(reference, k, ['start', 'finish'])),
    };
  }
}

let fastf1 = null;
let why = '';
const baseline = await probeBaseline(sharedDir);
if (baseline.ok) {
  const p = await timedProcess(baseline.python, [resolve(here, 'delta_fastf1.py'), baselineDir(sharedDir)]);
  try {
    fastf1 = JSON.parse(p.stdout.trim().split('\n').pop());
  } catch {
    why = `FastF1 side failed (exit ${p.code}): ${p.stderr.trim().split('\n').pop()}`;
  }
} else why = baseline.reason;

const f = (s) => (s ? `${s.median.toFixed(1)} / ${s.max.toFixed(1)} (${s.signed >= 0 ? '+' : ''}${s.signed.toFixed(0)})` : '–');
console.log(machineLine());
console.log(`clean laps: ${clean.length}; |error| median / worst ms (signed median)`);
console.log('case               ours, line held out      ours, start+finish      FastF1 delta_time');
for (const [key, r] of Object.entries(rows)) {
  const ff = fastf1?.[key];
  const ffs = ff ? { median: ff.median_ms, max: ff.max_ms, signed: ff.signed_median_ms } : null;
  console.log(`${key.padEnd(18)} ${f(r.heldOut).padEnd(24)} ${f(r.scaled).padEnd(23)} ${f(ffs)}`);
}
if (!fastf1) console.log(`FastF1 not measured: ${why}`);
