#!/usr/bin/env node
// Parity table of our laps and results against FastF1's outputs in ../shared/oracle.
// Usage: node packages/livetiming/bench/parity.mjs [--markdown]
// Loads the TypeScript comparison helper (test/oracle.ts) through tsx, so no build is needed.
import { tsImport } from 'tsx/esm/api';

const markdown = process.argv.includes('--markdown');
const o = await tsImport('../test/oracle.ts', import.meta.url);
const { buildLaps } = await tsImport('../src/index.ts', import.meta.url);

const short = (s) => s.replace('fastf1/', '').replace('fastf1-mexico-2025-q', '2025_Mexico_Q');
const sessions = [...o.ORACLE_SESSIONS];
const lapRows = new Map();
const resultRows = new Map();
const meta = [];
for (const s of sessions) {
  let best = Infinity;
  let build;
  const input = o.buildInputFor(s, { t0: true });
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    build = buildLaps(input);
    best = Math.min(best, performance.now() - t);
  }
  const p = o.compareWithOracle(s, build.laps.toArray(), { lapStartDate: true });
  meta.push({ s, rows: `${p.ours}/${p.theirs}`, missing: p.missing.length, extra: p.extra.length, ms: best });
  for (const c of p.columns) {
    if (!lapRows.has(c.column)) lapRows.set(c.column, []);
    lapRows.get(c.column).push(c);
  }
  const r = o.compareResults(s, o.resultsFor(s, o.buildOracleSession(s)));
  for (const c of r.columns) {
    if (!resultRows.has(c.column)) resultRows.set(c.column, []);
    resultRows.get(c.column).push(c);
  }
}

const cell = (c) => (c.equal === c.total ? `${c.equal}/${c.total}` : `**${c.equal}/${c.total}**`);
function table(title, rows) {
  const head = ['column', ...sessions.map(short)];
  const lines = [head, ...[...rows].map(([col, cs]) => [col, ...cs.map(cell)])];
  if (markdown) {
    console.log(`\n### ${title}\n`);
    console.log(`| ${head.join(' | ')} |`);
    console.log(`|${head.map(() => '---').join('|')}|`);
    for (const l of lines.slice(1)) console.log(`| ${l.join(' | ')} |`);
  } else {
    console.log(`\n${title}`);
    const w = head.map((_, i) => Math.max(...lines.map((l) => String(l[i]).length)));
    for (const l of lines) console.log(l.map((v, i) => String(v).padEnd(w[i])).join('  '));
  }
}
// build times are wall clock on whatever else the machine is doing: indicative, not a benchmark
const fmtMeta = meta.map((m) => `${short(m.s)}: rows ${m.rows}, missing ${m.missing}, extra ${m.extra}` + (markdown ? '' : `, buildLaps ${m.ms.toFixed(1)} ms (best of 5)`));
console.log(markdown ? `\n${fmtMeta.map((l) => `- ${l}`).join('\n')}` : fmtMeta.join('\n'));
table('Laps: rows equal to FastF1 per column (durations ±1 ms, floats 1e-6 relative)', lapRows);
table('Results: rows equal to FastF1 per column', resultRows);
const diffs = [...lapRows.values(), ...resultRows.values()].flat().filter((c) => c.equal !== c.total);
process.exitCode = 0;
if (diffs.length) console.log(`\n${diffs.length} column(s) with differences (see PARITY.md for the documented ones)`);
