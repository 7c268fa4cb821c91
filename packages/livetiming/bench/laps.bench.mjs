#!/usr/bin/env node
// Time to build all laps (buildLaps, topics already parsed) for the Mexico 2025 qualifying and the
// 2018 Azerbaijan race. Prints wall and CPU time (min / median of 30 runs after 5 warm-ups); on a
// busy machine prefer the minimum. Usage: node packages/livetiming/bench/laps.bench.mjs
import { tsImport } from 'tsx/esm/api';

const o = await tsImport('../test/oracle.ts', import.meta.url);
const { buildLaps } = await tsImport('../src/index.ts', import.meta.url);
const stat = (a) => { const s = [...a].sort((x, y) => x - y); return `min ${s[0].toFixed(1)} ms, median ${s[s.length >> 1].toFixed(1)} ms`; };
for (const session of ['fastf1-mexico-2025-q', 'fastf1/2018_Azerbaijan_R']) {
  const input = o.buildInputFor(session, { t0: true });
  for (let i = 0; i < 5; i++) buildLaps(input);
  const wall = [];
  const cpu = [];
  let laps = 0;
  for (let i = 0; i < 30; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    laps = buildLaps(input).laps.length;
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  console.log(`${session}: ${laps} laps from ${input.timingData.length} TimingData lines — wall ${stat(wall)}; cpu ${stat(cpu)}`);
}
