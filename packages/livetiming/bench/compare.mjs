// Small helpers the FastF1 comparison benches share: medians, ratios, the machine's load, and the
// alternation of the two sides so that both meet the same machine load.
import { cpus, loadavg } from 'node:os';

export const median = (a) => {
  const s = a.filter((v) => v !== null && Number.isFinite(v)).sort((x, y) => x - y);
  if (s.length === 0) return null;
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const fmt = (v, d = 2) => (v === null || v === undefined ? '–' : v.toFixed(d));

/** `theirs / ours` as "12.3×", or '–' when a side is missing. */
export const ratio = (theirs, ours) => (theirs && ours ? `${(theirs / ours).toFixed(1)}×` : '–');

/** The machine's state when the run started: a ratio means little without it. */
export function machineLine() {
  const [l1, l5] = loadavg();
  return `machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), load average ${l1.toFixed(2)} (1 min) / ${l5.toFixed(2)} (5 min); node ${process.version}`;
}

/** Runs `sides` (async functions) `reps` times in turn — A B A B … — and collects each side's results. */
export async function alternate(reps, sides) {
  const out = sides.map(() => []);
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < sides.length; i++) out[i].push(await sides[i](r));
  }
  return out;
}

/** Reads `--name value` (or the default) from argv. */
export function arg(name, dflt) {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
}
