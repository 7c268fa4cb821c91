// The same-run baseline: the real FastF1 run offline by ../shared/tools/fastf1-baseline/run.sh on the
// same recorded files. A ratio is only printed when this ran in the same bench run; when Python or
// the tool is missing the benches say why and print our figures alone (never a recorded figure).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { timedProcess } from './timed-process.mjs';

/** Where the tool lives: APEX_FASTF1_BASELINE, else ../shared/tools/fastf1-baseline beside the repo. */
export function baselineDir(sharedDir) {
  return process.env.APEX_FASTF1_BASELINE ?? resolve(sharedDir, 'tools', 'fastf1-baseline');
}

/**
 * Whether FastF1 can run here: the tool's run.sh exists and its setup (venv from the local wheel
 * store, a stamp check once built) succeeds. Returns `{ ok: true, runSh }` or `{ ok: false, reason }`.
 */
export async function probeBaseline(sharedDir) {
  const dir = baselineDir(sharedDir);
  const runSh = resolve(dir, 'run.sh');
  if (!existsSync(runSh)) return { ok: false, reason: `FastF1 baseline tool not found at ${runSh}` };
  const setup = await timedProcess('bash', [resolve(dir, 'setup.sh'), '--quiet']);
  const python = setup.stdout.trim().split('\n').pop() ?? '';
  if (setup.code !== 0 || !python) {
    const why = setup.stderr.trim().split('\n').pop() || `setup.sh exited ${setup.code}`;
    return { ok: false, reason: `FastF1 baseline cannot run (Python/venv): ${why}` };
  }
  return { ok: true, runSh, python };
}

/**
 * One FastF1 run in a fresh process: `mode year round session`. Returns the tool's run record plus
 * the process as measured from outside (spawn → exit wall, CPU, peak RSS), or `{ error }`.
 */
export async function runFastF1(baseline, mode, year, round, session) {
  const p = await timedProcess('bash', [baseline.runSh, mode, String(year), String(round), session]);
  const line = p.stdout.trim().split('\n').pop() ?? '';
  let out;
  try {
    out = JSON.parse(line);
  } catch {
    const why = p.stderr.trim().split('\n').filter((l) => l.startsWith('fastf1-baseline')).pop() ?? p.stderr.trim().split('\n').pop();
    return { error: why || `run.sh exited ${p.code}`, process: p };
  }
  return { run: out.runs[0], rows: out.rows, session: out.session, version: out.fastf1, process: p };
}
